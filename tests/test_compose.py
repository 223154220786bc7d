"""docker-compose.yml: valid YAML with the services production needs, workers scalable."""

from pathlib import Path

import yaml

from config.health import HEALTH_PATH

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
NGINX = ROOT / "deploy" / "nginx.conf"


def test_compose_has_a_scalable_worker_and_a_broker_with_health_checks():
    services = yaml.safe_load(COMPOSE.read_text())["services"]
    assert {"db", "web", "redis", "worker"} <= set(services)
    worker = services["worker"]
    assert worker["command"].startswith("celery -A config worker")
    # `--scale worker=N` needs no fixed name and no host port per container.
    assert "container_name" not in worker
    assert "ports" not in worker
    for name in ("db", "redis", "worker"):
        assert services[name]["healthcheck"]["test"], name
    assert (
        worker["environment"]["CELERY_BROKER_URL"]
        == services["web"]["environment"]["CELERY_BROKER_URL"]
    )


def test_web_is_healthy_only_when_gunicorn_answers_the_health_page():
    services = yaml.safe_load(COMPOSE.read_text())["services"]
    web = services["web"]
    check = " ".join(web["healthcheck"]["test"])
    assert f"http://127.0.0.1:8000{HEALTH_PATH}" in check
    assert "--bind 0.0.0.0:8000" in web["command"]
    assert "EXPOSE 8000" in DOCKERFILE.read_text()
    assert web["healthcheck"]["start_period"]  # the migrations run before gunicorn answers


def test_services_that_need_the_web_wait_until_it_is_healthy():
    services = yaml.safe_load(COMPOSE.read_text())["services"]
    dependants = {name for name, s in services.items() if "web" in s.get("depends_on", {})}
    assert dependants == {"worker", "proxy"}
    for name in dependants:
        assert services[name]["depends_on"]["web"] == {"condition": "service_healthy"}, name


def test_the_proxy_closes_the_health_page_to_the_internet():
    """/health/ skips the host check and the throttle: nginx answers it to private networks only."""
    conf = NGINX.read_text()
    block = conf.split(f"location = {HEALTH_PATH} {{", 1)[1].split("}", 1)[0]
    lines = [line.strip() for line in block.splitlines()]
    rules = [line for line in lines if line.startswith(("allow", "deny"))]
    assert rules[-1] == "deny all;"
    assert "allow 127.0.0.1;" in rules
    assert not any(rule in ("allow all;", "allow 0.0.0.0/0;") for rule in rules)
    assert "proxy_pass http://whosaid_web;" in block

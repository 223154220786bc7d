"""docker-compose.yml: valid YAML with the services production needs, workers scalable."""

from pathlib import Path

import yaml

COMPOSE = Path(__file__).resolve().parents[1] / "docker-compose.yml"


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

"""Whosaid settings: everything that differs between machines comes from the environment."""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, *, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean (use 1/0, true/false)")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not an integer") from None


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)

# A fixed development key is only acceptable while DEBUG is on: production must set SECRET_KEY.
_DEV_SECRET_KEY = "django-insecure-whosaid-development-key-do-not-use-in-production"
SECRET_KEY = env_str("SECRET_KEY", _DEV_SECRET_KEY if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (export SECRET_KEY=...)")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",  # only for its migrations: its keys moved to knox, hashed
    "knox",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "access",
    "sources",
    "quotes",
    "web",
    "jobs",
]

MIDDLEWARE = [
    "config.health.HealthCheckMiddleware",  # first: answers /health/ before the host check
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files (admin, API docs) in production
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# PostgreSQL only. DATABASE_URL points at a server; without it, the embedded server of the
# pgserver package runs from .pgdata/ in the checkout (see config/embedded_postgres/).
STATEMENT_TIMEOUT_MS = env_int("STATEMENT_TIMEOUT_MS", 30_000)
# Each web process keeps a pool of at most DB_POOL_MAX_SIZE connections (psycopg's pool, built
# into Django's PostgreSQL backend); a request waits up to DB_POOL_TIMEOUT seconds for one.
# Persistent per-thread connections (CONN_MAX_AGE) grew with every thread of a threaded server
# until PostgreSQL refused clients ("too many clients already"). DB_POOL_MAX_SIZE=0: no pool.
DB_POOL_MAX_SIZE = env_int("DB_POOL_MAX_SIZE", 8)
DB_POOL_TIMEOUT = env_int("DB_POOL_TIMEOUT", 30)
_DB_OPTIONS: dict[str, object] = {"options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"}
if DB_POOL_MAX_SIZE > 0:
    _DB_OPTIONS["pool"] = {
        "min_size": 1,
        "max_size": DB_POOL_MAX_SIZE,
        "timeout": DB_POOL_TIMEOUT,
        "max_idle": 300,
    }
_CONN_MAX_AGE = 0 if DB_POOL_MAX_SIZE > 0 else 600  # Django refuses both at once
if os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ["DATABASE_URL"], conn_max_age=_CONN_MAX_AGE, conn_health_checks=True
        )
    }
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL (postgres://...)")
    DATABASES["default"].setdefault("OPTIONS", {}).update(_DB_OPTIONS)
else:
    DATABASES = {
        "default": {
            "ENGINE": "config.embedded_postgres",
            "NAME": env_str("EMBEDDED_DB_NAME", "whosaid"),
            "USER": "postgres",
            "CONN_MAX_AGE": _CONN_MAX_AGE,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": _DB_OPTIONS,
        }
    }
EMBEDDED_PGDATA = env_str("EMBEDDED_PGDATA", str(BASE_DIR / ".pgdata"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Without collectstatic (development, tests), whitenoise finds files where the apps keep them.
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = DEBUG or not STATIC_ROOT.exists()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# A cache shared by every web process: the database (createcachetable makes the table in
# `make run`). Throttling does not use it: its counts are atomic upserts (access.counters).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "whosaid_cache",
    }
}

# Reverse proxies in front of the web processes. 0 (the default): X-Forwarded-For and
# X-Forwarded-Proto come from the client and are ignored, or anyone could pick the address the
# throttle counts and claim HTTPS. Set it only when a proxy in front overwrites those headers
# (docker-compose's nginx does, and sets 1).
NUM_PROXIES = env_int("NUM_PROXIES", 0)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "access.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    # JSON only, with size, nesting, NUL and surrogate guards.
    "DEFAULT_PARSER_CLASSES": ["config.api.guards.GuardedJSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "config.throttling.AnonymousRateThrottle",
        "config.throttling.SignedInRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("THROTTLE_ANON", "120/minute"),
        "user": env_str("THROTTLE_USER", "1200/minute"),
    },
    "NUM_PROXIES": NUM_PROXIES,
}

# API tokens (django-rest-knox): only a hash is stored; each expires TOKEN_TTL_DAYS after it
# was issued (0: never). `manage.py token_create USER` issues one.
TOKEN_TTL_DAYS = env_int("TOKEN_TTL_DAYS", 365)
REST_KNOX = {
    "TOKEN_TTL": datetime.timedelta(days=TOKEN_TTL_DAYS) if TOKEN_TTL_DAYS > 0 else None,
    "AUTO_REFRESH": False,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Whosaid API",
    "DESCRIPTION": "Who said what: direct quotes from news articles, their speakers, "
    "articles and outlets.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Largest accepted request body; POST /api/articles/ answers 413 past it.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("MAX_REQUEST_BYTES", 2 * 1024 * 1024)
# Largest accepted body of POST /api/articles/batch/ (413 past it).
MAX_BATCH_BYTES = env_int("MAX_BATCH_BYTES", 16 * 1024 * 1024)

# Production hardening, on whenever DEBUG is off (`manage.py check --deploy` is clean).
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    if NUM_PROXIES > 0:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Celery (config/celery.py). With CELERY_BROKER_URL set (redis://host:6379/0), `ingest`,
# `reextract` and POST /api/articles/batch/ hand their work to workers on any machine; without
# it tasks run in the calling process. Progress and results live in PostgreSQL (jobs app), so
# no result backend is needed.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
if CELERY_TASK_ALWAYS_EAGER:
    CELERY_BROKER_URL = "memory://"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A message is acknowledged when its task has finished, and given back when the worker dies.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 300)
# The soft limit comes first, so that a batch too slow to finish is recorded as failed.
CELERY_TASK_SOFT_TIME_LIMIT = max(1, CELERY_TASK_TIME_LIMIT * 9 // 10)
# Redis redelivers a message whose worker machine vanished (kill -9, power loss) after this
# many seconds: longer than any task may run, or a slow task would be run twice (harmless:
# tasks are idempotent, but wasted).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 2 * CELERY_TASK_TIME_LIMIT)
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Late acknowledgement gives a batch back each time its worker dies; one that kills every worker
# (out of memory, a segfault) would come back forever and hold its job. Its deliveries are
# counted in PostgreSQL, and after this many deaths its articles fail, named, and the job ends.
JOB_BATCH_MAX_DELIVERIES = max(1, env_int("JOB_BATCH_MAX_DELIVERIES", 5))
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

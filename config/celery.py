"""The Celery app: ingestion and re-extraction spread over worker machines.

Workers start with `celery -A config worker`; every machine points at the same PostgreSQL
(`DATABASE_URL`) and the same broker (`CELERY_BROKER_URL`, Redis in production). Without a
broker, tasks run in the calling process (Celery's eager mode): one machine works as before.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("whosaid")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

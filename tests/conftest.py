import importlib

import pytest
from django.apps import apps as django_apps
from django.core.cache import cache
from django.db import connection
from rest_framework.test import APIClient

from tests.factories import StaffFactory, UserFactory


@pytest.fixture(autouse=True)
def no_random_throttle_prune(monkeypatch):
    """One request in a thousand also prunes old throttle windows (access.counters): a
    query-count assertion must not fail on that draw. tests/access/test_counters.py turns it
    back on."""
    monkeypatch.setattr("access.counters.PRUNE_CHANCE", 0.0)


@pytest.fixture
def api_client(db) -> APIClient:
    # Throttle counters live in the shared cache: each test starts with none.
    cache.clear()
    return APIClient()


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def staff(db):
    return StaffFactory()


@pytest.fixture
def default_outlets(db) -> None:
    """The outlet registry that migrations install (transactional tests flush it away)."""
    migration = importlib.import_module("sources.migrations.0003_default_outlets")
    migration.add_outlets(django_apps, connection.schema_editor())


def pytest_terminal_summary(terminalreporter):
    """Say which broker the Celery job tests ran on (shown with -q too)."""
    from tests.jobs.conftest import broker_header

    terminalreporter.write_line(broker_header())

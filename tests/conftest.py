import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from tests.factories import StaffFactory, UserFactory


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

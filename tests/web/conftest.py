import pytest

from tests.web.world import World, build_world


@pytest.fixture
def world(db) -> World:
    return build_world()

"""An article finds its registered outlet by alias, case, accents or its URL's domain."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.db import connection

from quotes.services import article_ingest
from sources.metadata import match_outlet, outlet_name_key
from sources.models import Outlet
from sources.services import outlet_registry
from tests.factories import ArticleFactory, OutletFactory

pytestmark = pytest.mark.django_db

TEXT = "Talks resume\n\n“We are ready to talk,” said Kim Min-su on Monday."


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Yonhap News Agency", "Yonhap"),
        ("the korea herald", "The Korea Herald"),
        ("KOREA HERALD", "The Korea Herald"),
        ("Asharq Al-awsat", "Asharq Al-Awsat"),
        ("The Hankyoreh", "The Hankyoreh"),
    ],
)
def test_a_submitted_outlet_name_finds_the_registered_outlet(default_outlets, given, expected):
    article = article_ingest(text=TEXT, outlet=given).article
    assert article.outlet.name == expected
    assert not Outlet.objects.filter(name=given).exclude(name=expected).exists()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.koreaherald.com/view.php?ud=2021", "The Korea Herald"),
        ("https://reuters.com/world/asia-pacific/talks", "Reuters"),
        ("https://en.yna.co.kr/view/AEN2021", "Yonhap"),
    ],
)
def test_an_article_url_on_a_registered_domain_gives_its_outlet(default_outlets, url, expected):
    assert article_ingest(text=TEXT, url=url).article.outlet.name == expected


def test_an_unknown_outlet_is_created_as_given_and_an_unknown_domain_gives_none(default_outlets):
    assert article_ingest(text=TEXT, outlet="Daily Planet").article.outlet.name == "Daily Planet"
    other = article_ingest(text=TEXT + " Again.", url="https://notanoutlet.example/a").article
    assert other.outlet is None


def test_a_lookalike_domain_is_not_the_outlet(default_outlets):
    outlets = outlet_registry()
    assert match_outlet(name=None, url="https://fakereuters.com/a", outlets=outlets) is None
    assert outlet_name_key("Él Pais") == outlet_name_key("el país") == "el pais"


def test_the_migration_merges_duplicate_outlets_and_fills_outlets_from_urls(default_outlets):
    duplicate = OutletFactory(name="the korea herald", domains=["kh.example"])
    moved = ArticleFactory(outlet=duplicate)
    from_url = ArticleFactory(outlet=None, url="https://www.reuters.com/world/x")
    migration = importlib.import_module("sources.migrations.0006_merge_duplicate_outlets")
    migration.merge_outlets(django_apps, connection.schema_editor())
    herald = Outlet.objects.get(name="The Korea Herald")
    moved.refresh_from_db()
    from_url.refresh_from_db()
    assert moved.outlet == herald
    assert "kh.example" in herald.domains
    assert not Outlet.objects.filter(name="the korea herald").exists()
    assert from_url.outlet.name == "Reuters"

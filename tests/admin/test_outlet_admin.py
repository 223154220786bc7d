import pytest
from django.urls import reverse

from sources.models import Outlet
from tests.factories import OutletFactory

pytestmark = pytest.mark.django_db


def test_a_new_outlet_is_stored_with_clean_domains(staff_client):
    data = {
        "name": "Seoul Daily Example",
        "domains": "https://www.SeoulDaily.example/news\nseouldaily-mail.example",
        "aliases": "Seoul Daily",
        "timezone": "Asia/Seoul",
    }
    response = staff_client.post(reverse("admin:sources_outlet_add"), data)
    assert response.status_code == 302
    outlet = Outlet.objects.get(name="Seoul Daily Example")
    assert outlet.domains == ["seouldaily.example", "seouldaily-mail.example"]
    assert outlet.aliases == ["Seoul Daily"]


def test_a_domain_of_another_outlet_or_a_bad_zone_is_refused(staff_client):
    taken = OutletFactory()
    data = {"name": "Copycat", "domains": taken.domains[0], "aliases": "", "timezone": "Mars/Base"}
    response = staff_client.post(reverse("admin:sources_outlet_add"), data)
    page = response.content.decode()
    assert f"already belongs to {taken.name}" in page
    assert "Not an IANA time zone" in page
    assert not Outlet.objects.filter(name="Copycat").exists()

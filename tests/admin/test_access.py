"""Every admin page renders for staff and is refused to everybody else."""

import pytest
from django.urls import reverse

from tests.admin.forms import quote_form_data
from tests.factories import AnonymousSpeakerFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def admin_urls():
    quote = QuoteFactory()
    anonymous = AnonymousSpeakerFactory(article=quote.article)
    QuoteFactory(article=quote.article, speaker=anonymous, start=45, end=74, text="x")
    speaker, article, outlet = quote.speaker, quote.article, quote.article.outlet
    return [
        reverse("admin:quotes_quote_changelist"),
        reverse("admin:quotes_quote_changelist") + "?review=queue",
        reverse("admin:quotes_quote_review"),
        reverse("admin:quotes_quote_add"),
        reverse("admin:quotes_quote_change", args=[quote.pk]),
        reverse("admin:quotes_quote_history", args=[quote.pk]),
        reverse("admin:quotes_speaker_changelist"),
        reverse("admin:quotes_speaker_add"),
        reverse("admin:quotes_speaker_change", args=[speaker.pk]),
        reverse("admin:quotes_speaker_change", args=[anonymous.pk]),
        reverse("admin:quotes_speaker_history", args=[speaker.pk]),
        reverse("admin:sources_article_changelist"),
        reverse("admin:sources_article_change", args=[article.pk]),
        reverse("admin:sources_outlet_changelist"),
        reverse("admin:sources_outlet_add"),
        reverse("admin:sources_outlet_change", args=[outlet.pk]),
    ]


def test_every_admin_page_renders_for_staff(staff_client):
    for url in admin_urls():
        response = staff_client.get(url, follow=url.endswith("/review/"))
        assert response.status_code == 200, url


def test_every_admin_page_sends_a_non_staff_user_to_login(user_client):
    for url in admin_urls():
        response = user_client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url


def test_every_admin_page_sends_an_anonymous_visitor_to_login(client):
    for url in admin_urls():
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url


def test_quote_history_shows_who_changed_what(staff_client, staff):
    quote = QuoteFactory()
    data = quote_form_data(quote, status="verified")
    staff_client.post(reverse("admin:quotes_quote_change", args=[quote.pk]), data)
    response = staff_client.get(reverse("admin:quotes_quote_history", args=[quote.pk]))
    assert staff.username in response.content.decode()
    assert "verified" in response.content.decode()

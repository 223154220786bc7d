"""What a curator sees: a big article opens fast, times in the outlet's zone, history from the
extracted state, and plain wording."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from quotes.curation import quote_save_curated
from quotes.models import Quote, QuoteStatus
from sources.models import Outlet
from tests.factories import ArticleFactory, QuoteFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


def test_an_article_with_hundreds_of_quotes_shows_a_page_of_them_fast(staff_client):
    body = " ".join(f"“Line {n:04d} said.”" for n in range(600))
    article = ArticleFactory(body=body)
    speaker = SpeakerFactory()
    Quote.objects.bulk_create(
        QuoteFactory.build(
            article=article,
            speaker=speaker,
            start=n * 18 + 1,
            end=n * 18 + 15,
            mention_start=None,
            mention_end=None,
        )
        for n in range(600)
    )
    response = staff_client.get(reverse("admin:sources_article_change", args=[article.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="quotes-TOTAL_FORMS" value="50"' in page
    assert "all 600 on the quote list" in page


def test_article_times_show_in_the_outlet_zone_with_its_name(staff_client):
    seoul, _ = Outlet.objects.update_or_create(
        name="The Korea Herald", defaults={"timezone": "Asia/Seoul"}
    )
    ArticleFactory(
        outlet=seoul,
        published_at=dt.datetime(2021, 6, 15, 7, 42, tzinfo=dt.UTC),
        published_precision="minute",
    )
    page = staff_client.get(reverse("admin:sources_article_changelist")).content.decode()
    assert "2021-06-15 16:42 KST (Asia/Seoul)" in page


def test_quote_history_starts_from_the_extracted_state(staff):
    quote = QuoteFactory(status=QuoteStatus.EXTRACTED)
    quote.history.all().delete()  # ingestion stores quotes by COPY: no history row
    quote.status = QuoteStatus.VERIFIED
    quote_save_curated(quote=quote, expected_version=quote.version, user=staff)
    history = list(quote.history.order_by("history_date", "history_id"))
    assert [h.history_change_reason for h in history] == ["as extracted", None]
    assert history[0].history_user is None
    delta = history[1].diff_against(history[0])
    changes = {change.field: (change.old, change.new) for change in delta.changes}
    assert changes["status"] == ("extracted", "verified")


def test_the_history_page_shows_old_and_new_values(staff_client, staff):
    quote = QuoteFactory(status=QuoteStatus.EXTRACTED)
    quote.history.all().delete()
    quote.status = QuoteStatus.REJECTED
    quote_save_curated(quote=quote, expected_version=quote.version, user=staff)
    page = staff_client.get(reverse("admin:quotes_quote_history", args=[quote.pk])).content
    assert re.search(r"extracted\s*&nbsp;&rarr;&nbsp;&nbsp;rejected", page.decode())


def test_the_review_queue_is_titled_as_such(staff_client):
    page = staff_client.get(reverse("admin:quotes_quote_changelist") + "?review=queue")
    assert "Review queue" in page.content.decode()
    assert "Select quote to change" not in page.content.decode()


def test_merging_one_quote_says_quote(staff_client):
    keeper, other = (
        SpeakerFactory(name="Kim Min-su", key="kim-min-su"),
        SpeakerFactory(name="Kim Minsu", key="kim-minsu-b"),
    )
    QuoteFactory(speaker=other)
    response = staff_client.post(
        reverse("admin:quotes_speaker_changelist"),
        {"action": "merge_speakers", "_selected_action": [keeper.pk, other.pk]},
        follow=True,
    )
    text = response.content.decode()
    assert "1 quotes" not in text


def test_speaker_pages_show_names_as_text_not_python_lists(staff_client):
    speaker = SpeakerFactory(
        name="Kim Min-su", key="kim-min-su", aliases=["Kim Minsu"], search_keys=["kim-min-su"]
    )
    page = staff_client.get(reverse("admin:quotes_speaker_change", args=[speaker.pk]))
    assert "[&#x27;kim-min-su&#x27;]" not in page.content.decode()
    assert "['kim-min-su']" not in page.content.decode()
    history = staff_client.get(reverse("admin:quotes_speaker_history", args=[speaker.pk]))
    assert "[&#x27;Kim Minsu&#x27;]" not in history.content.decode()


def test_the_article_page_runs_the_same_queries_for_60_or_300_quotes(
    staff_client, django_assert_max_num_queries
):
    def page_queries(count):
        article = ArticleFactory(body=" ".join(f"“Line {n:04d} said.”" for n in range(count)))
        speaker = SpeakerFactory()
        Quote.objects.bulk_create(
            QuoteFactory.build(
                article=article,
                speaker=speaker,
                start=n * 18 + 1,
                end=n * 18 + 15,
                mention_start=None,
                mention_end=None,
            )
            for n in range(count)
        )
        url = reverse("admin:sources_article_change", args=[article.pk])
        with django_assert_max_num_queries(80) as captured:
            assert staff_client.get(url).status_code == 200
        return len(captured)

    # Past the 50 quotes shown as forms, the count stops growing (the highlighted body once
    # cost a query a quote).
    assert page_queries(300) == page_queries(60)

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from quotes.models import Quote, QuoteStatus
from tests.admin.forms import quote_form_data
from tests.factories import (
    AnonymousSpeakerFactory,
    ArticleFactory,
    OutletFactory,
    QuoteFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:quotes_quote_changelist"


def change_url(quote):
    return reverse("admin:quotes_quote_change", args=[quote.pk])


def listed(response):
    return [quote.pk for quote in response.context["cl"].result_list]


@pytest.fixture
def outlet():
    # The test database is shared with other sessions' committed rows: list within one outlet.
    return OutletFactory()


def in_outlet(outlet, **params):
    return {"outlet__id__exact": outlet.pk, **params}


def test_quote_list_shows_excerpt_speaker_outlet_date_status_and_confidence(staff_client, outlet):
    quote = QuoteFactory(confidence=0.42, article__outlet=outlet)
    page = staff_client.get(reverse(CHANGELIST), in_outlet(outlet)).content.decode()
    for shown in [quote.text, quote.speaker.name, outlet.name, "extracted", "0.42"]:
        assert shown in page


def test_quote_list_filters_by_status_speaker_kind_outlet_and_date(staff_client, outlet):
    today = timezone.now()
    verified = QuoteFactory(
        status=QuoteStatus.VERIFIED, article__outlet=outlet, article__published_at=today
    )
    anonymous_speaker = AnonymousSpeakerFactory(article__outlet=outlet, article__published_at=today)
    anonymous = QuoteFactory(speaker=anonymous_speaker, article=anonymous_speaker.article)
    long_ago = timezone.now() - dt.timedelta(days=800)
    old = QuoteFactory(article__outlet=outlet, article__published_at=long_ago)
    url = reverse(CHANGELIST)
    assert listed(staff_client.get(url, in_outlet(outlet, status__exact="verified"))) == [
        verified.pk
    ]
    by_kind = in_outlet(outlet, speaker__kind__exact="anonymous")
    assert listed(staff_client.get(url, by_kind)) == [anonymous.pk]
    assert listed(staff_client.get(url, in_outlet(outlet, published="older"))) == [old.pk]
    assert set(listed(staff_client.get(url, in_outlet(outlet)))) == {
        verified.pk,
        anonymous.pk,
        old.pk,
    }


def test_quote_search_finds_words_of_the_quote_and_speaker_names(staff_client, outlet):
    quote = QuoteFactory(article__outlet=outlet)
    wi = SpeakerFactory(name="Wi Seong-rak", key="wi-seong-rak", aliases=["Wi"])
    other = QuoteFactory(speaker=wi, article__outlet=outlet)
    url = reverse(CHANGELIST)
    found = listed(staff_client.get(url, in_outlet(outlet, q="final stages review")))
    assert set(found) == {quote.pk, other.pk}
    assert listed(staff_client.get(url, in_outlet(outlet, q="wi seong rak"))) == [other.pk]
    assert listed(staff_client.get(url, in_outlet(outlet, q="Seong"))) == [other.pk]


def test_review_queue_lists_extracted_quotes_lowest_confidence_first(staff_client, outlet):
    sure = QuoteFactory(confidence=0.9, article__outlet=outlet)
    unsure = QuoteFactory(confidence=0.2, article__outlet=outlet)
    QuoteFactory(confidence=0.1, status=QuoteStatus.VERIFIED, article__outlet=outlet)
    response = staff_client.get(reverse(CHANGELIST), in_outlet(outlet, review="queue"))
    assert listed(response) == [unsure.pk, sure.pk]
    assert "Review queue" in staff_client.get(reverse(CHANGELIST)).content.decode()


def test_review_queue_link_opens_the_queue(staff_client):
    response = staff_client.get(reverse("admin:quotes_quote_review"))
    assert response["Location"].endswith("?review=queue")


def test_change_page_highlights_the_quote_in_its_paragraph(staff_client):
    quote = QuoteFactory()
    page = staff_client.get(change_url(quote)).content.decode()
    assert f">{quote.text}</mark>" in page
    assert "The talks will be held next week" not in page  # the next paragraph


def test_change_page_escapes_the_article_text(staff_client):
    body = "“<script>alert(1)</script> is what we said,” an official said."
    article = ArticleFactory(body=body)
    quote = QuoteFactory(article=article, start=1, end=40, mention_start=None, mention_end=None)
    page = staff_client.get(change_url(quote)).content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_changing_the_speaker_marks_the_quote_corrected(staff_client, staff):
    quote = QuoteFactory()
    right = SpeakerFactory()
    response = staff_client.post(change_url(quote), quote_form_data(quote, speaker=right.pk))
    assert response.status_code == 302
    quote.refresh_from_db()
    assert (quote.speaker, quote.status, quote.version) == (right, QuoteStatus.CORRECTED, 2)
    assert quote.history.first().history_user == staff


def test_explicit_verify_or_reject_is_kept_even_with_a_correction(staff_client):
    quote = QuoteFactory()
    data = quote_form_data(quote, speaker=SpeakerFactory().pk, status="rejected")
    staff_client.post(change_url(quote), data)
    quote.refresh_from_db()
    assert quote.status == QuoteStatus.REJECTED


def test_correcting_offsets_keeps_the_text_slicing_back(staff_client):
    quote = QuoteFactory()
    staff_client.post(change_url(quote), quote_form_data(quote, start=1, end=20))
    quote.refresh_from_db()
    assert quote.text == quote.article.body[1:20]
    assert quote.status == QuoteStatus.CORRECTED


def test_offsets_outside_the_body_are_refused(staff_client):
    quote = QuoteFactory()
    response = staff_client.post(change_url(quote), quote_form_data(quote, end=100_000))
    assert response.status_code == 200
    assert "Offsets must satisfy" in response.content.decode()


def test_second_save_from_the_same_version_is_refused_and_changes_nothing(staff_client):
    quote = QuoteFactory()
    first, second = SpeakerFactory(), SpeakerFactory()
    opened = quote_form_data(quote)  # both curators opened version 1
    staff_client.post(change_url(quote), {**opened, "speaker": first.pk})
    response = staff_client.post(change_url(quote), {**opened, "speaker": second.pk})
    assert response.status_code == 200
    page = response.content.decode()
    assert "This quote was changed by" in page
    assert "reload to see their change" in page
    quote.refresh_from_db()
    assert (quote.speaker, quote.version) == (first, 2)


def test_saving_a_quote_that_re_extraction_replaced_is_refused(staff_client):
    quote = QuoteFactory()
    opened = quote_form_data(quote, speaker=SpeakerFactory().pk)
    Quote.objects.filter(pk=quote.pk).delete()
    response = staff_client.post(change_url(quote), opened)
    assert response.status_code == 302  # the quote is gone: admin says so and lists quotes
    assert not Quote.objects.filter(pk=quote.pk).exists()


def test_a_curator_adds_a_missed_quote_as_curated(staff_client):
    article = ArticleFactory()
    data = {"article": article.pk, "speaker": "", "start": 1, "end": 20, "kind": "full", "cue": ""}
    response = staff_client.post(reverse("admin:quotes_quote_add"), data)
    assert response.status_code == 302
    quote = Quote.objects.get(article=article)
    assert (quote.text, quote.status) == (article.body[1:20], QuoteStatus.CORRECTED)


def test_bulk_verify_and_reject(staff_client, staff):
    quotes = QuoteFactory.create_batch(3)
    url = reverse(CHANGELIST)
    ids = [quotes[0].pk, quotes[1].pk]
    response = staff_client.post(url, {"action": "verify_selected", "_selected_action": ids})
    assert response.status_code == 302
    staff_client.post(url, {"action": "reject_selected", "_selected_action": [quotes[2].pk]})
    mine = Quote.objects.filter(pk__in=[quote.pk for quote in quotes])
    statuses = dict(mine.values_list("pk", "status"))
    assert statuses == {ids[0]: "verified", ids[1]: "verified", quotes[2].pk: "rejected"}
    assert set(mine.values_list("version", flat=True)) == {2}
    assert quotes[0].history.first().history_user == staff
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert "2 quotes marked verified." in messages


def changelist_queries(staff_client, django_assert_max_num_queries, params):
    with django_assert_max_num_queries(12) as captured:
        response = staff_client.get(reverse(CHANGELIST), params)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "params", [{}, {"review": "queue"}, {"q": "review"}, {"speaker__kind__exact": "person"}]
)
def test_quote_list_runs_the_same_queries_for_5_or_50_rows(
    staff_client, django_assert_max_num_queries, params
):
    QuoteFactory.create_batch(5)
    few = changelist_queries(staff_client, django_assert_max_num_queries, params)
    QuoteFactory.create_batch(45)
    many = changelist_queries(staff_client, django_assert_max_num_queries, params)
    assert few == many

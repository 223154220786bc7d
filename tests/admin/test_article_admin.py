import datetime

import pytest
from django.urls import reverse

from quotes.models import Quote, QuoteStatus
from tests.factories import ArticleFactory, OutletFactory, QuoteFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

BODY = (
    "“We are ready to talk at any time,” said Harry J. Kazianis, a director at the Center.\n\n"
    "“The review is <almost> done,” a senior White House official told reporters."
)


def change_url(article):
    return reverse("admin:sources_article_change", args=[article.pk])


def inline_data(article, quotes, **changes):
    data = {
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet_id,
        "authors": "\n".join(article.authors),
        "published_at_0": article.published_at.strftime("%Y-%m-%d"),
        "published_at_1": article.published_at.strftime("%H:%M:%S"),
        "published_precision": article.published_precision,
        "quotes-TOTAL_FORMS": len(quotes),
        "quotes-INITIAL_FORMS": len(quotes),
        "quotes-MIN_NUM_FORMS": 0,
        "quotes-MAX_NUM_FORMS": 1000,
    }
    for n, quote in enumerate(quotes):
        data |= {
            f"quotes-{n}-id": quote.pk,
            f"quotes-{n}-article": article.pk,
            f"quotes-{n}-speaker": quote.speaker_id or "",
            f"quotes-{n}-status": quote.status,
            f"quotes-{n}-version": quote.version,
        }
    return data | changes


def test_article_page_highlights_every_quote_and_escapes_the_body(staff_client):
    article = ArticleFactory(body=BODY)
    first = QuoteFactory(article=article, start=1, end=34, mention_start=None, mention_end=None)
    second = QuoteFactory(article=article, start=88, end=116, mention_start=None, mention_end=None)
    page = staff_client.get(change_url(article)).content.decode()
    assert f">{first.text}</mark>" in page
    assert ">The review is &lt;almost&gt; done,</mark>" in page
    assert second.text == "The review is <almost> done,"
    assert "<almost>" not in page


def test_article_metadata_is_editable(staff_client):
    article = ArticleFactory()
    outlet = OutletFactory()
    data = inline_data(article, [], title="Talks resume in Seoul", outlet=outlet.pk)
    response = staff_client.post(change_url(article), data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.outlet) == ("Talks resume in Seoul", outlet)
    assert Quote.objects.filter(article=article).count() == 0


def test_inline_quote_change_is_a_correction_and_version_checked(staff_client):
    quote = QuoteFactory()
    right = SpeakerFactory()
    opened = inline_data(quote.article, [quote])
    response = staff_client.post(change_url(quote.article), opened | {"quotes-0-speaker": right.pk})
    assert response.status_code == 302
    quote.refresh_from_db()
    assert (quote.speaker, quote.status, quote.version) == (right, QuoteStatus.CORRECTED, 2)
    stale = staff_client.post(change_url(quote.article), opened | {"quotes-0-status": "rejected"})
    assert "This quote was changed by" in stale.content.decode()
    quote.refresh_from_db()
    assert (quote.status, quote.version) == (QuoteStatus.CORRECTED, 2)


def test_reextraction_replaces_machine_quotes_and_keeps_curated_ones(staff_client):
    article = ArticleFactory(body=BODY)
    curator_speaker = SpeakerFactory(name="Harry Kazianis")
    curated = QuoteFactory(
        article=article, start=1, end=34, speaker=curator_speaker, status=QuoteStatus.CORRECTED
    )
    machine = QuoteFactory(article=article, start=88, end=116, mention_start=None, mention_end=None)
    before = Quote.objects.filter(pk=curated.pk).values().get()
    response = staff_client.post(
        reverse("admin:sources_article_changelist"),
        {"action": "reextract", "_selected_action": [article.pk]},
    )
    assert response.status_code == 302
    assert Quote.objects.filter(pk=curated.pk).values().get() == before
    assert not Quote.objects.filter(pk=machine.pk).exists()
    fresh = Quote.objects.filter(article=article).exclude(pk=curated.pk)
    assert [q.text for q in fresh] == ["The review is <almost> done,"]


def article_list_queries(staff_client, django_assert_max_num_queries, outlet):
    with django_assert_max_num_queries(10) as captured:
        response = staff_client.get(
            reverse("admin:sources_article_changelist"), {"outlet__id__exact": outlet.pk}
        )
    assert response.status_code == 200
    return len(captured)


def test_article_list_runs_the_same_queries_for_5_or_50_rows(
    staff_client, django_assert_max_num_queries
):
    outlet = OutletFactory()
    ArticleFactory.create_batch(5, outlet=outlet)
    few = article_list_queries(staff_client, django_assert_max_num_queries, outlet)
    ArticleFactory.create_batch(45, outlet=outlet)
    assert article_list_queries(staff_client, django_assert_max_num_queries, outlet) == few


def test_the_publication_time_is_shown_and_edited_in_the_outlets_zone(staff_client):
    seoul = OutletFactory(timezone="Asia/Seoul")
    printed = datetime.datetime(2021, 6, 15, 7, 42, tzinfo=datetime.UTC)  # 16:42 in Seoul
    article = ArticleFactory(outlet=seoul, published_at=printed)
    page = staff_client.get(change_url(article)).content.decode()
    assert 'name="published_at_1" value="16:42:00"' in page
    assert "Published at (Asia/Seoul time)" in page
    assert "KST" in page
    data = inline_data(article, [], published_at_0="2021-06-16", published_at_1="09:00:00")
    assert staff_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.published_at == datetime.datetime(2021, 6, 16, 0, 0, tzinfo=datetime.UTC)


def test_quote_pages_show_the_date_in_the_outlets_zone(staff_client):
    seoul = OutletFactory(timezone="Asia/Seoul")
    printed = datetime.datetime(2021, 6, 15, 7, 42, tzinfo=datetime.UTC)
    quote = QuoteFactory(article=ArticleFactory(outlet=seoul, published_at=printed))
    listed = staff_client.get(reverse("admin:quotes_quote_changelist")).content.decode()
    detail = staff_client.get(reverse("admin:quotes_quote_change", args=[quote.pk]))
    for page in [listed, detail.content.decode()]:
        assert "2021-06-15 16:42 KST (Asia/Seoul)" in page

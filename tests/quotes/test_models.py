import datetime

import pytest
from django.db import IntegrityError, transaction

from quotes.models import Quote, QuoteStatus, Speaker
from tests.factories import (
    AnonymousSpeakerFactory,
    ArticleFactory,
    OutletFactory,
    QuoteFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db


def test_factory_quote_slices_back_to_its_text():
    quote = QuoteFactory()
    assert quote.article.body[quote.start : quote.end] == quote.text
    assert quote.text == "We are in the final stages of that review,"
    assert quote.article.body[quote.mention_start : quote.mention_end] == quote.mention


def test_quote_copies_its_articles_date_and_outlet():
    quote = QuoteFactory()
    quote.refresh_from_db()
    assert quote.published_at == quote.article.published_at
    assert quote.outlet_id == quote.article.outlet_id


def test_quote_follows_when_the_article_changes_date_or_outlet():
    quote = QuoteFactory()
    new_outlet = OutletFactory()
    new_date = datetime.datetime(2021, 3, 11, 5, 30, tzinfo=datetime.UTC)
    article = quote.article
    article.published_at, article.outlet = new_date, new_outlet
    article.save()
    quote.refresh_from_db()
    assert (quote.published_at, quote.outlet_id) == (new_date, new_outlet.pk)


def test_quote_outside_the_body_is_refused():
    article = ArticleFactory()
    with pytest.raises(IntegrityError, match="outside the article body"):
        QuoteFactory(article=article, start=0, end=len(article.body) + 1, text="x")


def test_mention_outside_the_body_is_refused():
    article = ArticleFactory()
    with pytest.raises(IntegrityError, match="outside the article body"):
        QuoteFactory(article=article, mention_start=0, mention_end=len(article.body) + 5)


@pytest.mark.parametrize(
    "fields",
    [
        {"start": 10, "end": 10, "text": "x"},
        {"confidence": 1.5},
        {"confidence": -0.1},
        {"first_sentence": 2, "last_sentence": 1},
        {"mention_start": 40, "mention_end": 30},
        {"status": "approved"},
        {"kind": "paraphrase"},
        {"text": ""},
    ],
)
def test_invalid_quote_rows_are_refused(fields):
    with pytest.raises(IntegrityError):
        QuoteFactory(**fields)


def test_the_same_span_is_one_quote():
    quote = QuoteFactory()
    with pytest.raises(IntegrityError):
        QuoteFactory(article=quote.article, start=quote.start, end=quote.end)


def test_named_speakers_are_unique_by_key():
    SpeakerFactory(name="Wi Seong-rak", key="wiseongrak")
    with pytest.raises(IntegrityError):
        SpeakerFactory(name="Wi Seong Rak", key="wiseongrak")


def test_anonymous_sources_are_separate_per_article():
    first = AnonymousSpeakerFactory(key="anonymous:white-house-official")
    second = AnonymousSpeakerFactory(key="anonymous:white-house-official")
    assert first.article != second.article
    with pytest.raises(IntegrityError):
        AnonymousSpeakerFactory(key="anonymous:white-house-official", article=first.article)


def test_anonymous_speaker_needs_its_article():
    with pytest.raises(IntegrityError):
        SpeakerFactory(kind="anonymous", article=None)


def test_named_speaker_has_no_article():
    with pytest.raises(IntegrityError):
        SpeakerFactory(kind="person", article=ArticleFactory())


def test_speaker_with_quotes_cannot_be_deleted():
    quote = QuoteFactory()
    with pytest.raises(Exception, match="protected"):
        quote.speaker.delete()
    assert Speaker.objects.filter(pk=quote.speaker_id).exists()


def test_full_text_search_vector_matches_stemmed_words():
    QuoteFactory()
    assert Quote.objects.filter(search_vector="stage").count() == 1
    assert Quote.objects.filter(search_vector="elephant").count() == 0


def test_new_quotes_start_extracted():
    assert QuoteFactory().status == QuoteStatus.EXTRACTED


def test_curator_changes_are_kept_in_history():
    quote = QuoteFactory()
    quote.status = QuoteStatus.VERIFIED
    quote.save()
    assert [h.status for h in quote.history.all()] == ["verified", "extracted"]


def test_offsets_are_checked_for_every_row_of_a_multi_row_insert():
    article = ArticleFactory()
    good = QuoteFactory.build(article=article, speaker=None)
    bad = QuoteFactory.build(
        article=article, speaker=None, start=2, end=len(article.body) + 3, text="x"
    )
    with pytest.raises(IntegrityError, match="outside the article body"), transaction.atomic():
        Quote.objects.bulk_create([good, bad])
    assert not Quote.objects.exists()


def test_quotes_cannot_be_moved_outside_the_body_by_an_update():
    quote = QuoteFactory()
    with pytest.raises(IntegrityError, match="outside the article body"):
        Quote.objects.filter(pk=quote.pk).update(end=len(quote.article.body) + 1)


def test_anonymous_sources_name_their_article_wherever_they_are_listed():
    source = AnonymousSpeakerFactory(name="a senior official")
    assert str(source) == f"a senior official (article {source.article_id})"
    assert str(SpeakerFactory(name="Wi Seong-rak")) == "Wi Seong-rak"

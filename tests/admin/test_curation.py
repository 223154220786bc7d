"""The curation services under the admin: the version check and the merge, without HTTP."""

import pytest

from quotes.curation import (
    MergeRefusedError,
    StaleQuoteError,
    curated_status,
    quote_save_curated,
    quotes_set_status,
    speaker_merge,
    speaker_save_curated,
)
from quotes.extraction import anonymous_key
from quotes.models import Quote, QuoteStatus, SpeakerKind
from quotes.services import article_reextract
from tests.factories import (
    AnonymousSpeakerFactory,
    ArticleFactory,
    QuoteFactory,
    SpeakerFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db


def test_of_two_saves_from_one_version_the_second_is_refused_and_writes_nothing():
    quote = QuoteFactory()
    alice, bob = StaffFactory(username="alice"), StaffFactory(username="bob")
    mine, theirs = Quote.objects.get(pk=quote.pk), Quote.objects.get(pk=quote.pk)
    mine.speaker, theirs.speaker = SpeakerFactory(), SpeakerFactory()
    quote_save_curated(quote=mine, expected_version=1, user=alice)
    with pytest.raises(StaleQuoteError, match=r"changed by alice at .* reload to see their change"):
        quote_save_curated(quote=theirs, expected_version=1, user=bob)
    quote.refresh_from_db()
    assert (quote.speaker, quote.version) == (mine.speaker, 2)
    assert quote.history.count() == 2  # created, and alice's save; nothing of bob's


def test_a_save_after_re_extraction_replaced_the_quote_is_refused():
    quote = QuoteFactory()
    opened = Quote.objects.get(pk=quote.pk)
    article_reextract(article=quote.article)
    assert not Quote.objects.filter(pk=quote.pk).exists()
    opened.status = QuoteStatus.CORRECTED
    with pytest.raises(StaleQuoteError, match=r"removed .* reload the article"):
        quote_save_curated(quote=opened, expected_version=1, user=StaffFactory())
    assert not Quote.objects.filter(pk=quote.pk).exists()


def test_a_curated_save_survives_a_later_re_extraction():
    quote = QuoteFactory()
    quote.speaker = SpeakerFactory()
    quote.status = QuoteStatus.CORRECTED
    quote_save_curated(quote=quote, expected_version=1, user=StaffFactory())
    before = Quote.objects.filter(pk=quote.pk).values().get()
    result = article_reextract(article=quote.article)
    assert result.kept_curated == 1
    assert Quote.objects.filter(pk=quote.pk).values().get() == before


def test_bulk_status_skips_quotes_already_there_and_counts_vanished_ones():
    verified = QuoteFactory(status=QuoteStatus.VERIFIED)
    fresh = QuoteFactory()
    result = quotes_set_status(
        quote_ids=[verified.pk, fresh.pk, 0], status=QuoteStatus.VERIFIED, user=StaffFactory()
    )
    assert (result.changed, result.unchanged, result.missing) == (1, 1, 1)
    verified.refresh_from_db()
    assert verified.version == 1


@pytest.mark.parametrize(
    ("chosen", "status_changed", "content_changed", "expected"),
    [
        ("extracted", False, True, "corrected"),
        ("verified", False, True, "corrected"),  # a verified quote edited again is a correction
        ("verified", True, True, "verified"),
        ("rejected", True, True, "rejected"),
        ("extracted", True, True, "corrected"),
        ("verified", True, False, "verified"),
        ("extracted", True, False, "extracted"),
    ],
)
def test_curated_status(chosen, status_changed, content_changed, expected):
    assert (
        curated_status(
            chosen=chosen, status_changed=status_changed, content_changed=content_changed
        )
        == expected
    )


def test_merge_refuses_a_single_speaker_and_loses_nothing_when_refused():
    anonymous = AnonymousSpeakerFactory()
    named = SpeakerFactory()
    quote = QuoteFactory(speaker=anonymous, article=anonymous.article)
    with pytest.raises(MergeRefusedError, match="at least two"):
        speaker_merge(target=named, others=[named], user=None)
    with pytest.raises(MergeRefusedError, match="same article"):
        speaker_merge(target=named, others=[anonymous], user=None)
    quote.refresh_from_db()
    assert quote.speaker == anonymous


def test_a_curated_speaker_save_keeps_the_old_name_and_its_keys_in_step(staff):
    speaker = SpeakerFactory(name="Wi Sung-lac")
    speaker.name, speaker.aliases = "Wi Seong-rak", ["Ambassador Wi"]
    saved = speaker_save_curated(
        speaker=speaker, changed=["name", "aliases"], previous_name="Wi Sung-lac", user=staff
    )
    saved.refresh_from_db()
    assert saved.aliases == ["Ambassador Wi", "Wi Sung-lac"]
    assert saved.key == "wi-sung-lac"  # a rename keeps the key other articles match on
    assert {"wi-seong-rak", "wi-sung-lac", "ambassador-wi"} <= set(saved.search_keys)
    assert saved.version == 2
    assert saved.history.latest().history_user == staff


def test_a_speaker_turned_anonymous_gets_a_key_of_its_own(staff):
    speaker = SpeakerFactory(name="a ministry official", affiliation="the ministry")
    speaker.kind, speaker.article = SpeakerKind.ANONYMOUS, ArticleFactory()
    speaker_save_curated(
        speaker=speaker, changed=["kind", "article"], previous_name=None, user=staff
    )
    assert speaker.key.startswith(anonymous_key("the ministry", "curated-"))
    assert speaker.key not in speaker.search_keys

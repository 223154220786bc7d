"""Claims in reported speech (`Extraction.claims`) stored beside quotes, through the same
ingestion path, and kept by re-extraction when curated."""

import dataclasses

import pytest
from django.db import DatabaseError, IntegrityError

from quotes import services
from quotes.curation import speaker_merge
from quotes.extraction import EXTRACTOR_VERSION, extract
from quotes.models import Quote, QuoteKind, QuoteStatus
from quotes.selectors import claim_fragments
from quotes.services import article_ingest, article_reextract, articles_store
from sources.models import Article
from sources.services import ArticleInput, article_prepare, outlet_registry
from tests.factories import (
    ClaimFactory,
    QuoteFactory,
    SpeakerFactory,
    claim_record,
    with_claims,
)

pytestmark = pytest.mark.django_db

STORY = (
    "Talks resume\n\n"
    "Baek Ha-jun said he will use the summit to push to restart diplomacy.\n\n"
    "Baek said the policy aims to achieve “the complete denuclearization of the peninsula” "
    "within years.\n\n"
    "“The door is open,” a senior White House official told reporters."
)
PUSH = "he will use the summit to push to restart diplomacy"
POLICY = "the policy aims to achieve “the complete denuclearization of the peninsula” within years"
FRAGMENT = "the complete denuclearization of the peninsula"


def engine_with_claims(monkeypatch, *texts: str) -> None:
    """The engine as the claims branch will ship it: today's quotes plus these claims."""

    def extract_with_claims(text: str):
        extraction = extract(text)
        found = [claim_record(extraction, t) for t in texts if t in text]
        return with_claims(extraction, *found)

    monkeypatch.setattr(services, "extract", extract_with_claims)


def claims_of(article: Article) -> list[Quote]:
    return list(article.quotes.filter(kind=QuoteKind.INDIRECT).select_related("speaker"))


def test_ingest_stores_claims_with_their_speaker_beside_the_quotes(monkeypatch):
    engine_with_claims(monkeypatch, PUSH, POLICY)
    result = article_ingest(text=STORY)
    article = result.article
    assert (result.quotes_stored, result.claims_stored) == (2, 2)
    claims = {claim.text: claim for claim in claims_of(article)}
    assert set(claims) == {PUSH, POLICY}
    for claim in claims.values():
        assert article.body[claim.start : claim.end] == claim.text
        assert article.body[claim.mention_start : claim.mention_end] == claim.mention == "Baek"
        assert claim.status == QuoteStatus.EXTRACTED
        assert claim.extractor_version == EXTRACTOR_VERSION
        assert claim.published_at == article.published_at  # the trigger's copies apply too
    fragment = article.quotes.get(text=FRAGMENT)
    assert fragment.kind == QuoteKind.PARTIAL
    # One speaker for the quote and the claims of the same person.
    assert claims[POLICY].speaker_id == fragment.speaker_id == claims[PUSH].speaker_id


def test_the_batch_path_of_the_ingest_command_stores_claims_too():
    prepared = article_prepare(submitted=ArticleInput(text=STORY), outlets=outlet_registry())
    extraction = extract(prepared.body)
    extraction = with_claims(extraction, claim_record(extraction, PUSH))
    (result,) = articles_store(batch=[(prepared, extraction)])
    assert not isinstance(result, Exception)
    assert result.claims_stored == 1
    assert [c.text for c in claims_of(result.article)] == [PUSH]


def test_a_claim_and_a_quote_can_share_a_span_but_two_claims_cannot():
    quote = QuoteFactory()
    ClaimFactory(article=quote.article, start=quote.start, end=quote.end)
    with pytest.raises(IntegrityError):
        ClaimFactory(article=quote.article, start=quote.start, end=quote.end)


def test_a_claim_the_engine_repeats_is_stored_once(monkeypatch):
    engine_with_claims(monkeypatch, PUSH, PUSH)
    result = article_ingest(text=STORY)
    assert result.claims_stored == 1
    assert len(claims_of(result.article)) == 1


def test_reextract_replaces_machine_claims_and_keeps_curated_ones(monkeypatch):
    engine_with_claims(monkeypatch, PUSH, POLICY)
    article = article_ingest(text=STORY).article
    kept = article.quotes.get(text=PUSH)
    kept.status = QuoteStatus.REJECTED
    kept.save()
    machine = article.quotes.get(text=POLICY)
    Article.objects.filter(pk=article.pk).update(extractor_version="0.0.old")
    result = article_reextract(article=article)
    assert result.kept_curated == 1
    assert result.claims_stored == 1  # POLICY again; PUSH stays the curator's
    assert Quote.objects.get(pk=kept.pk).status == QuoteStatus.REJECTED
    # POLICY came back with the same words and speaker: its row, and so its id, is kept.
    assert Quote.objects.filter(pk=machine.pk, text=POLICY).exists()
    assert sorted(c.text for c in claims_of(article)) == sorted([PUSH, POLICY])
    assert article.quotes.filter(text=PUSH).count() == 1


def test_a_curated_quote_does_not_block_the_claim_around_it_nor_the_reverse(monkeypatch):
    engine_with_claims(monkeypatch, POLICY)
    article = article_ingest(text=STORY).article
    article.quotes.filter(text=FRAGMENT).update(status=QuoteStatus.VERIFIED)
    Article.objects.filter(pk=article.pk).update(extractor_version="0.0.old")
    article_reextract(article=article)
    assert [c.text for c in claims_of(article)] == [POLICY]  # stored again around the quote
    article.quotes.filter(text=POLICY).update(status=QuoteStatus.VERIFIED)
    article.quotes.filter(text=FRAGMENT).update(status=QuoteStatus.EXTRACTED)
    Article.objects.filter(pk=article.pk).update(extractor_version="0.0.old")
    article_reextract(article=article)
    assert article.quotes.filter(text=FRAGMENT, kind=QuoteKind.PARTIAL).count() == 1


def test_a_curated_claim_blocks_the_machine_claims_it_overlaps(monkeypatch):
    engine_with_claims(monkeypatch, POLICY)
    article = article_ingest(text=STORY).article
    claim = article.quotes.get(text=POLICY)
    # The curator trimmed the claim: the engine's longer version must not come back.
    claim.end = claim.start + len("the policy aims")
    claim.text = article.body[claim.start : claim.end]
    claim.status = QuoteStatus.CORRECTED
    claim.save()
    Article.objects.filter(pk=article.pk).update(extractor_version="0.0.old")
    article_reextract(article=article)
    assert [c.text for c in claims_of(article)] == ["the policy aims"]


def test_a_claim_the_curator_made_a_quote_does_not_come_back_as_a_claim(monkeypatch):
    engine_with_claims(monkeypatch, PUSH)
    article = article_ingest(text=STORY).article
    article.quotes.filter(text=PUSH).update(kind=QuoteKind.PARTIAL, status=QuoteStatus.CORRECTED)
    Article.objects.filter(pk=article.pk).update(extractor_version="0.0.old")
    article_reextract(article=article)
    assert claims_of(article) == []
    assert article.quotes.get(text=PUSH).kind == QuoteKind.PARTIAL


def test_an_updated_text_keeps_a_curated_claim_pointing_at_its_words(monkeypatch):
    engine_with_claims(monkeypatch, PUSH)
    url = "https://news.example/baek"
    article = article_ingest(text=STORY, url=url).article
    article.quotes.filter(text=PUSH).update(status=QuoteStatus.VERIFIED)
    article_ingest(text="Update: the summit is set.\n\n" + STORY, url=url)
    article.refresh_from_db()
    (claim,) = claims_of(article)
    assert claim.status == QuoteStatus.VERIFIED
    assert article.body[claim.start : claim.end] == PUSH


def test_a_claim_outside_the_body_fails_its_article_alone_and_leaves_nothing_of_it():
    outlets = outlet_registry()
    good = article_prepare(submitted=ArticleInput(text=STORY), outlets=outlets)
    bad = article_prepare(submitted=ArticleInput(text=STORY + "\n\nMore."), outlets=outlets)
    good_extraction, bad_extraction = extract(good.body), extract(bad.body)
    claim = claim_record(bad_extraction, PUSH)
    broken = dataclasses.replace(claim, end=len(bad.body) + 5)
    results = articles_store(
        batch=[
            (good, with_claims(good_extraction, claim_record(good_extraction, PUSH))),
            (bad, with_claims(bad_extraction, broken)),
        ]
    )
    assert not isinstance(results[0], Exception)
    assert results[0].claims_stored == 1
    assert isinstance(results[1], DatabaseError)
    assert "outside the article body" in str(results[1])
    assert Article.objects.filter(content_hash=bad.content_hash).count() == 0
    assert Quote.objects.filter(article=results[0].article).count() == 3


def test_a_claim_links_to_the_quote_inside_it_also_after_re_extraction(monkeypatch):
    engine_with_claims(monkeypatch, POLICY, PUSH)
    article = article_ingest(text=STORY).article

    def fragments_of(text: str) -> list[int]:
        claim = article.quotes.get(text=text)
        return [fragment.pk for fragment in claim_fragments([claim]).get(claim.pk, [])]

    assert fragments_of(POLICY) == [article.quotes.get(text=FRAGMENT).pk]
    assert fragments_of(PUSH) == []
    article.quotes.filter(text=POLICY).update(status=QuoteStatus.VERIFIED)
    Article.objects.filter(pk=article.pk).update(extractor_version="0.0.old")
    article_reextract(article=article)  # the machine quote inside the curated claim is new
    assert fragments_of(POLICY) == [article.quotes.get(text=FRAGMENT).pk]


def test_merging_speakers_moves_their_claims_too(staff):
    kept, duplicate = SpeakerFactory(), SpeakerFactory()
    claim = ClaimFactory(speaker=duplicate)
    quote = QuoteFactory(speaker=duplicate)
    result = speaker_merge(target=kept, others=[kept, duplicate], user=staff)
    assert (result.quotes_moved, result.claims_moved) == (1, 1)
    assert {claim.pk, quote.pk} == set(kept.quotes.values_list("pk", flat=True))

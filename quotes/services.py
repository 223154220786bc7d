"""Writes for quotes and claims: where Django meets the extraction engine.

An article is stored with its sentences, speakers, quotes and claims in one transaction, or not
at all. Quotes and claims (`Extraction.claims`, kind "indirect") are rows of the same model and
go through the same code. Machine-made statements are replaced freely; one a curator verified,
corrected or rejected is never touched by a machine.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, Func, Value
from django.utils import timezone

from config.bulk import copy_rows
from quotes.extraction import EXTRACTOR_VERSION, Extraction, extract, speaker_key
from quotes.extraction import types as extracted
from quotes.models import CURATED_STATUSES, Quote, QuoteKind, QuoteStatus, Speaker, SpeakerKind
from sources.models import Article
from sources.services import (
    ArticleInput,
    ArticleInputError,
    ArticleReplaceRefused,
    PreparedArticle,
    UpsertState,
    article_prepare,
    article_upsert,
    articles_create_new,
    outlet_registry,
    sentences_replace,
    sentences_store,
)

IngestError = ArticleInputError
UPSERT_ATTEMPTS = 3


@dataclass(frozen=True, slots=True)
class IngestResult:
    article: Article
    state: UpsertState
    quotes_stored: int  # direct quotes
    claims_stored: int = 0

    @property
    def created(self) -> bool:
        return self.state is UpsertState.CREATED


@dataclass(frozen=True, slots=True)
class ReextractResult:
    """Counts of statements: quotes and claims together (`claims_stored` of them claims)."""

    article: Article
    replaced: int
    stored: int
    kept_curated: int
    claims_stored: int = 0


def text_extract(*, text: str) -> Extraction:
    """The quotes of a text, nothing stored."""
    return extract(text)


def article_ingest(
    *,
    text: str,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published_at: dt.datetime | dt.date | None = None,
    authors: Sequence[str] | None = None,
    may_replace: bool = True,
) -> IngestResult:
    """Clean, extract and store one article; the same article twice is stored once.

    `may_replace=False` refuses (ArticleReplaceRefused) a new text for a stored URL.
    """
    submitted = ArticleInput(
        text=text, url=url, title=title, outlet=outlet, published_at=published_at, authors=authors
    )
    prepared = article_prepare(submitted=submitted, outlets=outlet_registry())
    extraction = extract(prepared.body)  # CPU work stays outside the transaction
    return article_store(prepared=prepared, extraction=extraction, may_replace=may_replace)


def articles_stored_already(*, prepared: Sequence[PreparedArticle]) -> list[Article | None]:
    """For each article, the stored one that makes extracting it again pointless, or None.

    That is an article with the same text, extracted by this extractor version, to which the
    submission adds nothing (no other URL, no date it lacks): storing it would change nothing.
    One query for the whole batch, before any extraction, so that a job run again after an
    interruption skips what is stored at the cost of cleaning only.
    """
    stored = {
        article.content_hash: article
        for article in Article.objects.filter(
            content_hash__in=[p.content_hash for p in prepared],
            extractor_version=EXTRACTOR_VERSION,
        ).only("pk", "content_hash", "url", "published_at")
    }
    return [_nothing_to_add(stored.get(p.content_hash), p) for p in prepared]


def _nothing_to_add(article: Article | None, prepared: PreparedArticle) -> Article | None:
    if article is None or not adds_nothing(prepared, article.url, article.published_at is not None):
        return None
    return article


def adds_nothing(prepared: PreparedArticle, url: str | None, dated: bool) -> bool:
    """Would storing this article again change nothing of the stored one with its text?"""
    if prepared.url is not None and prepared.url != url:
        return False
    return prepared.published_at is None or dated


def article_store(
    *, prepared: PreparedArticle, extraction: Extraction, may_replace: bool = True
) -> IngestResult:
    """Store a prepared article and its extraction atomically, retrying lost races."""
    for attempt in range(UPSERT_ATTEMPTS):
        try:
            with transaction.atomic():
                return _store(prepared, extraction, may_replace=may_replace)
        except IntegrityError as error:
            # Another writer stored the same URL or text first; the next attempt finds it.
            if attempt == UPSERT_ATTEMPTS - 1 or not _is_duplicate_race(error):
                raise
            time.sleep(0.01 * (attempt + 1))
    raise AssertionError("unreachable")


def articles_store(
    *, batch: Sequence[tuple[PreparedArticle, Extraction]], may_replace: bool = True
) -> list[IngestResult | ArticleInputError | ArticleReplaceRefused | DatabaseError]:
    """Store many articles: the new ones together in one transaction, the rest one by one.

    Results (or the error of each article that failed) come back in the order given. When
    the batch transaction fails (a concurrent writer, a bad article), nothing of it stays
    and every article is stored again alone, so one bad article fails alone.
    `may_replace=False` refuses a new text for a stored URL: that article's result is
    ArticleReplaceRefused, and the others are stored.
    """
    try:
        with transaction.atomic():
            return _store_batch(batch, may_replace=may_replace)
    except (IntegrityError, ArticleInputError, ArticleReplaceRefused):
        return [
            _store_alone(prepared, extraction, may_replace=may_replace)
            for prepared, extraction in batch
        ]


def _store_batch(
    batch: Sequence[tuple[PreparedArticle, Extraction]], *, may_replace: bool
) -> list[IngestResult | ArticleInputError | ArticleReplaceRefused | DatabaseError]:
    articles, others = articles_create_new(
        prepared=[prepared for prepared, _ in batch], extractor_version=EXTRACTOR_VERSION
    )
    skipped = set(others)
    fresh = [item for position, item in enumerate(batch) if position not in skipped]
    pairs = [(article, e) for article, (_, e) in zip(articles, fresh, strict=True)]
    sentences_store(rows=[(article, _sentence_spans(e)) for article, e in pairs])
    _quotes_store([(article, statements_of(e)) for article, e in pairs])
    results: list[IngestResult | ArticleInputError | ArticleReplaceRefused | DatabaseError] = []
    created = iter(zip(articles, fresh, strict=True))
    for position, (prepared, extraction) in enumerate(batch):
        if position in skipped:
            stored = article_store(
                prepared=prepared, extraction=extraction, may_replace=may_replace
            )
            results.append(stored)
        else:
            article, (_, extraction) = next(created)
            results.append(IngestResult(article, UpsertState.CREATED, *_counts(extraction)))
    return results


def _store_alone(
    prepared: PreparedArticle, extraction: Extraction, *, may_replace: bool
) -> IngestResult | ArticleInputError | ArticleReplaceRefused | DatabaseError:
    try:
        return article_store(prepared=prepared, extraction=extraction, may_replace=may_replace)
    except (ArticleInputError, ArticleReplaceRefused, DatabaseError) as error:
        return error


def _is_duplicate_race(error: IntegrityError) -> bool:
    cause = getattr(error, "__cause__", None)
    return getattr(cause, "sqlstate", None) == "23505"  # unique_violation


def _store(
    prepared: PreparedArticle, extraction: Extraction, *, may_replace: bool = True
) -> IngestResult:
    article, state = article_upsert(
        prepared=prepared, extractor_version=EXTRACTOR_VERSION, may_replace=may_replace
    )
    if state is UpsertState.CREATED:
        sentences_store(rows=[(article, _sentence_spans(extraction))])
        _quotes_store([(article, statements_of(extraction))])
        quotes, claims = _counts(extraction)
    elif article.extractor_version != EXTRACTOR_VERSION:
        # A rewritten body (its version was blanked) or an older extractor's work.
        quotes, claims = _split_count(_replace_extraction(article, extraction))
    else:
        quotes = claims = 0
    return IngestResult(article=article, state=state, quotes_stored=quotes, claims_stored=claims)


def statements_of(extraction: Extraction) -> list[extracted.Quote]:
    """The quotes and claims of an extraction, as rows to store.

    Claims come from a younger part of the engine: one repeating a span is stored once,
    rather than failing its whole article on the claim_unique_span constraint.
    """
    seen: set[tuple[int, int]] = set()
    claims = []
    for claim in extraction.claims:
        if (claim.start, claim.end) not in seen:
            seen.add((claim.start, claim.end))
            claims.append(claim)
    return [*extraction.quotes, *claims]


def _counts(extraction: Extraction) -> tuple[int, int]:
    return _split_count(statements_of(extraction))


def _split_count(statements: Sequence[extracted.Quote]) -> tuple[int, int]:
    claims = sum(1 for statement in statements if statement.kind == QuoteKind.INDIRECT)
    return len(statements) - claims, claims


def _sentence_spans(extraction: Extraction) -> list[tuple[int, int]]:
    return [(sentence.start, sentence.end) for sentence in extraction.sentences]


def _quotes_store(pairs: Sequence[tuple[Article, Sequence[extracted.Quote]]]) -> int:
    """Store the quotes of one or many articles, with their speakers, in a few queries."""
    speakers = _speakers_for(pairs)
    now = timezone.now()
    copy_rows(
        Quote,
        QUOTE_COLUMNS,
        (
            _quote_row(article, quote, speakers, now=now)
            for article, quotes in pairs
            for quote in quotes
        ),
    )
    return sum(len(quotes) for _, quotes in pairs)


def _replace_extraction(article: Article, extraction: Extraction) -> list[extracted.Quote]:
    """Swap in a new extraction: sentences and machine statements go (a statement whose
    text, speaker and family came back keeps its row and id), curated ones stay.

    Returns the statements stored.
    """
    sentences_replace(article=article, spans=_sentence_spans(extraction))
    curated = _relocate_curated_quotes(article)
    fresh = [q for q in statements_of(extraction) if not _overlaps_any(q, curated)]
    new = _keep_unchanged_quotes(article, fresh)
    _forget_unused_anonymous_speakers(article)
    _quotes_store([(article, new)])
    if article.extractor_version != EXTRACTOR_VERSION:
        # Bookkeeping, not an edit: no history row of its own (update() skips history).
        article.extractor_version = EXTRACTOR_VERSION
        article.updated_at = timezone.now()
        Article.objects.filter(pk=article.pk).update(
            extractor_version=article.extractor_version, updated_at=article.updated_at
        )
    return fresh


_MOVED_FIELDS = (
    "start", "end", "first_sentence", "last_sentence", "mention", "mention_start",
    "mention_end", "cue", "kind", "confidence", "extractor_version", "updated_at",
)  # fmt: skip


def _keep_unchanged_quotes(
    article: Article, fresh: Sequence[extracted.Quote]
) -> list[extracted.Quote]:
    """Keep the row, and so the id, of every machine quote whose text and speaker came back;
    delete the others. Returns the extracted quotes that are new.

    Clients cite quotes by id: an article updated for a typo must not turn every link to its
    quotes into a 404. A kept row takes the new offsets, sentences, mention and cue.
    """
    speakers = _speakers_for([(article, fresh)])
    old: dict[tuple[str, int | None, bool], list[Quote]] = {}
    machine = Quote.objects.filter(article=article, status=QuoteStatus.EXTRACTED)
    for row in machine.order_by("start", "id"):
        old.setdefault((row.text, row.speaker_id, row.kind == QuoteKind.INDIRECT), []).append(row)
    kept: list[Quote] = []
    new: list[extracted.Quote] = []
    now = timezone.now()
    for quote in fresh:
        speaker = speakers[_speaker_ref(article, quote.speaker)] if quote.speaker else None
        same = old.get(
            (quote.text, speaker.pk if speaker else None, quote.kind == QuoteKind.INDIRECT)
        )
        if not same:
            new.append(quote)
            continue
        stored = same.pop(0)
        values = _quote_row(article, quote, speakers, now=now)
        for name, value in zip(QUOTE_COLUMNS, values, strict=True):
            if name in _MOVED_FIELDS:
                setattr(stored, name, value)
        kept.append(stored)
    gone = [row.pk for rows in old.values() for row in rows]
    Quote.objects.filter(pk__in=gone).delete()
    Quote.objects.bulk_update(kept, _MOVED_FIELDS, batch_size=500)
    if kept:  # a curator's form opened before this update is stale now
        Quote.objects.filter(pk__in=[q.pk for q in kept]).update(version=F("version") + 1)
    return new


CuratedSpan = tuple[int, int, bool]  # start, end, is a claim


def _relocate_curated_quotes(article: Article) -> list[CuratedSpan]:
    """Keep curated quotes pointing at their words when the body changed.

    A curated quote whose words are gone from the new text cannot be kept honestly, so the
    whole update is refused: the curator's work is never silently dropped.
    """
    spans = []
    for quote in Quote.objects.filter(article=article, status__in=CURATED_STATUSES):
        if article.body[quote.start : quote.end] != quote.text:
            start = _nearest(article.body, quote.text, quote.start)
            if start < 0:
                raise ArticleInputError(
                    "text",
                    f"the new text drops curated quote {quote.pk} ({quote.text[:60]!r}); "
                    "resolve it in admin first",
                )
            quote.start, quote.end = start, start + len(quote.text)
            quote.mention_start = quote.mention_end = None
            quote.save(update_fields=["start", "end", "mention_start", "mention_end"])
        spans.append((quote.start, quote.end, quote.is_claim))
    return spans


def _nearest(body: str, needle: str, around: int) -> int:
    best, position = -1, body.find(needle)
    while position >= 0:
        if best < 0 or abs(position - around) < abs(best - around):
            best = position
        position = body.find(needle, position + 1)
    return best


def _overlaps_any(quote: extracted.Quote, curated: Iterable[CuratedSpan]) -> bool:
    """Whether a curated statement stands where `quote` would go.

    Like is compared with like: a curated quote blocks the quotes it overlaps, a curated claim
    the claims it overlaps; a claim around a curated quote (or a quote inside a curated claim)
    is stored. The exact same span blocks across kinds: a curator who turned a claim into a
    quote (or back) does not get the machine's version of it again beside theirs.
    """
    is_claim = quote.kind == QuoteKind.INDIRECT
    return any(
        (quote.start, quote.end) == (start, end)
        or (claim == is_claim and quote.start < end and start < quote.end)
        for start, end, claim in curated
    )


def _forget_unused_anonymous_speakers(article: Article) -> None:
    Speaker.objects.filter(article=article, quotes__isnull=True).delete()


SpeakerRef = tuple[int | None, str]  # (article id for anonymous sources, else None; key)


def _speakers_for(
    pairs: Sequence[tuple[Article, Sequence[extracted.Quote]]],
) -> dict[SpeakerRef, Speaker]:
    """Database speakers for extracted ones: named ones shared, anonymous ones per article."""
    named: dict[str, extracted.Speaker] = {}
    anonymous: dict[SpeakerRef, tuple[Article, extracted.Speaker]] = {}
    for article, quotes in pairs:
        for quote in quotes:
            speaker = quote.speaker
            if speaker is None:
                continue
            if speaker.kind == SpeakerKind.ANONYMOUS:
                anonymous.setdefault((article.pk, speaker.key), (article, speaker))
            else:
                named.setdefault(speaker.key, speaker)
    found: dict[SpeakerRef, Speaker] = {
        (None, key): speaker for key, speaker in _named_speakers(named).items()
    }
    found.update(_anonymous_speakers(anonymous))
    return found


def _named_speakers(wanted: dict[str, extracted.Speaker]) -> dict[str, Speaker]:
    if not wanted:
        return {}
    stored = _speakers_known_by(wanted.keys())
    missing = [speaker for key, speaker in wanted.items() if key not in stored]
    if missing:
        # Insert-or-ignore, then read: concurrent ingests of the same person meet at the
        # unique key instead of racing between a check and an insert.
        Speaker.objects.bulk_create(
            [_speaker_row(s, article=None) for s in missing], ignore_conflicts=True
        )
        stored.update(_speakers_known_by([s.key for s in missing]))
    for key, speaker in wanted.items():
        _learn_alias(stored[key], speaker)
    return stored


def _speakers_known_by(keys: Iterable[str]) -> dict[str, Speaker]:
    """Named speakers by key, also through the keys of their aliases (merged speakers)."""
    wanted = set(keys)
    found: dict[str, Speaker] = {}
    matches = Speaker.objects.filter(article__isnull=True, search_keys__overlap=list(wanted))
    for speaker in matches.order_by("pk"):
        for key in wanted.intersection(speaker.search_keys):
            if key not in found or speaker.key == key:  # its own key beats an alias's
                found[key] = speaker
    return found


def _anonymous_speakers(
    wanted: dict[SpeakerRef, tuple[Article, extracted.Speaker]],
) -> dict[SpeakerRef, Speaker]:
    if not wanted:
        return {}
    Speaker.objects.bulk_create(
        [_speaker_row(s, article=article) for article, s in wanted.values()],
        ignore_conflicts=True,
    )
    article_ids = {article_id for article_id, _ in wanted if article_id is not None}
    keys = {key for _, key in wanted}
    stored = Speaker.objects.filter(article_id__in=article_ids, key__in=keys)
    return {(s.article_id, s.key): s for s in stored}


def _speaker_row(speaker: extracted.Speaker, *, article: Article | None) -> Speaker:
    return Speaker(
        name=speaker.name[:300],
        kind=speaker.kind,
        description=(speaker.title or "")[:500],
        affiliation=(speaker.affiliation or "")[:300],
        key=speaker.key[:300],
        search_keys=sorted({speaker.key[:300], speaker_key(speaker.name)[:300]}),
        article=article,
    )


def _learn_alias(stored: Speaker, seen: extracted.Speaker) -> None:
    """Another spelling of a known speaker becomes an alias; a missing title is filled in."""
    updates: dict[str, object] = {}
    if seen.name != stored.name and seen.name not in stored.aliases:
        updates["aliases"] = Func(F("aliases"), Value(seen.name), function="array_append")
        stored.aliases.append(seen.name)
    if not stored.description and seen.title:
        updates["description"] = stored.description = seen.title[:500]
    if not stored.affiliation and seen.affiliation:
        updates["affiliation"] = stored.affiliation = seen.affiliation[:300]
    if updates:
        # Moving the version makes a curator's form opened before this change stale.
        Speaker.objects.filter(pk=stored.pk).update(**updates, version=F("version") + 1)


QUOTE_COLUMNS = (
    "article", "speaker", "text", "start", "end", "first_sentence", "last_sentence",
    "mention", "mention_start", "mention_end", "cue", "kind", "confidence", "status",
    "extractor_version", "version", "created_at", "updated_at",
)  # fmt: skip


def _quote_row(
    article: Article,
    quote: extracted.Quote,
    speakers: dict[SpeakerRef, Speaker],
    *,
    now: dt.datetime,
) -> tuple[object, ...]:
    """A machine-made quote, as a row of QUOTE_COLUMNS."""
    mention = quote.mention
    speaker = speakers[_speaker_ref(article, quote.speaker)] if quote.speaker else None
    return (
        article.pk,
        speaker.pk if speaker else None,
        quote.text,
        quote.start,
        quote.end,
        quote.first_sentence,
        quote.last_sentence,
        mention.text[:300] if mention else "",
        mention.start if mention else None,
        mention.end if mention else None,
        (quote.cue or "")[:100],
        quote.kind,
        min(max(quote.confidence, 0.0), 1.0),
        QuoteStatus.EXTRACTED.value,
        EXTRACTOR_VERSION,
        1,
        now,
        now,
    )


def _speaker_ref(article: Article, speaker: extracted.Speaker) -> SpeakerRef:
    return (article.pk if speaker.kind == SpeakerKind.ANONYMOUS else None, speaker.key)


def article_reextract(*, article: Article) -> ReextractResult:
    """Run the current extractor again over a stored article, keeping every curated statement.

    The article row is locked, and only quotes still `extracted` are deleted: a curator's
    save that commits first turns its quote curated and so out of reach; one that commits
    later finds its quote replaced and is refused by its version check.
    """
    extraction = extract(article.body)
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        if locked.body != extraction.text:  # rewritten since it was read: extract what is stored
            extraction = extract(locked.body)
        replaced = Quote.objects.filter(article=locked, status=QuoteStatus.EXTRACTED).count()
        kept = Quote.objects.filter(article=locked, status__in=CURATED_STATUSES).count()
        quotes, claims = _split_count(_replace_extraction(locked, extraction))
    return ReextractResult(
        article=locked,
        replaced=replaced,
        stored=quotes + claims,
        kept_curated=kept,
        claims_stored=claims,
    )

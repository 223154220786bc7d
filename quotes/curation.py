"""Curators' writes from admin: optimistic-locked quote and speaker saves (with the speaker's
aliases and keys), bulk verify/reject, speaker merges. admin.py only reads forms and calls these.

Concurrency: every write that touches a quote first locks its article row (FOR NO KEY UPDATE),
then the quote. Re-extraction (`quotes.services.article_reextract`) locks the article row too,
so a curator's save and a re-extraction of the same article run one after the other: either the
save commits first and its quote is curated (re-extraction keeps it), or the re-extraction commits
first and the save finds its quote gone or its version moved, and is refused.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from simple_history.utils import bulk_update_with_history

from quotes.extraction import anonymous_key, speaker_key
from quotes.models import CLAIM_KINDS, Quote, QuoteStatus, Speaker, SpeakerKind
from sources.models import Article, Sentence

BATCH_SIZE = 500


class StaleQuoteError(Exception):
    """The quote changed (or went) since the curator opened it: their save is refused."""


class StaleSpeakerError(Exception):
    """The speaker changed (or went) since the curator opened it: their save is refused."""


class MergeRefusedError(Exception):
    """The chosen speakers cannot be merged; the message says why."""


# --- one quote --------------------------------------------------------------------------------


def curated_status(*, chosen: str, status_changed: bool, content_changed: bool) -> str:
    """The status a curator's save leaves: a changed attribution is `corrected`, unless the
    curator explicitly chose verified or rejected in the same save."""
    if status_changed and chosen in (QuoteStatus.VERIFIED, QuoteStatus.REJECTED):
        return chosen
    if content_changed:
        return QuoteStatus.CORRECTED
    return chosen


def quote_lock_current(*, quote_id: int, article_id: int, expected_version: int) -> None:
    """Lock the quote (and its article) for the rest of the transaction, or refuse if stale."""
    _lock_articles([article_id])
    current = (
        Quote.objects.select_for_update(no_key=True)
        .filter(pk=quote_id)
        .values_list("version", flat=True)
        .first()
    )
    if current != expected_version:
        raise StaleQuoteError(stale_quote_message(quote_id=quote_id))


def quotes_record_extracted_state(*, quote_ids: Sequence[int]) -> None:
    """Record, before a first change, the state the extractor left a quote in.

    Ingestion stores quotes by COPY, which writes no history; without this row a quote's
    history would start at the curator's version, with nothing to compare it to. Dated when
    the quote was stored, by nobody.
    """
    if not quote_ids:
        return
    recorded = Quote.history.filter(id__in=quote_ids).values_list("id", flat=True)
    unrecorded = list(
        Quote.objects.filter(pk__in=quote_ids).exclude(pk__in=recorded).defer("search_vector")
    )
    for quote in unrecorded:
        quote._history_date = quote.created_at  # type: ignore[attr-defined]
    if unrecorded:
        Quote.history.bulk_history_create(unrecorded, default_change_reason="as extracted")


def quote_save_curated(*, quote: Quote, expected_version: int, user: Any) -> Quote:
    """Save a curator's change only if nobody saved the quote since they opened it.

    The version moves with a conditional UPDATE (`WHERE id = ? AND version = ?`): of two saves
    that started from the same version, exactly one matches a row; the other is refused.
    """
    with transaction.atomic():
        _lock_articles([quote.article_id])
        quotes_record_extracted_state(quote_ids=[quote.pk])
        bumped = Quote.objects.filter(pk=quote.pk, version=expected_version).update(
            version=F("version") + 1
        )
        if not bumped:
            raise StaleQuoteError(stale_quote_message(quote_id=quote.pk))
        quote.version = expected_version + 1
        quote._history_user = user  # type: ignore[attr-defined]
        quote.save()
    return quote


def quote_refuse_if_stale(*, quote: Quote, expected_version: int) -> None:
    """Refuse (StaleQuoteError) a save that did not start from the quote's current version,
    and lock the quote and its article until the transaction commits.

    Admin's views run in a transaction, so the check holds until the save; outside one a lock
    would not last, and quote_save_curated's conditional UPDATE refuses a stale save anyway.
    """
    if transaction.get_connection().in_atomic_block:
        quote_lock_current(
            quote_id=quote.pk, article_id=quote.article_id, expected_version=expected_version
        )


def speaker_refuse_if_stale(*, speaker: Speaker, expected_version: int) -> None:
    """Refuse (StaleSpeakerError) a save that did not start from the speaker's current
    version, and lock the speaker until the transaction commits (as quote_refuse_if_stale)."""
    if transaction.get_connection().in_atomic_block:
        speaker_lock_current(speaker_id=speaker.pk, expected_version=expected_version)


def speaker_save_curated(
    *, speaker: Speaker, changed: Iterable[str], previous_name: str | None, user: Any
) -> Speaker:
    """Save a curator's new or edited speaker with its keys in step.

    A renamed speaker keeps its old spelling as an alias (still findable); a new speaker, or
    one whose kind changed, gets a new key; the search keys follow the name and aliases.
    Call after speaker_refuse_if_stale, in the same transaction: the version moves on here.
    """
    changed = set(changed)
    new = speaker.pk is None
    if "name" in changed and previous_name and previous_name not in speaker.aliases:
        speaker.aliases = [*speaker.aliases, previous_name]
    if new or "kind" in changed:
        speaker.key = speaker_key_new(speaker)
    speaker.search_keys = speaker_search_keys(speaker)
    if not new and changed:
        speaker.version += 1
    speaker._history_user = user  # type: ignore[attr-defined]
    speaker.save()
    return speaker


def speaker_key_new(speaker: Speaker) -> str:
    """The key of a speaker a curator creates or re-kinds."""
    if speaker.kind == SpeakerKind.ANONYMOUS:
        # Unique within the article, like the extractor's `anonymous:<affiliation>:<n>`.
        return anonymous_key(speaker.affiliation, f"curated-{uuid.uuid4().hex[:8]}")
    return speaker_key(speaker.name)[:300]


def speaker_lock_current(*, speaker_id: int, expected_version: int) -> None:
    """Lock the speaker for the rest of the transaction, or refuse if it changed meanwhile."""
    current = (
        Speaker.objects.select_for_update()
        .filter(pk=speaker_id)
        .values_list("version", flat=True)
        .first()
    )
    if current is None:
        raise StaleSpeakerError("This speaker no longer exists (merged or deleted); reload.")
    if current != expected_version:
        last = (
            Speaker.history.filter(id=speaker_id)
            .select_related("history_user")
            .order_by("-history_date", "-history_id")
            .first()
        )
        who = last.history_user.get_username() if last and last.history_user else "ingestion"
        raise StaleSpeakerError(
            f"This speaker was changed by {who} since you opened it; reload to see the change."
        )


def stale_quote_message(*, quote_id: int) -> str:
    """Who changed the quote, and when: what a refused curator needs to know."""
    last = (
        Quote.history.filter(id=quote_id)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
        .first()
    )
    if last is None:
        return "This quote no longer exists; reload the article to see its current quotes."
    who = last.history_user.get_username() if last.history_user else "an automatic process"
    when = date_format(timezone.localtime(last.history_date), "DATETIME_FORMAT")
    if last.history_type == "-":
        return (
            f"This quote was removed by {who} at {when} since you opened it (re-extraction "
            "replaces machine-made quotes); reload the article to see its current quotes."
        )
    return (
        f"This quote was changed by {who} at {when} since you opened it; "
        "reload to see their change."
    )


def quote_offsets_apply(*, quote: Quote, body: str) -> None:
    """Keep the text and sentence indexes in step with (possibly corrected) offsets."""
    quote.text = body[quote.start : quote.end]
    sentences = Sentence.objects.filter(article_id=quote.article_id)
    first = sentences.filter(start__lte=quote.start).order_by("-index").first()
    last = sentences.filter(start__lt=quote.end).order_by("-index").first()
    quote.first_sentence = first.index if first else 0
    quote.last_sentence = max(last.index if last else 0, quote.first_sentence)


# --- many quotes ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BulkStatusResult:
    changed: int
    unchanged: int
    missing: int


def quotes_set_status(*, quote_ids: Iterable[int], status: str, user: Any) -> BulkStatusResult:
    """Verify or reject many quotes, with history, in batches of one short transaction each."""
    changed = unchanged = missing = 0
    for batch in _batches(sorted(set(quote_ids))):
        quotes = _locked_quotes(batch)
        todo = [quote for quote in quotes if quote.status != status]
        quotes_record_extracted_state(quote_ids=[quote.pk for quote in todo])
        now = timezone.now()
        for quote in todo:
            quote.status, quote.version, quote.updated_at = status, quote.version + 1, now
        if todo:
            bulk_update_with_history(
                todo,
                Quote,
                ["status", "version", "updated_at"],
                default_user=user,
                default_change_reason=f"bulk {status} in admin",
            )
        changed += len(todo)
        unchanged += len(quotes) - len(todo)
        missing += len(batch) - len(quotes)
    return BulkStatusResult(changed=changed, unchanged=unchanged, missing=missing)


def _batches(ids: Iterable[int]) -> Iterator[list[int]]:
    iterator = iter(ids)
    while batch := list(islice(iterator, BATCH_SIZE)):
        yield batch


def _locked_quotes(ids: Sequence[int]) -> list[Quote]:
    with transaction.atomic():
        article_ids = Quote.objects.filter(pk__in=ids).values_list("article_id", flat=True)
        _lock_articles(article_ids)
        return list(
            Quote.objects.filter(pk__in=ids)
            .select_for_update(no_key=True)
            .defer("search_vector")
            .order_by("pk")
        )


def _lock_articles(article_ids: Iterable[int]) -> None:
    """Lock articles in id order, as every writer does, so two writers never deadlock."""
    list(
        Article.objects.filter(pk__in=set(article_ids))
        .select_for_update(no_key=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


# --- speakers ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MergeResult:
    target: Speaker
    merged_names: tuple[str, ...]
    quotes_moved: int  # direct quotes (full, partial, continuation)
    claims_moved: int  # claims in reported speech


def speaker_merge(*, target: Speaker, others: Iterable[Speaker], user: Any) -> MergeResult:
    """Fold duplicate speakers into `target`: their quotes move, their names become aliases.

    One transaction: either every quote moves and the duplicates are deleted, or nothing changes.
    """
    other_ids = {speaker.pk for speaker in others} - {target.pk}
    if not other_ids:
        raise MergeRefusedError("Choose at least two speakers: the one to keep and a duplicate.")
    with transaction.atomic():
        locked = {
            s.pk: s
            for s in Speaker.objects.select_for_update()
            .filter(pk__in=[target.pk, *other_ids])
            .order_by("pk")
        }
        if len(locked) != len(other_ids) + 1:
            raise MergeRefusedError("A speaker was deleted meanwhile; reload and try again.")
        keeper, duplicates = locked[target.pk], [locked[pk] for pk in sorted(other_ids)]
        _check_mergeable(keeper, duplicates)
        names = tuple(s.name for s in duplicates)
        quotes, claims = _move_quotes(
            duplicates, keeper, user=user, reason=f"speaker merged into {keeper}"
        )
        _absorb(keeper, duplicates)
        keeper.version += 1  # a form opened on the keeper before the merge is now stale
        keeper._history_user = user  # type: ignore[attr-defined]
        keeper._change_reason = f"merged {', '.join(names)}"  # type: ignore[attr-defined]
        keeper.save()
        for duplicate in duplicates:
            duplicate._history_user = user  # type: ignore[attr-defined]
            duplicate._change_reason = f"merged into {keeper} (#{keeper.pk})"  # type: ignore[attr-defined]
            duplicate.delete()
    return MergeResult(target=keeper, merged_names=names, quotes_moved=quotes, claims_moved=claims)


def _check_mergeable(keeper: Speaker, duplicates: Sequence[Speaker]) -> None:
    """An anonymous source exists only within its article, so it merges only there."""
    speakers = [keeper, *duplicates]
    anonymous = [s for s in speakers if s.kind == SpeakerKind.ANONYMOUS]
    if not anonymous:
        return
    if len(anonymous) != len(speakers) or len({s.article_id for s in speakers}) != 1:
        raise MergeRefusedError(
            "Anonymous sources can be merged only with anonymous sources of the same article; "
            "to attribute their quotes to a named speaker, change each quote's speaker instead."
        )


def _move_quotes(
    duplicates: Sequence[Speaker], keeper: Speaker, *, user: Any, reason: str
) -> tuple[int, int]:
    """Every statement of the duplicates to the keeper; how many quotes and how many claims."""
    moved = claims = 0
    for batch in _quote_batches(duplicates):
        quotes_record_extracted_state(quote_ids=[quote.pk for quote in batch])
        now = timezone.now()
        for quote in batch:
            quote.speaker, quote.version, quote.updated_at = keeper, quote.version + 1, now
        bulk_update_with_history(
            batch,
            Quote,
            ["speaker", "version", "updated_at"],
            default_user=user,
            default_change_reason=reason,
        )
        moved += len(batch)
        claims += sum(quote.kind in CLAIM_KINDS for quote in batch)
    return moved - claims, claims


def _quote_batches(speakers: Sequence[Speaker]) -> Iterator[list[Quote]]:
    quotes = (
        Quote.objects.filter(speaker__in=speakers)
        .select_for_update(no_key=True)
        .defer("search_vector")
        .order_by("pk")
    )
    last_pk = 0
    while batch := list(quotes.filter(pk__gt=last_pk)[:BATCH_SIZE]):
        yield batch
        last_pk = batch[-1].pk


def _absorb(keeper: Speaker, duplicates: Sequence[Speaker]) -> None:
    """Every name and alias of the duplicates becomes an alias of the keeper; nothing is lost."""
    names = [*keeper.aliases]
    for duplicate in duplicates:
        names += [duplicate.name, *duplicate.aliases]
    keeper.aliases = _unique(n for n in names if n != keeper.name)
    keeper.search_keys = _unique(
        [
            *keeper.search_keys,
            *(k for d in duplicates for k in d.search_keys),
            *speaker_search_keys(keeper),
        ]
    )
    for duplicate in duplicates:
        keeper.description = keeper.description or duplicate.description
        keeper.affiliation = keeper.affiliation or duplicate.affiliation


def speaker_search_keys(speaker: Speaker) -> list[str]:
    """Normalised forms of the speaker's name and aliases (plus a named speaker's own key)."""
    keys = [speaker.key] if speaker.kind != SpeakerKind.ANONYMOUS else []
    keys += [speaker_key(name) for name in (speaker.name, *speaker.aliases)]
    return _unique(key[:300] for key in keys if key)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))

"""Reads of outlets, articles and sentences."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from sources.metadata import match_outlet
from sources.models import Article, Outlet, Sentence
from sources.ordering import newest_first, oldest_first
from sources.services import outlet_registry

__all__ = ["newest_first", "oldest_first"]  # with the reads, for callers

# The columns a list of articles shows: never the body or the raw text (kilobytes a row).
ARTICLE_SUMMARY_FIELDS = (
    "id",
    "title",
    "url",
    "authors",
    "published_at",
    "published_precision",
    "outlet__id",
    "outlet__name",
    "outlet__timezone",  # the web pages show dates in the outlet's zone
)


@dataclass(frozen=True)
class SentenceText:
    index: int
    start: int
    end: int
    text: str


def outlet_list() -> QuerySet[Outlet]:
    return Outlet.objects.order_by("name", "id")


def outlet_find(*, text: str) -> Outlet | None:
    """The outlet an API client names: its id, its name or an alias (case, accents and a
    leading `the` aside), or one of its domains (`hani.co.kr`, `www.reuters.com`)."""
    text = text.strip()
    if text.isdigit():
        return Outlet.objects.filter(pk=int(text)).first() if int(text) < 2**63 else None
    outlets = outlet_registry()
    known = match_outlet(name=text, url=None, outlets=outlets) or match_outlet(
        name=None,
        url=f"https://{text.lower().removeprefix('https://').removeprefix('http://')}",
        outlets=outlets,
    )
    return Outlet.objects.filter(name=known.name).first() if known else None


def outlet_get(*, outlet_id: int) -> Outlet:
    return get_object_or_404(Outlet, pk=outlet_id)


def day_start(day: datetime.date) -> datetime.datetime:
    """Midnight UTC opening `day`: API dates are UTC calendar days."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)


def published_range_filter(
    *, published_after: datetime.date | None, published_before: datetime.date | None
) -> dict[str, datetime.datetime]:
    """Lookups for an inclusive range of publication days, on any model's `published_at`."""
    lookups: dict[str, datetime.datetime] = {}
    if published_after is not None:
        lookups["published_at__gte"] = day_start(published_after)
    if published_before is not None and published_before < datetime.date.max:
        lookups["published_at__lt"] = day_start(published_before + datetime.timedelta(days=1))
    return lookups


def article_list(
    *,
    outlet: Outlet | None = None,
    published_after: datetime.date | None = None,
    published_before: datetime.date | None = None,
) -> QuerySet[Article]:
    """Articles newest first (index article_newest_idx / article_outlet_newest_idx)."""
    articles = Article.objects.select_related("outlet").only(*ARTICLE_SUMMARY_FIELDS)
    if outlet is not None:
        articles = articles.filter(outlet=outlet)
    range_lookups = published_range_filter(
        published_after=published_after, published_before=published_before
    )
    return articles.filter(**range_lookups).order_by(*newest_first())


def article_get(*, article_id: int) -> Article:
    return get_object_or_404(
        Article.objects.select_related("outlet").defer("raw_text"), pk=article_id
    )


def sentence_texts(
    *, article: Article, first: int = 0, last: int | None = None
) -> list[SentenceText]:
    """Sentences `first`..`last` (inclusive) of an article, with their text cut from its body."""
    sentences = Sentence.objects.filter(article=article, index__gte=first)
    if last is not None:
        sentences = sentences.filter(index__lte=last)
    return [
        SentenceText(index=s.index, start=s.start, end=s.end, text=article.body[s.start : s.end])
        for s in sentences.order_by("index").only("index", "start", "end")
    ]

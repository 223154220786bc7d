"""Writes for sources: turn submitted text into an article row, idempotently.

`article_prepare` is pure (cleaning, metadata, validation); `article_upsert` stores the result
under the database's uniqueness rules, so concurrent submissions of one article store it once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db.models import Q

from config.bulk import copy_rows
from sources.cleaning import clean_text
from sources.markup import html_to_text
from sources.metadata import OutletInfo, match_outlet, read_metadata
from sources.models import Article, DatePrecision, Outlet, Sentence

MAX_TEXT_CHARS = 1_000_000
_HOST_RE = re.compile(r"[\w.:-]+")
MAX_AUTHORS = 50


class ArticleReplaceRefused(PermissionError):
    """A new text for a stored URL from a writer who may add articles but not replace them."""

    def __init__(self, article_id: int) -> None:
        super().__init__(f"article {article_id} is stored at this URL with another text")
        self.article_id = article_id


class ArticleInputError(ValueError):
    """Input that cannot become an article; `field` names the part of the input at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """An article as submitted: text plus whatever metadata the submitter knows."""

    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published_at: dt.datetime | dt.date | None = None
    authors: Sequence[str] | None = None


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    body: str
    raw_text: str
    content_hash: str
    url: str | None
    title: str
    outlet: str | None
    authors: tuple[str, ...]
    published_at: dt.datetime | None
    published_precision: str | None


class UpsertState(Enum):
    CREATED = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


def outlet_registry() -> tuple[OutletInfo, ...]:
    return tuple(
        OutletInfo(
            name=outlet.name,
            domains=tuple(outlet.domains),
            aliases=tuple(outlet.aliases),
            timezone=outlet.timezone,
        )
        for outlet in Outlet.objects.all()
    )


def article_prepare(*, submitted: ArticleInput, outlets: Sequence[OutletInfo]) -> PreparedArticle:
    """Clean the text and settle the metadata: what the submitter gave wins over what we read."""
    _check_text_fields(submitted)
    mastheads = [name for info in outlets for name in (info.name, *info.aliases)]
    text = html_to_text(submitted.text)
    body = clean_text(text, mastheads=mastheads)
    if not body.strip():
        raise ArticleInputError("text", "the text has no article content once cleaned")
    read = read_metadata(text, outlets=outlets, body=body)
    outlet = _outlet_name(submitted, read_outlet=read.outlet, outlets=outlets)
    published_at, precision = _published(submitted.published_at, outlet=outlet, outlets=outlets)
    if published_at is None:
        published_at, precision = read.published_at, read.published_precision
    return PreparedArticle(
        body=body,
        raw_text=submitted.text.replace("\x00", ""),
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        url=(submitted.url or "").strip() or None,
        title=(submitted.title or read.title or "").strip()[:1000],
        outlet=outlet,
        authors=tuple(submitted.authors) if submitted.authors is not None else read.authors,
        published_at=published_at,
        published_precision=precision,
    )


def _outlet_name(
    submitted: ArticleInput, *, read_outlet: str | None, outlets: Sequence[OutletInfo]
) -> str | None:
    """The registered outlet's own name when the submitted name, an alias of it, the page or
    the URL's domain names it; otherwise the submitted name as given (a new outlet)."""
    if submitted.outlet and submitted.outlet.strip():
        known = match_outlet(name=submitted.outlet, url=None, outlets=outlets)
        return known.name if known else submitted.outlet.strip()
    if read_outlet:
        return read_outlet
    known = match_outlet(name=None, url=submitted.url, outlets=outlets)
    return known.name if known else None


def _check_text_fields(submitted: ArticleInput) -> None:
    if not isinstance(submitted.text, str):
        raise ArticleInputError("text", "must be a string")
    if len(submitted.text) > MAX_TEXT_CHARS:
        raise ArticleInputError("text", f"is longer than {MAX_TEXT_CHARS:,} characters")
    fields: list[tuple[str, object]] = [
        ("text", submitted.text),
        ("url", submitted.url),
        ("title", submitted.title),
        ("outlet", submitted.outlet),
    ]
    if submitted.authors is not None:
        if isinstance(submitted.authors, str) or len(submitted.authors) > MAX_AUTHORS:
            raise ArticleInputError("authors", f"must be a list of at most {MAX_AUTHORS} names")
        fields += [("authors", author) for author in submitted.authors]
    for field, value in fields:
        _check_string(field, value, allow_nul=field == "text")
    if submitted.url is not None:
        _check_url(submitted.url)


def _check_url(url: str) -> None:
    if len(url) > 100_000:
        raise ArticleInputError("url", "is longer than 100,000 characters")
    if not is_web_url(url.strip()):
        raise ArticleInputError("url", "must be a web address starting with http:// or https://")


def is_web_url(url: str) -> bool:
    """An http(s) address with a host: `javascript:`, `data:` or `not a url` are not.

    Lenient about the path (pages link to URLs with spaces or odd characters), strict about
    the scheme and the host, which is what a link in admin or a client will follow.
    """
    try:
        parts = urlsplit(url)
        hostname = parts.hostname
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(
        hostname and _HOST_RE.fullmatch(hostname)
    )


def _check_string(field: str, value: object, *, allow_nul: bool) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise ArticleInputError(field, "must be a string")
    if not allow_nul and "\x00" in value:
        raise ArticleInputError(field, "contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ArticleInputError(field, "contains a lone surrogate (invalid Unicode)") from None


def _published(
    value: dt.datetime | dt.date | None, *, outlet: str | None, outlets: Sequence[OutletInfo]
) -> tuple[dt.datetime | None, str | None]:
    """A submitted date: a bare date is day-precise; a naive time is in the outlet's zone."""
    if value is None:
        return None, None
    zone = _outlet_zone(outlet, outlets)
    if isinstance(value, dt.datetime):
        precision = DatePrecision.SECOND if value.second else DatePrecision.MINUTE
        return (value if value.tzinfo else value.replace(tzinfo=zone)), precision
    return dt.datetime.combine(value, dt.time(), tzinfo=zone), DatePrecision.DAY


def _outlet_zone(outlet: str | None, outlets: Sequence[OutletInfo]) -> dt.tzinfo:
    for info in outlets:
        if info.name == outlet:
            try:
                return ZoneInfo(info.timezone)
            except (ZoneInfoNotFoundError, ValueError):
                break
    return dt.UTC


def article_upsert(
    *, prepared: PreparedArticle, extractor_version: str, may_replace: bool = True
) -> tuple[Article, UpsertState]:
    """Store the article, or find the one it duplicates; call inside a transaction.

    A new article is stored with `extractor_version`, the version of the extraction the
    caller stores with it in the same transaction; a rewritten body gets an empty version
    until the caller replaces its extraction.

    The same URL or the same body is one article. A known URL with a new body updates that
    article. Concurrent writers meet at the unique constraints: the caller retries on
    IntegrityError, and the retry finds the row the other writer stored.
    """
    by_url, by_text = _existing_articles(prepared)
    if by_url is None and by_text is None:
        fields = {
            **_article_fields(prepared, outlet=_outlet(prepared.outlet)),
            "extractor_version": extractor_version,
        }
        return Article.objects.create(**fields), UpsertState.CREATED
    if by_text is not None and by_url in (None, by_text):
        return by_text, _fill_missing_metadata(by_text, prepared)
    if by_text is not None:
        raise ArticleInputError(
            "text",
            f"this text is already stored as article {by_text.pk} "
            f"({by_text.url or 'without URL'}), so the article at this URL cannot take it",
        )
    assert by_url is not None
    if not may_replace:
        raise ArticleReplaceRefused(by_url.pk)
    fields = _article_fields(prepared, outlet=_outlet(prepared.outlet))
    for name, value in {**fields, "extractor_version": ""}.items():
        setattr(by_url, name, value)
    by_url.save()
    return by_url, UpsertState.UPDATED


def articles_create_new(
    *, prepared: Sequence[PreparedArticle], extractor_version: str
) -> tuple[list[Article], list[int]]:
    """Insert in one statement the articles that duplicate nothing stored or earlier in the batch.

    Returns the new articles and the positions (in `prepared`) of the others, which the
    caller stores one by one. A concurrent writer inserting the same article makes the insert
    fail with IntegrityError; the caller then falls back to one by one as well.
    """
    hashes = [p.content_hash for p in prepared]
    urls = [p.url for p in prepared if p.url is not None]
    url_hashes = [hashlib.md5(url.encode()).hexdigest() for url in urls]
    stored = Article.objects.filter(Q(content_hash__in=hashes) | Q(url_hash__in=url_hashes))
    seen = {value for pair in stored.values_list("content_hash", "url") for value in pair}
    fresh: list[PreparedArticle] = []
    others: list[int] = []
    for position, item in enumerate(prepared):
        if item.content_hash in seen or (item.url is not None and item.url in seen):
            others.append(position)
            continue
        seen.update({item.content_hash, item.url})
        fresh.append(item)
    outlets = {name: _outlet(name) for name in {item.outlet for item in fresh}}
    articles = Article.objects.bulk_create(
        Article(
            **_article_fields(item, outlet=outlets[item.outlet]),
            extractor_version=extractor_version,
        )
        for item in fresh
    )
    return articles, others


def _existing_articles(prepared: PreparedArticle) -> tuple[Article | None, Article | None]:
    """The stored article with this URL, and the one with this text (locked; maybe the same)."""
    match = Q(content_hash=prepared.content_hash)
    if prepared.url is not None:
        # Through the unique index on the URL's hash: `url` itself has no index.
        match |= Q(url_hash=hashlib.md5(prepared.url.encode()).hexdigest(), url=prepared.url)
    candidates = list(Article.objects.select_for_update().filter(match))
    by_url = next((a for a in candidates if prepared.url and a.url == prepared.url), None)
    by_text = next((a for a in candidates if a.content_hash == prepared.content_hash), None)
    return by_url, by_text


def _fill_missing_metadata(article: Article, prepared: PreparedArticle) -> UpsertState:
    """Same text again: keep the article, but learn a URL or date it did not have."""
    changed = []
    if article.url is None and prepared.url is not None:
        article.url = prepared.url
        changed.append("url")
    if article.published_at is None and prepared.published_at is not None:
        article.published_at = prepared.published_at
        article.published_precision = prepared.published_precision
        changed += ["published_at", "published_precision"]
    if not changed:
        return UpsertState.UNCHANGED
    article.save(update_fields=[*changed, "updated_at"])
    return UpsertState.UPDATED


def _article_fields(prepared: PreparedArticle, *, outlet: Outlet | None) -> dict[str, object]:
    return {
        "body": prepared.body,
        "raw_text": prepared.raw_text,
        "content_hash": prepared.content_hash,
        "url": prepared.url,
        "title": prepared.title,
        "outlet": outlet,
        "authors": list(prepared.authors),
        "published_at": prepared.published_at,
        "published_precision": prepared.published_precision,
    }


def _outlet(name: str | None) -> Outlet | None:
    if not name:
        return None
    outlet, _ = Outlet.objects.get_or_create(name=name[:200])
    return outlet


def sentences_store(*, rows: Sequence[tuple[Article, Sequence[tuple[int, int]]]]) -> None:
    """Store the sentence spans of one or many articles in one statement."""
    copy_rows(
        Sentence,
        ("article", "index", "start", "end"),
        (
            (article.pk, index, start, end)
            for article, spans in rows
            for index, (start, end) in enumerate(spans)
        ),
    )


def sentences_replace(*, article: Article, spans: Sequence[tuple[int, int]]) -> None:
    Sentence.objects.filter(article=article).delete()
    sentences_store(rows=[(article, spans)])

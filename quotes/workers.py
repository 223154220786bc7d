"""Clean and extract articles in worker processes while the caller writes them.

Workers are spawned, not forked. A fork copies whatever the parent's other threads hold at that
instant (a progress-bar monitor, a test's live server, a half-written log line) and every open
socket, the database's among them: a copied lock can hang a worker for ever, and a copied
connection that a worker finalises closes the writer's session. A spawned worker starts clean,
sets Django up, and never opens a Django database connection (which would also enlist it
as a user of the embedded server). It asks whether articles are stored already (the same text,
this extractor version: not extracted again) on a plain read-only psycopg connection, once
per chunk.

This module imports no model at load time: a spawned worker unpickles its initializer from here
before Django is set up.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from quotes.extraction import EXTRACTOR_VERSION, Extraction, extract
from sources.metadata import OutletInfo

if TYPE_CHECKING:
    from sources.loaders import Submission
    from sources.services import PreparedArticle

# (source, prepared article, its extraction, error): exactly one of article and error is set;
# an article without extraction is stored already and has nothing new (see
# quotes.services.articles_stored_already).
Prepared = tuple[str, "PreparedArticle | None", Extraction | None, str | None]
# Submissions handed to a worker at a time: enough to amortise the pipe, small enough to
# keep every worker busy to the end of a short batch.
CHUNK_SIZE = 8

_outlets: tuple[OutletInfo, ...] = ()
_database: dict[str, Any] | None = None  # psycopg parameters, in a spawned worker
_connection: Any = None
STORED_SQL = (
    "SELECT content_hash, url, published_at IS NOT NULL FROM sources_article "
    "WHERE content_hash = ANY(%s) AND extractor_version = %s"
)


@contextmanager
def prepared_articles(
    items: Iterable[Submission], *, outlets: tuple[OutletInfo, ...], workers: int
) -> Iterator[Iterator[Prepared]]:
    """Yield the submissions prepared and extracted, in input order.

    With more than one worker the work runs in a pool of spawned processes; the pool ends with
    the block, also when the caller stops early or fails (no worker outlives its batch).
    """
    chunks = _chunked(items, CHUNK_SIZE)
    if workers <= 1:
        _use_outlets(outlets)
        yield itertools.chain.from_iterable(map(articles_prepare_and_extract, chunks))
        return
    from django.db import connection

    context = multiprocessing.get_context("spawn")
    params = connection.get_connection_params()  # tests run on their own database
    database = {k: params[k] for k in ("dbname", "user", "password", "host", "port") if k in params}
    with context.Pool(workers, initializer=_start_worker, initargs=(outlets, database)) as pool:
        yield itertools.chain.from_iterable(pool.imap(articles_prepare_and_extract, chunks))


def articles_prepare_and_extract(items: list[Submission]) -> list[Prepared]:
    """Clean a few articles, ask once which are stored already, extract the others."""
    from sources.services import ArticleInputError, article_prepare

    readied: list[tuple[str, PreparedArticle | None, str | None]] = []
    for item in items:
        if item.article is None:
            readied.append((item.source, None, item.error))
            continue
        try:
            readied.append(
                (item.source, article_prepare(submitted=item.article, outlets=_outlets), None)
            )
        except ArticleInputError as error:
            readied.append((item.source, None, str(error)))
    fresh = [p for _, p, _ in readied if p is not None]
    stored = iter(_stored_already(fresh) if fresh else [])
    results: list[Prepared] = []
    for source, prepared, problem in readied:
        if prepared is None:
            results.append((source, None, None, problem))
        elif next(stored):
            results.append((source, prepared, None, None))
        else:
            results.append((source, prepared, extract(prepared.body), None))
    return results


def _chunked(items: Iterable[Submission], size: int) -> Iterator[list[Submission]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _stored_already(prepared: list[PreparedArticle]) -> list[bool]:
    from quotes.services import adds_nothing, articles_stored_already

    if _database is None:  # in the caller's process: through Django
        return [known is not None for known in articles_stored_already(prepared=prepared)]
    global _connection
    import psycopg

    if _connection is None or _connection.closed:
        _connection = psycopg.connect(**_database, autocommit=True)
    rows = _connection.execute(
        STORED_SQL, ([p.content_hash for p in prepared], EXTRACTOR_VERSION)
    ).fetchall()
    stored = {content_hash: (url, dated) for content_hash, url, dated in rows}
    return [p.content_hash in stored and adds_nothing(p, *stored[p.content_hash]) for p in prepared]


def _start_worker(outlets: tuple[OutletInfo, ...], database: dict[str, Any]) -> None:
    import django

    global _database
    django.setup()
    _database = database
    _use_outlets(outlets)


def _use_outlets(outlets: tuple[OutletInfo, ...]) -> None:
    global _outlets
    _outlets = outlets

"""Clean and extract articles in worker processes while the caller writes them.

Workers are spawned, not forked. A fork copies whatever the parent's other threads hold at that
instant (a progress-bar monitor, a test's live server, a half-written log line) and every open
socket, the database's among them: a copied lock can hang a worker for ever, and a copied
connection that a worker finalises closes the writer's session. A spawned worker starts clean,
sets Django up, and opens a database connection of its own only to ask whether an article is
stored already (the same text, this extractor version), which then is not extracted again.

This module imports no model at load time: a spawned worker unpickles its initializer from here
before Django is set up.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from quotes.extraction import Extraction, extract
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


@contextmanager
def prepared_articles(
    items: Iterable[Submission], *, outlets: tuple[OutletInfo, ...], workers: int
) -> Iterator[Iterator[Prepared]]:
    """Yield the submissions prepared and extracted, in input order.

    With more than one worker the work runs in a pool of spawned processes; the pool ends with
    the block, also when the caller stops early or fails (no worker outlives its batch).
    """
    if workers <= 1:
        _use_outlets(outlets)
        yield map(article_prepare_and_extract, items)
        return
    from django.db import connection

    context = multiprocessing.get_context("spawn")
    database = connection.settings_dict["NAME"]  # tests run on their own database
    with context.Pool(workers, initializer=_start_worker, initargs=(outlets, database)) as pool:
        yield pool.imap(article_prepare_and_extract, items, chunksize=CHUNK_SIZE)


def article_prepare_and_extract(item: Submission) -> Prepared:
    from quotes.services import articles_stored_already
    from sources.services import ArticleInputError, article_prepare

    if item.article is None:
        return item.source, None, None, item.error
    try:
        prepared = article_prepare(submitted=item.article, outlets=_outlets)
    except ArticleInputError as error:
        return item.source, None, None, str(error)
    if articles_stored_already(prepared=[prepared])[0] is not None:
        return item.source, prepared, None, None
    return item.source, prepared, extract(prepared.body), None


def _start_worker(outlets: tuple[OutletInfo, ...], database: str) -> None:
    import django
    from django.conf import settings

    settings.DATABASES["default"]["NAME"] = database
    django.setup()
    _use_outlets(outlets)


def _use_outlets(outlets: tuple[OutletInfo, ...]) -> None:
    global _outlets
    _outlets = outlets

"""The worker pool that cleans and extracts while the ingest command writes."""

import multiprocessing

from quotes.workers import prepared_articles
from sources.loaders import Submission
from sources.services import ArticleInput


def submissions(count: int) -> list[Submission]:
    return [
        Submission(
            source=f"batch.jsonl:{n}",
            article=ArticleInput(text=f"Story {n}\n\n“We are ready,” said Kim Min-{n}."),
        )
        for n in range(count)
    ]


def test_workers_return_articles_in_input_order_with_their_quotes():
    with prepared_articles(submissions(30), outlets=(), workers=2) as prepared:
        results = list(prepared)
    assert [source for source, *_ in results] == [f"batch.jsonl:{n}" for n in range(30)]
    assert all(error is None and len(extraction.quotes) == 1 for _, _, extraction, error in results)


def test_the_pool_ends_with_its_block_even_when_the_caller_keeps_the_iterator():
    with prepared_articles(submissions(50), outlets=(), workers=2) as prepared:
        next(prepared)
        assert len(multiprocessing.active_children()) == 2
    # `prepared` is still referenced here: only the block's end can have stopped the workers.
    assert multiprocessing.active_children() == []


def test_an_unreadable_submission_comes_back_as_its_error():
    broken = Submission(source="batch.jsonl:7", error="invalid JSON")
    with prepared_articles([broken], outlets=(), workers=1) as prepared:
        assert list(prepared) == [("batch.jsonl:7", None, None, "invalid JSON")]

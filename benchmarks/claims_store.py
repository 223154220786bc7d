"""What storing claims costs the ingest writer, until the engine extracts them.

    .venv/bin/python benchmarks/claims_store.py [--articles 2000]

The claims engine is another branch; today `Extraction.claims` is empty, so
`benchmarks/ingest.py` measures storage without claims. This script gives every article
synthetic claims (the clause after each `said`/`told`/`added` in a sentence, the shapes the
engine targets, several per article) and times the writer's path, `articles_store`, in
batches of the ingest command's size, alternating batches without and with claims (so the
table grows alike under both). It prints the writer's time per article both ways, next to the
extraction's time per article measured in the same run.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import _fresh_database, _texts

if TYPE_CHECKING:
    from quotes.extraction import Extraction

CUE = re.compile(r"\b(?:said|told reporters|added) (?:that )?")


def synthetic_claims(extraction: Extraction) -> Extraction:
    from quotes.extraction import types as extracted

    claims = []
    for sentence in extraction.sentences:
        words = extraction.text[sentence.start : sentence.end]
        cue = CUE.search(words)
        if cue is None:
            continue
        start, end = sentence.start + cue.end(), sentence.end
        while end > start and not extraction.text[end - 1].isalnum():
            end -= 1
        if end - start < 10:
            continue
        speaker = extracted.Speaker(name="Moon Jae-in", kind="person", key="moon jae in")
        subject = sentence.start  # the sentence's first word stands for the mention
        mention = extracted.Mention(text=words[:1], start=subject, end=subject + 1)
        claims.append(
            extracted.Quote(
                text=extraction.text[start:end],
                start=start,
                end=end,
                first_sentence=sentence.index,
                last_sentence=sentence.index,
                kind="indirect",
                cue="said",
                confidence=0.7,
                speaker=speaker,
                mention=mention,
            )
        )
    return dataclasses.replace(extraction, claims=tuple(claims))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    _fresh_database()
    from django.db import connection

    from quotes.extraction import extract
    from quotes.management.commands.ingest import BATCH_SIZE
    from quotes.services import articles_store
    from sources.services import ArticleInput, article_prepare, outlet_registry

    outlets = outlet_registry()
    started = time.perf_counter()
    prepared = []
    for text in _texts(None, args.articles):
        article = article_prepare(submitted=ArticleInput(text=text), outlets=outlets)
        prepared.append((article, extract(article.body)))
    extracting = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO off")  # as the ingest command does
    spent = {False: 0.0, True: 0.0}
    counts = {False: [0, 0, 0], True: [0, 0, 0]}  # articles, quotes, claims
    for number, first in enumerate(range(0, len(prepared), BATCH_SIZE)):
        with_claims = number % 2 == 1
        batch = prepared[first : first + BATCH_SIZE]
        if with_claims:
            batch = [(p, synthetic_claims(e)) for p, e in batch]
        started = time.perf_counter()
        results = articles_store(batch=batch)
        spent[with_claims] += time.perf_counter() - started
        for result in results:
            assert not isinstance(result, Exception), result
            counts[with_claims][0] += 1
            counts[with_claims][1] += result.quotes_stored
            counts[with_claims][2] += result.claims_stored
    per_extract = extracting / len(prepared) * 1000
    print(f"articles: {len(prepared):,}; extraction alone {per_extract:.2f} ms/article (1 core)")
    for with_claims, label in ((False, "without claims"), (True, "with claims   ")):
        articles, quotes, claims = counts[with_claims]
        per_store = spent[with_claims] / articles * 1000
        print(
            f"writer {label}: {per_store:.2f} ms/article ({quotes / articles:.1f} quotes, "
            f"{claims / articles:.1f} claims an article) = {per_store / per_extract:.2f}x "
            "extraction time"
        )
    ratio = (spent[True] / counts[True][0]) / (spent[False] / counts[False][0])
    print(f"writer time with claims / without: {ratio:.2f}")


if __name__ == "__main__":
    main()

"""Throughput of the extraction pipeline next to NLTK Punkt alone, on one core, same texts.

    .venv/bin/python benchmarks/extraction.py [PATH ...]   (text files or JSONL with a "text" field;
                                                             default: seeds/*.txt)

Prints which engine runs (compiled with mypyc or Python: WHOSAID_ENGINE=python for the latter),
articles/s and MB/s for Punkt sentence splitting alone and for the whole pipeline, their
ratio (and, for information, how fast the pipeline's own sentence splitting runs next to Punkt
alone), peak memory, memory growth over repeated passes, and timings on hostile one-line text
(unmatched quote marks and apostrophes) with the time(2n)/time(n) ratios from 64 KB to 1 MB.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotes.extraction import ENGINE_MODE, extract
from quotes.extraction.punkt import punkt_tokenizer
from quotes.extraction.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent


def load_texts(paths: list[str]) -> list[str]:
    if not paths:
        return [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    texts: list[str] = []
    for name in paths:
        path = Path(name)
        if path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as handle:
                texts.extend(json.loads(line)["text"] for line in handle if line.strip())
        else:
            texts.append(path.read_text(encoding="utf-8"))
    return texts


def punkt_alone(text: str) -> None:
    list(punkt_tokenizer().span_tokenize(text))


def pipeline(text: str) -> None:
    extract(text)


def pipeline_splitting(text: str) -> None:
    split_sentences(text)


def best_times(texts: list[str], *, repeats: int) -> dict[str, float]:
    """Seconds per pass over all texts, Punkt alone and the whole pipeline."""
    for text in texts:  # warm caches and compiled regexes
        pipeline(text)
    return _fastest(texts, {"punkt alone": punkt_alone, "pipeline": pipeline}, repeats=repeats)


def _fastest(
    texts: list[str], functions: dict[str, Callable[[str], None]], *, repeats: int
) -> dict[str, float]:
    """For each contender, the sum over texts of the fastest of `repeats` runs. Contenders are
    timed alternately on the same text, so a busy machine slows them alike and the minimum
    filters out interruptions."""
    best = {name: [float("inf")] * len(texts) for name in functions}
    clock = time.perf_counter
    for _ in range(repeats):
        for index, text in enumerate(texts):
            for name, function in functions.items():
                started = clock()
                function(text)
                elapsed = clock() - started
                if elapsed < best[name][index]:
                    best[name][index] = elapsed
    return {name: sum(times) for name, times in best.items()}


def throughput(texts: list[str], *, repeats: int = 15) -> None:
    size_mb = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    print(
        f"{len(texts)} articles, {size_mb * 1000:.1f} KB, one process, one core, best of {repeats}"
    )
    print(f"  engine: {ENGINE_MODE}")
    results = best_times(texts, repeats=repeats)
    for name, seconds in results.items():
        print(f"  {name:12s} {len(texts) / seconds:8.1f} articles/s  {size_mb / seconds:6.2f} MB/s")
    ratio = results["punkt alone"] / results["pipeline"]
    print(f"  pipeline speed / punkt speed = {ratio:.2f} (goal >= 0.70)")


def splitting(texts: list[str], *, repeats: int = 15) -> None:
    """Report only, timed apart from the ratio above: the pipeline's own sentence splitting
    (Punkt with the same spans, its per-token regex calls untimed, then cut at paragraphs) next
    to plain Punkt."""
    functions: dict[str, Callable[[str], None]] = {
        "punkt alone": punkt_alone,
        "split_sentences": pipeline_splitting,
    }
    totals = _fastest(texts, functions, repeats=repeats)
    print(
        f"  (report only: the pipeline's split_sentences runs at"
        f" {totals['punkt alone'] / totals['split_sentences']:.2f}x plain Punkt's speed)"
    )


def memory(texts: list[str]) -> None:
    gc.collect()
    tracemalloc.start()
    sizes = []
    for _ in range(5):
        for text in texts:
            extract(text)
        gc.collect()
        sizes.append(tracemalloc.get_traced_memory()[0])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    growth = (sizes[-1] - sizes[0]) / 1e3
    print(
        f"memory: peak {peak / 1e6:.2f} MB traced, retained growth over 4 passes {growth:+.1f} KB"
    )


def hostile_text(size: int, *, seed: int = 7) -> str:
    """One line, no paragraph breaks, in 10-character units that each hold exactly one double
    quote mark (straight or curly, before or after a word) and one apostrophe: 1 MB gives
    100,000 of each, placed at random so that most never pair up."""
    generator = random.Random(seed)
    words = ["he", "said", "Kim", "the", "U.S.", "a", "not", "told", "Wi", "it"]
    marks = ['"', "“", "”"]
    units: list[str] = []
    for _ in range(size // 10):
        first, second = generator.choice(words), generator.choice(words)
        while len(first) + len(second) > 7:
            second = generator.choice(words)
        mark = generator.choice(marks)
        if generator.random() < 0.5:
            unit = f"{mark}{first} {second}'"
        else:
            unit = f"{first}{mark} '{second}"
        units.append(unit.ljust(10))
    return "".join(units)


def timed(text: str) -> float:
    """Best of three, so that a busy machine does not distort the ratios."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        extract(text)
        best = min(best, time.perf_counter() - started)
    return best


def hostile() -> None:
    text = hostile_text(1_000_000)
    doubles = sum(text.count(mark) for mark in ('"', "“", "”"))
    print(
        f"hostile {len(text) / 1e6:.1f} MB one line: {doubles} double quote marks,"
        f" {text.count(chr(39))} apostrophes"
    )
    started = time.perf_counter()
    result = extract(text)
    elapsed = time.perf_counter() - started
    print(f"  extract, first run: {elapsed:.2f} s ({len(result.quotes)} quotes kept) (goal < 2 s)")
    previous = None
    size = 64_000
    while size <= 1_024_000:
        elapsed = timed(hostile_text(size))
        ratio = f"  time(2n)/time(n) = {elapsed / previous:.2f}" if previous else ""
        print(f"  {size // 1000:5d} KB: {elapsed:6.3f} s{ratio}")
        previous = elapsed
        size *= 2


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description="Throughput of the extraction pipeline next to NLTK Punkt alone."
    )
    parser.add_argument(
        "paths", nargs="*", help="text files or JSONL with a text field (default: seeds/*.txt)"
    )
    args = parser.parse_args(argv)
    missing = [name for name in args.paths if not Path(name).is_file()]
    if missing:
        parser.error(f"no such file: {', '.join(missing)}")
    texts = load_texts(args.paths)
    throughput(texts)
    splitting(texts)
    memory(texts)
    hostile()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

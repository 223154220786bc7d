"""Command line: extract, evaluate, bench.

python -m quotes.extraction extract FILE...
python -m quotes.extraction evaluate PATH.jsonl [--errors] [--limit N]
python -m quotes.extraction bench PATH...
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from quotes.extraction.evaluate import evaluate, read_articles
from quotes.extraction.pipeline import EXTRACTOR_VERSION, extract


def _texts(paths: list[Path]) -> list[str]:
    texts: list[str] = []
    for path in paths:
        if path.suffix == ".jsonl":
            texts.extend(article["text"] for article in read_articles(path))
        else:
            texts.append(path.read_text(encoding="utf-8"))
    return texts


def command_extract(paths: list[Path]) -> int:
    for path in paths:
        result = extract(path.read_text(encoding="utf-8"))
        for quote in result.quotes:
            record = {"source": str(path), "extractor_version": EXTRACTOR_VERSION}
            record.update(quote.to_dict())
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


def command_evaluate(path: Path, *, limit: int | None, errors: bool) -> int:
    scores = evaluate(path, limit=limit, with_errors=errors)
    if errors:
        for line in scores.errors:
            print(line)
        print()
    print(f"extractor {EXTRACTOR_VERSION} on {path}")
    print(scores.report())
    return 0


def command_bench(paths: list[Path]) -> int:
    texts = _texts(paths)
    size_mb = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    for text in texts:  # warm up: Punkt parameters, compiled regexes
        extract(text)
    passes = 0
    started = time.perf_counter()
    while True:  # whole passes for at least a second, one core
        for text in texts:
            extract(text)
        passes += 1
        elapsed = time.perf_counter() - started
        if elapsed >= 1.0:
            break
    rate = len(texts) * passes / elapsed
    print(f"{len(texts)} articles, {size_mb:.3f} MB, {passes} passes in {elapsed:.2f} s: ", end="")
    print(f"{rate:.0f} articles/s, {size_mb * passes / elapsed:.2f} MB/s")
    print("(Punkt alone next to the pipeline: benchmarks/extraction.py)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quotes.extraction")
    commands = parser.add_subparsers(dest="command", required=True)
    extract_parser = commands.add_parser(
        "extract", help="print the quotes of text files as JSON Lines"
    )
    extract_parser.add_argument("paths", nargs="+", type=Path)
    evaluate_parser = commands.add_parser("evaluate", help="score against an annotated JSONL file")
    evaluate_parser.add_argument("path", type=Path)
    evaluate_parser.add_argument("--errors", action="store_true", help="list every error")
    evaluate_parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    bench_parser = commands.add_parser("bench", help="throughput over text or JSONL files")
    bench_parser.add_argument("paths", nargs="+", type=Path)
    args = parser.parse_args(argv)
    if args.command == "extract":
        return command_extract(args.paths)
    if args.command == "evaluate":
        return command_evaluate(args.path, limit=args.limit, errors=args.errors)
    return command_bench(args.paths)


if __name__ == "__main__":
    raise SystemExit(main())

"""Command line: extract, evaluate, bench.

python -m quotes.extraction extract FILE...
python -m quotes.extraction evaluate PATH... [--errors] [--limit-errors N] [--limit N] [--json]
python -m quotes.extraction bench PATH...
python -m quotes.extraction leakcheck EVAL_PATH [--paths PATH...] [--common-in N]
python -m quotes.extraction train-speakers PATH... [--folds N] [--out FILE]
python -m quotes.extraction train-claims CLAIMS.jsonl... [--out FILE] [--folds N]
python -m quotes.extraction claims-coverage CLAIMS.jsonl... [--top N]
python -m quotes.extraction compile
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from quotes.extraction import ENGINE_MODE
from quotes.extraction.evaluation import evaluate_paths, read_articles
from quotes.extraction.evaluation.report import (
    render_errors,
    render_json,
    render_report,
    render_table,
)
from quotes.extraction.pipeline import EXTRACTOR_VERSION, extract
from quotes.extraction.training import command_train_speakers


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


def command_evaluate(
    paths: list[Path], *, limit: int | None, errors: bool, limit_errors: int, as_json: bool
) -> int:
    results = evaluate_paths(paths, limit=limit)
    if as_json:
        for result in results:
            print(render_json(result, EXTRACTOR_VERSION))
        return 0
    if errors:
        for result in results:
            print(render_errors(result, limit_errors))
            print()
    if len(results) == 1:
        print(render_report(results[0], EXTRACTOR_VERSION))
    else:
        print(render_table(results, EXTRACTOR_VERSION))
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
    print(f"engine: {ENGINE_MODE}; Punkt alone next to the pipeline: benchmarks/extraction.py")
    return 0


def command_compile() -> int:
    from quotes.extraction.compiled import build, c_compiler

    compiler = c_compiler()
    if compiler is None:
        # `make install` goes on: the engine runs as Python, slower, with the same output.
        print("no C compiler found: the extraction engine runs as Python (install gcc to compile)")
        return 0
    started = time.perf_counter()
    print("compiling the extraction engine with mypyc (about 2.5 minutes)...", flush=True)
    manifest = build()
    elapsed = time.perf_counter() - started
    print(f"compiled in {elapsed:.0f} s: {manifest.parent} (WHOSAID_ENGINE=python turns it off)")
    return 0


def command_train_claims(
    paths: list[Path], *, out: Path, folds: int, min_precision: float, min_likelihood: float
) -> int:
    from quotes.extraction.claim_training import train_claims

    for line in train_claims(
        paths, out=out, folds=folds, min_precision=min_precision, min_likelihood=min_likelihood
    ):
        print(line)
    print(f"weights written to {out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quotes.extraction")
    commands = parser.add_subparsers(dest="command", required=True)
    extract_parser = commands.add_parser(
        "extract", help="print the quotes of text files as JSON Lines"
    )
    extract_parser.add_argument("paths", nargs="+", type=Path)
    evaluate_parser = commands.add_parser(
        "evaluate",
        help="score against annotated sets: PolNeAR quotes (.jsonl), PolNeAR claims "
        "(*_claims.jsonl), the Korean gold (a folder with gold.json); several side by side",
    )
    evaluate_parser.add_argument("paths", nargs="+", type=Path)
    evaluate_parser.add_argument(
        "--errors", action="store_true", help="list errors by class, with counts"
    )
    evaluate_parser.add_argument(
        "--limit-errors", type=int, default=20, help="cases shown per error class (default 20)"
    )
    evaluate_parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    evaluate_parser.add_argument(
        "--json", action="store_true", help="the figures as one JSON object per set"
    )
    bench_parser = commands.add_parser("bench", help="throughput over text or JSONL files")
    bench_parser.add_argument("paths", nargs="+", type=Path)
    leak_parser = commands.add_parser(
        "leakcheck",
        help="find evaluation wording (6-word runs) and evaluation speakers in the repository; "
        "exit 1 when any, 2 when the evaluation data cannot be read",
    )
    leak_parser.add_argument("eval_path", type=Path, help="the evaluation data folder or a set")
    leak_parser.add_argument(
        "--paths", nargs="+", type=Path, help="files and folders to check for shared wording"
    )
    leak_parser.add_argument(
        "--name-paths", nargs="+", type=Path, help="where evaluation speakers' names are leaks"
    )
    leak_parser.add_argument(
        "--common-in",
        type=int,
        default=3,
        help="a run of wording that many evaluation articles share is news language, not a "
        "leak (default 3; 0 reports every shared run)",
    )
    leak_parser.add_argument(
        "--show-common", action="store_true", help="list the common runs too, marked [common]"
    )
    leak_parser.add_argument(
        "--seeds",
        nargs="*",
        type=Path,
        help="the product's own articles, which tests may quote (default: seeds/)",
    )
    train_parser = commands.add_parser(
        "train-speakers",
        help="fit the speaker scorer on PolNeAR quotes (.jsonl), cross-validated by article",
    )
    train_parser.add_argument("paths", nargs="+", type=Path)
    train_parser.add_argument("--folds", type=int, default=5, help="folds by article (default 5)")
    train_parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="write the weights here (the shipped file: quotes/extraction/speaker_weights.json)",
    )
    claims_parser = commands.add_parser(
        "train-claims",
        help="fit the claim scorer on PolNeAR claims sets (*_claims.jsonl) and write its weights",
    )
    claims_parser.add_argument("paths", nargs="+", type=Path)
    claims_parser.add_argument(
        "--out", type=Path, default=Path(__file__).with_name("claim_weights.py")
    )
    claims_parser.add_argument("--folds", type=int, default=5, help="cross-validation folds")
    claims_parser.add_argument(
        "--min-precision",
        type=float,
        default=0.82,
        help="the threshold keeps cross-validated precision at or above this (default 0.82)",
    )
    claims_parser.add_argument(
        "--min-likelihood",
        type=float,
        default=0.5,
        help="the threshold is never below this likelihood of a claim being right (default 0.5)",
    )
    coverage_parser = commands.add_parser(
        "claims-coverage",
        help="the gold claims of PolNeAR claims sets by kind of cue, with the recall of each "
        "and how often the other cue words are annotated",
    )
    coverage_parser.add_argument("paths", nargs="+", type=Path)
    coverage_parser.add_argument("--top", type=int, default=20, help="other cue words listed")
    commands.add_parser(
        "compile",
        help="compile the engine with mypyc into build/engine/ (same output, faster); "
        "the package uses it while its sources are unchanged",
    )
    args = parser.parse_args(argv)
    if args.command == "compile":
        return command_compile()
    if args.command == "leakcheck":
        from quotes.extraction import leakcheck

        return leakcheck.main(
            args.eval_path,
            args.paths,
            args.name_paths,
            common_in=args.common_in,
            show_common=args.show_common,
            seeds=args.seeds,
        )
    if args.command == "extract":
        return command_extract(args.paths)
    if args.command == "evaluate":
        return command_evaluate(
            args.paths,
            limit=args.limit,
            errors=args.errors,
            limit_errors=args.limit_errors,
            as_json=args.json,
        )
    if args.command == "train-speakers":
        return command_train_speakers(args.paths, folds=args.folds, out=args.out)
    if args.command == "claims-coverage":
        from quotes.extraction.evaluation.coverage import command_claims_coverage

        return command_claims_coverage(args.paths, top=args.top)
    if args.command == "train-claims":
        return command_train_claims(
            args.paths,
            out=args.out,
            folds=args.folds,
            min_precision=args.min_precision,
            min_likelihood=args.min_likelihood,
        )
    return command_bench(args.paths)


if __name__ == "__main__":
    raise SystemExit(main())

"""Read submitted articles from files: raw `.txt` pages, `.json` objects and `.jsonl` lines."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sources.services import ArticleInput, ArticleInputError

SUFFIXES = (".txt", ".json", ".jsonl")
FIELDS = {"text", "url", "title", "outlet", "published_at", "authors"}


@dataclass(frozen=True, slots=True)
class Submission:
    """One article read from a file, or the reason it could not be read."""

    source: str  # "path" or "path:line"
    article: ArticleInput | None = None
    error: str | None = None


def input_files(paths: list[str]) -> Iterator[Path | str]:
    """The files named, and the article files inside named folders, in a stable order."""
    for name in paths:
        if name == "-":
            yield "-"
            continue
        path = Path(name)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
        else:
            yield path


MAX_FILE_BYTES = 50 * 1024 * 1024  # one .txt or .json article; .jsonl files are streamed


def submissions(file: Path | str) -> Iterator[Submission]:
    """The articles of one file, read lazily: a .jsonl file of any size is streamed by line."""
    if file == "-":
        yield from _read("<stdin>", _stdin_bytes(), suffix="")
        return
    try:
        stream = Path(file).open("rb")  # noqa: SIM115 (closed below, also on early exit)
    except OSError as error:
        yield Submission(source=str(file), error=f"cannot read: {error}")
        return
    with stream:
        yield from _read(str(file), stream, suffix=Path(file).suffix.lower())


def _stdin_bytes() -> BinaryIO:
    buffer = getattr(sys.stdin, "buffer", None)
    # A text stream without bytes underneath (a test's StringIO) is read whole.
    return buffer if buffer is not None else io.BytesIO(sys.stdin.read().encode())


def _read(label: str, stream: BinaryIO, *, suffix: str) -> Iterator[Submission]:
    first = stream.readline()
    if suffix == ".jsonl" or (suffix == "" and _is_json_line(first)):
        yield from _jsonl(label, itertools.chain([first], stream))
        return
    content = first + stream.read(MAX_FILE_BYTES)
    if stream.read(1):
        yield Submission(source=label, error=f"larger than {MAX_FILE_BYTES:,} bytes")
        return
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        yield Submission(source=label, error=f"cannot read: not UTF-8 ({error})")
        return
    if suffix == ".json" or (suffix == "" and text.lstrip().startswith("{")):
        yield _from_json_text(label, text)
    else:
        yield _parsed(label, lambda: ArticleInput(text=text))


def _is_json_line(line: bytes) -> bool:
    """A first line that is a whole JSON object: standard input holds JSON Lines."""
    if not line.lstrip().startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def _jsonl(label: str, lines: Iterable[bytes]) -> Iterator[Submission]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as error:
            yield Submission(source=f"{label}:{number}", error=f"not UTF-8 ({error})")
            continue
        yield _from_json_text(f"{label}:{number}", text)


def _from_json_text(label: str, text: str) -> Submission:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        return Submission(source=label, error=f"invalid JSON: {error}")
    return _parsed(label, lambda: article_from_json(data))


def _parsed(label: str, build: Callable[[], ArticleInput]) -> Submission:
    try:
        return Submission(source=label, article=build())
    except ArticleInputError as error:
        return Submission(source=label, error=str(error))


def article_from_json(data: object) -> ArticleInput:
    """An article from a JSON object with `text` and optional metadata (unknown keys ignored)."""
    if not isinstance(data, dict):
        raise ArticleInputError("article", "must be a JSON object")
    if not isinstance(data.get("text"), str):
        raise ArticleInputError("text", "is required and must be a string")
    authors = data.get("authors")
    if isinstance(authors, str):
        authors = [authors]
    if authors is not None and not (
        isinstance(authors, list) and all(isinstance(a, str) for a in authors)
    ):
        raise ArticleInputError("authors", "must be a list of names")
    for field in ("url", "title", "outlet"):
        if data.get(field) is not None and not isinstance(data[field], str):
            raise ArticleInputError(field, "must be a string")
    return ArticleInput(
        text=data["text"],
        url=data.get("url"),
        title=data.get("title"),
        outlet=data.get("outlet"),
        published_at=parse_published(data.get("published_at")),
        authors=authors,
    )


def parse_published(value: object) -> dt.datetime | dt.date | None:
    """An ISO 8601 date or date-time; impossible dates are refused by name."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ArticleInputError("published_at", "must be an ISO 8601 date or date-time string")
    try:
        if len(value.strip()) == 10:
            return dt.date.fromisoformat(value.strip())
        return dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise ArticleInputError(
            "published_at", f"{value[:40]!r} is not a valid ISO 8601 date or date-time"
        ) from None

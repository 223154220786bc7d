"""Read submitted articles from files: raw `.txt` pages, `.json` objects and `.jsonl` lines."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

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


def submissions(file: Path | str) -> Iterator[Submission]:
    label = "<stdin>" if file == "-" else str(file)
    try:
        content = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        yield Submission(source=label, error=f"cannot read: {error}")
        return
    suffix = "" if file == "-" else Path(file).suffix.lower()
    if suffix == ".jsonl" or (suffix == "" and _looks_like_jsonl(content)):
        yield from _jsonl(label, content)
    elif suffix == ".json" or (suffix == "" and content.lstrip().startswith("{")):
        yield _from_json_text(label, content)
    else:
        yield _parsed(label, lambda: ArticleInput(text=content))


def _looks_like_jsonl(content: str) -> bool:
    lines = [line for line in content.splitlines() if line.strip()]
    return len(lines) > 1 and all(line.lstrip().startswith("{") for line in lines[:3])


def _jsonl(label: str, content: str) -> Iterator[Submission]:
    for number, line in enumerate(content.splitlines(), start=1):
        if line.strip():
            yield _from_json_text(f"{label}:{number}", line)


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

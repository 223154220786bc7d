"""Checks that no evaluation data entered the repository (a developer tool: CI has no eval data).

    python -m quotes.extraction leakcheck ../shared/eval [--paths tests lexicon quotes ...]

Two findings, each with file:line:
- wording: a run of SHINGLE or more consecutive words (lower-cased, punctuation dropped) that a
  repository file shares with the text of an evaluation article. The articles' 6-word shingles
  are hashed into one index; each file is then one pass over its own shingles.
- people: the name of a person the evaluation gold names as a speaker or source, in tests,
  word lists or engine source: a full name (`Mara Quist`), or a surname standing alone (`Quist
  said`) that is no common English word, no first name and no Korean family name (`Kim` alone
  names millions). A surname next to another name (`Mara Hale`), or one the same file gives a
  made-up full name (`Mara Hale ... Hale said`), is that made-up person and is not reported.

Common English words are told by the evaluation text itself: a word it writes in lower case at
least COMMON_LOWER times (and for at least COMMON_SHARE of its uses) is a word, not a name (`Will`,
`Cross`, `Price`). A line whose comment, or a file whose header comment, says `leakcheck: names
are data` is exempt from the people check (a word list of family names, say), never from the
wording check.

The seeds (seeds/) are the product's own articles, and some of their wording and people are in
the evaluation articles too: a run the seeds hold is no finding, nor are names on a line that
quotes a seed, nor in test_seeds.py, which expects the seeds' speakers by name.

The evaluation data is read with the evaluation package's readers: PolNeAR quotes and claims
(JSON Lines) and the Korean gold (a folder with gold.json and articles/), found anywhere under
the path given. Exit status: 0 clean, 1 something found, 2 no readable evaluation data there.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lexicon import (
    FEMALE_FIRST_NAMES,
    KOREAN_FAMILY_NAMES,
    MALE_FIRST_NAMES,
    MONTHS,
    ORG_NOUNS,
    ORG_WORDS,
    PLACE_WORDS,
)
from lexicon import LEAKCHECK_NOT_NAMES as NOT_NAMES
from lexicon import LEAKCHECK_TITLES as TITLES
from quotes.extraction.evaluation import detect_format, read_articles
from quotes.extraction.evaluation.claims import evaluate_claims
from quotes.extraction.evaluation.korea import GOLD_FILE, evaluate_korea, gold_path

SHINGLE = 6
COMMON_LOWER = 3
COMMON_SHARE = 0.05
COMMON_IN = 3  # articles that share a run before it counts as news language, not wording
# Wording: every part of the repository but the seeds (and the virtualenv, the database).
DEFAULT_PATHS = (
    "tests",
    "lexicon",
    "quotes",
    "sources",
    "web",
    "jobs",
    "access",
    "config",
    "benchmarks",
    "docs",
    "templates",
    "deploy",
    "README.md",
    "Makefile",
    "pyproject.toml",
)
NAME_PATHS = ("tests", "lexicon", "quotes/extraction")
SKIPPED_DIRS = frozenset({"seeds", "__pycache__", ".pgdata", ".venv", "node_modules"})
TEXT_SUFFIXES = frozenset({".py", ".txt", ".md", ".html", ".json", ".jsonl", ".toml", ".yml"})
EXEMPT = "leakcheck: names are data"
_EXEMPT_COMMENT = re.compile(r"#.*" + re.escape(EXEMPT))  # in a comment, not in prose about it
SEEDS = "seeds"  # the product's own seed articles: quoting them is no leak
SEED_TESTS = frozenset({"test_seeds.py"})  # expects the seeds' speakers by name


_WORD = re.compile(r"[a-z0-9]+")
_NAME_TOKEN = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Za-z]+)*|[A-Z][a-z]*\.")


class EvalUnreadable(Exception):
    """The path holds no evaluation data this tool can read."""


@dataclass
class EvalData:
    articles: list[tuple[str, str]] = field(default_factory=list)  # (label, text)
    mentions: list[tuple[int, str]] = field(default_factory=list)  # (article index, mention)
    people: list[str] = field(default_factory=list)  # names the gold gives as persons


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    message: str
    common: bool = False  # wording many evaluation articles share: news language, not copied

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


# Reading the evaluation data.


def _add_text(data: EvalData, seen: dict[str, int], label: str, text: str) -> int:
    index = seen.get(text)
    if index is None:
        index = seen[text] = len(data.articles)
        data.articles.append((label, text))
    return index


def _read_jsonl(path: Path, data: EvalData, seen: dict[str, int]) -> None:
    claims = detect_format(path) is evaluate_claims
    for article in read_articles(path):
        index = _add_text(data, seen, f"{path.name}#{article.get('id')}", article["text"])
        if claims:
            mentions = [a.get("source_text") for a in article.get("attributions", ())]
        else:
            mentions = [q.get("speaker") for q in article.get("quotes", ())]
        data.mentions.extend((index, m) for m in mentions if isinstance(m, str))


def _read_korea(path: Path, data: EvalData, seen: dict[str, int]) -> None:
    gold_file = gold_path(path)
    documents = json.loads(gold_file.read_text(encoding="utf-8"))["documents"]
    for name, document in documents.items():
        article = gold_file.parent / "articles" / name
        text = article.read_text(encoding="utf-8") if article.is_file() else ""
        index = _add_text(data, seen, f"{gold_file.parent.name}/{name}", text)
        for entry in document.get("quotes", ()):
            speaker = entry.get("speaker") or {}
            names = [speaker.get("name"), *speaker.get("aliases", ())]
            names = [n for n in names if isinstance(n, str)]
            data.mentions.extend((index, n) for n in names)
            if speaker.get("kind") == "person" and isinstance(speaker.get("name"), str):
                data.people.append(speaker["name"])


def eval_files(root: Path) -> list[Path]:
    """Every set under root, in a stable order: JSON Lines files and Korean gold folders."""
    if root.is_file():
        return [root]
    found = [p for p in root.rglob("*.jsonl") if p.is_file()]
    found += [p.parent for p in root.rglob(GOLD_FILE) if p.is_file()]
    return sorted(found)


def read_eval(root: Path) -> EvalData:
    if not root.exists():
        raise EvalUnreadable(f"{root}: no such file or folder (give the evaluation data folder)")
    data = EvalData()
    seen: dict[str, int] = {}
    try:
        for path in eval_files(root):
            if path.is_dir() or detect_format(path) is evaluate_korea:
                _read_korea(path, data, seen)
            else:
                _read_jsonl(path, data, seen)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise EvalUnreadable(f"{root}: unreadable evaluation data ({error})") from error
    if not data.articles:
        raise EvalUnreadable(f"{root}: no evaluation articles found (*.jsonl or {GOLD_FILE})")
    return data


# Words and shingles.


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("'", "").replace("’", ""))


def shingle_key(run: Sequence[str]) -> int:
    return hash(" ".join(run))


@dataclass
class ShingleIndex:
    first: dict[int, int]  # shingle hash -> the first article holding it
    spread: Counter[int]  # shingle hash -> how many articles hold it


def build_index(articles: Sequence[tuple[str, str]]) -> ShingleIndex:
    """Every SHINGLE-word run of every article, hashed."""
    first: dict[int, int] = {}
    spread: Counter[int] = Counter()
    for number, (_, text) in enumerate(articles):
        tokens = words(text)
        keys = {shingle_key(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}
        spread.update(keys)
        for key in keys:
            first.setdefault(key, number)
    return ShingleIndex(first, spread)


def _line_words(text: str) -> tuple[list[str], list[int]]:
    tokens: list[str] = []
    lines: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        found = words(line)
        tokens.extend(found)
        lines.extend([number] * len(found))
    return tokens, lines


def seed_shingles(paths: Iterable[Path]) -> set[int]:
    """The shingles of the product's own seed articles: wording a test quotes from a seed is
    ours, even where an evaluation article happens to share it."""
    found: set[int] = set()
    for path in repository_files(paths, skipped=frozenset()):
        tokens = words(path.read_text(encoding="utf-8", errors="replace"))
        found.update(shingle_key(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))
    return found


def seed_lines(text: str, seeds: set[int]) -> set[int]:
    """The lines of a file that quote a seed article: most of their words lie in a run the
    seeds hold. Names on them are the seeds' people, not the evaluation's."""
    tokens, lines = _line_words(text)
    covered = [False] * len(tokens)
    for i in range(len(tokens) - SHINGLE + 1):
        if shingle_key(tokens[i : i + SHINGLE]) in seeds:
            covered[i : i + SHINGLE] = [True] * SHINGLE
    per_line: Counter[int] = Counter(lines)
    seeded: Counter[int] = Counter(line for line, c in zip(lines, covered, strict=True) if c)
    return {line for line, count in seeded.items() if count * 2 >= per_line[line]}


def shared_runs(
    path: str,
    text: str,
    index: ShingleIndex,
    articles: Sequence[tuple[str, str]],
    *,
    common_in: int,
    seeds: set[int] | frozenset[int] = frozenset(),
) -> Iterator[Finding]:
    """Maximal runs of shingles shared with the evaluation articles and not quoted from the
    seeds. A run every shingle of which stands in common_in or more articles is the common
    language of news (`said in a statement on`), not one article's wording: it comes out with
    common=True (0 turns this off)."""
    tokens, lines = _line_words(text)
    keys = [shingle_key(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)]

    def shared(key: int) -> bool:
        return key in index.first and key not in seeds

    i = 0
    while i < len(keys):
        if not shared(keys[i]):
            i += 1
            continue
        start = i
        while i + 1 < len(keys) and shared(keys[i + 1]):
            i += 1
        run = tokens[start : i + SHINGLE]
        spread = min(index.spread[k] for k in keys[start : i + 1])
        article = articles[index.first[keys[start]]][0]
        first, last = lines[start], lines[i + SHINGLE - 1]
        where = f"line {first}" if first == last else f"lines {first}-{last}"
        common = bool(common_in) and spread >= common_in
        if common:
            source = f"{spread} articles"
        else:
            source = article if spread == 1 else f"{article} and {spread - 1} more"
        yield Finding(
            path,
            first,
            f"{len(run)} words shared with {source} ({where}): {' '.join(run)!r}",
            common=common,
        )
        i += 1


# People.

_TOKEN = re.compile(r"[A-Za-z][\w'’-]*")
_LOWER_TOKEN = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*")
_CAPITAL_TOKEN = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*")
_TITLED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|President|Senator|Secretary|Minister|Governor"
    r"|Mayor|Judge|Chairman|Chairwoman|Ambassador|Professor)\.?\s+([A-Z][a-z][\w'’-]*)"
    r"(?!\s+[A-Z]|[\w'’-])"
)
_PLACES_AND_BODIES = PLACE_WORDS | ORG_WORDS | ORG_NOUNS | MONTHS
_PAIR = re.compile(r"\b([A-Z][a-z][\w'’-]*) (?=([A-Z][\w'’-]*)\b)")  # two capitalised words
_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


@dataclass
class People:
    full_names: set[str]  # "Mara Quist", as written
    surnames: set[str]  # "Quist"
    common: set[str]  # lower-cased words that are words, not names


def _bare(token: str) -> str:
    return token.removesuffix("’s").removesuffix("'s")


def name_runs(mention: str) -> Iterator[list[str]]:
    """The runs of capitalised words in a mention, cut at titles and institution words:
    "Senior Secretary Mara Quist's office" -> ["Mara", "Quist"]."""
    run: list[str] = []
    for token in mention.split():
        bare = _bare(token).rstrip(".,;:)")
        key = bare.lower()
        if key in TITLES or key in NOT_NAMES or not _NAME_TOKEN.fullmatch(bare):
            if len(run) > 0:
                yield run
            run = []
        else:
            run.append(bare)
        if token.endswith((",", ";", ":", ")")) and run:
            yield run
            run = []
    if run:
        yield run


class _Evidence:
    """What the evaluation text says about a word: how often it is written in lower case (a
    common word) and whether a title ever stands right before it alone (`Mr. Quist`)."""

    def __init__(self, articles: Sequence[tuple[str, str]]) -> None:
        self.lower: Counter[str] = Counter()
        self.capital: Counter[str] = Counter()
        self.titled: set[str] = set()
        for _, text in articles:
            self.lower.update(map(str.lower, _LOWER_TOKEN.findall(text)))
            self.capital.update(map(str.lower, _CAPITAL_TOKEN.findall(text)))
            self.titled.update(_bare(m) for m in _TITLED.findall(text))
        self.first_names = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES

    def common(self, word: str) -> bool:
        key = word.lower().rstrip(".")
        if key in TITLES or key in NOT_NAMES or len(key) < 2:
            return True
        used = self.lower[key]
        return used >= COMMON_LOWER and used >= COMMON_SHARE * (used + self.capital[key])

    def person(self, run: Sequence[str]) -> bool:
        """A full name of a person, not of a body or a place: its family name takes a title
        somewhere, it starts with a first name, it is a Korean name (`Kim Soo-ah`), or none
        of its two words is a common one or a word of places and bodies (`Fox News`, `Morning
        Joe`, `Cheong Wa Dae`, `Ohio State` are no names)."""
        family = family_name(run)
        return not self.common(family) and (
            family in self.titled
            or run[0].lower() in self.first_names
            or any(_KOREAN_GIVEN.fullmatch(t) for t in run[1:])
            or (len(run) == 2 and not any(self.common(t) or self.place_or_body(t) for t in run))
        )

    @staticmethod
    def place_or_body(word: str) -> bool:
        return word.lower() in _PLACES_AND_BODIES


def family_name(run: Sequence[str]) -> str:
    """First in `Kim Soo-ah` and `Park Ji Hoon` (a Korean family name or a hyphenated given
    name), last otherwise."""
    korean = run[0].lower() in KOREAN_FAMILY_NAMES or any(
        _KOREAN_GIVEN.fullmatch(t) for t in run[1:]
    )
    return run[0] if korean else run[-1]


def find_people(data: EvalData) -> People:
    evidence = _Evidence(data.articles)
    full: set[str] = set()
    for name in data.people:  # the Korean gold says which speakers are persons
        full.update(" ".join(run) for run in name_runs(name) if len(run) > 1)
    singles: set[tuple[int, str]] = set()
    for index, mention in set(data.mentions):
        for run in name_runs(mention):
            if len(run) > 1 and evidence.person(run):
                full.add(" ".join(run))
            elif len(run) == 1 and not evidence.common(run[0]):
                singles.add((index, run[0]))
    by_article: dict[int, set[str]] = {}
    for index, word in singles:
        by_article.setdefault(index, set()).add(word)
    for index, words_here in by_article.items():
        # A one-word mention names whom its article introduced: `Mara Quist ... Quist said`.
        for first, word in _PAIR.findall(data.articles[index][1]):
            if word in words_here and not evidence.common(first) and evidence.person([first, word]):
                full.add(f"{first} {word}")
    surnames = {family_name(name.split()) for name in full}
    surnames |= {word for _, word in singles if word in evidence.titled}
    # A first name is no surname; a Korean family name alone names a fifth of a nation, not
    # one person (`Kim said`): their people are found by their full names.
    surnames = {
        s
        for s in surnames
        if not evidence.common(s)
        and s.lower() not in evidence.first_names
        and s.lower() not in KOREAN_FAMILY_NAMES
    }
    common = {w for w in set(evidence.lower) | set(evidence.capital) if evidence.common(w)}
    return People(full, surnames, common)


def _exempt_file(text: str) -> bool:
    return any(
        _EXEMPT_COMMENT.search(line) and line.lstrip().startswith("#")
        for line in text.splitlines()[:20]
    )


def name_findings(
    path: str,
    text: str,
    people: People,
    *,
    any_case: bool,
    skip_lines: set[int] | frozenset[int] = frozenset(),
) -> Iterator[Finding]:
    """Full names and lone surnames of evaluation people in one file, but on skip_lines (seed
    text). A word list (any_case, lower-case words) is matched in any case; code and prose by
    the capitalised name."""
    if _exempt_file(text):
        return
    lines = text.splitlines()
    made_up = _made_up_surnames(lines, people)
    for number, line in enumerate(lines, start=1):
        if not _EXEMPT_COMMENT.search(line) and number not in skip_lines:
            words_only = any_case and not line.lstrip().startswith("#")
            yield from _line_names(path, number, line, made_up, people, any_case=words_only)


def _line_names(
    path: str,
    number: int,
    line: str,
    made_up: set[str],
    people: People,
    *,
    any_case: bool,
) -> Iterator[Finding]:
    tokens = [_bare(t) for t in _TOKEN.findall(line)]
    if any_case:
        tokens = [t.title() for t in tokens]
    in_name: set[int] = set()
    for i in range(len(tokens)):
        for size in (4, 3, 2):
            candidate = " ".join(tokens[i : i + size])
            if i + size <= len(tokens) and candidate in people.full_names:
                in_name.update(range(i, i + size))
                yield Finding(path, number, f"evaluation speaker {candidate!r}")
                break
    for i, token in enumerate(tokens):
        if i in in_name or token not in people.surnames:
            continue
        # In a word list each word stands alone; elsewhere a neighbouring name or a made-up
        # person of the file makes it someone else.
        if not any_case and (not _lone(tokens, i, people) or token in made_up):
            continue
        yield Finding(path, number, f"surname of an evaluation speaker {token!r}")


def _is_name_token(token: str, people: People) -> bool:
    return bool(_NAME_TOKEN.fullmatch(token)) and token.lower() not in people.common


def _lone(tokens: Sequence[str], i: int, people: People) -> bool:
    """No other name next to it: `Quist said`, `President Quist` (a title is no name)."""
    return not any(
        0 <= j < len(tokens) and _is_name_token(tokens[j], people) for j in (i - 1, i + 1)
    )


def _made_up_surnames(lines: Sequence[str], people: People) -> set[str]:
    """Surnames the file gives a made-up person (`Mara Hale`, no evaluation name): a lone
    `Hale` in it refers back to that person."""
    found: set[str] = set()
    for line in lines:
        tokens = [_bare(t) for t in _TOKEN.findall(line)]
        for i in range(len(tokens) - 1):
            pair = tokens[i : i + 2]
            if not all(_is_name_token(t, people) for t in pair):
                continue
            if " ".join(pair) in people.full_names:
                continue
            found.update(t for t in pair if t in people.surnames)
    return found


# The repository.


def repository_files(
    paths: Iterable[Path], *, skipped: frozenset[str] = SKIPPED_DIRS
) -> Iterator[Path]:
    for path in paths:
        if path.is_file():
            yield path
            continue
        for found in sorted(path.rglob("*")):
            if skipped.intersection(found.parts) or not found.is_file():
                continue
            if found.suffix in TEXT_SUFFIXES:
                yield found


def _under(path: Path, prefixes: Sequence[Path]) -> bool:
    return any(path == p or p in path.parents for p in prefixes)


@dataclass
class Report:
    findings: list[Finding]
    files: int

    @property
    def leaks(self) -> list[Finding]:
        return [f for f in self.findings if not f.common]

    @property
    def common(self) -> list[Finding]:
        return [f for f in self.findings if f.common]


def check(
    eval_root: Path,
    paths: Sequence[Path],
    name_paths: Sequence[Path],
    *,
    common_in: int = COMMON_IN,
    seeds: Sequence[Path] = (),
) -> Report:
    data = read_eval(eval_root)
    index = build_index(data.articles)
    people = find_people(data)
    seed_index = seed_shingles(seeds)
    eval_resolved = eval_root.resolve()
    name_roots = [p.resolve() for p in name_paths]
    report = Report([], 0)
    for path in repository_files(paths):
        resolved = path.resolve()
        if resolved == eval_resolved or eval_resolved in resolved.parents:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        report.files += 1
        shown = str(path)
        report.findings.extend(
            shared_runs(shown, text, index, data.articles, common_in=common_in, seeds=seed_index)
        )
        if _under(resolved, name_roots) and path.name not in SEED_TESTS:
            any_case = path.suffix == ".txt" and "lexicon" in resolved.parts
            skip = seed_lines(text, seed_index) if seed_index else set()
            report.findings.extend(
                name_findings(shown, text, people, any_case=any_case, skip_lines=skip)
            )
    return report


def main(
    eval_root: Path,
    paths: Sequence[Path] | None = None,
    name_paths: Sequence[Path] | None = None,
    *,
    common_in: int = COMMON_IN,
    show_common: bool = False,
    seeds: Sequence[Path] | None = None,
) -> int:
    paths = list(paths or [Path(p) for p in DEFAULT_PATHS if Path(p).exists()])
    name_paths = list(name_paths or [Path(p) for p in NAME_PATHS])
    seeds = list(seeds if seeds is not None else [p for p in [Path(SEEDS)] if p.exists()])
    try:
        report = check(eval_root, paths, name_paths, common_in=common_in, seeds=seeds)
    except EvalUnreadable as error:
        print(f"leakcheck: {error}", file=sys.stderr)
        return 2
    for finding in report.findings:
        if not finding.common or show_common:
            print(f"{finding}{'  [common]' if finding.common else ''}")
    print(
        f"leakcheck: {len(report.leaks)} finding(s) in {report.files} files"
        f" ({len(report.common)} runs of wording {common_in}+ evaluation articles share not"
        " counted; --show-common lists them)"
        if common_in
        else f"leakcheck: {len(report.leaks)} finding(s) in {report.files} files",
        file=sys.stderr,
    )
    return 1 if report.leaks else 0

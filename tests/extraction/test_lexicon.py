"""The word lists (lexicon/*.txt): every file loaded and read by some module, no list repeating an
entry or equal to another, all lower case, none spelled out in an engine module instead; the
package loads from a zip and imports nothing of the project; cleaning still recognises every speech
cue it did before the lists were shared."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

import pytest

import lexicon
from lexicon import LOADED
from sources.cleaning import is_caption, is_speech

ROOT = Path(__file__).resolve().parents[2]
LISTS = ROOT / "lexicon"
# The modules that read the lists: the engine's and cleaning's.
READERS = [*sorted((ROOT / "quotes" / "extraction").glob("*.py")), ROOT / "sources" / "cleaning.py"]
LEXICON_MODULES = {"lexicon"}


def _names_read(path: Path) -> set[str]:
    """Names a module imports from the lexicon and then reads (under whatever local name)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {
        alias.asname or alias.name: alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module in LEXICON_MODULES
        for alias in node.names
    }
    loads = {
        node.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
    }
    return {name for local, name in imported.items() if local in loads}


def test_every_file_is_loaded() -> None:
    files = {path.stem for path in LISTS.glob("*.txt")}
    assert files == set(LOADED), "a list file nothing loads, or a loaded name with no file"


def test_every_list_is_read_by_some_module() -> None:
    read = set().union(*(_names_read(path) for path in READERS))
    unread = set(lexicon.__all__) - read
    assert not unread, f"lists no module reads (delete them, or their file): {sorted(unread)}"


# Module-level tuples of lower-case strings in the engine that are no word lists: endings of words
# and the kinds of speaker mention.
NOT_WORD_LISTS = {
    "_ADJECTIVE_ENDINGS",
    "_ADVERB_ENDINGS",
    "_PERSON_ENDINGS",
    "_VERB_ENDINGS",
    "KINDS",
    "_SPEAKER_KINDS",
}
_WORD_ENTRY = re.compile(r"[a-z][a-z’'.\-]*(?: [a-z][a-z’'.\-]*)*")


def _displays(node: ast.AST) -> Iterator[ast.Set | ast.Tuple | ast.List]:
    """The sets, tuples and lists spelled out in an expression, outside type subscripts
    (`Literal["person", ...]` names values of a type, not words)."""
    if isinstance(node, ast.Subscript):
        return
    if isinstance(node, ast.Set | ast.Tuple | ast.List):
        yield node
    for child in ast.iter_child_nodes(node):
        yield from _displays(child)


def _word_lists_in(path: Path) -> list[str]:
    """Module-level constants of the engine that spell out two words or more in a set, tuple or
    list (`frozenset({"would", "could"})`, `PREPOSITIONS | {"over", "about"}`)."""
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.Assign | ast.AnnAssign) or node.value is None:
            continue
        target = ast.unparse(node.targets[0] if isinstance(node, ast.Assign) else node.target)
        if target in NOT_WORD_LISTS:
            continue
        for display in _displays(node.value):
            words = [
                element.value
                for element in display.elts
                if isinstance(element, ast.Constant) and isinstance(element.value, str)
            ]
            if len(words) >= 2 and all(_WORD_ENTRY.fullmatch(word) for word in words):
                found.append(f"{path.name}: {target} {words}")
    return found


def test_engine_modules_hold_no_word_lists() -> None:
    """A word list the engine reads lives in a lexicon file, where the tests above check it."""
    engine = sorted((ROOT / "quotes" / "extraction").glob("*.py"))
    hard_coded = [found for path in engine for found in _word_lists_in(path)]
    assert not hard_coded, "move these to lexicon/*.txt: " + "; ".join(hard_coded)


@pytest.mark.parametrize("name", sorted(LOADED))
def test_every_file_feeds_an_exported_list(name: str) -> None:
    exported = [getattr(lexicon, export) for export in lexicon.__all__]
    assert any(set(LOADED[name]) <= set(values) for values in exported), name


@pytest.mark.parametrize("name", sorted(LOADED))
def test_no_list_repeats_an_entry(name: str) -> None:
    entries = LOADED[name]
    repeated = sorted({entry for entry in entries if entries.count(entry) > 1})
    assert not repeated, f"{name}.txt: {repeated}"


@pytest.mark.parametrize("name", sorted(LOADED))
def test_lists_are_lower_case(name: str) -> None:
    """Every reader compares lower-cased text (Punkt stores abbreviations lower-cased too), so an
    entry with a capital letter would never match."""
    cased = [entry for entry in LOADED[name] if entry != entry.lower()]
    assert not cased, f"{name}.txt: {cased}"


@pytest.mark.parametrize("name", sorted(LOADED))
def test_every_file_says_what_it_is_for(name: str) -> None:
    text = (LISTS / f"{name}.txt").read_text(encoding="utf-8")
    assert text.startswith("# "), f"{name}.txt needs a header comment"
    assert LOADED[name], f"{name}.txt is empty"


def test_no_two_files_hold_the_same_list() -> None:
    same = [
        (first, second)
        for first, second in combinations(sorted(LOADED), 2)
        if set(LOADED[first]) == set(LOADED[second])
    ]
    assert not same


def test_entries_are_single_words_or_phrases() -> None:
    for name, entries in LOADED.items():
        for entry in entries:
            assert entry == " ".join(entry.split()), (name, entry)
            assert "#" not in entry, (name, entry)


def test_lists_load_from_a_zipped_package(tmp_path: Path) -> None:
    """importlib.resources, not paths next to __file__: the lists load from an installed package."""
    archive = tmp_path / "lexicon.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for path in LISTS.iterdir():
            if path.suffix in {".py", ".txt"}:
                bundle.write(path, f"lexicon/{path.name}")
    code = (
        "import lexicon\n"
        "assert lexicon.__file__.startswith(" + repr(str(archive)) + "), lexicon.__file__\n"
        "print(len(lexicon.SPEECH_VERBS), len(lexicon.LOADED))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(archive)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == [str(len(lexicon.SPEECH_VERBS)), str(len(LOADED))]


def test_lexicon_imports_nothing_of_the_project_and_sources_nothing_of_quotes() -> None:
    code = (
        "import sys\n"
        "import lexicon\n"
        "mine = {'quotes', 'sources', 'config', 'django', 'tests', 'benchmarks'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in mine))\n"
        "import sources.cleaning\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'quotes'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines() == ["[]", "[]"]


# The alternatives of cleaning's own speech-verb pattern before it read the shared lists.
CLEANING_PATTERN_BEFORE = (
    "said|says|say|saying|told|tells|tell|added|adds|asked|asks|stated|states|noted|notes"
    "|wrote|writes|tweeted|explained|argued|claimed|insisted|warned|replied|responded|declared"
    "|announced|remarked|commented|continued|recalled|acknowledged|admitted|emphasized|stressed"
    "|urged|vowed|promised|suggested|predicted|quoted|quoting|reported|according to"
)
CLEANING_CUES_BEFORE = CLEANING_PATTERN_BEFORE.split("|")


@pytest.mark.parametrize("cue", CLEANING_CUES_BEFORE)
def test_cleaning_recognises_every_cue_it_did(cue: str) -> None:
    for written in (cue, cue.upper(), cue.title()):
        assert is_speech(f"“We will,” the minister {written} on Monday.")
        assert not is_caption(f"Talks resume, the ministry {written} on Monday. (Yonhap)")
    assert not is_speech(f"“We will,” the minister {cue}x on Monday.")  # whole words only


def test_cleaning_reads_the_extractor_verbs_next_to_a_quote_mark_only() -> None:
    # `slammed` is a speech verb of the extractor's: with a quote mark the line is speech ...
    assert is_speech("Kim slammed the “reckless” plan.")
    # ... but a caption describes a picture with such verbs and stays a caption.
    assert is_caption(
        "Commuters watch a TV broadcast reporting on the harbour strike at the Busan"
        " ferry terminal in Busan, South Korea, Friday, May 3, 2024. AP"
    )

"""The engine compiled with mypyc: used only while current, and the same output as the source."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from quotes.extraction import ENGINE_MODE, extract
from quotes.extraction.compiled import COMPILED, MANIFEST, OFF_SWITCH, activate, source_digests

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    """A package with two engine sources and the lexicon loader, and a build of all three."""
    package = tmp_path / "quotes" / "extraction"
    package.mkdir(parents=True)
    (package / "grammar.py").write_text("WORDS = 1\n")
    (package / "claims.py").write_text("CUES = 2\n")
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "__init__.py").write_text("LISTS = 3\n")
    build = tmp_path / "build" / "engine"
    (build / "quotes" / "extraction").mkdir(parents=True)
    for name in COMPILED:
        (build / "quotes" / "extraction" / f"{name}{EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    manifest = {"cache_tag": sys.implementation.cache_tag, "sources": source_digests(package)}
    (build / MANIFEST).write_text(json.dumps(manifest))
    return package, build


def test_a_current_build_goes_first_on_the_package_path(project: tuple[Path, Path]) -> None:
    package, build = project
    path = [str(package)]
    mode = activate(path, build_dir=build, package_dir=package, environ={})
    assert mode == "compiled (mypyc)"
    assert path == [str(build / "quotes" / "extraction"), str(package)]


def test_an_edited_source_runs_as_python_and_names_the_file(project: tuple[Path, Path]) -> None:
    package, build = project
    (package / "claims.py").write_text("CUES = 3\n")
    path = [str(package)]
    mode = activate(path, build_dir=build, package_dir=package, environ={})
    assert mode == (
        "python (source changed since compiling: quotes/extraction/claims.py; make compile)"
    )
    assert path == [str(package)]


def test_a_new_source_or_an_edited_lexicon_loader_retires_the_build(
    project: tuple[Path, Path],
) -> None:
    package, build = project
    (package / "rules.py").write_text("RULES = []\n")
    (package.parent.parent / "lexicon" / "__init__.py").write_text("LISTS = 4\n")
    path = [str(package)]
    mode = activate(path, build_dir=build, package_dir=package, environ={})
    assert mode == (
        "python (source changed since compiling: quotes/extraction/rules.py, "
        "lexicon/__init__.py; make compile)"
    )
    assert path == [str(package)]


def test_a_build_missing_a_stage_runs_python_whole(project: tuple[Path, Path]) -> None:
    package, build = project
    (build / "quotes" / "extraction" / f"claims{EXTENSION_SUFFIXES[0]}").unlink()
    path = [str(package)]
    mode = activate(path, build_dir=build, package_dir=package, environ={})
    assert mode == "python (not in the build: claims; make compile)"
    assert path == [str(package)]


def test_the_off_switch_and_a_missing_build_run_python(project: tuple[Path, Path]) -> None:
    package, build = project
    path = [str(package)]
    off = activate(path, build_dir=build, package_dir=package, environ={OFF_SWITCH: "python"})
    assert off == f"python ({OFF_SWITCH}=python)"
    missing = activate(path, build_dir=build / "absent", package_dir=package, environ={})
    assert missing == "python (not compiled: make compile)"
    assert path == [str(package)]


def test_a_build_for_another_python_or_a_broken_manifest_runs_python(
    project: tuple[Path, Path],
) -> None:
    package, build = project
    manifest = json.loads((build / MANIFEST).read_text())
    (build / MANIFEST).write_text(json.dumps({**manifest, "cache_tag": "cpython-39"}))
    path = [str(package)]
    other = activate(path, build_dir=build, package_dir=package, environ={})
    assert other.startswith("python (compiled for another Python")
    (build / MANIFEST).write_text('{"cache_tag": ')
    broken = activate(path, build_dir=build, package_dir=package, environ={})
    assert broken.startswith("python (unreadable ")
    assert path == [str(package)]


_DUMP = """
import json, sys
from pathlib import Path
import quotes.extraction as engine
records = []
for path in sorted(Path("seeds").glob("*.txt")) + [None]:
    text = path.read_text(encoding="utf-8") if path else sys.argv[1]
    result = engine.extract(text)
    records.append(repr((result.sentences, result.quotes, result.claims, result.scare_quotes)))
print(json.dumps({"mode": engine.ENGINE_MODE, "records": records}))
"""
# Unbalanced marks, a colon cue and a claim: text the seeds do not hold.
_EXTRA = (
    'Mr. Roe said: "It will pass." She added that the vote, "which matters, would wait.\n'
    "“A ‘test’ of nerve,” the minister told reporters, according to aides. He's “not sure"
)


def _dump(environ: dict[str, str]) -> dict[str, object]:
    run = subprocess.run(
        [sys.executable, "-c", _DUMP, _EXTRA],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result: dict[str, object] = json.loads(run.stdout)
    return result


@pytest.mark.skipif(
    not ENGINE_MODE.startswith("compiled"), reason=f"the engine runs as {ENGINE_MODE}"
)
def test_the_compiled_engine_gives_the_python_engines_output() -> None:
    python = _dump({**os.environ, OFF_SWITCH: "python"})
    compiled = _dump({key: value for key, value in os.environ.items() if key != OFF_SWITCH})
    assert python["mode"] == f"python ({OFF_SWITCH}=python)"
    assert compiled["mode"] == "compiled (mypyc)"
    assert compiled["records"] == python["records"]
    result = extract(_EXTRA)
    assert [quote.speaker.name for quote in result.quotes if quote.speaker] == [
        "Roe",
        "Roe",
        "minister",
    ]


def test_without_a_c_compiler_compile_says_so_and_builds_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from quotes.extraction import __main__ as command_line
    from quotes.extraction import compiled

    def fail(**_: object) -> Path:
        raise AssertionError("nothing is built without a compiler")

    monkeypatch.setattr(compiled, "c_compiler", lambda: None)
    monkeypatch.setattr(compiled, "build", fail)
    assert command_line.main(["compile"]) == 0
    assert capsys.readouterr().out == (
        "no C compiler found: the extraction engine runs as Python (install gcc to compile)\n"
    )

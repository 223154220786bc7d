"""The engine compiled with mypyc: the same Python source, run as C extension modules.

The engine is pure Python and runs as such anywhere. `make install` also compiles its modules
with mypyc (part of mypy, a development dependency; it needs a C compiler) into build/engine/,
beside a manifest of the SHA-256 of every engine source. The output is the same: the tests
compare the two engines on the seeds. On import, the package puts that folder ahead of its own
directory on its `__path__`, so Python finds the compiled modules first, but only when every
engine source still has the digest it was compiled from: after an edit the engine runs as Python
until the next `make compile`, never as stale code. WHOSAID_ENGINE=python turns the compiled
modules off. ENGINE_MODE tells which engine runs, and why.

    python -m quotes.extraction compile
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import sysconfig
import tempfile
from collections.abc import Mapping
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent.parent
BUILD_DIR = ROOT / "build" / "engine"
MANIFEST = "manifest.json"
# The modules that are compiled: the stages' logic. types.py builds its records' constructors at
# run time and punkt.py subclasses NLTK's classes, which mypyc cannot compile; they run as
# Python in both engines, as do the evaluation, training and leak-check tools.
COMPILED = (
    "attribute",
    "breaks",
    "claim_model",
    "claim_weights",
    "claims",
    "detect",
    "grammar",
    "mentions",
    "pipeline",
    "scare",
    "sentences",
    "speakers",
)
# The compiled modules call each other through one shared library, the top-level module
# whosaid_engine__mypyc in build/engine/ (mypyc names a group's library after the group).
GROUP = "whosaid_engine"
OFF_SWITCH = "WHOSAID_ENGINE"


def engine_sources(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """Every source the compiled modules were built against: the package's own modules and the
    lexicon loader. A change to any of them retires the build."""
    lexicon = package_dir.parent.parent / "lexicon" / "__init__.py"
    return [*sorted(package_dir.glob("*.py")), lexicon]


def source_digests(package_dir: Path = PACKAGE_DIR) -> dict[str, str]:
    root = package_dir.parent.parent
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in engine_sources(package_dir)
    }


def activate(
    package_path: list[str],
    *,
    build_dir: Path = BUILD_DIR,
    package_dir: Path = PACKAGE_DIR,
    environ: Mapping[str, str] = os.environ,
) -> str:
    """Put the compiled modules ahead of the source on `package_path` when they are current;
    returns the engine that runs, with the reason when it is the Python one."""
    if environ.get(OFF_SWITCH, "").strip().lower() == "python":
        return f"python ({OFF_SWITCH}=python)"
    try:
        manifest = json.loads((build_dir / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return "python (not compiled: make compile)"
    except (OSError, ValueError) as error:
        return f"python (unreadable {build_dir / MANIFEST}: {error})"
    if not isinstance(manifest, dict) or manifest.get("cache_tag") != sys.implementation.cache_tag:
        return f"python (compiled for another Python than {sys.implementation.cache_tag})"
    built = manifest.get("sources")
    changed = [
        name
        for name, digest in source_digests(package_dir).items()
        if not isinstance(built, dict) or built.get(name) != digest
    ]
    if changed:
        return f"python (source changed since compiling: {', '.join(changed)}; make compile)"
    folder = build_dir / "quotes" / "extraction"
    # All or none: a stage missing from the build would be imported as Python beside the
    # compiled copy the others call, two modules with two sets of classes.
    missing = [
        name
        for name in COMPILED
        if not any((folder / f"{name}{suffix}").is_file() for suffix in EXTENSION_SUFFIXES)
    ]
    if missing:
        return f"python (not in the build: {', '.join(missing)}; make compile)"
    package_path.insert(0, str(folder))
    if str(build_dir) not in sys.path:
        sys.path.append(str(build_dir))  # for the shared library alone
    return "compiled (mypyc)"


def c_compiler() -> str | None:
    """The path of the C compiler Python's extensions are built with, or None if there is none."""
    command = (sysconfig.get_config_var("CC") or "cc").split()
    return shutil.which(command[0]) if command else None


def build(*, build_dir: Path = BUILD_DIR) -> Path:
    """Compile the engine into `build_dir` and write its manifest; returns the manifest's path.
    The digests are read before compiling, so a file edited meanwhile leaves the build stale."""
    from mypyc.build import mypycify  # a development dependency, needed only here
    from setuptools import setup

    digests = source_digests()
    build_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="engine-", dir=build_dir.parent))
    try:
        work = staging / "work"
        work.mkdir()
        # mypy's settings for the project load the Django plugin; the engine needs none of it.
        config = work / "mypy.ini"
        config.write_text("[mypy]\npython_version = 3.11\nignore_missing_imports = True\n")
        paths = [f"quotes/extraction/{name}.py" for name in COMPILED]
        here = Path.cwd()
        os.chdir(ROOT)  # mypy names the modules by their paths from the project root
        try:
            extensions = mypycify(
                ["--config-file", str(config), "--cache-dir", str(work / "mypy"), *paths],
                multi_file=True,  # one C file per module
                group_name=GROUP,
                target_dir=str(work / "c"),
            )
            setup(
                name="whosaid-engine",
                ext_modules=extensions,
                packages=[],  # the project's own packages stay as they are
                py_modules=[],
                # One extension of many C files, which setuptools compiles one after another.
                script_args=[
                    "--quiet",
                    "build_ext",
                    "--build-lib",
                    str(staging),
                    "--build-temp",
                    str(work / "temp"),
                ],
            )
        finally:
            os.chdir(here)
        shutil.rmtree(work)
        manifest = {
            "cache_tag": sys.implementation.cache_tag,
            "compiled": list(COMPILED),
            "sources": digests,
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        if build_dir.exists():
            shutil.rmtree(build_dir)
        staging.rename(build_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return build_dir / MANIFEST

"""Code where a newcomer looks for it: the API's shared base in one package, apps on top."""

import ast
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from config.api.views import GuardedAPIView

ROOT = Path(__file__).resolve().parent.parent
APPS = {"access", "jobs", "quotes", "sources", "web"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    names |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    return names


def test_the_shared_api_base_is_one_package_that_imports_no_app():
    package = sorted((ROOT / "config" / "api").glob("*.py"))
    assert {p.name for p in package} >= {"guards.py", "views.py", "pagination.py", "schema.py"}
    assert not (ROOT / "config" / "api_guards.py").exists()
    for path in [*package, ROOT / "config" / "keyset.py"]:
        assert not {m for m in imported_modules(path) if m.split(".")[0] in APPS}, path


def api_views(patterns, prefix: str = "") -> list[tuple[str, type]]:
    views = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            views += api_views(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and hasattr(pattern.callback, "view_class"):
            views.append((prefix + str(pattern.pattern), pattern.callback.view_class))
    return views


@pytest.mark.parametrize(("route", "view"), api_views(get_resolver().url_patterns))
def test_every_api_endpoint_derives_from_the_guarded_base(route, view):
    # The root (a list of links) and the schema and docs pages take no input.
    if (
        route.startswith("api/")
        and route != "api/"
        and not {"schema", "docs"} & set(route.split("/"))
    ):
        assert issubclass(view, GuardedAPIView), route


VIEW_AND_READ_MODULES = [
    "quotes/api.py",
    "quotes/statements_api.py",
    "quotes/selectors.py",
    "quotes/admin.py",
    "sources/api.py",
    "jobs/api.py",
    "web/views.py",
]


@pytest.mark.parametrize("module", VIEW_AND_READ_MODULES)
def test_views_hand_data_to_serializers_explicitly_not_by_setattr(module):
    tree = ast.parse((ROOT / module).read_text())
    calls = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "setattr"
    ]
    assert not calls, f"{module}: setattr at lines {calls}"


def test_admin_writes_speakers_and_versions_only_through_curation():
    tree = ast.parse((ROOT / "quotes" / "admin.py").read_text())
    written = {
        target.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign | ast.AugAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Attribute)
    }
    assert not written & {"aliases", "key", "search_keys", "version"}
    source = (ROOT / "quotes" / "admin.py").read_text()
    assert "in_atomic_block" not in source  # the lock-or-refuse check lives in curation.py
    assert "def speakers_matching" not in source  # searches are selectors


def test_no_file_keeps_a_merge_conflict_marker():
    """A merge left half-resolved shows its markers to readers of the docs and the word lists."""
    import re
    import subprocess

    listed = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if listed.returncode != 0:
        pytest.skip("not a git checkout")
    marker = re.compile(r"^(<{7} |>{7} |={7}$)", re.M)
    suffixes = {".py", ".md", ".txt", ".html", ".css", ".js", ".toml", ".yml", ".cfg", ".conf"}
    found = [
        name
        for name in listed.stdout.splitlines()
        if Path(name).suffix in suffixes
        and (ROOT / name).is_file()
        and marker.search((ROOT / name).read_text(encoding="utf-8", errors="replace"))
    ]
    assert found == []

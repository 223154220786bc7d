"""One headless Chromium (the system's package, never a downloaded one) for the browser tests.

Without Chromium the tests are skipped with the reason; `make test-browser` sets
WHOSAID_REQUIRE_BROWSER=1, and then a missing browser fails them instead.
"""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root in a container
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"  # git-ignored


def chromium_path() -> str | None:
    wanted = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if Path(wanted).is_file() and os.access(wanted, os.X_OK):
        return wanted
    return shutil.which("chromium") or shutil.which("chromium-browser")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say it at the end of every run, not only with -rs, when the browser tests did not run."""
    if chromium_path() is None:
        terminalreporter.write_line(
            "browser tests (tests/web/browser) SKIPPED: no Chromium at /usr/bin/chromium or "
            "$CHROMIUM (apt-get install chromium; make test-browser requires it)",
            yellow=True,
        )


def _no_browser(reason: str) -> None:
    if os.environ.get("WHOSAID_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required (make test-browser) but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        _no_browser("no Chromium: install the system package (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _no_browser("the playwright package is not installed (requirements-dev.txt)")
    # Playwright's sync API runs an event loop in this thread, and Django refuses database
    # calls (the test's own data and the flush after it) while a loop runs: allow them for
    # as long as the browser lives, and no longer.
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(
                executable_path=executable, args=CHROMIUM_ARGS, headless=True
            )
            yield launched
            launched.close()
    finally:
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture
def context(browser: Any, live_server: Any, transactional_db: None) -> Iterator[Any]:
    """A fresh browser profile on the live server, allowed to use the clipboard."""
    ctx = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}, locale="en-GB"
    )
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: Any) -> Iterator[Any]:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    def refuse_dialog(dialog: Any) -> None:  # alert() from injected markup would land here
        errors.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", refuse_dialog)
    yield page
    assert errors == [], f"JavaScript errors or dialogs: {errors}"


def screenshot(page: Any, name: str) -> Path:
    """A full-page screenshot under tests/web/browser/screenshots/ (git-ignored)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path

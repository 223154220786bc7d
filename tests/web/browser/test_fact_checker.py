"""A fact-checker's work in a real browser (system Chromium, driven by Playwright)."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.web.browser.conftest import screenshot
from tests.web.world import HOSTILE, build_world

SERIOUS = {"serious", "critical"}


def serious_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in SERIOUS
    ]


def test_search_open_cite_and_follow_the_speaker(page, context):
    world = build_world()
    page.goto("/")
    assert page.get_by_role("heading", name="Recently verified").is_visible()

    page.get_by_label("Words or phrase").fill('"strategic patience"')
    page.get_by_label("Speaker").fill("wi seong rak")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"q=%22strategic"))
    assert "speaker=wi+seong+rak" in page.url  # the whole search is in the URL
    results = page.locator("ol.results > li")
    assert results.count() == 1
    assert results.first.locator("mark").all_inner_texts() == ["strategic", "patience"]
    assert "Wi Seong-rak" in results.first.inner_text()
    screenshot(page, "search")

    results.first.locator("blockquote a").click()
    page.wait_for_url(f"**/quotes/{world.patience.pk}/")
    assert page.locator(".context mark").inner_text().startswith("We will keep a policy")
    assert page.locator("p.status").inner_text() == "Verified by staff"
    assert "16 March 2021, 01:42 KST" in page.locator("dl.facts").inner_text()
    citation = page.locator("#citation").inner_text()
    assert citation.startswith("“We will keep a policy of strategic patience with the North,”")
    assert citation.endswith(
        "Seoul Morning Example, 16 March 2021, https://seoulmorning.example/2021/talks"
    )
    page.get_by_role("button", name="Copy citation").click()
    expect(page.locator(".copied")).to_have_text("Citation copied.")
    assert page.evaluate("navigator.clipboard.readText()") == citation
    screenshot(page, "quote")

    page.locator("figcaption a.speaker").click()
    page.wait_for_url(f"**/speakers/{world.wi.pk}/")
    assert page.get_by_role("heading", name="Wi Seong-rak", level=1).is_visible()
    assert page.get_by_role("img", name=re.compile("Quotes per year: 2019: 3")).is_visible()
    assert page.locator("ol.results > li").count() == 4
    screenshot(page, "speaker")


def test_filter_by_outlet_and_dates_then_page_through(page):
    world = build_world(wi_quote_count=30)
    page.goto("/")
    page.get_by_label("Outlet").select_option(label="Global Wire Example")
    page.get_by_label("From").fill("2019-01-05")
    page.get_by_label("To").fill("2019-01-30")
    page.get_by_label("Order").select_option(label="Oldest first")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"outlet=\d+"))
    assert "26 statements match" in page.locator("p.count").inner_text()
    items = page.locator("ol.results > li")
    assert items.count() == 20
    assert "round 4 ends" in items.first.inner_text()
    page.get_by_role("link", name="Next page →").click()
    page.wait_for_url(re.compile(r"page=2"))
    assert items.count() == 6
    assert "round 29 ends" in items.last.inner_text()
    assert page.get_by_label("Outlet").input_value() == str(world.wire.pk)  # the form keeps it
    page.get_by_role("link", name="← Previous page").click()
    page.wait_for_url(re.compile(r"page=1"))
    assert items.count() == 20


def test_keyboard_alone(page):
    world = build_world()
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_q"
    page.keyboard.type("sanctions")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=sanctions"))
    # From the search box, Tab reaches the first result's link before any other result.
    page.get_by_label("Words or phrase").focus()
    for _ in range(30):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.getAttribute('href') || ''")
        if href.startswith("/quotes/"):
            break
    else:
        pytest.fail("no result link reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/quotes/\d+/"))
    assert "Sanctions stay in place" in page.locator("#statement").inner_text()
    # The copy button answers the keyboard too.
    page.get_by_role("button", name="Copy citation").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".copied")).to_have_text("Citation copied.")
    assert world.wi.name in page.evaluate("navigator.clipboard.readText()")


def test_speaker_type_ahead_suggests_names(page):
    build_world()
    page.goto("/")
    page.get_by_label("Speaker").press_sequentially("seong-rak wi", delay=20)
    page.wait_for_function("document.querySelectorAll('#speaker-suggestions option').length > 0")
    options = page.locator("#speaker-suggestions option")
    assert options.evaluate_all("o => o.map(x => x.value)") == ["Wi Seong-rak"]


def test_every_page_is_accessible_and_screenshotted(page):
    world = build_world()
    pages = {
        "search-results": "/?q=sanctions+OR+patience&speaker=wi+seong+rak",
        "search-error": "/?start=2021-02-30",
        "quote-page": f"/quotes/{world.patience.pk}/",
        "speaker-page": f"/speakers/{world.wi.pk}/",
        "anonymous-speaker": f"/speakers/{world.official.pk}/",
        "article": f"/articles/{world.articles[0].pk}/",
        "outlet": f"/outlets/{world.herald.pk}/",
        "not-found": "/quotes/999999/",
    }
    problems = {}
    for name, path in pages.items():
        page.goto(path)
        screenshot(page, name)
        found = serious_violations(page)
        if found:
            problems[name] = found
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/")
    screenshot(page, "search-phone")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "the search page scrolls sideways on a phone"
    problems.update({"phone": v} for v in [serious_violations(page)] if v)
    assert problems == {}


def test_hostile_content_stays_text(page):
    world = build_world()
    for path in (
        f"/quotes/{world.hostile.pk}/",
        f"/articles/{world.hostile.article_id}/",
        f"/speakers/{world.villain.pk}/",
        "/?q=attack",
    ):
        page.goto(path)
        assert HOSTILE in page.locator("main").inner_text(), path
        assert page.locator("main img, main script").count() == 0, path
    # The page fixture fails the test if any alert() ran.


def test_pages_work_without_javascript(browser, live_server, transactional_db):
    world = build_world()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/?speaker=Baek")
    assert "Peace needs dialogue" in page.locator("ol.results").inner_text()
    page.goto(f"/quotes/{world.patience.pk}/")
    assert page.locator("#citation").is_visible()
    assert page.get_by_role("button", name="Copy citation").is_hidden()
    context.close()

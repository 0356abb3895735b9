"""The pages in a real Chromium (Debian's /usr/bin/chromium through Playwright).

A uvicorn server on a free loopback port serves the hand-built test store.
Skipped when /usr/bin/chromium is not installed (``apt-get install chromium``).
"""

from __future__ import annotations

import re
import socket
import threading
import time
from pathlib import Path

import pytest

from diplograph.web.app import create_app

from .conftest import HOSTILE

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(store):
    """Base URL of a uvicorn server (background thread) over the test store."""
    import uvicorn

    db, _ = store
    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start within 15 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the module."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package")

    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, tmp_path):
    """A fresh page that records console errors and dialogs (none may happen)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.problems = []  # type: ignore[attr-defined]
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(m.text))
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    pg.on("dialog", lambda d: (pg.problems.append("dialog: " + d.message), d.dismiss()))
    yield pg
    context.close()


def _edge(pg, a: str, b: str):
    return pg.locator(f'a[href="/dyads/{a}/{b}"] line.edge')


def test_overview_slider_recolours_edges_and_edge_opens_dyad(server, page, tmp_path):
    page.goto(server + "/")
    edge = _edge(page, "ISR", "MAR")
    assert edge.get_attribute("data-tie") == "full"
    page.screenshot(path=str(tmp_path / "overview-latest.png"))
    slider = page.locator("#asof")
    slider.focus()
    page.keyboard.press("Home")
    assert page.locator("#asof-label").inner_text() == "2019-12-31"
    assert edge.get_attribute("data-tie") == "none"
    assert "tie-none" in edge.get_attribute("class")
    page.screenshot(path=str(tmp_path / "overview-2019.png"))
    page.keyboard.press("End")
    assert edge.get_attribute("data-tie") == "full"
    edge.click(force=True)
    page.wait_for_url("**/dyads/ISR/MAR")
    assert page.locator("#dyad-chart rect.bar").count() == 2
    assert page.locator("#facet-diplomatic_ties blockquote.claim").count() >= 2
    assert "no formal diplomatic relations" in page.inner_text("#facet-diplomatic_ties")
    page.screenshot(path=str(tmp_path / "dyad.png"), full_page=True)
    assert page.problems == []


def test_events_table_filters_and_paging(server, page, tmp_path):
    page.goto(server + "/events?limit=2")
    assert page.inner_text("#event-total") == "5"
    page.fill("input[name=party]", "isr")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url(re.compile(r"/events\?.*party=isr", re.IGNORECASE))
    assert page.inner_text("#event-total") == "4"
    assert page.locator("#events-table tbody tr").count() == 4
    page.select_option("select[name=type]", "CONSULT")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url(re.compile(r"type=CONSULT"))
    assert page.inner_text("#event-total") == "2"
    page.goto(server + "/events?limit=2")
    first = page.locator("#events-table tbody tr").all_inner_texts()
    page.click("#next-page")
    page.wait_for_url(re.compile(r"offset=2"))
    second = page.locator("#events-table tbody tr").all_inner_texts()
    assert len(second) == 2 and not set(first) & set(second)
    assert "offset" not in (page.get_attribute("#csv-link", "href") or "")
    page.screenshot(path=str(tmp_path / "events.png"), full_page=True)
    assert page.problems == []


def test_search_and_hostile_article_stay_inert(server, page, tmp_path, ids):
    page.goto(server + "/")
    page.fill("header input[name=q]", "alert talks")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=alert+talks")
    assert page.locator("ol.results li").count() == 1
    assert page.locator("ol.results mark").count() >= 1
    page.click("ol.results li a")
    page.wait_for_url(f"**/articles/{ids['hostile']}")
    assert HOSTILE in page.inner_text("#article-text")  # shown as text, not run
    assert page.locator("#article-text img").count() == 0
    assert page.locator("#article-text mark.hl-actor").count() >= 2
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)
    assert page.problems == []

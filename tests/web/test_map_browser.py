"""The world map in a real Chromium: colours follow the store as the slider moves; keyboard use."""

from __future__ import annotations

import re
from datetime import date

import pytest

from diplograph.relations.timeline import partners
from diplograph.store import open_database

from .mapstore import build_map_store
from .test_browser import CHROMIUM, browser, page, server  # noqa: F401 - shared fixtures

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="needs Debian's chromium at /usr/bin/chromium"),  # fmt: skip
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The map store, in place of the shared web store (the server fixture serves it)."""
    database = open_database(str(tmp_path_factory.mktemp("mapb") / "map.db"))
    build_map_store(database)
    yield database, {}
    database.close()


def _shown(pg) -> dict[str, str]:
    return pg.eval_on_selector_all(
        "#worldmap [data-code]", "els => Object.fromEntries(els.map(e => "
        "[e.getAttribute('data-code'), e.getAttribute('data-value')]))")  # fmt: skip


def _answer(db, day: str) -> dict[str, str]:
    return {code: facets["diplomatic_ties"].value
            for code, facets in partners(db, "ISR", date.fromisoformat(day)).items()
            if "diplomatic_ties" in facets}  # fmt: skip


def _check(pg, db) -> str:
    day = pg.inner_text("#map-asof-label")
    shown, answer = _shown(pg), _answer(db, day)
    for code, value in shown.items():
        if code != "ISR":
            assert value == answer.get(code, "unknown"), (day, code)
    return day


def test_slider_recolours_the_map_as_the_store_answers(server, page, store, tmp_path):  # noqa: F811
    db, _ = store
    page.goto(server + "/map?country=ISR&as_of=2019-12-31")
    assert _check(page, db) == "2019-12-31"
    assert _shown(page)["MAR"] == "none" and _shown(page)["TUR"] == "downgraded"
    slider = page.locator("#map-asof")
    slider.focus()
    page.keyboard.press("Home")
    assert _check(page, db) == "2015-01-31"
    assert _shown(page)["TUR"] == "unknown"
    for _ in range(24):  # two years on, a month per key press
        page.keyboard.press("ArrowRight")
        _check(page, db)
    assert page.inner_text("#map-asof-label") == "2017-01-31"
    assert _shown(page)["TUR"] == "full"
    assert slider.get_attribute("aria-valuetext") == "2017-01-31"
    assert page.locator("#map-partners tr[data-code=TUR] .value").inner_text() == "full"
    page.keyboard.press("End")
    day = _check(page, db)
    assert day == date.today().isoformat() and _shown(page)["MAR"] == "full"
    page.screenshot(path=str(tmp_path / "map.png"))
    assert page.problems == []


def test_hover_shows_value_and_claims_and_a_click_opens_the_dyad(server, page):  # noqa: F811
    page.goto(server + "/map?country=ISR&as_of=2021-01-01")
    page.hover('#worldmap [data-code="TUR"]')
    assert page.inner_text("#map-info") == (
        "Turkey: diplomatic ties downgraded, 1 claim, since 2018-05-15")
    page.click('#worldmap [data-code="MAR"]', force=True)
    page.wait_for_url("**/dyads/ISR/MAR")
    assert page.problems == []


def test_keyboard_reaches_each_partner_with_a_spoken_label(server, page):  # noqa: F811
    page.goto(server + "/map?country=ISR&as_of=2021-01-01")
    page.locator("#map-asof").focus()
    labels = []
    for _ in range(8):
        page.keyboard.press("Tab")
        label = page.evaluate("document.activeElement.getAttribute('aria-label')")
        if label is None:
            break
        labels.append(label)
    assert any(lbl.startswith("Morocco: diplomatic ties full") for lbl in labels)
    assert any(lbl.startswith("Bahrain: diplomatic ties full") for lbl in labels)
    assert not any("no claim" in lbl for lbl in labels)  # only partners are tab stops
    while not (page.evaluate("document.activeElement.getAttribute('aria-label')") or "").startswith(
            "Morocco"):  # fmt: skip
        page.keyboard.press("Shift+Tab")
    assert "Morocco" in page.inner_text("#map-info")  # focus shows it, as hover does
    # What a screen reader is given: named slider, named map, named links.
    assert page.get_by_role("slider", name=re.compile("Diplomatic ties as of")).count() == 1
    assert page.get_by_role("group", name=re.compile("World map: diplomatic ties")).count() == 1
    assert page.get_by_role("link", name=re.compile(r"^Turkey: diplomatic ties downgraded")
                            ).count() == 1  # fmt: skip
    page.keyboard.press("Enter")
    page.wait_for_url("**/dyads/ISR/MAR")

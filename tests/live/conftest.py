"""Fixtures for live input: the test's own loopback site, settings that do not dawdle."""

from __future__ import annotations

import pytest

from diplograph.config import load_settings

from .site import Site, page, static

ROBOTS = "User-agent: *\nDisallow: /private/\n"

#: Original short articles (written for these tests), by path.
ARTICLES = {
    "/news/oman-iran.html": page("Oman hosts Iranian minister for shipping talks", [
        "Oman's foreign minister received his Iranian counterpart in Muscat on Tuesday for "
        "talks on the safety of commercial shipping through the Strait of Hormuz.",
        "Officials from both governments said the meeting covered maritime patrols, the "
        "release of detained crews and a joint hotline between the two navies.",
        "Diplomats in the region described the visit as a routine consultation between "
        "neighbours that have kept open channels through years of tension in the Gulf.",
    ], published="2024-03-05"),
    "/news/egypt-jordan.html": page("Egypt and Jordan agree to expand electricity link", [
        "Egypt and Jordan signed an agreement in Amman on Sunday to double the capacity of "
        "the power cable that connects their grids under the Gulf of Aqaba.",
        "Energy ministers from the two countries said construction would begin next year "
        "and that surplus solar power would flow in both directions at peak hours.",
        "The project is part of a wider plan to join the grids of the eastern Mediterranean "
        "and the Arabian Peninsula into one regional market.",
    ], published="2024-03-10"),
    "/news/qatar-talks.html": page("Qatar mediates between rival delegations", [
        "Qatar brought together delegations from two rival factions in Doha on Thursday for "
        "a second round of talks on a prisoner exchange.",
        "A Qatari spokesman said both sides had agreed on a list of names and that the "
        "next meeting would settle the timing of the releases.",
        "Negotiators from other capitals followed the talks from nearby hotels, according "
        "to officials familiar with the arrangements.",
    ], published="2024-03-14"),
    "/news/turkey-greece.html": page("Turkey and Greece reopen a border crossing", [
        "Turkey and Greece reopened a border crossing on the Evros river on Monday after "
        "repairs to a bridge that floods damaged last autumn.",
        "Interior ministers of both countries attended the ceremony and said trucks would "
        "be cleared faster under a new joint customs procedure.",
        "Local traders welcomed the reopening, which shortens the road between Edirne and "
        "Alexandroupoli by more than an hour.",
    ], published="2024-03-18"),
}


@pytest.fixture
def site():
    """The test's own web server on 127.0.0.1, with robots.txt and the articles above."""
    server = Site()
    server.routes["/robots.txt"] = static(ROBOTS, ctype="text/plain")
    for path, html in ARTICLES.items():
        server.routes[path] = static(html)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def settings(tmp_path):
    """Ingest settings for tests: no pause between requests, quick back-off, short timeout."""
    return load_settings(db=str(tmp_path / "live.db"), workers=1, fetch_delay=0.0,
                         fetch_backoff=0.01, fetch_timeout=2.0, fetch_retries=2,
                         user_agent="diplograph-test/1 (loopback)")  # fmt: skip

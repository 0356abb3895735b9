"""A store for the world-map tests: Israel's ties with several partners that change over time."""

from __future__ import annotations

from diplograph.store import save_article

from .conftest import make_article

#: (partner, facet, value, valid_from, published): one article per claim.
CLAIMS = [
    ("MAR", "diplomatic_ties", "none", "2019-12-05", "2019-12-05"),
    ("MAR", "diplomatic_ties", "full", "2020-12-10", "2020-12-10"),
    ("ARE", "diplomatic_ties", "full", "2020-09-15", "2020-09-16"),
    ("BHR", "diplomatic_ties", "full", "2020-09-15", "2020-09-17"),
    ("TUR", "diplomatic_ties", "full", "2016-06-28", "2016-06-29"),
    ("TUR", "diplomatic_ties", "downgraded", "2018-05-15", "2018-05-16"),
    ("TUR", "trade", "open", "2019-01-10", "2019-01-10"),
    ("UNO", "diplomatic_ties", "full", "2015-01-01", "2015-01-02"),
]


def build_map_store(db) -> None:
    """One article per claim about Israel and a partner (a < b as stored)."""
    for n, (partner, facet, value, valid_from, published) in enumerate(CLAIMS):
        a, b = sorted(("ISR", partner))
        art = make_article(
            f"Israel and its partner number {n} changed their relations. | Nothing else.",
            url=f"https://map.example/{n}", title=f"Ties {n}", outlet=f"outlet{n % 3}.example",
            published=published, claims=[(a, b, facet, value, valid_from)])  # fmt: skip
        assert save_article(db, art).stored

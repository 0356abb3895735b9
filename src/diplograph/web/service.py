"""What the API and the pages both show, assembled from the store queries and the caches."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from markupsafe import Markup, escape

from diplograph.errors import DiplographError
from diplograph.store import Database
from diplograph.store.fts import MARK_CLOSE, MARK_OPEN
from diplograph.store.relations import dyad_claims
from diplograph.store.web_articles import story_articles
from diplograph.store.web_queries import (
    actor_volumes,
    claims_for,
    dyad_event_types,
    dyad_months,
    dyad_volumes,
)
from diplograph.web import states
from diplograph.web.cache import StoreCache
from diplograph.web.names import actor_info, actor_names
from diplograph.web.network import TIE_FACET, build_network

log = logging.getLogger(__name__)


def dyads(cache: StoreCache, db: Database) -> list[dict[str, Any]]:
    """Every dyad with its event volume and dates, busiest first (cached)."""
    return cache.get("dyads", lambda: dyad_volumes(db))


def network(cache: StoreCache, db: Database) -> dict[str, Any]:
    """The overview network (cached)."""

    def compute() -> dict[str, Any]:
        claims = claims_for(db, facet=TIE_FACET, limit=500_000)
        return build_network(dyads(cache, db), claims, actor_names())

    return cache.get("network", compute)


def dyad_timeline(db: Database, a: str, b: str, *, since: str | None = None,
                  until: str | None = None) -> dict[str, Any]:  # fmt: skip
    """Events per month, event types, every facet's intervals, and the claims not counted.

    ``types`` counts the dyad's latest 2,000 events at most, to stay fast on big stores.
    """
    a, b = sorted((a, b))
    names = actor_names()
    claims = dyad_claims(db, a, b)
    return {
        "a": a, "b": b, "names": {a: names.get(a, a), b: names.get(b, b)},
        "months": [{"month": m, "events": n} for m, n in dyad_months(db, a, b, since=since,
                                                                   until=until)],
        "types": [{"event": t, "events": n} for t, n in dyad_event_types(db, a, b)],
        "facets": states.segments_from_rows(a, b, claims),
        "uncounted": [c for c in claims if c["modality"] not in states.COUNTED],
        "titles": {f"{c['article_id']}/{c['sentence']}": c["title"] for c in claims},
    }  # fmt: skip


def relations(db: Database, a: str, b: str, day: date) -> list[dict[str, Any]]:
    """Every facet of the dyad as of ``day``."""
    return states.as_of(db, a, b, day)


def actors(cache: StoreCache, db: Database) -> list[dict[str, Any]]:
    """Actor codes with counts per role and their display names (cached)."""

    def compute() -> list[dict[str, Any]]:
        names = actor_names()
        return [dict(row, name=names.get(row["code"], row["code"])) for row in actor_volumes(db)]

    return cache.get("actors", compute)


def actor(cache: StoreCache, db: Database, code: str) -> dict[str, Any] | None:
    """One actor: counts, busiest partners, registry facts; None when nothing is known."""
    row = next((r for r in actors(cache, db) if r["code"] == code), None)
    info = actor_info(code)
    if row is None and info is None:
        return None
    partners = [
        {"code": d["b"] if d["a"] == code else d["a"], "events": d["events"],
         "first": d["first"], "last": d["last"]}
        for d in dyads(cache, db) if code in (d["a"], d["b"])
    ][:30]  # fmt: skip
    names = actor_names()
    for p in partners:
        p["name"] = names.get(p["code"], p["code"])
    counts = row or {"code": code, "actor": 0, "recipient": 0, "mediator": 0, "mentions": 0}
    return {"code": code, "name": names.get(code, code), "counts": counts,
            "partners": partners, "registry": info}  # fmt: skip


def story(db: Database, story_id: str) -> dict[str, Any] | None:
    """A story with its articles (text, terms, citations) and the framing comparison.

    ``compare`` is ``diplograph.framing.compare.story_detail``: per outlet the
    names it uses, its terms and sources, and which events each outlet reports.
    """
    found = story_articles(db, story_id)
    if found is None:
        return None
    try:
        from diplograph.framing.compare import story_detail
    except ImportError:  # the framing package is optional for the page
        return found
    try:
        found["compare"] = story_detail(db, story_id).to_json()
    except DiplographError:
        log.warning("no framing comparison for story %s", story_id, exc_info=True)
    return found


def snippet_html(snippet: str | None) -> Markup:
    """A search snippet, HTML-escaped, with its match marks turned into <mark> tags."""
    text = str(escape(snippet or ""))
    marks = "".join(ch for ch in text if ch in (MARK_OPEN, MARK_CLOSE))
    if marks != (MARK_OPEN + MARK_CLOSE) * (len(marks) // 2):  # article text held stray marks
        text = text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
    return Markup(text.replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>"))


def world_map(cache: StoreCache, db: Database, focus: str, facet: str,
              day: date) -> dict[str, Any]:  # fmt: skip
    """The world map of ``focus``'s relations on ``facet`` as of ``day`` (steps cached)."""
    from diplograph.web.worldmap import build_map, partner_steps

    steps = cache.get(("map", focus, facet), lambda: partner_steps(db, focus, facet))
    return build_map(steps, focus, facet, day, actor_names())


def map_countries(cache: StoreCache, db: Database) -> list[str]:
    """Codes the map can centre on: every code with a claim, most claims first (cached)."""
    from diplograph.store.relations import claim_codes

    return cache.get("map-codes", lambda: [code for code, _ in claim_codes(db)])

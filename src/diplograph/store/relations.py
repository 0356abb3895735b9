"""Reading dyad facet claims and per-month event counts for the relations timeline.

Every query here is bounded by one dyad or one actor and served by an index
(``ix_claims_dyad`` on ``a, b, facet, valid_from``; ``ix_claims_b`` for the second
side; ``ix_event_dyads_ab_date``), so a timeline never loads the whole store.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlalchemy import Select, case, func, or_, select

from diplograph.store import schema as s
from diplograph.store.database import Database

#: Columns of a claim row as the relations code reads it (claim fields plus article context).
CLAIM_FIELDS = (
    "id", "article_id", "a", "b", "facet", "value", "modality", "valid_from",
    "valid_from_precision", "asserted_on", "sentence", "text", "event_id", "kind",
)  # fmt: skip


def _claims_query() -> Select[Any]:
    c = s.claims.c
    return (
        select(*(c[name] for name in CLAIM_FIELDS), s.articles.c.outlet, s.articles.c.story_id,
               s.articles.c.url, s.articles.c.title,
               case((s.articles.c.published.is_(None), s.articles.c.text),
                    else_=None).label("undated_text"))  # fmt: skip
        .join(s.articles, s.articles.c.id == c.article_id)
        .order_by(c.a, c.b, c.facet, c.valid_from, c.asserted_on, c.article_id, c.sentence, c.id)
    )


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _latest_year(text: str | None) -> str | None:
    """The latest year an undated article names, up to this one: it was written no earlier."""
    if not text:
        return None
    now = date.today().year
    years = [int(y) for y in _YEAR.findall(text) if int(y) <= now]
    return str(max(years)) if years else None


def _rows(conn: Any, query: Select[Any]) -> list[dict[str, Any]]:
    """Claim rows; an undated article's text is replaced by ``written_after`` (its latest year)."""
    out: list[dict[str, Any]] = []
    seen: dict[str, str | None] = {}
    for row in conn.execute(query):
        item = dict(row._mapping)
        text = item.pop("undated_text", None)
        if text is not None and item["article_id"] not in seen:
            seen[item["article_id"]] = _latest_year(text)
        item["written_after"] = seen.get(item["article_id"])
        out.append(item)
    return out


def dyad_claims(db: Database, a: str, b: str, *, facet: str | None = None) -> list[dict[str, Any]]:
    """Every claim about the dyad (``a`` < ``b``), with the asserting article's outlet and story."""
    query = _claims_query().where(s.claims.c.a == a, s.claims.c.b == b)
    if facet is not None:
        query = query.where(s.claims.c.facet == facet)
    with db.connect() as conn:
        return _rows(conn, query)


def actor_claims(db: Database, code: str, *, facet: str | None = None) -> list[dict[str, Any]]:
    """Every claim (of ``facet``, or of every facet) about a dyad with ``code`` on either side."""
    query = _claims_query().where(or_(s.claims.c.a == code, s.claims.c.b == code))
    if facet is not None:
        query = query.where(s.claims.c.facet == facet)
    with db.connect() as conn:
        return _rows(conn, query)


def claim_codes(db: Database) -> list[tuple[str, int]]:
    """Every code on either side of a claim with its number of claims, most claims first."""
    c = s.claims.c
    with db.connect() as conn:
        counts: dict[str, int] = {}
        for side in (c.a, c.b):
            for code, n in conn.execute(select(side, func.count()).group_by(side)):
                counts[str(code)] = counts.get(str(code), 0) + int(n)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def iter_claim_dyads(db: Database) -> Iterator[tuple[str, str]]:
    """Every dyad that has at least one claim, in alphabetical order."""
    query = select(s.claims.c.a, s.claims.c.b).distinct().order_by(s.claims.c.a, s.claims.c.b)
    with db.connect() as conn:
        rows = conn.execute(query).all()
    yield from ((str(a), str(b)) for a, b in rows)


def monthly_event_counts(db: Database, a: str, b: str) -> list[tuple[str, int]]:
    """Events between ``a`` and ``b`` per month (``YYYY-MM``), dated events only, in order."""
    d = s.event_dyads.c
    month = func.substr(d.date, 1, 7)
    query = (
        select(month, func.count())
        .where(d.a == a, d.b == b, d.date.is_not(None), func.length(d.date) >= 7)
        .group_by(month)
        .order_by(month)
    )
    with db.connect() as conn:
        return [(str(m), int(n)) for m, n in conn.execute(query)]

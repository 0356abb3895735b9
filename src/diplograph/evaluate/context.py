"""What scorers see: gold articles paired with what the store holds for them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select

from diplograph.evaluate.gold import GoldArticle
from diplograph.store import Database
from diplograph.store import schema as s


@dataclass(slots=True)
class Pair:
    """A gold article and the stored article it matched (``article`` is None if unmatched)."""

    gold: GoldArticle
    article: dict[str, Any] | None


@dataclass(slots=True)
class EvalContext:
    """The store and the gold, matched by URL or, without a URL, by input file name."""

    db: Database
    pairs: list[Pair]

    @property
    def matched(self) -> list[Pair]:
        """Pairs whose article was found in the store."""
        return [p for p in self.pairs if p.article is not None]

    def raw_text(self, article: dict[str, Any]) -> str:
        """The article's raw input, decoded as UTF-8 (replacing undecodable bytes)."""
        with self.db.connect() as conn:
            content = conn.execute(
                select(s.raw_inputs.c.content).where(s.raw_inputs.c.id == article["raw_id"])
            ).scalar_one()
        return bytes(content).decode("utf-8", errors="replace")

    def events(self, article_id: str) -> list[dict[str, Any]]:
        """The article's stored events in the SPEC §5 shape (JSON fields decoded)."""
        with self.db.connect() as conn:
            rows = conn.execute(
                select(s.events).where(s.events.c.article_id == article_id).order_by(s.events.c.id)
            ).all()
        out = []
        for row in rows:
            ev = dict(row._mapping)
            for key in ("actor", "recipient", "mediator", "mode", "context", "attribution"):
                ev[key] = json.loads(ev[key])
            out.append(ev)
        return out


def match_gold(db: Database, gold: list[GoldArticle]) -> EvalContext:
    """Pair each gold article with a stored article by URL, else by file (``source``)."""
    pairs: list[Pair] = []
    with db.connect() as conn:
        for g in gold:
            clauses = []
            if g.url:
                clauses.append(s.articles.c.url == g.url)
            if g.file:
                clauses.append(s.articles.c.source == g.file)
            row = conn.execute(
                select(s.articles).where(or_(*clauses)).order_by(s.articles.c.id).limit(1)
            ).first()
            pairs.append(Pair(g, dict(row._mapping) if row else None))
    return EvalContext(db, pairs)

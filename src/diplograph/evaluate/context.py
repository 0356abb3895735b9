"""What scorers see: gold articles paired with what the store holds for them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from diplograph.evaluate.gold import GoldArticle
from diplograph.store import Database
from diplograph.store.articles import find_article, raw_input_row
from diplograph.store.events import article_events


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
        content = raw_input_row(self.db, article["raw_id"])["content"]
        return content.decode("utf-8", errors="replace")

    def events(self, article_id: str) -> list[dict[str, Any]]:
        """The article's stored events in the SPEC §5 shape (JSON fields decoded)."""
        return article_events(self.db, article_id)


def match_gold(db: Database, gold: list[GoldArticle]) -> EvalContext:
    """Pair each gold article with a stored article by URL, else by file (``source``)."""
    return EvalContext(db, [Pair(g, find_article(db, url=g.url, source=g.file)) for g in gold])

"""Small assertions shared by the actor tests."""

from __future__ import annotations

from diplograph.actors import find_mentions
from diplograph.model import Article, Mention


def mentions(art: Article) -> list[Mention]:
    """find_mentions, after checking that every offset points at the mention's text."""
    found = find_mentions(art)
    for m in found:
        assert art.text[m.start : m.end] == m.text
    return found


def by_text(found: list[Mention]) -> dict[str, Mention]:
    """Mentions keyed by their text (the last one wins)."""
    return {m.text: m for m in found}


def triples(found: list[Mention]) -> set[tuple[str, str | None, str | None, str]]:
    """(text, code, sector, kind) of every mention."""
    return {(m.text, m.code, m.sector, m.kind) for m in found}

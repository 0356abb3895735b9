"""Facet claims from events and stative sentences (stub)."""

from __future__ import annotations

from diplograph.model import Article, Claim


def extract_claims(article: Article) -> list[Claim]:
    """Dyad facet claims asserted in ``article`` (needs mentions and events)."""
    return []

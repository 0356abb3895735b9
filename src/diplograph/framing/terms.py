"""Loaded-term lexicon matching (stub)."""

from __future__ import annotations

from diplograph.model import Article, TermHit


def find_terms(article: Article) -> list[TermHit]:
    """Loaded and labelling terms in ``article``."""
    return []

"""Re-reporting detection (stub)."""

from __future__ import annotations

from diplograph.model import Article, Citation


def find_citations(article: Article) -> list[Citation]:
    """The reports ``article`` retells ("reported Axios", wire credits, syndication lines)."""
    return []

"""Recognising actor mentions in an article's sentences (stub until the registry lands)."""

from __future__ import annotations

from diplograph.model import Article, Mention


def find_mentions(article: Article) -> list[Mention]:
    """Every actor mention in ``article``, resolved to a code where possible."""
    return []

"""Event extraction (stub)."""

from __future__ import annotations

from diplograph.model import Article, Event


def extract_events(article: Article) -> list[Event]:
    """The PLOVER events in ``article`` (needs sentences and mentions)."""
    return []

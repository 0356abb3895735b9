"""Stories: near-duplicates, clustering across outlets, re-reporting and independent sources."""

from __future__ import annotations

from diplograph.stories.cluster import assign_stories
from diplograph.stories.sources import find_citations

__all__ = ["assign_stories", "find_citations"]

"""Relations: dyad facet claims, timelines, as-of queries and conflicts."""

from __future__ import annotations

from diplograph.relations.claims import extract_claims

__all__ = ["extract_claims"]

"""Ingest: read inputs of every supported format, clean them, and find their metadata."""

from __future__ import annotations

from diplograph.ingest.clean import clean_input
from diplograph.ingest.readers import discover, iter_inputs

__all__ = ["clean_input", "discover", "iter_inputs"]

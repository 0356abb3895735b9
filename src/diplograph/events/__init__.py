"""Events: PLOVER types, extraction from parsed sentences, modality, attribution, dates."""

from __future__ import annotations

from diplograph.events.extract import extract_events

__all__ = ["extract_events"]

"""Framing: loaded and labelling terms per article and per outlet."""

from __future__ import annotations

from diplograph.framing.terms import find_terms

__all__ = ["find_terms"]

"""Actors: the registry (data files) and recognising and resolving mentions in text."""

from __future__ import annotations

from diplograph.actors.match import find_mentions

__all__ = ["find_mentions"]

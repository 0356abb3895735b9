"""Resolving a named office holder against the article's date (date-bounded roles).

Rules (docs/actors.md, "Office holders"):

* Date known: the role(s) held at that date give code and sector. When the
  person holds several roles at once, a ``GOV`` role is preferred, then the one
  listed first. A person named outside every term keeps the code of the role
  nearest in time but gets no sector (a former or future office holder is not
  acting for the government).
* A name several people share (a surname) resolves to the one in office at the
  date; if none or several are, it resolves to their common code without a
  sector, or not at all when their codes differ.
* Date unknown: any role counts, and the latest-starting one is preferred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplograph.actors.registry import OfficeHolder, Role

_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a person mention resolves to; ``sector`` None means "not in office then"."""

    code: str | None
    sector: str | None
    actor: str | None


def date_bounds(value: str | None, *, upper: bool) -> str | None:
    """A coarse ISO date widened to a day: the first (or last, ``upper``) day it may mean."""
    if not value or not _ISO.match(value.strip()):
        return None  # unknown or malformed: treated as "no date"
    value = value.strip()[:10]
    if len(value) == 4:
        return f"{value}-12-31" if upper else f"{value}-01-01"
    if len(value) == 7:
        return f"{value}-31" if upper else f"{value}-01"
    return value


def in_office(role: Role, published: str) -> bool:
    """Whether ``role`` overlaps the (possibly coarse) date ``published``."""
    lo, hi = date_bounds(published, upper=False), date_bounds(published, upper=True)
    start = date_bounds(role.start, upper=False) or "0000-01-01"
    end = date_bounds(role.end, upper=True) or "9999-12-31"
    return bool(lo and hi) and start <= hi and lo <= end  # type: ignore[operator]


def _distance(role: Role, published: str) -> str:
    """Sort key: how far a role lies from the date (ISO strings compare as dates)."""
    day = date_bounds(published, upper=False) or ""
    start = date_bounds(role.start, upper=False) or "0000-01-01"
    end = date_bounds(role.end, upper=True) or "9999-12-31"
    gap = min(abs(_ordinal(day) - _ordinal(start)), abs(_ordinal(day) - _ordinal(end)))
    return f"{gap:08d}"


def _ordinal(day: str) -> int:
    year, month, dd = (int(p) for p in day.split("-"))
    return year * 372 + month * 31 + dd


def _best_role(roles: list[Role]) -> Role:
    """Among simultaneous roles, a GOV one first, then file order."""
    return sorted(roles, key=lambda r: r.sector != "GOV")[0]


def resolve_person(holders: list[OfficeHolder], published: str | None) -> Resolved:
    """Resolve a name that may mean any of ``holders`` at the article date ``published``."""
    holders = [h for h in holders if h.roles]
    if not holders:
        return Resolved(None, None, None)
    if date_bounds(published, upper=False) is None:
        pairs = [(h, r) for h in holders for r in h.roles]
        holder, role = max(pairs, key=lambda p: p[1].start or "")
        return Resolved(role.code, role.sector, holder.name)
    current = {h.name: [r for r in h.roles if in_office(r, published)] for h in holders}
    serving = [h for h in holders if current[h.name]]
    if len(serving) == 1:
        role = _best_role(current[serving[0].name])
        return Resolved(role.code, role.sector, serving[0].name)
    if len(holders) == 1:
        role = min(holders[0].roles, key=lambda r: _distance(r, published))
        return Resolved(role.code, None, holders[0].name)
    pool = serving or holders
    codes = {r.code for h in pool for r in (current[h.name] or h.roles)}
    return Resolved(codes.pop() if len(codes) == 1 else None, None, None)

"""Actor names for display, and registry facts for the actor pages.

Read from ``diplograph.actors.registry`` (the versioned data files plus the
user's own); the UI falls back to bare codes when the registry cannot load.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _registry() -> Any | None:
    try:
        from diplograph.actors.registry import get_registry

        return get_registry()
    except Exception:  # the UI must work even when the registry files are broken
        log.warning("actor registry could not be loaded; showing bare codes", exc_info=True)
        return None


@lru_cache(maxsize=1)
def actor_names() -> dict[str, str]:
    """Display name per actor code (countries and organisations)."""
    reg = _registry()
    names: dict[str, str] = {}
    if reg is None:
        return names
    for org in getattr(reg, "organisations", []):
        if getattr(org, "code", None):
            names.setdefault(org.code, org.name)
    for code, country in getattr(reg, "countries", {}).items():
        names[code] = country.name
    return names


def actor_info(code: str) -> dict[str, Any] | None:
    """What the registry knows about ``code``: name, kind, aliases, office holders."""
    reg = _registry()
    if reg is None:
        return None
    country = getattr(reg, "countries", {}).get(code)
    if country is not None:
        info: dict[str, Any] = {
            "code": code, "kind": "state", "name": country.name,
            "aliases": list(country.aliases), "adjectives": list(country.adjectives),
            "metonyms": list(country.metonyms), "categories": list(country.categories),
        }  # fmt: skip
    else:
        orgs = [o for o in getattr(reg, "organisations", []) if getattr(o, "code", None) == code]
        if not orgs:
            return None
        info = {"code": code, "kind": orgs[0].kind, "name": orgs[0].name,
                "aliases": sorted({a for o in orgs for a in o.aliases})}  # fmt: skip
    info["office_holders"] = _holders(reg, code)
    return info


def _holders(reg: Any, code: str) -> list[dict[str, Any]]:
    out = []
    for holder in getattr(reg, "holders", {}).values():
        for role in getattr(holder, "roles", []):
            if role.code == code:
                out.append({"name": holder.name, "role": role.role, "sector": role.sector,
                            "start": role.start, "end": role.end})  # fmt: skip
    return sorted(out, key=lambda r: (r["start"] or "", r["name"]), reverse=True)[:50]

"""What a story says about itself: title, dates, outlets, actor codes and independent sources.

Independent sources are the distinct *ultimate* sources of a story's articles:

- a copy (wire copy, reprint: ``duplicate_of``) has its original's sources;
- an article whose lead (title and first sentences) credits a report, an agency
  or a syndication source retells it: its sources are those credited there
  ("reported Axios" → Axios), so two outlets retelling one scoop add outlets,
  not sources;
- any other article is its own outlet's source.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from diplograph.stories.sources import source_registry

#: Sentences from the start that count as an article's lead.
LEAD_SENTENCES = 3
_GENERIC = re.compile(r"\b(?:media|press|outlets|newspapers|television|TV channels|broadcasters)$")
_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,40}$")


def outlet_name(member: dict[str, Any]) -> str | None:
    """The article's outlet, else its URL's domain, else None."""
    if member.get("outlet"):
        return str(member["outlet"])
    url = member.get("url")
    if url:
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def clean_title(title: str, outlet: str | None) -> str:
    """A title without an outlet suffix ("… | Levant Wire", "… - Reuters") or extra spaces."""
    title = " ".join(title.split())
    m = _SUFFIX.search(title)
    if m:
        tail = m.group().strip(" |–—-")
        reg = source_registry()
        if (outlet and reg.same_outlet(tail, outlet)) or reg.lookup(tail) or "|" in m.group():
            title = title[: m.start()]
    return title.strip()


def is_generic(name: str) -> bool:
    """True for an unnamed collective source ("Israeli media", "local press")."""
    return source_registry().lookup(name) is None and bool(_GENERIC.search(name))


def article_sources(member: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> list[str]:
    """The ultimate sources of one story member (see the module docstring)."""
    seen: set[str] = set()
    while member.get("duplicate_of") in by_id and member["id"] not in seen:
        seen.add(member["id"])
        member = by_id[member["duplicate_of"]]
    credited = [c for c in member.get("citations", [])
                if c["kind"] in ("report", "agency", "syndication")
                and (c["kind"] == "syndication" or c["sentence"] is None
                     or c["sentence"] < LEAD_SENTENCES)]  # fmt: skip
    names = {c["name"] for c in credited}
    named = {n for n in names if not is_generic(n)}
    if named or names:
        return sorted(named or names)
    own = outlet_name(member)
    return [own] if own else []


def _title(members: list[dict[str, Any]]) -> str:
    originals = [m for m in members if not m.get("duplicate_of")] or members
    titled = [m for m in originals if m.get("title")]
    if titled:
        first = min(titled, key=lambda m: (m.get("published") or "9999", m["id"]))
        return clean_title(first["title"], outlet_name(first))
    for m in sorted(originals, key=lambda m: (m.get("published") or "9999", m["id"])):
        text = " ".join((m.get("text") or "").split())
        if text:
            return text[:97] + "…" if len(text) > 100 else text
    return "(untitled story)"


def summarise(story_id: str, members: list[dict[str, Any]]) -> dict[str, Any]:
    """The ``stories`` row for ``story_id`` from its member articles."""
    by_id = {m["id"]: m for m in members}
    dates = sorted(m["published"] for m in members if m.get("published"))
    sources: set[str] = set()
    for m in members:
        sources.update(article_sources(m, by_id))
    codes: dict[str, float] = {}
    for m in members:
        for rank, code in enumerate(m.get("codes") or []):
            codes[code] = codes.get(code, 0.0) + 1.0 / (1 + rank)
    return {
        "id": story_id,
        "title": _title(members),
        "first_seen": dates[0] if dates else None,
        "last_seen": dates[-1] if dates else None,
        "codes": sorted(codes, key=lambda c: (-codes[c], c)),
        "article_count": len(members),
        "outlets": sorted({o for m in members if (o := outlet_name(m))}),
        "independent_sources": sorted(sources),
    }

"""Request parameters: the patterns every code, date and name must match, for API and pages.

The API declares them through FastAPI (a bad value is a 422 with the reason);
the HTML forms send empty fields too, so pages read the same parameters with
:func:`form_filter`, which drops empty fields and reports bad ones.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Query

from diplograph.model import EVENT_TYPES, MODALITIES
from diplograph.relations.facets import FACETS
from diplograph.store.web_queries import EVENT_SORTS, EventFilter

CODE = r"^[A-Z]{3}$"
DYAD = r"^[A-Z]{3}-[A-Z]{3}$"
EVENT_TYPE = "^(" + "|".join(EVENT_TYPES) + ")$"
MODALITY = "^(" + "|".join(MODALITIES) + ")$"
FACET = "^(" + "|".join(FACETS) + ")$"
OUTLET = r"^[\w .,:/&'()+-]{1,200}$"
ARTICLE_ID = r"^[0-9A-Za-z_-]{1,64}$"
STORY_ID = r"^[0-9A-Za-z_-]{1,64}$"

CodeQuery = Annotated[str | None, Query(pattern=CODE, description="Actor code, e.g. ISR")]
DateQuery = Annotated[date | None, Query(description="A day, YYYY-MM-DD")]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Sort = Literal["date", "event", "modality", "outlet"]
Order = Literal["asc", "desc"]


def event_filter(
    actor: CodeQuery = None,
    recipient: CodeQuery = None,
    party: Annotated[str | None, Query(pattern=CODE, description="Actor code in any role")] = None,
    dyad: Annotated[str | None, Query(pattern=DYAD, description="Two codes, e.g. ISR-MAR")] = None,
    type: Annotated[str | None, Query(pattern=EVENT_TYPE, description="PLOVER type")] = None,  # noqa: A002
    modality: Annotated[str | None, Query(pattern=MODALITY)] = None,
    outlet: Annotated[str | None, Query(pattern=OUTLET)] = None,
    since: DateQuery = None,
    until: DateQuery = None,
    sort: Sort = "date",
    order: Order = "desc",
) -> EventFilter:
    """FastAPI dependency: the events filter from query parameters."""
    return EventFilter(
        actor=actor, recipient=recipient, party=party, dyad=_pair(dyad), event=type,
        modality=modality, outlet=outlet, since=_iso(since), until=_iso(until), sort=sort,
        descending=order == "desc",
    )  # fmt: skip


def _pair(dyad: str | None) -> tuple[str, str] | None:
    if not dyad:
        return None
    a, b = dyad.split("-")
    return (a, b) if a <= b else (b, a)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


_FORM_RULES: dict[str, str] = {
    "actor": CODE, "recipient": CODE, "party": CODE, "dyad": DYAD, "type": EVENT_TYPE,
    "modality": MODALITY, "outlet": OUTLET, "since": r"^\d{4}-\d{2}-\d{2}$",
    "until": r"^\d{4}-\d{2}-\d{2}$", "sort": "^(" + "|".join(EVENT_SORTS) + ")$",
    "order": "^(asc|desc)$",
}  # fmt: skip


def form_filter(params: dict[str, str]) -> tuple[EventFilter, dict[str, str], list[str]]:
    """The events filter from an HTML form: (filter, the accepted values, error messages)."""
    ok: dict[str, str] = {}
    errors: list[str] = []
    for name, pattern in _FORM_RULES.items():
        value = (params.get(name) or "").strip()
        if name in ("actor", "recipient", "party", "dyad", "type"):
            value = value.upper()
        if not value:
            continue
        if re.match(pattern, value) and _valid_day(name, value):
            ok[name] = value
        else:
            errors.append(f"ignored {name}={value!r}: not a valid {name}")
    f = EventFilter(
        actor=ok.get("actor"), recipient=ok.get("recipient"), party=ok.get("party"),
        dyad=_pair(ok.get("dyad")), event=ok.get("type"), modality=ok.get("modality"),
        outlet=ok.get("outlet"), since=ok.get("since"), until=ok.get("until"),
        sort=ok.get("sort", "date"), descending=ok.get("order", "desc") == "desc",
    )  # fmt: skip
    return f, ok, errors


def _valid_day(name: str, value: str) -> bool:
    if name not in ("since", "until"):
        return True
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def form_int(params: dict[str, Any], name: str, default: int, *, low: int, high: int) -> int:
    """An integer form field clamped to [low, high]; ``default`` when missing or not a number."""
    try:
        return max(low, min(high, int(params.get(name, default))))
    except (TypeError, ValueError):
        return default

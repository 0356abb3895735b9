"""Who counts as a distinct party: a country code and its sector (SPEC §2).

Two mentions of one state are distinct parties when their sectors differ ("Syrian
troops" and "Syrian rebels", "police" and "protesters"): PLOVER and ICEWS code such
domestic events. A mention without a sector (an adjective: "Turkish") counts as its
state's government, so "Turkey" and "Turkish" stay one party.
"""

from __future__ import annotations

from typing import Protocol

#: The sector a mention without one stands for.
DEFAULT_SECTOR = "GOV"


class HasCode(Protocol):
    """Anything with a code and a sector (a Mention, an ActorRef)."""

    code: str | None
    sector: str | None


def party_key(m: HasCode) -> tuple[str | None, str]:
    """(code, sector): the identity of a party for deciding whether two mentions differ."""
    return (m.code, m.sector or DEFAULT_SECTOR)


def distinct_parties(mentions: list[HasCode]) -> int:
    """How many distinct parties (:func:`party_key`) the resolved ``mentions`` hold."""
    return len({party_key(m) for m in mentions if m.code is not None})

"""Listing and showing registry entries (what ``diplograph actors list|show`` print)."""

from __future__ import annotations

from dataclasses import dataclass, field

from diplograph.actors.registry import Registry, get_registry
from diplograph.actors.tokens import fold
from diplograph.errors import ConfigError, NotFoundError

LIST_KINDS = ("country", "igo", "group", "person", "organ")


@dataclass(slots=True)
class ActorRow:
    """One line of ``actors list``."""

    kind: str
    code: str
    sector: str
    name: str
    detail: str = ""


@dataclass(slots=True)
class ActorCard:
    """Everything ``actors show`` prints about one code or name."""

    title: str
    facts: list[tuple[str, str]] = field(default_factory=list)  # (label, value)
    organs: list[tuple[str, str]] = field(default_factory=list)  # (sector, pattern)
    holders: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    # (name, role, sector, start, end)


def list_actors(*, kind: str | None = None, code: str | None = None) -> list[ActorRow]:
    """Registry entries, optionally of one kind and/or one code."""
    if kind is not None and kind not in LIST_KINDS:
        raise ConfigError(f"--kind {kind!r}: use one of {', '.join(LIST_KINDS)}")
    reg = get_registry()
    rows: list[ActorRow] = []
    for c in reg.countries.values():
        rows.append(ActorRow("country", c.code, "", c.name, ", ".join(c.aliases[:4])))
    for org in reg.organisations:
        rows.append(ActorRow(org.kind, org.code or "", org.sector, org.name,
                             ", ".join(org.aliases[:4])))  # fmt: skip
    for holder in reg.holders.values():
        for role in holder.roles:
            rows.append(ActorRow("person", role.code, role.sector, holder.name,
                                 f"{role.role} {role.start or '?'}–{role.end or ''}"))  # fmt: skip
    for organ in reg.organs:
        if organ.code:
            rows.append(ActorRow("organ", organ.code, organ.sector, organ.patterns[0],
                                 ", ".join(organ.patterns[1:4])))  # fmt: skip
    if kind:
        rows = [r for r in rows if r.kind == kind]
    if code:
        rows = [r for r in rows if r.code == code.upper()]
    return rows


def show_actor(query: str) -> ActorCard:
    """Names, aliases, organs and office holders of a code, or of a name or alias."""
    reg = get_registry()
    code = query.upper()
    if code in reg.countries:
        return _country_card(reg, code)
    wanted = fold(query)
    for org in reg.organisations:
        if (org.code or "") == code or wanted in {fold(n) for n in (org.name, *org.aliases)}:
            return _organisation_card(reg, org.code or "", org.name)
    for holder in reg.holders.values():
        if wanted in {fold(n) for n in (holder.name, *holder.aliases)}:
            card = ActorCard(holder.name, [("aliases", ", ".join(holder.aliases))])
            card.holders = [(holder.name, r.role, f"{r.code} {r.sector}", r.start or "",
                             r.end or "") for r in holder.roles]  # fmt: skip
            return card
    for c in reg.countries.values():
        forms = (c.name, *c.aliases, *c.adjectives, *c.metonyms, *c.epithets)
        if wanted in {fold(f) for f in forms}:
            return _country_card(reg, c.code)
    raise NotFoundError(f"no actor {query!r} in the registry: try 'diplograph actors list'")


def _country_card(reg: Registry, code: str) -> ActorCard:
    c = reg.countries[code]
    card = ActorCard(f"{c.code} {c.name}", [
        ("aliases", ", ".join(c.aliases)), ("adjectives", ", ".join(c.adjectives)),
        ("metonyms", ", ".join(c.metonyms)), ("epithets", ", ".join(c.epithets)),
        ("categories", ", ".join(c.categories)),
        ("groups", ", ".join(o.name for o in reg.organisations
                             if o.kind == "group" and o.code == code)),
    ])  # fmt: skip
    _add_organs_and_holders(reg, card, code)
    return card


def _organisation_card(reg: Registry, code: str, name: str) -> ActorCard:
    org = next(o for o in reg.organisations if o.name == name)
    card = ActorCard(f"{code or '—'} {org.name} ({org.kind}, {org.sector})",
                     [("aliases", ", ".join(org.aliases))])  # fmt: skip
    if org.kind == "igo":
        _add_organs_and_holders(reg, card, code)
    return card


def _add_organs_and_holders(reg: Registry, card: ActorCard, code: str) -> None:
    card.organs = [(o.sector, p) for o in reg.organs if o.code == code for p in o.patterns]
    card.holders = sorted(
        ((h.name, r.role, r.sector, r.start or "", r.end or "")
         for h in reg.holders.values() for r in h.roles if r.code == code),
        key=lambda t: t[3], reverse=True,
    )  # fmt: skip

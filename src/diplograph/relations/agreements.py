"""Named agreements (``data/agreements.toml``): a mention sets its parties' facets, dated.

"Signed the Abraham Accords", "the 1994 peace treaty", "the Al-Ula declaration"
say who agreed to what and when, though the sentence may name neither the date
nor every party. The registry holds, per accord, its aliases (regular
expressions), its signing date and the facet values it gave each pair of
parties (a later joiner or a later exchange of ambassadors on its own date).
A mention of an accord makes a claim for each pair whose two states the article
names, dated as the registry says, cited to the sentence that mentions it.

Users extend the registry with ``<user_data>/relations/agreements.toml`` (same
format); an entry with the ``id`` of a packaged one replaces it.
"""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from diplograph.errors import ConfigError
from diplograph.relations.facets import (
    DATA,
    _check_value,
    _compile,
    end_of_period,
    ordered,
    validate_code,
)

log = logging.getLogger(__name__)
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class AgreementSet:
    """Pairs of parties that an agreement gave the same facet values on one date."""

    pairs: tuple[tuple[str, str], ...]
    facets: tuple[tuple[str, str], ...]  # (facet, value)
    date: str


@dataclass(frozen=True, slots=True)
class Agreement:
    """One named accord: how texts call it and what it set for whom, when."""

    id: str
    name: str
    aliases: tuple[re.Pattern[str], ...]
    date: str
    sets: tuple[AgreementSet, ...]
    sources: tuple[str, ...]
    #: Aliases that name it only together with its parties ("the peace treaty"): they
    #: count for a pair only when the same sentence names both its states.
    generic_aliases: tuple[re.Pattern[str], ...] = ()

    def mentioned_in(self, text: str) -> re.Match[str] | None:
        """The first alias match in ``text``, or None."""
        for alias in self.aliases:
            match = alias.search(text)
            if match:
                return match
        return None

    def generically_mentioned_in(self, text: str) -> bool:
        """True if a generic alias ("peace treaty") stands in ``text``."""
        return any(alias.search(text) for alias in self.generic_aliases)


def _date(value: Any, where: str) -> str:
    text = str(value)
    end_of_period(text)  # raises ConfigError with the value
    if not re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", text):
        raise ConfigError(f"{where}: date {text!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def _pair(value: str, where: str) -> tuple[str, str]:
    parts = str(value).split("-")
    if len(parts) != 2:
        raise ConfigError(f"{where}: pair {value!r} must be two codes joined by '-', e.g. ISR-JOR")
    a, b = (validate_code(p) for p in parts)
    if a == b:
        raise ConfigError(f"{where}: pair {value!r} names the same state twice")
    return ordered(a, b)


def _agreement(entry: dict[str, Any], where: str) -> Agreement:
    missing = [key for key in ("id", "name", "aliases", "date", "sets") if key not in entry]
    if missing:
        raise ConfigError(f"{where}: missing {', '.join(missing)} (see relations/data/README.md)")
    where = f"{where} ({entry['id']})"
    signed = _date(entry["date"], where)
    sets = []
    for n, item in enumerate(entry["sets"], start=1):
        here = f"{where} set {n}"
        facets = tuple(sorted((str(f), str(v)) for f, v in dict(item.get("facets", {})).items()))
        if not facets or not item.get("pairs"):
            raise ConfigError(f"{here}: a set needs `pairs` and `facets`")
        for facet, value in facets:
            _check_value(facet, value, here)
        sets.append(AgreementSet(tuple(_pair(p, here) for p in item["pairs"]), facets,
                                 _date(item.get("date", signed), here)))  # fmt: skip
    aliases = tuple(_compile(a, f"{where} alias {a!r}") for a in entry["aliases"])
    generic = tuple(_compile(a, f"{where} generic alias {a!r}")
                    for a in entry.get("generic_aliases", ()))  # fmt: skip
    return Agreement(str(entry["id"]), str(entry["name"]), aliases, signed, tuple(sets),
                     tuple(entry.get("sources", ())), generic)  # fmt: skip


def read_agreements(path: Path) -> list[Agreement]:
    """The agreements of one TOML file; a malformed file raises ConfigError naming it."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the agreements ({exc})") from exc
    version = data.get("version", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise ConfigError(f"{path}: format version {version}; this diplograph reads "
                          f"version {FORMAT_VERSION}")  # fmt: skip
    entries = data.get("agreement", [])
    return [_agreement(entry, f"{path} agreement {n}")
            for n, entry in enumerate(entries, start=1)]  # fmt: skip


def user_agreements_file(user_data: Path | None = None) -> Path:
    """Where a user's own agreements live: ``<user_data>/relations/agreements.toml``."""
    if user_data is None:
        from diplograph.config import user_data_file

        return user_data_file("relations", "agreements.toml")
    return Path(user_data) / "relations" / "agreements.toml"


@lru_cache(maxsize=8)
def _load(user_file: Path | None, stamp: float) -> tuple[Agreement, ...]:
    merged = {a.id: a for a in read_agreements(DATA / "agreements.toml")}
    if user_file is not None:
        merged.update((a.id, a) for a in read_agreements(user_file))
    log.debug("agreements loaded: %d (user file %s)", len(merged), user_file)
    return tuple(merged.values())


def agreements(*, user_data: Path | None = None) -> tuple[Agreement, ...]:
    """The packaged agreements with the user's merged over them (reloaded when it changes)."""
    user_file = user_agreements_file(user_data)
    try:
        stamp = user_file.stat().st_mtime
    except OSError:
        return _load(None, 0.0)
    return _load(user_file, stamp)

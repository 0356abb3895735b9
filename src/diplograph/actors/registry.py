"""The actor registry: the packaged CSV files merged with a user's own files.

Files (columns in ``actors/data/README.md``): ``countries.csv``, ``igos.csv``,
``groups.csv``, ``organs.csv``, ``titles.csv``, ``office_holders.csv`` and
``cues.csv`` (the words the matcher and coreference use). A user puts files with
the same names and columns in ``<user_data>/actors/``; their rows are read after
the packaged ones and a user row with the same key replaces the packaged row.

The registry is loaded once per process (and again only when a user file
changes); :func:`get_registry` is the entry point.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from diplograph.config import user_data_file
from diplograph.errors import ConfigError

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"

#: File name → (columns, key columns). A later row with the same key replaces an earlier one.
FILES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "countries.csv": (("code", "name", "aliases", "adjectives", "metonyms", "epithets",
                       "categories", "source"), ("code",)),
    "igos.csv": (("code", "name", "aliases", "sector", "source"), ("code",)),
    "groups.csv": (("code", "sector", "name", "aliases", "source"), ("code", "name")),
    "organs.csv": (("code", "sector", "pattern", "source"), ("code", "sector", "pattern")),
    "titles.csv": (("pattern", "sector", "rank", "source"), ("pattern",)),
    "office_holders.csv": (("name", "aliases", "code", "sector", "role", "start", "end",
                            "source"), ("name", "code", "role", "start")),
    "cues.csv": (("cue", "phrase", "value", "source"), ("cue", "phrase")),
}  # fmt: skip


def split_list(value: str | None) -> tuple[str, ...]:
    """The values of a ``|``-separated field, stripped, empty ones dropped."""
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


@dataclass(frozen=True, slots=True)
class Country:
    """A state: its names, adjectives, metonyms, epithets and coreference categories."""

    code: str
    name: str
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    epithets: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Organisation:
    """An intergovernmental organisation (``kind="igo"``) or a non-state group (``"group"``)."""

    kind: str
    code: str | None
    sector: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Organ:
    """A government organ: a named body (``code`` set) or a template (``code`` None)."""

    code: str | None
    sector: str
    patterns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Title:
    """Role titles ("foreign minister", "senior official") with their sector and rank."""

    patterns: tuple[str, ...]
    sector: str
    rank: str


@dataclass(frozen=True, slots=True)
class Role:
    """One date-bounded role of an office holder; ``end`` None means still in office."""

    code: str
    sector: str
    role: str
    start: str | None
    end: str | None


@dataclass(slots=True)
class OfficeHolder:
    """A named person with every role the registry knows, in file order."""

    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Cue:
    """A word list entry the matcher uses (collectives, anaphors, modifiers, stop phrases)."""

    cue: str
    phrase: str
    value: str


@dataclass(slots=True)
class Registry:
    """Everything the matcher knows about actors, merged from packaged and user files."""

    countries: dict[str, Country]
    organisations: list[Organisation]
    organs: list[Organ]
    titles: list[Title]
    holders: dict[str, OfficeHolder]
    cues: list[Cue]
    fingerprint: str = ""

    def categories(self, code: str | None) -> tuple[str, ...]:
        """The coreference categories of a country code (empty for anything else)."""
        country = self.countries.get(code or "")
        return country.categories if country else ()

    def cue_phrases(self, cue: str) -> list[Cue]:
        """Every cue row of one kind (``collective``, ``anaphor``, ``modifier``, …)."""
        return [c for c in self.cues if c.cue == cue]


def read_rows(name: str, user_dir: Path | None) -> list[dict[str, str]]:
    """The merged rows of one registry file: packaged first, then the user's file."""
    columns, key_cols = FILES[name]
    merged: dict[tuple[str, ...], dict[str, str]] = {}
    for path in (DATA_DIR / name, (user_dir / name) if user_dir else None):
        if path is None or not path.is_file():
            continue
        for line, row in _read_csv(path, columns):
            key = tuple((row.get(k) or "").strip() for k in key_cols)
            if not any(key):
                log.warning("%s line %d: empty key %s, row skipped", path, line, key_cols)
                continue
            merged.pop(key, None)  # re-insert so a user row also moves to the end
            merged[key] = row
    return list(merged.values())


def _read_csv(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV file with their line numbers; the header must hold ``columns``."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in columns if c != "source" and c not in (reader.fieldnames or [])]
            if missing:
                raise ConfigError(
                    f"{path}: missing column(s) {', '.join(missing)}; "
                    f"expected header: {','.join(columns)}"
                )
            for row in reader:
                yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ConfigError(f"{path}: cannot read registry file ({exc}); fix or remove it") from exc


def _countries(rows: list[dict[str, str]]) -> dict[str, Country]:
    return {
        r["code"]: Country(
            code=r["code"], name=r.get("name", ""), aliases=split_list(r.get("aliases")),
            adjectives=split_list(r.get("adjectives")), metonyms=split_list(r.get("metonyms")),
            epithets=split_list(r.get("epithets")), categories=split_list(r.get("categories")),
        )  # fmt: skip
        for r in rows
    }


def _organisations(igos: list[dict[str, str]], groups: list[dict[str, str]]) -> list[Organisation]:
    out = [
        Organisation("igo", r["code"], r.get("sector") or "GOV", r.get("name", ""),
                     split_list(r.get("aliases")))  # fmt: skip
        for r in igos
    ]
    out += [
        Organisation("group", r.get("code") or None, r.get("sector") or "REB", r.get("name", ""),
                     split_list(r.get("aliases")))  # fmt: skip
        for r in groups
    ]
    return out


def _holders(rows: list[dict[str, str]]) -> dict[str, OfficeHolder]:
    holders: dict[str, OfficeHolder] = {}
    for r in rows:
        name = r.get("name", "")
        if not name or not r.get("code"):
            continue
        holder = holders.setdefault(name, OfficeHolder(name))
        for alias in split_list(r.get("aliases")):
            if alias not in holder.aliases:
                holder.aliases.append(alias)
        holder.roles.append(Role(r["code"], r.get("sector") or "GOV", r.get("role", ""),
                                 r.get("start") or None, r.get("end") or None))  # fmt: skip
    return holders


def _fingerprint(user_dir: Path | None) -> str:
    """Changes whenever a user registry file is created, edited or removed."""
    if user_dir is None:
        return ""
    parts = []
    for name in FILES:
        path = user_dir / name
        try:
            st = path.stat()
        except OSError:
            continue
        parts.append(f"{name}:{st.st_mtime_ns}:{st.st_size}")
    return ";".join(parts)


@lru_cache(maxsize=4)
def _load(user_dir: Path | None, fingerprint: str) -> Registry:
    rows = {name: read_rows(name, user_dir) for name in FILES}
    registry = Registry(
        countries=_countries(rows["countries.csv"]),
        organisations=_organisations(rows["igos.csv"], rows["groups.csv"]),
        organs=[Organ(r.get("code") or None, r.get("sector") or "GOV", split_list(r["pattern"]))
                for r in rows["organs.csv"] if split_list(r.get("pattern"))],
        titles=[Title(split_list(r["pattern"]), r.get("sector") or "GOV", r.get("rank", ""))
                for r in rows["titles.csv"]],
        holders=_holders(rows["office_holders.csv"]),
        cues=[Cue(r["cue"], r["phrase"], r.get("value", "")) for r in rows["cues.csv"]],
        fingerprint=f"{user_dir}|{fingerprint}" if fingerprint else "",
    )  # fmt: skip
    log.debug("actor registry loaded: %d countries, %d holders", len(registry.countries),
              len(registry.holders))  # fmt: skip
    return registry


def user_actor_dir(user_data: Path | None = None) -> Path:
    """The folder of the user's own registry files (``<user_data>/actors``).

    Without ``user_data``: the folder of settings built now (``$DIPLOGRAPH_DATA``…).
    """
    return Path(user_data) / "actors" if user_data is not None else user_data_file("actors")


def get_registry(*, user_data: Path | None = None) -> Registry:
    """The merged registry, loaded once per process and reloaded when a user file changes."""
    user_dir = user_actor_dir(user_data)
    fingerprint = _fingerprint(user_dir)
    # without user files the registry is the packaged one, whatever the folder
    return _load(user_dir if fingerprint else None, fingerprint)

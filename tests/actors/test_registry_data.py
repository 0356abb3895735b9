"""Validate the actor registry data files (stdlib only, no project imports)."""

import calendar
import csv
import datetime as dt
import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "diplograph" / "actors" / "data"

COLUMNS = {
    "countries.csv": ["code", "name", "aliases", "adjectives", "metonyms", "epithets",
                      "categories", "source"],
    "igos.csv": ["code", "name", "aliases", "sector", "source"],
    "groups.csv": ["code", "sector", "name", "aliases", "source"],
    "organs.csv": ["code", "sector", "pattern", "source"],
    "titles.csv": ["pattern", "sector", "rank", "source"],
    "office_holders.csv": ["name", "aliases", "code", "sector", "role", "start", "end", "source"],
}
SECTORS = {"GOV", "MIL", "LEG", "REB", "PTY", "MED", "CVL"}
RANKS = {"head_of_state", "head_of_government", "minister", "official", "diplomat",
         "military", "legislator", "royal", "spokesperson"}
CATEGORIES = {"kingdom", "emirate", "sultanate", "republic", "islamic_republic", "gulf_state",
              "arab_state", "superpower", "african_state", "european_state", "asian_state",
              "latin_american_state", "middle_east_state",
              # documented extensions (README): regions the base set does not cover
              "north_american_state", "oceanian_state"}
CODE_RE = re.compile(r"^[A-Z]{3}$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Codes allowed in groups.csv that are not states in countries.csv.
GROUP_EXTRA_CODES = {"ESH"}  # Western Sahara (ISO 3166-1), for Polisario / SADR


def load(name):
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return reader.fieldnames, list(reader)


def split(value):
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def parse_date(value, latest):
    m = DATE_RE.match(value)
    assert m, value
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if month is None:
        return dt.date(year, 12 if latest else 1, 31 if latest else 1)
    month = int(month)
    if day is None:
        return dt.date(year, month, calendar.monthrange(year, month)[1] if latest else 1)
    return dt.date(year, month, int(day))


@pytest.fixture(scope="module")
def countries():
    return load("countries.csv")[1]


@pytest.fixture(scope="module")
def country_codes(countries):
    return {r["code"] for r in countries}


@pytest.fixture(scope="module")
def igo_codes():
    return {r["code"] for r in load("igos.csv")[1]}


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_columns_and_rows(name):
    fields, rows = load(name)
    assert fields is not None
    missing = [c for c in COLUMNS[name] if c not in fields]
    assert not missing, f"{name} lacks columns {missing}"
    assert rows, f"{name} is empty"
    for i, row in enumerate(rows, start=2):
        assert None not in row, f"{name}:{i} has extra fields"
        assert (row.get("source") or "").strip(), f"{name}:{i} has no source"


def test_countries(countries):
    codes = [r["code"] for r in countries]
    assert len(codes) >= 197
    dupes = {c for c in codes if codes.count(c) > 1}
    assert not dupes, dupes
    for r in countries:
        assert CODE_RE.match(r["code"]), r["code"]
        assert r["name"].strip(), r["code"]
        cats = split(r["categories"])
        assert cats, f"{r['code']} has no categories"
        assert set(cats) <= CATEGORIES, (r["code"], set(cats) - CATEGORIES)
    for required in ("USA", "ISR", "PSE", "XKX", "TWN", "VAT", "SAU", "ARE", "IRN"):
        assert required in codes, required
    arab = {r["code"] for r in countries if "arab_state" in split(r["categories"])}
    assert len(arab) == 22, sorted(arab)
    gulf = {r["code"] for r in countries if "gulf_state" in split(r["categories"])}
    assert gulf == {"SAU", "ARE", "QAT", "KWT", "BHR", "OMN"}


def test_no_alias_claimed_by_two_countries(countries):
    owner = {}
    clashes = []
    for r in countries:
        forms = [r["name"]]
        for col in ("aliases", "adjectives", "metonyms", "epithets"):
            forms += split(r[col])
        for form in forms:
            key = form.casefold()
            prev = owner.setdefault(key, r["code"])
            if prev != r["code"]:
                clashes.append((form, prev, r["code"]))
    assert not clashes, clashes


def test_igos(country_codes):
    _, rows = load("igos.csv")
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    for r in rows:
        assert CODE_RE.match(r["code"]), r["code"]
        assert r["code"] not in country_codes, f"IGO code {r['code']} clashes with a country"
        assert r["name"].strip() and split(r["aliases"]), r["code"]
        assert r["sector"] in SECTORS, r
    for required in ("UNO", "ARL", "GCC", "EUR", "NAT", "AFR", "IAE"):
        assert required in codes, required


def test_groups(country_codes):
    _, rows = load("groups.csv")
    for r in rows:
        code = r["code"]
        assert code == "" or code in country_codes or code in GROUP_EXTRA_CODES, r
        assert r["sector"] in SECTORS, r
        assert r["name"].strip() and split(r["aliases"]), r


def test_organs(country_codes):
    _, rows = load("organs.csv")
    for r in rows:
        assert r["code"] == "" or r["code"] in country_codes, r
        assert r["sector"] in SECTORS, r
        assert split(r["pattern"]), r
    assert any(r["code"] == "" for r in rows), "no generic templates"


def test_titles():
    _, rows = load("titles.csv")
    for r in rows:
        assert split(r["pattern"]), r
        assert r["sector"] in SECTORS, r
        assert r["rank"] in RANKS, r


def test_office_holders(country_codes, igo_codes):
    _, rows = load("office_holders.csv")
    assert len(rows) >= 200
    for i, r in enumerate(rows, start=2):
        where = f"office_holders.csv:{i} {r['name']}"
        assert r["name"].strip() and r["role"].strip(), where
        assert r["code"] in country_codes or r["code"] in igo_codes, where
        assert r["sector"] in SECTORS, where
        assert DATE_RE.match(r["start"]), where
        if r["end"]:
            assert DATE_RE.match(r["end"]), where
            assert parse_date(r["start"], latest=False) <= parse_date(r["end"], latest=True), where

"""The one date grammar (diplograph.dates): mentions in running text, read alike by each stage."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.dates import find_mentions, resolve
from diplograph.events.dates import resolve_event_date
from diplograph.relations.claims import find_dates

SRC = Path(__file__).resolve().parents[1] / "src" / "diplograph"


def kinds(text: str) -> list[tuple[str, str, str]]:
    return [(m.kind, m.prep, text[m.start : m.end]) for m in find_mentions(text)]


def test_mentions_carry_their_kind_and_preposition():
    text = "Envoys met on 4 May 2018, again since the 1990s, in early 2011 and by March."
    assert kinds(text) == [
        ("day", "on", "on 4 May 2018"),
        ("decade", "since", "since the 1990s"),
        ("year", "in", "in early 2011"),
        ("month_only", "by", "by March"),
    ]


@pytest.mark.parametrize("text", ["The 2011 accord held.", "Talks may resume.", "Room 2011."])
def test_a_bare_year_or_may_is_no_date(text):
    assert find_mentions(text) == []


def test_a_comma_after_the_month_keeps_the_day():
    text = "Oslo, 9 October, 2019 - The two envoys met."
    assert resolve_event_date(text, "2019-10-09").value == "2019-10-09"
    assert [d[2] for d in find_dates(text)] == ["2019-10-09"]


def test_events_and_claims_read_one_date_alike():
    text = "The two states cut trade ties in mid-2014."
    assert resolve_event_date(text, "2020-05-01").value == "2014"
    assert [(d[2], d[3]) for d in find_dates(text)] == [("2014", "in")]


def test_a_yearless_month_is_the_latest_by_publication():
    (mention,) = find_mentions("They met in October.")
    assert resolve(mention, "2021-03-02").value == "2020-10"
    assert resolve(mention, "2021").value == "2021-10"  # any time in 2021: October of it
    assert resolve(mention, "2021-03-02", future=True).value == "2021-10"
    assert resolve(mention, None) is None  # nothing to count from: no date


def test_a_sentence_may_name_a_later_year_a_publication_date_may_not():
    (mention,) = find_mentions("The pact runs until 2045.")
    assert resolve(mention, "2020-01-01").value == "2045"


def test_no_stage_keeps_a_date_grammar_of_its_own():
    for path in (SRC / "events" / "dates.py", SRC / "relations" / "claims.py"):
        source = path.read_text(encoding="utf-8").lower()
        assert "january" not in source and "calendar" not in source, path
    assert not (SRC / "ingest" / "dates.py").exists()


@pytest.mark.parametrize(
    ("text", "year"),
    [("They split a decade ago.", "2013"), ("They split two decades ago.", "2003"),
     ("They split more than a decade ago.", "2013"), ("They split three years ago.", "2020")],
)
def test_decades_back_count_ten_years_each(text, year):
    (mention,) = find_mentions(text)
    assert resolve(mention, "2023-04-12").value == year

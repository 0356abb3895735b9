"""Event dates: expressions resolved against the publication date, with their precision."""

from __future__ import annotations

import pytest

from diplograph.events.dates import NO_DATE, is_historical, resolve_event_date


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("They met last week.", "2019-12-05", ("2019-11", "month")),
        ("They met on Monday and Tuesday.", "2019-12-05", ("2019-12-02", "day")),
        ("They met this past weekend.", "2024-03-26", ("2024-03-23", "day")),
        ("In March, officials met.", "2022-07-02", ("2022-03", "month")),
        ("In September, officials met.", "2022-07-02", ("2021-09", "month")),
        ("In November 2020, the kingdom opened its airspace.", "2022-07-02", ("2020-11", "month")),
        ("Qatar severed trade ties in 2009.", "2022-07-02", ("2009", "year")),
        ("Last year, Netanyahu visited Oman.", "2019-12-10", ("2018", "year")),
        ("He will tour the region between July 13-16.", "2022-07-02", ("2022-07-13", "day")),
        ("They met in Cairo, Egypt, March 21, 2024.", None, ("2024-03-21", "day")),
        ("Nothing dates this.", "2022-07-02", ("2022-07-02", "day")),
        ("Nothing dates this.", "2022-07", ("2022-07", "month")),
    ],
)
def test_resolve_event_date(text, published, expected):
    got = resolve_event_date(text, published)
    assert (got.value, got.precision) == expected


def test_relative_dates_need_a_publication_date():
    assert resolve_event_date("They met on Monday.", None) == NO_DATE
    assert resolve_event_date("They met last week.", None) == NO_DATE


def test_weekday_needs_a_day_precise_publication_date():
    assert resolve_event_date("They met on Monday.", "2022-07").value == "2022-07"


def test_future_month_goes_forward():
    got = resolve_event_date("They will meet in March.", "2022-07-02", future=True)
    assert got.value == "2023-03"


def test_the_expression_nearest_the_trigger_wins():
    text = "In 2009 they quarrelled, but on Monday they met."
    assert resolve_event_date(text, "2022-07-06", anchor=text.index("met")).value == "2022-07-04"


def test_historical_means_more_than_a_year_before_or_a_past_year():
    assert is_historical(resolve_event_date("in 2009", "2022-07-02"), "2022-07-02")
    assert is_historical(resolve_event_date("In November 2020", "2022-07-02"), "2022-07-02")
    assert not is_historical(resolve_event_date("In March", "2022-07-02"), "2022-07-02")
    assert not is_historical(resolve_event_date("on Monday", "2022-07-06"), "2022-07-06")
    assert not is_historical(resolve_event_date("no date", "2022-07-06"), "2022-07-06")

"""Stated dates (parsing, URL paths, datelines) and sentence splitting of news text."""

from __future__ import annotations

import pytest

from diplograph.dates import (
    dateline_date,
    day_first_for,
    parse_date,
    stamp_date,
    url_date,
    year_of_text,
)
from diplograph.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("2022-05-11 08:42", "2022-05-11", "day"),
        ("2020-09-16T10:00:00Z", "2020-09-16", "day"),
        ("Thu, 02 Nov 2023 23:30:00 +0300", "2023-11-02", "day"),
        ("August 13, 2020", "2020-08-13", "day"),
        ("13 Aug. 2020", "2020-08-13", "day"),
        ("Sept. 2019", "2019-09", "month"),
        ("2019-12", "2019-12", "month"),
        ("2024", "2024", "year"),
        ("07.11.2019", "2019-11-07", "day"),  # dots and dashes: day first
        ("07-11-2019 08:15", "2019-11-07", "day"),
        ("25/12/2019", "2019-12-25", "day"),  # a part over 12 decides
    ],
)
def test_stated_dates_parse_at_their_precision(text, value, precision):
    found = parse_date(text)
    assert found is not None and (found.value, found.precision) == (value, precision)


@pytest.mark.parametrize("text", ["last week", "on Monday and Tuesday", "2020-13-45", ""])
def test_no_date_is_made_up(text):
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("url", "value"),
    [
        ("https://a.example/news/2020/08/13/deal", "2020-08-13"),
        ("https://a.example/2021/01/gcc-summit", "2021-01"),
        ("https://a.example/world/20230310/deal", "2023-03-10"),
        ("https://a.example/politics/15307/slug", None),
        ("https://a.example/world/2019/nov/07/summit-ends", "2019-11-07"),
    ("https://a.example/monde/2019/novembre/07/sommet", "2019-11-07"),
    ("https://a.example/world/2019/news/07/summit", None),
        ("https://a.example/world/summit-ends/?date=07-11-2019&ref=rss", "2019-11-07"),
        ("https://a.example/world/summit-ends/?id=07-11-2019", None),  # not a date parameter
    ],
)
def test_url_path_dates(url, value):
    found = url_date(url)
    assert (found.value if found else None) == value


def test_datelines_give_a_date_only_with_a_year():
    assert dateline_date("WASHINGTON, Sept. 15, 2020 (AP) — The deal").value == "2020-09-15"
    assert dateline_date("Jerusalem, 13 August 2020 -- The deal").value == "2020-08-13"
    assert dateline_date("DUBAI, Aug 13 (Reuters) - The United Arab Emirates") is None
    assert dateline_date("The talks, on Aug 13, 2020 - went well") is None


def test_a_yearless_dateline_takes_the_year_the_text_gives():
    line = "Muscat, Mar 3 (Wire) The two ministers met"
    assert dateline_date(line, year=2019).value == "2019-03-03"
    assert year_of_text("Talks began on 2 March 2019.\nThey resumed on March 2, 2019.") == 2019
    assert year_of_text("Nothing dated here.\n© 2018 Example Media") == 2018
    assert year_of_text("Nothing dated here at all.") is None


def test_the_date_inside_an_agency_credit_is_the_dateline_date():
    line = "MUSCAT (Example News / Wire - 3rd March, 2019) The two ministers met on Sunday"
    assert dateline_date(line).value == "2019-03-03"


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("March 3, 2019", "2019-03-03"),
        ("03.03.2019", "2019-03-03"),
        ("2019-03-03 06:41:09", "2019-03-03"),
        ("Posted March 3, 2019 | 06:41 AM", "2019-03-03"),
        ("Modified: 04-03-2019 10:12 GMT | Created: 03-03-2019 06:41 GMT", "2019-03-03"),
        ("Sun 3rd March 2019 | 06:41 PM", "2019-03-03"),
        ("- The Example Herald - Sunday, March 3, 2019", "2019-03-03"),
        ("Jane Roe (@janeroe) Published March 3, 2019", "2019-03-03"),
    ],
)
def test_stamp_lines_give_their_date(line, value):
    found = stamp_date(line)
    assert found is not None and found.value == value


@pytest.mark.parametrize(
    "line",
    [
        "The ministers met on March 3, 2019 in Muscat to discuss trade and a new border crossing.",
        "Two ministers met last Sunday.",
    ],
)
def test_a_sentence_that_mentions_a_date_is_not_a_stamp(line):
    assert stamp_date(line) is None


def test_slash_dates_follow_the_outlets_country():
    assert not day_first_for("https://news.example.us/a") and day_first_for("https://a.example.uk/")
    assert parse_date("03/04/2019", day_first=False).value == "2019-03-04"
    assert parse_date("03/04/2019").value == "2019-04-03"


def sentences(text: str) -> list[str]:
    out = split_sentences(text)
    assert all(text[s.start : s.end] == s.text for s in out)
    return [s.text for s in out]


def test_abbreviations_and_long_names_do_not_split():
    assert sentences(
        "U.S. Secretary of State Antony Blinken met Qatari Foreign Minister Sheikh Mohammed bin "
        "Abdulrahman bin Jassim Al Thani in Washington, D.C. on Sept. 15. They discussed Gaza."
    ) == ["U.S. Secretary of State Antony Blinken met Qatari Foreign Minister Sheikh Mohammed bin "
          "Abdulrahman bin Jassim Al Thani in Washington, D.C. on Sept. 15.",
          "They discussed Gaza."]  # fmt: skip


def test_quotes_stay_with_their_sentence():
    assert sentences("“We will not go,” he said. “Never.” The talks ended.") == [
        "“We will not go,” he said.",
        "“Never.”",
        "The talks ended.",
    ]


def test_an_abbreviation_ending_a_sentence_and_number_abbreviations():
    assert sentences("The deal was signed in the U.S. The talks ended.") == [
        "The deal was signed in the U.S.",
        "The talks ended.",
    ]
    assert sentences("No. 10 Downing St. said so.") == ["No. 10 Downing St. said so."]


def test_line_breaks_end_sentences():
    assert sentences("Israel and Oman met\nBahrain recalled its envoy.") == [
        "Israel and Oman met",
        "Bahrain recalled its envoy.",
    ]

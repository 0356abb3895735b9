"""Facet kinds, not single sentences: our own varied paraphrases through the whole pipeline.

The cases live in :mod:`tests.relations.paraphrases`; each is read as a plain-text
article (a ``Published:`` header and the sentences) by :func:`diplograph.pipeline.process`
— the real actors, events and relations stages — and its claims are checked.
"""

from __future__ import annotations

from datetime import date

import pytest
from tests.relations.paraphrases import CASES, Case

from diplograph.model import Article, RawInput
from diplograph.pipeline import process
from diplograph.relations.facets import STATE_MODALITIES
from diplograph.relations.timeline import as_of
from diplograph.store import save_article

PARAMS = [
    pytest.param(case, id=f"{group}-{index}")
    for group, cases in CASES.items()
    for index, case in enumerate(cases)
]


def read(text: str, published: str | None, source: str = "p.txt") -> Article:
    """The article a plain-text file with this publication date (or none) and body gives."""
    header = f"Published: {published}\n" if published else ""
    body = f"Title: A report\n{header}\n{text}\n"
    return process(RawInput(source=source, content=body.encode(), media_type="text/plain"))


def facts(article: Article) -> set[tuple[str, str, str, str, str | None]]:
    """(a, b, facet, value, valid_from) of the claims that change a state."""
    return {
        (c.a, c.b, c.facet, c.value, c.valid_from)
        for c in article.claims
        if c.modality in STATE_MODALITIES
    }


@pytest.mark.parametrize("case", PARAMS)
def test_paraphrase(case: Case):
    text, published, expect = case
    got = facts(read(text, published))
    for a, b, facet, value, when in expect:
        if value is None:
            assert not {f for f in got if f[:3] == (a, b, facet)}, (text, got)
        else:
            wanted = (a, b, facet, value, published if when == "pub" else when)
            assert wanted in got, (text, got)


def test_restoration_after_a_dated_background_rupture(db):
    text = (
        "Bahrain and Qatar agreed on Wednesday to restore diplomatic relations. "
        "Manama had cut ties with Doha in June 2017 along with three other states."
    )
    assert save_article(db, read(text, "2023-04-12")).stored
    held = {day: as_of(db, "BHR", "QAT", date.fromisoformat(day)) for day in
            ("2017-05-01", "2018-01-01", "2023-04-12", "2024-01-01")}  # fmt: skip
    assert "diplomatic_ties" not in held["2017-05-01"]
    assert held["2018-01-01"]["diplomatic_ties"].value == "severed"
    assert held["2023-04-12"]["diplomatic_ties"].value == "full"
    assert held["2024-01-01"]["diplomatic_ties"].value == "full"


def test_the_latest_dated_change_wins_over_better_supported_older_ones(db):
    older = (
        "Saudi Arabia severed diplomatic relations with Iran on Sunday.",
        "Riyadh cut its ties with Tehran on Sunday, the foreign minister said.",
        "On Sunday the kingdom of Saudi Arabia broke off relations with Iran.",
    )
    for text, outlet in zip(older, ("one", "two", "three"), strict=True):
        article = read(text, "2016-01-03", source=f"{outlet}.txt")
        article.outlet = outlet
        assert save_article(db, article).stored
    newer = "Riyadh and Tehran resumed diplomatic relations on Friday."
    assert save_article(db, read(newer, "2023-03-10", source="new.txt")).stored
    assert as_of(db, "IRN", "SAU", date(2020, 1, 1))["diplomatic_ties"].value == "severed"
    assert as_of(db, "IRN", "SAU", date(2023, 6, 1))["diplomatic_ties"].value == "full"


def test_an_undated_article_reports_what_follows_its_own_dates(db):
    text = (
        "Kenya downgraded relations with Somalia in 2019. "
        "Kenya's envoy will resume her work in Mogadishu, the foreign ministry said."
    )
    article = read(text, None)
    assert article.published is None
    assert save_article(db, article).stored
    assert as_of(db, "KEN", "SOM", date(2019, 6, 1)).get("diplomatic_ties") is None
    assert as_of(db, "KEN", "SOM", date(2019, 12, 31))["diplomatic_ties"].value == "downgraded"
    assert as_of(db, "KEN", "SOM", date(2021, 3, 1))["diplomatic_ties"].value == "full"


def test_an_undated_rupture_beside_an_undated_restoration_is_background(db):
    text = (
        "Morocco closed its liaison office in Israel over the uprising. "
        "Morocco and Israel have now restored diplomatic relations, officials said."
    )
    assert save_article(db, read(text, None)).stored
    assert as_of(db, "ISR", "MAR", date(2024, 1, 1))["diplomatic_ties"].value == "full"


def test_an_undated_background_rupture_in_a_later_article_does_not_undo_a_restoration(db):
    restored = "Saudi Arabia and Syria agreed on Thursday to reopen their embassies."
    assert save_article(db, read(restored, "2023-03-23", source="march.txt")).stored
    later = "Saudi Arabia, which had cut its ties with Syria, welcomed the Arab League vote."
    assert save_article(db, read(later, "2023-05-07", source="may.txt")).stored
    assert as_of(db, "SAU", "SYR", date(2023, 5, 7))["diplomatic_ties"].value == "full"


def test_an_undated_article_is_placed_no_earlier_than_the_latest_year_it_names(db):
    cut = "Bahrain cut diplomatic ties with Qatar on Monday."
    assert save_article(db, read(cut, "2017-06-05", source="cut.txt")).stored
    text = "Bahrain and Qatar restored diplomatic relations, two years after a 2021 summit."
    assert save_article(db, read(text, None, source="undated.txt")).stored
    assert as_of(db, "BHR", "QAT", date(2019, 1, 1))["diplomatic_ties"].value == "severed"
    assert as_of(db, "BHR", "QAT", date(2023, 6, 1))["diplomatic_ties"].value == "full"


def test_a_closed_embassy_beside_cut_ties_is_severed(db):
    text = "Bahrain closed its embassy in Tehran and cut its ties with Iran on Monday."
    assert save_article(db, read(text, "2016-01-05")).stored
    assert as_of(db, "BHR", "IRN", date(2016, 2, 1))["diplomatic_ties"].value == "severed"


def test_an_envoy_title_never_undoes_a_rupture(db):
    cut = "Saudi Arabia recalled its ambassador to Lebanon on Friday."
    assert save_article(db, read(cut, "2021-10-29", source="cut.txt")).stored
    later = "The Saudi ambassador to Lebanon told a radio station that Riyadh was patient."
    assert save_article(db, read(later, "2021-12-01", source="later.txt")).stored
    held = as_of(db, "LBN", "SAU", date(2022, 1, 1))["diplomatic_ties"]
    assert held.value == "downgraded"
    assert [c.value for c in held.conflicts] == ["full"]


def test_an_envoy_title_alone_answers_for_its_dyad(db):
    text = "The Qatari ambassador to Jordan met the foreign minister in Amman on Thursday."
    assert save_article(db, read(text, "2022-03-03")).stored
    assert as_of(db, "JOR", "QAT", date(2022, 3, 3))["diplomatic_ties"].value == "full"


def test_an_undated_envoy_title_never_answers_beside_a_dated_rupture(db):
    cut = "Bahrain cut diplomatic ties with Iran on Monday."
    assert save_article(db, read(cut, "2016-01-04", source="cut.txt")).stored
    undated = "Bahrain's ambassador to Iran once described the two as close neighbours."
    assert save_article(db, read(undated, None, source="undated.txt")).stored
    assert as_of(db, "BHR", "IRN", date(2016, 6, 1))["diplomatic_ties"].value == "severed"
    assert as_of(db, "BHR", "IRN", date(2015, 6, 1)).get("diplomatic_ties") is None

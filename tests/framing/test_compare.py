"""story_detail and outlet_terms over a small hand-built store (no NLP models)."""

from __future__ import annotations

import pytest

from diplograph.config import load_settings
from diplograph.errors import ConfigError, NotFoundError
from diplograph.framing.compare import outlet_terms, story_detail
from diplograph.model import (
    ActorRef,
    Article,
    Citation,
    Event,
    Mention,
    RawInput,
    Sentence,
    TermHit,
    stable_id,
)
from diplograph.store import save_article
from diplograph.stories import assign_stories
from diplograph.stories.query import list_stories

BODY_A = ("Israel and Morocco agreed to restore ties on Thursday, reported Axios. "
          "The Jewish state will reopen its liaison office in Rabat.")  # fmt: skip
BODY_B = ("The Zionist entity and Morocco agreed to restore ties on Thursday, reported Axios. "
          "Rabat will reopen its liaison office and Algeria condemned Morocco.")  # fmt: skip


def _mention(text: str, body: str, code: str, sentence: int) -> Mention:
    start = body.index(text)
    return Mention(start, start + len(text), text, code, "GOV", "country", sentence)


def _article(outlet: str, body: str, *, terms: list[tuple[str, str, str]], extra_event: bool):
    raw = RawInput(source=f"{outlet}.txt", content=body.encode(), media_type="text/plain")
    aid = stable_id(outlet)
    cut = body.index(". ") + 1
    art = Article(id=aid, source=raw.source, text=body, raw=raw, outlet=outlet,
                  title=f"Morocco and Israel restore ties | {outlet}", published="2020-12-10",
                  published_precision="day")  # fmt: skip
    art.sentences = [Sentence(0, 0, cut, body[:cut]),
                     Sentence(1, cut + 1, len(body), body[cut + 1 :])]  # fmt: skip
    first = body.split(" and ")[0]
    art.mentions = [_mention(first, body, "ISR", 0), _mention("Morocco", body, "MAR", 0)]
    art.citations = [Citation("Axios", "report", 0, "reported Axios")]
    for term, category, target in terms:
        start = body.index(term)
        art.terms.append(TermHit(term, category, body.index(term) // 1000, start,
                                 start + len(term), term, target))  # fmt: skip
    isr, mar = ActorRef("ISR", "GOV", first, 0, 6), ActorRef("MAR", "GOV", "Morocco", 11, 18)
    art.events = [Event(stable_id(aid, "e1"), aid, "AGREE", [isr, mar], [], 0, 0, cut, body[:cut])]
    if extra_event:
        dza = ActorRef("DZA", "GOV", "Algeria", 0, 7)
        art.events.append(Event(stable_id(aid, "e2"), aid, "ACCUSE", [dza], [mar], 1, cut + 1,
                                len(body), body[cut + 1 :]))  # fmt: skip
    return art


@pytest.fixture
def story_db(db):
    a = _article("Outlet A", BODY_A, terms=[("The Jewish state", "identity_label", "ISR")],
                 extra_event=False)  # fmt: skip
    b = _article("Outlet B", BODY_B, terms=[("The Zionist entity", "delegitimising_label", "ISR")],
                 extra_event=True)  # fmt: skip
    for art in (a, b):
        save_article(db, art)
    assign_stories(db, [a.id, b.id], load_settings(db=":memory:"))
    return db


def test_both_outlets_form_one_story_with_one_source(story_db):
    (row,) = list_stories(story_db)
    assert row["outlets"] == ["Outlet A", "Outlet B"]
    assert row["independent_sources"] == ["Axios"]
    assert row["title"] == "Morocco and Israel restore ties"


def test_detail_shows_naming_terms_and_omissions_per_outlet(story_db):
    (row,) = list_stories(story_db)
    detail = story_detail(story_db, row["story_id"])
    sides = {side.outlet: side for side in detail.sides}
    assert sides["Outlet B"].names["ISR"] == [("The Zionist entity", 1)]
    assert [t.category for t in sides["Outlet A"].terms] == ["identity_label"]
    assert sides["Outlet A"].terms[0].evidence.text.startswith("Israel and Morocco agreed")
    (accuse,) = [e for e in detail.events if e.event == "ACCUSE"]
    assert accuse.reported_by == ["Outlet B"] and accuse.missing_from == ["Outlet A"]
    assert sides["Outlet A"].cited == ["Axios"] and sides["Outlet A"].sources == ["Axios"]
    assert detail.to_json()["story_id"] == row["story_id"]


def test_outlet_terms_aggregates_by_outlet(story_db):
    rows = {r.outlet: r for r in outlet_terms(story_db)}
    assert rows["Outlet B"].by_category == {"delegitimising_label": 1}
    assert rows["Outlet B"].by_term == [("The Zionist entity", "delegitimising_label", "ISR", 1)]
    assert [r.outlet for r in outlet_terms(story_db, outlet="Outlet A")] == ["Outlet A"]


def test_list_filters_and_unknown_story(story_db):
    assert list_stories(story_db, actor="MAR") and not list_stories(story_db, actor="IRN")
    assert list_stories(story_db, since="2020-12-01") and not list_stories(story_db, since="2021")
    with pytest.raises(ConfigError, match="YYYY"):
        list_stories(story_db, since="last week")
    with pytest.raises(ConfigError, match="actor code"):
        list_stories(story_db, actor="IS%")
    with pytest.raises(NotFoundError, match="no story"):
        story_detail(story_db, "st-missing")

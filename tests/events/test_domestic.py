"""Events between two sectors of one state (SPEC §2): coded with both sectors, never a
country pair for relations, dyads or the dev-set triples."""

from __future__ import annotations

import pytest
from tests.events.helpers import make_article

from diplograph.actors import find_mentions
from diplograph.evaluate.events import dyads, triples
from diplograph.events import extract_events
from diplograph.model import Article, RawInput
from diplograph.nlp import parser
from diplograph.relations.claims import event_pairs
from diplograph.sentences import split_sentences


@pytest.fixture(scope="session", autouse=True)
def spacy_model():
    return parser()


def _article(text: str) -> Article:
    art = Article(id="d", source="d.txt", text=text, published="2021-03-02",
                  raw=RawInput("d.txt", text.encode(), "text/plain"))  # fmt: skip
    art.sentences = split_sentences(text)
    art.mentions = find_mentions(art)
    return art


def _parties(event) -> tuple:
    return (event.event, [(r.code, r.sector) for r in event.actor],
            [(r.code, r.sector) for r in event.recipient])  # fmt: skip


def test_troops_and_rebels_of_one_state_make_an_event_with_both_sectors():
    art = make_article("Yemeni troops attacked the rebels near the port.",
                       {"Yemeni troops": ("YEM", "MIL"), "the rebels": ("YEM", "REB")},
                       kinds={"Yemeni troops": "organ", "the rebels": "home"})  # fmt: skip
    assert [_parties(e) for e in extract_events(art)] == [
        ("ASSAULT", [("YEM", "MIL")], [("YEM", "REB")])]


def test_one_state_in_one_sector_never_faces_itself():
    art = make_article("Peru accused the Peruvian government of delays.",
                       {"Peru": ("PER", "GOV"), "the Peruvian government": ("PER", "GOV")})
    assert extract_events(art) == []


def test_police_and_protesters_resolved_from_the_sentence_are_coded():
    events = extract_events(_article("Police in Kenya arrested dozens of protesters."))
    assert [(_parties(e)[1], _parties(e)[2]) for e in events] == [
        ([("KEN", "GOV")], [("KEN", "CVL")])]


def test_a_government_against_its_own_opposition_is_coded():
    events = extract_events(_article("The Bolivian government accused the opposition of "
                                     "plotting unrest."))  # fmt: skip
    assert [_parties(e) for e in events] == [("ACCUSE", [("BOL", "GOV")], [("BOL", "PTY")])]


def test_a_domestic_event_makes_no_country_pair():
    events = extract_events(_article("Police in Kenya arrested dozens of protesters."))
    assert events
    for event in events:
        assert event_pairs(event) == [] and event_pairs(event, co_actors=True) == []
        record = {"event": event.event, "actor": [r.code for r in event.actor],
                  "recipient": [r.code for r in event.recipient]}  # fmt: skip
        assert triples(record) == set() and dyads(record) == set()


def test_a_stored_domestic_event_writes_no_dyad_row(tmp_path):
    from sqlalchemy import func, select

    from diplograph.config import load_settings
    from diplograph.pipeline import ingest
    from diplograph.store import open_database
    from diplograph.store import schema as s

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Unrest in Kenya\n\nPolice in Kenya arrested dozens of protesters "
                               "on Tuesday after a week of marches over fuel prices in the "
                               "capital and in two other towns.\n", encoding="utf-8")  # fmt: skip
    path = tmp_path / "d.db"
    db = open_database(str(path))
    ingest([str(src)], db, load_settings(db=str(path), workers=1))
    with db.engine.connect() as conn:
        events = conn.execute(select(func.count()).select_from(s.events)).scalar()
        pairs = conn.execute(select(func.count()).select_from(s.event_dyads)).scalar()
    assert (events, pairs) == (1, 0)

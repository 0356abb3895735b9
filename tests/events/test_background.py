"""Background history: counted wars, since-phrases and acts placed years back (own examples)."""

from __future__ import annotations

import pytest

from diplograph.actors import find_mentions
from diplograph.events import extract_events
from diplograph.model import Article, RawInput
from diplograph.sentences import split_sentences

pytestmark = pytest.mark.usefixtures("spacy_model", "empty_user_data")


def _events(text: str, published: str = "2021-01-05"):
    raw = RawInput("t.txt", text.encode(), "text/plain")
    art = Article(id="t", source="t.txt", text=text, raw=raw, published=published)
    art.sentences = split_sentences(text)
    art.mentions = find_mentions(art)
    return [(e.event, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient),
             e.modality) for e in extract_events(art)]  # fmt: skip


def test_a_count_of_past_wars_codes_no_assault():
    events = _events("Ethiopia and Eritrea fought three wars between them before the treaty.")
    assert not [e for e in events if e[0] == "ASSAULT"]
    events = _events("The border closed after the second of two wars between Chad and Sudan.")
    assert not [e for e in events if e[0] == "ASSAULT"]


def test_a_single_war_between_parties_is_still_coded():
    events = _events("Ethiopia launched a war on Eritrea in March.")
    assert any(e[0] == "ASSAULT" and e[1] == ("ETH",) and e[2] == ("ERI",) for e in events)


def test_a_date_in_a_since_clause_does_not_make_the_event_history():
    events = _events("Kenyan President William Ruto visited Uganda on Monday, his first trip "
                     "there since the border dispute began in 2015.")  # fmt: skip
    consult = [e for e in events if e[0] == "CONSULT"]
    assert consult and all(e[3] == "asserted" for e in consult)


def test_an_act_placed_years_before_by_an_after_clause_is_history():
    events = _events("Officials from Oman and Yemen met in Muscat on Monday, six years after "
                     "Oman severed diplomatic ties with Yemen.")  # fmt: skip
    cut = [e for e in events if e[0] == "SANCTION"]
    assert cut and all(e[3] == "historical" for e in cut)
    met = [e for e in events if e[0] == "CONSULT"]
    assert met and all(e[3] == "asserted" for e in met)


def test_a_since_date_explained_by_an_after_clause_dates_that_clause():
    events = _events("Peru and Chile have had no ambassadors since 2013, after Peru accused "
                     "Chile of spying.")  # fmt: skip
    accuse = [e for e in events if e[0] == "ACCUSE"]
    assert accuse and all(e[3] == "historical" for e in accuse)


@pytest.mark.parametrize("reason", ["citing the neighbour's hostile actions",
                                    "citing its hostile acts"])  # fmt: skip
def test_a_measure_justified_by_the_others_hostile_acts_is_an_accusation(reason):
    events = _events(f"Tunisia said on Monday that it would expel the envoy of Libya, {reason}.")
    assert any(e[0] == "ACCUSE" and e[1] == ("TUN",) and e[2] == ("LBY",) for e in events)


def test_citing_hostile_acts_of_no_one_named_accuses_no_one():
    events = _events("Tunisia expelled the envoy of Libya, citing hostile acts by unknown groups.")
    assert not [e for e in events if e[0] == "ACCUSE"]


@pytest.mark.parametrize("text", [
    "A deal between Chile and Peru that freed Peruvian assets led to the release of prisoners.",
    "Chile's deal with Peru led to the release of three prisoners.",
])  # fmt: skip
def test_a_release_that_a_deal_led_to_is_the_deals_each_way(text):
    events = _events(text)
    retreat = {(e[1], e[2]) for e in events if e[0] == "RETREAT"}
    assert {(("CHL",), ("PER",)), (("PER",), ("CHL",))} <= retreat


def test_a_release_with_no_deal_above_it_takes_no_deal_parties():
    events = _events("Chile signed a deal with Peru. The release of three prisoners followed.")
    assert not [e for e in events if e[0] == "RETREAT"]


def test_a_ceasefire_agreed_to_is_a_retreat_still_to_come():
    events = _events("Chile and Peru agreed to a ceasefire on Monday.")
    retreat = [e for e in events if e[0] == "RETREAT"]
    agree = [e for e in events if e[0] == "AGREE"]
    assert retreat and all(e[3] == "future" for e in retreat)
    assert agree and all(e[3] == "asserted" for e in agree)


def test_an_embassy_a_visit_is_made_to_open_is_a_support_to_come():
    events = _events("Kenya's president is visiting Uganda to open Kenya's embassy in Uganda.")
    support = [e for e in events if e[0] == "SUPPORT"]
    assert support and all(e[1] == ("KEN",) and e[2] == ("UGA",) and e[3] == "future"
                           for e in support)  # fmt: skip
    assert any(e[0] == "CONSULT" and e[3] == "asserted" for e in events)


def test_a_visit_to_discuss_codes_no_act_to_come():
    events = _events("Kenya's president is visiting Uganda to discuss trade.")
    assert {e[0] for e in events} == {"CONSULT"}


def test_a_past_phrase_in_a_participle_on_another_noun_is_not_the_events():
    events = _events("Kenya's president is visiting Uganda this week, building on their "
                     "relations, established ten years ago.")  # fmt: skip
    visit = [e for e in events if e[0] == "CONSULT"]
    assert visit and all(e[3] == "asserted" for e in visit)

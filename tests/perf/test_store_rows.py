"""Events written as one statement per table: every row, in event order."""

from __future__ import annotations

from sqlalchemy import select

from diplograph.ingest.clean import clean_input
from diplograph.model import ActorRef, Event, RawInput
from diplograph.store import save_article
from diplograph.store import schema as s

BODY = "Israel and Morocco agreed to restore ties. Egypt and Jordan held talks in Cairo.\n"


def ref(code: str) -> ActorRef:
    return ActorRef(code=code, sector="GOV", text=code, start=0, end=3)


def test_all_events_parties_and_dyads_of_an_article_are_stored(db):
    art = clean_input(RawInput(source="a.txt", content=BODY.encode(), media_type="text/plain"))
    art.sentences = []
    art.events = [
        Event(id="e1", article_id=art.id, event="AGREE", actor=[ref("ISR"), ref("MAR")],
              recipient=[], sentence=0, start=0, end=10, text="x", date="2020-12-10"),
        Event(id="e2", article_id=art.id, event="CONSULT", actor=[ref("EGY")],
              recipient=[ref("JOR")], mediator=[ref("USA")], sentence=1, start=11, end=20,
              text="y"),
    ]  # fmt: skip
    assert save_article(db, art).stored
    with db.connect() as conn:
        events = conn.execute(select(s.events.c.id, s.events.c.event)).all()
        parties = conn.execute(select(s.event_parties.c.event_id, s.event_parties.c.role,
                                      s.event_parties.c.code)).all()  # fmt: skip
        dyads = conn.execute(select(s.event_dyads.c.event_id, s.event_dyads.c.a,
                                    s.event_dyads.c.b, s.event_dyads.c.date)).all()  # fmt: skip
    assert sorted(events) == [("e1", "AGREE"), ("e2", "CONSULT")]
    assert sorted(parties) == [("e1", "actor", "ISR"), ("e1", "actor", "MAR"),
                               ("e2", "actor", "EGY"), ("e2", "mediator", "USA"),
                               ("e2", "recipient", "JOR")]  # fmt: skip
    assert sorted(dyads) == [("e1", "ISR", "MAR", "2020-12-10"), ("e2", "EGY", "JOR", None)]

"""Event scoring (gold/FORMAT.md "How scoring works") and the PLOVER sentence scorer."""

from __future__ import annotations

import json

from diplograph.evaluate.events import dyads, score_article, triples
from diplograph.evaluate.plover import PloverScore, load_records, plover_sections, score_record
from diplograph.model import ActorRef, Event


def ev(actor, kind, recipient=(), modality="asserted", optional=False):
    out = {"actor": list(actor), "event": kind, "recipient": list(recipient),
           "modality": modality}  # fmt: skip
    if optional:
        out["optional"] = True
    return out


def test_directed_types_expand_actor_by_recipient():
    assert triples(ev(["USA"], "REQUEST", ["ARE", "MAR"])) == {
        ("USA", "REQUEST", "ARE", False), ("USA", "REQUEST", "MAR", False)}


def test_consult_agree_cooperate_are_unordered_and_mutual_events_pair_actors():
    assert triples(ev(["ISR"], "CONSULT", ["USA"])) == {("ISR", "CONSULT", "USA", True)}
    assert triples(ev(["USA", "ISR"], "SUPPORT")) == {("ISR", "SUPPORT", "USA", True)}
    assert triples(ev(["QAT"], "ACCUSE")) == {("QAT", "ACCUSE", "", False)}


def test_directed_prediction_meets_unordered_gold_of_the_same_pair():
    gold = [ev(["EGY", "ISR"], "SUPPORT")]
    score = score_article([ev(["EGY"], "SUPPORT", ["ISR"])], gold)
    assert (score.triples.tp, score.triples.fp, score.triples.fn) == (1, 0, 0)


def test_reversed_direction_does_not_match_a_directed_gold_triple():
    score = score_article([ev(["ISR"], "REQUEST", ["QAT"])], [ev(["QAT"], "REQUEST", ["ISR"])])
    assert (score.triples.tp, score.triples.fp, score.triples.fn) == (0, 1, 1)
    assert score.dyads.tp == 1


def test_optional_gold_is_neither_required_nor_penalised():
    gold = [ev(["USA"], "REQUEST", ["SAU"]), ev(["USA"], "REQUEST", ["ISR"], optional=True)]
    only_required = score_article([ev(["USA"], "REQUEST", ["SAU"])], gold)
    with_optional = score_article([ev(["USA"], "REQUEST", ["SAU", "ISR"])], gold)
    for s in (only_required, with_optional):
        assert (s.triples.tp, s.triples.fp, s.triples.fn) == (1, 0, 0)


def test_modality_is_scored_on_matched_triples_and_any_gold_modality_counts():
    gold = [ev(["ISR"], "CONSULT", ["OMN"], "historical"), ev(["ISR"], "CONSULT", ["OMN"])]
    s = score_article([ev(["OMN"], "CONSULT", ["ISR"], "historical")], gold)
    assert (s.modality_ok, s.modality_n) == (1, 1)
    s = score_article([ev(["OMN"], "CONSULT", ["ISR"], "future")], gold)
    assert (s.modality_ok, s.modality_n) == (0, 1)


def test_dyads_are_unordered_distinct_pairs():
    assert dyads(ev(["USA", "ISR"], "CONSULT", ["ISR"])) == {("ISR", "USA")}


def test_predictions_with_party_objects_are_read_by_code():
    pred = [{"actor": [{"code": "USA"}], "event": "REQUEST", "recipient": [{"code": "SAU"}],
             "modality": "future"}]  # fmt: skip
    s = score_article(pred, [ev(["USA"], "REQUEST", ["SAU"], "future")])
    assert s.triples.tp == 1 and s.modality_ok == 1


def _event(kind, actors, recipients, confidence=0.5):
    refs = [ActorRef(c, "GOV", c, 0, 1) for c in actors]
    recs = [ActorRef(c, "GOV", c, 0, 1) for c in recipients]
    return Event(id=kind, article_id="a", event=kind, actor=refs, recipient=recs, sentence=0,
                 start=0, end=1, text="x", confidence=confidence)


def test_plover_record_scoring_maps_old_labels_and_compares_country_codes():
    total = PloverScore()
    record = {"event": "DEMAND", "source": [{"code": "USAGOV"}], "target": [{"code": "IRN"}]}
    score_record(record, [_event("ACCUSE", ["USA"], ["IRN"], 0.2),
                          _event("REQUEST", ["USA"], ["IRN"], 0.9)], total)  # fmt: skip
    score_record({"event": "FIGHT", "source": [{"code": "RUS"}], "target": []}, [], total)
    assert (total.sentences, total.with_event, total.correct) == (2, 1, 1)
    assert (total.actors.tp, total.actors.fn, total.recipients.tp) == (1, 1, 1)
    metrics = plover_sections(total)[0].metrics
    assert metrics["type_accuracy_with_event"] == 1.0 and metrics["type_accuracy_all"] == 0.5


def test_plover_loader_skips_the_document_header(tmp_path):
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps([{"id": "h", "event": "DOCUMENT", "eventText": "x"},
                                {"id": "1", "event": "AGREE", "text": "A agreed with B."}]))
    assert [r["id"] for r in load_records(path)] == ["1"]

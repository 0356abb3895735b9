"""The relations scorer: distinct gold facts, acceptable values, as-of at the period's end."""

from __future__ import annotations

import json

from tests.relations.helpers import claim, store_claims

from diplograph.evaluate.context import match_gold
from diplograph.evaluate.gold import load_gold
from diplograph.evaluate.relations import score


def test_scorer_counts_distinct_facts_and_reads_years_as_their_last_day(db, tmp_path):
    store_claims(
        db,
        [
            claim(
                "ISR",
                "QAT",
                "trade",
                "severed",
                "2009",
                asserted_on="2022-07",
                modality="historical",
            ),
            claim("ISR", "QAT", "diplomatic_ties", "none", "2022-07", kind="state"),
        ],
        article_id="a1",
        published="2022-07",
    )
    gold = [
        {
            "file": "a1.txt",
            "relations": [
                {"a": "QAT", "b": "ISR", "facet": "trade", "value": "severed", "as_of": "2009"},
                {
                    "a": "ISR",
                    "b": "QAT",
                    "facet": "diplomatic_ties",
                    "value": ["none", "informal"],
                    "as_of": "2022-07",
                },
                {"a": "ISR", "b": "QAT", "facet": "trade", "value": "open", "as_of": "2008"},
            ],
        },
        {
            "file": "other.txt",
            "relations": [
                {"a": "ISR", "b": "QAT", "facet": "trade", "value": "severed", "as_of": "2009"}
            ],
        },
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(g) for g in gold))
    (section,) = score(match_gold(db, load_gold(path)))
    assert section.metrics == {"accuracy": round(2 / 3, 4), "facts": 3, "right": 2}
    assert ["ISR", "QAT", "trade", "2008", "open", "-", "no"] in section.rows


def test_duplicate_facts_accept_only_values_all_annotations_accept(db, tmp_path):
    store_claims(
        db,
        [claim("ISR", "MAR", "diplomatic_ties", "informal", "2019-12", kind="state")],
        article_id="a1",
        published="2019-12",
    )
    fact = {"a": "ISR", "b": "MAR", "facet": "diplomatic_ties", "as_of": "2019-12"}
    gold = [
        {"file": "a1.txt", "relations": [{**fact, "value": "none"}]},
        {"file": "a2.txt", "relations": [{**fact, "value": ["none", "informal"]}]},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(g) for g in gold))
    (section,) = score(match_gold(db, load_gold(path)))
    assert section.metrics["right"] == 0 and section.metrics["facts"] == 1

"""The boilerplate and date scorers (gold/FORMAT.md), and the scores on the shared corpora."""

from __future__ import annotations

import json

import pytest
from tests.conftest import EXAMPLES
from tests.ingest.helpers import write
from typer.testing import CliRunner

from diplograph.cli import app

runner = CliRunner()


def evaluate(tmp_path, corpus, gold) -> dict:
    db = str(tmp_path / "eval.db")
    result = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--workers", "1"])
    assert result.exit_code == 0, result.output
    scored = runner.invoke(app, ["eval", "--gold", str(gold), "--db", db, "--json"])
    assert scored.exit_code == 0, scored.output
    return json.loads(scored.stdout)["sections"]


def test_scorers_follow_the_gold_format(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    write(corpus / "a.txt", "Title: Oman hosts talks\nPublished: 2020-08-13\n\n"  # lines 1-3
          "Oman hosts talks\n"  # 4: repeats the title, kept as title: not boilerplate
          "Oman and Israel held talks in Muscat on Thursday, officials said.\n"  # 5
          "\n"  # 6: empty, never scored
          "Follow us on Twitter\n"  # 7: boilerplate, removed (tp)
          "The talks will resume next month.\n"  # 8: body, kept (tn)
          "Sign up for our newsletter\n")  # 9: uncertain: not scored  # fmt: skip
    gold = write(tmp_path / "gold.jsonl", json.dumps({
        "file": "a.txt", "url": None, "published": "2020-08", "published_basis": "header",
        "boilerplate_lines": [7, 8], "uncertain_lines": [9]}) + "\n")  # fmt: skip
    sections = evaluate(tmp_path, corpus, gold)
    assert sections["boilerplate lines"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667,
                                             "tp": 1, "fp": 0, "fn": 1}  # fmt: skip
    assert sections["publication dates"]["stated_accuracy"] == 1.0  # month precision agrees


def test_seed_boilerplate_and_stated_dates(tmp_path, seeds, seed_gold):
    sections = evaluate(tmp_path, seeds, seed_gold)
    assert sections["boilerplate lines"]["f1"] >= 0.95
    assert sections["publication dates"]["stated_accuracy"] == 1.0


@pytest.mark.skipif(not (EXAMPLES.parent / "corpus.gold.jsonl").is_file(),
                    reason="examples/corpus.gold.jsonl is not present")  # fmt: skip
def test_demo_corpus_boilerplate_and_stated_dates(tmp_path):
    sections = evaluate(tmp_path, EXAMPLES, EXAMPLES.parent / "corpus.gold.jsonl")
    assert sections["boilerplate lines"]["f1"] >= 0.95
    assert sections["publication dates"]["stated_accuracy"] == 1.0

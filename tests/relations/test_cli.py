"""The ``diplograph relations`` command and ``export relations`` (CliRunner, real SQLite)."""

from __future__ import annotations

import json

from tests.relations.helpers import claim, store_claims
from typer.testing import CliRunner

from diplograph.cli import app

runner = CliRunner()


def _store(db):
    store_claims(
        db,
        [
            claim(
                "ISR",
                "MAR",
                "diplomatic_ties",
                "none",
                "2019-12",
                kind="state",
                text="Israel and Morocco have no official diplomatic ties.",
            )
        ],
        article_id="a1",
        published="2019-12",
        outlet="one.example",
    )
    store_claims(
        db,
        [
            claim(
                "ISR",
                "MAR",
                "diplomatic_ties",
                "full",
                "2020",
                asserted_on="2022-07",
                modality="historical",
            ),
            claim(
                "ISR",
                "MAR",
                "normalization",
                "signed",
                "2020",
                asserted_on="2022-07",
                modality="historical",
            ),
        ],
        article_id="a2",
        published="2022-07",
        outlet="two.example",
    )


def _run(db, *args):
    return runner.invoke(app, ["relations", *args, "--db", db.url.removeprefix("sqlite:///")])


def test_as_of_table_shows_value_and_the_sentence_it_rests_on(db):
    _store(db)
    result = _run(db, "ISR", "MAR", "--as-of", "2019-12-31")
    assert result.exit_code == 0, result.output
    assert "none" in result.output and "one.example" in result.output
    assert "full" not in result.output


def test_json_prints_spec_objects_for_the_date(db):
    _store(db)
    result = _run(db, "MAR", "ISR", "--as-of", "2021", "--json")
    assert result.exit_code == 0, result.output
    objs = [json.loads(line) for line in result.output.splitlines()]
    assert [(o["a"], o["b"], o["facet"], o["value"]) for o in objs] == [
        ("ISR", "MAR", "diplomatic_ties", "full"),
        ("ISR", "MAR", "normalization", "signed"),
    ]


def test_partners_and_timeline_modes(db):
    _store(db)
    partners = _run(db, "ISR", "--as-of", "2021-06-30", "--json")
    assert {json.loads(line)["b"] for line in partners.output.splitlines()} == {"MAR"}
    lines = _run(db, "ISR", "MAR", "--timeline", "--json").output.splitlines()
    assert [json.loads(line)["value"] for line in lines] == ["none", "full", "signed"]


def test_chart_is_written_as_svg_or_png(db, tmp_path):
    _store(db)
    svg, png = tmp_path / "t.svg", tmp_path / "t.png"
    assert _run(db, "ISR", "MAR", "--chart", str(svg)).exit_code == 0
    assert _run(db, "ISR", "MAR", "--chart", str(png)).exit_code == 0
    assert "<svg" in svg.read_text()
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    bad = _run(db, "ISR", "MAR", "--chart", str(tmp_path / "t.gif"))
    assert bad.exit_code == 2 and ".png or .svg" in bad.output


def test_bad_code_or_date_is_a_clear_error(db):
    result = _run(db, "ISR", "Morocco")
    assert result.exit_code == 2 and "three letters" in result.output
    result = _run(db, "ISR", "MAR", "--as-of", "yesterday")
    assert result.exit_code == 2 and "YYYY" in result.output


def test_export_relations_writes_json_lines(db):
    _store(db)
    result = runner.invoke(app, ["export", "relations", "--db", db.url.removeprefix("sqlite:///")])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [(r["facet"], r["value"], r["valid_to"]) for r in rows] == [
        ("diplomatic_ties", "none", "2020"),
        ("diplomatic_ties", "full", None),
        ("normalization", "signed", None),
    ]

"""The story commands end to end: ingest, `stories`, `story ID`, `export stories`."""

from __future__ import annotations

import json

from tests.stories.conftest import FIXTURES
from typer.testing import CliRunner

from diplograph.cli import app

runner = CliRunner()


def test_stories_story_and_export(tmp_path):
    db = str(tmp_path / "cli.db")
    files = [str(FIXTURES / n) for n in ("d1_levantpost_tiran.txt", "d2_gulfpulse_tiran.txt",
                                         "g1_anatoliatimes_newyork.txt")]  # fmt: skip
    assert runner.invoke(app, ["ingest", *files, "--db", db, "--workers", "1"]).exit_code == 0
    listed = runner.invoke(app, ["stories", "--db", db, "--json"])
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [r["first_seen"] for r in rows] == ["2023-09-20", "2022-05-24"]
    only = runner.invoke(app, ["stories", "--db", db, "--json", "--actor", "EGY"])
    assert [json.loads(x)["independent_sources"] for x in only.stdout.splitlines()] == [["Axios"]]
    table = runner.invoke(app, ["stories", "--db", db, "--since", "2023-01-01"])
    assert "Erdogan" in table.stdout and "Red Sea" not in table.stdout
    sid = rows[1]["story_id"]
    shown = runner.invoke(app, ["story", sid, "--db", db])
    assert shown.exit_code == 0 and "Gulf Pulse" in shown.stdout and "Axios" in shown.stdout
    detail = json.loads(runner.invoke(app, ["story", sid, "--db", db, "--json"]).stdout)
    assert sorted(side["outlet"] for side in detail["sides"]) == ["Gulf Pulse", "Levant Post"]
    exported = runner.invoke(app, ["export", "stories", "--db", db])
    first = json.loads(exported.stdout.splitlines()[0])
    assert first["story_id"] == sid and len(first["article_ids"]) == 2
    articles = [json.loads(x) for x in runner.invoke(app, ["export", "articles", "--db", db])
                .stdout.splitlines()]  # fmt: skip
    assert sorted(a["story_id"] == sid for a in articles) == [False, True, True]


def test_unknown_story_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["story", "st-nope", "--db", str(tmp_path / "e.db")])
    assert result.exit_code == 2
    assert "no story 'st-nope'" in result.output

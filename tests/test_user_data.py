"""User data under $DIPLOGRAPH_DATA: read when settings are built; merged for every file named."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from diplograph.actors.registry import user_actor_dir
from diplograph.cli import app
from diplograph.config import load_settings, user_data_file

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ("URL: https://user.example/2020/05/04/envoys\nPublished: 2020-05-04\n\n"
           "Norway confabulated with Chile in Oslo on Tuesday about fishing quotas.\n"
           "Norway and Chile swapped envoys after the meeting, officials said.\n")  # fmt: skip


def test_the_user_data_folder_is_read_when_settings_are_built(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_DATA", str(tmp_path / "mine"))
    assert load_settings().user_data == tmp_path / "mine"
    assert user_data_file("events", "triggers.csv") == tmp_path / "mine/events/triggers.csv"
    assert user_actor_dir() == tmp_path / "mine" / "actors"
    monkeypatch.delenv("DIPLOGRAPH_DATA")
    assert load_settings().user_data == Path.home() / ".config" / "diplograph"


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    paths = os.pathsep.join([str(ROOT / "src"), str(ROOT)])
    return subprocess.run([sys.executable, "-m", "diplograph", *args], capture_output=True,
                          text=True, timeout=300, env={**os.environ, **env,
                                                       "PYTHONPATH": paths})  # fmt: skip


def _export(db: Path, what: str) -> list[dict]:
    result = CliRunner().invoke(app, ["export", what, "--db", str(db)])
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def test_user_event_triggers_and_relation_patterns_are_merged(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    mine = tmp_path / "mine"
    (mine / "events").mkdir(parents=True)
    (mine / "relations").mkdir()
    (mine / "events" / "triggers.csv").write_text(
        "pattern,pos,type,mode,context,weight,roles,preps,notes\n"
        "confabulate,VERB,CONSULT,,diplomatic,0.9,,,a test verb\n", encoding="utf-8")
    (mine / "relations" / "stative.csv").write_text(
        "id,facet,value,kind,modality,pattern\n"
        "swapped_envoys,diplomatic_ties,full,change,,\\bswapped\\s+envoys\\b\n", encoding="utf-8")

    plain, merged = tmp_path / "plain.db", tmp_path / "merged.db"
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(plain), "--workers", "1"])
    assert result.exit_code == 0, result.output
    done = _run("ingest", str(corpus), "--db", str(merged), "--workers", "1",
                env={"DIPLOGRAPH_DATA": str(mine)})  # fmt: skip
    assert done.returncode == 0, done.stderr

    def confabulated(db: Path) -> list[dict]:
        return [e for e in _export(db, "events") if "confabulated" in e["text"]]

    assert confabulated(plain) == []  # the packaged lexicon does not know the verb
    [event] = confabulated(merged)
    assert event["event"] == "CONSULT"
    assert {p["code"] for p in event["actor"] + event["recipient"]} == {"NOR", "CHL"}

    def envoy_claims(db: Path) -> list[tuple]:
        return [(r["a"], r["b"], r["value"], c["sentence"]) for r in _export(db, "relations")
                if r["facet"] == "diplomatic_ties" for c in r["claims"]]  # fmt: skip

    assert envoy_claims(plain) == []
    assert envoy_claims(merged) == [("CHL", "NOR", "full", 1)]

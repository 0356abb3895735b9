

def test_control_characters_are_dropped_and_a_record_of_only_controls_fails(tmp_path):
    import json as _json

    from typer.testing import CliRunner as _Runner

    from diplograph.cli import app as _app

    feed = tmp_path / "records.jsonl"
    feed.write_text(
        _json.dumps({"url": "https://x.example/1", "text": "Oman and\x03 Israel held\x02 talks."})
        + "\n" + _json.dumps({"url": "https://x.example/2", "text": "\x00\x00"}) + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "t.db"
    result = _Runner().invoke(_app, ["ingest", str(feed), "--db", str(db)])
    assert result.exit_code == 1
    assert "records.jsonl#2" in result.output
    exported = _Runner().invoke(_app, ["export", "articles", "--db", str(db)])
    [row] = [_json.loads(line) for line in exported.stdout.splitlines()]
    assert row["text"] == "Oman and Israel held talks."

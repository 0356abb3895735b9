"""SIGKILL during an ingest: workers do not outlive their parent; a re-run repairs the store."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psutil
from typer.testing import CliRunner

from diplograph.cli import app

ROOT = Path(__file__).resolve().parents[1]
PAIRS = [("Norway", "Chile"), ("Peru", "Kenya"), ("Ghana", "Nepal"), ("Japan", "Brazil"),
         ("Oman", "Iceland"), ("Canada", "Vietnam")]  # fmt: skip
VERBS = ["held talks about fishing rights in", "signed a trade agreement in",
         "agreed to open embassies, officials said in", "discussed a visa deal in"]  # fmt: skip


def corpus(path: Path, count: int) -> Path:
    """``count`` distinct short articles, one JSON line each."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(count):
            a, b = PAIRS[i % len(PAIRS)]
            verb = VERBS[i % len(VERBS)]
            text = (f"{a} and {b} {verb} the capital on day {i} of the month. "
                    f"Ministers from {a} met their {b} counterparts for round {i}.")  # fmt: skip
            fh.write(
                json.dumps(
                    {
                        "url": f"https://crash.example/{i}",
                        "title": f"Round {i}",
                        "published": f"2023-03-{1 + i % 28:02d}",
                        "text": text,
                    }
                )
                + "\n"
            )
    return path


def start_ingest(source: Path, db: Path, workers: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    return subprocess.Popen(
        [sys.executable, "-m", "diplograph", "ingest", str(source), "--db", str(db),
         "--workers", str(workers)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip


def wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def alive(proc: psutil.Process) -> bool:
    try:
        return proc.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_pool_workers_exit_when_the_parent_is_killed(tmp_path):
    proc = start_ingest(corpus(tmp_path / "in.jsonl", 400), tmp_path / "t.db", workers=2)
    parent = psutil.Process(proc.pid)
    try:
        assert wait_for(lambda: len(parent.children()) >= 2, 90), "the pool never started"
        workers = parent.children()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        assert wait_for(lambda: not any(alive(w) for w in workers), 10), [
            w.pid for w in workers if alive(w)]  # fmt: skip
    finally:
        for child in psutil.Process(proc.pid).children() if alive(parent) else []:
            child.kill()
        if proc.poll() is None:
            proc.kill()


def export(db: Path, what: str) -> list[dict]:
    result = CliRunner().invoke(app, ["export", what, "--db", str(db)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def partition(db: Path) -> set[frozenset[str]]:
    """The stories as sets of article URLs (ids aside: tests/stories checks those)."""
    groups: dict[str, set[str]] = {}
    for row in export(db, "articles"):
        groups.setdefault(row.pop("story_id"), set()).add(row["url"])
    return {frozenset(g) for g in groups.values()}


#: Enough records that the kill lands mid-run (the writer stores them in chunks of 16).
COUNT = 120


def test_a_rerun_after_sigkill_stores_what_a_clean_run_stores(tmp_path):
    source = corpus(tmp_path / "in.jsonl", COUNT)
    clean, crashed = tmp_path / "clean.db", tmp_path / "crashed.db"
    proc = start_ingest(source, crashed, workers=2)
    try:
        assert wait_for(lambda: stored(crashed) >= 3, 120), "nothing was stored"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the parent and its workers at once
        proc.wait(10)
    assert 0 < stored(crashed) < COUNT
    runner = CliRunner()
    for db in (crashed, clean):
        result = runner.invoke(app, ["ingest", str(source), "--db", str(db), "--workers", "1"])
        assert result.exit_code == 0, result.output
    assert stored(crashed) == COUNT

    def without_story(db: Path) -> list[dict]:
        return [{k: v for k, v in row.items() if k != "story_id"} for row in export(db, "articles")]

    assert without_story(crashed) == without_story(clean)
    assert export(crashed, "events") == export(clean, "events")
    with sqlite3.connect(crashed) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        unclustered = "SELECT count(*) FROM articles WHERE story_id IS NULL"
        assert conn.execute(unclustered).fetchone() == (0,)
    # Placement waits for the end of a run and takes the unplaced articles in one canonical
    # order, so a killed run re-run groups near-identical articles as a clean run does.
    assert partition(crashed) == partition(clean)
    with sqlite3.connect(clean) as conn:  # and no chain of daily rounds outgrows the window
        widest = "SELECT max(julianday(last_seen) - julianday(first_seen)) FROM stories"
        assert conn.execute(widest).fetchone()[0] <= 3

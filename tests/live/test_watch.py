"""``diplograph watch DIR``: files are ingested as they land, partial ones are left alone."""

from __future__ import annotations

import threading
import time

import pytest

from diplograph.errors import ConfigError
from diplograph.live.watch import wanted, watch_folder
from diplograph.store import iter_articles

NOTE = ("Title: Kenya and Ethiopia open a new border post\nOutlet: east.example\n"
        "Published: 2024-04-02\n\nKenya and Ethiopia opened a joint border post at Moyale on "
        "Tuesday, cutting the time trucks wait to cross from two days to a few hours.\n")
LATER = ("Title: Chile and Argentina agree on a pass schedule\nOutlet: south.example\n"
         "Published: 2024-05-06\n\nChile and Argentina agreed on Monday to keep the Cristo "
         "Redentor pass open at night during the summer season.\n")


def _wait(condition, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("the watcher did not ingest in time")
        time.sleep(0.05)


def test_files_landing_in_the_folder_are_ingested_and_partial_ones_ignored(tmp_path, db,
                                                                          settings):  # fmt: skip
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "first.txt").write_text(NOTE, encoding="utf-8")
    batches: list[list[str]] = []
    stop = threading.Event()

    def run() -> None:
        watch_folder(inbox, db, settings, stop=stop, settle_ms=100,
                     on_batch=lambda report, paths: batches.append(paths))  # fmt: skip

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        _wait(lambda: len(batches) >= 1)  # the files already there
        time.sleep(0.5)  # let the watcher start listening
        (inbox / "second.txt.part").write_text(LATER, encoding="utf-8")
        (inbox / ".hidden.txt").write_text(LATER, encoding="utf-8")
        (inbox / "second.txt.part").rename(inbox / "second.txt")  # the way writers finish
        _wait(lambda: any(p.endswith("second.txt") for b in batches for p in b))
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()
    sources = sorted(a["source"] for a in iter_articles(db))
    assert sources == ["first.txt", "second.txt"]
    seen = [p for b in batches[1:] for p in b]
    assert not any(p.endswith((".part", ".hidden.txt")) for p in seen)


def test_watching_a_missing_folder_says_so(tmp_path, db, settings):
    with pytest.raises(ConfigError, match="is not a folder"):
        watch_folder(tmp_path / "nope", db, settings, on_batch=lambda r, p: None)


def test_hidden_and_partial_names_are_not_inputs(tmp_path):
    assert wanted(str(tmp_path / "a" / "story.html"), tmp_path)
    for name in ("story.html.part", "story.tmp", "draft~", ".story.html", "x.crdownload"):
        assert not wanted(str(tmp_path / name), tmp_path)
    assert not wanted(str(tmp_path / ".git" / "HEAD"), tmp_path)

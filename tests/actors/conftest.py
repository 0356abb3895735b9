"""Fixtures for the actor tests: an empty user registry folder and an article builder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from diplograph.model import Article, RawInput
from diplograph.sentences import split_sentences


@pytest.fixture(autouse=True)
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the registry at an empty user folder, so a real ~/.config cannot leak in."""
    folder = tmp_path / "userdata"
    folder.mkdir()
    monkeypatch.setenv("DIPLOGRAPH_DATA", str(folder))
    return folder


@pytest.fixture
def article() -> Callable[..., Article]:
    """Build an Article from text (sentences split the way the pipeline splits them)."""

    def build(text: str, published: str | None = None) -> Article:
        art = Article(id="t", source="t.txt", text=text,
                      raw=RawInput("t.txt", text.encode(), "text/plain"), published=published)
        art.sentences = split_sentences(text)
        return art

    return build

"""Fixtures the event tests opt into with ``pytest.mark.usefixtures``."""

from __future__ import annotations

import pytest

from diplograph.nlp import parser


@pytest.fixture(scope="module")
def spacy_model():
    """Load the parser once per module."""
    return parser()


@pytest.fixture
def empty_user_data(tmp_path, monkeypatch):
    """An empty user registry folder, so a real ~/.config cannot leak in."""
    folder = tmp_path / "userdata"
    folder.mkdir()
    monkeypatch.setenv("DIPLOGRAPH_DATA", str(folder))

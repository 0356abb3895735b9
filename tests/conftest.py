"""Shared fixtures: a fresh SQLite store per test, the shared seed corpus when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.store import open_database

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SEED_GOLD = SHARED / "gold" / "seeds.gold.jsonl"
EXAMPLES = ROOT / "examples" / "corpus"


@pytest.fixture
def db(tmp_path):
    """An empty, migrated SQLite store in a temporary folder."""
    database = open_database(str(tmp_path / "test.db"))
    yield database
    database.close()


@pytest.fixture
def seeds() -> Path:
    """The five real seed articles in ../shared (skipped when ../shared is absent)."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not present beside this checkout")
    return SEEDS


@pytest.fixture
def seed_gold() -> Path:
    """The gold annotations of the seeds in ../shared (skipped when absent)."""
    if not SEED_GOLD.is_file():
        pytest.skip("../shared/gold/seeds.gold.jsonl is not present beside this checkout")
    return SEED_GOLD

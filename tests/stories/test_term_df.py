"""Store-wide term weights: ``term_df`` counts the stored signatures' terms through
ingest, reprocess and migration 0005, and clustering's IDF reads it."""

from __future__ import annotations

import json
from collections import Counter

import numpy as np
from alembic import command
from sqlalchemy import select

from diplograph.config import load_settings
from diplograph.pipeline import ingest
from diplograph.reprocess import reprocess_all
from diplograph.store import open_database
from diplograph.store import schema as s
from diplograph.store.database import alembic_config
from diplograph.store.term_df import document_frequencies, signature_count, vector_terms
from diplograph.stories.signature import DocumentFrequencies, term_counts

TEXTS = [
    ("Lighthouse keepers meet", "Keepers of the northern lighthouses met in Tromso to share "
     "notes on fog signals and lamp oil."),
    ("Fog signal rules agreed", "The lighthouse keepers agreed common fog signal rules for the "
     "coast, a spokesman said."),
    ("Orchard growers protest", "Apple growers drove tractors to the market square to protest "
     "low prices for cider fruit."),
]  # fmt: skip


def _store(tmp_path, texts=TEXTS):
    src = tmp_path / "in.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i, (title, text) in enumerate(texts):
            fh.write(json.dumps({"url": f"https://df.example/{i}", "title": title,
                                 "published": f"2024-02-0{1 + i}", "text": text}) + "\n")
    path = tmp_path / "df.db"
    db = open_database(str(path))
    ingest([str(src)], db, load_settings(db=str(path), workers=1))
    return db, path


def _recount(db) -> dict[int, int]:
    counts: Counter[int] = Counter()
    with db.connect() as conn:
        for blob in conn.execute(select(s.article_signatures.c.vector)).scalars():
            counts.update(vector_terms(blob))
    return dict(counts)


def _table(db) -> dict[int, int]:
    with db.connect() as conn:
        return dict(conn.execute(select(s.term_df.c.term, s.term_df.c.df)).all())


def _term(word: str) -> int:
    return int(term_counts([(None, word)]).indices[0])


def test_term_df_counts_the_stored_signatures_through_ingest_and_reprocess(tmp_path):
    db, path = _store(tmp_path)
    counted = _table(db)
    assert counted == _recount(db) and counted
    assert counted[_term("keepers")] == 2 and counted[_term("tractors")] == 1
    reprocess_all(db, load_settings(db=str(path), workers=1))
    assert _table(db) == counted  # unchanged articles: not counted twice
    db.close()


def test_migration_0005_fills_term_df_from_stored_signatures(tmp_path):
    db, path = _store(tmp_path)
    counted = _table(db)
    with db.begin() as conn:
        command.downgrade(alembic_config(conn), "0004_story_index")
    db.close()
    db = open_database(str(path))  # upgraded again: the table is rebuilt from the signatures
    assert _table(db) == counted
    db.close()


def test_idf_comes_from_the_whole_store_and_the_articles_being_placed(tmp_path):
    db, _ = _store(tmp_path)
    with db.connect() as conn:
        stored = signature_count(conn)
        pending = term_counts([(None, "tractors tractors lamp")])
        vec = (pending.indices.astype("<u4"), pending.data.astype("<f4"))
        weights = DocumentFrequencies(stored, lambda t: document_frequencies(conn, t), [vec])
        keepers, tractors, unseen = weights.idf(np.array([_term("keepers"), _term("tractors"),
                                                          _term("zeppelin")]))  # fmt: skip
    assert stored == 3 and weights.documents == 4
    # keepers: 2 of 4 documents; tractors: 1 stored + 1 pending; a word no one used: 0.
    assert np.isclose(keepers, np.log(5 / 3) + 1) and np.isclose(tractors, keepers)
    assert unseen > keepers
    db.close()

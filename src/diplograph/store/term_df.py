"""SQL for ``term_df``: the store-wide document frequency of each hashed signature term.

Story clustering's IDF is read from here (``stories.signature.DocumentFrequencies``),
so term weights are those of the whole store, not of the few dozen articles of
one pool. Every write or delete of an ``article_signatures`` row goes through
:func:`count_terms` in the same transaction, so the table always counts the
signatures stored.
"""

from __future__ import annotations

import struct
from collections import Counter
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, bindparam, delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from diplograph.store import schema as s

_CHUNK = 500


def vector_terms(blob: bytes | None) -> set[int]:
    """The term indices of a packed signature vector (``stories.signature.vector_bytes``)."""
    if not blob or len(blob) < 8:
        return set()
    _, nnz = struct.unpack_from("<II", blob)
    return set(struct.unpack_from(f"<{nnz}I", blob, 8))


def stored_vectors(conn: Connection, article_ids: Sequence[str]) -> list[bytes | None]:
    """The packed vectors of the stored signatures of ``article_ids``."""
    out: list[bytes | None] = []
    ids = list(article_ids)
    for start in range(0, len(ids), _CHUNK):
        q = select(s.article_signatures.c.vector).where(
            s.article_signatures.c.article_id.in_(ids[start : start + _CHUNK]))
        out += list(conn.execute(q).scalars())
    return out


def count_terms(
    conn: Connection, *, added: Iterable[bytes | None] = (), removed: Iterable[bytes | None] = ()
) -> None:
    """Add the terms of the ``added`` vectors to ``term_df``, take those of ``removed`` away."""
    delta: Counter[int] = Counter()
    for blob in added:
        delta.update(vector_terms(blob))
    for blob in removed:
        delta.subtract(vector_terms(blob))
    ups = [{"term": t, "df": n} for t, n in delta.items() if n > 0]
    downs = [{"t": t, "n": -n} for t, n in delta.items() if n < 0]
    if ups:
        make = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
        stmt = make(s.term_df)
        stmt = stmt.on_conflict_do_update(index_elements=["term"],
                                          set_={"df": s.term_df.c.df + stmt.excluded.df})
        conn.execute(stmt, ups)
    if downs:
        conn.execute(update(s.term_df).where(s.term_df.c.term == bindparam("t"))
                     .values(df=s.term_df.c.df - bindparam("n")), downs)  # fmt: skip
        gone = [d["t"] for d in downs]
        for start in range(0, len(gone), _CHUNK):
            conn.execute(delete(s.term_df).where(s.term_df.c.term.in_(gone[start : start + _CHUNK]),
                                                 s.term_df.c.df <= 0))  # fmt: skip


def document_frequencies(conn: Connection, terms: Sequence[int]) -> dict[int, int]:
    """The stored document frequency of each of ``terms`` that some signature holds."""
    out: dict[int, int] = {}
    terms = [int(t) for t in terms]
    for start in range(0, len(terms), _CHUNK):
        rows = conn.execute(select(s.term_df.c.term, s.term_df.c.df)
                            .where(s.term_df.c.term.in_(terms[start : start + _CHUNK]))).all()
        out.update({t: n for t, n in rows})
    return out


def signature_count(conn: Connection) -> int:
    """The number of stored signatures (the documents ``term_df`` counts)."""
    return conn.execute(select(func.count()).select_from(s.article_signatures)).scalar_one()


def signed(conn: Connection, article_ids: Sequence[str]) -> set[str]:
    """Those of ``article_ids`` that have a stored signature."""
    out: set[str] = set()
    ids = list(article_ids)
    col = s.article_signatures.c.article_id
    for start in range(0, len(ids), _CHUNK):
        out |= set(conn.execute(select(col).where(col.in_(ids[start : start + _CHUNK]))).scalars())
    return out

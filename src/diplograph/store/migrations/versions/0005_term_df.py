"""term_df: store-wide document frequencies of the story signatures' terms

Revision ID: 0005_term_df
Revises: 0004_story_index

Story clustering weighs terms by an IDF over the whole store instead of over
the pool being compared. ``term_df`` holds, for each hashed term index, the
number of ``article_signatures`` whose vector holds it; it is filled here from
the signatures already stored and kept up to date as signatures are written.
"""

from __future__ import annotations

import struct
from collections import Counter

import sqlalchemy as sa
from alembic import op

revision = "0005_term_df"
down_revision = "0004_story_index"
branch_labels = None
depends_on = None


def _terms(blob: bytes | None) -> tuple[int, ...]:
    """Term indices of a packed vector (``stories.signature.vector_bytes``: two little-endian
    uint32, shingles and count, then the indices)."""
    if not blob or len(blob) < 8:
        return ()
    _, nnz = struct.unpack_from("<II", blob)
    return struct.unpack_from(f"<{nnz}I", blob, 8)


def upgrade() -> None:
    """Create ``term_df`` and count the stored signatures' terms."""
    table = op.create_table(
        "term_df",
        sa.Column("term", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("df", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term", name=op.f("pk_term_df")),
    )
    counts: Counter[int] = Counter()
    for (blob,) in op.get_bind().execute(sa.text("SELECT vector FROM article_signatures")):
        counts.update(set(_terms(blob)))
    rows = [{"term": t, "df": n} for t, n in counts.items()]
    for start in range(0, len(rows), 5000):
        op.bulk_insert(table, rows[start : start + 5000])


def downgrade() -> None:
    """Drop ``term_df``."""
    op.drop_table("term_df")

"""story_keys and richer signatures: bounded story candidates, dates from events

Revision ID: 0004_story_index
Revises: 0003_fetched_urls

Story clustering finds an article's candidates through ``story_keys`` (its
parties, the events it reports and its distinctive names, each with the day of
the article) instead of reading every article of a date range.
``article_signatures`` gains the article's effective date as day numbers
(``day_lo``/``day_hi``: the publication date, or for an undated article the
dates of the events it reports), where that date came from, and the events'
keys. Signatures written before this revision have ``date_basis`` NULL: the
next ingest recomputes them and their keys, keeping their stories.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_story_index"
down_revision = "0003_fetched_urls"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the signature columns and create ``story_keys``."""
    with op.batch_alter_table("article_signatures") as batch:
        batch.add_column(sa.Column("day_lo", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("day_hi", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("date_basis", sa.String(length=12), nullable=True))
        batch.add_column(sa.Column("events", sa.Text(), server_default="[]", nullable=False))
    op.create_table(
        "story_keys",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("day", sa.Integer(), nullable=True),
        sa.Column("added", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"],
                                name=op.f("fk_story_keys_article_id_articles")),
        sa.PrimaryKeyConstraint("key", "article_id", name=op.f("pk_story_keys")),
    )
    op.create_index("ix_story_keys_key_day", "story_keys", ["key", "day", "added"])
    op.create_index("ix_story_keys_article_id", "story_keys", ["article_id"])
    # Every signature is now stale: the next ingest recomputes them (and then sets it again).
    op.execute("DELETE FROM meta WHERE key = 'stories.index_complete'")


def downgrade() -> None:
    """Drop ``story_keys`` and the added signature columns."""
    op.drop_index("ix_story_keys_article_id", table_name="story_keys")
    op.drop_index("ix_story_keys_key_day", table_name="story_keys")
    op.drop_table("story_keys")
    with op.batch_alter_table("article_signatures") as batch:
        batch.drop_column("events")
        batch.drop_column("date_basis")
        batch.drop_column("day_hi")
        batch.drop_column("day_lo")

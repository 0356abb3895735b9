"""fetched_urls: validators of fetched http(s) URLs, for conditional re-polls

Revision ID: 0003_fetched_urls
Revises: 0002

``diplograph ingest https://…`` remembers each URL's ETag and Last-Modified
(and where its redirects led) so that polling a feed again asks only for what
changed. A table of its own: no existing table is touched.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_fetched_urls"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ``fetched_urls``."""
    op.create_table(
        "fetched_urls",
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("final_url", sa.Text(), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("content_type", sa.Text(), nullable=True),
        sa.Column("fetched_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("url", name=op.f("pk_fetched_urls")),
    )


def downgrade() -> None:
    """Drop ``fetched_urls``."""
    op.drop_table("fetched_urls")

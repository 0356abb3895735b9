"""full-text search over articles (SQLite FTS5)

Revision ID: 0002
Revises: 0001

SQLite only: other databases search with LIKE (see store/fts.py), so this
revision does nothing there. Triggers on ``articles`` keep ``articles_fts`` in
sync. A later migration that rebuilds ``articles`` in batch mode drops these
triggers with the old table and must create them again.
"""

from __future__ import annotations

from alembic import op

from diplograph.store.fts import CREATE_STATEMENTS, DROP_STATEMENTS

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the FTS5 table, fill it from the stored articles, add the sync triggers."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for statement in CREATE_STATEMENTS:
        bind.exec_driver_sql(statement)


def downgrade() -> None:
    """Drop the triggers and the FTS5 table."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for statement in DROP_STATEMENTS:
        bind.exec_driver_sql(statement)

"""Alembic environment: runs migrations on the connection diplograph hands over."""

from __future__ import annotations

from alembic import context

from diplograph.store.fts import include_object
from diplograph.store.schema import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when alembic is run by hand
    from sqlalchemy import create_engine

    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    connection = engine.connect()

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    include_object=include_object,  # the FTS5 table of migration 0002 is not in schema.py
)
with context.begin_transaction():
    context.run_migrations()

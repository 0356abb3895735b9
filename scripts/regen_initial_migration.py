"""Developer tool: rewrite the initial migration from store/schema.py.

Only while nothing has been released: once a store exists in the wild, add a
new revision with ``alembic revision --autogenerate`` instead.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from diplograph.store.database import MIGRATIONS, alembic_config

versions = MIGRATIONS / "versions"
for old in versions.glob("0001_*.py"):
    old.unlink()
# Later hand-written revisions (0002_fts, …) build on 0001: park them while 0001 is rewritten.
later = [p for p in versions.glob("0*.py") if not p.name.startswith("0001_")]
with tempfile.TemporaryDirectory() as tmp:
    parked = [shutil.move(str(p), str(Path(tmp) / p.name)) for p in later]
    try:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'empty.db'}")
        with engine.begin() as conn:
            cfg = alembic_config(conn)
            command.revision(cfg, message="initial schema", autogenerate=True, rev_id="0001")
    finally:
        for path in parked:
            shutil.move(path, str(versions / Path(path).name))
for new in versions.glob("0001_*.py"):
    print(f"wrote {new}")

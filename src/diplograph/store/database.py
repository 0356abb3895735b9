"""The one module that opens the database: engine, pragmas, migrations, transactions.

A store is a SQLite file (the embedded default, in WAL mode so readers can
query while an ingest writes) or a PostgreSQL URL. Either way the schema is
created and upgraded by the Alembic migrations shipped in the package.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from diplograph.errors import StoreError

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"


def database_url(db: str) -> str:
    """Turn a ``--db`` value (a file path or an SQLAlchemy URL) into a URL."""
    if "://" in db:
        if db.startswith("postgresql://"):
            return "postgresql+psycopg://" + db[len("postgresql://") :]
        return db
    return f"sqlite:///{Path(db).expanduser()}"


#: How long a SQLite write waits for another process's write lock before giving up (s).
BUSY_TIMEOUT = 30.0


def _sqlite_pragmas(busy_timeout: float) -> Callable[[object, object], None]:
    def on_connect(dbapi_connection: object, _record: object) -> None:
        cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
        cursor.close()

    return on_connect


def is_busy(exc: BaseException) -> bool:
    """True when ``exc`` says another writer holds the lock (try again later), not a bug."""
    if not isinstance(exc, OperationalError):
        return False
    text = str(exc.orig).lower()
    return any(s in text for s in ("database is locked", "database is busy", "lock timeout"))


class Database:
    """An open store. Create with :func:`open_database`; use ``begin()`` to write."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url

    @property
    def is_sqlite(self) -> bool:
        """True for the embedded SQLite store."""
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A transaction: committed when the block ends, rolled back on error."""
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A read connection."""
        with self.engine.connect() as conn:
            yield conn

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()


def alembic_config(conn: Connection | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if conn is not None:
        cfg.attributes["connection"] = conn
    return cfg


def open_database(db: str, *, migrate: bool = True, busy_timeout: float = BUSY_TIMEOUT) -> Database:
    """Open (and create or upgrade, unless ``migrate`` is false) the store at ``db``.

    ``busy_timeout``: seconds a SQLite write waits for another writer's lock
    before it fails with "database is locked" (see :func:`is_busy`).
    """
    url = database_url(db)
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///") :])
        if path.parent and not path.parent.exists():
            raise StoreError(f"cannot create the database {path}: folder {path.parent} is missing")
    try:
        engine = create_engine(url, future=True)
    except (SQLAlchemyError, ImportError) as exc:
        raise StoreError(f"cannot open the database {db!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas(busy_timeout))
    database = Database(engine, url)
    if migrate:
        try:
            with engine.begin() as conn:
                command.upgrade(alembic_config(conn), "head")
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open or migrate the database {db!r}: {exc}") from exc
    return database


def schema_revision(database: Database) -> str | None:
    """The Alembic revision the store is at, or None if it was never migrated."""
    with database.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except SQLAlchemyError:
            return None

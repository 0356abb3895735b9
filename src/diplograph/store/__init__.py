"""The store: schema, migrations and the only code that touches SQL."""

from __future__ import annotations

from diplograph.store.articles import (
    SaveResult,
    article_stats,
    count_rows,
    get_article,
    iter_articles,
    replace_article,
    save_article,
    save_articles,
)
from diplograph.store.database import Database, database_url, open_database

__all__ = [
    "Database",
    "SaveResult",
    "article_stats",
    "count_rows",
    "database_url",
    "get_article",
    "iter_articles",
    "open_database",
    "replace_article",
    "save_article",
    "save_articles",
]

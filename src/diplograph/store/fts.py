"""Full-text search over articles: SQLite FTS5 on the embedded store, LIKE elsewhere.

Migration 0002 creates ``articles_fts``, a self-contained FTS5 table (English
stemming: "ambassador" finds "ambassadors") with the
article id (indexed as a token, so the sync triggers find a row by ``MATCH``
instead of scanning), the title and the text. Triggers on ``articles`` keep it
in sync. The table lives outside ``schema.py``: :func:`include_object` tells
Alembic's autogenerate and the schema check to leave it alone.
"""

from __future__ import annotations

import re
from typing import Any

FTS_TABLE = "articles_fts"
#: Characters FTS5 puts around matched terms in snippets; escaped text never contains them.
MARK_OPEN = "\x02"
MARK_CLOSE = "\x03"

_WORD = re.compile(r"[\w][\w'’-]*", re.UNICODE)

CREATE_STATEMENTS = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
    "article_id, title, text, tokenize = 'porter unicode61 remove_diacritics 2')",
    f"INSERT INTO {FTS_TABLE}(article_id, title, text) "
    "SELECT id, coalesce(title, ''), text FROM articles",
    f"CREATE TRIGGER {FTS_TABLE}_ai AFTER INSERT ON articles BEGIN "
    f"INSERT INTO {FTS_TABLE}(article_id, title, text) "
    "VALUES (new.id, coalesce(new.title, ''), new.text); END",
    f"CREATE TRIGGER {FTS_TABLE}_ad AFTER DELETE ON articles BEGIN "
    f"DELETE FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH 'article_id:\"' || old.id || '\"'; END",
    f"CREATE TRIGGER {FTS_TABLE}_au AFTER UPDATE OF id, title, text ON articles BEGIN "
    f"DELETE FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH 'article_id:\"' || old.id || '\"'; "
    f"INSERT INTO {FTS_TABLE}(article_id, title, text) "
    "VALUES (new.id, coalesce(new.title, ''), new.text); END",
)
DROP_STATEMENTS = (
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_au",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ad",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ai",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
)


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic filter: skip the FTS5 virtual table and its shadow tables."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLE))


def query_terms(query: str) -> list[str]:
    """The words of a user's search query (punctuation and FTS5 syntax dropped)."""
    return _WORD.findall(query)[:20]


def match_expression(query: str) -> str | None:
    """A safe FTS5 MATCH expression for ``query``: every word, quoted, in title or text.

    Users type words, not FTS5 syntax: each word becomes a quoted phrase (a
    trailing ``*`` keeps prefix search), all must occur. None when no word is left.
    """
    words = query_terms(query)
    if not words:
        return None
    prefix = query.rstrip().endswith("*")
    phrases = ['"' + w.replace('"', '""') + '"' for w in words]
    if prefix:
        phrases[-1] += " *"
    return "{title text} : (" + " ".join(phrases) + ")"

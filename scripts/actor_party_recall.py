"""How many gold event parties the actor stage found anywhere in their article.

    .venv/bin/python scripts/actor_party_recall.py --db eval.db ../shared/gold/seeds.gold.jsonl

For every gold article (matched by URL, else by file name as ``diplograph eval``
does), the codes of its non-optional events' actors, recipients and mediators
are compared with the codes of the article's stored mentions. An upper bound on
what the events stage can find: a party with no mention cannot be coded.
"""

from __future__ import annotations

import argparse
import json
import sqlite3

_CODES = "SELECT code FROM mentions WHERE article_id = ? AND code IS NOT NULL"


def main() -> None:
    """Print found/needed per gold file and every article with a missing code."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--db", required=True, help="a SQLite store made by diplograph ingest")
    args = ap.parse_args()
    conn = sqlite3.connect(args.db)
    for gold in args.gold:
        found = needed = 0
        with open(gold, encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                row = _article(conn, record.get("url"), record.get("file"))
                if row is None:
                    print(f"  no stored article for {record.get('url') or record.get('file')}")
                    continue
                codes = {c for (c,) in conn.execute(_CODES, (row[0],))}
                need = {c for e in record["events"] if not e.get("optional")
                        for c in (*e["actor"], *e["recipient"], *(e.get("mediator") or []))}
                found, needed = found + len(need & codes), needed + len(need)
                if need - codes:
                    print(f"  {row[1]}: no mention of {', '.join(sorted(need - codes))}")
        print(f"{gold}: {found}/{needed} gold event parties have a mention in their article")


def _article(conn: sqlite3.Connection, url: str | None, name: str | None) -> tuple | None:
    row = None
    if url:
        row = conn.execute("SELECT id, source FROM articles WHERE url = ?", (url,)).fetchone()
    if row is None and name:
        row = conn.execute("SELECT id, source FROM articles WHERE source = ? OR source LIKE ?",
                           (name, name + "#%")).fetchone()
    return row


if __name__ == "__main__":
    main()

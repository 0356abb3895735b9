"""Docs that drift fail: the command reference and the README's set-up commands."""

from __future__ import annotations

from pathlib import Path

from diplograph.clidocs import command_paths, render_cli_reference

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_is_up_to_date():
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == render_cli_reference(), (
        "docs/cli.md is out of date: run .venv/bin/python scripts/gen_cli_docs.py"
    )


def test_every_command_is_in_the_user_docs():
    docs = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md")
                     if p.name != "cli.md") + (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [" ".join(path) for path in command_paths()
               if path and f"diplograph {' '.join(path)}" not in docs]
    assert not missing, f"commands not described in README.md or docs/*.md: {missing}"


def test_readme_starts_with_the_two_setup_commands():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    blocks = [i for i, line in enumerate(lines) if line.startswith("```")]
    first, second = lines[blocks[0] + 1], lines[blocks[2] + 1]
    assert "diplograph ingest examples/corpus" in first and "diplograph serve" in first
    assert "pytest" in second
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pytest" in ci


#: Each corpus the docs ingest, and the gold file that annotates it.
GOLD_OF = {"examples/corpus": "examples/corpus.gold.jsonl",
           "../shared/corpus/seeds": "../shared/gold/seeds.gold.jsonl"}  # fmt: skip


def test_eval_commands_in_the_docs_name_real_gold_for_the_store_they_score():
    import re

    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = doc.read_text(encoding="utf-8")
        ingested = {db: corpus for corpus, db in re.findall(
            r"diplograph ingest (\S+)[^\n]*?--db (\S+)", text)}  # fmt: skip
        for path in re.findall(r"--(?:gold|plover) (\S+)", text):
            if path.isupper() or not path.startswith(("examples/", "../", "gold/")):
                continue  # a placeholder (FILE, PATH) or the reader's own file
            assert path.startswith("../shared/") or (ROOT / path).is_file(), (doc.name, path)
        for gold, db in re.findall(r"diplograph eval --gold (\S+) --db (\S+)", text):
            corpus = ingested.get(db)
            if corpus in GOLD_OF:
                assert GOLD_OF[corpus] == gold, f"{doc.name}: {db} holds {corpus}, not {gold}'s"

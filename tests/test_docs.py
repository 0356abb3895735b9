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

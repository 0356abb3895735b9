"""The command reference (docs/cli.md), rendered from the commands' own ``--help``."""

from __future__ import annotations

from typing import Any

import typer.main
from typer.testing import CliRunner

HEADER = """# Command reference

Generated from each command's `--help` by `scripts/gen_cli_docs.py`; a test
fails when this file and the commands disagree.
"""


def command_paths() -> list[list[str]]:
    """Every command and sub-command of the CLI, as argument lists, sorted."""
    from diplograph.cli import app

    def walk(command: Any, path: list[str]) -> list[list[str]]:
        out = [path]
        for name in sorted(getattr(command, "commands", {}) or {}):
            sub = command.commands[name]
            if not getattr(sub, "hidden", False):
                out.extend(walk(sub, [*path, name]))
        return out

    return walk(typer.main.get_command(app), [])


def render_cli_reference() -> str:
    """Markdown with one section per command holding its ``--help`` text."""
    from diplograph.cli import app

    runner = CliRunner()
    env = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "_TYPER_FORCE_DISABLE_TERMINAL": "1"}
    parts = [HEADER]
    for path in command_paths():
        result = runner.invoke(app, [*path, "--help"], env=env, terminal_width=100,
                               prog_name="diplograph")
        text = "\n".join(line.rstrip() for line in result.output.strip().splitlines())
        parts.append(f"\n## `{' '.join(['diplograph', *path])}`\n\n```\n{text}\n```\n")
    return "".join(parts)

"""Write docs/cli.md, the command reference, from the CLI's own --help texts.

tests/test_docs.py fails when docs/cli.md is out of date: run
``.venv/bin/python scripts/gen_cli_docs.py`` after changing a command.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from diplograph.clidocs import render_cli_reference  # noqa: E402

target = ROOT / "docs" / "cli.md"
target.write_text(render_cli_reference(), encoding="utf-8")
print(f"wrote {target}")

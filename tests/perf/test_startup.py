"""Start-up: commands that need no NLP load none of the heavy libraries (issue 14).

Each command runs in a fresh interpreter, so what it imports is all it imports;
the test asserts on ``sys.modules``, not on a clock.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

#: Libraries that only ingest (spaCy, the line model, story signatures) and notebooks need.
HEAVY = ("spacy", "thinc", "sklearn", "datasketch", "pandas")

_RUN = f"""
import json, sys
PRELOADfrom diplograph.cli import app
try:
    app(sys.argv[1:], prog_name="diplograph")
except SystemExit:
    pass
print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r})))
"""


def loaded_after(*args: str, preload: str = "") -> list[str]:
    """The heavy top-level modules a fresh interpreter holds after ``diplograph ARGS``."""
    code = _RUN.replace("PRELOAD", preload)
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                          text=True, check=True, timeout=120)  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("args", [
    ("--help",),
    ("ingest", "--help"),
    ("stats", "--db", "{db}"),
    ("relations", "ISR", "ARE", "--db", "{db}"),
])  # fmt: skip
def test_commands_without_nlp_import_no_heavy_library(args, tmp_path):
    db = str(tmp_path / "empty.db")
    assert loaded_after(*(a.format(db=db) for a in args)) == []


def test_the_check_sees_heavy_imports_when_they_happen():
    # the probe must be able to fail: with the pipeline loaded, spaCy is listed
    assert "spacy" in loaded_after("--help", preload="import diplograph.pipeline\n")

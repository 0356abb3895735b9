"""Score the pipeline on the dev set's tuning and held-out stories, each ingested on its own.

    .venv/bin/python scripts/dev_eval.py                 # both halves, a summary line each
    .venv/bin/python scripts/dev_eval.py --half heldout  # one half
    .venv/bin/python scripts/dev_eval.py --seeds         # the seed corpus too

The split is ``eval/split.json`` (decided once, before tuning). For each half
the rebuilt texts of ``eval/dev-texts/`` (see ``../shared/dev/README.md``) are
copied into ``eval/dev-<half>/``, the gold objects of its stories into
``eval/dev-<half>.gold.jsonl``, ingested into ``eval/dev-<half>.db`` and scored
with ``diplograph eval``; the full JSON report goes to
``eval/dev-<half>.report.json``. Every ``eval/dev-*`` path is git-ignored:
the texts are third-party writing.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DIPLOGRAPH = ROOT / ".venv" / "bin" / "diplograph"
SUMMARY = (
    ("event triples", ("precision", "recall", "f1")),
    ("event dyads", ("f1",)),
    ("event modality", ("accuracy",)),
    ("stories (BCubed)", ("precision", "recall", "f1")),
    ("boilerplate lines", ("precision", "recall", "f1")),
    ("publication dates", ("stated_accuracy", "stated")),
    ("relations as-of", ("accuracy", "facts")),
)


def _loose(text: str) -> str:
    """The text with Unicode forms and spaces folded (``place.py``'s loose checksum)."""
    text = unicodedata.normalize("NFKC", text).replace("\u00a0", " ")
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def verified_texts() -> set[str]:
    """Rebuilt texts that match their checksum, exactly or loosely: their line numbers hold.

    A text that matches neither (``NOMATCH``) is scored on everything but its
    boilerplate lines (``../shared/dev/README.md``).
    """
    out = set()
    for line in (SHARED / "dev" / "inputs.sha256").read_text(encoding="utf-8").splitlines():
        exact, loose, name = line.split()
        path = ROOT / "eval" / "dev-texts" / name
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest == exact or hashlib.sha256(_loose(text).encode("utf-8")).hexdigest() == loose:
            out.add(name)
    return out


def stories_of(half: str) -> set[str]:
    """The story keys of one half of ``eval/split.json``."""
    split = json.loads((ROOT / "eval" / "split.json").read_text(encoding="utf-8"))
    if half == "all":
        return set(split["tune"]) | set(split["heldout"])
    return set(split[half])


def lay_out(half: str) -> tuple[Path, Path, int]:
    """Copy the half's texts and gold into ``eval/``; return (texts, gold, text count)."""
    wanted = stories_of(half)
    index_text = (SHARED / "dev" / "index.tsv").read_text(encoding="utf-8").splitlines()
    index = csv.DictReader(index_text, delimiter="\t")
    files = {row["file"] for row in index if row["story"] in wanted}
    texts = ROOT / "eval" / f"dev-{half}"
    shutil.rmtree(texts, ignore_errors=True)
    texts.mkdir(parents=True)
    found = 0
    for name in sorted(files):
        src = ROOT / "eval" / "dev-texts" / name
        if src.exists():
            shutil.copy(src, texts / name)
            found += 1
    gold = ROOT / "eval" / f"dev-{half}.gold.jsonl"
    verified = verified_texts()
    with gold.open("w", encoding="utf-8") as out:
        for line in (SHARED / "dev" / "dev.gold.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            if row.get("file") in files:
                if row["file"] not in verified:  # its line numbers do not hold
                    row["boilerplate_lines"] = None
                    row.pop("uncertain_lines", None)
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return texts, gold, found


def run(corpus: Path, gold: Path, name: str, *, workers: int) -> dict:
    """Ingest ``corpus`` into a fresh store and return the eval report as JSON."""
    db = ROOT / "eval" / f"dev-{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    ingest = subprocess.run(
        [str(DIPLOGRAPH), "ingest", str(corpus), "--db", str(db), "--workers", str(workers)],
        capture_output=True, text=True,
    )  # fmt: skip
    last = (ingest.stdout.strip().splitlines() or ["?"])[-1]
    failures = [ln for ln in ingest.stdout.splitlines() + ingest.stderr.splitlines()
                if "error" in ln.lower() or "failed:" in ln.lower()]  # fmt: skip
    done = subprocess.run([str(DIPLOGRAPH), "eval", "--gold", str(gold), "--db", str(db),
                           "--json"], capture_output=True, text=True, check=True)  # fmt: skip
    report = json.loads(done.stdout)
    report["ingest"] = {"summary": last, "failures": failures}
    (ROOT / "eval" / f"dev-{name}.report.json").write_text(json.dumps(report, indent=1))
    return report


def summary_line(name: str, report: dict, count: int) -> str:
    """One line of the headline figures of a report."""
    parts = [f"{name:8} ({count} texts)"]
    sections = report.get("sections", {})
    for section, keys in SUMMARY:
        values = sections.get(section)
        if values:
            shown = "/".join(_fmt(values.get(k)) for k in keys)
            parts.append(f"{section} {shown}")
    return " | ".join(parts)


def _fmt(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def main() -> int:
    """Lay out, ingest and score the chosen halves; print a summary line for each."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--half", choices=("tune", "heldout", "all", "both"), default="both")
    ap.add_argument("--seeds", action="store_true", help="Score the seed corpus too.")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    halves = ("tune", "heldout") if args.half == "both" else (args.half,)
    for half in halves:
        texts, gold, count = lay_out(half)
        report = run(texts, gold, half, workers=args.workers)
        print(summary_line(half, report, count))
        print(f"{'':8} ingest: {report['ingest']['summary']}")
        for line in report["ingest"]["failures"][:10]:
            print(f"{'':8} {line}")
    if args.seeds:
        report = run(SHARED / "corpus" / "seeds", SHARED / "gold" / "seeds.gold.jsonl", "seeds",
                     workers=args.workers)  # fmt: skip
        print(summary_line("seeds", report, 5))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Write a benchmark corpus: the seed articles repeated to N distinct articles.

Each copy gets its own ``URL:`` header and a small distinct change (a sentence
naming the copy, added to the article's second long paragraph, where the
cleaner keeps it: the first can be a photo caption), so neither URL nor
content de-duplication drops it.

    .venv/bin/python scripts/make_bench_corpus.py --count 3000 --out /tmp/bench
    .venv/bin/python scripts/bench_ingest.py /tmp/bench --workers 1
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def make_corpus(seeds: Path, out: Path, count: int) -> int:
    """Write ``count`` articles into ``out`` (100 per sub-folder); return how many."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no seed articles (*.txt) in {seeds}")
    for i in range(count):
        body = texts[i % len(texts)].rstrip("\n")
        folder = out / f"part{i // 100:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        header = f"URL: https://bench.example/{i // len(texts)}/seed-{i % len(texts)}-{i}\n\n"
        lines = body.split("\n")
        long = [k for k, x in enumerate(lines) if len(x.split()) >= 20] or [len(lines) - 1]
        lines[long[min(1, len(long) - 1)]] += f" This is benchmark copy number {i} of the seed."
        (folder / f"copy{i:05d}.txt").write_text(header + "\n".join(lines) + "\n",
                                                 encoding="utf-8")  # fmt: skip
    return count


def main() -> None:
    """Command line: ``--count N --out FOLDER [--seeds FOLDER]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--out", type=Path, default=None, help="default: a new temp folder")
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="diplograph-bench-"))
    n = make_corpus(args.seeds, out, args.count)
    sys.stdout.write(f"{n} articles in {out}\n")


if __name__ == "__main__":
    main()

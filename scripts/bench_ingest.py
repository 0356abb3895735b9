"""Time ``diplograph ingest`` on a corpus and sample the peak RSS of its process tree.

    .venv/bin/python scripts/bench_ingest.py /tmp/bench --workers 1
    .venv/bin/python scripts/bench_ingest.py /tmp/bench --workers 2

Prints articles/s (stored articles over wall time, store creation included),
the CPU seconds of the whole process tree, the 1-minute load average at the
end (the machine may be shared), the peak RSS of the main process and the
peak of the whole tree (main plus workers), sampled every 0.2 s.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]


def tree_rss(proc: psutil.Process) -> tuple[int, int]:
    """(RSS of ``proc``, RSS of ``proc`` and all its children) in bytes."""
    try:
        own = proc.memory_info().rss
        kids = sum(c.memory_info().rss for c in proc.children(recursive=True))
    except psutil.Error:
        return 0, 0
    return own, own + kids


def run(corpus: Path, workers: int) -> dict[str, float]:
    """Ingest ``corpus`` into a fresh store; return timing and memory figures."""
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [str(ROOT / ".venv" / "bin" / "diplograph"), "ingest", str(corpus),
               "--db", str(Path(tmp) / "bench.db"), "--workers", str(workers)]  # fmt: skip
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        ps = psutil.Process(proc.pid)
        peak_main = peak_tree = 0
        while proc.poll() is None:
            main_rss, total = tree_rss(ps)
            peak_main, peak_tree = max(peak_main, main_rss), max(peak_tree, total)
            time.sleep(0.2)
        wall = time.perf_counter() - start
        summary = proc.stdout.read() if proc.stdout else ""
        proc.wait()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    stored = int(m.group(1)) if (m := re.search(r"stored (\d+)", summary)) else 0
    return {"workers": workers, "stored": stored, "wall_s": round(wall, 1),
            "articles_per_s": round(stored / wall, 1), "cpu_s": round(cpu, 1),
            "load_avg_1m": round(os.getloadavg()[0], 1), "peak_rss_main_mb": peak_main >> 20,
            "peak_rss_tree_mb": peak_tree >> 20, "summary": summary.strip()}  # fmt: skip


def main() -> None:
    """Command line: ``CORPUS [--workers N]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    sys.stdout.write(f"{run(args.corpus, args.workers)}\n")


if __name__ == "__main__":
    main()

"""Time the Python API's calls on a store (e.g. one made by ``diplograph synth``).

    .venv/bin/python scripts/bench_python_api.py big.db [--repeat 3]

Prints, per call, the median wall time of ``--repeat`` runs and the rows it
returned. The dyads and actors asked for are the store's busiest, so the
numbers are the heavy end of what a notebook sees.
"""

from __future__ import annotations

import argparse
import statistics
import time

import diplograph
from diplograph.store.web_queries import dyad_volumes


def main() -> None:
    """Run every call ``--repeat`` times and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    t0 = time.perf_counter()
    import pandas  # noqa: F401 - timed apart from the calls

    print(f"import pandas: {time.perf_counter() - t0:.2f} s")
    s = diplograph.open(args.db)
    busiest = dyad_volumes(s.database)[0]
    a, b = busiest["a"], busiest["b"]
    calls = {
        f"events(dyad={a}-{b})": lambda: s.events(dyad=(a, b)),
        f"events(party={a}, type=CONSULT, since=2024)": lambda: s.events(party=a,
                                                                       type="CONSULT",
                                                                       since="2024"),
        "events(limit=100000)": lambda: s.events(limit=100_000),
        f"relations({a}, {b}, as_of=2021-06-30)": lambda: s.relations(a, b, as_of="2021-06-30"),
        f"relations({a}, as_of=2021-06-30)": lambda: s.relations(a, as_of="2021-06-30"),
        f"timeline({a}, {b})": lambda: s.timeline(a, b),
        "stories(limit=10000)": lambda: s.stories(limit=10_000),
        "articles(text=False, limit=100000)": lambda: s.articles(text=False, limit=100_000),
        "events() (every event)": lambda: s.events(),
    }
    print(f"{'call':48} {'median s':>9} {'rows':>9}")
    for name, call in calls.items():
        times, rows = [], 0
        for _ in range(args.repeat):
            started = time.perf_counter()
            rows = len(call())
            times.append(time.perf_counter() - started)
        print(f"{name:48} {statistics.median(times):9.3f} {rows:9,}")
    s.close()


if __name__ == "__main__":
    main()

"""Where one in-process ingest spends its CPU time, stage by stage.

    .venv/bin/python scripts/make_bench_corpus.py --count 300 --out /tmp/bench300
    .venv/bin/python scripts/stage_split.py /tmp/bench300

Ingests CORPUS with one worker into a temporary store (models loaded first)
and prints the CPU seconds of each stage and its share of the whole: the
stages' functions are wrapped with timers for this run only; the events stage
is split into choosing candidates, spaCy's parse and the code after the parse.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import diplograph.events.extract as extract  # noqa: E402
import diplograph.pipeline as pipeline  # noqa: E402
from diplograph.bench import _warm_up  # noqa: E402
from diplograph.config import load_settings  # noqa: E402
from diplograph.nlp import parser  # noqa: E402
from diplograph.store import open_database  # noqa: E402

SPENT: collections.Counter[str] = collections.Counter()
STAGES = ("clean_input", "split_sentences", "find_mentions", "find_citations", "extract_claims",
          "find_terms", "save_article", "save_articles", "assign_stories")  # fmt: skip


def timed(module: object, name: str, label: str) -> None:
    """Replace ``module.name`` with a version that adds its CPU time to ``SPENT[label]``."""
    inner = getattr(module, name)

    def wrapper(*args: object, **kwargs: object) -> object:
        started = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            SPENT[label] += time.process_time() - started

    setattr(module, name, wrapper)


def time_the_parse() -> None:
    """Count the CPU time spent inside the events parser's ``pipe``."""
    nlp = parser()
    inner = nlp.pipe

    def pipe(*args: object, **kwargs: object):
        docs = inner(*args, **kwargs)
        while True:
            started = time.process_time()
            try:
                doc = next(docs)
            except StopIteration:
                return
            finally:
                SPENT["events: spaCy parse"] += time.process_time() - started
            SPENT["parsed sentences"] += 1
            yield doc

    nlp.pipe = pipe


def main() -> None:
    """Command line: ``CORPUS``."""
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("corpus")
    corpus = args.parse_args().corpus
    for name in STAGES:
        timed(pipeline, name, name)
    timed(extract, "candidates", "events: candidates")
    timed(extract, "sentence_events", "events: after the parse")
    time_the_parse()
    _warm_up()
    SPENT.clear()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(str(Path(tmp) / "split.db"))
        started = time.process_time()
        report = pipeline.ingest([corpus], db, load_settings(workers=1))
        cpu = time.process_time() - started
        db.close()
    parsed = SPENT.pop("parsed sentences", 0)
    sys.stdout.write(f"{report.read} articles, {parsed:.0f} sentences parsed, "
                     f"{cpu:.2f} CPU-s in all\n")  # fmt: skip
    for label, seconds in SPENT.most_common():
        sys.stdout.write(f"  {label:26s} {seconds:7.2f}  {100 * seconds / cpu:5.1f} %\n")
    rest = cpu - sum(SPENT.values())
    sys.stdout.write(f"  {'everything else':26s} {rest:7.2f}  {100 * rest / cpu:5.1f} %\n")


if __name__ == "__main__":
    main()

"""Time ``find_mentions`` against spaCy's parser on the same cleaned sentences.

    .venv/bin/python scripts/bench_actors.py ../shared/corpus/seeds examples/corpus/text
    .venv/bin/python scripts/bench_actors.py FOLDER... --repeat 20

Reads every ``*.txt`` file in the folders, cleans and splits it the way
``diplograph ingest`` does, then prints the lexicon compile time, the
sentences/s and words/s of mention finding (one process, ``--repeat`` passes)
and of ``en_core_web_sm`` parsing the same sentences (two passes), and the
1-minute load average (the machine may be shared).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from diplograph.actors import find_mentions
from diplograph.actors.lexicon import get_lexicon
from diplograph.ingest import clean_input
from diplograph.model import Article, RawInput
from diplograph.nlp import parser
from diplograph.sentences import split_sentences


def load(folders: list[str]) -> list[Article]:
    """Cleaned, sentence-split articles from every .txt file in ``folders``."""
    out = []
    for folder in folders:
        for path in sorted(Path(folder).glob("*.txt")):
            art = clean_input(RawInput(path.name, path.read_bytes(), "text/plain", path=str(path)))
            art.sentences = split_sentences(art.text)
            out.append(art)
    return out


def main() -> None:
    """Run the benchmark and print one line per measurement."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    articles = load(args.folders)
    sentences = [s.text for a in articles for s in a.sentences]
    words = sum(len(a.text.split()) for a in articles)
    start = time.perf_counter()
    get_lexicon()
    print(f"lexicon compiled in {time.perf_counter() - start:.2f} s")
    print(f"{len(articles)} articles, {len(sentences)} sentences, {words} words")
    start = time.perf_counter()
    found = 0
    for _ in range(args.repeat):
        for art in articles:
            found += len(find_mentions(art))
    took = time.perf_counter() - start
    print(f"find_mentions x{args.repeat}: {args.repeat * len(sentences) / took:,.0f} sentences/s, "
          f"{args.repeat * words / took:,.0f} words/s, {found // args.repeat} mentions per pass")
    nlp = parser()
    start = time.perf_counter()
    for _ in range(2):
        list(nlp.pipe(sentences))
    took = time.perf_counter() - start
    print(f"en_core_web_sm parse x2: {2 * len(sentences) / took:,.0f} sentences/s, "
          f"{2 * words / took:,.0f} words/s")
    print(f"load average (1 min): {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

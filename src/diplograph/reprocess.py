"""Re-processing stored raw inputs with the current pipeline (after an upgrade).

Every stored article keeps its id: the raw input is handed to the pipeline
with the id as a hint, so events, claims and stories that refer to it stay
valid. Raw inputs are read back one at a time (memory stays flat) and go
through the same process pool as an ingest. An article that now fails is
reported and left as it was.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sqlalchemy.exc import SQLAlchemyError

from diplograph.config import Settings
from diplograph.errors import DiplographError
from diplograph.ingest.clean import KEEP_ID_HINT
from diplograph.model import RawInput, ReadFailure
from diplograph.pipeline import input_name, processed
from diplograph.store import Database, replace_article
from diplograph.store.articles import article_raw_ids, raw_input_row
from diplograph.stories import assign_stories

log = logging.getLogger(__name__)



@dataclass(slots=True)
class ReprocessReport:
    """How many articles were re-processed, and which could not be."""

    done: int = 0
    failures: list[ReadFailure] = field(default_factory=list)
    stories_changed: int = 0


def load_raw(db: Database, raw_id: str, article_id: str) -> RawInput:
    """One stored raw input, carrying ``article_id`` as the id to keep."""
    m = raw_input_row(db, raw_id)
    hints = json.loads(m["hints"] or "{}")
    hints[KEEP_ID_HINT] = article_id
    return RawInput(source=m["source"], content=m["content"], media_type=m["media_type"],
                    path=m["path"], url=m["url"], hints=hints)  # fmt: skip


def reprocess_all(
    db: Database, settings: Settings, *, on_progress: Callable[[int, str], None] | None = None
) -> ReprocessReport:
    """Re-run every per-article stage on each stored article's raw input."""
    report = ReprocessReport()
    pairs = article_raw_ids(db)

    def raws() -> Iterator[RawInput]:
        for article_id, raw_id in pairs:
            yield load_raw(db, raw_id, article_id)

    done: list[str] = []
    for i, outcome in enumerate(processed(raws(), settings), start=1):
        if isinstance(outcome, ReadFailure):
            report.failures.append(outcome)
        else:
            try:
                replace_article(db, outcome)
                done.append(outcome.id)
            except (DiplographError, SQLAlchemyError) as exc:
                log.debug("re-storing %s failed", outcome.id, exc_info=True)
                reason = f"could not be stored (left as it was): {str(exc).splitlines()[0]}"
                report.failures.append(ReadFailure(input_name(outcome.raw), reason))
        if on_progress:
            on_progress(i, outcome.source)
    report.done = len(done)
    if done:
        report.stories_changed = assign_stories(db, done, settings)
    return report

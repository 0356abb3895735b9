"""What clustering knows of an article (effective dates, keys), its bounded candidate index,
the baseline reference line of `diplograph eval`, migration 0004 and `bench-stories`."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from alembic import command
from sqlalchemy import select
from tests.stories.conftest import FIXTURES_GOLD
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.config import load_settings
from diplograph.evaluate import run_eval
from diplograph.evaluate.stories import baseline_clusters
from diplograph.pipeline import ingest
from diplograph.store import open_database
from diplograph.store import schema as s
from diplograph.store.database import alembic_config
from diplograph.store.stories import key_hits
from diplograph.store.synth_stories import add_synthetic_articles
from diplograph.stories import assign_stories
from diplograph.stories.features import effective_span, event_keys, name_keys
from diplograph.stories.signature import DateSpan


def _event(kind: str, when: str | None, precision: str, codes, sentence: int = 0) -> dict:
    return {"event": kind, "date": when, "date_precision": precision, "codes": list(codes),
            "sentence": sentence}  # fmt: skip


def test_an_undated_article_takes_the_day_of_the_events_its_lead_reports():
    events = [_event("CONSULT", "2023-05-07", "day", ["EGY", "ISR"]),
              _event("CONSULT", "2023-05-07", "day", ["EGY", "ISR"], sentence=2),
              _event("SANCTION", "2017-06-05", "day", ["QAT", "SAU"], sentence=9)]  # fmt: skip
    span, basis = effective_span(None, events)
    assert (span.lo.isoformat(), basis) == ("2023-05-07", "events")
    only_background = [_event("SANCTION", "2017-06-05", "day", ["QAT", "SAU"], sentence=9)]
    assert effective_span(None, only_background)[1] == "none"


def test_a_dated_article_keeps_its_publication_day_and_a_month_is_narrowed_by_events():
    events = [_event("AGREE", "2021-02-01", "day", ["ISR", "XKX"])]
    assert effective_span("2021-02-03", events)[0].lo.isoformat() == "2021-02-03"
    span, basis = effective_span("2021-02", events)
    assert (span.lo.isoformat(), basis) == ("2021-02-01", "events")
    assert effective_span("2021-03", events)[0].days == 31  # an event outside the month: no


def test_event_keys_leave_out_background_events_of_other_years():
    span = DateSpan.parse("2022-03-09")
    events = [_event("CONSULT", "2022-03-09", "day", ["TUR", "ISR"]),
              _event("SANCTION", "2010", "year", ["TUR", "ISR"]),
              _event("SUPPORT", None, "unknown", ["ISR"])]  # fmt: skip
    assert event_keys(events, span) == {"CONSULT:ISR-TUR", "SUPPORT:ISR"}


def test_name_keys_come_from_inside_sentences_not_from_capitals_that_open_them():
    text = ("Officials met in Ankara on Tuesday. Diplomats said the talks with "
            "Cavusoglu went well, and Ankara hopes for more.")  # fmt: skip
    assert name_keys("Talks in Ankara", text) == ["ankara", "cavusoglu"]


def test_candidate_reads_are_bounded_per_key(tmp_path):
    db = open_database(str(tmp_path / "dense.db"))
    add_synthetic_articles(db, 120, per_day=120)  # one day, the same few parties over and over
    assign_stories(db)
    with db.connect() as conn:
        crowded = conn.execute(select(s.story_keys.c.key, s.story_keys.c.day)
                               .where(s.story_keys.c.key.like("p:%"),
                                      s.story_keys.c.day.is_not(None))).all()  # fmt: skip
        key, day = max(crowded, key=lambda r: (sum(1 for k, _ in crowded if k == r[0]), r))
        assert sum(1 for k, _ in crowded if k == key) > 5
        hits = key_hits(conn, [key], day_lo=day - 3, day_hi=day + 3, per_key=5)
        latest = key_hits(conn, [key], day_lo=None, day_hi=None, per_key=5)
    assert len(hits) <= 10 and len(latest) == 5  # dated window + undated ones; any date
    db.close()


def test_eval_prints_the_tfidf_complete_link_reference_line(fixture_db):
    report = run_eval(fixture_db, FIXTURES_GOLD)
    (section,) = [x for x in report.sections if x.title.startswith("stories")]
    base = section.metrics["baseline"]
    assert base["method"] == "tfidf-complete-link" and 0 < base["f1"] <= 1
    assert any("reference (TF-IDF" in note for note in section.notes)
    assert section.metrics["f1"] >= base["f1"]


def test_baseline_groups_the_same_text_and_separates_unrelated_ones():
    texts = {"a": "Egypt and Turkey name ambassadors after a decade",
             "b": "Egypt and Turkey name ambassadors after a decade of strain",
             "c": "Floods close the port of Durban for a week"}  # fmt: skip
    labels = baseline_clusters(texts)
    assert labels["a"] == labels["b"] != labels["c"]


def test_stores_of_revision_0003_get_story_keys_and_keep_their_stories(tmp_path, fixture_db):
    path = tmp_path / "old.db"
    with fixture_db.begin() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(Path(str(fixture_db.engine.url.database)), path)
    db = open_database(str(path))
    with db.begin() as conn:
        before = dict(conn.execute(select(s.articles.c.id, s.articles.c.story_id)).all())
        command.downgrade(alembic_config(conn), "0003_fetched_urls")
    db.close()
    db = open_database(str(path))  # upgraded again: signatures without date_basis
    with db.connect() as conn:
        assert conn.execute(select(s.story_keys)).first() is None
    ingest([], db, load_settings(db=str(path), workers=1))
    with db.connect() as conn:
        after = dict(conn.execute(select(s.articles.c.id, s.articles.c.story_id)).all())
        bases = set(conn.execute(select(s.article_signatures.c.date_basis)).scalars())
        assert conn.execute(select(s.story_keys)).first() is not None
    assert after == before and None not in bases
    db.close()


def test_bench_stories_reports_the_cost_per_new_article():
    result = CliRunner().invoke(app, ["bench-stories", "--sizes", "20,60", "--probe", "5",
                                      "--repeat", "1", "--json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [r["stored"] for r in data["sizes"]] == [20, 60]
    assert all(r["per_article_ms"] > 0 for r in data["sizes"]) and data["ratio"] > 0


def test_bench_stories_refuses_sizes_that_are_not_numbers():
    result = CliRunner().invoke(app, ["bench-stories", "--sizes", "10,many"])
    assert result.exit_code != 0 and "whole numbers" in result.output


def _day_doc(aid: str, day: str, *, story: str | None = None, span: DateSpan | None = None):
    from diplograph.stories.features import new_docs

    row = {"id": aid, "title": "Ferry talks", "text": "Ferry operators met port officials.",
           "outlet": None, "published": day, "published_precision": "day",
           "ingested_at": None, "story_id": story, "mentions": [], "events": []}  # fmt: skip
    (doc,) = new_docs([row])
    doc.target, doc.story_span = story is None, span
    return doc


def test_a_chain_of_daily_reports_never_grows_a_story_past_the_window():
    from diplograph.stories.score import FORBIDDEN, ClusterParams, distances

    # A stored story of 1-3 March whose first member is not in the pool: a copy of its
    # text two days after its last member would make it span four days.
    stored = _day_doc("a3", "2024-03-03", story="st-x",
                      span=DateSpan(date(2024, 3, 1), date(2024, 3, 3)))
    late, near = _day_doc("b5", "2024-03-05"), _day_doc("c4", "2024-03-04")
    dist, _ = distances([stored, near, late], ClusterParams())
    assert dist[0, 2] == FORBIDDEN and dist[1, 2] < 1.0  # b5 may join c4, not the story
    assert dist[0, 1] < 1.0  # 4 March keeps the story within three days

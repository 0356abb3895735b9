"""The Python API for notebooks: diplograph.open(...) and its DataFrames."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest
from tests.conftest import EXAMPLES
from tests.web.conftest import STORY, build_store

import diplograph
from diplograph import frames
from diplograph.errors import ConfigError
from diplograph.relations.timeline import as_of, timeline

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def s(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "api.db"
    store = diplograph.open(str(path))
    build_store(store.database)
    yield store
    store.close()


def test_import_diplograph_loads_nothing_heavy():
    code = ("import sys, diplograph; heavy = {'pandas', 'pyarrow', 'sqlalchemy', 'spacy', "
            "'sklearn', 'httpx', 'watchfiles'}; print(sorted({m.split('.')[0] for m in "
            "sys.modules} & heavy))")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_public_surface_is_small_sorted_and_resolvable():
    assert diplograph.__all__ == sorted(diplograph.__all__)
    for name in diplograph.__all__:
        assert getattr(diplograph, name) is not None
    assert diplograph.Store.__name__ == "Store"
    with pytest.raises(AttributeError):
        diplograph.no_such_thing  # noqa: B018


def test_events_have_the_documented_columns_and_types(s):
    df = s.events()
    assert list(df.columns) == frames.EVENTS.names
    assert len(df) == 5
    assert str(df["date_start"].dtype).startswith("datetime64")
    assert df["date"].tolist() == sorted(df["date"].tolist(), reverse=True)  # newest first
    row = df[df.event == "REQUEST"].iloc[0]
    assert (row.actor, row.recipient, row.modality) == ("USA", "QAT", "proposed")


def test_event_filters(s):
    pair = s.events(dyad="MAR-ISR")
    assert set(pair.event) == {"CONSULT", "AGREE"}
    assert all({"ISR", "MAR"} <= {row.actor, row.recipient} for row in pair.itertuples())
    assert s.events(dyad=("ISR", "MAR")).id.tolist() == pair.id.tolist()
    assert set(s.events(party="ISR").event) == {"CONSULT", "AGREE", "ACCUSE"}
    assert s.events(type="consult", since="2022").actor.tolist() == ["ISR"]
    assert s.events(modality="proposed").recipient.tolist() == ["QAT"]
    assert s.events(actor="EGY", until="2021-05").event.tolist() == ["ACCUSE"]
    assert len(s.events(limit=2)) == 2


@pytest.mark.parametrize("day", ["2020-01-01", "2021-06-30"])
def test_relations_are_the_as_of_answer(s, day):
    df = s.relations("MAR", "ISR", as_of=day)
    expected = as_of(s.database, "ISR", "MAR", date.fromisoformat(day))
    assert dict(zip(df.facet, df.value, strict=True)) == {f: iv.value for f, iv in expected.items()}
    assert list(df.columns) == frames.RELATIONS.names
    assert (df.a == "ISR").all() and (df.b == "MAR").all()


def test_relations_of_every_partner_and_the_timeline(s):
    everyone = s.relations("ISR", as_of="2021")
    assert set(zip(everyone.a, everyone.b, everyone.value, strict=True)) == {("ISR", "MAR", "full")}
    tl = s.timeline("ISR", "MAR")
    intervals = timeline(s.database, "ISR", "MAR")["diplomatic_ties"]
    assert tl.value.tolist() == [iv.value for iv in intervals] == ["none", "full"]
    assert str(tl.holds_from.iloc[1].date()) == "2020-12-10"
    assert tl.claim_text.iloc[0].startswith("Israel and Morocco have no formal")


def test_stories_and_articles(s):
    stories = s.stories(actor="MAR")
    assert stories.story_id.tolist() == [STORY]
    assert stories.outlets.iloc[0].tolist() == ["a.example", "b.example"]
    arts = s.articles(story=STORY)
    assert sorted(arts.outlet) == ["a.example", "b.example"]
    assert arts.text.str.contains("Morocco").all()
    assert s.articles(text=False).text.isna().all()
    assert s.articles(since="2021", until="2021").title.tolist() == ["Egypt accuses Israel"]


def test_arrow_tables_and_parquet(s, tmp_path):
    table = s.events(as_arrow=True)
    assert isinstance(table, pa.Table) and table.schema == frames.EVENTS
    import pyarrow.parquet as pq

    pq.write_table(table, tmp_path / "e.parquet")
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 5
    s.stories().to_parquet(tmp_path / "s.parquet")
    assert pq.read_table(tmp_path / "s.parquet").num_rows == 2


@pytest.mark.parametrize("call, message", [
    (lambda s: s.events(dyad="ISR"), "give two codes"),
    (lambda s: s.events(dyad="ISR-ISR"), "two different codes"),
    (lambda s: s.events(type="MEET"), "is not one of AGREE"),
    (lambda s: s.events(since="last week"), "is not a date"),
    (lambda s: s.events(actor="Israel"), "is not an actor code"),
    (lambda s: s.events(limit=-1), "whole number"),
    (lambda s: s.relations("ISR", "MAR", as_of="2021-13-01"), "date"),
])  # fmt: skip
def test_bad_parameters_raise_a_clear_error(s, call, message):
    with pytest.raises(ConfigError, match=message):
        call(s)


def _python_blocks(markdown: str) -> str:
    return "\n".join(re.findall(r"```python\n(.*?)```", markdown, flags=re.DOTALL))


@pytest.mark.slow
def test_the_worked_example_in_docs_runs(tmp_path, monkeypatch):
    from diplograph.config import load_settings
    from diplograph.pipeline import ingest
    from diplograph.store import open_database

    db = open_database(str(tmp_path / "demo.db"))
    assert ingest([str(EXAMPLES)], db, load_settings(workers=1)).failed == 0
    db.close()
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(_python_blocks((ROOT / "docs" / "python.md").read_text()), "python.md", "exec"),
         namespace)  # fmt: skip
    ties = namespace["ties"]
    assert ties.set_index("facet").value["diplomatic_ties"] == "full"
    assert len(namespace["monthly"]) > 0 and "partner" in namespace["wide"].index.names
    assert (tmp_path / "events.parquet").is_file()

"""Event exports: PLOVER JSON Lines (SPEC §5 keys and order), GDELT table, Parquet."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from diplograph.events.export import GDELT_COLUMNS, PLOVER_KEYS, write_events
from diplograph.model import ActorRef, Article, Attribution, Event, RawInput, stable_id
from diplograph.store import save_article

TEXT = "Israel and Morocco held talks. Qatar severed trade ties with Israel in 2009."


def stored(db):
    raw = RawInput(source="a.txt", content=TEXT.encode(), media_type="text/plain")
    art = Article(id=stable_id(TEXT), source="a.txt", text=TEXT, raw=raw,
                  url="https://news.example/a", outlet="news.example")  # fmt: skip
    sanction = Event(
        id="e2", article_id=art.id, event="SANCTION",
        actor=[ActorRef("QAT", "GOV", "Qatar", 31, 36)],
        recipient=[ActorRef("ISR", "GOV", "Israel", 67, 73)], sentence=1, start=31,
        end=len(TEXT), text=TEXT[31:], modality="historical", mode=["withdraw"],
        context=["diplomatic"], date="2009", date_precision="year",
        attribution=Attribution("news.example", ["Axios"]), confidence=0.9,
        trigger="severed ties", coder="diplograph test",
    )  # fmt: skip
    consult = Event(
        id="e1", article_id=art.id, event="CONSULT",
        actor=[ActorRef("ISR", "GOV", "Israel", 0, 6), ActorRef("MAR", "GOV", "Morocco", 11, 18)],
        recipient=[], sentence=0, start=0, end=30, text=TEXT[:30], date="2020-12-10",
        date_precision="day", attribution=Attribution("news.example"), confidence=0.8,
        coder="diplograph test",
    )  # fmt: skip
    art.events = [sanction, consult]
    save_article(db, art)
    return art


def test_jsonl_has_exactly_the_spec_keys_in_order_and_a_stable_order(db):
    art = stored(db)
    buf = io.StringIO()
    assert write_events(db, buf, fmt="jsonl") == 2
    lines = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert [list(obj) for obj in lines] == [list(PLOVER_KEYS)] * 2
    assert [obj["id"] for obj in lines] == ["e1", "e2"]  # by sentence
    first = lines[0]
    assert first["url"] == "https://news.example/a" and first["article_id"] == art.id
    assert first["attribution"] == {"outlet": "news.example", "cited": [], "anonymous": False}
    assert lines[1]["actor"] == [{"code": "QAT", "sector": "GOV", "text": "Qatar", "start": 31,
                                  "end": 36}]  # fmt: skip
    again = io.StringIO()
    write_events(db, again, fmt="jsonl")
    assert again.getvalue() == buf.getvalue()


def test_gdelt_table_has_the_header_and_cameo_columns(db):
    stored(db)
    buf = io.StringIO()
    write_events(db, buf, fmt="gdelt")
    rows = list(csv.DictReader(io.StringIO(buf.getvalue()), delimiter="\t"))
    assert list(rows[0]) == GDELT_COLUMNS
    consult, sanction = rows
    assert consult["EventRootCode"] == "04" and consult["QuadClass"] == "1"
    assert consult["Actor1CountryCode"] == "ISR" and consult["Actor2CountryCode"] == "MAR"
    assert consult["SQLDATE"] == "20201210" and consult["SOURCEURL"] == "https://news.example/a"
    assert sanction["EventCode"] == "161" and sanction["Actor1Code"] == "QATGOV"
    assert float(sanction["GoldsteinScale"]) < 0 and sanction["SQLDATE"] == "20090101"


def test_parquet_keeps_the_nested_fields(db, tmp_path):
    stored(db)
    path = tmp_path / "events.parquet"
    assert write_events(db, path, fmt="parquet") == 2
    table = pq.read_table(path)
    assert table.column_names == list(PLOVER_KEYS)
    rows = table.to_pylist()
    assert rows[0]["actor"][1]["code"] == "MAR" and rows[1]["attribution"]["cited"] == ["Axios"]


def test_unknown_format_is_refused(db):
    from diplograph.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown event export format"):
        write_events(db, io.StringIO(), fmt="xml")

"""Batched processing (one events parse per chunk of articles) changes no result."""

from __future__ import annotations

from diplograph.config import Settings
from diplograph.events.extract import extract_events, extract_events_many
from diplograph.model import Article, RawInput, ReadFailure
from diplograph.pipeline import _before_events, process_batch, process_safely, processed

TEXTS = (
    "Israel and Morocco agreed on Monday to restore diplomatic relations, officials said.\n"
    "The two countries will reopen their embassies in Rabat and Tel Aviv next month.",
    "Saudi Arabia and Iran held talks in Baghdad. Iraq hosted the meeting.\n"
    "Riyadh severed relations with Tehran in 2016 after its embassy was attacked.",
    "The weather in Paris was mild on Tuesday.",
    "China condemned Japan for the visit. Japan rejected the criticism from Beijing.\n"
    "Turkey and Greece signed a trade agreement in Athens on Friday.",
)


def raw(i: int, text: str) -> RawInput:
    return RawInput(source=f"a{i}.txt", content=f"Title: Item {i}\n\n{text}\n".encode(),
                    media_type="text/plain")  # fmt: skip


def outcome_view(x: Article | ReadFailure) -> object:
    """Everything a stored article is made of, comparable with ==."""
    if isinstance(x, ReadFailure):
        return str(x)
    return (x.id, x.text, x.sentences, x.mentions, x.citations, x.events, x.claims, x.terms)


def test_events_of_many_articles_parsed_together_equal_one_at_a_time():
    articles = [_before_events(raw(i, t)) for i, t in enumerate(TEXTS)]
    alone = [extract_events(a) for a in articles]
    together = extract_events_many(articles)
    assert together == alone
    assert sum(len(e) for e in together) >= 2  # the texts do hold events
    assert extract_events_many([]) == []


def test_a_batch_gives_the_outcomes_of_single_records_in_order_failures_in_place():
    records: list[RawInput | ReadFailure] = [raw(i, t) for i, t in enumerate(TEXTS)]
    records.insert(1, RawInput(source="bad.txt", content=b"\xff\xfe\x00bad",
                               media_type="text/plain"))  # fmt: skip
    records.insert(3, ReadFailure("gone.txt", "could not be read"))
    singles = [r if isinstance(r, ReadFailure) else process_safely(r) for r in records]
    batched = process_batch(records)
    assert [outcome_view(x) for x in batched] == [outcome_view(x) for x in singles]
    assert isinstance(batched[3], ReadFailure) and batched[3] is records[3]


def test_serial_and_pooled_chunked_processing_agree():
    records = [raw(i, TEXTS[i % len(TEXTS)] + f" Note {i}.") for i in range(11)]
    serial = list(processed(records, Settings(workers=1)))
    pooled = list(processed(records, Settings(workers=2, pool_threshold=2)))
    assert [outcome_view(x) for x in pooled] == [outcome_view(x) for x in serial]
    assert [x.source for x in pooled] == [f"a{i}.txt" for i in range(11)]

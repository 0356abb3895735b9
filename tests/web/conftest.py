"""A small hand-built store for the web tests: a few articles with events, claims, terms, a story.

One article is hostile: its title, outlet and text carry markup that must come
out escaped everywhere.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from diplograph.model import (
    ActorRef,
    Article,
    Attribution,
    Claim,
    Event,
    Mention,
    RawInput,
    Sentence,
    TermHit,
    stable_id,
)
from diplograph.store import open_database, save_article
from diplograph.store.stories import write_stories
from diplograph.web.app import create_app

HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
STORY = "story0001"
HOSTILE_STORY = "story0002"


def _sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for i, part in enumerate(text.split(" | ")):
        out.append(Sentence(i, start, start + len(part), part))
        start += len(part) + 3
    return out


def _ref(text: str, code: str, body: str) -> ActorRef:
    start = body.index(text)
    return ActorRef(code, "GOV", text, start, start + len(text))


def make_article(text: str, *, url: str, title: str, outlet: str, published: str,
                 events: list[tuple[str, str, str, str]] = (), claims=(), terms=(),
                 story: str | None = None) -> Article:  # fmt: skip
    """An article whose sentences are separated by ' | ' in ``text``.

    ``events``: (type, actor name, recipient name, modality) in the sentence naming both.
    ``claims``: (a, b, facet, value, valid_from) asserted in the sentence naming ``a``'s name.
    """
    codes = {"Israel": "ISR", "Morocco": "MAR", "The United States": "USA", "Qatar": "QAT",
             "Egypt": "EGY"}  # fmt: skip
    raw = RawInput(source=f"{outlet}.txt", content=(title + "\n\n" + text).encode(),
                   media_type="text/plain", url=url)  # fmt: skip
    aid = stable_id(url)
    art = Article(id=aid, source=f"{outlet}.txt", text=text, raw=raw, url=url, outlet=outlet,
                  title=title, published=published, published_precision="day",
                  published_basis="header", story_id=story)  # fmt: skip
    art.sentences = _sentences(text)
    for sent in art.sentences:
        for name, code in codes.items():
            if name in sent.text:
                start = sent.start + sent.text.index(name)
                art.mentions.append(Mention(start, start + len(name), name, code, "GOV",
                                            "country", sent.index))  # fmt: skip
    for n, (etype, who, whom, modality) in enumerate(events):
        sent = next(x for x in art.sentences if who in x.text and whom in x.text)
        art.events.append(Event(
            id=f"{aid}{n:02d}", article_id=aid, event=etype, actor=[_ref(who, codes[who], text)],
            recipient=[_ref(whom, codes[whom], text)], sentence=sent.index, start=sent.start,
            end=sent.end, text=sent.text, modality=modality, date=published,
            date_precision="day", attribution=Attribution(outlet=outlet), confidence=0.8,
        ))  # fmt: skip
    for a, b, facet, value, valid_from in claims:
        sent = next(x for x in art.sentences if "ties" in x.text or "relations" in x.text)
        art.claims.append(Claim(a, b, facet, value, aid, sent.index, sent.text,
                                valid_from=valid_from, valid_from_precision="day",
                                asserted_on=published))  # fmt: skip
    for term in terms:
        start = text.index(term)
        sent = next(x for x in art.sentences if x.start <= start < x.end)
        art.terms.append(TermHit(term, "epithet", sent.index, start, start + len(term), term))
    return art


def build_store(db) -> dict[str, str]:
    """Fill ``db`` with four articles; return their ids by name."""
    arts = {
        "talks": make_article(
            "Israel and Morocco held talks in Rabat on Monday. | "
            "Israel and Morocco have no formal diplomatic relations. | Analysts were surprised.",
            url="https://a.example/1", title="Israel and Morocco hold talks", outlet="a.example",
            published="2019-12-05", events=[("CONSULT", "Israel", "Morocco", "asserted")],
            claims=[("ISR", "MAR", "diplomatic_ties", "none", "2019-12-05")], story=STORY),
        "ties": make_article(
            "Morocco agreed to restore full diplomatic relations with Israel. | "
            "The United States urged Qatar to join. | The occupying regime was criticised.",
            url="https://b.example/2", title="Morocco and Israel restore ties",
            outlet="b.example", published="2020-12-10",
            events=[("AGREE", "Morocco", "Israel", "asserted"),
                    ("REQUEST", "The United States", "Qatar", "proposed")],
            claims=[("ISR", "MAR", "diplomatic_ties", "full", "2020-12-10")],
            terms=["occupying regime"], story=STORY),
        "egypt": make_article(
            "Egypt accused Israel of violating the truce. | Egypt and Israel keep full ties.",
            url="https://c.example/3", title="Egypt accuses Israel", outlet="c.example",
            published="2021-05-01", events=[("ACCUSE", "Egypt", "Israel", "asserted")]),
        "hostile": make_article(
            f"Qatar hosted Israel for talks {HOSTILE}. | Nothing else {HOSTILE} happened.",
            url="https://evil.example/4", title=f"Talks {HOSTILE}", outlet=f"evil{HOSTILE}",
            published="2022-03-03", events=[("CONSULT", "Israel", "Qatar", "asserted")],
            story=HOSTILE_STORY),
    }  # fmt: skip
    for art in arts.values():
        assert save_article(db, art).stored
    write_stories(db, [{
        "id": STORY, "title": "Israel and Morocco", "first_seen": "2019-12-05",
        "last_seen": "2020-12-10", "codes": ["ISR", "MAR"], "outlets": ["a.example", "b.example"],
        "independent_sources": ["a.example", "b.example"], "article_count": 2,
    }, {
        "id": HOSTILE_STORY, "title": f"Story {HOSTILE}", "first_seen": "2022-03-03",
        "last_seen": "2022-03-03", "codes": ["ISR", "QAT"], "outlets": [f"evil{HOSTILE}"],
        "independent_sources": [HOSTILE], "article_count": 1,
    }])  # fmt: skip
    return {name: art.id for name, art in arts.items()}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A migrated store filled by :func:`build_store`, shared by a module's read-only tests."""
    database = open_database(str(tmp_path_factory.mktemp("web") / "web.db"))
    ids = build_store(database)
    yield database, ids
    database.close()


@pytest.fixture(scope="module")
def client(store):
    """A TestClient on the app over the filled store, from a loopback address, no token."""
    db, _ = store
    return TestClient(create_app(db), client=("127.0.0.1", 40000))


@pytest.fixture(scope="module")
def ids(store) -> dict[str, str]:
    """Article ids of the filled store by name."""
    return store[1]

"""Helpers for the relations tests: articles with hand-built mentions and events."""

from __future__ import annotations

import re
from collections.abc import Iterable

from diplograph.model import ActorRef, Article, Claim, Event, Mention, RawInput, stable_id
from diplograph.sentences import split_sentences
from diplograph.store import save_article

#: Names the hand-built mention finder knows (longest match first).
NAMES = {
    "United Arab Emirates": "ARE",
    "UAE": "ARE",
    "Emirati": "ARE",
    "Abu Dhabi": "ARE",
    "Israel": "ISR",
    "Israeli": "ISR",
    "Tel Aviv": "ISR",
    "Morocco": "MAR",
    "Rabat": "MAR",
    "Oman": "OMN",
    "Bahrain": "BHR",
    "Qatar": "QAT",
    "Egypt": "EGY",
    "Jordan": "JOR",
    "Sudan": "SDN",
    "Saudi Arabia": "SAU",
    "Riyadh": "SAU",
    "Iran": "IRN",
    "Tehran": "IRN",
    "Turkey": "TUR",
    "Ankara": "TUR",
    "United States": "USA",
    "Britain": "GBR",
    "Syria": "SYR",
    "Arab League": "ARL",
}


def find_mentions(article: Article, extra: dict[str, str] | None = None) -> list[Mention]:
    """Mentions of the names above (and ``extra`` phrases, e.g. coreferences) in each sentence."""
    names = {**NAMES, **(extra or {})}
    regex = re.compile(
        r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b"
    )
    out = []
    for sentence in article.sentences:
        for m in regex.finditer(sentence.text):
            code = names[m.group(1)]
            kind = "igo" if code == "ARL" else "coref" if m.group(1) in (extra or {}) else "country"
            out.append(
                Mention(
                    sentence.start + m.start(),
                    sentence.start + m.end(),
                    m.group(1),
                    code,
                    "GOV",
                    kind,
                    sentence.index,
                )
            )
    return out


def make_article(
    text: str,
    *,
    published: str | None = "2019-12-05",
    coref: dict[str, str] | None = None,
    events: Iterable[Event] = (),
    outlet: str | None = "example.org",
    source: str = "a.txt",
) -> Article:
    """An article with sentences and hand-built mentions (no actors stage involved)."""
    raw = RawInput(source=source, content=text.encode(), media_type="text/plain")
    article = Article(
        id=stable_id(source, text),
        source=source,
        text=text,
        raw=raw,
        outlet=outlet,
        published=published,
    )
    article.sentences = split_sentences(text)
    article.mentions = find_mentions(article, coref)
    article.events = list(events)
    return article


def make_event(
    article_text: str,
    event: str,
    actors: list[str],
    recipients: list[str],
    *,
    sentence: int = 0,
    modality: str = "asserted",
    date: str | None = None,
) -> Event:
    """A hand-built event over the first sentence of ``article_text``."""
    text = split_sentences(article_text)[sentence].text

    def refs(codes: list[str]) -> list[ActorRef]:
        return [ActorRef(code, "GOV", code, 0, 3) for code in codes]

    return Event(
        id=stable_id(text, event),
        article_id="x",
        event=event,
        actor=refs(actors),
        recipient=refs(recipients),
        sentence=sentence,
        start=0,
        end=len(text),
        text=text,
        modality=modality,
        date=date,
    )


def store_claims(
    db,
    claims: list[Claim],
    *,
    article_id: str,
    published: str | None,
    outlet: str | None = "example.org",
    text: str | None = None,
) -> None:
    """Save an article that carries exactly ``claims`` (for timeline tests)."""
    body = text or f"article {article_id}"
    raw = RawInput(source=f"{article_id}.txt", content=body.encode(), media_type="text/plain")
    article = Article(
        id=article_id,
        source=raw.source,
        text=body,
        raw=raw,
        outlet=outlet,
        published=published,
        url=f"https://example.org/{article_id}",
    )
    for claim in claims:
        claim.article_id = article_id
    article.claims = claims
    assert save_article(db, article).stored


def claim(
    a: str,
    b: str,
    facet: str,
    value: str,
    valid_from: str | None,
    *,
    modality: str = "asserted",
    kind: str = "change",
    asserted_on: str | None = None,
    sentence: int = 0,
    text: str = "a sentence",
) -> Claim:
    """A hand-built claim (``a`` < ``b`` required by the store's convention)."""
    assert a < b
    precision = {4: "year", 7: "month", 10: "day"}.get(len(valid_from or ""), "unknown")
    return Claim(
        a=a,
        b=b,
        facet=facet,
        value=value,
        article_id="",
        sentence=sentence,
        text=text,
        modality=modality,
        valid_from=valid_from,
        valid_from_precision=precision,
        asserted_on=asserted_on or valid_from,
        kind=kind,
    )

"""Hand-built articles for event tests: text, sentences, and mentions placed by hand."""

from __future__ import annotations

from diplograph.model import Article, Citation, Mention, RawInput, stable_id
from diplograph.sentences import split_sentences


def make_article(
    text: str,
    actors: dict[str, tuple[str, str]],
    *,
    published: str | None = "2022-07-15",
    outlet: str | None = "example.org",
    citations: list[Citation] | None = None,
    kinds: dict[str, str] | None = None,
) -> Article:
    """An article whose mentions are every occurrence of each key of ``actors``.

    ``actors`` maps a surface string to (code, sector); ``kinds`` may give a
    mention kind per surface string (default "country").
    """
    raw = RawInput(source="t.txt", content=text.encode(), media_type="text/plain")
    precision = {4: "year", 7: "month", 10: "day"}.get(len(published or ""), "unknown")
    article = Article(id=stable_id(text), source="t.txt", text=text, raw=raw, outlet=outlet,
                      published=published, published_precision=precision)
    article.sentences = split_sentences(text)
    article.mentions = find_by_hand(article, actors, kinds or {})
    article.citations = citations or []
    return article


def find_by_hand(article: Article, actors: dict[str, tuple[str, str]],
                 kinds: dict[str, str]) -> list[Mention]:
    """Every occurrence of each surface string, longest strings first, without overlaps."""
    taken: list[tuple[int, int]] = []
    out: list[Mention] = []
    for surface in sorted(actors, key=len, reverse=True):
        code, sector = actors[surface]
        start = article.text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if not any(a < end and start < b for a, b in taken):
                taken.append((start, end))
                sent = next(s.index for s in article.sentences if s.start <= start < s.end)
                out.append(Mention(start, end, surface, code or None, sector,
                                   kinds.get(surface, "country"), sent))
            start = article.text.find(surface, end)
    return sorted(out, key=lambda m: m.start)


def triples_of(events) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(type, actor codes, recipient codes) of each event."""
    return {(e.event, tuple(sorted(r.code for r in e.actor)),
             tuple(sorted(r.code for r in e.recipient))) for e in events}

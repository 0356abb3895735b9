"""Recognising and resolving actor mentions in an article's sentences.

The flow per article (docs/actors.md):

1. every sentence is tokenised once and walked through the compiled phrase
   trie (:mod:`diplograph.actors.lexicon`): longest match wins, ties go by kind
   priority; unnamed collectives ("six Gulf states") are found in the gaps;
2. sentence by sentence, in order, :class:`~diplograph.actors.coref.ArticleContext`
   resolves anaphors from what came before, joins heads to organ and title
   templates (:mod:`diplograph.actors.compose`), resolves pronouns, and learns
   the names that titles introduce;
3. spans become :class:`~diplograph.model.Mention` objects with offsets into
   ``article.text``.

No parser runs here: the cost is a dictionary walk per token.
"""

from __future__ import annotations

import logging

from diplograph.actors.coref import ArticleContext
from diplograph.actors.lexicon import PRIORITY, THE_KINDS, Entry, Lexicon, Span, get_lexicon
from diplograph.actors.persons import resolve_person
from diplograph.actors.registry import Registry
from diplograph.actors.tokens import Token, tokenize
from diplograph.model import Article, Mention, Sentence
from diplograph.sentences import split_sentences

log = logging.getLogger(__name__)

TEMPLATE_KINDS = frozenset({"organ_template", "title_template"})


def find_mentions(article: Article) -> list[Mention]:
    """Every actor mention in ``article``, resolved to a code where possible.

    Offsets index ``article.text``; ``Mention.sentence`` is the Sentence index
    (sentences are split here when ``article.sentences`` is empty).
    "Both countries" and the like yield two mentions over the same span, one
    per code.
    """
    sentences = article.sentences or split_sentences(article.text)
    if not sentences:
        return []
    registry, lex = get_lexicon()
    tokens = [tokenize(article.text[s.start : s.end], offset=s.start) for s in sentences]
    spans = [primary_spans(lex, registry, toks, published=article.published) for toks in tokens]
    context = ArticleContext(registry, lex, spans)
    mentions: list[Mention] = []
    for sentence, toks, sent_spans in zip(sentences, tokens, spans, strict=True):
        resolved = context.resolve_sentence(sentence.index, toks, sent_spans)
        mentions.extend(to_mentions(article.text, sentence, toks, resolved))
    return mentions


def primary_spans(
    lex: Lexicon, registry: Registry, tokens: list[Token], *, published: str | None
) -> list[Span]:
    """Leftmost-longest phrase matches of one sentence, then collectives in the gaps."""
    spans: list[Span] = []
    i = 0
    while i < len(tokens):
        j, entries = lex.longest(tokens, i)
        j3, entries3 = lex.anaphor_with_descriptor(tokens, i)
        if entries3 and j3 > j:
            j, entries = j3, entries3
        if not entries:
            i += 1
            continue
        if tokens[i].key == "the" and i + 1 < j:
            # "the West Asia region": a name starting after "the" that reaches further wins
            j2, entries2 = lex.longest(tokens, i + 1)
            if entries2 and j2 > j:
                i, j, entries = i + 1, j2, entries2
        span = _pick(registry, tokens, i, j, entries, published)
        if span is not None and not _dateline(tokens, span):
            spans.append(_compound_modifier(tokens, span))
        i = j
    return find_collectives(lex, tokens, spans)


def _pick(
    registry: Registry, tokens: list[Token], i: int, j: int, entries: list[Entry],
    published: str | None,
) -> Span | None:  # fmt: skip
    """The span one match stands for, trying entries in priority order."""
    for entry in sorted(entries, key=lambda e: PRIORITY.get(e.kind, 99)):
        if entry.kind in ("anaphor", "regime"):
            start = _definite_start(tokens, i, strict=entry.kind == "regime")
            if start is None:
                continue
            return Span(start, j, entry.kind, value=entry.value, alternatives=entries)
        if entry.kind == "person":
            holders = [registry.holders[h] for h in entry.holders if h in registry.holders]
            who = resolve_person(holders, published)
            # "Power struggles…", "Ban on…": a one-word name opening a sentence may be a
            # common word; it counts only if the article names the person in full somewhere
            weak = j - i == 1 and (i == 0 or (i == 1 and not tokens[0].text.isalnum()))
            return Span(i, j, "person", who.code, who.sector, who.actor, anchor=True,
                        emit=who.code is not None, value="weak" if weak else "")  # fmt: skip
        if entry.kind in TEMPLATE_KINDS:
            return Span(i, j, entry.kind, sector=entry.sector, value=entry.value, emit=False,
                        anchor=entry.kind == "title_template" and _singular(tokens[j - 1]),
                        alternatives=entries)  # fmt: skip
        return Span(i, j, entry.kind, entry.code, entry.sector, entry.actor,
                    emit=entry.kind != "stop", value=entry.value if entry.kind == "pair" else "",
                    alternatives=entries)  # fmt: skip
    return None


_DATELINE_MARKS = frozenset({"-", "\u2014", "(", ",", ":"})


def _dateline(tokens: list[Token], span: Span) -> bool:
    """ "ANKARA - Turkey and Israel …", "WASHINGTON (Reuters) -": a place, not an actor."""
    if span.i != 0 or span.kind != "metonym" or span.j >= len(tokens):
        return False
    mark = tokens[span.j]
    spaced = mark.start > tokens[span.j - 1].end or mark.text in (",", ":")
    return spaced and mark.text in _DATELINE_MARKS \
        and all(t.text.isupper() for t in tokens[: span.j] if t.text.isalpha())  # fmt: skip


def _compound_modifier(tokens: list[Token], span: Span) -> Span:
    """ "US-backed talks", "the Iran-affiliated newspaper": a state name used as an adjective."""
    j = span.j
    if span.kind in ("country", "metonym", "epithet") and j + 1 < len(tokens) \
            and tokens[j].text == "-" and tokens[j + 1].text.islower() \
            and tokens[j - 1].end == tokens[j].start == tokens[j + 1].start - 1:  # fmt: skip
        span.kind, span.sector = "adjective", None
    return span


def _singular(token: Token) -> bool:
    return not (token.key.endswith("s") and not token.key.endswith("ss")) and token.key != "men"


def _definite_start(tokens: list[Token], i: int, *, strict: bool) -> int | None:
    """Index of the "the" that makes an anaphor definite ("the (tiny) Gulf state", "the
    22-member bloc"), or None."""
    for back in range(1, 2 if strict else 4):
        k = i - back
        if k < 0:
            return None
        if tokens[k].key == "the":
            return k
        if not (tokens[k].text.islower() or tokens[k].key == "-" or tokens[k].text.isdigit()):
            return None
    return None


def find_collectives(lex: Lexicon, tokens: list[Token], spans: list[Span]) -> list[Span]:
    """Add unnamed collectives ("Arab nations", "six Gulf states", "Gulf officials")."""
    taken = {k: s for s in spans for k in range(s.i, s.j)}
    by_start = {s.i: s for s in spans}
    out = list(spans)
    openers = lex.first_words.get("quantifier", set()) | lex.first_words.get(
        "collective_modifier", set())
    i = 0
    while i < len(tokens):
        if tokens[i].key not in openers:
            i += 1
            continue
        k, quantified, modified = i, False, False
        while k < len(tokens) and k not in taken and (n := lex.word_at("quantifier", tokens, k)):
            quantified = quantified or tokens[k].key != "the"
            k += n
        while k < len(tokens) and k not in taken and (n := lex.word_at("collective_modifier",
                                                                       tokens, k)):  # fmt: skip
            modified, k = True, k + n
        head_end = _collective_head(lex, tokens, k, taken, by_start, modified=modified)
        if head_end and (modified or quantified) and i not in taken:
            head = by_start.get(k)
            if head is not None:
                out.remove(head)
            out.append(Span(i, head_end, "collective"))
            i = head_end
        else:
            i += 1
    return sorted(out, key=lambda s: (s.i, s.j))


def _collective_head(
    lex: Lexicon, tokens: list[Token], k: int, taken: dict[int, Span],
    by_start: dict[int, Span], *, modified: bool,
) -> int:  # fmt: skip
    """End of a collective head word or template at token ``k`` (0: none)."""
    if k >= len(tokens):
        return 0
    span = by_start.get(k)
    if span is not None and span.kind in TEMPLATE_KINDS:
        return span.j if modified else 0
    if k in taken:
        return 0
    n = lex.word_at("collective_head", tokens, k)
    return k + n if n else 0


def _takes_the(span: Span, tokens: list[Token]) -> bool:
    """Whether a preceding "the" belongs to the mention: not before a one-word,
    title-case state name ("the Beijing agreement", "the Iran deal")."""
    if span.kind not in THE_KINDS or span.i == 0:
        return False
    word = tokens[span.i].text
    one_word_name = span.j - span.i == 1 and span.kind in ("country", "metonym") \
        and word[:1].isupper() and not word.isupper()  # fmt: skip
    return not one_word_name


def to_mentions(
    text: str, sentence: Sentence, tokens: list[Token], spans: list[Span]
) -> list[Mention]:
    """Turn a sentence's resolved spans into Mentions (a preceding "the" joins names)."""
    taken = {k for s in spans for k in range(s.i, s.j)}
    out: list[Mention] = []
    for span in spans:
        if not span.emit or span.kind in TEMPLATE_KINDS or span.kind == "stop":
            continue
        i = span.i
        if _takes_the(span, tokens) and tokens[i - 1].key == "the" and i - 1 not in taken:
            i -= 1
        start, end = tokens[i].start, tokens[span.j - 1].end
        for code in [span.code, *span.extra_codes]:
            out.append(Mention(start, end, text[start:end], code, span.sector, span.kind,
                               sentence.index, span.actor))  # fmt: skip
    return out

"""The compiled phrase table: every registry phrase as a token trie, plus the cue word sets.

Built once per registry version (:func:`get_lexicon`). Matching walks the trie
from each token, so its cost grows with sentence length, not with the number
of phrases: users can add rows freely.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from diplograph.actors.registry import Registry, get_registry
from diplograph.actors.tokens import Token, case_ok, fold, phrase_tokens

log = logging.getLogger(__name__)

#: When several entries cover the same span, the lowest number is preferred.
PRIORITY = {
    "stop": 0, "organ": 1, "country": 2, "metonym": 3, "epithet": 4, "igo": 5, "group": 6,
    "pair": 8, "anaphor": 9, "regime": 10, "collective": 11,
    "organ_template": 12, "title_template": 13, "adjective": 14, "person": 15,
}  # fmt: skip
#: The trie key under which a node keeps the entries that end there. Not a string, so that no
#: token's folded key (which may be empty: "…" folds to nothing) can collide with it.
_LEAF = None
#: Kinds that name an actor by themselves and can head an organ or title ("Israel's army").
HEAD_KINDS = frozenset({"country", "adjective", "metonym", "epithet", "igo", "group", "organ",
                        "person", "coref"})  # fmt: skip
#: Kinds a preceding "the" is folded into ("the United States", "the Pentagon").
THE_KINDS = frozenset({"home", "country", "metonym", "epithet", "igo", "group", "organ", "collective",
                       "title", "coref"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Entry:
    """One phrase of the registry with what it resolves to."""

    tokens: tuple[str, ...]
    kind: str
    code: str | None = None
    sector: str | None = None
    actor: str | None = None
    value: str = ""  # anaphor category, title rank
    holders: tuple[str, ...] = ()  # office holders this phrase may name


@dataclass(slots=True)
class Span:
    """A stretch of a sentence's tokens ``[i, j)`` and what it names (internal to the matcher)."""

    i: int
    j: int
    kind: str
    code: str | None = None
    sector: str | None = None
    actor: str | None = None
    value: str = ""
    alternatives: list[Entry] = field(default_factory=list)
    extra_codes: list[str] = field(default_factory=list)  # "both countries": the second code
    anchor: bool = False  # a person or title: a pronoun may refer to it
    emit: bool = True


@dataclass(slots=True)
class Lexicon:
    """The trie of phrases and the cue sets, for one registry version."""

    trie: dict = field(default_factory=dict)
    words: dict[str, set[tuple[str, ...]]] = field(default_factory=dict)
    max_word_len: dict[str, int] = field(default_factory=dict)
    first_words: dict[str, set[str]] = field(default_factory=dict)

    def add(self, phrase: str, entry_kind: str, **values: object) -> None:
        """Add one phrase; a leading "the" becomes optional when two or more tokens follow."""
        tokens = phrase_tokens(phrase)
        if not tokens:
            return
        self._insert(Entry(tokens, entry_kind, **values))  # type: ignore[arg-type]
        if len(tokens) >= 3 and tokens[0].lower() == "the":
            self._insert(Entry(tokens[1:], entry_kind, **values))  # type: ignore[arg-type]

    def _insert(self, entry: Entry) -> None:
        node = self.trie
        for tok in entry.tokens:
            node = node.setdefault(fold(tok), {})
        bucket = node.setdefault(_LEAF, [])
        if entry not in bucket:
            bucket.append(entry)

    def add_words(self, cue: str, phrase: str) -> None:
        """Add a cue word or phrase (compared as folded tokens)."""
        key = tuple(fold(t) for t in phrase_tokens(phrase))
        if key:
            self.words.setdefault(cue, set()).add(key)
            self.first_words.setdefault(cue, set()).add(key[0])
            self.max_word_len[cue] = max(self.max_word_len.get(cue, 0), len(key))

    def word_at(self, cue: str, tokens: list[Token], i: int) -> int:
        """Length in tokens of the longest ``cue`` phrase starting at token ``i`` (0: none)."""
        if i >= len(tokens) or tokens[i].key not in self.first_words.get(cue, ()):
            return 0
        table = self.words[cue]
        for n in range(min(self.max_word_len[cue], len(tokens) - i), 0, -1):
            if tuple(t.key for t in tokens[i : i + n]) in table:
                return n
        return 0

    def longest(self, tokens: list[Token], i: int) -> tuple[int, list[Entry]]:
        """The longest phrase match at token ``i``: (end index, entries), or (i, [])."""
        node = self.trie
        best: tuple[int, list[Entry]] = (i, [])
        j = i
        while j < len(tokens):
            node = node.get(tokens[j].key)  # type: ignore[assignment]
            if node is None:
                break
            j += 1
            bucket = node.get(_LEAF)
            if bucket:
                fits = [e for e in bucket if _case_fits(e, tokens, i)]
                if fits:
                    best = (j, fits)
        return best


    def anaphor_with_descriptor(self, tokens: list[Token], i: int) -> tuple[int, list[Entry]]:
        """An anaphor of two or more words with one lower-case descriptor before its last word
        ("the Gulf littoral state", "the Persian Gulf island state"): (end index, the
        anaphor entries), or (i, [])."""
        node = self.trie
        best: tuple[int, list[Entry]] = (i, [])
        j = i
        while j + 1 < len(tokens):
            word = tokens[j]
            if j > i and word.text.isalpha() and word.text.islower() \
                    and word.key not in _NOT_DESCRIPTORS:  # fmt: skip
                bucket = node.get(tokens[j + 1].key, {}).get(_LEAF, [])
                fits = [e for e in bucket if e.kind == "anaphor"
                        and _case_fits(e, tokens[i:j] + tokens[j + 1 : j + 2], 0)]  # fmt: skip
                if fits:
                    best = (j + 2, fits)
            node = node.get(word.key)  # type: ignore[assignment]
            if node is None:
                break
            j += 1
        return best


#: Lower-case words that never describe an anaphor's head ("the Gulf and state").
_NOT_DESCRIPTORS = frozenset({
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "is", "its", "nor",
    "of", "on", "or", "than", "that", "the", "their", "this", "to", "was", "which", "with",
})  # fmt: skip


def _case_fits(entry: Entry, tokens: list[Token], i: int) -> bool:
    return all(case_ok(p, tokens[i + k].text) for k, p in enumerate(entry.tokens))


def plural(phrase: str) -> str | None:
    """The plural of a lower-case title or organ phrase ("minister" → "ministers"), or None."""
    head, _, last = phrase.rpartition(" ")
    if not last.isalpha() or not last.islower() or last.endswith("s"):
        return None
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "o", "u"):
        last = last[:-1] + "ies"
    elif last.endswith(("x", "ch", "sh")):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}".strip()


def build_lexicon(registry: Registry) -> Lexicon:
    """Compile every registry phrase and cue into a :class:`Lexicon`."""
    lex = Lexicon()
    for c in registry.countries.values():
        for name in (c.name, *c.aliases):
            lex.add(name, "country", code=c.code, sector="GOV")
        for adj in c.adjectives:
            lex.add(adj, "adjective", code=c.code)
        for met in c.metonyms:
            lex.add(met, "metonym", code=c.code, sector="GOV")
        for epi in c.epithets:
            lex.add(epi, "epithet", code=c.code, sector="GOV")
    for org in registry.organisations:
        for name in dict.fromkeys((org.name, *org.aliases)):
            lex.add(name, org.kind, code=org.code, sector=org.sector, actor=org.name)
    for organ in registry.organs:
        for pattern in organ.patterns:
            if organ.code:
                lex.add(pattern, "organ", code=organ.code, sector=organ.sector, actor=pattern)
            else:
                _add_template(lex, pattern, "organ_template", organ.sector, "")
    for title in registry.titles:
        for pattern in title.patterns:
            _add_template(lex, pattern, "title_template", title.sector, title.rank)
    _add_people(lex, registry)
    _add_cues(lex, registry)
    return lex


def _add_template(lex: Lexicon, pattern: str, kind: str, sector: str, rank: str) -> None:
    lex.add(pattern, kind, sector=sector, value=rank)
    many = plural(pattern)
    if many:
        lex.add(many, kind, sector=sector, value=rank)


def _add_people(lex: Lexicon, registry: Registry) -> None:
    """Full names and aliases of office holders; an alias two people share names both."""
    names: dict[str, list[str]] = {}
    for holder in registry.holders.values():
        for form in dict.fromkeys((holder.name, *holder.aliases)):
            names.setdefault(form, []).append(holder.name)
    for form, holders in names.items():
        lex.add(form, "person", holders=tuple(dict.fromkeys(holders)))


def _add_cues(lex: Lexicon, registry: Registry) -> None:
    for cue in registry.cues:
        if cue.cue == "pair":
            lex.add(cue.phrase, "pair", value=cue.value)  # "exact": only two states in view
        elif cue.cue in ("collective", "stop", "regime"):
            lex.add(cue.phrase, cue.cue)
        elif cue.cue == "anaphor":
            lex.add(cue.phrase, "anaphor", value=cue.value)
        else:
            lex.add_words(cue.cue, cue.phrase)


_LEXICONS: dict[str, Lexicon] = {}


def get_lexicon() -> tuple[Registry, Lexicon]:
    """The registry and its compiled lexicon, rebuilt only when the registry changes."""
    registry = get_registry()
    lex = _LEXICONS.get(registry.fingerprint)
    if lex is None:
        if len(_LEXICONS) >= 4:
            _LEXICONS.clear()
        lex = _LEXICONS[registry.fingerprint] = build_lexicon(registry)
        log.debug("actor lexicon compiled (%s)", registry.fingerprint)
    return registry, lex

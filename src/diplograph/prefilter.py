"""A cheap test before a regular-expression search: are the words it needs in the text?

Lexicon patterns (stative facet patterns, loaded terms) are run over every
sentence, and almost every search finds nothing. :func:`required_literals`
reads a compiled pattern once and lists the literal strings every match must
contain ("ties" or "relations"); :func:`may_match` says False only when one of
them is missing, so skipping the search never changes a result.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as _c  # the parsed form of a pattern; read-only use
from re import _parser as _re_parser
from typing import Any

#: Characters that case-insensitively match an ASCII letter but do not lower-case to it.
_ODD_FOLDS = frozenset("İıſ")


@lru_cache(maxsize=1024)
def required_literals(regex: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """What every match of ``regex`` contains, for a cheap test before searching.

    Each item is a set of lower-case ASCII strings at least one of which every
    match holds ("ties" or "relations"). Nothing is required when the pattern
    cannot be read (the prefilter then lets every text through).
    """
    try:
        parsed = _re_parser.parse(regex.pattern, regex.flags)
    except Exception:  # noqa: BLE001 - only an optimisation: search everything instead
        return ()
    return tuple(_sequence_literals(list(parsed)))


def _sequence_literals(items: list[tuple[Any, Any]]) -> list[frozenset[str]]:
    out: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is _c.LITERAL and arg < 128:
            run.append(chr(arg).lower())
            continue
        if run:
            out.append(frozenset({"".join(run)}))
            run = []
        if op is _c.SUBPATTERN:
            out.extend(_sequence_literals(list(arg[-1])))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and arg[0] >= 1:
            out.extend(_sequence_literals(list(arg[2])))
        elif op is _c.BRANCH:
            options = [_sequence_literals(list(alt)) for alt in arg[1]]
            if options and all(options):
                out.append(frozenset().union(*(max(o, key=lambda s: min(map(len, s)))
                                               for o in options)))  # fmt: skip
    if run:
        out.append(frozenset({"".join(run)}))
    return out


def may_match(regex: re.Pattern[str], lowered: str | None) -> bool:
    """False only when ``regex`` cannot match the text whose ``lower()`` is ``lowered``.

    ``lowered`` is None for a text with characters that fold oddly: always True.
    """
    if lowered is None:
        return True
    for need in _needs(regex):  # plain loops: this runs for every pattern × sentence
        for literal in need:
            if literal in lowered:
                break
        else:
            return False
    return True


#: :func:`required_literals` by pattern object. A ``re.Pattern`` hashes its whole compiled
#: program on every dict lookup, which cost more than the test itself; the pattern is kept
#: with its entry, so its id is never reused while the entry lives.
_NEEDS: dict[int, tuple[re.Pattern[str], tuple[frozenset[str], ...]]] = {}
_NEEDS_MAX = 4096


def _needs(regex: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    hit = _NEEDS.get(id(regex))
    if hit is not None and hit[0] is regex:
        return hit[1]
    needs = required_literals(regex)
    if len(_NEEDS) >= _NEEDS_MAX:  # patterns compiled on the fly (tests, user data): bounded
        _NEEDS.clear()
    _NEEDS[id(regex)] = (regex, needs)
    return needs


def lowered_for_prefilter(text: str) -> str | None:
    """``text.lower()``, or None when a character in it folds oddly ("İ", "ı", "ſ")."""
    return None if _ODD_FOLDS.intersection(text) else text.lower()

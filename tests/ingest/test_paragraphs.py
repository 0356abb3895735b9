"""The cheaper jusText run classifies every paragraph as :func:`justext.justext` does."""

from __future__ import annotations

from html import escape

import justext
import pytest

from diplograph.ingest.boilerplate import cue_verdicts, load_lexicon, score_line
from diplograph.ingest.lines import justext_classes, stoplist_for
from diplograph.ingest.paragraphs import classified_paragraphs

#: Written for this test: prose, short lines, a copyright line, odd spacing and markup.
LINES = [
    "World | Politics | Opinion",
    "By Mara Lindqvist",
    "Ministers from the two neighbouring states met in the capital on Monday and agreed "
    "to reopen the border crossing that has been closed since the spring, according to "
    "a statement released by the foreign ministry after the talks had ended.",
    "Trade was also discussed.",
    "The delegations said that they would meet again before the end of the year, and "
    "that a joint commission would be set up to oversee the work of the customs offices "
    "on both sides of the frontier.",
    "Read more:  <b>five things</b>\tto know & more",
    "© 2031 Example Media. All rights reserved.",
    "Share",
]


def _page(lines: list[str]) -> bytes:
    return ("<html><body>" + "".join(f"<p>{escape(x)}</p>" for x in lines)
            + "</body></html>").encode("utf-8")  # fmt: skip


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_same_classes_and_texts_as_justext(language):
    stoplist = stoplist_for(language)
    for lines in (LINES, LINES[::-1], LINES[2:5], LINES[:2]):
        mine = classified_paragraphs(_page(lines), stoplist)
        theirs = justext.justext(_page(lines), stoplist, encoding="utf-8")
        assert [(p.class_type, p.cf_class, p.text, p.heading) for p in mine] == \
               [(p.class_type, p.cf_class, p.text, p.heading) for p in theirs]  # fmt: skip
    classes = [c for c, _ in justext_classes(LINES, stoplist_for("en"))]
    assert "good" in classes and "bad" in classes  # the example exercises both ends


def test_the_lexicon_prefilter_finds_every_cue_a_full_search_finds():
    lexicon = load_lexicon()
    lines = LINES + ["Follow us on Facebook", "SUBSCRIBE NOW", "Photo: AFP", "Published 3 May"]
    for line in lines:
        found = score_line(line, lexicon=lexicon)
        full = [c.kind for c in lexicon if c.pattern.search(line)]
        assert set(found.kinds) <= set(full)
        assert [k for k in full if k not in {"published", "updated", "byline", "tags"}] == \
               [k for k in found.kinds if k not in {"published", "updated", "byline", "tags"}]
    assert any(v.kinds for v in cue_verdicts(lines, lexicon=lexicon))

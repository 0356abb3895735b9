"""jusText's paragraph classes at less cost: the same steps, each paragraph's text built once.

:func:`justext.justext` parses the page, cuts it into paragraphs and
classifies them; its ``Paragraph.text`` joins and re-normalises the
paragraph's text nodes on every read, and the classifiers read it about ten
times per paragraph. :func:`classified_paragraphs` runs jusText's own steps
(``justext.core``) with the same defaults, but once the paragraphs are cut,
each keeps the text it had then: the classes are those of
:func:`justext.justext` (``tests/ingest/test_paragraphs.py``), for a third of
the time.
"""

from __future__ import annotations

from functools import cached_property

from justext import core
from justext.paragraph import Paragraph


class _SettledParagraph(Paragraph):
    """A paragraph whose text nodes no longer change: its text is computed once."""

    @cached_property
    def text(self) -> str:  # type: ignore[override]
        """The paragraph's normalised text (as jusText's ``Paragraph.text``)."""
        return Paragraph.text.fget(self)  # type: ignore[attr-defined]


def classified_paragraphs(html: bytes, stoplist: frozenset[str]) -> list[Paragraph]:
    """:func:`justext.justext` on a UTF-8 page with its default settings: its paragraphs."""
    dom = core.preprocessor(core.html_to_dom(html, core.DEFAULT_ENCODING, "utf-8",
                                             core.DEFAULT_ENC_ERRORS))  # fmt: skip
    paragraphs = core.ParagraphMaker.make_paragraphs(dom)
    for paragraph in paragraphs:  # cut: from here on its text is read, never extended
        paragraph.__class__ = _SettledParagraph
    core.classify_paragraphs(paragraphs, stoplist, core.LENGTH_LOW_DEFAULT,
                             core.LENGTH_HIGH_DEFAULT, core.STOPWORDS_LOW_DEFAULT,
                             core.STOPWORDS_HIGH_DEFAULT, core.MAX_LINK_DENSITY_DEFAULT,
                             core.NO_HEADINGS_DEFAULT)  # fmt: skip
    core.revise_paragraph_classification(paragraphs, core.MAX_HEADING_DISTANCE_DEFAULT)
    return paragraphs

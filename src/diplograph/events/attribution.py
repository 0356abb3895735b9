"""Attribution: the outlet, the reports a sentence cites, and whether the source is unnamed."""

from __future__ import annotations

from diplograph.events.ontology import cue_phrases_regex
from diplograph.model import Article, Attribution, Citation


def attribute(article: Article, sentence: int, text: str) -> Attribution:
    """Who says what ``sentence`` says.

    ``cited`` holds the reports cited in the sentence itself or, when it
    points back ("according to the report", "it added"), the most recent
    report cited before it. ``anonymous`` is set when the ultimate source is
    unnamed ("unnamed officials", "on condition of anonymity", "sources told").
    """
    named = [c for c in article.citations if c.kind != "anonymous"]
    cited = _names(c for c in named if c.sentence == sentence)
    back = cue_phrases_regex("report_ref")
    if not cited and back is not None and back.search(text):
        earlier = [c for c in named if c.sentence is not None and c.sentence < sentence]
        if earlier:
            cited = [max(earlier, key=lambda c: c.sentence or 0).name]
    anon_cue = cue_phrases_regex("anonymous")
    anonymous = bool(anon_cue is not None and anon_cue.search(text)) or any(
        c.kind == "anonymous" and c.sentence == sentence for c in article.citations
    )
    return Attribution(outlet=article.outlet, cited=cited, anonymous=anonymous)


def _names(citations) -> list[str]:
    """Citation names in order, each once."""
    seen: list[str] = []
    for c in citations:
        if c.name not in seen:
            seen.append(c.name)
    return seen


def citation_spans(citations: list[Citation], sentence: int, text: str) -> list[tuple[int, int]]:
    """Character spans (within ``text``) naming the reports cited in the sentence."""
    spans = []
    lowered = text.lower()
    for c in citations:
        if c.sentence != sentence or not c.name:
            continue
        start = lowered.find(c.name.lower())
        while start >= 0:
            spans.append((start, start + len(c.name)))
            start = lowered.find(c.name.lower(), start + 1)
    return spans

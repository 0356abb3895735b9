"""Cleaning: one raw record to an Article with clean body text and its metadata.

The flow: decode the bytes (declared charset, else strict UTF-8); take the
main text out of HTML (trafilatura) or the optional header off plain text;
re-join hard-wrapped lines; drop boilerplate line by line; then settle the
title, outlet, publication date (with precision and basis) and language from
the most trusted source that states each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from diplograph import dates
from diplograph.errors import InputError
from diplograph.ingest import metadata
from diplograph.ingest.boilerplate import LineVerdict, score_lines
from diplograph.ingest.decode import decode
from diplograph.ingest.html import PageMeta, extract_html
from diplograph.model import Article, RawInput, stable_id

HEADER = re.compile(r"^(URL|Title|Outlet|Published|Language):\s*(.*)$", re.IGNORECASE)
#: Invisible characters and C0/C1 control characters (other than the line breaks and tabs
#: handled below): they carry no text, and downstream markers rely on their absence.
_INVISIBLE = re.compile(
    r"[\u00ad\u200b\u200c\u200d\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ENDS_CLAUSE = re.compile(r"[.!?:;\"”’)\]…]\s*$")
#: A hint carrying the id a re-processed article keeps (set by ``diplograph reprocess``).
KEEP_ID_HINT = "article_id"
#: Metadata line kinds whose date is the publication date.
DATE_LINE_KINDS = ("published", "byline")


@dataclass(slots=True)
class Body:
    """Text lines of a record before boilerplate removal, with what the container said."""

    lines: list[str]
    fields: dict[str, str] = field(default_factory=dict)  # header / record / feed fields
    page: PageMeta = field(default_factory=PageMeta)
    extractor: str = "plaintext"


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Take the optional ``Key: value`` header lines (SPEC §1.1) off a plain-text article."""
    lines = text.split("\n")
    header: dict[str, str] = {}
    for i, line in enumerate(lines):
        if not line.strip():
            if header:
                return header, "\n".join(lines[i + 1 :])
            return {}, text
        match = HEADER.match(line.strip())
        if not match:
            return {}, text
        header[match.group(1).lower()] = match.group(2).strip()
    return {}, text


def normalise_text(text: str) -> str:
    """Unix newlines, no invisible characters, runs of spaces folded, lines trimmed."""
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def unwrap(text: str) -> list[str]:
    """Paragraph lines: hard-wrapped paragraphs re-joined, blank lines dropped."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        lines = [line for line in para.split("\n") if line.strip()]
        if not lines:
            continue
        if _hard_wrapped(lines):
            out.append(" ".join(lines))
            continue
        out.append(lines[0])
        for line in lines[1:]:
            if not _ENDS_CLAUSE.search(out[-1]) and line[:1].islower():
                out[-1] = f"{out[-1]} {line}"
            else:
                out.append(line)
    return out


def _hard_wrapped(lines: list[str]) -> bool:
    """Most lines of the paragraph stop mid-sentence at a similar width.

    Two such lines alone (a headline over a time stamp, say) are not enough
    unless every line but the last is of that width: a web page's paragraphs
    are lines of any length, a wrapped text's are not.
    """
    if len(lines) < 3:
        return False
    inner = lines[:-1]
    wrapped = [x for x in inner if 40 <= len(x) <= 100 and not _ENDS_CLAUSE.search(x)]
    if len(wrapped) < 0.6 * len(inner):
        return False
    if len(wrapped) >= 3:
        return True
    widest = max(len(x) for x in inner)
    return widest <= 100 and all(len(x) >= 0.75 * widest for x in inner)


def read_body(raw: RawInput) -> Body:
    """Decode the record and split it into lines, with header or page metadata."""
    text = normalise_text(decode(raw))
    fields = {k: v for k, v in raw.hints.items() if v}
    if raw.media_type == "text/html":
        page = extract_html(raw.source, text, url=fields.get("url") or raw.url)
        return Body(page.text.split("\n"), fields, page.meta, page.extractor)
    header, rest = split_header(text)
    fields.update({k: v for k, v in header.items() if v})
    return Body(unwrap(rest), fields)


def title_and_language(body: Body) -> tuple[str | None, str | None]:
    """The title (stated, else the page's headline line) and language the lines are read with."""
    fields, page = body.fields, body.page
    language = metadata.normalise_language(fields.get("language") or page.language) \
        or metadata.guess_language("\n".join(body.lines))  # fmt: skip
    title = fields.get("title") or page.title
    if not title:  # a plain page: its headline line is the title (and leaves the body)
        head = metadata.headline_index(body.lines)
        title = body.lines[head] if head is not None and len(body.lines) > 1 else None
    return title, language


def clean_input(raw: RawInput) -> Article:
    """Turn one raw record into an Article with cleaned text and metadata."""
    body = read_body(raw)
    fields, page = body.fields, body.page
    title, language = title_and_language(body)
    verdicts = score_lines(body.lines, title=title, language=language)
    kept = [v for v in verdicts if not v.removed]
    text = "\n".join(v.text for v in kept)
    if not text.strip():
        raise InputError(raw.source, "no article text left after removing boilerplate "
                         "(is it only a headline, a menu or a notice?)")  # fmt: skip
    url = metadata.normalise_url(fields.get("url") or raw.url or page.url)
    article = Article(
        id=raw.hints.get(KEEP_ID_HINT) or (stable_id(url) if url else
                                            stable_id(" ".join(text.lower().split()))),
        source=raw.source, text=text, raw=raw, url=url, title=title,
        outlet=fields.get("outlet") or page.outlet
        or metadata.outlet_from_credit([v.text for v in verdicts if v.removed])
        or metadata.domain_of(url),
        language=language,
        extractor=body.extractor,
        removed_lines=[v.text for v in verdicts if v.removed and not v.title],
    )  # fmt: skip
    _set_published(article, fields, page, verdicts, kept)
    return article


def _set_published(
    article: Article, fields: dict[str, str], page: PageMeta,
    verdicts: list[LineVerdict], kept: list[LineVerdict],
) -> None:  # fmt: skip
    """Publication date from the most trusted source that states one."""
    candidates: list[tuple[str, dates.StatedDate | None]] = [
        ("header", dates.parse_date(fields.get("published"))),
        ("html", dates.parse_date(page.date)),
        ("url", dates.url_date(article.url)),
        ("text", _date_from_lines(verdicts, day_first=dates.day_first_for(article.url))),
        ("text", _date_from_dateline(verdicts, kept)),
    ]
    for basis, found in candidates:
        if found is not None:
            article.published = found.value
            article.published_precision = found.precision
            article.published_basis = basis
            return
    article.published, article.published_precision, article.published_basis = (
        None, "unknown", "unknown")  # fmt: skip


#: How many lines at the top of a text may hold its time stamp.
STAMP_ZONE = 8


def _date_from_lines(verdicts: list[LineVerdict], *, day_first: bool) -> dates.StatedDate | None:
    """The date of a removed "Published: …" (or dated byline) line, else of a stamp line.

    A stamp line is a line among the first :data:`STAMP_ZONE` that is a date
    with little else around it ("March 3, 2020", "07.11.2019", "Wed 3rd
    March 2021 | 6:40 PM"), kept or removed.
    """
    for kind in DATE_LINE_KINDS:
        for v in verdicts:
            if v.removed and kind in v.kinds:
                found = dates.parse_date(v.text, day_first=day_first)
                if found:
                    return found
    for v in verdicts[:STAMP_ZONE]:
        found = dates.stamp_date(v.text, day_first=day_first)
        if found:
            return found
    return None


def _date_from_dateline(
    verdicts: list[LineVerdict], kept: list[LineVerdict]
) -> dates.StatedDate | None:
    """The date of a wire dateline in the first kept lines; a yearless one takes the year
    the rest of the text states (its other full dates, else its copyright line)."""
    for v in kept[:3]:
        found = dates.dateline_date(v.text)
        if found:
            return found
        if dates.has_dateline(v.text):  # a dateline without a year
            rest = "\n".join(x.text for x in verdicts if x is not v)
            return dates.dateline_date(v.text, year=dates.year_of_text(rest))
    return None

"""HTML main-text extraction (trafilatura) and the metadata a page carries in its markup.

The extractor and its version are recorded on every article, so a text can
always be traced to the code that produced it. When trafilatura finds no main
text in a small fragment (a feed item's ``content:encoded``), the block-level
text of the fragment is used instead and the extractor says so.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from lxml import html as lxml_html

from diplograph.errors import InputError

log = logging.getLogger(__name__)

_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption",
           "div", "td", "dd", "dt")  # fmt: skip
_DROP = ("script", "style", "noscript", "template", "svg", "nav", "footer", "form", "button",
         "iframe", "header", "aside")  # fmt: skip
_TITLE_SUFFIX = re.compile(r"\s+[|–—•»:-]\s+[^|–—•»:]{2,60}$")


@dataclass(slots=True)
class PageMeta:
    """Metadata read from a page's markup (all optional)."""

    title: str | None = None
    outlet: str | None = None
    language: str | None = None
    url: str | None = None  # canonical or og:url
    date: str | None = None  # YYYY-MM-DD from meta tags or <time> elements (htmldate)


@dataclass(slots=True)
class HtmlText:
    """The main text of a page (paragraphs one per line), its metadata and the extractor."""

    text: str
    meta: PageMeta
    extractor: str


@lru_cache(maxsize=1)
def extractor_name() -> str:
    """``trafilatura X.Y.Z``: the extractor recorded in ``Article.extractor``."""
    from importlib.metadata import version

    return f"trafilatura {version('trafilatura')}"


def extract_html(source: str, markup: str, *, url: str | None = None) -> HtmlText:
    """Main text and metadata of an HTML page or fragment; InputError if it has no text."""
    import trafilatura

    if not markup.strip():
        raise InputError(source, "HTML is empty")
    try:
        doc: Any = trafilatura.bare_extraction(
            markup, url=url, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, deduplicate=False,
        )  # fmt: skip
    except (ValueError, TypeError) as exc:  # trafilatura refuses some malformed documents
        log.debug("trafilatura failed on %s: %s", source, exc)
        doc = None
    if isinstance(doc, dict):  # older trafilatura versions return a dict
        doc = SimpleNamespace(text=doc.get("text"), title=doc.get("title"),
                              sitename=doc.get("sitename"))  # fmt: skip
    text = _norm_lines(doc.text if doc is not None and doc.text else "")
    extractor = extractor_name()
    if not _has_prose(text):
        text = _norm_lines(block_text(markup))
        extractor = f"{extractor} (fallback: block text)"
    if not _has_prose(text):
        raise InputError(source, "HTML has no body text (no paragraphs the extractor could "
                                 "find); is it a placeholder or a script-only page?")  # fmt: skip
    meta = page_meta(markup)
    if doc is not None:
        meta.title = meta.title or _clean_title(doc.title)
        meta.outlet = meta.outlet or (doc.sitename or None)
    return HtmlText(text=text, meta=meta, extractor=extractor)


def _has_prose(text: str) -> bool:
    """At least one sentence-like line: menus and placeholders have none."""
    lines = text.split("\n")
    return any(len(line.split()) >= 6 for line in lines) or len(text.split()) >= 15


def _norm_lines(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


def block_text(markup: str) -> str:
    """The text of each block element on its own line (scripts, menus and forms dropped)."""
    try:
        root = lxml_html.fromstring(markup)
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    for bad in root.xpath("|".join(f"//{t}" for t in _DROP)):
        bad.drop_tree()
    for block in root.iter(*_BLOCKS):
        block.tail = "\n" + (block.tail or "")
        block.text = "\n" + (block.text or "")
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return root.text_content()


def page_meta(markup: str) -> PageMeta:
    """Title, site name, language, canonical URL and date from the page's markup."""
    meta = PageMeta()
    try:
        root = lxml_html.fromstring(markup)
    except (ValueError, lxml_html.etree.ParserError):
        return meta
    meta.title = _clean_title(_first(root, "//meta[@property='og:title']/@content",
                                     "//meta[@name='twitter:title']/@content"))  # fmt: skip
    if not meta.title:
        meta.title = _clean_title(_first(root, "//title/text()"), strip_suffix=True)
    meta.outlet = _first(root, "//meta[@property='og:site_name']/@content",
                         "//meta[@name='application-name']/@content",
                         "//meta[@name='publisher']/@content")  # fmt: skip
    lang = _first(root, "/html/@lang", "//html/@lang", "//meta[@http-equiv='content-language']"
                  "/@content", "//meta[@property='og:locale']/@content")  # fmt: skip
    meta.language = re.split(r"[-_]", lang)[0].lower() if lang else None
    meta.url = _first(root, "//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content")
    meta.date = _html_date(root)
    return meta


def _first(root: lxml_html.HtmlElement, *xpaths: str) -> str | None:
    for xpath in xpaths:
        for value in root.xpath(xpath):
            text = " ".join(str(value).split())
            if text:
                return text
    return None


def _clean_title(title: str | None, *, strip_suffix: bool = False) -> str | None:
    if not title:
        return None
    title = " ".join(title.split())
    if strip_suffix:
        title = _TITLE_SUFFIX.sub("", title)
    return title or None


def _html_date(root: lxml_html.HtmlElement) -> str | None:
    """The original publication date stated in meta tags or time elements (htmldate)."""
    from htmldate import find_date

    try:
        return find_date(root, original_date=True, extensive_search=False,
                         outputformat="%Y-%m-%d")  # fmt: skip
    except (ValueError, TypeError) as exc:
        log.debug("htmldate failed: %s", exc)
        return None

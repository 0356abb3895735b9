"""The vocabulary of diplograph: plain dataclasses that every stage reads and writes.

Data flows one way through them::

    RawInput --clean--> Article(text, metadata) --sentences--> Sentence
             --actors--> Mention --events--> Event --relations--> Claim
    (corpus level) Article --stories--> Story

No stage touches the database; ``store/`` turns these into rows and back.
Every object here is picklable, so worker processes can hand results to the
single writer.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

#: Values of ``Article.published_basis``: where the publication date came from.
DATE_BASES = ("header", "html", "url", "text", "content", "unknown")
#: Values of a date's precision.
PRECISIONS = ("day", "month", "year", "unknown")
#: The 16 PLOVER event types (SPEC §3).
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
#: One modality per event (SPEC §3).
MODALITIES = ("asserted", "future", "hypothetical", "proposed", "negated", "historical")
#: Actor sectors (SPEC §2).
SECTORS = ("GOV", "MIL", "LEG", "REB", "PTY", "MED", "CVL")


def stable_id(*parts: str, length: int = 16) -> str:
    """Return a short deterministic hex id for ``parts`` (same input, same id)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(slots=True)
class RawInput:
    """One record exactly as it was read: a file, a JSON line, a feed item, a WARC record.

    ``hints`` carries metadata the container itself gave (a JSON record's
    ``title``, a feed item's ``pubDate``, a WARC target URI), before any cleaning.
    """

    source: str  # the input file's name, with "#N" for the N-th record of a multi-record file
    content: bytes
    media_type: str  # "text/plain" | "text/html" | "application/json"
    path: str | None = None
    url: str | None = None
    hints: dict[str, str] = field(default_factory=dict)

    @property
    def raw_id(self) -> str:
        """Content address of the raw bytes (the same bytes are stored once)."""
        return hashlib.sha256(self.content).hexdigest()


@dataclass(slots=True)
class ReadFailure:
    """An input that could not be read; the batch goes on without it."""

    source: str
    reason: str
    record: int | None = None  # 1-based record or line number inside the file

    def __str__(self) -> str:
        where = f"{self.source}" + (f" (record {self.record})" if self.record else "")
        return f"{where}: {self.reason}"


@dataclass(slots=True)
class Sentence:
    """A sentence of an article's cleaned text; offsets index ``Article.text``."""

    index: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Mention:
    """A span of text that names an actor, resolved to a code where possible.

    ``kind`` says how it was recognised: ``country``, ``adjective``, ``metonym``,
    ``epithet``, ``igo``, ``group``, ``organ``, ``person``, ``title``, ``coref``
    (resolved through an earlier mention) or ``collective`` (an unnamed group such
    as "Arab nations", left unresolved with ``code=None``).
    """

    start: int
    end: int
    text: str
    code: str | None
    sector: str | None
    kind: str
    sentence: int
    actor: str | None = None  # registry key of a named person or organ, e.g. "Benjamin Netanyahu"


@dataclass(slots=True)
class ActorRef:
    """An actor, recipient or mediator of an event, as exported (SPEC §5)."""

    code: str
    sector: str | None
    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        """Return the SPEC §5 JSON object for this party."""
        return {"code": self.code, "sector": self.sector, "text": self.text,
                "start": self.start, "end": self.end}  # fmt: skip


@dataclass(slots=True)
class Attribution:
    """Who says so: the outlet, the reports it cites, whether the ultimate source is anonymous."""

    outlet: str | None
    cited: list[str] = field(default_factory=list)
    anonymous: bool = False

    def to_json(self) -> dict[str, Any]:
        """Return the SPEC §5 JSON object."""
        return {"outlet": self.outlet, "cited": list(self.cited), "anonymous": self.anonymous}


@dataclass(slots=True)
class Event:
    """A PLOVER event with its evidence (SPEC §3, §5)."""

    id: str
    article_id: str
    event: str
    actor: list[ActorRef]
    recipient: list[ActorRef]
    sentence: int
    start: int  # the sentence's offsets in the article text
    end: int
    text: str  # the sentence (the anchor quote)
    modality: str = "asserted"
    mediator: list[ActorRef] = field(default_factory=list)
    mode: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    date: str | None = None
    date_precision: str = "unknown"
    attribution: Attribution = field(default_factory=lambda: Attribution(outlet=None))
    confidence: float = 0.5
    trigger: str | None = None  # the word(s) that cued the type
    coder: str = ""


@dataclass(slots=True)
class Citation:
    """A report an article retells ("reported Axios", "according to Reuters", a wire credit)."""

    name: str  # normalised source name, e.g. "Axios", "Reuters"
    kind: str  # "report" | "agency" | "syndication" | "anonymous"
    sentence: int | None
    text: str


@dataclass(slots=True)
class Claim:
    """A statement that a dyad's facet has a value from some date (SPEC §4).

    ``a`` < ``b`` alphabetically. ``valid_from`` is the date the value holds
    from (the article's own date, or a date the text gives such as "in 2009").
    """

    a: str
    b: str
    facet: str
    value: str
    article_id: str
    sentence: int
    text: str
    modality: str = "asserted"
    valid_from: str | None = None
    valid_from_precision: str = "unknown"
    asserted_on: str | None = None  # the article's publication date
    event_id: str | None = None  # set when derived from an event
    kind: str = "change"  # "change": starts at valid_from; "state": observed then (may be older)


@dataclass(slots=True)
class TermHit:
    """A loaded or labelling term found in an article (framing lexicon, by category)."""

    term: str
    category: str
    sentence: int
    start: int
    end: int
    text: str
    target: str | None = None  # the actor code the term names, when it names one


@dataclass(slots=True)
class Article:
    """A cleaned article and everything the per-article stages found in it."""

    id: str
    source: str
    text: str
    raw: RawInput
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY"
    published_precision: str = "unknown"
    published_basis: str = "unknown"
    language: str | None = None
    extractor: str = "plaintext"
    removed_lines: list[str] = field(default_factory=list)  # boilerplate taken out, for review
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    terms: list[TermHit] = field(default_factory=list)
    story_id: str | None = None

    @property
    def content_key(self) -> str:
        """Normalised-content hash: the identity of an article that has no URL."""
        folded = " ".join(self.text.lower().split())
        return hashlib.sha256(folded.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Story:
    """Articles from one or more outlets that report the same development."""

    story_id: str
    title: str
    article_ids: list[str]
    outlets: list[str]
    first_seen: str | None
    last_seen: str | None
    independent_sources: list[str]

    def to_json(self) -> dict[str, Any]:
        """Return the SPEC §5 JSON object."""
        return {
            "story_id": self.story_id, "title": self.title,
            "article_ids": list(self.article_ids), "outlets": list(self.outlets),
            "first_seen": self.first_seen, "last_seen": self.last_seen,
            "independent_sources": list(self.independent_sources),
        }  # fmt: skip

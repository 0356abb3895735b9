"""The database schema, as SQLAlchemy Core tables.

The same schema serves SQLite (the embedded default) and PostgreSQL. Alembic
migrations in ``migrations/versions`` create it; a test checks that the
migrations and these tables agree. JSON-valued columns hold SPEC §5 shapes as
text, so exports read them back verbatim.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

#: Key/value facts about the store: the pipeline version that wrote it, etc.
meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

#: Every input exactly as read, content-addressed, so a newer pipeline can re-process it.
raw_inputs = Table(
    "raw_inputs",
    metadata,
    Column("id", String(64), primary_key=True),  # sha256 of content
    Column("source", Text, nullable=False),
    Column("path", Text),
    Column("media_type", String(64), nullable=False),
    Column("url", Text),
    Column("hints", Text, nullable=False, server_default="{}"),  # JSON object
    Column("content", LargeBinary, nullable=False),
    Column("received_at", String(32), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("raw_id", String(64), ForeignKey("raw_inputs.id"), nullable=False),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("content_key", String(64), nullable=False),
    Column("outlet", Text),
    Column("title", Text),
    Column("published", String(10)),
    Column("published_precision", String(8), nullable=False, server_default="unknown"),
    Column("published_basis", String(8), nullable=False, server_default="unknown"),
    Column("language", String(8)),
    Column("text", Text, nullable=False),
    Column("extractor", String(64), nullable=False),
    Column("removed_lines", Text, nullable=False, server_default="[]"),  # JSON list
    Column("story_id", String(32), index=True),
    Column("pipeline_version", String(32), nullable=False),
    Column("ingested_at", String(32), nullable=False),
    UniqueConstraint("url"),
    UniqueConstraint("content_key"),
    Index("ix_articles_published", "published"),
    Index("ix_articles_outlet", "outlet"),
)

sentences = Table(
    "sentences",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False, index=True),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("code", String(8)),
    Column("sector", String(8)),
    Column("kind", String(16), nullable=False),
    Column("actor", Text),
    Index("ix_mentions_code", "code"),
)

events = Table(
    "events",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False, index=True),
    Column("event", String(16), nullable=False),
    Column("modality", String(16), nullable=False),
    Column("date", String(10)),
    Column("date_precision", String(8), nullable=False, server_default="unknown"),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("actor", Text, nullable=False),  # JSON list of ActorRef objects
    Column("recipient", Text, nullable=False),
    Column("mediator", Text, nullable=False),
    Column("mode", Text, nullable=False, server_default="[]"),
    Column("context", Text, nullable=False, server_default="[]"),
    Column("attribution", Text, nullable=False),  # JSON object
    Column("outlet", Text),
    Column("trigger", Text),
    Column("confidence", Float, nullable=False),
    Column("coder", String(32), nullable=False),
    Index("ix_events_event_date", "event", "date"),
    Index("ix_events_date", "date"),
    # (x, date): a filtered events page reads rows in date order, with no sort.
    Index("ix_events_outlet", "outlet", "date"),
    Index("ix_events_modality", "modality", "date"),
)

#: One row per (event, role, code): lets the API filter events by actor quickly.
event_parties = Table(
    "event_parties",
    metadata,
    Column("event_id", String(32), ForeignKey("events.id"), primary_key=True),
    Column("role", String(10), primary_key=True),  # actor | recipient | mediator
    Column("code", String(8), primary_key=True),
    Column("date", String(10)),  # the event's date, so actor filters page by date from the index
    Index("ix_event_parties_code", "code", "role", "date"),
    # An actor's events in any role, by date (web events table), read from this index alone.
    Index("ix_event_parties_code_date", "code", "date", "event_id"),
)

#: One row per (event, unordered pair of distinct codes among actors and recipients).
event_dyads = Table(
    "event_dyads",
    metadata,
    Column("event_id", String(32), ForeignKey("events.id"), primary_key=True),
    Column("a", String(8), primary_key=True),
    Column("b", String(8), primary_key=True),
    Column("date", String(10)),
    Index("ix_event_dyads_ab_date", "a", "b", "date"),
)

#: Reports an article retells (re-reporting, wire credits, syndication lines).
citations = Table(
    "citations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("sentence", Integer),
    Column("text", Text, nullable=False),
)

#: Dyad facet claims (SPEC §4), from events and stative sentences.
claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False, index=True),
    Column("a", String(8), nullable=False),
    Column("b", String(8), nullable=False),
    Column("facet", String(32), nullable=False),
    Column("value", String(16), nullable=False),
    Column("modality", String(16), nullable=False),
    Column("valid_from", String(10)),
    Column("valid_from_precision", String(8), nullable=False, server_default="unknown"),
    Column("asserted_on", String(10)),
    Column("sentence", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("event_id", String(32)),
    # "change": the value starts at valid_from; "state": observed then, may have held before.
    Column("kind", String(8), nullable=False, server_default="change"),
    Index("ix_claims_dyad", "a", "b", "facet", "valid_from"),
    Index("ix_claims_b", "b", "a"),
)

#: Loaded and labelling terms found per article (framing).
terms = Table(
    "terms",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False, index=True),
    Column("term", Text, nullable=False),
    Column("category", String(32), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("target", String(8)),
    Index("ix_terms_category", "category"),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text, nullable=False),
    Column("first_seen", String(10)),
    Column("last_seen", String(10)),
    Column("codes", Text, nullable=False, server_default="[]"),  # JSON list of actor codes
    Column("updated_at", String(32), nullable=False),
    # Summaries kept in sync by stories/cluster.py, so listing stories needs no joins.
    Column("article_count", Integer, nullable=False, server_default="0"),
    Column("outlets", Text, nullable=False, server_default="[]"),  # JSON list
    Column("independent_sources", Text, nullable=False, server_default="[]"),  # JSON list
    Index("ix_stories_first_seen", "first_seen"),
    Index("ix_stories_last_seen", "last_seen"),
)

#: What story clustering needs to place a new article without re-clustering the store.
article_signatures = Table(
    "article_signatures",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("minhash", LargeBinary),  # datasketch LeanMinHash, serialised
    Column("vector", LargeBinary),  # float32 embedding or TF-IDF sketch, may be NULL
    Column("codes", Text, nullable=False, server_default="[]"),  # JSON list of actor codes
    Column("date", String(10)),
    Column("duplicate_of", String(32)),  # the article this one is a copy of (wire copy, reprint)
    # The effective date as day numbers (date.toordinal): the publication date, or for an
    # undated article the dates of the events it reports; NULL when neither is known.
    Column("day_lo", Integer),
    Column("day_hi", Integer),
    Column("date_basis", String(12)),  # published | events | none; NULL: written before 0004
    Column("events", Text, nullable=False, server_default="[]"),  # JSON list of event keys
    Index("ix_article_signatures_date", "date"),
)

#: How story clustering finds an article's candidates without reading a whole date range:
#: one row per (key, article), keys being its parties, its events and its distinctive names.
story_keys = Table(
    "story_keys",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("day", Integer),  # the article's effective day (NULL: undated)
    Column("added", String(32)),  # when the article was stored (undated ones: latest first)
    Index("ix_story_keys_key_day", "key", "day", "added"),
    Index("ix_story_keys_article_id", "article_id"),
)

#: Store-wide document frequency of each hashed term of ``article_signatures.vector``
#: (story clustering's IDF): kept in step with the signatures as they are written or deleted.
term_df = Table(
    "term_df",
    metadata,
    Column("term", Integer, primary_key=True, autoincrement=False),  # hashed term index
    Column("df", Integer, nullable=False),  # signatures holding the term
)

#: What the last fetch of each http(s) URL answered (``diplograph ingest URL``), so that
#: polling it again sends If-None-Match / If-Modified-Since and gets only what is new.
fetched_urls = Table(
    "fetched_urls",
    metadata,
    Column("url", Text, primary_key=True),
    Column("final_url", Text),  # where redirects led
    Column("etag", Text),
    Column("last_modified", Text),
    Column("status", Integer, nullable=False),
    Column("content_type", Text),
    Column("fetched_at", String(32), nullable=False),
)

"""All of the store's SQL: the migrations, the column lists and the statements built from them.

Statements use ``?`` placeholders and ``{autoincrement_pk}`` / ``{float}`` / ``{desc_nulls_last}`` tokens; a
:class:`detente.store.dialect.Dialect` renders them for one database. ``start`` and ``end`` are reserved
words in PostgreSQL, so the mention columns that carry those names are always quoted.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ARTICLE_COLUMNS",
    "EVENT_COLUMNS",
    "MENTION_COLUMNS",
    "MIGRATIONS",
    "MIGRATIONS_TABLE",
    "Migration",
    "QUOTE_COLUMNS",
    "REJECTION_COLUMNS",
]


@dataclass(frozen=True, slots=True)
class Migration:
    """One named, append-only schema step. Never edit a released one: add the next."""

    name: str
    statements: tuple[str, ...]


MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS migrations (
    name TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
)"""

_ACTOR_DDL = """
    {side}_text TEXT,
    {side}_name TEXT,
    {side}_code TEXT,
    {side}_country TEXT,
    {side}_sector TEXT,
    {side}_start INTEGER,
    {side}_end INTEGER,"""

_INITIAL = (
    """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    title TEXT,
    text TEXT NOT NULL,
    published TEXT,
    url TEXT,
    source TEXT,
    language TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    added_at TEXT NOT NULL
)""",
    """
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id),"""
    + _ACTOR_DDL.replace("{side}", "source")
    + _ACTOR_DDL.replace("{side}", "target")
    + """
    reciprocal INTEGER NOT NULL,
    cameo TEXT NOT NULL,
    cameo_root TEXT NOT NULL,
    cameo_label TEXT NOT NULL,
    goldstein {float} NOT NULL,
    quad_class INTEGER NOT NULL,
    plover TEXT,
    plover_mode TEXT,
    status TEXT NOT NULL,
    date TEXT,
    date_text TEXT,
    location TEXT,
    mention_count INTEGER NOT NULL,
    evidence_sentence TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    evidence_trigger TEXT NOT NULL,
    evidence_trigger_start INTEGER NOT NULL,
    evidence_trigger_end INTEGER NOT NULL,
    evidence_rule TEXT NOT NULL
)""",
    """
CREATE TABLE mentions (
    event_id TEXT NOT NULL REFERENCES events (id),
    article_id TEXT NOT NULL REFERENCES articles (id),
    sentence TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    trigger TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    rule TEXT NOT NULL,
    UNIQUE (event_id, "start", "end")
)""",
    """
CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id),
    payload TEXT NOT NULL
)""",
    """
CREATE TABLE rejections (
    id {autoincrement_pk},
    origin TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    article_id TEXT,
    at TEXT NOT NULL,
    UNIQUE (origin, code, message)
)""",
    "CREATE INDEX events_article ON events (article_id)",
    "CREATE INDEX events_source_country ON events (source_country)",
    "CREATE INDEX events_target_country ON events (target_country)",
    "CREATE INDEX events_source_code ON events (source_code)",
    "CREATE INDEX events_target_code ON events (target_code)",
    "CREATE INDEX events_cameo_root ON events (cameo_root)",
    "CREATE INDEX events_date ON events (date)",
    "CREATE INDEX mentions_article ON mentions (article_id)",
    "CREATE INDEX quotes_article ON quotes (article_id)",
)

_EVENT_DATES = (
    "ALTER TABLE events ADD COLUMN date_precision TEXT",
    "ALTER TABLE events ADD COLUMN date_source TEXT",
)

#: Query columns: the day an event is counted on (first day of its date, else the article's publication day),
#: its place as columns (the JSON keeps the whole Place), the quote fields the API filters on, and indexes
#: for dyads, countries and days. The backfill of existing rows is in :mod:`detente.store.migrations`.
_QUERY_COLUMNS = (
    "ALTER TABLE events ADD COLUMN day TEXT",
    "ALTER TABLE events ADD COLUMN location_name TEXT",
    "ALTER TABLE events ADD COLUMN location_country TEXT",
    "ALTER TABLE events ADD COLUMN location_lat {float}",
    "ALTER TABLE events ADD COLUMN location_lon {float}",
    "ALTER TABLE quotes ADD COLUMN speaker_code TEXT",
    "ALTER TABLE quotes ADD COLUMN speaker_name TEXT",
    "ALTER TABLE quotes ADD COLUMN speaker_text TEXT",
    "ALTER TABLE quotes ADD COLUMN speaker_country TEXT",
    "ALTER TABLE quotes ADD COLUMN kind TEXT",
    "ALTER TABLE quotes ADD COLUMN text TEXT",
    'ALTER TABLE quotes ADD COLUMN "start" INTEGER',
    # superseded by the composite indexes below, which lead with the same columns
    "DROP INDEX events_source_country",
    "DROP INDEX events_target_country",
    "DROP INDEX events_date",
    "CREATE INDEX events_day ON events (day)",
    # a country pair (either direction is two lookups) by day, covering what a series sums
    "CREATE INDEX events_pair_day ON events (source_country, target_country, day, quad_class, goldstein)",
    "CREATE INDEX events_source_root ON events (source_country, cameo_root, status, day)",
    "CREATE INDEX events_target_root ON events (target_country, cameo_root, status, day)",
    "CREATE INDEX quotes_speaker_country ON quotes (speaker_country)",
    "CREATE INDEX quotes_speaker_code ON quotes (speaker_code)",
)

#: The event's id closes the composite indexes, so that a page of ids (and a count) is read from the index
#: alone, and a page's rows are fetched only once chosen; the day index serves newest-first pages too.
_COVERING_IDS = (
    "DROP INDEX events_pair_day",
    "DROP INDEX events_source_root",
    "DROP INDEX events_target_root",
    "CREATE INDEX events_pair_day ON events (source_country, target_country, day, quad_class, goldstein, id)",
    "CREATE INDEX events_source_root ON events (source_country, cameo_root, status, day, id)",
    "CREATE INDEX events_target_root ON events (target_country, cameo_root, status, day, id)",
    # the newest events first, undated ones last (PostgreSQL must be told; SQLite sorts NULL lowest anyway)
    "DROP INDEX events_day",
    "CREATE INDEX events_day ON events (day, id)",
    "CREATE INDEX events_day_desc ON events (day {desc_nulls_last}, id)",
)

#: The all-events series (the dashboard's timeline) reads day, QuadClass and Goldstein of every event: from
#: this index alone it takes a sixth of the time of reading the table (1,000,000 events on SQLite: 1.9 s ->
#: 0.3 s).
_SERIES_INDEX = ("CREATE INDEX events_day_series ON events (day, quad_class, goldstein, id)",)

#: Where each side's country came from (``ActorMention.country_source``: modifier, place, text, dateline,
#: story; NULL for a named actor). Rows stored before it keep NULL: the reason was not recorded then.
_COUNTRY_SOURCES = (
    "ALTER TABLE events ADD COLUMN source_country_source TEXT",
    "ALTER TABLE events ADD COLUMN target_country_source TEXT",
)

#: Each event's confidence in [0, 1] (detente.learn); events stored before this migration keep NULL until
#: their article is coded and written again, and a confidence filter leaves them out.
_EVENT_CONFIDENCE = ("ALTER TABLE events ADD COLUMN confidence {float}",)

#: Each quote's speaker type (``Speaker.type``: person, organization, media, document, group, unknown), so
#: that quotes can be filtered by it. Filled from the stored payloads by the backfill (migrations.py); a quote
#: stored before speakers had a type (or without a speaker) keeps NULL.
_QUOTE_SPEAKER_TYPE = (
    "ALTER TABLE quotes ADD COLUMN speaker_type TEXT",
    "CREATE INDEX quotes_speaker_type ON quotes (speaker_type)",
)

#: What ``detente watch`` keeps between runs: each source's polling state, and each page's fetch (a queue:
#: due rows by status and next try), so that a killed watcher resumes where it was.
_WATCH_STATE = (
    """
CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    location TEXT NOT NULL,
    outlet TEXT,
    country TEXT,
    interval_seconds INTEGER NOT NULL,
    next_poll TEXT NOT NULL,
    last_poll TEXT,
    last_success TEXT,
    last_error TEXT,
    errors INTEGER NOT NULL,
    polls INTEGER NOT NULL,
    etag TEXT,
    last_modified TEXT
)""",
    """
CREATE TABLE fetches (
    url TEXT PRIMARY KEY,
    source_id TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_try TEXT NOT NULL,
    claimed_until TEXT,
    last_error TEXT,
    error_code TEXT,
    article_id TEXT,
    title TEXT,
    published TEXT,
    added_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
)""",
    "CREATE INDEX fetches_due ON fetches (status, next_try)",
    "CREATE INDEX fetches_source ON fetches (source_id, status)",
)

#: Event instances (one real-world event, many reports; :mod:`detente.analysis.instances` fills them):
#: each event's instance (the id of its representative report; NULL until linked), the linking features
#: per event, the linking index (one row per known actor side and type family, with the first day the event
#: may have happened on), the instances'
#: counts, each article's syndication story (MinHash signature and LSH bands), and the articles replaced
#: since they were linked.
_INSTANCES = (
    "ALTER TABLE events ADD COLUMN instance_id TEXT",
    "CREATE INDEX events_instance ON events (instance_id, id)",
    """
CREATE TABLE instance_keys (
    event_id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    block TEXT NOT NULL,
    day_lo TEXT,
    day_hi TEXT,
    rank TEXT NOT NULL,
    features TEXT NOT NULL
)""",
    """
CREATE TABLE instance_blocks (
    block TEXT NOT NULL,
    event_id TEXT NOT NULL,
    day_lo TEXT,
    day_hi TEXT,
    PRIMARY KEY (block, event_id)
)""",
    "CREATE INDEX instance_blocks_day ON instance_blocks (block, day_lo)",
    "CREATE INDEX instance_blocks_event ON instance_blocks (event_id)",
    "CREATE INDEX instance_keys_instance ON instance_keys (instance_id)",
    "CREATE INDEX instance_keys_article ON instance_keys (article_id)",
    """
CREATE TABLE instances (
    id TEXT PRIMARY KEY,
    block TEXT NOT NULL,
    family TEXT NOT NULL,
    a TEXT,
    b TEXT,
    cameo TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    goldstein {float} NOT NULL,
    status TEXT NOT NULL,
    day TEXT,
    num_reports INTEGER NOT NULL,
    num_mentions INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    first_report TEXT,
    last_report TEXT,
    outlets TEXT NOT NULL
)""",
    "CREATE INDEX instances_day ON instances (day, id)",
    "CREATE INDEX instances_pair ON instances (a, b, day)",
    """
CREATE TABLE article_stories (
    article_id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL,
    outlet TEXT,
    signature TEXT NOT NULL
)""",
    "CREATE INDEX article_stories_story ON article_stories (story_id)",
    """
CREATE TABLE article_bands (
    band TEXT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (band, article_id)
)""",
    "CREATE INDEX article_bands_article ON article_bands (article_id)",
    "CREATE TABLE instance_dirty (article_id TEXT PRIMARY KEY)",
)

#: Counting instances (each once, however many reports) groups the matching reports by ``instance_id`` and
#: prefers reports dated to a day (``date_precision``): the pair and the series indexes carry both, so that
#: a pair's series and the ranking of pairs still read the index alone.
_INSTANCE_COUNTS = (
    "DROP INDEX events_pair_day",
    "CREATE INDEX events_pair_day ON events "
    "(source_country, target_country, day, quad_class, goldstein, id, instance_id, date_precision)",
    "DROP INDEX events_day_series",
    "CREATE INDEX events_day_series ON events (day, quad_class, goldstein, id, instance_id, date_precision)",
)

#: Instances bounded in time (:mod:`detente.analysis.instances`): each report's cell (a 14-day period),
#: its components in the two windows it lies in (``comp_prev``: the window starting a cell before its own,
#: ``comp_here``: the one starting at its own) and its label (the window component that makes its instance);
#: ``instance_comps`` holds each window component's size and whether it reaches into its window's first cell;
#: each report's story, outlet, report day, mentions and Goldstein value are copied beside it (with the
#: instance id, one covering index) so that an instance is recounted from that index alone.
#: Stores linked before this are linked again (the migration empties the linking tables).
_INSTANCE_WINDOWS = (
    "ALTER TABLE instance_keys ADD COLUMN cell INTEGER",
    "ALTER TABLE instance_keys ADD COLUMN comp_prev TEXT",
    "ALTER TABLE instance_keys ADD COLUMN comp_here TEXT",
    "ALTER TABLE instance_keys ADD COLUMN label TEXT",
    "CREATE INDEX instance_keys_prev ON instance_keys (comp_prev)",
    "CREATE INDEX instance_keys_here ON instance_keys (comp_here)",
    "CREATE INDEX instance_keys_label ON instance_keys (label, rank, event_id)",
    "ALTER TABLE instance_keys ADD COLUMN story TEXT",
    "ALTER TABLE instance_keys ADD COLUMN outlet TEXT",
    "ALTER TABLE instance_keys ADD COLUMN report_day TEXT",
    "ALTER TABLE instance_keys ADD COLUMN mentions INTEGER",
    "ALTER TABLE instance_keys ADD COLUMN goldstein {float}",
    "CREATE INDEX instance_keys_counts ON instance_keys "
    "(instance_id, story, outlet, report_day, mentions, goldstein)",
    "CREATE TABLE instance_comps (id TEXT PRIMARY KEY, size INTEGER NOT NULL, reach INTEGER NOT NULL)",
    "DELETE FROM instance_keys",
    "DELETE FROM instance_blocks",
    "DELETE FROM instances",
    "UPDATE events SET instance_id = NULL WHERE instance_id IS NOT NULL",
)

#: What instance linking reads of each event's article (detente.analysis.features): its distinctive names
#: (hashed, a JSON list: article_names) and the first full date it states (article_day, the day of an article
#: with no publication date); events stored before this keep NULL until their article is written again.
_EVENT_LINK_CONTEXT = (
    "ALTER TABLE events ADD COLUMN link_names TEXT",
    "ALTER TABLE events ADD COLUMN article_day TEXT",
)

#: Every migration, in order. Append only.
MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial", _INITIAL),
    Migration("0002_event_dates", _EVENT_DATES),
    Migration("0003_query_columns", _QUERY_COLUMNS),
    Migration("0004_covering_ids", _COVERING_IDS),
    Migration("0005_series_index", _SERIES_INDEX),
    Migration("0006_event_confidence", _EVENT_CONFIDENCE),
    Migration("0007_country_sources", _COUNTRY_SOURCES),
    Migration("0008_quote_speaker_type", _QUOTE_SPEAKER_TYPE),
    Migration("0009_instances", _INSTANCES),
    Migration("0010_watch_state", _WATCH_STATE),
    Migration("0011_instance_counts", _INSTANCE_COUNTS),
    Migration("0012_instance_windows", _INSTANCE_WINDOWS),
    Migration("0013_event_link_context", _EVENT_LINK_CONTEXT),
)

ARTICLE_COLUMNS = ("id", "title", "text", "published", "url", "source", "language", "fingerprint", "added_at")
#: Columns replaced when an article is written again (``added_at`` keeps the first write).
ARTICLE_UPDATE_COLUMNS = ARTICLE_COLUMNS[1:-1]

_ACTOR_FIELDS = ("text", "name", "code", "country", "sector", "start", "end")
EVENT_COLUMNS = (
    "id",
    "article_id",
    *(f"source_{name}" for name in _ACTOR_FIELDS),
    *(f"target_{name}" for name in _ACTOR_FIELDS),
    "reciprocal",
    "cameo",
    "cameo_root",
    "cameo_label",
    "goldstein",
    "quad_class",
    "plover",
    "plover_mode",
    "status",
    "date",
    "date_text",
    "date_precision",
    "date_source",
    "location",
    "mention_count",
    "evidence_sentence",
    "evidence_start",
    "evidence_end",
    "evidence_trigger",
    "evidence_trigger_start",
    "evidence_trigger_end",
    "evidence_rule",
    "day",
    "location_name",
    "location_country",
    "location_lat",
    "location_lon",
    "confidence",
    "source_country_source",  # 0007
    "target_country_source",
    "link_names",  # 0013
    "article_day",
)
MENTION_COLUMNS = (
    "event_id",
    "article_id",
    "sentence",
    '"start"',
    '"end"',
    "trigger",
    "trigger_start",
    "trigger_end",
    "rule",
)
MENTION_KEY = ("event_id", '"start"', '"end"')
QUOTE_COLUMNS = (
    "id",
    "article_id",
    "payload",
    "speaker_code",
    "speaker_name",
    "speaker_text",
    "speaker_country",
    "kind",
    "text",
    '"start"',
    "speaker_type",  # 0008
)
REJECTION_COLUMNS = ("origin", "code", "message", "article_id", "at")
REJECTION_KEY = ("origin", "code", "message")

RECORD_MIGRATION = "INSERT INTO migrations (name, applied_at) VALUES (?, ?)"
APPLIED_MIGRATIONS = "SELECT name FROM migrations ORDER BY name"
MIGRATION_APPLIED = "SELECT name FROM migrations WHERE name = ?"
ARTICLE_FINGERPRINT = "SELECT fingerprint FROM articles WHERE id = ?"
SELECT_ARTICLE = (
    "SELECT id, title, text, published, url, source, language, added_at FROM articles WHERE id = ?"
)
#: An article written again: its old events' instances are linked again (see 0009_instances).
MARK_INSTANCES_DIRTY = (
    "INSERT INTO instance_dirty (article_id) VALUES (?) ON CONFLICT (article_id) DO NOTHING"
)
DELETE_ARTICLE_MENTIONS = "DELETE FROM mentions WHERE article_id = ?"
DELETE_ARTICLE_EVENTS = "DELETE FROM events WHERE article_id = ?"
DELETE_ARTICLE_QUOTES = "DELETE FROM quotes WHERE article_id = ?"
EVENT_OWNER = "SELECT article_id FROM events WHERE id = ?"
SELECT_MENTIONS = (
    'SELECT sentence, "start", "end", trigger, trigger_start, trigger_end, rule FROM mentions '
    'WHERE event_id = ? ORDER BY "start", "end"'
)

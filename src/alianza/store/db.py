"""DuckDB store. Writes are idempotent by article id: re-ingesting an article replaces its rows,
so an interrupted ingest can simply run again.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from ..config import settings
from ..errors import StoreError
from ..serialize import ARTICLE_FIELDS, article_json, event_json
from ..types import Actor, CodedArticle

LOCK_WAIT_S = 30.0  # how long an open waits for another process's write lock to go

# Each migration brings the schema from version i to i + 1. Never edit one that has shipped: add one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id VARCHAR PRIMARY KEY, url VARCHAR, source VARCHAR, title VARCHAR, deck VARCHAR, author VARCHAR,
        section VARCHAR, published DATE, lang VARCHAR, text VARCHAR, boilerplate JSON,
        sentences INTEGER, parsed INTEGER, ingested_at TIMESTAMP DEFAULT current_timestamp
    );
    CREATE TABLE events (
        id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, type VARCHAR NOT NULL, mode VARCHAR, cameo VARCHAR,
        quad VARCHAR, weight DOUBLE, source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR,
        source_name VARCHAR, target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_name VARCHAR,
        status VARCHAR, date VARCHAR, date_precision VARCHAR, event_day DATE, place VARCHAR, confidence DOUBLE,
        sentence INTEGER, start_char INTEGER, end_char INTEGER, trigger VARCHAR, rule VARCHAR, json JSON
    );
    CREATE INDEX events_article ON events(article_id);
    """,
    # 2: corpus-level duplicates. Ids made before this migration were content hashes.
    """
    ALTER TABLE articles ADD COLUMN content_hash VARCHAR;
    ALTER TABLE articles ADD COLUMN site VARCHAR;
    ALTER TABLE articles ADD COLUMN duplicate_of VARCHAR;
    ALTER TABLE articles ADD COLUMN similarity DOUBLE;
    ALTER TABLE articles ADD COLUMN format VARCHAR;
    ALTER TABLE articles ADD COLUMN encoding VARCHAR;
    CREATE INDEX articles_content ON articles(content_hash);
    UPDATE articles SET content_hash = id;
    CREATE TABLE minhash (article_id VARCHAR PRIMARY KEY, sig BLOB);
    CREATE TABLE minhash_bands (band SMALLINT, hash BIGINT, article_id VARCHAR);
    CREATE INDEX minhash_bands_key ON minhash_bands(band, hash);
    """,
    # 3: event clusters (aggregate/clusters.py). Events gain the two fields clustering reads.
    """
    ALTER TABLE events ADD COLUMN is_symmetric BOOLEAN;
    ALTER TABLE events ADD COLUMN mentions INTEGER;
    UPDATE events SET is_symmetric = coalesce(CAST(json_extract(json, '$.symmetric') AS BOOLEAN), false),
                      mentions = coalesce(CAST(json_extract(json, '$.mentions') AS INTEGER), 1);
    CREATE TABLE event_clusters (
        id VARCHAR, type VARCHAR, quad VARCHAR, status VARCHAR, status_class VARCHAR,
        a_code VARCHAR, b_code VARCHAR, is_symmetric BOOLEAN,
        source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR,
        target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR,
        mode VARCHAR, cameo VARCHAR, day DATE, last_day DATE, place VARCHAR, weight DOUBLE,
        events INTEGER, mentions INTEGER, articles INTEGER, sources INTEGER,
        first_seen DATE, last_seen DATE, representative VARCHAR, evidence VARCHAR, url VARCHAR
    );
    CREATE TABLE event_cluster_members (event_id VARCHAR, cluster_id VARCHAR);
    CREATE TABLE clusters_dirty (cluster_id VARCHAR);
    """,
    # 4: people introduced by title in some article, remembered for the corpus
    """
    CREATE TABLE people (
        name VARCHAR PRIMARY KEY, country VARCHAR, sector VARCHAR, org VARCHAR, last_seen DATE, article_id VARCHAR
    );
    """,
    # 5: how many places of each country each source's articles name (actors/article.py, HomeTally)
    """
    CREATE TABLE source_places (source VARCHAR, country VARCHAR, n INTEGER);
    """,
    # 6: the story's dateline (place and agency), kept apart from the body (ingest/dateline.py)
    """
    ALTER TABLE articles ADD COLUMN dateline VARCHAR;
    """,
    # 7: the coder (data files and version) each article was coded with, for `alianza recode` to
    # resume; the Parquet shards `alianza load` has loaded (scale/shards.py)
    """
    ALTER TABLE articles ADD COLUMN coder VARCHAR;
    CREATE TABLE loaded_shards (name VARCHAR PRIMARY KEY, loaded_at TIMESTAMP);
    """,
    # 8: the clusters in day order and their members in cluster order, as aggregate/clusters.py
    # now writes them: DuckDB skips a row group whose min/max is outside a filter, so a year of a
    # 10M-event store reads a tenth of the clusters (the web UI's network, actor and dyad pages,
    # `alianza network --from`) and a cluster's members are found without reading every row; an
    # event's cluster by an index on event_id (the web UI's events table and event page: 1 ms
    # where a scan of 10M memberships took one to two seconds; 20 MB on that store)
    """
    CREATE OR REPLACE TABLE event_clusters AS SELECT * FROM event_clusters ORDER BY day NULLS LAST, id;
    CREATE OR REPLACE TABLE event_cluster_members AS SELECT * FROM event_cluster_members ORDER BY cluster_id, event_id;
    CREATE INDEX event_cluster_members_event ON event_cluster_members(event_id);
    """,
)
EVENT_COLUMNS = (
    "id",
    "article_id",
    "type",
    "mode",
    "cameo",
    "quad",
    "weight",
    "source_code",
    "source_country",
    "source_sector",
    "source_name",
    "target_code",
    "target_country",
    "target_sector",
    "target_name",
    "status",
    "date",
    "date_precision",
    "event_day",
    "place",
    "confidence",
    "sentence",
    "start_char",
    "end_char",
    "trigger",
    "rule",
    "json",
    "is_symmetric",
    "mentions",
)


# The public Article fields, then what the store adds about the coding and the reading.
ARTICLE_COLUMNS = (*ARTICLE_FIELDS, "sentences", "parsed", "similarity", "format", "encoding", "coder")


PEOPLE_COLUMNS = ("name", "country", "sector", "org", "last_seen", "article_id")


def _article_row(coded: CodedArticle, extra: dict[str, Any]) -> tuple[Any, ...]:
    a = coded.article
    public = article_json(a)
    public["published"] = a.published  # a date for DuckDB, not its ISO string
    public["boilerplate"] = json.dumps(public["boilerplate"], ensure_ascii=False)
    public["content_hash"] = a.content_hash or a.id
    stored = {
        "sentences": coded.sentences,
        "parsed": coded.parsed,
        "similarity": extra.get("similarity"),
        "format": extra.get("format"),
        "encoding": extra.get("encoding"),
        "coder": extra.get("coder"),
    }
    return tuple({**public, **stored}[c] for c in ARTICLE_COLUMNS)


def _event_rows(coded: CodedArticle) -> list[tuple[Any, ...]]:
    a = coded.article
    rows = []
    for n, ev in enumerate(coded.events):
        j = event_json(ev)
        src, tgt = j["source"] or {}, j["target"] or {}
        rows.append(
            (
                f"{a.id}:{n}",
                a.id,
                ev.type,
                ev.mode,
                ev.cameo,
                ev.quad,
                ev.weight,
                src.get("code"),
                src.get("country"),
                src.get("sector"),
                src.get("name"),
                tgt.get("code"),
                tgt.get("country"),
                tgt.get("sector"),
                tgt.get("name"),
                ev.status,
                j["date"],
                j["date_precision"],
                _day(j["date"], a.published),
                ev.place.name if ev.place else None,
                ev.confidence,
                ev.evidence.sentence,
                ev.evidence.start,
                ev.evidence.end,
                ev.evidence.trigger,
                ev.rule,
                json.dumps(j, ensure_ascii=False),
                ev.symmetric,
                ev.mentions,
            )
        )
    return rows


def _insert(con: duckdb.DuckDBPyConnection, table: str, cols: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """One INSERT per table and batch, columns passed as lists: DuckDB's executemany runs one
    statement per row, 50 times slower on a batch of articles."""
    if not rows:
        return
    columns = [list(c) for c in zip(*rows, strict=True)]
    unnests = ", ".join(f"unnest(${i + 1})" for i in range(len(cols)))
    con.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {unnests}", columns)


def first(cur: Any) -> tuple[Any, ...] | None:
    """The first row of a result, read to the end: this DuckDB refuses new work on a connection
    while a result is unfinished, which `fetchone()` leaves behind."""
    rows = cur.fetchall()
    return tuple(rows[0]) if rows else None


def default_db_path() -> str:
    import os

    return os.environ.get("ALIANZA_DB") or "alianza.duckdb"


def _day(value: str | None, fallback: dt.date | None) -> dt.date | None:
    if value and len(value) == 10:
        return dt.date.fromisoformat(value)
    if value and len(value) == 7:
        return dt.date.fromisoformat(value + "-01")
    if value and len(value) == 4:
        return dt.date(int(value), 1, 1)
    return fallback


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What duplicate detection stores for an original article: its MinHash and LSH band hashes."""

    sig: bytes
    bands: tuple[int, ...]


def _is_lock_error(err: Exception) -> bool:
    return "lock" in str(err).lower()


class Store:
    """One DuckDB file.

    DuckDB lets one process hold a file for writing and no other process open it meanwhile, so the
    ingest runner opens the store only to look up and to write each batch, and closes it while it
    codes; readers (`alianza events`, the web UI) wait up to `wait` seconds for such a window.
    Every connection runs under `config.settings()`'s memory_limit and threads (the coder shares
    the machine).
    """

    def __init__(
        self, path: str | Path, read_only: bool = False, wait: float = LOCK_WAIT_S, migrate: bool = True
    ) -> None:
        """`migrate=False`: the caller opened (and so migrated) this file before; the runner reopens
        it for every round of batches, where the schema check is a third of the cost of an open."""
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such store (run `alianza ingest` first)")
        deadline = time.monotonic() + wait
        delay = 0.02
        while True:
            try:
                self.con = duckdb.connect(self.path, read_only=read_only, config=settings().duckdb_config())
                break
            except duckdb.Error as err:
                if _is_lock_error(err) and time.monotonic() < deadline:
                    time.sleep(delay)
                    delay = min(delay * 2, 0.5)
                    continue
                raise StoreError(f"{self.path}: cannot open the store: {err}") from err
        if not read_only and migrate:
            self.migrate()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        rows = first(
            self.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'")
        )
        if not rows or rows[0] == 0:
            return 0
        got = first(self.con.execute("SELECT max(version) FROM schema_version"))
        return int(got[0]) if got and got[0] is not None else 0

    def migrate(self) -> None:
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP)")
        for i in range(self.version, len(MIGRATIONS)):
            self.con.execute("BEGIN")
            self.con.execute(MIGRATIONS[i])
            self.con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [i + 1])
            self.con.execute("COMMIT")

    # -- duplicate lookups (the ingest runner's) -------------------------------------------------
    def existing(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [list(ids)]).fetchall()
        return {r[0] for r in rows}

    def originals_by_content(self, hashes: Sequence[str]) -> dict[str, str]:
        """content hash -> the id of the first stored article with it that is not itself a copy."""
        if not hashes:
            return {}
        rows = self.con.execute(
            "SELECT content_hash, min(id) FROM articles WHERE duplicate_of IS NULL "
            "AND content_hash IN (SELECT unnest(?)) GROUP BY 1",
            [list(hashes)],
        ).fetchall()
        return {r[0]: r[1] for r in rows}

    def band_candidates(self, bands: Iterable[tuple[int, int]]) -> dict[str, bytes]:
        """Articles sharing at least one (band, hash) with the query, with their signatures."""
        pairs = list(bands)
        if not pairs:
            return {}
        rows = self.con.execute(
            "SELECT DISTINCT m.article_id, m.sig FROM (SELECT unnest(?) AS band, unnest(?) AS hash) q "
            "JOIN minhash_bands b ON b.band = q.band AND b.hash = q.hash JOIN minhash m ON m.article_id = b.article_id",
            [[p[0] for p in pairs], [p[1] for p in pairs]],
        ).fetchall()
        return {r[0]: bytes(r[1]) for r in rows}

    def write_many(
        self,
        items: Sequence[tuple[CodedArticle, Fingerprint | None, dict[str, Any]]],
        source_places: dict[str, dict[str, int]] | Sequence[dict[str, dict[str, int]]] | None = None,
    ) -> None:
        """Replace each article and its events, all in one transaction: a batch (or the runner's
        batches of one store session) lands whole or not at all, with the place counts it adds to
        its sources (`source_places`: one batch's, or a list of them, each stored as its own rows).
        Articles not stored yet (an ingest's new articles: nearly all) skip the deletes."""
        if not items:
            return
        ids = [coded.article.id for coded, _fp, _x in items]
        art_rows: list[tuple[Any, ...]] = []
        ev_rows: list[tuple[Any, ...]] = []
        sig_rows: list[tuple[Any, ...]] = []
        band_rows: list[tuple[Any, ...]] = []
        people: dict[str, tuple[Any, ...]] = {}
        for coded, fp, extra in items:
            art_rows.append(_article_row(coded, extra))
            ev_rows.extend(_event_rows(coded))
            for person in coded.people:
                people[person.name or ""] = (
                    person.name,
                    person.country,
                    person.sector,
                    person.org,
                    coded.article.published,
                    coded.article.id,
                )
            if fp is not None:
                sig_rows.append((coded.article.id, fp.sig))
                band_rows.extend((i, h, coded.article.id) for i, h in enumerate(fp.bands))
        originals = [c.article.duplicate_of for c, _fp, _x in items if c.article.duplicate_of]
        con = self.con
        con.execute("BEGIN")
        try:
            # an article's events, signature and bands are written and deleted with its row, so
            # only the articles stored already have old rows to replace
            got = con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
            stored = [r[0] for r in got]
            # Clusters that lose these articles' old events, or gain a copy of their articles, are
            # recounted by the next `update_clusters` (aggregate/clusters.py).
            if stored or originals:
                con.execute(
                    "INSERT INTO clusters_dirty SELECT m.cluster_id FROM event_cluster_members m JOIN events e "
                    "ON e.id = m.event_id WHERE e.article_id IN (SELECT unnest(?)) OR e.article_id IN (SELECT unnest(?))",
                    [stored, originals],
                )
            if stored:
                con.execute(
                    "DELETE FROM event_cluster_members WHERE event_id IN "
                    "(SELECT id FROM events WHERE article_id IN (SELECT unnest(?)))",
                    [stored],
                )
                for table, col in (
                    ("events", "article_id"),
                    ("minhash_bands", "article_id"),
                    ("minhash", "article_id"),
                    ("articles", "id"),
                ):
                    con.execute(f"DELETE FROM {table} WHERE {col} IN (SELECT unnest(?))", [stored])
            _insert(con, "articles", ARTICLE_COLUMNS, art_rows)
            _insert(con, "events", EVENT_COLUMNS, ev_rows)
            _insert(con, "minhash", ("article_id", "sig"), sig_rows)
            _insert(con, "minhash_bands", ("band", "hash", "article_id"), band_rows)
            if people:
                con.execute("DELETE FROM people WHERE name IN (SELECT unnest(?))", [list(people)])
                _insert(con, "people", PEOPLE_COLUMNS, list(people.values()))
            groups = [source_places] if isinstance(source_places, dict) else list(source_places or [])
            place_rows = [(s, c, n) for group in groups for s, by in group.items() for c, n in by.items() if n]
            _insert(con, "source_places", ("source", "country", "n"), place_rows)
            con.execute("COMMIT")
        except duckdb.Error as err:
            con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: could not write a batch of {len(items)} articles: {err}") from err

    def replace_coding(self, items: Sequence[CodedArticle], coder: str | None) -> None:
        """Replace stored articles' events with a new coding (`alianza recode`), in one
        transaction; the article rows keep everything but their language and coding counts. The
        clusters their old events were in are recounted by the next `update_clusters`."""
        if not items:
            return
        ids = [c.article.id for c in items]
        ev_rows = [r for c in items for r in _event_rows(c)]
        people = {
            p.name or "": (p.name, p.country, p.sector, p.org, c.article.published, c.article.id)
            for c in items
            for p in c.people
        }
        con = self.con
        con.execute("BEGIN")
        try:
            con.execute(
                "INSERT INTO clusters_dirty SELECT m.cluster_id FROM event_cluster_members m JOIN events e "
                "ON e.id = m.event_id WHERE e.article_id IN (SELECT unnest(?))",
                [ids],
            )
            con.execute(
                "DELETE FROM event_cluster_members WHERE event_id IN "
                "(SELECT id FROM events WHERE article_id IN (SELECT unnest(?)))",
                [ids],
            )
            con.execute("DELETE FROM events WHERE article_id IN (SELECT unnest(?))", [ids])
            _insert(con, "events", EVENT_COLUMNS, ev_rows)
            con.execute(
                "UPDATE articles SET lang = u.lang, sentences = u.sentences, parsed = u.parsed, coder = u.coder "
                "FROM (SELECT unnest(?) AS id, unnest(?) AS lang, unnest(?) AS sentences, unnest(?) AS parsed, "
                "unnest(?) AS coder) u WHERE articles.id = u.id",
                [ids, [c.article.lang for c in items], [c.sentences for c in items], [c.parsed for c in items],
                 [coder] * len(items)],
            )  # fmt: skip
            if people:
                con.execute("DELETE FROM people WHERE name IN (SELECT unnest(?))", [list(people)])
                _insert(con, "people", PEOPLE_COLUMNS, list(people.values()))
            con.execute("COMMIT")
        except duckdb.Error as err:
            con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: could not write a recoded batch of {len(items)} articles: {err}") from err

    # -- queries --------------------------------------------------------------------------------
    def articles(self, limit: int | None = None) -> list[dict[str, Any]]:
        sql = "SELECT * FROM articles ORDER BY published NULLS LAST, id"
        cur = self.con.execute(sql + (f" LIMIT {int(limit)}" if limit else ""))
        cols = [d[0] for d in cur.description]
        out = []
        for row in cur.fetchall():
            rec = dict(zip(cols, row, strict=True))
            rec["boilerplate"] = json.loads(rec["boilerplate"]) if rec["boilerplate"] else []
            if isinstance(rec["published"], dt.date):
                rec["published"] = rec["published"].isoformat()
            rec.pop("ingested_at", None)
            out.append(rec)
        return out

    def events(self, limit: int | None = None, article: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT json FROM events"
        params: list[Any] = []
        if article:
            sql += " WHERE article_id = ?"
            params.append(article)
        sql += " ORDER BY event_day NULLS LAST, article_id, sentence"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [json.loads(r[0]) for r in self.con.execute(sql, params).fetchall()]

    def people(self) -> list[tuple[Actor, dt.date | None]]:
        """People the corpus introduced by title, with the last date they were seen so."""
        rows = self.con.execute("SELECT name, country, sector, org, last_seen FROM people ORDER BY name").fetchall()
        return [(Actor(country=c, sector=s, name=n, org=o), d) for n, c, s, o, d in rows]

    def source_places(self) -> dict[str, dict[str, int]]:
        rows = self.con.execute("SELECT source, country, sum(n) FROM source_places GROUP BY 1, 2").fetchall()
        out: dict[str, dict[str, int]] = {}
        for source, country, n in rows:
            out.setdefault(source, {})[country] = int(n)
        return out

    def counts(self) -> dict[str, int]:
        a = first(self.con.execute("SELECT count(*) FROM articles"))
        e = first(self.con.execute("SELECT count(*) FROM events"))
        return {"articles": int(a[0]) if a else 0, "events": int(e[0]) if e else 0}

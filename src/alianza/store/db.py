"""DuckDB store. Writes are idempotent by article id: re-ingesting an article replaces its rows,
so an interrupted ingest can simply run again.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
from ..serialize import article_json, event_json
from ..types import CodedArticle

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
)


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


class Store:
    """One DuckDB file. `read_only=True` lets readers query while an ingest writes elsewhere."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            if read_only and not Path(self.path).exists():
                raise StoreError(f"{self.path}: no such store (run `alianza ingest` first)")
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as err:
            raise StoreError(f"{self.path}: cannot open the store: {err}") from err
        if not read_only:
            self.migrate()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        rows = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchone()
        if not rows or rows[0] == 0:
            return 0
        got = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(got[0]) if got and got[0] is not None else 0

    def migrate(self) -> None:
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP)")
        for i in range(self.version, len(MIGRATIONS)):
            self.con.execute("BEGIN")
            self.con.execute(MIGRATIONS[i])
            self.con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [i + 1])
            self.con.execute("COMMIT")

    def has_article(self, article_id: str) -> bool:
        return bool(self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone())

    def write(self, coded: CodedArticle) -> None:
        """Replace the article and its events in one transaction."""
        a = coded.article
        aj = article_json(a)
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
                )
            )
        con = self.con
        con.execute("BEGIN")
        try:
            con.execute("DELETE FROM events WHERE article_id = ?", [a.id])
            con.execute("DELETE FROM articles WHERE id = ?", [a.id])
            con.execute(
                "INSERT INTO articles (id, url, source, title, deck, author, section, published, lang, text, "
                "boilerplate, sentences, parsed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    a.id,
                    a.url,
                    a.source,
                    a.title,
                    a.deck,
                    a.author,
                    a.section,
                    a.published,
                    a.lang,
                    a.text,
                    json.dumps(aj["boilerplate"], ensure_ascii=False),
                    coded.sentences,
                    coded.parsed,
                ],
            )
            if rows:
                marks = ", ".join("?" * len(EVENT_COLUMNS))
                con.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({marks})", rows)
            con.execute("COMMIT")
        except duckdb.Error as err:
            con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: could not write article {a.id}: {err}") from err

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

    def counts(self) -> dict[str, int]:
        a = self.con.execute("SELECT count(*) FROM articles").fetchone()
        e = self.con.execute("SELECT count(*) FROM events").fetchone()
        return {"articles": int(a[0]) if a else 0, "events": int(e[0]) if e else 0}

    def top_dyads(self, limit: int = 10) -> list[dict[str, Any]]:
        """Dyads (unordered, country + sector) by number of events, with their mean weight."""
        sql = """
            SELECT least(source_code, target_code) AS a, greatest(source_code, target_code) AS b,
                   count(*) AS events, round(avg(weight), 2) AS mean_weight,
                   sum(CASE WHEN weight > 0 THEN 1 ELSE 0 END) AS cooperative,
                   sum(CASE WHEN weight < 0 THEN 1 ELSE 0 END) AS conflictual
            FROM events
            WHERE source_code IS NOT NULL AND target_code IS NOT NULL AND status IN ('occurred', 'claimed')
            GROUP BY 1, 2 ORDER BY events DESC, abs(mean_weight) DESC, a, b LIMIT ?
        """
        cur = self.con.execute(sql, [limit])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]

"""The Python API over a store: `db = alianza.open(path)`. The CLI and the web UI use this class.

Query methods return DuckDB relations: `.df()` (pandas), `.pl()` (polars), `.arrow()` convert them
without copying where the libraries allow; `.fetchall()` gives tuples. Relations are lazy: use them
while the database is open.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb

from .aggregate import queries
from .aggregate.clusters import ClusterUpdate, rebuild_clusters, update_clusters
from .aggregate.config import AggregateConfig
from .aggregate.export import GRAPH_FORMATS, atomic_write, gdelt_sql, write_graph, write_table
from .aggregate.export import ExportError as ExportError
from .aggregate.queries import QueryError as QueryError
from .aggregate.queries import Window
from .store.db import Store

_EVENT_COLUMNS = """
    e.id, e.article_id, m.cluster_id, e.type, e.mode, e.cameo, e.quad, e.weight,
    e.source_code, e.source_country, e.source_sector, e.source_name,
    e.target_code, e.target_country, e.target_sector, e.target_name,
    e.status, e.date, e.date_precision, e.event_day, e.place, e.confidence, e.mentions,
    e.sentence, e.start_char, e.end_char, e.trigger, e.rule, a.url, a.site, a.published
"""


class Alianza:
    def __init__(self, path: str | Path, read_only: bool = True, config: AggregateConfig | None = None) -> None:
        self.store = Store(path, read_only=read_only)
        self.con: duckdb.DuckDBPyConnection = self.store.con
        self.config = config or AggregateConfig()
        self.read_only = read_only

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Alianza:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- maintenance ------------------------------------------------------------------------------
    def update_clusters(self, rebuild: bool = False) -> ClusterUpdate:
        if self.read_only:
            raise QueryError("the store is open read-only: open it with read_only=False to update clusters")
        return (rebuild_clusters if rebuild else update_clusters)(self.con, self.config)

    # -- tables -----------------------------------------------------------------------------------
    def events(
        self,
        window: Window | None = None,
        actor: str | None = None,
        type: str | None = None,  # noqa: A002
    ) -> duckdb.DuckDBPyRelation:
        """Coded events (copies of articles are not coded, so none is counted twice), flat and typed."""
        w = window or Window()
        a = queries.known_actor(self.con, actor) if actor else None
        sql = f"""
            SELECT {_EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id
            LEFT JOIN event_cluster_members m ON m.event_id = e.id
            WHERE ($start IS NULL OR e.event_day >= $start) AND ($end IS NULL OR e.event_day <= $end)
              AND ($a IS NULL OR $a IN (e.source_country, e.target_country, e.source_code, e.target_code))
              AND ($t IS NULL OR e.type = $t)
            ORDER BY e.event_day NULLS LAST, e.article_id, e.sentence, e.id
        """
        return queries.run_sql(self.con, sql, {"start": w.start, "end": w.end, "a": a, "t": type})

    def events_json(self, window: Window | None = None) -> duckdb.DuckDBPyRelation:
        """Events in the public JSON shape of DESIGN.md, one `json` column."""
        w = window or Window()
        return queries.run_sql(
            self.con,
            "SELECT e.json FROM events e WHERE ($start IS NULL OR e.event_day >= $start) "
            "AND ($end IS NULL OR e.event_day <= $end) ORDER BY e.event_day NULLS LAST, e.article_id, e.sentence, e.id",
            {"start": w.start, "end": w.end},
        )

    def clusters(
        self,
        window: Window | None = None,
        actor: str | None = None,
        type: str | None = None,  # noqa: A002
    ) -> duckdb.DuckDBPyRelation:
        w = window or Window()
        a = queries.known_actor(self.con, actor) if actor else None
        sql = """
            SELECT * EXCLUDE (a_code, b_code) FROM event_clusters
            WHERE ($start IS NULL OR day >= $start) AND ($end IS NULL OR day <= $end)
              AND ($a IS NULL OR $a IN (source_country, target_country, source_code, target_code))
              AND ($t IS NULL OR type = $t)
            ORDER BY day NULLS LAST, mentions DESC, id
        """
        return queries.run_sql(self.con, sql, {"start": w.start, "end": w.end, "a": a, "t": type})

    def dyads(self, actor_a: str | None = None, actor_b: str | None = None, **kw: Any) -> duckdb.DuckDBPyRelation:
        return queries.dyads(self.con, actor_a, actor_b, cfg=self.config, **kw)

    def network(
        self, window: Window | None = None, level: str = "country"
    ) -> tuple[duckdb.DuckDBPyRelation, duckdb.DuckDBPyRelation]:
        return queries.network(self.con, window, level, self.config)

    def blocs(self, window: Window | None = None, level: str = "country") -> list[dict[str, Any]]:
        return queries.blocs(self.con, window, level, self.config)

    def shifts(self, days: int = 30, end: dt.date | None = None, level: str = "country") -> duckdb.DuckDBPyRelation:
        return queries.shifts(self.con, days, end, level, self.config)

    def gdelt_source(self, what: str, window: Window | None = None) -> str:
        """SQL text with the columns `gdelt_sql` reads, per event or per cluster."""
        w = window or Window()
        # dates come from a checked `Window` (datetime.date), so formatting them is safe
        cond = (
            " AND ".join(
                x
                for x in (
                    f"day >= DATE '{w.start.isoformat()}'" if w.start else "",
                    f"day <= DATE '{w.end.isoformat()}'" if w.end else "",
                )
                if x
            )
            or "TRUE"
        )
        if what == "clusters":
            return (
                "SELECT id, day, source_code, source_country, source_sector, NULL AS source_name, target_code, "
                "target_country, target_sector, NULL AS target_name, cameo, quad, weight, mentions, sources, articles, "
                f"place, url, CAST(NULL AS TIMESTAMP) AS added FROM event_clusters WHERE {cond}"
            )
        return (
            "SELECT e.id, e.event_day AS day, e.source_code, e.source_country, e.source_sector, e.source_name, "
            "e.target_code, e.target_country, e.target_sector, e.target_name, e.cameo, e.quad, e.weight, "
            "coalesce(c.mentions, e.mentions) AS mentions, coalesce(c.sources, 1) AS sources, "
            "coalesce(c.articles, 1) AS articles, e.place, a.url, a.ingested_at AS added "
            "FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN event_cluster_members m ON m.event_id = e.id "
            f"LEFT JOIN event_clusters c ON c.id = m.cluster_id WHERE e.event_day IS NOT NULL AND {cond.replace('day', 'e.event_day')}"
        )

    # -- export -----------------------------------------------------------------------------------
    def export(
        self,
        what: str,
        fmt: str,
        out: str | Path,
        force: bool = False,
        window: Window | None = None,
        level: str = "country",
        by: str | None = "month",
    ) -> Path:
        out = Path(out)
        if fmt in GRAPH_FORMATS:
            if what != "network":
                raise ExportError(f"{fmt} writes a graph: expected --what network, got {what!r}")
            nodes, edges = self.network(window, level)
            n = _records(nodes)
            e = _records(edges)
            atomic_write(out, force, lambda p: write_graph(n, e, fmt, p))
            return out
        if fmt == "gdelt":
            if what not in ("events", "clusters"):
                raise ExportError(f"gdelt rows are events: expected --what events or clusters, got {what!r}")
            rel = self.con.sql(gdelt_sql(self.gdelt_source(what, window)))
        elif what == "events":
            rel = self.events_json(window) if fmt == "jsonl" else self.events(window)
        elif what == "clusters":
            rel = self.clusters(window)
        elif what == "dyads":
            rel = self.dyads(by=by, level=level, window=window)
        elif what == "network":
            rel = self.network(window, level)[1]
        else:
            raise ExportError(f"unknown --what {what!r}: expected events, clusters, dyads or network")
        atomic_write(out, force, lambda p: write_table(rel, fmt, p))
        return out


def _records(rel: duckdb.DuckDBPyRelation) -> list[dict[str, Any]]:
    cols = rel.columns
    return [dict(zip(cols, r, strict=True)) for r in rel.fetchall()]


def open(path: str | Path, read_only: bool = True, config: AggregateConfig | None = None) -> Alianza:  # noqa: A001
    return Alianza(path, read_only=read_only, config=config)

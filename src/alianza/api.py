"""The Python API over a store: `db = alianza.open(path)`. The CLI and the web UI use this class.

Query methods return DuckDB relations: `.df()` (pandas), `.pl()` (polars), `.arrow()` convert them
without copying where the libraries allow; `.fetchall()` gives tuples. Relations are lazy: use them
while the database is open.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, NamedTuple

import duckdb

from .aggregate import queries
from .aggregate.actorlookup import resolve_actor, store_actors
from .aggregate.clusters import ClusterUpdate, rebuild_clusters, update_clusters
from .aggregate.config import AggregateConfig
from .aggregate.export import GRAPH_FORMATS, atomic_write, ensure_countries, gdelt_source, gdelt_sql, write_table
from .aggregate.export import ExportError as ExportError
from .aggregate.graph import EDGE_COLUMNS, NODE_COLUMNS, graph_records, write_graph
from .aggregate.queries import QueryError as QueryError
from .aggregate.queries import Window
from .aggregate.rows import EventFilter, check_type, event_rows_sql, make_filter, nested_sql
from .relation import Relation
from .store.db import Store


class Network(NamedTuple):
    """The network of a period: two relations; `nodes, edges = db.network()` still works."""

    nodes: Relation
    edges: Relation


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
    def filter(
        self,
        window: Window | None = None,
        actor: str | None = None,
        type: str | None = None,  # noqa: A002 - the user's word
        *,
        start: dt.date | str | None = None,
        end: dt.date | str | None = None,
        status: str | None = None,
        lang: str | None = None,
        source: str | None = None,
        article: str | None = None,
    ) -> EventFilter:
        """Checked filter values: dates as strings or dates, actors as codes or names, types in any
        case. Raises an `AlianzaError` naming a bad value and what is accepted."""
        if window is not None:
            start, end = start or window.start, end or window.end
        return make_filter(self.con, start, end, actor, type, status, lang, source, article)

    def events(
        self,
        window: Window | None = None,
        actor: str | None = None,
        type: str | None = None,  # noqa: A002
        **filters: Any,
    ) -> Relation:
        """Coded events as flat rows (`aggregate/rows.py`: one column per field, the same as every
        export). Copies of articles are not coded, so no event is counted twice.

        Args:
            window, actor, type: as in `filter`; also `start`, `end` (`"2024-01-01"` or a date),
                `status`, `lang`, `source` (a site or file), `article` (an id).
        Example: `db.events(start="2024-01-01", end="2024-06-30", actor="RUS", type="consult").df()`
        """
        sql, params = event_rows_sql(self.filter(window, actor, type, **filters))
        return Relation(queries.run_sql(self.con, sql, params))

    def events_json(self, window: Window | None = None, **filters: Any) -> Relation:
        """Events in the public nested JSON shape of DESIGN.md, one `json` column."""
        sql, params = nested_sql(self.filter(window, **filters))
        return Relation(queries.run_sql(self.con, sql, params))

    def articles(self, window: Window | None = None, **filters: Any) -> Relation:
        """Stored articles (every `Article` field, then what the store adds), by publication date;
        `start`, `end`, `lang`, `source` filter them."""
        allowed = {"start", "end", "lang", "source"}
        if set(filters) - allowed:
            raise QueryError(f"articles() takes {', '.join(sorted(allowed))}; got {', '.join(sorted(filters))}")
        flt = self.filter(window, **filters)
        cond, params = flt.where(day="a.published")
        sql = f"SELECT a.* EXCLUDE (ingested_at), a.ingested_at FROM articles a WHERE {cond} ORDER BY a.published NULLS LAST, a.id"
        return Relation(queries.run_sql(self.con, sql, params))

    def actors(self, query: str | None = None) -> list[dict[str, Any]]:
        """The store's actors with their most frequent name and event count; `query` filters by code or name."""
        return store_actors(self.con, query)

    def actor(self, text: str) -> str:
        """The stored code for a code or name (`Rusia` -> RUS); `ActorError` with a suggestion otherwise."""
        return resolve_actor(self.con, text)

    def clusters(
        self,
        window: Window | None = None,
        actor: str | None = None,
        type: str | None = None,  # noqa: A002
        *,
        start: dt.date | str | None = None,
        end: dt.date | str | None = None,
        status: str | None = None,
    ) -> Relation:
        """Event clusters: each real-world event once, with its counts (see README, the alliance map)."""
        flt = self.filter(window, actor, type, start=start, end=end, status=status)
        sql = """
            SELECT * EXCLUDE (a_code, b_code) FROM event_clusters
            WHERE ($start IS NULL OR day >= $start) AND ($end IS NULL OR day <= $end)
              AND ($a IS NULL OR $a IN (source_country, target_country, source_code, target_code))
              AND ($t IS NULL OR type = $t) AND ($s IS NULL OR status = $s)
            ORDER BY day NULLS LAST, mentions DESC, id
        """
        params = {"start": flt.start, "end": flt.end, "a": flt.actor, "t": flt.type, "s": flt.status}
        return Relation(queries.run_sql(self.con, sql, params))

    def window(
        self, window: Window | None = None, start: dt.date | str | None = None, end: dt.date | str | None = None
    ) -> Window:
        """A checked date window from a `Window` or from `start`/`end` strings or dates."""
        flt = self.filter(window, start=start, end=end)
        return Window(flt.start, flt.end)

    def dyads(
        self,
        actor_a: str | None = None,
        actor_b: str | None = None,
        *,
        start: dt.date | str | None = None,
        end: dt.date | str | None = None,
        **kw: Any,
    ) -> Relation:
        """Dyads over time (`queries.dyads`): `db.dyads("Russia", "PRK", by="month", start="2024-01-01")`."""
        kw["window"] = self.window(kw.get("window"), start, end)
        kw["etype"] = check_type(kw.pop("type", None))
        return Relation(queries.dyads(self.con, actor_a, actor_b, cfg=self.config, **kw))

    def network(
        self,
        window: Window | None = None,
        level: str = "country",
        *,
        start: dt.date | str | None = None,
        end: dt.date | str | None = None,
        type: str | None = None,  # noqa: A002
    ) -> Network:
        """The network of a period: `nodes` (actor, clusters, cooperation, conflict) and `edges`
        (source, target, clusters, cooperation, conflict, net) relations; unpacks as a pair.
        `type` keeps one PLOVER type (who fights whom: `type="assault"`)."""
        w = self.window(window, start, end)
        nodes, edges = queries.network(self.con, w, level, self.config, etype=check_type(type))
        return Network(Relation(nodes), Relation(edges))

    def blocs(
        self,
        window: Window | None = None,
        level: str = "country",
        *,
        start: dt.date | str | None = None,
        end: dt.date | str | None = None,
        type: str | None = None,  # noqa: A002
    ) -> list[dict[str, Any]]:
        w = self.window(window, start, end)
        return queries.blocs(self.con, w, level, self.config, etype=check_type(type))

    def shifts(
        self,
        days: int = 30,
        end: dt.date | str | None = None,
        level: str = "country",
        type: str | None = None,  # noqa: A002
    ) -> Relation:
        end_day = self.window(None, None, end).end
        return Relation(queries.shifts(self.con, days, end_day, level, self.config, etype=check_type(type)))

    # the first release's keys of `dyads --json`, kept for scripts that read them
    DYAD_LEGACY_COLUMNS = ("a", "b", "mean_weight", "cooperative", "conflictual")

    def dyads_table(
        self, actor_a: str | None = None, actor_b: str | None = None, *, sort: str = "events", **kw: Any
    ) -> Relation:
        """The rows of `dyads --json` and of `export --what dyads`: `dyads()` sorted, with the
        first release's keys after the columns (`a`, `b`, `mean_weight`, `cooperative`, `conflictual`)."""
        rel = self.dyads(actor_a, actor_b, **kw).relation
        lead = "period, " if "period" in rel.columns else ""
        if sort == "cooperation":
            rel = rel.filter("weight_sum > 0").order(f"{lead}weight_sum DESC, source, target")
        elif sort == "conflict":
            rel = rel.filter("weight_sum < 0").order(f"{lead}weight_sum ASC, source, target")
        elif sort != "events":
            raise QueryError(f"unknown sort {sort!r}: expected events, cooperation or conflict")
        return Relation(
            rel.project(
                "*, source AS a, target AS b, weight_mean AS mean_weight, "
                "verbal_cooperation + material_cooperation AS cooperative, "
                "verbal_conflict + material_conflict AS conflictual"
            )
        )

    def graph(
        self,
        window: Window | None = None,
        level: str = "country",
        *,
        start: dt.date | str | None = None,
        end: dt.date | str | None = None,
        directed: bool = False,
        type: str | None = None,  # noqa: A002
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Node and edge records with the graph exports' attributes (`aggregate/graph.py`): nodes
        with label, name, bloc, activity; edges with a positive weight, net, cooperation, conflict, sign."""
        w = self.window(window, start, end)
        etype = check_type(type)
        nodes, edges = queries.network(self.con, w, level, self.config, directed=directed, etype=etype)
        return graph_records(nodes, edges, self.blocs(w, level, type=etype))

    def gdelt(self, what: str = "events", window: Window | None = None, **filters: Any) -> Relation:
        """GDELT 2.0 event-table rows (61 columns in the codebook's order), per event or per cluster."""
        if what not in ("events", "clusters"):
            raise ExportError(f"gdelt rows are events: expected --what events or clusters, got {what!r}")
        ensure_countries(self.con)
        sql, params = gdelt_source(what, self.filter(window, **filters))
        return Relation(queries.run_sql(self.con, gdelt_sql(sql), params))

    # -- export -----------------------------------------------------------------------------------
    def export(
        self,
        what: str,
        fmt: str,
        out: str | Path,
        force: bool = False,
        window: Window | None = None,
        level: str = "country",
        by: str | None = None,
        *,
        nested: bool = False,
        directed: bool = False,
        **filters: Any,
    ) -> Path:
        """Write `what` (events, clusters, dyads, network, articles) as `fmt` to `out`, whole or not at all.

        Args:
            out: a file path, or "-" for standard output (csv, jsonl, gdelt).
            by: period of dyad rows (default month), or of the GEXF timeline (default none: a static graph).
            nested: events as JSON Lines in the nested public shape instead of flat rows.
            directed: a directed network (A->B apart from B->A).
            filters: `start`, `end`, `actor`, `type`, `status`, `lang`, `source` as in `events()`.
        Returns:
            The path written (the edges file for a network as CSV or Parquet; its nodes file lies
            beside it as `NAME.nodes.csv`).
        """
        from .aggregate.export import PAIRS, STDOUT_FORMATS, write_stdout

        if fmt not in PAIRS:
            raise ExportError(f"unknown --format {fmt!r}: expected one of {', '.join(PAIRS)}")
        if what not in PAIRS[fmt]:
            raise ExportError(
                f"{fmt} writes {' or '.join(PAIRS[fmt])}: expected --what {' or '.join(PAIRS[fmt])}, got {what!r}"
            )
        to_stdout = str(out) == "-"
        if to_stdout and fmt not in STDOUT_FORMATS:
            raise ExportError(f"--out - writes {', '.join(STDOUT_FORMATS)} to standard output: {fmt} needs a file path")
        out = Path(out)
        w = self.window(window, filters.pop("start", None), filters.pop("end", None))
        etype = check_type(filters.get("type"))
        if fmt in GRAPH_FORMATS:
            n, e = self.graph(w, level, directed=directed, type=etype)
            spells = (
                _records(self.dyads(by=by, level=level, window=w, directed=directed, type=etype).relation)
                if by and fmt == "gexf"
                else None
            )
            atomic_write(out, force, lambda p: write_graph(n, e, fmt, p, directed=directed, spells=spells, by=by))
            return out
        if what == "network" and fmt != "jsonl":
            if to_stdout:
                raise ExportError("a network as a table is two files (edges, nodes): expected a file path for --out")
            n, e = self.graph(w, level, directed=directed, type=etype)
            nodes_out = out.with_name(f"{out.stem}.nodes{out.suffix}")
            atomic_write(
                nodes_out, force, lambda p: write_table(self.con.sql(_values_sql(self.con, n, "node")), fmt, p)
            )
            atomic_write(out, force, lambda p: write_table(self.con.sql(_values_sql(self.con, e, "edge")), fmt, p))
            return out
        rel = self._export_rel(what, fmt, w, level, by, nested, directed, filters).relation
        if to_stdout:
            write_stdout(rel, fmt)
        else:
            atomic_write(out, force, lambda p: write_table(rel, fmt, p))
        return out

    def _export_rel(
        self,
        what: str,
        fmt: str,
        w: Window,
        level: str,
        by: str | None,
        nested: bool,
        directed: bool,
        filters: dict[str, Any],
    ) -> Relation:
        if fmt == "gdelt":
            return self.gdelt(what, w, **filters)
        if what == "events":
            return self.events_json(w, **filters) if (fmt == "jsonl" and nested) else self.events(w, **filters)
        if what == "clusters":
            return self.clusters(w, filters.get("actor"), filters.get("type"), status=filters.get("status"))
        if what == "dyads":
            return self.dyads_table(
                by=by or "month", level=level, window=w, directed=directed, type=filters.get("type")
            )
        if what == "articles":
            return self.articles(w, lang=filters.get("lang"), source=filters.get("source"))
        # network as JSON Lines: node records, then edge records
        n, e = self.graph(w, level, directed=directed, type=filters.get("type"))
        rows = [{"kind": "node", **x} for x in n] + [{"kind": "edge", **x} for x in e]
        return Relation(self.con.sql(_json_lines_sql(self.con, rows)))


def _values_sql(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]], kind: str) -> str:
    """A table of records for DuckDB's writers (typed columns, headers even when empty)."""
    cols = NODE_COLUMNS if kind == "node" else EDGE_COLUMNS
    name = f"alianza_{kind}s"
    types = {c: ("VARCHAR" if c in ("actor", "label", "name", "source", "target") else "DOUBLE") for c in cols}
    for c in ("bloc", "activity", "clusters", "weight", "sign"):
        if c in types:
            types[c] = "BIGINT"
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} ({', '.join(f'{c} {t}' for c, t in types.items())})")
    if rows:
        con.execute(
            f"INSERT INTO {name} SELECT {', '.join(f'unnest(${i + 1})' for i in range(len(cols)))}",
            [[r[c] for r in rows] for c in cols],
        )
    return f"SELECT * FROM {name}"


def _json_lines_sql(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> str:
    """Records as one `json` column (written line by line as they are)."""
    import json

    con.execute("CREATE OR REPLACE TEMP TABLE alianza_jsonl (json VARCHAR)")
    if rows:
        con.execute("INSERT INTO alianza_jsonl SELECT unnest($1)", [[json.dumps(r, ensure_ascii=False) for r in rows]])
    return "SELECT json FROM alianza_jsonl"


def _records(rel: duckdb.DuckDBPyRelation) -> list[dict[str, Any]]:
    cols = rel.columns
    return [dict(zip(cols, r, strict=True)) for r in rel.fetchall()]


def open(path: str | Path, read_only: bool = True, config: AggregateConfig | None = None) -> Alianza:  # noqa: A001
    return Alianza(path, read_only=read_only, config=config)

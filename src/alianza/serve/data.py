"""Everything the web UI reads from the store, in one place: the only module of `serve/` that talks
to `alianza.open` and SQL, so a change in the API or the store's columns is adapted here alone.

The store is opened read-only, once, and every query runs under one lock: a DuckDB connection must
not be used by two threads at once, and FastAPI runs plain endpoints in a thread pool. Queries are
short (bounded by LIMIT), so the lock costs little. Values always go in as bound parameters; the
only SQL text built from input is the closed sets checked in `params.py` (levels, sort columns).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from ..aggregate import queries
from ..aggregate.queries import Window
from ..api import Alianza
from ..config import threads_configured
from . import layout
from .params import EVENT_SORTS, BadRequest, EventQuery, NetQuery, NotFound, Period

EXPORT_MAX_ROWS = 1_000_000
NETWORK_CACHE = 64


def level_cols(level: str, prefix: str = "") -> tuple[str, str]:
    """The actor of each side at a level, as in aggregate/queries.py: organisations keep their name
    at country level (IGO NATO and IGO EU are not one actor)."""
    p = prefix
    if level == "country":
        return (
            f"CASE WHEN {p}source_country = 'IGO' THEN {p}source_code ELSE {p}source_country END",
            f"CASE WHEN {p}target_country = 'IGO' THEN {p}target_code ELSE {p}target_country END",
        )
    return f"{p}source_code", f"{p}target_code"


def side_is(side: str, param: str, level: str, prefix: str = "") -> str:
    """`side` (source or target) is the actor `$param` at `level`, written so that DuckDB tests the
    plain columns first: the CASE of `level_cols` alone costs a full evaluation per row."""
    s, t = level_cols(level, prefix)
    expr = s if side == "source" else t
    raw = f"({prefix}{side}_country = ${param} OR {prefix}{side}_code = ${param})"
    return f"({raw} AND {expr} = ${param})"


def _in(column: str, name: str, values: tuple[str, ...], params: dict[str, Any]) -> str:
    """`column IN ($name_a, $name_b, ...)` with each value bound; TRUE when there is no filter."""
    if not values:
        return "TRUE"
    keys = []
    for i, v in enumerate(values):
        key = f"{name}{chr(97 + i // 26)}{chr(97 + i % 26)}"
        params[key] = v
        keys.append(f"${key}")
    return f"{column} IN ({', '.join(keys)})"


def in_period(column: str, period: Period, params: dict[str, Any]) -> str:
    """`column` within the period, with only the bounds it has (bound as $start and $end): a plain
    `day >= $start` is pushed into DuckDB's scan, which skips row groups by their min/max day (the
    clusters are stored in day order), where `($start IS NULL OR day >= $start)` reads every row."""
    conds = []
    if period.start is not None:
        params["start"] = period.start
        conds.append(f"{column} >= $start")
    if period.end is not None:
        params["end"] = period.end
        conds.append(f"{column} <= $end")
    return " AND ".join(conds) or "TRUE"


def _iso(v: Any) -> Any:
    return v.isoformat() if isinstance(v, dt.date) else v


class Reader:
    """The store as the web UI sees it. One per app; safe to share between request threads."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.api = Alianza(self.path, read_only=True)
        if not threads_configured():  # the default leaves room for a coder; this process has none
            self.api.con.execute(f"SET threads = {max(1, os.cpu_count() or 1)}")
        self.lock = threading.RLock()
        self._networks: OrderedDict[NetQuery, dict[str, Any]] = OrderedDict()
        self._blocs: dict[tuple[Period, str], dict[str, int]] = {}
        self._actors: dict[str, frozenset[str]] = {}
        self._meta: dict[str, Any] | None = None

    def close(self) -> None:
        with self.lock:
            self.api.close()

    # -- helpers -------------------------------------------------------------------------------
    def rows(self, sql: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        with self.lock:
            cur = self.api.con.execute(sql, params or {})
            cols = [d[0] for d in cur.description]
            return [{c: _iso(v) for c, v in zip(cols, r, strict=True)} for r in cur.fetchall()]

    def actors(self, level: str) -> frozenset[str]:
        """Every actor that has a cluster, at a level (a few thousand at most: cached). Each part is a
        DISTINCT of one plain column, which DuckDB answers from its dictionaries several times
        faster than the CASE of `level_cols` on every cluster (the first page waits for this)."""
        if level not in self._actors:
            parts = []
            for side in ("source", "target"):
                if level == "country":  # level_cols: an organisation keeps its code, a country is its country
                    parts.append(f"SELECT DISTINCT {side}_country AS a FROM event_clusters WHERE {side}_country <> 'IGO'")
                    parts.append(f"SELECT DISTINCT {side}_code FROM event_clusters WHERE {side}_country = 'IGO'")
                else:
                    parts.append(f"SELECT DISTINCT {side}_code AS a FROM event_clusters")
            got = self.rows(f"SELECT DISTINCT a FROM ({' UNION ALL '.join(parts)}) WHERE a IS NOT NULL")
            self._actors[level] = frozenset(r["a"] for r in got)
        return self._actors[level]

    def known(self, code: str | None, level: str, name: str = "actor") -> str:
        if not code:
            raise BadRequest(f"{name}: expected an actor code such as RUS, RUS GOV or IGO NATO")
        if code in self.actors(level):
            return code
        if level == "country" and code.split(" ")[0] in self.actors(level):
            return code.split(" ")[0]  # RUS GOV asked at country level: the country
        raise NotFound(
            f"unknown actor {code!r} at {level} level: expected a code that appears in the store's events, "
            "such as RUS, RUS GOV or IGO NATO (the search box finds codes by name)"
        )

    def meta(self) -> dict[str, Any]:
        """The store's extent: first and last day, counts (for the period selector and the header)."""
        if self._meta is None:
            got = self.rows(
                "SELECT min(day) AS first_day, max(day) AS last_day, count(*) AS clusters FROM event_clusters"
            )[0]
            got.update(self.rows("SELECT count(*) AS events FROM events")[0])
            got.update(self.rows("SELECT count(*) AS articles FROM articles")[0])
            got["store"] = self.path
            self._meta = got
        return self._meta

    # -- the network ---------------------------------------------------------------------------
    def _clusters_sql(self, q: NetQuery, params: dict[str, Any]) -> str:
        s, t = level_cols(q.level)
        conds = [
            f"{s} IS NOT NULL AND {t} IS NOT NULL AND {s} <> '---' AND {t} <> '---' AND {s} <> {t}",
            in_period("day", q.period, params),
            _in("quad", "quad", q.quads, params),
            _in("type", "type", q.types, params),
        ]
        if q.actor:
            params["actor"] = q.actor
            conds.append(f"({side_is('source', 'actor', q.level)} OR {side_is('target', 'actor', q.level)})")
        factor = self.api.config.status_factor_sql()
        return f"SELECT {s} AS src, {t} AS tgt, weight, {factor} AS factor FROM event_clusters WHERE {' AND '.join(conds)}"

    def edges(self, q: NetQuery, order: str = "clusters DESC, source, target") -> tuple[list[dict[str, Any]], int]:
        """Dyads of the filters, the busiest first, at most `q.max_edges`; and how many there are."""
        params: dict[str, Any] = {"min": q.min_clusters, "lim": q.max_edges}
        sql = f"""
            WITH c AS ({self._clusters_sql(q, params)}), e AS (
                SELECT least(src, tgt) AS source, greatest(src, tgt) AS target, count(*) AS clusters,
                       round(coalesce(sum(weight * factor) FILTER (WHERE weight > 0), 0), 3) AS cooperation,
                       round(coalesce(-sum(weight * factor) FILTER (WHERE weight < 0), 0), 3) AS conflict,
                       round(sum(weight * factor), 3) AS net
                FROM c WHERE factor > 0 GROUP BY ALL HAVING count(*) >= $min
            )
            SELECT *, count(*) OVER () AS total FROM e ORDER BY {order} LIMIT $lim
        """
        got = self.rows(sql, params)
        total = int(got[0]["total"]) if got else 0
        for r in got:
            del r["total"]
        return got, total

    def edges_and_activity(self, q: NetQuery) -> tuple[list[dict[str, Any]], int, dict[str, dict[str, Any]]]:
        """`edges(q)` and each actor's activity over all its dyads (not only those shown), from one
        scan of the clusters: the dyads are grouped once and both answers read the grouping."""
        params: dict[str, Any] = {"min": q.min_clusters, "lim": q.max_edges}
        sql = f"""
            WITH c AS ({self._clusters_sql(q, params)}), e AS MATERIALIZED (
                SELECT least(src, tgt) AS source, greatest(src, tgt) AS target, count(*) AS clusters,
                       coalesce(sum(weight * factor) FILTER (WHERE weight > 0), 0) AS cooperation,
                       coalesce(-sum(weight * factor) FILTER (WHERE weight < 0), 0) AS conflict,
                       sum(weight * factor) AS net
                FROM c WHERE factor > 0 GROUP BY ALL
            ), shown AS (
                SELECT *, count(*) OVER () AS total FROM e WHERE clusters >= $min
                ORDER BY clusters DESC, source, target LIMIT $lim
            ), ends AS (
                SELECT source AS actor, clusters, cooperation, conflict FROM e
                UNION ALL SELECT target, clusters, cooperation, conflict FROM e
            )
            SELECT 'edge' AS kind, source, target, clusters, round(cooperation, 3) AS cooperation,
                   round(conflict, 3) AS conflict, round(net, 3) AS net, total FROM shown
            UNION ALL
            SELECT 'node', actor, NULL, sum(clusters), round(sum(cooperation), 3), round(sum(conflict), 3), NULL, NULL
            FROM ends GROUP BY actor
        """
        edges: list[dict[str, Any]] = []
        activity: dict[str, dict[str, Any]] = {}
        total = 0
        for r in self.rows(sql, params):
            if r.pop("kind") == "node":
                activity[r["source"]] = {
                    "actor": r["source"], "clusters": int(r["clusters"]), "cooperation": r["cooperation"], "conflict": r["conflict"]
                }
            else:
                total = int(r.pop("total"))
                edges.append(r)
        edges.sort(key=lambda e: (-e["clusters"], e["source"], e["target"]))
        return edges, total, activity

    def blocs(self, period: Period, level: str) -> dict[str, int]:
        """actor -> bloc number, from `alianza blocs` over the period (filters do not change blocs)."""
        key = (period, level)
        if key not in self._blocs:
            # on a cursor of its own (a DuckDB connection to the same database), outside the lock:
            # Louvain takes seconds on a big store, and the other pages (a dyad clicked meanwhile)
            # need not wait for it
            with self.lock:
                cur = self.api.con.cursor()
            try:
                window = self.api.window(Window(period.start, period.end))
                found = queries.blocs(cur, window, level, self.api.config)
            finally:
                cur.close()
            self._blocs[key] = {m: b["bloc"] for b in found for m in b["members"]}
        return self._blocs[key]

    def network(self, q: NetQuery, with_blocs: bool = True) -> dict[str, Any]:
        """Nodes with server-computed positions, edges with colours and widths: cached per query.

        Bloc colours need Louvain over the period's whole cooperation graph, the slowest step on a
        big store: the page asks for the map `with_blocs=False`, draws it, then colours it from
        `/api/blocs` (cached per period and level, so the slider reuses them)."""
        if q.actor:
            q = NetQuery(q.period, q.quads, q.types, q.level, q.min_clusters, q.max_edges, self.known(q.actor, q.level))
        with self.lock:  # the cache too is shared between request threads
            out = self._networks.get(q)
            if out is not None:
                self._networks.move_to_end(q)
            else:
                edges, total, activity = self.edges_and_activity(q)
                out = layout.network_payload(edges, activity, {})
                out.update({"total_edges": total, "shown_edges": len(edges), "query": _query_json(q)})
                self._networks[q] = out
                if len(self._networks) > NETWORK_CACHE:
                    self._networks.popitem(last=False)
        if not with_blocs or not out["nodes"]:
            return out
        colours = self.bloc_colours(q.period, q.level)
        nodes = [{**n, **colours.get(n["id"], {})} for n in out["nodes"]]
        return {**out, "nodes": nodes}

    def bloc_colours(self, period: Period, level: str) -> dict[str, dict[str, Any]]:
        return {a: {"bloc": b, "colour": layout.bloc_colour(b)} for a, b in self.blocs(period, level).items()}

    # -- a dyad ----------------------------------------------------------------------------------
    def _pair(self, a: str, b: str, level: str, params: dict[str, Any]) -> str:
        params.update({"a": a, "b": b})
        sa, sb = side_is("source", "a", level), side_is("source", "b", level)
        ta, tb = side_is("target", "a", level), side_is("target", "b", level)
        return f"(({sa} AND {tb}) OR ({sb} AND {ta}))"

    def dyad_series(self, a: str, b: str, period: Period, level: str) -> tuple[list[dict[str, Any]], int]:
        """Per month: counts per quad class, cooperation, conflict and net scores (status factors
        applied), and `listed`, every cluster of the month (unscored ones too, as the list shows them);
        plus the number of undated clusters."""
        params: dict[str, Any] = {}
        factor = self.api.config.status_factor_sql()
        sql = f"""
            WITH c AS (
                SELECT CAST(date_trunc('month', day) AS DATE) AS month, quad, weight, {factor} AS f FROM event_clusters
                WHERE {self._pair(a, b, level, params)} AND {in_period("day", period, params)}
            )
            SELECT month, count(*) FILTER (WHERE f > 0) AS clusters,
                   count(*) FILTER (WHERE f > 0 AND quad = 'verbal-cooperation') AS verbal_cooperation,
                   count(*) FILTER (WHERE f > 0 AND quad = 'material-cooperation') AS material_cooperation,
                   count(*) FILTER (WHERE f > 0 AND quad = 'verbal-conflict') AS verbal_conflict,
                   count(*) FILTER (WHERE f > 0 AND quad = 'material-conflict') AS material_conflict,
                   round(coalesce(sum(weight * f) FILTER (WHERE weight > 0), 0), 3) AS cooperation,
                   round(coalesce(-sum(weight * f) FILTER (WHERE weight < 0), 0), 3) AS conflict,
                   round(coalesce(sum(weight * f), 0), 3) AS net, count(*) AS listed
            FROM c GROUP BY month ORDER BY month NULLS LAST
        """
        rows = self.rows(sql, params)
        undated = int(rows.pop()["listed"]) if rows and rows[-1]["month"] is None else 0
        return _fill_months(rows), undated

    def dyad_clusters(
        self, a: str, b: str, period: Period, level: str, page: int, per_page: int, since: str | None
    ) -> list[dict[str, Any]]:
        """One page of the pair's clusters, newest first. `since`: a month that the page cannot reach
        past (from the series' counts), so that the sort sees a few hundred rows, not every cluster."""
        params: dict[str, Any] = {"lim": per_page, "off": (page - 1) * per_page}
        params["since"] = dt.date.fromisoformat(since) if since else None
        return self.rows(
            f"""SELECT id, type, mode, quad, status, day, last_day, weight, events, mentions, articles, sources,
                   source_code, target_code, place, evidence, url
            FROM event_clusters WHERE {self._pair(a, b, level, params)} AND {in_period("day", period, params)}
              AND ($since IS NULL OR day >= $since)
            ORDER BY day DESC NULLS LAST, mentions DESC, id LIMIT $lim OFFSET $off""",
            params,
        )

    def dyad(self, a: str, b: str, period: Period, level: str, page: int = 1, per_page: int = 50) -> dict[str, Any]:
        a, b = self.known(a, level, "a"), self.known(b, level, "b")
        if a == b:
            raise BadRequest(f"a={a!r} and b={b!r}: expected two different actors")
        a, b = min(a, b), max(a, b)
        series, undated = self.dyad_series(a, b, period, level)
        total = sum(int(m["listed"]) for m in series) + undated
        if page > 1 and (page - 1) * per_page >= total:
            raise NotFound(f"page {page} is past the end: the pair has {total} clusters in the period, {per_page} a page")
        since, seen = None, 0
        for m in reversed(series):
            seen += int(m["listed"])
            if seen >= page * per_page:
                since = m["month"]
                break
        return {
            "a": a,
            "b": b,
            "level": level,
            "from": _iso(period.start),
            "to": _iso(period.end),
            "series": series,
            "shifts": biggest_shifts(series),
            "totals": {k: round(sum(m[k] for m in series), 3) for k in ("clusters", "cooperation", "conflict", "net")},
            "clusters": self.dyad_clusters(a, b, period, level, page, per_page, since),
            "clusters_total": total,
            "page": page,
            "per_page": per_page,
        }

    # -- evidence --------------------------------------------------------------------------------
    # Point lookups, step by step, each one DuckDB answers without reading a whole table: the
    # members by cluster id (stored in cluster order, store migration 8: min/max pruning), events
    # and articles by their primary keys (separately: joined in one query, DuckDB drops the index
    # and scans both tables, a second on a 10M-event store), the cluster row by id within its
    # first day (clusters are stored in day order, and a cluster's day is its members' first).
    _EVIDENCE_EVENT = """e.id, e.type, e.mode, e.quad, e.weight, e.status, e.date, e.date_precision, e.event_day,
        e.rule, e.trigger, e.sentence, e.start_char, e.end_char, e.confidence, e.json, e.source_code, e.target_code,
        e.article_id"""
    _EVIDENCE_ARTICLE = "a.id AS article_id, a.title, a.url, a.site, a.source AS file, a.published, a.lang, a.text"

    def _by_ids(self, columns: str, table: str, ids: list[str], key: str = "id") -> list[dict[str, Any]]:
        """Rows by an indexed key, each id bound on its own (`IN ($k0, $k1, ...)`): a list of
        parameters uses the key's index, `IN (SELECT unnest(...))` a scan of the table."""
        out: list[dict[str, Any]] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            params = {f"k{n}": v for n, v in enumerate(chunk)}
            keys = ", ".join(f"$k{n}" for n in range(len(chunk)))
            out.extend(self.rows(f"SELECT {columns} FROM {table} WHERE {key} IN ({keys})", params))
        return out

    def _evidence_rows(
        self, event_ids: list[str], cluster_id: str | None, most: int = 500
    ) -> tuple[list[dict[str, Any]], str | None]:
        """The evidence of these events, in article order, at most `most`; and their first day."""
        events = self._by_ids(self._EVIDENCE_EVENT, "events e", sorted(set(event_ids)))
        first_day = min((e["event_day"] for e in events if e["event_day"] is not None), default=None)
        articles = {a["article_id"]: a for a in self._by_ids(self._EVIDENCE_ARTICLE, "articles a", sorted({e["article_id"] for e in events}))}
        rows = []
        for e in events:
            a = articles.get(e["article_id"])
            if a is None:
                continue
            text = a["text"] or ""
            start, end = e["start_char"], e["end_char"]
            sentence = text[start:end] if start is not None and end is not None else None
            rows.append({**e, **{k: v for k, v in a.items() if k != "text"}, "sentence_text": sentence, "cluster_id": cluster_id})
        rows.sort(
            key=lambda r: (r["published"] is None, r["published"] or "", r["article_id"], r["sentence"] is None, r["sentence"] or 0, r["id"])
        )
        return rows[:most], first_day

    def cluster(self, cluster_id: str) -> dict[str, Any]:
        members = [r["event_id"] for r in self.rows("SELECT event_id FROM event_cluster_members WHERE cluster_id = $id", {"id": cluster_id})]
        rows, first_day = self._evidence_rows(members, cluster_id)
        got: list[dict[str, Any]] = []
        if members:
            on_day = "day = $d" if first_day is not None else "day IS NULL"
            params = {"id": cluster_id, **({"d": dt.date.fromisoformat(first_day)} if first_day is not None else {})}
            got = self.rows(f"SELECT * EXCLUDE (a_code, b_code) FROM event_clusters WHERE id = $id AND {on_day}", params)
        if not got:  # no members, or a cluster waiting for its recount (an article re-ingested): look everywhere
            got = self.rows("SELECT * EXCLUDE (a_code, b_code) FROM event_clusters WHERE id = $id", {"id": cluster_id})
        if not got:
            raise NotFound(f"unknown cluster {cluster_id!r}: expected an id from a dyad page or `alianza clusters`")
        copies = self._copies([r["article_id"] for r in rows])
        return {"cluster": got[0], "evidence": [self._evidence(r, copies) for r in rows]}

    def event(self, event_id: str) -> dict[str, Any]:
        got, _day = self._evidence_rows([event_id], None)
        if not got:
            raise NotFound(f"unknown event {event_id!r}: expected an id from the events table")
        member = self.rows("SELECT cluster_id FROM event_cluster_members WHERE event_id = $id LIMIT 1", {"id": event_id})
        got[0]["cluster_id"] = member[0]["cluster_id"] if member else None
        return {"cluster": None, "evidence": [self._evidence(got[0], self._copies([got[0]["article_id"]]))]}

    def _evidence(self, r: dict[str, Any], copies: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
        j = json.loads(r.pop("json")) if r.get("json") else {}
        ev = j.get("evidence") or {}
        sent = ev.get("text") or r.get("sentence_text") or ""
        base = r.get("start_char") or 0
        trig = None
        if ev.get("trigger_start") is not None and ev.get("trigger_end") is not None:
            trig = (int(ev["trigger_start"]) - base, int(ev["trigger_end"]) - base)
        src, tgt = j.get("source") or {}, j.get("target") or {}
        r["sentence_text"] = sent
        r["segments"] = layout.highlight(sent, r.get("trigger"), trig, src.get("text"), tgt.get("text"))
        r["source"] = {k: src.get(k) for k in ("code", "name", "text", "how")} if src else None
        r["target"] = {k: tgt.get(k) for k in ("code", "name", "text", "how")} if tgt else None
        claimed = j.get("claimed_by")
        r["claimed_by"] = claimed.get("code") if isinstance(claimed, dict) else claimed
        r["place"] = (j.get("place") or {}).get("name") if isinstance(j.get("place"), dict) else j.get("place")
        r["copies"] = copies.get(r["article_id"], [])
        return r

    def _copies(self, article_ids: list[str], most: int = 50) -> dict[str, list[dict[str, Any]]]:
        """The stored copies of each article (wire stories republished), `most` each: one query
        for the page, as every one reads the articles' duplicate_of column through."""
        out: dict[str, list[dict[str, Any]]] = {}
        if not article_ids:
            return out
        for r in self.rows(
            "SELECT duplicate_of, id, title, url, site, source AS file, published FROM articles "
            "WHERE duplicate_of IN (SELECT unnest($ids)) ORDER BY duplicate_of, published, id",
            {"ids": sorted(set(article_ids))},
        ):
            got = out.setdefault(r.pop("duplicate_of"), [])
            if len(got) < most:
                got.append(r)
        return out

    def article(self, article_id: str, event_id: str | None = None) -> dict[str, Any]:
        got = self.rows(
            "SELECT id, url, source AS file, site, title, author, published, lang, text, duplicate_of FROM articles WHERE id = $id",
            {"id": article_id},
        )
        if not got:
            raise NotFound(f"unknown article {article_id!r}: expected an id from an evidence page")
        art = got[0]
        span = None
        if event_id:
            ev = self.rows(
                "SELECT start_char, end_char FROM events WHERE id = $id AND article_id = $a", {"id": event_id, "a": article_id}
            )
            if not ev:
                raise NotFound(f"article {article_id!r} has no event {event_id!r}")
            span = (ev[0]["start_char"], ev[0]["end_char"])
        art["paragraphs"] = layout.paragraphs(art.pop("text") or "", span)
        art["events"] = self.rows(
            "SELECT id, type, status, source_code, target_code, trigger, sentence FROM events WHERE article_id = $a ORDER BY sentence, id LIMIT 500",
            {"a": article_id},
        )
        return art

    # -- an actor --------------------------------------------------------------------------------
    def actor(self, code: str, period: Period, level: str) -> dict[str, Any]:
        code = self.known(code, level)
        q = NetQuery(period=period, level=level, max_edges=200, actor=code)
        partners, total = self.edges(q, order="net DESC, clusters DESC, source, target")
        for p in partners:
            p["partner"] = p["target"] if p["source"] == code else p["source"]
        params: dict[str, Any] = {"c": code}
        months = self.rows(
            f"""SELECT CAST(date_trunc('month', day) AS DATE) AS month, count(*) AS clusters,
                   count(*) FILTER (WHERE quad = 'verbal-cooperation') AS verbal_cooperation,
                   count(*) FILTER (WHERE quad = 'material-cooperation') AS material_cooperation,
                   count(*) FILTER (WHERE quad = 'verbal-conflict') AS verbal_conflict,
                   count(*) FILTER (WHERE quad = 'material-conflict') AS material_conflict
                FROM event_clusters WHERE ({side_is("source", "c", level)} OR {side_is("target", "c", level)}) AND day IS NOT NULL
                  AND {in_period("day", period, params)}
                GROUP BY month ORDER BY month""",
            params,
        )
        names = self.rows(
            f"""SELECT name, count(*) AS n FROM (
                    SELECT coalesce(e.json->>'$.source.text', e.source_name) AS name FROM events e WHERE {side_is("source", "c", level, "e.")}
                    UNION ALL SELECT coalesce(e.json->>'$.target.text', e.target_name) FROM events e
                    WHERE {side_is("target", "c", level, "e.")}
                ) WHERE name IS NOT NULL GROUP BY name ORDER BY n DESC, name LIMIT 40""",
            {"c": code},
        )
        bloc = self.blocs(period, level).get(code)
        return {
            "code": code,
            "level": level,
            "from": _iso(period.start),
            "to": _iso(period.end),
            "bloc": bloc,
            "bloc_members": sorted(a for a, b in self.blocs(period, level).items() if b == bloc) if bloc else [],
            "partners": partners,
            "partners_total": total,
            "months": _fill_months(months, keys=("clusters", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")),
            "names": names,
        }

    # -- the events table ------------------------------------------------------------------------
    # Copies of articles are not coded (only originals have events), so no duplicate filter is needed.
    _EVENT_COLS = """e.id, e.event_day AS day, e.type, e.mode, e.quad, e.weight, e.status, e.source_code, e.source_name,
        e.target_code, e.target_name, e.trigger, e.rule, e.confidence, e.place, a.lang, coalesce(a.site, a.source) AS source,
        a.title, a.url, a.published, e.article_id, m.cluster_id"""

    def _events_where(self, q: EventQuery, params: dict[str, Any]) -> tuple[str, bool]:
        """The filter's WHERE text, and whether it reads the articles table."""
        conds = [
            in_period("e.event_day", q.period, params),
            _in("e.type", "type", q.types, params),
            _in("e.status", "status", q.statuses, params),
        ]
        if q.actor:
            params["actor"] = q.actor
            conds.append("$actor IN (e.source_code, e.target_code, e.source_country, e.target_country)")
        if q.lang:
            params["lang"] = q.lang
            conds.append("a.lang = $lang")
        if q.source:
            params["src"] = q.source
            conds.append("(a.site = $src OR a.source = $src)")
        return " AND ".join(conds), bool(q.lang or q.source)

    def _events_sql(self, q: EventQuery, params: dict[str, Any], page: bool) -> str:
        """The page's event ids, sorted and cut on the events table alone where the filter and sort
        allow (`_page_rows` reads their rows); or, for a download, every row of the filter."""
        where, needs_articles = self._events_where(q, params)
        sort_col = EVENT_SORTS[q.sort]
        needs_articles = needs_articles or sort_col.startswith(("a.", "coalesce(a."))
        join = "JOIN articles a ON a.id = e.article_id" if needs_articles else ""
        order = f"{sort_col} {'DESC' if q.descending else 'ASC'} NULLS LAST, e.id"
        cut = ""
        if page:
            params.update({"lim": q.per_page, "off": (q.page - 1) * q.per_page})
            cut = "LIMIT $lim OFFSET $off"
        if not page:
            return (
                f"SELECT {self._EVENT_COLS} FROM events e JOIN articles a ON a.id = e.article_id "
                f"LEFT JOIN event_cluster_members m ON m.event_id = e.id WHERE {where} ORDER BY {order}"
            )
        return f"SELECT e.id FROM events e {join} WHERE {where} ORDER BY {order} {cut}"

    _PAGE_EVENT = """e.id, e.event_day AS day, e.type, e.mode, e.quad, e.weight, e.status, e.source_code, e.source_name,
        e.target_code, e.target_name, e.trigger, e.rule, e.confidence, e.place, e.article_id"""
    _PAGE_ARTICLE = "a.id, a.lang, coalesce(a.site, a.source) AS source, a.title, a.url, a.published"

    def _page_rows(self, ids: list[str]) -> list[dict[str, Any]]:
        """The table's rows of these events, in this order: events, articles and memberships each
        read by key (the members by their event_id index, store migration 8); one query joining
        them reads all three tables through, seconds on a 10M-event store."""
        events = {e["id"]: e for e in self._by_ids(self._PAGE_EVENT, "events e", ids)}
        arts = {a["id"]: a for a in self._by_ids(self._PAGE_ARTICLE, "articles a", sorted({e["article_id"] for e in events.values()}))}
        clusters = {m["id"]: m["cluster_id"] for m in self._by_ids("event_id AS id, cluster_id", "event_cluster_members", ids, key="event_id")}
        out = []
        for i in ids:
            e = events.get(i)
            a = arts.get(e["article_id"]) if e else None
            if e is None or a is None:
                continue
            art = {k: v for k, v in a.items() if k != "id"}
            out.append({**{k: v for k, v in e.items() if k != "article_id"}, **art, "article_id": e["article_id"], "cluster_id": clusters.get(i)})
        return out

    def _count(self, q: EventQuery) -> int:
        params: dict[str, Any] = {}
        where, needs_articles = self._events_where(q, params)
        join = "JOIN articles a ON a.id = e.article_id" if needs_articles else ""
        return int(self.rows(f"SELECT count(*) AS n FROM events e {join} WHERE {where}", params)[0]["n"])

    def events(self, q: EventQuery) -> dict[str, Any]:
        total = self._count(q)
        pages = max(1, -(-total // q.per_page))
        if q.page > pages:
            raise NotFound(f"page {q.page} is past the end: {total} events make {pages} pages of {q.per_page}")
        params: dict[str, Any] = {}
        ids = [r["id"] for r in self.rows(self._events_sql(q, params, page=True), params)]
        rows = self._page_rows(ids)
        return {"events": rows, "total": total, "page": q.page, "pages": pages, "per_page": q.per_page}

    def export_events(self, q: EventQuery, fmt: str, out: Path) -> int:
        """The current filter (every page) through the store's exporters; refuses past EXPORT_MAX_ROWS."""
        from ..aggregate.export import write_table

        total = self._count(q)
        if total > EXPORT_MAX_ROWS:
            raise BadRequest(
                f"the filter matches {total:,} events: a download holds at most {EXPORT_MAX_ROWS:,}; narrow the "
                "period or the filters, or use `alianza export` for the whole store"
            )
        params: dict[str, Any] = {}
        sql = self._events_sql(q, params, page=False)
        with self.lock:
            write_table(self.api.con.sql(sql, params=params), fmt, out)
        return total


def _query_json(q: NetQuery) -> dict[str, Any]:
    return {
        "from": _iso(q.period.start),
        "to": _iso(q.period.end),
        "quad": list(q.quads),
        "type": list(q.types),
        "level": q.level,
        "min_clusters": q.min_clusters,
        "max_edges": q.max_edges,
        "actor": q.actor,
    }


def _next_month(d: dt.date) -> dt.date:
    return dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def _fill_months(rows: list[dict[str, Any]], keys: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    """Months with no cluster between the first and the last get zeros: a chart's gaps are real."""
    if not rows:
        return []
    keys = keys or tuple(k for k in rows[0] if k != "month")
    by = {r["month"]: r for r in rows}
    out: list[dict[str, Any]] = []
    d, last = dt.date.fromisoformat(rows[0]["month"]), dt.date.fromisoformat(rows[-1]["month"])
    while d <= last and len(out) < 1200:
        out.append(by.get(d.isoformat()) or {"month": d.isoformat(), **dict.fromkeys(keys, 0)})
        d = _next_month(d)
    return out


def biggest_shifts(series: list[dict[str, Any]], n: int = 5) -> list[dict[str, Any]]:
    """The months whose net score moved most against the month before."""
    moves = []
    for prev, cur in zip(series, series[1:], strict=False):
        change = round(cur["net"] - prev["net"], 3)
        if change:
            moves.append(
                {
                    "month": cur["month"],
                    "net_before": prev["net"],
                    "net_now": cur["net"],
                    "change": change,
                    "direction": "rising" if change > 0 else "falling",
                }
            )
    moves.sort(key=lambda m: (-abs(m["change"]), m["month"]))
    return moves[:n]

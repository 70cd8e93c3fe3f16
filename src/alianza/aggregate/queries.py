"""Dyads over time, the network of a window, blocs and shifts: DuckDB SQL over `event_clusters`.

Every function returns a DuckDB relation (convert with `.df()`, `.pl()`, `.arrow()`, `.fetchall()`),
built from a parameterised query: values never go into SQL text, except the closed sets
(periods, levels) checked here first.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import duckdb

from ..errors import AlianzaError
from ..store.db import first
from .config import PERIODS, AggregateConfig

LEVELS = ("country", "sector")


_PARAM = re.compile(r"\$([a-z_]+)")


def run_sql(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, Any]) -> duckdb.DuckDBPyRelation:
    """`con.sql` with only the parameters the text uses (DuckDB refuses unused ones)."""
    used = set(_PARAM.findall(sql))
    return con.sql(sql, params={k: v for k, v in params.items() if k in used})


class QueryError(AlianzaError):
    """A bad value from the user: the message names it and says what was expected."""


@dataclass(frozen=True, slots=True)
class Window:
    start: dt.date | None = None
    end: dt.date | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise QueryError(f"--from {self.start} is after --to {self.end}: expected from <= to")


def _actor_cols(level: str) -> tuple[str, str]:
    if level not in LEVELS:
        raise QueryError(f"unknown level {level!r}: expected one of {', '.join(LEVELS)}")
    if level == "country":  # organisations keep their name: IGO NATO and IGO EU are not one actor
        return (
            "CASE WHEN source_country = 'IGO' THEN source_code ELSE source_country END",
            "CASE WHEN target_country = 'IGO' THEN target_code ELSE target_country END",
        )
    return "source_code", "target_code"


def known_actor(con: duckdb.DuckDBPyConnection, code: str) -> str:
    """The stored code for an actor the user typed: a code (`rus`, `RUS GOV`, `IGO NATO`) or a
    name the knowledge base knows (`Rusia`, `Kremlin`, `EU`); see `actorlookup.resolve_actor`."""
    from .actorlookup import resolve_actor

    return resolve_actor(con, code)


def _scored(cfg: AggregateConfig, window: Window, level: str, etype: str | None = None) -> tuple[str, dict[str, Any]]:
    """Clusters with both actors known, their score factor and the actors at the chosen level
    (only of PLOVER type `etype` when given)."""
    s, t = _actor_cols(level)
    sql = f"""
        SELECT * REPLACE ({cfg.weight_sql()} AS weight), {s} AS src, {t} AS tgt, {cfg.status_factor_sql()} AS factor
        FROM event_clusters
        WHERE {s} IS NOT NULL AND {t} IS NOT NULL AND {s} <> '---' AND {t} <> '---' AND {s} <> {t}
          AND ($start IS NULL OR day >= $start) AND ($end IS NULL OR day <= $end)
          AND ($etype IS NULL OR type = $etype)
    """
    return sql, {"start": window.start, "end": window.end, "etype": etype}


def dyads(
    con: duckdb.DuckDBPyConnection,
    actor_a: str | None = None,
    actor_b: str | None = None,
    by: str | None = "month",
    level: str = "country",
    directed: bool = False,
    window: Window | None = None,
    unit: str = "clusters",
    cfg: AggregateConfig | None = None,
    etype: str | None = None,
) -> duckdb.DuckDBPyRelation:
    """Per period and dyad: counts per quad class, summed and mean weight, cooperation share.

    Undirected by default (A-B and B-A together, A < B). `by=None` gives one row per dyad over the
    window. `unit="mentions"` weighs each cluster by its mentions instead of counting it once.
    Only clusters whose status has a non-zero factor count (config.DEFAULT_STATUS_WEIGHTS).
    """
    cfg = cfg or AggregateConfig()
    window = window or Window()
    if by is not None and by not in PERIODS:
        raise QueryError(f"unknown period {by!r}: expected one of {', '.join(PERIODS)}")
    if unit not in ("clusters", "mentions"):
        raise QueryError(f"unknown unit {unit!r}: expected clusters or mentions")
    base, params = _scored(cfg, window, level, etype)
    a = known_actor(con, actor_a) if actor_a else None
    b = known_actor(con, actor_b) if actor_b else None
    params.update({"a": a, "b": b})
    if directed:
        pair = "src AS source, tgt AS target"
        keys = "source, target"
    else:
        pair = "least(src, tgt) AS source, greatest(src, tgt) AS target"
        keys = "source, target"
    match = "(src = $X OR source_code = $X OR source_country = $X)"
    tmatch = "(tgt = $X OR target_code = $X OR target_country = $X)"
    filt = "TRUE"
    if a and b:
        fa, fb = match.replace("$X", "$a"), tmatch.replace("$X", "$b")
        ra, rb = match.replace("$X", "$b"), tmatch.replace("$X", "$a")
        filt = f"(({fa} AND {fb}) OR ({ra} AND {rb}))" if not directed else f"({fa} AND {fb})"
    elif a:
        filt = f"({match.replace('$X', '$a')} OR {tmatch.replace('$X', '$a')})"
    n = "mentions" if unit == "mentions" else "1"
    period = f"CAST(date_trunc('{by}', day) AS DATE) AS period, " if by else ""
    group = "period, " if by else ""
    sql = f"""
        WITH c AS ({base}), sel AS (
            SELECT {period}{pair}, quad, weight, factor, {n} AS n FROM c WHERE factor > 0 AND {filt}
        )
        SELECT {group}{keys},
               CAST(sum(n) AS BIGINT) AS events,
               CAST(coalesce(sum(n) FILTER (WHERE quad = 'verbal-cooperation'), 0) AS BIGINT) AS verbal_cooperation,
               CAST(coalesce(sum(n) FILTER (WHERE quad = 'material-cooperation'), 0) AS BIGINT) AS material_cooperation,
               CAST(coalesce(sum(n) FILTER (WHERE quad = 'verbal-conflict'), 0) AS BIGINT) AS verbal_conflict,
               CAST(coalesce(sum(n) FILTER (WHERE quad = 'material-conflict'), 0) AS BIGINT) AS material_conflict,
               round(sum(weight * factor * n), 3) AS weight_sum,
               round(sum(weight * factor * n) / sum(factor * n), 3) AS weight_mean,
               round(coalesce(sum(n) FILTER (WHERE weight > 0), 0) / sum(n), 3) AS cooperation_share
        FROM sel GROUP BY ALL ORDER BY {group}events DESC, {keys}
    """
    return run_sql(con, sql, params)


def network(
    con: duckdb.DuckDBPyConnection,
    window: Window | None = None,
    level: str = "country",
    cfg: AggregateConfig | None = None,
    directed: bool = False,
    etype: str | None = None,
) -> tuple[duckdb.DuckDBPyRelation, duckdb.DuckDBPyRelation]:
    """(nodes, edges) of the window. Edge scores: cooperation = sum of positive weights, conflict =
    sum of the magnitudes of negative weights, net = their difference; status factors applied.
    `directed` keeps A->B apart from B->A (source is who acted)."""
    cfg = cfg or AggregateConfig()
    base, params = _scored(cfg, window or Window(), level, etype)
    pair = "src AS source, tgt AS target" if directed else "least(src, tgt) AS source, greatest(src, tgt) AS target"
    edges_sql = f"""
        WITH c AS ({base})
        SELECT {pair}, count(*) AS clusters,
               round(coalesce(sum(weight * factor) FILTER (WHERE weight > 0), 0), 3) AS cooperation,
               round(coalesce(-sum(weight * factor) FILTER (WHERE weight < 0), 0), 3) AS conflict,
               round(sum(weight * factor), 3) AS net
        FROM c WHERE factor > 0 GROUP BY ALL ORDER BY clusters DESC, source, target
    """
    edges = run_sql(con, edges_sql, params)
    nodes_sql = f"""
        WITH c AS ({base}), ends AS (
            SELECT src AS actor, weight * factor AS w FROM c WHERE factor > 0
            UNION ALL SELECT tgt, weight * factor FROM c WHERE factor > 0
        )
        SELECT actor, count(*) AS clusters, round(coalesce(sum(w) FILTER (WHERE w > 0), 0), 3) AS cooperation,
               round(coalesce(-sum(w) FILTER (WHERE w < 0), 0), 3) AS conflict
        FROM ends GROUP BY actor ORDER BY clusters DESC, actor
    """
    return run_sql(con, nodes_sql, params), edges


def blocs(
    con: duckdb.DuckDBPyConnection,
    window: Window | None = None,
    level: str = "country",
    cfg: AggregateConfig | None = None,
    seed: int = 42,
    etype: str | None = None,
) -> list[dict[str, Any]]:
    """Communities (Louvain, networkx, seeded: the same data gives the same blocs) of the graph
    whose edges are the dyads with a positive net score, weighted by it."""
    import networkx as nx

    _nodes, edges = network(con, window, level, cfg, etype=etype)
    g = nx.Graph()
    for source, target, _n, _coop, _conf, net in sorted(edges.fetchall()):
        if net and net > 0:
            g.add_edge(source, target, weight=float(net))
    if g.number_of_edges() == 0:
        return []
    comms = nx.community.louvain_communities(g, weight="weight", seed=seed)
    out = []
    for members in comms:
        sub = g.subgraph(members)
        out.append(
            {
                "members": sorted(members),
                "size": len(members),
                "internal_score": round(sum(d["weight"] for _u, _v, d in sub.edges(data=True)), 3),
            }
        )
    out.sort(key=lambda b: (-b["size"], -b["internal_score"], b["members"]))
    for i, b in enumerate(out, start=1):
        b["bloc"] = i
    return out


def parse_window(text: str) -> int:
    """`30d`, `8w`, `3m` (30-day months), `1y`, or plain days: the window length in days."""
    t = text.strip().lower()
    units = {"d": 1, "w": 7, "m": 30, "y": 365}
    try:
        n = int(t[:-1]) * units[t[-1]] if t and t[-1] in units else int(t)
    except ValueError:
        n = 0
    if n <= 0:
        raise QueryError(f"bad window {text!r}: expected a positive length such as 30d, 8w, 3m or 1y")
    return n


def shifts(
    con: duckdb.DuckDBPyConnection,
    days: int = 30,
    end: dt.date | None = None,
    level: str = "country",
    cfg: AggregateConfig | None = None,
    etype: str | None = None,
) -> duckdb.DuckDBPyRelation:
    """Dyads whose net score moved most between the window ending at `end` (default: the last day
    in the store) and the window of the same length before it."""
    cfg = cfg or AggregateConfig()
    if end is None:
        row = first(con.execute("SELECT max(day) FROM event_clusters"))
        end = row[0] if row and row[0] else dt.date.today()
    cur_start = end - dt.timedelta(days=days - 1)
    prev_start, prev_end = cur_start - dt.timedelta(days=days), cur_start - dt.timedelta(days=1)
    base, params = _scored(cfg, Window(prev_start, end), level, etype)
    params.update({"cur_start": cur_start})
    sql = f"""
        WITH c AS ({base}), s AS (
            SELECT least(src, tgt) AS source, greatest(src, tgt) AS target,
                   coalesce(sum(weight * factor) FILTER (WHERE day >= $cur_start), 0) AS net_now,
                   coalesce(sum(weight * factor) FILTER (WHERE day < $cur_start), 0) AS net_before,
                   count(*) FILTER (WHERE day >= $cur_start) AS clusters_now,
                   count(*) FILTER (WHERE day < $cur_start) AS clusters_before
            FROM c WHERE factor > 0 GROUP BY ALL
        )
        SELECT source, target, round(net_before, 3) AS net_before, round(net_now, 3) AS net_now,
               round(net_now - net_before, 3) AS change,
               CASE WHEN net_now > net_before THEN 'rising' WHEN net_now < net_before THEN 'falling' ELSE 'flat' END AS direction,
               clusters_before, clusters_now,
               CAST($prev_start AS DATE) AS before_from, CAST($prev_end AS DATE) AS before_to,
               CAST($cur_start AS DATE) AS now_from, CAST($now_end AS DATE) AS now_to
        FROM s WHERE net_now <> net_before ORDER BY abs(net_now - net_before) DESC, source, target
    """
    params.update({"prev_start": prev_start, "prev_end": prev_end, "now_end": end})
    return run_sql(con, sql, params)

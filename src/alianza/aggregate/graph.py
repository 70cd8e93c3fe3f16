"""The network as Gephi and networkx users want it: nodes with a label, a readable name, their bloc
and activity; edges with a positive `weight` (layouts need one) beside the signed scores; a
directed variant; and, per period, the spells of each edge so that Gephi's timeline can play the
map over time (GEXF `--by month`).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb

from ..datafiles import data_dir, read_tsv

# Columns of each record kind, in order (network --json, the CSV nodes file, graph attributes).
NODE_COLUMNS = ("actor", "label", "name", "bloc", "activity", "clusters", "cooperation", "conflict", "net")
EDGE_COLUMNS = ("source", "target", "weight", "clusters", "cooperation", "conflict", "net", "sign")


@lru_cache(maxsize=1)
def country_table() -> list[tuple[str, str, str, str | None]]:
    """(alpha-3, alpha-2, English short name, FIPS 10-4 code) per country: CLDR's everyday names
    through Babel ("North Korea", not ISO's "Korea, Democratic People's Republic of"), ISO's where
    CLDR has none; FIPS codes (what GDELT's geo columns hold) from `fips10_4.tsv`."""
    from babel import Locale

    cldr = Locale.parse("en").territories
    actors = data_dir() / "actors"
    fips = {r[0]: r[1] for _no, r in read_tsv(actors / "fips10_4.tsv") if len(r) == 2}
    rows = [r for _no, r in read_tsv(actors / "iso3166.tsv") if len(r) >= 3]
    return [(r[1], r[0], cldr.get(r[0], r[2]), fips.get(r[1])) for r in rows]


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    return {a3: name for a3, _a2, name, _fips in country_table()}


def actor_name(code: str) -> str:
    """A readable name for a node: `RUS` -> Russia, `RUS GOV` -> Russia GOV, `IGO NATO` -> NATO."""
    parts = code.split()
    if parts and parts[0] == "IGO" and len(parts) > 1:
        return " ".join(parts[1:])
    country = _country_names().get(parts[0], parts[0]) if parts else code
    return " ".join([country, *parts[1:]])


def _rows(rel: duckdb.DuckDBPyRelation) -> list[dict[str, Any]]:
    cols = rel.columns
    return [dict(zip(cols, r, strict=True)) for r in rel.fetchall()]


def graph_records(
    nodes: duckdb.DuckDBPyRelation, edges: duckdb.DuckDBPyRelation, blocs: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Node and edge records with every attribute filled (GraphML holds no nulls). `bloc` 0 is no
    bloc (an actor with no positive tie); blocs are numbered from 1, largest first."""
    bloc_of = {m: b["bloc"] for b in blocs for m in b["members"]}
    out_nodes = []
    for n in _rows(nodes):
        coop, conf = float(n["cooperation"] or 0), float(n["conflict"] or 0)
        out_nodes.append(
            {
                "actor": n["actor"],
                "label": n["actor"],
                "name": actor_name(n["actor"]),
                "bloc": int(bloc_of.get(n["actor"], 0)),
                "activity": int(n["clusters"]),
                "clusters": int(n["clusters"]),
                "cooperation": coop,
                "conflict": conf,
                "net": round(coop - conf, 3),
            }
        )
    out_edges = []
    for e in _rows(edges):
        net = float(e["net"] or 0)
        out_edges.append(
            {
                "source": e["source"],
                "target": e["target"],
                "weight": int(e["clusters"]),
                "clusters": int(e["clusters"]),
                "cooperation": float(e["cooperation"] or 0),
                "conflict": float(e["conflict"] or 0),
                "net": net,
                "sign": (net > 0) - (net < 0),
            }
        )
    return out_nodes, out_edges


def _period_end(start: dt.date, by: str) -> dt.date:
    """The last day of the period that begins on `start`."""
    if by == "day":
        return start
    if by == "week":
        return start + dt.timedelta(days=6)
    months = {"month": 1, "quarter": 3, "year": 12}[by]
    m = start.month - 1 + months
    return dt.date(start.year + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)


def write_graph(
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    fmt: str,
    path: Path,
    directed: bool = False,
    spells: list[dict[str, Any]] | None = None,
    by: str | None = None,
) -> None:
    """GraphML or GEXF through networkx. `spells` (period, source, target, events, weight_sum rows)
    make a dynamic GEXF: each edge lives in the periods it has events, with `period_events` and
    `period_net` per period; nodes live from their first to their last period."""
    import networkx as nx

    g: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    for n in nodes:
        g.add_node(n["actor"], **{k: v for k, v in n.items() if k != "actor"})
    for e in edges:
        g.add_edge(e["source"], e["target"], **{k: v for k, v in e.items() if k not in ("source", "target")})
    if fmt == "graphml":
        nx.write_graphml(g, path)
        return
    if spells and by:
        _add_spells(g, spells, by, directed)
    nx.write_gexf(g, path)


def _add_spells(g: Any, spells: list[dict[str, Any]], by: str, directed: bool) -> None:
    per_edge: dict[tuple[str, str], list[tuple[str, str, int, float]]] = {}
    node_days: dict[str, list[str]] = {}
    for r in spells:
        u, v = r["source"], r["target"]
        if not directed and (v, u) in g.edges and (u, v) not in per_edge:
            u, v = v, u
        start = r["period"]
        s, e = start.isoformat(), _period_end(start, by).isoformat()
        per_edge.setdefault((u, v), []).append((s, e, int(r["events"]), float(r["weight_sum"] or 0)))
        for x in (u, v):
            node_days.setdefault(x, []).extend([s, e])
    for (u, v), items in per_edge.items():
        if not g.has_edge(u, v):
            continue
        items.sort()
        d = g.edges[u, v]
        d["spells"] = [(s, e) for s, e, _n, _w in items]
        # networkx writes `weight` as a plain XML attribute: the per-period values get their own names
        d["period_events"] = [(n, s, e) for s, e, n, _w in items]
        d["period_net"] = [(w, s, e) for s, e, _n, w in items]
    for x, days in node_days.items():
        if x in g.nodes:
            g.nodes[x]["start"], g.nodes[x]["end"] = min(days), max(days)

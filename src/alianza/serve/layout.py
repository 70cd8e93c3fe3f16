"""What the pages draw, computed on the server: node positions, colours, widths, highlighted text.

Positions come from networkx's force layout here rather than in the browser: cytoscape's own force
layout takes over a minute at 2,000 nodes, while drawing given positions takes about a second
(DESIGN.md). Colours are computed here too, so the legend, the API and the page agree.
"""

from __future__ import annotations

import math
from typing import Any

# A diverging scale (ColorBrewer RdBu ends): conflict red, neutral grey, cooperation blue.
CONFLICT_RGB = (178, 24, 43)
NEUTRAL_RGB = (221, 221, 221)
COOPERATION_RGB = (33, 102, 172)
SCALE = 5.0  # mean score per cluster at which the colour saturates (weights run -10..+10)
BLOC_COLOURS = (
    "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#edc948",
    "#76b7b2", "#ff9da7", "#9c755f", "#e15759", "#8cd17d",
)  # fmt: skip
NO_BLOC = "#9e9e9e"
EXTENT = 1000.0  # positions lie in [0, EXTENT] on both axes


def bloc_colour(bloc: int | None) -> str:
    return BLOC_COLOURS[(bloc - 1) % len(BLOC_COLOURS)] if bloc else NO_BLOC


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> str:
    r, g, bl = (round(x + (y - x) * t) for x, y in zip(a, b, strict=True))
    return f"#{r:02x}{g:02x}{bl:02x}"


def score_colour(mean: float) -> str:
    """Colour of a mean score per cluster on the diverging scale."""
    t = max(-1.0, min(1.0, mean / SCALE))
    return _mix(NEUTRAL_RGB, COOPERATION_RGB, t) if t >= 0 else _mix(NEUTRAL_RGB, CONFLICT_RGB, -t)


def legend() -> list[dict[str, Any]]:
    """Stops of the diverging legend, conflict to cooperation."""
    return [{"value": v, "colour": score_colour(v)} for v in (-SCALE, -SCALE / 2, 0.0, SCALE / 2, SCALE)]


def edge_width(clusters: int) -> float:
    return round(min(12.0, 1.0 + 1.6 * math.log2(max(1, clusters))), 2)


def node_size(clusters: int, biggest: int) -> float:
    return round(14.0 + 46.0 * math.sqrt(clusters / biggest), 1) if biggest else 14.0


def positions(nodes: list[str], edges: list[dict[str, Any]], seed: int = 7) -> dict[str, tuple[float, float]]:
    """Force-directed positions, seeded (the same query draws the same map), scaled to [0, EXTENT]."""
    import networkx as nx

    if not nodes:
        return {}
    g = nx.Graph()
    g.add_nodes_from(nodes)
    for e in edges:
        g.add_edge(e["source"], e["target"], w=math.log1p(e["clusters"]))
    iterations = 50 if len(nodes) <= 500 else 25  # the sparse layout loops in Python past 500 nodes
    pos = nx.spring_layout(g, weight="w", seed=seed, iterations=iterations)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    x0, y0 = min(xs), min(ys)
    span = max(max(xs) - x0, max(ys) - y0) or 1.0
    return {n: (round((p[0] - x0) / span * EXTENT, 1), round((p[1] - y0) / span * EXTENT, 1)) for n, p in pos.items()}


def network_payload(
    edges: list[dict[str, Any]], activity: dict[str, dict[str, Any]], blocs: dict[str, int]
) -> dict[str, Any]:
    names = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    pos = positions(names, edges)
    biggest = max((int(activity.get(n, {}).get("clusters", 0)) for n in names), default=0)
    nodes = []
    for n in names:
        act = activity.get(n, {})
        bloc = blocs.get(n)
        clusters = int(act.get("clusters", 0))
        nodes.append(
            {
                "id": n,
                "clusters": clusters,
                "cooperation": act.get("cooperation", 0),
                "conflict": act.get("conflict", 0),
                "bloc": bloc,
                "colour": bloc_colour(bloc),
                "size": node_size(clusters, biggest),
                "x": pos[n][0],
                "y": pos[n][1],
            }
        )
    out_edges = []
    for e in edges:
        mean = e["net"] / e["clusters"] if e["clusters"] else 0.0
        out_edges.append(
            {
                **e,
                "id": f"{e['source']}|{e['target']}",
                "mean": round(mean, 3),
                "colour": score_colour(mean),
                "width": edge_width(int(e["clusters"])),
            }
        )
    return {"nodes": nodes, "edges": out_edges, "legend": legend()}


def _find(text: str, needle: str | None, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first place of `needle` in `text` (case folded) that overlaps nothing already marked."""
    if not needle:
        return None
    low, n = text.lower(), needle.lower()
    i = low.find(n)
    while i >= 0:
        span = (i, i + len(n))
        if all(span[1] <= a or span[0] >= b for a, b in taken):
            return span
        i = low.find(n, i + 1)
    return None


def highlight(
    sentence: str,
    trigger: str | None,
    trigger_span: tuple[int, int] | None,
    source: str | None,
    target: str | None,
) -> list[dict[str, Any]]:
    """The sentence cut into runs, each plain or marked `trigger`, `source` or `target`.

    The trigger's offsets come from the coder; the sides are found by their text in the sentence
    (the coder records their words, not always their offsets).
    """
    marks: list[tuple[int, int, str]] = []
    if trigger_span and 0 <= trigger_span[0] < trigger_span[1] <= len(sentence):
        marks.append((trigger_span[0], trigger_span[1], "trigger"))
    else:
        got = _find(sentence, trigger, [])
        if got:
            marks.append((*got, "trigger"))
    for text, kind in ((source, "source"), (target, "target")):
        got = _find(sentence, text, [(a, b) for a, b, _k in marks])
        if got:
            marks.append((*got, kind))
    marks.sort()
    out: list[dict[str, Any]] = []
    at = 0
    for a, b, kind in marks:
        if a > at:
            out.append({"text": sentence[at:a], "kind": None})
        out.append({"text": sentence[a:b], "kind": kind})
        at = b
    if at < len(sentence):
        out.append({"text": sentence[at:], "kind": None})
    return out


def paragraphs(text: str, span: tuple[int, int] | None) -> list[list[dict[str, Any]]]:
    """The article's paragraphs as runs, the run holding `span` (a sentence) marked `sentence`."""
    out: list[list[dict[str, Any]]] = []
    at = 0
    for para in text.split("\n"):
        start, end = at, at + len(para)
        at = end + 1
        if not para.strip():
            continue
        if span and span[0] < end and span[1] > start:
            a, b = max(span[0], start) - start, min(span[1], end) - start
            runs: list[dict[str, Any]] = [{"text": para[:a], "kind": None}, {"text": para[a:b], "kind": "sentence"}, {"text": para[b:], "kind": None}]
            out.append([r for r in runs if r["text"]])
        else:
            out.append([{"text": para, "kind": None}])
    return out

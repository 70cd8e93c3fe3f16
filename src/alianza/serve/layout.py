"""What the pages draw, computed on the server: node positions, colours, widths, highlighted text.

Positions come from a force layout (numpy) here rather than in the browser: cytoscape's own force
layout takes over a minute at 2,000 nodes, while drawing given positions takes about a second
(DESIGN.md). Colours are computed here too, so the legend, the API and the page agree.
"""

from __future__ import annotations

import math
from html import escape
from typing import Any

import numpy as np

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


def _iterations(n: int) -> int:
    """50 steps up to 500 nodes (as networkx's default), fewer past it: each step costs n² pairs."""
    return 50 if n <= 500 else max(15, int(50 * (500 / n) ** 2))


def _repulsion(pos: np.ndarray, k: float, chunk: int = 1024) -> np.ndarray:
    """Each node's push from all the others: sum of delta * k² / d², the x and y parts apart, in
    row chunks (memory O(chunk * n)), in float32 (half the memory traffic of float64; positions
    are rounded to a tenth of a pixel in the end)."""
    x, y = pos[:, 0], pos[:, 1]
    k2 = np.float32(k * k)
    out = np.empty_like(pos)
    for a in range(0, len(pos), chunk):
        dx = x[a : a + chunk, None] - x[None, :]
        dy = y[a : a + chunk, None] - y[None, :]
        f = dx * dx
        f += dy * dy
        np.maximum(f, np.float32(1e-4), out=f)  # distance at least 0.01
        np.divide(k2, f, out=f)
        out[a : a + chunk, 0] = np.einsum("ij,ij->i", dx, f)
        out[a : a + chunk, 1] = np.einsum("ij,ij->i", dy, f)
    return out


def _attraction(pos: np.ndarray, src: np.ndarray, tgt: np.ndarray, weight: np.ndarray, k: float) -> np.ndarray:
    """Each node's pull along its edges only: delta * weight * d / k, both ends (the dense n x n
    form of networkx spends most of its time on the pairs that have no edge)."""
    delta = pos[src] - pos[tgt]
    d = np.sqrt(np.maximum(np.einsum("ij,ij->i", delta, delta), np.float32(1e-4)))
    pull = delta * (weight * d / np.float32(k))[:, None]
    n = len(pos)
    out = np.empty_like(pos)
    for axis in (0, 1):
        out[:, axis] = np.bincount(tgt, weights=pull[:, axis], minlength=n) - np.bincount(src, weights=pull[:, axis], minlength=n)
    return out


def positions(nodes: list[str], edges: list[dict[str, Any]], seed: int = 7) -> dict[str, tuple[float, float]]:
    """Force-directed positions (Fruchterman-Reingold, as networkx's spring layout computes it, in
    numpy: repulsion between all pairs, attraction along edges weighted by log(1 + clusters), a
    temperature falling linearly to zero), scaled to [0, EXTENT]. Seeded: the same query draws the
    same map. At 300 nodes and 2,000 edges: 0.03 s of CPU against 0.23-0.29 s for the dense float64
    form before it, and networkx's 0.7-0.8 s at 40,000 edges (2026-12-03, loaded machine)."""
    if not nodes:
        return {}
    n = len(nodes)
    index = {name: i for i, name in enumerate(nodes)}
    src = np.fromiter((index[e["source"]] for e in edges), dtype=np.intp, count=len(edges))
    tgt = np.fromiter((index[e["target"]] for e in edges), dtype=np.intp, count=len(edges))
    weight = np.log1p(np.fromiter((float(e["clusters"]) for e in edges), dtype=np.float64, count=len(edges))).astype(np.float32)
    pos = np.random.default_rng(seed).random((n, 2)).astype(np.float32)
    k = math.sqrt(1.0 / n)
    iterations = _iterations(n)
    temp = 0.1  # a tenth of the initial square's side, as networkx
    step = temp / (iterations + 1)
    for _ in range(iterations):
        disp = _repulsion(pos, k) + _attraction(pos, src, tgt, weight, k)
        length = np.sqrt(np.einsum("ij,ij->i", disp, disp))
        length = np.where(length < 0.01, 0.1, length)
        pos += (disp * (temp / length)[:, None]).astype(np.float32)
        temp -= step
    pos = pos.astype(np.float64)
    pos -= pos.min(axis=0)
    span = float(pos.max()) or 1.0
    pos = np.round(pos / span * EXTENT, 1)
    return {name: (float(pos[i, 0]), float(pos[i, 1])) for i, name in enumerate(nodes)}


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
    return {"nodes": nodes, "edges": out_edges, "legend": legend(), "box": svg_box(nodes)}


# The network page's first frame, drawn by the browser from the HTML before any script has run:
# the same marks as network.js asks cytoscape for (node size and colour, edge colour and width,
# haystack edges from centre to centre at 0.85 opacity, labels of 11 units outlined in white),
# in the same model coordinates; network.js sets cytoscape's viewport to this viewBox, so the
# canvas takes over the picture without a jump.
SVG_EDGES = 2000  # the busiest edges drawn in the SVG (the whole default map); cytoscape adds any others
SVG_PAD = 40.0  # model units around the nodes (half a label's width)
LABEL_FONT = "Helvetica Neue, Helvetica, sans-serif"  # cytoscape's default font-family


def svg_box(nodes: list[dict[str, Any]]) -> tuple[float, float, float, float]:
    """The viewBox (x, y, width, height) around every node's circle, padded."""
    if not nodes:
        return (0.0, 0.0, EXTENT, EXTENT)
    x0 = min(n["x"] - n["size"] / 2 for n in nodes) - SVG_PAD
    y0 = min(n["y"] - n["size"] / 2 for n in nodes) - SVG_PAD
    x1 = max(n["x"] + n["size"] / 2 for n in nodes) + SVG_PAD
    y1 = max(n["y"] + n["size"] / 2 for n in nodes) + SVG_PAD
    return (round(x0, 1), round(y0, 1), round(x1 - x0, 1), round(y1 - y0, 1))


def network_svg(payload: dict[str, Any], most: int = SVG_EDGES) -> str:
    """The map of `network_payload` as one inline SVG: the `most` busiest edges (the payload lists
    them busiest first) under every node, each node's label over its circle, in cytoscape's order."""
    nodes, edges = payload["nodes"], payload["edges"][:most]
    at = {n["id"]: (n["x"], n["y"]) for n in nodes}
    x, y, w, h = svg_box(nodes)
    parts = [
        f'<svg id="map-svg" class="map-svg" viewBox="{x} {y} {w} {h}" preserveAspectRatio="xMidYMid meet" '
        f'role="img" aria-label="{len(nodes)} actors and {len(edges)} edges" data-nodes="{len(nodes)}" data-edges="{len(edges)}">'
        '<g class="edges" stroke-opacity="0.85">'
    ]
    for e in edges:
        (x1, y1), (x2, y2) = at[e["source"]], at[e["target"]]
        parts.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{e["colour"]}" stroke-width="{e["width"]}"/>')
    parts.append(
        f'</g><g class="nodes" font-size="11" font-family="{LABEL_FONT}" text-anchor="middle" dominant-baseline="central">'
    )
    for n in nodes:
        label = escape(str(n["id"]))
        parts.append(
            f'<g data-id="{label}"><circle cx="{n["x"]}" cy="{n["y"]}" r="{n["size"] / 2:g}" fill="{n["colour"]}"/>'
            f'<text x="{n["x"]}" y="{n["y"]}">{label}</text></g>'
        )
    parts.append("</g></svg>")
    return "".join(parts)


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

"""Monthly charts as server-side SVG: no chart library to vendor, nothing to run in the browser, and
the chart is in the page's HTML (a test or a screen reader sees its numbers in the `<title>`s).

Top panel (dyads only): cooperation and conflict scores and the net score per month, the zero line
marked. Bottom panel: clusters per month stacked by quad class.
"""

from __future__ import annotations

from html import escape
from typing import Any

QUAD_COLOURS = {
    "verbal_cooperation": "#92c5de",
    "material_cooperation": "#2166ac",
    "verbal_conflict": "#f4a582",
    "material_conflict": "#b2182b",
}
LINES = {"cooperation": "#2166ac", "conflict": "#b2182b", "net": "#222222"}
W, PAD_L, PAD_R = 760, 48, 12


def _ticks(months: list[str], x: Any) -> str:
    step = max(1, len(months) // 8)
    out = []
    for i, m in enumerate(months):
        if i % step == 0:
            out.append(f'<text x="{x(i):.1f}" class="tick" text-anchor="middle">{escape(m[:7])}</text>')
    return "".join(out)


def _bars(rows: list[dict[str, Any]], top: float, height: float) -> str:
    n = len(rows)
    inner = W - PAD_L - PAD_R
    bw = inner / max(n, 1)
    peak = max((sum(int(r.get(k, 0)) for k in QUAD_COLOURS) for r in rows), default=0) or 1
    parts = [
        f'<text x="{PAD_L}" y="{top - 4}" class="axis">clusters per month, by quad class</text>',
        f'<text x="{PAD_L - 4}" y="{top + 12}" class="tick" text-anchor="end">{peak}</text>',
        f'<line x1="{PAD_L}" x2="{W - PAD_R}" y1="{top + height}" y2="{top + height}" class="base"/>',
    ]
    for i, r in enumerate(rows):
        y = top + height
        for k, colour in QUAD_COLOURS.items():
            v = int(r.get(k, 0))
            if not v:
                continue
            h = height * v / peak
            y -= h
            parts.append(
                f'<rect class="bar" x="{PAD_L + i * bw + 0.5:.1f}" y="{y:.1f}" width="{max(bw - 1, 0.5):.1f}" '
                f'height="{h:.1f}" fill="{colour}"><title>{escape(r["month"][:7])} {k.replace("_", " ")}: {v}</title></rect>'
            )
    parts.append(f'<g transform="translate(0,{top + height + 14})">{_ticks([r["month"] for r in rows], lambda i: PAD_L + (i + 0.5) * bw)}</g>')
    return "".join(parts)


def _lines(rows: list[dict[str, Any]], top: float, height: float) -> str:
    n = len(rows)
    inner = W - PAD_L - PAD_R
    bw = inner / max(n, 1)
    hi = max((max(r["cooperation"], r["net"]) for r in rows), default=0.0)
    lo = min((min(-r["conflict"], r["net"]) for r in rows), default=0.0)
    hi, lo = max(hi, 1.0), min(lo, -1.0)

    def y(v: float) -> float:
        return top + height * (hi - v) / (hi - lo)

    parts = [
        f'<text x="{PAD_L}" y="{top - 4}" class="axis">score per month: cooperation, conflict (below zero), net</text>',
        f'<text x="{PAD_L - 4}" y="{y(hi) + 10:.1f}" class="tick" text-anchor="end">{hi:g}</text>',
        f'<text x="{PAD_L - 4}" y="{y(lo):.1f}" class="tick" text-anchor="end">{lo:g}</text>',
        f'<line x1="{PAD_L}" x2="{W - PAD_R}" y1="{y(0):.1f}" y2="{y(0):.1f}" class="zero"/>',
    ]
    for key, colour in LINES.items():
        sign = -1.0 if key == "conflict" else 1.0
        pts = " ".join(f"{PAD_L + (i + 0.5) * bw:.1f},{y(sign * float(r[key])):.1f}" for i, r in enumerate(rows))
        parts.append(f'<polyline class="line line-{key}" points="{pts}" fill="none" stroke="{colour}" stroke-width="{2.5 if key == "net" else 1.5}"/>')
        for i, r in enumerate(rows):
            parts.append(
                f'<circle cx="{PAD_L + (i + 0.5) * bw:.1f}" cy="{y(sign * float(r[key])):.1f}" r="2.5" fill="{colour}">'
                f"<title>{escape(r['month'][:7])} {key}: {r[key]}</title></circle>"
            )
    return "".join(parts)


def series_svg(rows: list[dict[str, Any]], scores: bool = True, title: str = "") -> str:
    """An SVG of monthly rows (`month`, the four quad counts, and `cooperation`/`conflict`/`net` when `scores`)."""
    if not rows:
        return '<p class="empty">No dated clusters in this period.</p>'
    h_lines, h_bars, gap = (150.0, 110.0, 44.0) if scores else (0.0, 150.0, 0.0)
    height = 20 + h_lines + gap + h_bars + 24
    body = (_lines(rows, 20, h_lines) if scores else "") + _bars(rows, 20 + h_lines + gap, h_bars)
    legend = "".join(
        f'<span class="key"><i style="background:{c}"></i>{k.replace("_", " ")}</span>'
        for k, c in ({**(LINES if scores else {}), **QUAD_COLOURS}).items()
    )
    return (
        f'<figure class="chart" data-months="{len(rows)}"><svg class="series" viewBox="0 0 {W} {height:.0f}" '
        f'role="img" aria-label="{escape(title)}">{body}</svg><figcaption>{legend}</figcaption></figure>'
    )

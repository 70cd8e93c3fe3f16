"""`alianza bench --serve`: how fast the web UI answers on a big store (issue 19's targets: first
network render < 1 s, dyad page < 0.5 s, start-up < 2 s on a 10M-event store).

The store is the synthetic one of `bench --aggregate` (aggregate/synth.py), built and clustered
once (or reused with `--store PATH`). The server is the real thing: `alianza serve` in its own
process on a free port of 127.0.0.1. Times are taken from outside, over HTTP, and, where Debian's
chromium is installed, in a real browser: `browser_network_year_map_on_screen_s` is the page's
own clock of the first frame that shows the map (the server's SVG of the actors and edges),
`*_interactive_s` the time from the navigation to cytoscape's whole map (`data-ready`), taken
from outside.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

YEAR = "from=2023-01-01&to=2023-12-31"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[float, bytes]:
    t = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as r:  # noqa: S310 (a local URL we built)
        body = r.read()
    return time.perf_counter() - t, body


def build_store(path: Path, n_events: int) -> dict[str, Any]:
    from ..aggregate.clusters import rebuild_clusters
    from ..aggregate.synth import build_synthetic
    from ..store.db import Store

    t = time.perf_counter()
    build_synthetic(str(path), n_events)
    with Store(path) as store:
        rebuild_clusters(store.con)
    return {"build_and_cluster_s": round(time.perf_counter() - t, 1)}


def _start(path: Path) -> tuple[subprocess.Popen[bytes], str, float]:
    port = _free_port()
    t = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "alianza.cli", "serve", "--db", str(path), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            _get(base + "/api/meta")
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                err = proc.stderr.read().decode() if proc.stderr else ""
                proc.kill()
                raise RuntimeError(f"alianza serve did not start: {err.strip()[-500:]}") from None
            time.sleep(0.02)
    return proc, base, time.perf_counter() - t


def _in_page(page: Any) -> str:
    """The page's own clock, from navigation start: the map on screen (the server's SVG of every
    actor and the busiest edges: the task right after the first frame that painted it), then
    cytoscape's first frame over it, the whole map drawn, and of that the /api/network fetch (0
    when the network came inside the page) and the drawing (to the frame)."""
    parsed, shown, first, since, fetch, draw = (
        int(page.get_attribute("#cy", f"data-{k}") or 0)
        for k in ("map-parsed-ms", "map-frame-ms", "first-paint-ms", "since-navigation-ms", "fetch-ms", "draw-ms")
    )
    server = page.evaluate(
        "(() => { const e = performance.getEntriesByType('resource').find((r) => r.name.includes('/api/network'));"
        " const t = e && (e.serverTiming || []).find((s) => s.name === 'network'); return t ? t.duration : -1; })()"
    )
    html = page.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0]; return [n.responseStart, n.responseEnd]; })()")
    svg = f"map on screen {shown / 1000:.3f} (parsed {parsed / 1000:.3f}), " if shown else "no server map, "
    fetched = f"fetch {fetch / 1000:.3f}, of it on the server {server / 1000:.3f}" if server >= 0 else "no fetch: the network came in the page"
    return (
        f"{svg}HTML {html[0] / 1000:.3f}-{html[1] / 1000:.3f}, cytoscape's first frame {first / 1000:.3f},"
        f" all drawn {since / 1000:.3f} ({fetched}; draw {draw / 1000:.3f})"
    )


def _dyad_nav(page: Any) -> str:
    """The dyad page's own clock: its load event and when its HTML arrived, from navigation start."""
    nav = page.evaluate(
        "(() => { const n = performance.getEntriesByType('navigation')[0];"
        " const t = (n.serverTiming || []).find((s) => s.name === 'dyad'); return [n.responseEnd, n.loadEventEnd, t ? t.duration : -1]; })()"
    )
    return f"{nav[1] / 1000:.3f} (HTML received at {nav[0] / 1000:.3f}, of it on the server {nav[2] / 1000:.3f})"


def _map_on_screen(page: Any) -> float | None:
    shown = int(page.get_attribute("#cy", "data-map-frame-ms") or 0)
    return round(shown / 1000, 3) if shown else None


def _browser(base: str, a: str, b: str, out: dict[str, Any]) -> None:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        t = time.perf_counter()
        page.goto(f"{base}/?{YEAR}")
        page.wait_for_selector('#cy[data-ready="1"]', timeout=120_000)
        out["browser_network_year_interactive_s"] = round(time.perf_counter() - t, 3)
        # the name this figure had before the map was drawn by the server: scripts read `--json`
        out["browser_network_year_first_render_s"] = out["browser_network_year_interactive_s"]
        out["browser_network_year_map_on_screen_s"] = _map_on_screen(page)
        out["browser_network_year_in_page_s"] = _in_page(page)
        out["browser_network_year_edges"] = int(page.get_attribute("#cy", "data-edges") or 0)
        # an edge's click (network.js: location.href to its dyad page), from the map just drawn
        dyad = f"/dyad?a={urllib.parse.quote(a)}&b={urllib.parse.quote(b)}"
        with page.expect_navigation(wait_until="load"):
            page.evaluate(f"location.href = {dyad!r} + '&' + {YEAR!r} + '&level=country'")
        out["browser_dyad_from_map_in_page_s"] = _dyad_nav(page)
        t = time.perf_counter()
        page.goto(f"{base}/?{YEAR}&max_edges=50000")
        page.wait_for_selector('#cy[data-ready="1"]', timeout=120_000)
        out["browser_network_year_all_edges_interactive_s"] = round(time.perf_counter() - t, 3)
        out["browser_network_year_all_edges_render_s"] = out["browser_network_year_all_edges_interactive_s"]
        out["browser_network_year_all_edges_in_page_s"] = _in_page(page)
        out["browser_network_year_all_edges"] = int(page.get_attribute("#cy", "data-edges") or 0)
        page.close()
        page = browser.new_page(viewport={"width": 1280, "height": 800})  # not timing the big map's unload
        t = time.perf_counter()
        page.goto(f"{base}/dyad?a={urllib.parse.quote(a)}&b={urllib.parse.quote(b)}", wait_until="load")
        out["browser_dyad_page_s"] = round(time.perf_counter() - t, 3)
        out["browser_dyad_page_in_page_s"] = _dyad_nav(page)
        browser.close()


def run_bench_serve(n_events: int = 10_000_000, store: Path | None = None, browser: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {"events": n_events}
    with tempfile.TemporaryDirectory() as tmp:
        path = store or Path(tmp) / "synthetic.duckdb"
        if store is not None and store.exists():
            out["store"] = f"{store} (reused)"
        else:
            out.update(build_store(path, n_events))
        proc, base, started = _start(path)
        out["startup_s"] = round(started, 3)
        try:
            if browser and Path(shutil.which("chromium") or "/usr/bin/chromium").exists():
                import json

                _t, body = _get(f"{base}/api/network?{YEAR}&max_edges=1")
                top = json.loads(body)["edges"][0]
                _browser(base, top["source"], top["target"], out)
            else:
                out["browser"] = "skipped: install Debian's chromium for browser timings"
            _http(base, out)
        finally:
            proc.terminate()
            proc.wait(10)
    return out


def _spread(times: list[float]) -> str:
    times = sorted(times)
    return f"median {times[len(times) // 2]:.3f}, min {times[0]:.3f}, max {times[-1]:.3f} ({len(times)} runs)"


def _http(base: str, out: dict[str, Any]) -> None:
    """Server times over HTTP; the cold network of five different years (each a cache miss), five
    dyad pages, three of each other page, as medians: on a shared machine one run is noise. The
    load average at the end says how shared."""
    import json

    cold = []
    for year in range(2018, 2023):
        s, body = _get(f"{base}/api/network?from={year}-01-01&to={year}-12-31&blocs=false")
        cold.append(s)
    got = json.loads(body)
    out["api_network_year_cold_s"] = _spread(cold)
    out["api_network_year"] = f"{len(got['nodes'])} nodes, {got['shown_edges']} of {got['total_edges']} edges"
    s, _body = _get(f"{base}/api/blocs?from=2022-01-01&to=2022-12-31")
    out["api_blocs_year_cold_s"] = round(s, 3)
    s, body = _get(f"{base}/api/network?from=2021-01-01&to=2021-12-31&max_edges=50000&blocs=false")
    out["api_network_year_all_edges_cold_s"] = round(s, 3)
    out["api_network_year_all_edges_mb"] = round(len(body) / 1e6, 2)
    s, _body = _get(f"{base}/api/network?from=2022-01-01&to=2022-12-31&blocs=false")
    out["api_network_cached_s"] = round(s, 4)
    top = got["edges"][0]
    q = f"a={urllib.parse.quote(top['source'])}&b={urllib.parse.quote(top['target'])}"
    out["dyad_page_s"] = _spread([_get(f"{base}/dyad?{q}")[0] for _ in range(5)])
    out["dyad"] = f"{top['source']}-{top['target']}"
    cid = json.loads(_get(f"{base}/api/dyad?{q}")[1])["clusters"][0]["id"]
    out["evidence_page_s"] = _spread([_get(f"{base}/cluster/{cid}")[0] for _ in range(3)])
    eid = json.loads(_get(f"{base}/api/cluster/{cid}")[1])["evidence"][0]["id"]
    out["event_page_s"] = _spread([_get(f"{base}/event/{urllib.parse.quote(eid)}")[0] for _ in range(3)])
    out["events_page_s"] = _spread([_get(f"{base}/events?{YEAR}&sort=-date&page={p}")[0] for p in (2, 3, 4)])
    out["actor_page_s"] = _spread(
        [_get(f"{base}/actor?code={urllib.parse.quote(top['source'])}&from={y}-01-01&to={y}-12-31")[0] for y in (2021, 2022, 2023)]
    )
    out["load_average"] = " ".join(f"{x:.2f}" for x in os.getloadavg())

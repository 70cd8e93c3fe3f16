"""The routes: JSON endpoints under `/api/` and the pages that show the same data.

Plain `def` endpoints: FastAPI runs them in its thread pool, and `Reader` serialises store access.
Every parameter is read as text or a number here and checked in `params.py`.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.templating import Jinja2Templates
from starlette.background import BackgroundTask

from ..aggregate.config import QUADS
from . import charts, layout, params, search
from .data import Reader
from .layout import legend

Text = Annotated[str | None, Query()]
From = Annotated[str | None, Query(alias="from", description="First day, YYYY-MM-DD (inclusive).")]
To = Annotated[str | None, Query(alias="to", description="Last day, YYYY-MM-DD (inclusive).")]
Level = Annotated[str | None, Query(description="country, or sector (country + sector codes).")]
Int = Annotated[int | None, Query()]
MAP_MARK = "<!--alianza:first-map-->"  # where network.html's first map goes (streamed)
EMBED_EDGES = 5000  # a bigger first network is fetched by network.js (from the cache) rather than inlined


def register(app: FastAPI, reader: Reader, templates: Jinja2Templates) -> None:
    def page(request: Request, name: str, **ctx: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, ctx)

    # -- JSON ----------------------------------------------------------------------------------
    @app.get("/api/meta", tags=["api"], summary="The store's extent and counts")
    def api_meta() -> dict[str, Any]:
        return {**reader.meta(), "quads": list(QUADS), "types": list(params.plover_types()), "legend": legend()}

    @app.get("/api/network", tags=["api"], summary="Nodes (with positions) and edges of a period and filters")
    def api_network(
        date_from: From = None,
        date_to: To = None,
        quad: Annotated[str | None, Query(description="Quad classes, comma-separated.")] = None,
        type: Annotated[str | None, Query(description="PLOVER types, comma-separated.")] = None,  # noqa: A002
        level: Level = None,
        min_clusters: Int = None,
        max_edges: Annotated[int | None, Query(description=f"At most {params.MAX_EDGES}.")] = None,
        actor: Text = None,
        blocs: Annotated[bool, Query(description="Colour nodes by bloc (false: faster; then ask /api/blocs).")] = True,
    ) -> JSONResponse:
        q = params.net_query(date_from, date_to, quad, type, level, min_clusters, max_edges, actor)
        started = time.perf_counter()
        out = _json(reader.network(q, with_blocs=blocs))
        # the server's share of the page's fetch (the page's clock and the bench read it)
        out.headers["Server-Timing"] = f"network;dur={(time.perf_counter() - started) * 1000:.1f}"
        return out

    @app.get("/api/blocs", tags=["api"], summary="Each actor's bloc (Louvain communities of the period's cooperation)")
    def api_blocs(date_from: From = None, date_to: To = None, level: Level = None) -> dict[str, Any]:
        return {"blocs": reader.bloc_colours(_period(date_from, date_to), params.level(level))}

    @app.get("/api/dyad", tags=["api"], summary="A pair's monthly series, biggest shifts and clusters")
    def api_dyad(
        a: str, b: str, date_from: From = None, date_to: To = None, level: Level = None, page: Int = None, per_page: Int = None
    ) -> JSONResponse:
        return _json(_dyad(reader, a, b, date_from, date_to, level, page, per_page))

    @app.get("/api/cluster/{cluster_id}", tags=["api"], summary="A cluster and every sentence that supports it")
    def api_cluster(cluster_id: str) -> JSONResponse:
        return _json(reader.cluster(cluster_id))

    @app.get("/api/event/{event_id}", tags=["api"], summary="One event and its sentence")
    def api_event(event_id: str) -> dict[str, Any]:
        return reader.event(event_id)

    @app.get("/api/article/{article_id}", tags=["api"], summary="An article's text, an event's sentence marked")
    def api_article(article_id: str, event: Text = None) -> dict[str, Any]:
        return reader.article(article_id, event)

    @app.get("/api/actor", tags=["api"], summary="An actor's partners, activity over time, bloc and names")
    def api_actor(code: str, date_from: From = None, date_to: To = None, level: Level = None) -> JSONResponse:
        return _json(_actor(reader, code, date_from, date_to, level))

    @app.get("/api/events", tags=["api"], summary="Events, filtered, sorted, one page")
    def api_events(
        date_from: From = None,
        date_to: To = None,
        type: Text = None,  # noqa: A002
        status: Text = None,
        actor: Text = None,
        lang: Text = None,
        source: Text = None,
        sort: Text = None,
        page: Int = None,
        per_page: Int = None,
    ) -> JSONResponse:
        q = params.event_query(date_from, date_to, type, status, actor, lang, source, sort, page, per_page)
        return _json(reader.events(q))

    @app.get("/api/events/export", tags=["api"], summary="Every event of the filter as CSV or Parquet")
    def api_events_export(
        format: str = "csv",  # noqa: A002
        date_from: From = None,
        date_to: To = None,
        type: Text = None,  # noqa: A002
        status: Text = None,
        actor: Text = None,
        lang: Text = None,
        source: Text = None,
        sort: Text = None,
    ) -> FileResponse:
        if format not in ("csv", "parquet"):
            raise params.BadRequest(f"format={format!r}: expected csv or parquet")
        q = params.event_query(date_from, date_to, type, status, actor, lang, source, sort)
        tmp = tempfile.TemporaryDirectory(prefix="alianza-export-")
        out = Path(tmp.name) / f"events.{format}"
        try:
            reader.export_events(q, format, out)
        except Exception:
            tmp.cleanup()
            raise
        media = "text/csv" if format == "csv" else "application/vnd.apache.parquet"
        return FileResponse(out, media_type=media, filename=f"alianza-events.{format}", background=BackgroundTask(tmp.cleanup))

    @app.get("/api/search", tags=["api"], summary="Actors by code or by any name the knowledge base knows")
    def api_search(q: str = "", level: Level = None) -> JSONResponse:
        lv = params.level(level)
        if len(q) > 100:
            raise params.BadRequest("q: expected at most 100 characters")
        return JSONResponse({"query": q, "hits": search.search(q, reader.actors(lv), lv)})

    # -- pages ---------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request) -> Response:
        """The page in two parts: its head and filters at once (the browser fetches the styles and
        scripts meanwhile), then, once computed, the first map as an SVG the browser paints before
        any script runs, with its data for network.js (no second request)."""
        first = _page_query(request)
        ctx = {"meta": reader.meta(), "quads": QUADS, "types": params.plover_types(), "legend": legend()}
        if first is None:  # a value the form would not take: the page's own request says what is wrong
            return page(request, "network.html", **ctx, server_map=False, map_mark="")
        html = templates.get_template("network.html").render(request=request, **ctx, server_map=True, map_mark=MAP_MARK)
        head, tail = html.split(MAP_MARK, 1)

        def parts() -> Iterator[str]:
            yield head
            yield _first_map(reader, templates, first)
            yield tail

        return StreamingResponse(parts(), media_type="text/html; charset=utf-8")

    @app.get("/dyad", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(
        request: Request, a: str, b: str, date_from: From = None, date_to: To = None, level: Level = None, page_: Annotated[int | None, Query(alias="page")] = None
    ) -> HTMLResponse:
        started = time.perf_counter()
        d = _dyad(reader, a, b, date_from, date_to, level, page_, 50)
        chart = charts.series_svg(d["series"], scores=True, title=f"{d['a']} and {d['b']} by month")
        out = page(request, "dyad.html", d=d, chart=chart)
        out.headers["Server-Timing"] = f"dyad;dur={(time.perf_counter() - started) * 1000:.1f}"  # the bench reads it
        return out

    @app.get("/cluster/{cluster_id}", response_class=HTMLResponse, include_in_schema=False)
    def cluster_page(request: Request, cluster_id: str) -> HTMLResponse:
        return page(request, "evidence.html", **reader.cluster(cluster_id))

    @app.get("/event/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: str) -> HTMLResponse:
        return page(request, "evidence.html", **reader.event(event_id))

    @app.get("/article/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str, event: Text = None) -> HTMLResponse:
        return page(request, "article.html", art=reader.article(article_id, event), event=event)

    @app.get("/actor", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, code: str, date_from: From = None, date_to: To = None, level: Level = None) -> HTMLResponse:
        d = _actor(reader, code, date_from, date_to, level)
        d["label"] = search.label(d["code"])
        return page(request, "actor.html", d=d, chart=charts.series_svg(d["months"], scores=False, title=d["code"]))

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(
        request: Request,
        date_from: From = None,
        date_to: To = None,
        type: Text = None,  # noqa: A002
        status: Text = None,
        actor: Text = None,
        lang: Text = None,
        source: Text = None,
        sort: Text = None,
        page_: Annotated[int | None, Query(alias="page")] = None,
        per_page: Int = None,
    ) -> HTMLResponse:
        q = params.event_query(date_from, date_to, type, status, actor, lang, source, sort, page_, per_page)
        got = reader.events(q)
        args = {k: v for k, v in request.query_params.items() if k not in ("page", "sort") and v}
        name = "events_table.html" if request.headers.get("HX-Request") else "events.html"
        return page(
            request, name, got=got, q=q, args=args, types=params.plover_types(), statuses=params.STATUSES, sorts=params.EVENT_SORTS
        )

    @app.get("/partials/search", response_class=HTMLResponse, include_in_schema=False)
    def search_partial(request: Request, q: str = "", level: Level = None) -> HTMLResponse:
        lv = params.level(level)
        hits = search.search(q[:100], reader.actors(lv), lv) if q.strip() else []
        return page(request, "search_hits.html", hits=hits, q=q, level=lv)


def _first_map(reader: Reader, templates: Jinja2Templates, q: params.NetQuery) -> str:
    """The first map's markup (templates/_map.html): the SVG of `layout.network_svg` and, up to
    EMBED_EDGES, the network's JSON as `/api/network?blocs=false` returns it. Empty when the network
    fails: network.js then asks `/api/network`, whose answer says what went wrong."""
    try:
        net = reader.network(q, with_blocs=False)
    except Exception:  # noqa: BLE001 (the page's own request reports it)
        return ""
    data = None
    if len(net["edges"]) <= EMBED_EDGES:
        # inside <script>: no "</script>" or "<!--" can end it early
        data = json.dumps(net, separators=(",", ":")).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return templates.get_template("_map.html").render(svg=layout.network_svg(net), data=data)


def _json(content: dict[str, Any]) -> JSONResponse:
    """Plain JSON: the data is already plain (dates as ISO text), and FastAPI's own encoder walks
    every value of a 45,000-edge network in Python, which costs more than the query."""
    return JSONResponse(content)


def _page_query(request: Request) -> params.NetQuery | None:
    """The network the page at this URL will ask for first (network-first.js reads the same URL
    parameters into the form and sends the form); None when the URL holds a value the form would not
    take as it is (the page's own request then says what was wrong)."""
    qp = request.query_params
    try:
        least, most = (int(v) if (v := (qp.get(k) or "").strip()) else None for k in ("min_clusters", "max_edges"))
        q = params.net_query(qp.get("from"), qp.get("to"), qp.get("quad"), qp.get("type"), qp.get("level"), least, most)
    except (ValueError, params.BadRequest):
        return None
    return q if len(q.types) <= 1 else None  # the form's type is one choice


def _period(date_from: str | None, date_to: str | None) -> params.Period:
    return params.Period(params.day(date_from, "from"), params.day(date_to, "to"))


def _dyad(
    reader: Reader, a: str, b: str, date_from: str | None, date_to: str | None, level: str | None, page: int | None, per_page: int | None
) -> dict[str, Any]:
    lv = params.level(level)
    pa, pb = params.actor(a, "a"), params.actor(b, "b")
    pg = params.bounded(page, "page", 1, 1_000_000, 1)
    pp = params.bounded(per_page, "per_page", 1, params.MAX_PAGE_SIZE, 50)
    return reader.dyad(pa or "", pb or "", _period(date_from, date_to), lv, pg, pp)


def _actor(reader: Reader, code: str, date_from: str | None, date_to: str | None, level: str | None) -> dict[str, Any]:
    return reader.actor(params.actor(code, "code") or "", _period(date_from, date_to), params.level(level))

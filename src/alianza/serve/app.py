"""The FastAPI application: `create_app(db_path)`, JSON under `/api/`, pages elsewhere.

Both kinds of route call the same `Reader` methods, so a page shows exactly what its endpoint
returns. Errors are the user's (a bad date, an unknown actor, a page past the end): each becomes a
4xx whose body says what was wrong and what was expected, as JSON under `/api/` and as a page
elsewhere; nothing reaches the browser as a traceback.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import AlianzaError
from .data import Reader
from .params import BadRequest, NotFound

HERE = Path(__file__).parent
VENDOR = {"cytoscape": "vendor/cytoscape-3.35.0.min.js", "htmx": "vendor/htmx-2.0.11.min.js"}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path in ("/openapi.json",)


def _validation_reason(err: RequestValidationError) -> str:
    parts = []
    for e in err.errors():
        loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path"))
        parts.append(f"{loc or 'request'}: {e.get('msg', 'invalid value')}")
    return "; ".join(parts) or "invalid request"


def create_app(db_path: str | Path) -> FastAPI:
    """An app over one store, opened read-only now (a missing store fails here, not on a request)."""
    reader = Reader(db_path)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        threading.Thread(target=_warm, args=(reader,), daemon=True, name="alianza-warm").start()
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="alianza",
        description="The alliance map of a local alianza store: networks, dyads, clusters and their evidence.",
        version="1",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.reader = reader
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(vendor=VENDOR, store=Path(reader.path).name)
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def error(request: Request, status: int, reason: str) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": reason, "status": status}, status_code=status)
        return templates.TemplateResponse(
            request, "error.html", {"status": status, "reason": reason}, status_code=status
        )

    @app.exception_handler(NotFound)
    async def not_found(request: Request, err: NotFound) -> Response:
        return error(request, 404, str(err))

    @app.exception_handler(BadRequest)
    async def bad_request(request: Request, err: BadRequest) -> Response:
        return error(request, 400, str(err))

    @app.exception_handler(AlianzaError)
    async def alianza_error(request: Request, err: AlianzaError) -> Response:
        return error(request, 400, str(err))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError) -> Response:
        return error(request, 400, _validation_reason(err))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException) -> Response:
        reason = str(err.detail)
        if err.status_code == 404:
            reason = f"no page at {request.url.path!r}: see / for the network, /events, or /api/docs for the API"
        elif err.status_code == 405:
            reason = f"{request.method} is not allowed on {request.url.path!r}: the server only reads (GET)"
        return error(request, err.status_code, reason)

    @app.exception_handler(Exception)
    async def crash(request: Request, err: Exception) -> Response:  # a bug: say so, show no traceback
        return error(request, 500, f"internal error ({type(err).__name__}); the server log has the details")

    from .routes import register

    register(app, reader, templates)

    return app


def _warm(reader: Reader) -> None:
    """After the URL is printed, not before: import and load what the first network request needs
    (networkx, the ontology, the store's extent and actors), so that the first click does not."""
    import duckdb
    import networkx  # noqa: F401

    from .params import plover_types

    try:
        plover_types()
        reader.meta()
        reader.actors("country")
    except (duckdb.Error, AlianzaError):
        pass  # only a head start (the app may be closing): the request that needs it reports any error


def render(templates: Jinja2Templates, request: Request, name: str, ctx: dict[str, Any]) -> HTMLResponse:
    return templates.TemplateResponse(request, name, ctx)

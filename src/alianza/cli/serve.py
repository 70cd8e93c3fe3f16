"""`alianza serve`: the web UI over a store, read-only, on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import click

from .common import DB_OPTION, db_path

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


@click.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (others can read the store through it).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--open", "open_browser", is_flag=True, help="Open the network page in the default browser.")
def serve(db: str | None, host: str, port: int, open_browser: bool) -> None:
    """Serve the alliance map: network, dyads, clusters and their evidence, events table, JSON API.

    \b
    Examples:
      alianza serve --db alianza.duckdb
      alianza serve --db alianza.duckdb --port 8080 --open
    """
    import threading
    import webbrowser

    import uvicorn

    from ..errors import AlianzaError
    from ..serve.app import create_app

    path = db_path(db)
    try:
        app = create_app(path)
    except AlianzaError as err:
        raise click.ClickException(str(err)) from err
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    if host not in LOCAL_HOSTS:
        click.echo(
            f"alianza: warning: binding {host}, not 127.0.0.1: the store {path} is readable by anyone who can reach "
            "this address and port",
            err=True,
        )
    click.echo(f"alianza serve: {url} (store {path}, read-only; Ctrl-C stops)")
    if open_browser:
        threading.Timer(0.8, webbrowser.open, args=(url,)).start()
    uvicorn.run(app, host=host, port=port, log_level="warning")

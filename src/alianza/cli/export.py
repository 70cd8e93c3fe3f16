"""`alianza export`: files for other tools (CSV, Parquet, JSON Lines, GDELT TSV, GraphML, GEXF)."""

from __future__ import annotations

import click

from ..errors import AlianzaError
from .common import echo_json, fail, open_api, query_options, window_of


@click.command()
@query_options
@click.option("--format", "fmt", required=True, help="csv, parquet, jsonl, gdelt (TSV), graphml or gexf.")
@click.option("--what", default="events", show_default=True, help="events, clusters, dyads or network.")
@click.option("--out", "out", required=True, help="File to write (written whole or not at all).")
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@click.option("--by", default="month", show_default=True, help="Period of dyad rows (--what dyads).")
def export(
    db: str | None,
    as_json: bool,
    date_from: str | None,
    date_to: str | None,
    level: str,
    fmt: str,
    what: str,
    out: str,
    force: bool,
    by: str,
) -> None:
    """Export events, clusters, dyads or the network for other tools."""
    from ..aggregate.export import FORMATS, WHATS

    if fmt not in FORMATS:
        fail(f"unknown --format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if what not in WHATS:
        fail(f"unknown --what {what!r}: expected one of {', '.join(WHATS)}")
    window = window_of(date_from, date_to)
    with open_api(db) as api:
        try:
            path = api.export(what, fmt, out, force=force, window=window, level=level, by=by)
        except AlianzaError as err:
            fail(str(err))
    if as_json:
        echo_json({"what": what, "format": fmt, "out": str(path)})
    else:
        click.echo(f"wrote {what} as {fmt} to {path}")

"""`alianza export`: files for other tools (CSV, Parquet, JSON Lines, GDELT TSV, GraphML, GEXF)."""

from __future__ import annotations

from typing import Any

import click

from ..aggregate.export import PAIRS, STDOUT_FORMATS
from ..errors import AlianzaError
from .common import DB_OPTION, build_filter, echo_json, fail, filter_options, open_api

_PAIRS_HELP = "\n".join(f"  {fmt:<8} {', '.join(whats)}" for fmt, whats in PAIRS.items())


@click.command(
    epilog=(
        "\b\nValid --format x --what pairs:\n" + _PAIRS_HELP + "\n\n\b\nExamples:\n"
        "  alianza export --format csv --out events.csv\n"
        "  alianza export --format gdelt --what events --out - > events.tsv\n"
        "  alianza export --format gexf --what network --by month --out map.gexf\n"
        "  alianza export --format csv --what network --out net.csv   # also writes net.nodes.csv"
    )
)
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print what was written as one JSON object.")
@click.option(
    "--format", "fmt", required=True, type=click.Choice(list(PAIRS)), help="File format (see the pairs below)."
)
@click.option(
    "--what",
    default="events",
    show_default=True,
    type=click.Choice(["events", "clusters", "dyads", "network", "articles"]),
    help="What to write.",
)
@click.option(
    "--out",
    "out",
    required=True,
    help=f"File to write, whole or not at all; - for stdout ({', '.join(STDOUT_FORMATS)}).",
)
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@filter_options("dates", "actor", "type", "status", "lang", "source")
@click.option(
    "--level",
    type=click.Choice(["country", "sector"]),
    default="country",
    show_default=True,
    help="Actors of dyads and networks as countries or as country + sector codes.",
)
@click.option(
    "--by",
    type=click.Choice(["day", "week", "month", "quarter", "year"]),
    default=None,
    help="Period of dyad rows (default month); for GEXF, a timeline of edges per period (default: static).",
)
@click.option("--directed", is_flag=True, help="Dyads and networks with A->B apart from B->A.")
@click.option(
    "--nested", is_flag=True, help="Events as JSON Lines in the nested public shape (DESIGN.md) instead of flat rows."
)
def export(
    db: str | None,
    as_json: bool,
    fmt: str,
    what: str,
    out: str,
    force: bool,
    level: str,
    by: str | None,
    directed: bool,
    nested: bool,
    **kw: Any,
) -> None:
    """Export events, clusters, dyads, the network or articles for other tools.

    Event rows are the flat rows of `alianza events --json` (docs/events.md). GDELT rows follow the
    GDELT 2.0 event codebook (61 columns, header row); graphs carry weight, net, cooperation,
    conflict and sign on edges, label, name, bloc and activity on nodes.
    """
    if what not in PAIRS[fmt]:
        fail(f"{fmt} writes {' or '.join(PAIRS[fmt])}: expected --what {' or '.join(PAIRS[fmt])}, got {what!r}")
    if nested and not (fmt == "jsonl" and what == "events"):
        fail("--nested shapes events as JSON Lines: expected --format jsonl --what events")
    with open_api(db) as api:
        flt = build_filter(api, kw)
        filters = {
            k: v
            for k, v in {
                "start": flt.start,
                "end": flt.end,
                "actor": flt.actor,
                "type": flt.type,
                "status": flt.status,
                "lang": flt.lang,
                "source": flt.source,
            }.items()
            if v is not None
        }
        try:
            path = api.export(
                what, fmt, out, force=force, level=level, by=by, nested=nested, directed=directed, **filters
            )
        except AlianzaError as err:
            fail(str(err))
    if out == "-":
        return
    if as_json:
        echo_json({"what": what, "format": fmt, "out": str(path)})
    else:
        click.echo(f"wrote {what} as {fmt} to {path}")

"""The query commands: articles, events, dyads, network, blocs, shifts, clusters (thin over `alianza.open`)."""

from __future__ import annotations

import click

from ..errors import AlianzaError
from ..serialize import ARTICLE_FIELDS
from .common import (
    DB_OPTION,
    actor_code,
    echo_json,
    emit,
    fail,
    open_api,
    open_store,
    parse_day,
    query_options,
    records,
    table,
    window_of,
)


@click.command()
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line, every Article field.")
@click.option("--limit", type=int, default=None)
def articles(db: str | None, as_json: bool, limit: int | None) -> None:
    """List stored articles."""
    with open_store(db) as store:
        rows = store.articles(limit)
    if as_json:
        for r in rows:
            echo_json({k: r[k] for k in ARTICLE_FIELDS})
        return
    table(rows, ["id", "published", "lang", "section", "author", "title"], {"title": 60})


@click.command()
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line in the public event shape.")
@click.option("--explain", is_flag=True, help="Show each event's evidence sentence, trigger and rule.")
@click.option("--limit", type=int, default=None)
@click.option("--article", default=None, help="Only this article id.")
def events(db: str | None, as_json: bool, explain: bool, limit: int | None, article: str | None) -> None:
    """List stored events."""
    with open_store(db) as store:
        rows = store.events(limit, article)
    if as_json:
        for r in rows:
            echo_json(r)
        return
    if explain:
        for r in rows:
            ev = r["evidence"]
            click.echo(
                f"{r['type']}/{r['mode'] or '-'} {actor_code(r['source'])} -> {actor_code(r['target'])} "
                f"[{r['status']}, {r['date'] or 'no date'}]"
            )
            click.echo(
                f"  because {r['rule']} fired on {ev['trigger']!r} in article {ev['article']} "
                f"sentence {ev['sentence']}:"
            )
            click.echo(f"  {ev['text']}")
        return
    flat = [
        {
            "date": r["date"],
            "type": r["type"],
            "mode": r["mode"],
            "source": actor_code(r["source"]),
            "target": actor_code(r["target"]),
            "status": r["status"],
            "trigger": r["evidence"]["trigger"],
        }
        for r in rows
    ]
    table(flat, ["date", "type", "mode", "source", "target", "status", "trigger"], {"trigger": 40})


@click.command()
@click.argument("actors", nargs=-1)
@query_options
@click.option(
    "--by",
    type=click.Choice(["day", "week", "month", "quarter", "year"]),
    default=None,
    help="One row per period and dyad (default: totals over the window).",
)
@click.option("--directed", is_flag=True, help="Keep A->B apart from B->A.")
@click.option("--mentions", is_flag=True, help="Count mentions instead of clusters (real-world events).")
@click.option(
    "--sort",
    type=click.Choice(["events", "cooperation", "conflict"]),
    default="events",
    show_default=True,
    help="Most events first, most cooperative (highest summed weight) or most conflictual (lowest).",
)
@click.option("--limit", type=int, default=None, help="At most this many rows (default: 20 without --by).")
def dyads(
    actors: tuple[str, ...],
    db: str | None,
    as_json: bool,
    date_from: str | None,
    date_to: str | None,
    level: str,
    by: str | None,
    directed: bool,
    mentions: bool,
    sort: str,
    limit: int | None,
) -> None:
    """Cooperation and conflict between actors: all dyads, one actor's, or one pair's, over time.

    ACTORS: none, one or two codes: a country (RUS), a country and sector ("RUS GOV"), an
    organisation ("IGO NATO"). Counts are of event clusters; scores weigh each cluster by its
    PLOVER type's weight, and only occurred or claimed events count (planned ones do not).
    """
    if len(actors) > 2:
        fail(f"{len(actors)} actors given: expected none, one or two")
    window = window_of(date_from, date_to)
    with open_api(db) as api:
        try:
            rel = api.dyads(
                *actors,
                by=by,
                level=level,
                directed=directed,
                window=window,
                unit="mentions" if mentions else "clusters",
            )
            lead = "period, " if by else ""
            if sort == "cooperation":
                rel = rel.filter("weight_sum > 0").order(f"{lead}weight_sum DESC, source, target")
            elif sort == "conflict":
                rel = rel.filter("weight_sum < 0").order(f"{lead}weight_sum ASC, source, target")
            if as_json:
                cols = list(rel.columns)
                for r in (rel.limit(limit) if limit else rel).fetchall():
                    rec = dict(zip(cols, r, strict=True))
                    # the first release's keys, kept for scripts that read them
                    rec.update(
                        a=rec["source"],
                        b=rec["target"],
                        mean_weight=rec["weight_mean"],
                        cooperative=rec["verbal_cooperation"] + rec["material_cooperation"],
                        conflictual=rec["verbal_conflict"] + rec["material_conflict"],
                    )
                    echo_json(rec)
                return
            emit(rel, False, limit or (None if by else 20))
        except AlianzaError as err:
            fail(str(err))


@click.command()
@query_options
@click.option("--limit", type=int, default=30, show_default=True)
def network(db: str | None, as_json: bool, date_from: str | None, date_to: str | None, level: str, limit: int) -> None:
    """The alliance network of a period: actors and the scores of each pair."""
    window = window_of(date_from, date_to)
    with open_api(db) as api:
        try:
            nodes, edges = api.network(window, level)
            if as_json:
                for r in records(nodes):
                    echo_json({"kind": "node", **r})
                for r in records(edges):
                    echo_json({"kind": "edge", **r})
                return
            click.echo("Actors:")
            emit(nodes, False, limit)
            click.echo("\nPairs:")
            emit(edges, False, limit)
        except AlianzaError as err:
            fail(str(err))


@click.command()
@query_options
def blocs(db: str | None, as_json: bool, date_from: str | None, date_to: str | None, level: str) -> None:
    """Blocs: communities of the cooperation graph (Louvain, seeded: stable for the same data)."""
    window = window_of(date_from, date_to)
    with open_api(db) as api:
        try:
            found = api.blocs(window, level)
        except AlianzaError as err:
            fail(str(err))
    if as_json:
        for b in found:
            echo_json(b)
        return
    rows = [
        {"bloc": b["bloc"], "size": b["size"], "score": b["internal_score"], "members": ", ".join(b["members"])}
        for b in found
    ]
    table(rows, ["bloc", "size", "score", "members"], {"members": 100})


@click.command()
@query_options
@click.option(
    "--window",
    "window_text",
    default="30d",
    show_default=True,
    help="Length of each of the two windows compared (30d, 8w, 3m, 1y).",
)
@click.option("--limit", type=int, default=20, show_default=True)
def shifts(
    db: str | None, as_json: bool, date_from: str | None, date_to: str | None, level: str, window_text: str, limit: int
) -> None:
    """The dyads whose net score moved most: the last window (ending --to, default the last day
    stored) against the window before it."""
    from ..aggregate.queries import QueryError, parse_window

    if date_from is not None:
        fail("--from does not apply to shifts: the windows end at --to and reach back --window each")
    try:
        days = parse_window(window_text)
    except QueryError as err:
        fail(str(err))
    end = parse_day(date_to, "--to")
    with open_api(db) as api:
        try:
            emit(api.shifts(days, end, level), as_json, limit)
        except AlianzaError as err:
            fail(str(err))


@click.command()
@query_options
@click.option("--actor", default=None, help='Only clusters with this actor (RUS, "RUS GOV", "IGO NATO").')
@click.option("--type", "etype", default=None, help="Only this PLOVER type.")
@click.option("--limit", type=int, default=50, show_default=True)
def clusters(
    db: str | None,
    as_json: bool,
    date_from: str | None,
    date_to: str | None,
    level: str,
    actor: str | None,
    etype: str | None,
    limit: int,
) -> None:
    """Event clusters: each real-world event once, with its mentions, articles and sources."""
    window = window_of(date_from, date_to)
    with open_api(db) as api:
        try:
            rel = api.clusters(window, actor, etype.upper() if etype else None)
            if as_json:
                emit(rel, True, limit)
                return
            rel = rel.project(
                "day, type, mode, status, source_code AS source, target_code AS target, mentions, articles, sources, evidence"
            )
            emit(rel, False, limit, {"evidence": 70})
        except AlianzaError as err:
            fail(str(err))

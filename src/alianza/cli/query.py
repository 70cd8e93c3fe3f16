"""The query commands: articles, events, actors, dyads, network, blocs, shifts, clusters (thin over
`alianza.open`). Every one takes the filters that make sense for it, checked the same way
(`common.filter_options`); tables may be cut by a display limit (stderr says so), `--json` never is.
"""

from __future__ import annotations

import json
from typing import Any

import click

from ..errors import AlianzaError
from ..serialize import ARTICLE_FIELDS
from .common import (
    DB_OPTION,
    build_filter,
    echo_json,
    emit,
    fail,
    filter_options,
    limit_option,
    note_cut,
    open_api,
    parse_day,
    records,
    table,
    table_limit,
)

JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="One JSON object per line (never cut by a limit).")
LEVEL_OPTION = click.option(
    "--level",
    type=click.Choice(["country", "sector"]),
    default="country",
    show_default=True,
    help="Actors as countries (organisations by name) or as country + sector codes.",
)


def _article_json(rec: dict[str, Any]) -> dict[str, Any]:
    out = {k: rec.get(k) for k in ARTICLE_FIELDS}
    bp = out.get("boilerplate")
    out["boilerplate"] = json.loads(bp) if isinstance(bp, str) else (bp or [])
    if out.get("published") is not None:
        out["published"] = str(out["published"])
    return out


@click.command()
@DB_OPTION
@JSON_OPTION
@filter_options("dates", "lang", "source")
@limit_option(None, "articles")
def articles(db: str | None, as_json: bool, limit: int | None, **kw: Any) -> None:
    """List stored articles, by publication date (--from/--to filter on it).

    \b
    Example:
      alianza articles --lang es --from 2025-01-01 --json
    """
    with open_api(db) as api:
        flt = build_filter(api, kw)
        rel = api.articles(start=flt.start, end=flt.end, lang=flt.lang, source=flt.source)
        total = len(rel)
        rows = records(rel.limit(limit) if limit else rel)
    if as_json:
        for r in rows:
            echo_json(_article_json(r))
        return
    for r in rows:
        r["published"] = r["published"] or ""
    table(rows, ["id", "published", "lang", "site", "section", "author", "title"], {"title": 60, "site": 24})
    note_cut(len(rows), total)


def _side(r: dict[str, Any], side: str) -> str:
    code = r[f"{side}_code"]
    if not code and not r[f"{side}_text"]:
        return f"  {side}: none"
    how = r[f"{side}_how"] or "?"
    mark = (
        "  <- context: the code is inferred, not named in the sentence (docs/conventions.md)"
        if how == "context"
        else ""
    )
    text = r[f"{side}_text"]
    words = f"{text!r}" if text else "(no words)"
    name = f" ({r[f'{side}_name']})" if r[f"{side}_name"] else ""
    return f"  {side}: {words} -> {code or '---'}{name} [{how}]{mark}"


def _explain(r: dict[str, Any]) -> None:
    day = r["event_day"] or "no date"
    click.echo(
        f"{r['type']}/{r['mode'] or '-'} {r['source_code'] or '-'} -> {r['target_code'] or '-'} "
        f"[{r['status']}, {day} ({r['day_precision'] or '-'}), CAMEO {r['cameo'] or '-'}]"
    )
    click.echo(_side(r, "source"))
    click.echo(_side(r, "target"))
    if r["claimed_by"] or r["claimed_by_name"]:
        click.echo(f"  claimed by: {r['claimed_by_name'] or ''} -> {r['claimed_by'] or '---'}")
    if r["place_name"]:
        where = f" ({r['place_lat']}, {r['place_lon']})" if r["place_lat"] is not None else ""
        click.echo(f"  place: {r['place_name']} {r['place_country'] or ''}{where}")
    if r["quantity_unit"]:
        low, high = r["quantity_low"], r["quantity_high"]
        click.echo(f"  quantity: {low:g}{'' if high == low else f'-{high:g}'} {r['quantity_unit']}")
    click.echo(
        f"  because {r['rule']} fired on {r['trigger']!r} in article {r['article_id']} "
        f"({r['article_title'] or r['url'] or ''}) sentence {r['sentence']}:"
    )
    text, s0 = r["evidence"] or "", r["sentence_start"] or 0
    a, b = (r["trigger_start"] or -1) - s0, (r["trigger_end"] or -1) - s0
    if 0 <= a < b <= len(text):  # the trigger in brackets, where it sits in the sentence
        text = f"{text[:a]}[{text[a:b]}]{text[b:]}"
    click.echo(f"  {text}")


EVENT_TABLE = ["event_day", "prec", "type", "mode", "source", "target", "status", "trigger", "article"]


@click.command()
@DB_OPTION
@JSON_OPTION
@click.option(
    "--nested",
    is_flag=True,
    help="With --json: the nested public shape (sides, place, evidence as objects), as `code --jsonl`; the default.",
)
@click.option(
    "--flat",
    is_flag=True,
    help="With --json: one flat row per event, the columns of every export (docs/events.md).",
)
@click.option(
    "--explain", is_flag=True, help="Each event's sides (words -> code, how; `context` = inferred), rule, sentence."
)
@filter_options("dates", "actor", "type", "status", "lang", "source")
@click.option("--article", default=None, help="Only this article id.")
@limit_option(None, "events")
def events(
    db: str | None,
    as_json: bool,
    nested: bool,
    flat: bool,
    explain: bool,
    article: str | None,
    limit: int | None,
    **kw: Any,
) -> None:
    """List stored events: a table, or with --json one event per line in the public shape
    (the shape of `code --jsonl`, a contract scripts rely on); --json --flat writes the flat row
    of every export instead (docs/events.md).

    The day is always shown: the event's own date when the sentence gives one, else the article's
    publication date (precision `published`).

    \b
    Examples:
      alianza events --from 2024-06-01 --actor Russia --type consult
      alianza events --status planned --json
      alianza events --json --flat > events.jsonl
      alianza events --article 55e492fae09e6347 --explain
    """
    if (nested or flat) and not as_json:
        fail(f"--{'nested' if nested else 'flat'} shapes the --json output: expected --json with it")
    if nested and flat:
        fail("--nested and --flat: choose one shape")
    nested = as_json and not flat  # the public shape stays the default of --json
    with open_api(db) as api:
        flt = build_filter(api, kw, article=article)
        try:
            if nested:
                rel = api.events_json(**_filter_kw(flt))
                for (j,) in (rel.limit(limit) if limit else rel).fetchall():
                    click.echo(j)
                return
            rel = api.events(**_filter_kw(flt))
            rows = records(rel.limit(limit) if limit else rel)
        except AlianzaError as err:
            fail(str(err))
    if as_json:
        for r in rows:
            echo_json(r)
        return
    if explain:
        for r in rows:
            _explain(r)
        return
    shown = [
        {
            "event_day": r["event_day"],
            "prec": r["day_precision"],
            "type": r["type"],
            "mode": r["mode"],
            "source": r["source_code"],
            "target": r["target_code"],
            "status": r["status"],
            "trigger": r["trigger"],
            "article": r["article_title"] or r["article_id"],
        }
        for r in rows
    ]
    table(shown, EVENT_TABLE, {"trigger": 30, "article": 36})


def _filter_kw(flt: Any) -> dict[str, Any]:
    return {
        "start": flt.start,
        "end": flt.end,
        "actor": flt.actor,
        "type": flt.type,
        "status": flt.status,
        "lang": flt.lang,
        "source": flt.source,
        "article": flt.article,
    }


@click.command()
@click.argument("query", required=False)
@DB_OPTION
@JSON_OPTION
@limit_option(50, "actors")
def actors(query: str | None, db: str | None, as_json: bool, limit: int | None) -> None:
    """The store's actors (codes as coded) with their most frequent name and event count.

    QUERY keeps codes or names containing it, accents and case aside. Any command that takes an
    actor takes these codes or a name: Russia, Rusia, Kremlin, EU, Putin.

    \b
    Examples:
      alianza actors
      alianza actors rus
    """
    with open_api(db) as api:
        found = api.actors(query)
    emit(found, as_json, table_limit(limit, 50, as_json), {"name": 40})


@click.command()
@click.argument("actors", nargs=-1)
@DB_OPTION
@JSON_OPTION
@filter_options("dates", "type")
@LEVEL_OPTION
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
@limit_option(20, "dyads")
def dyads(
    actors: tuple[str, ...],
    db: str | None,
    as_json: bool,
    level: str,
    by: str | None,
    directed: bool,
    mentions: bool,
    sort: str,
    limit: int | None,
    **kw: Any,
) -> None:
    """Cooperation and conflict between actors: all dyads, one actor's, or one pair's, over time.

    ACTORS: none, one or two, as codes (RUS, "RUS GOV", "IGO NATO") or names (Russia, Kremlin).
    Counts are of event clusters; scores weigh each cluster by its PLOVER type's weight, and only
    occurred or claimed events count (planned ones do not). `--json` has the columns of
    `alianza export --what dyads`.

    \b
    Examples:
      alianza dyads Russia "North Korea" --by month
      alianza dyads --sort conflict --from 2025-01-01 --limit 10
      alianza dyads --type assault --by quarter
    """
    if len(actors) > 2:
        fail(f"{len(actors)} actors given: expected none, one or two")
    with open_api(db) as api:
        flt = build_filter(api, kw)
        try:
            rel = api.dyads_table(
                *actors,
                by=by,
                level=level,
                directed=directed,
                start=flt.start,
                end=flt.end,
                type=flt.type,
                unit="mentions" if mentions else "clusters",
                sort=sort,
            )
            if not as_json:  # the first release's keys are for scripts, not for the table
                rel = rel.project(", ".join(c for c in rel.columns if c not in api.DYAD_LEGACY_COLUMNS))
            emit(rel, as_json, table_limit(limit, None if by else 20, as_json))
        except AlianzaError as err:
            fail(str(err))


@click.command()
@DB_OPTION
@JSON_OPTION
@filter_options("dates", "type")
@LEVEL_OPTION
@click.option("--directed", is_flag=True, help="Keep A->B apart from B->A (source is who acted).")
@limit_option(30, "actors and pairs")
def network(db: str | None, as_json: bool, level: str, directed: bool, limit: int | None, **kw: Any) -> None:
    """The alliance network of a period: actors (with name, bloc, activity) and the scores of each pair.

    `--json` writes nodes (`"kind": "node"`) then edges (`"kind": "edge"`), with the attributes of
    the GraphML/GEXF export.

    \b
    Example:
      alianza network --from 2025-01-01 --to 2025-12-31 --json
    """
    with open_api(db) as api:
        flt = build_filter(api, kw)
        try:
            nodes, edges = api.graph(start=flt.start, end=flt.end, level=level, directed=directed, type=flt.type)
        except AlianzaError as err:
            fail(str(err))
    if as_json:
        for r in nodes:
            echo_json({"kind": "node", **r})
        for r in edges:
            echo_json({"kind": "edge", **r})
        return
    n = table_limit(limit, 30, False)
    click.echo("Actors:")
    emit([{k: r[k] for k in ("actor", "name", "bloc", "clusters", "cooperation", "conflict")} for r in nodes], False, n)
    click.echo("\nPairs:")
    emit(
        [{k: r[k] for k in ("source", "target", "clusters", "cooperation", "conflict", "net")} for r in edges], False, n
    )

@click.command()
@DB_OPTION
@JSON_OPTION
@filter_options("dates", "type")
@LEVEL_OPTION
def blocs(db: str | None, as_json: bool, level: str, **kw: Any) -> None:
    """Blocs: communities of the cooperation graph (Louvain, seeded: stable for the same data).

    \b
    Example:
      alianza blocs --from 2025-01-01 --json
    """
    with open_api(db) as api:
        flt = build_filter(api, kw)
        try:
            found = api.blocs(start=flt.start, end=flt.end, level=level, type=flt.type)
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
@DB_OPTION
@JSON_OPTION
@click.option(
    "--to",
    "date_to",
    default=None,
    metavar="YYYY-MM-DD",
    help="Last day of the recent window (default: the last day stored).",
)
@LEVEL_OPTION
@click.option(
    "--window",
    "window_text",
    default="30d",
    show_default=True,
    help="Length of each of the two windows compared (30d, 8w, 3m, 1y).",
)
@filter_options("type")
@limit_option(20, "dyads")
def shifts(
    db: str | None,
    as_json: bool,
    date_to: str | None,
    level: str,
    window_text: str,
    limit: int | None,
    **kw: Any,
) -> None:
    """The dyads whose net score moved most: the last window (ending --to, default the last day
    stored) against the window of the same length before it.

    \b
    Example:
      alianza shifts --window 90d --to 2025-08-31
    """
    from ..aggregate.queries import QueryError, parse_window

    try:
        days = parse_window(window_text)
    except QueryError as err:
        fail(str(err))
    end = parse_day(date_to, "--to")
    with open_api(db) as api:
        flt = build_filter(api, kw)
        try:
            emit(api.shifts(days, end, level, type=flt.type), as_json, table_limit(limit, 20, as_json))
        except AlianzaError as err:
            fail(str(err))


@click.command()
@DB_OPTION
@JSON_OPTION
@filter_options("dates", "actor", "type", "status")
@limit_option(50, "clusters")
def clusters(db: str | None, as_json: bool, limit: int | None, **kw: Any) -> None:
    """Event clusters: each real-world event once, with its mentions, articles and sources.

    \b
    Examples:
      alianza clusters --actor RUS --type consult
      alianza clusters --from 2025-08-01 --json
    """
    with open_api(db) as api:
        flt = build_filter(api, kw)
        try:
            rel = api.clusters(start=flt.start, end=flt.end, actor=flt.actor, type=flt.type, status=flt.status)
            if not as_json:
                rel = rel.project(
                    "day, type, mode, status, source_code AS source, target_code AS target, mentions, articles, "
                    "sources, evidence"
                )
            emit(rel, as_json, table_limit(limit, 50, as_json), {"evidence": 70})
        except AlianzaError as err:
            fail(str(err))

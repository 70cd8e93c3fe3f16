"""The `alianza` command line: a thin shell over the pipeline, the store and the scorer."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from .errors import AlianzaError
from .serialize import ARTICLE_FIELDS
from .store.db import default_db_path

DB_OPTION = click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False),
    default=None,
    help="DuckDB store (default: $ALIANZA_DB, else ./alianza.duckdb).",
)


def _db(db: str | None) -> str:
    return db or default_db_path()


def _echo_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, default=str))


def _table(rows: list[dict[str, Any]], cols: list[str], widths: dict[str, int] | None = None) -> None:
    widths = widths or {}
    if not rows:
        click.echo("  ".join(cols))
        click.echo("(no rows)")
        return
    w = {
        c: min(widths.get(c, 40), max(len(c), *(len(str(r.get(c) if r.get(c) is not None else "")) for r in rows)))
        for c in cols
    }
    click.echo("  ".join(c.ljust(w[c]) for c in cols))
    for r in rows:
        cells = []
        for c in cols:
            v = r.get(c)
            s = "" if v is None else str(v)
            cells.append((s[: w[c] - 1] + "…" if len(s) > w[c] else s).ljust(w[c]))
        click.echo("  ".join(cells).rstrip())


@click.group()
@click.version_option(package_name="alianza")
def cli() -> None:
    """alianza: code news into PLOVER events and a map of who cooperates with and fights whom."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as JSON (stdout).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "html", "feed", "warc", "jsonl"]),
    default=None,
    help="Read every file as this format instead of sniffing each one's content.",
)
@click.option(
    "--text-field", default="text", show_default=True, help="JSONL field with the article text (dotted path)."
)
@click.option("--date-field", default="published", show_default=True, help="JSONL field with the publication date.")
@click.option("--title-field", default="title", show_default=True)
@click.option("--url-field", default="url", show_default=True)
@click.option("--lang-field", default="lang", show_default=True)
@click.option("--author-field", default="author", show_default=True)
@click.option("--section-field", default="section", show_default=True)
@click.option("--lang", default=None, help="Take every article to be in this language (ISO 639-1).")
@click.option(
    "--near-dup",
    type=click.FloatRange(0.0, 1.0),
    default=0.7,
    show_default=True,
    help="Similarity from which an article is a near duplicate of a stored one (MinHash Jaccard).",
)
@click.option("--no-near-dup", is_flag=True, help="Detect exact copies only.")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=32, show_default=True)
@click.option(
    "--cluster-window",
    type=click.IntRange(0, 365),
    default=3,
    show_default=True,
    help="Days within which reports of one type and actor pair are one event (see README, clusters).",
)
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when it is a terminal).")
@click.option("--quiet", is_flag=True, help="Do not list rejected inputs on stderr (they stay in the summary).")
@click.option("--strict", is_flag=True, help="Stop at the first internal error instead of counting it.")
def ingest(
    paths: tuple[Path, ...],
    db: str | None,
    as_json: bool,
    fmt: str | None,
    text_field: str,
    date_field: str,
    title_field: str,
    url_field: str,
    lang_field: str,
    author_field: str,
    section_field: str,
    lang: str | None,
    near_dup: float,
    no_near_dup: bool,
    batch_size: int,
    cluster_window: int,
    progress: bool | None,
    quiet: bool,
    strict: bool,
) -> None:
    """Read files and folders (text, HTML, RSS/Atom, WARC, JSONL; gz/bz2/zip), code and store them.

    Idempotent and resumable: run it again on the same inputs and only what is missing is added.
    Exact and near duplicates get their row, pointing at the original, and are not coded again.
    """
    import logging

    from tqdm import tqdm

    from .aggregate.config import AggregateConfig
    from .ingest.readers import ReadOptions
    from .ingest.records import FieldMap
    from .ingest.run import BatchReport, IngestOptions
    from .ingest.run import ingest as run_ingest
    from .pipeline import Resources

    fields = FieldMap(text_field, date_field, title_field, url_field, lang_field, author_field, section_field)
    opts = IngestOptions(
        read=ReadOptions(fields=fields, format=fmt),
        batch_size=batch_size,
        near_threshold=None if no_near_dup else near_dup,
        lang=lang,
        strict=strict,
        aggregate=AggregateConfig(window_days=cluster_window),
    )
    # trafilatura logs every page it finds no text in; those pages are listed as rejections instead
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(disable=not show, unit=" rec", file=sys.stderr, dynamic_ncols=True, desc="ingest")

    def on_reject(r: Any) -> None:
        if not quiet:
            tqdm.write(f"rejected: {r}", file=sys.stderr)

    def on_progress(rep: BatchReport) -> None:
        bar.update(rep.records - bar.n)
        bar.set_postfix(
            articles=rep.articles,
            events=rep.events,
            dup=rep.exact_duplicates + rep.near_duplicates,
            rejected=len(rep.rejections),
            refresh=False,
        )

    try:
        res = Resources.load()
        report = run_ingest(list(paths), _db(db), res, opts, on_reject=on_reject, on_progress=on_progress)
    except AlianzaError as err:
        raise click.ClickException(str(err)) from err
    finally:
        bar.close()
    if as_json:
        _echo_json(report.as_json())
    else:
        click.echo(report.summary())
    sys.exit(report.exit_code())


def _open_read(db: str | None) -> Any:
    from .store.db import Store

    try:
        return Store(_db(db), read_only=True)
    except AlianzaError as err:
        raise click.ClickException(str(err)) from err


@cli.command()
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line, every Article field.")
@click.option("--limit", type=int, default=None)
def articles(db: str | None, as_json: bool, limit: int | None) -> None:
    """List stored articles."""
    with _open_read(db) as store:
        rows = store.articles(limit)
    if as_json:
        for r in rows:
            _echo_json({k: r[k] for k in ARTICLE_FIELDS})
        return
    _table(rows, ["id", "published", "lang", "section", "author", "title"], {"title": 60})


def _actor(a: dict[str, Any] | None) -> str:
    return "" if not a else (a.get("code") or "")


@cli.command()
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line in the public event shape.")
@click.option("--explain", is_flag=True, help="Show each event's evidence sentence, trigger and rule.")
@click.option("--limit", type=int, default=None)
@click.option("--article", default=None, help="Only this article id.")
def events(db: str | None, as_json: bool, explain: bool, limit: int | None, article: str | None) -> None:
    """List stored events."""
    with _open_read(db) as store:
        rows = store.events(limit, article)
    if as_json:
        for r in rows:
            _echo_json(r)
        return
    if explain:
        for r in rows:
            ev = r["evidence"]
            click.echo(
                f"{r['type']}/{r['mode'] or '-'} {_actor(r['source'])} -> {_actor(r['target'])} "
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
            "source": _actor(r["source"]),
            "target": _actor(r["target"]),
            "status": r["status"],
            "trigger": r["evidence"]["trigger"],
        }
        for r in rows
    ]
    _table(flat, ["date", "type", "mode", "source", "target", "status", "trigger"], {"trigger": 40})


def _fail(message: str) -> NoReturn:
    """Bad input from the user: one line on stderr, exit code 2, nothing written."""
    click.echo(f"alianza: error: {message}", err=True)
    sys.exit(2)


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"{option} {value!r}: expected a date as YYYY-MM-DD")


def _open_api(db: str | None) -> Any:
    from .api import Alianza

    try:
        return Alianza(_db(db), read_only=True)
    except AlianzaError as err:
        raise click.ClickException(str(err)) from err


def _window(date_from: str | None, date_to: str | None) -> Any:
    from .aggregate.queries import Window

    try:
        return Window(_date(date_from, "--from"), _date(date_to, "--to"))
    except AlianzaError as err:
        _fail(str(err))


def _emit(rel_or_rows: Any, as_json: bool, limit: int | None = None, widths: dict[str, int] | None = None) -> None:
    """A relation or a list of dicts as a table (headers even when empty) or as JSON lines."""
    if isinstance(rel_or_rows, list):
        rows = rel_or_rows[:limit] if limit else rel_or_rows
        cols = list(rows[0]) if rows else []
    else:
        rel = rel_or_rows.limit(limit) if limit else rel_or_rows
        cols = list(rel.columns)
        rows = [dict(zip(cols, r, strict=True)) for r in rel.fetchall()]
    if as_json:
        for r in rows:
            _echo_json(r)
        return
    _table(rows, cols, widths)


def _query_options(f: Any) -> Any:
    for opt in reversed(
        [
            DB_OPTION,
            click.option("--json", "as_json", is_flag=True, help="One JSON object per line."),
            click.option("--from", "date_from", default=None, help="First day (YYYY-MM-DD), inclusive."),
            click.option("--to", "date_to", default=None, help="Last day (YYYY-MM-DD), inclusive."),
            click.option(
                "--level",
                type=click.Choice(["country", "sector"]),
                default="country",
                show_default=True,
                help="Actors as countries (organisations by name) or as country + sector codes.",
            ),
        ]
    ):
        f = opt(f)
    return f


@cli.command()
@click.argument("actors", nargs=-1)
@_query_options
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
        _fail(f"{len(actors)} actors given: expected none, one or two")
    window = _window(date_from, date_to)
    with _open_api(db) as api:
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
                    _echo_json(rec)
                return
            _emit(rel, False, limit or (None if by else 20))
        except AlianzaError as err:
            _fail(str(err))


@cli.command()
@_query_options
@click.option("--limit", type=int, default=30, show_default=True)
def network(db: str | None, as_json: bool, date_from: str | None, date_to: str | None, level: str, limit: int) -> None:
    """The alliance network of a period: actors and the scores of each pair."""
    window = _window(date_from, date_to)
    with _open_api(db) as api:
        try:
            nodes, edges = api.network(window, level)
            if as_json:
                for r in _records(nodes):
                    _echo_json({"kind": "node", **r})
                for r in _records(edges):
                    _echo_json({"kind": "edge", **r})
                return
            click.echo("Actors:")
            _emit(nodes, False, limit)
            click.echo("\nPairs:")
            _emit(edges, False, limit)
        except AlianzaError as err:
            _fail(str(err))


def _records(rel: Any) -> list[dict[str, Any]]:
    cols = list(rel.columns)
    return [dict(zip(cols, r, strict=True)) for r in rel.fetchall()]


@cli.command()
@_query_options
def blocs(db: str | None, as_json: bool, date_from: str | None, date_to: str | None, level: str) -> None:
    """Blocs: communities of the cooperation graph (Louvain, seeded: stable for the same data)."""
    window = _window(date_from, date_to)
    with _open_api(db) as api:
        try:
            found = api.blocs(window, level)
        except AlianzaError as err:
            _fail(str(err))
    if as_json:
        for b in found:
            _echo_json(b)
        return
    rows = [
        {"bloc": b["bloc"], "size": b["size"], "score": b["internal_score"], "members": ", ".join(b["members"])}
        for b in found
    ]
    _table(rows, ["bloc", "size", "score", "members"], {"members": 100})


@cli.command()
@_query_options
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
    from .aggregate.queries import QueryError, parse_window

    if date_from is not None:
        _fail("--from does not apply to shifts: the windows end at --to and reach back --window each")
    try:
        days = parse_window(window_text)
    except QueryError as err:
        _fail(str(err))
    end = _date(date_to, "--to")
    with _open_api(db) as api:
        try:
            _emit(api.shifts(days, end, level), as_json, limit)
        except AlianzaError as err:
            _fail(str(err))


@cli.command()
@_query_options
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
    window = _window(date_from, date_to)
    with _open_api(db) as api:
        try:
            rel = api.clusters(window, actor, etype.upper() if etype else None)
            if as_json:
                _emit(rel, True, limit)
                return
            rel = rel.project(
                "day, type, mode, status, source_code AS source, target_code AS target, mentions, articles, sources, evidence"
            )
            _emit(rel, False, limit, {"evidence": 70})
        except AlianzaError as err:
            _fail(str(err))


@cli.command()
@_query_options
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
    from .aggregate.export import FORMATS, WHATS

    if fmt not in FORMATS:
        _fail(f"unknown --format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if what not in WHATS:
        _fail(f"unknown --what {what!r}: expected one of {', '.join(WHATS)}")
    window = _window(date_from, date_to)
    with _open_api(db) as api:
        try:
            path = api.export(what, fmt, out, force=force, window=window, level=level, by=by)
        except AlianzaError as err:
            _fail(str(err))
    if as_json:
        _echo_json({"what": what, "format": fmt, "out": str(path)})
    else:
        click.echo(f"wrote {what} as {fmt} to {path}")


@cli.command()
@click.option(
    "--jsonl",
    "jsonl",
    type=click.File("r", encoding="utf-8"),
    default="-",
    show_default=True,
    help="JSONL records {id, text, lang?, published?} (file or - for stdin).",
)
@click.option("--clean/--no-clean", default=False, help="Strip page chrome first (for raw pages).")
def code(jsonl: Any, clean: bool) -> None:
    """Code JSONL records and write one line {id, events} per record (bad lines are reported on stderr)."""
    import datetime as dt

    from .pipeline import Resources, code_article, make_article
    from .serialize import event_json

    try:
        res = Resources.load()
    except AlianzaError as err:
        raise click.ClickException(str(err)) from err
    bad = 0
    for no, line in enumerate(jsonl, start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                raise ValueError("expected an object with a 'text' string")
            pub = dt.date.fromisoformat(rec["published"][:10]) if rec.get("published") else None
        except (ValueError, TypeError) as err:
            bad += 1
            click.echo(f"{getattr(jsonl, 'name', '-')}:{no}: skipped: {err}", err=True)
            continue
        art = make_article(rec["text"], lang=rec.get("lang"), published=pub, clean=clean)
        coded = code_article(art, res)
        _echo_json({"id": rec.get("id"), "events": [event_json(e) for e in coded.events]})
    sys.exit(1 if bad else 0)


@cli.command(name="eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="All metrics as one JSON object.")
@click.option("--details", is_flag=True, help="Include every record's system and gold events.")
def eval_cmd(gold: tuple[Path, ...], as_json: bool, details: bool) -> None:
    """Score the coder against gold JSONL files (metrics of shared/gold/README.md)."""
    from .eval.run import evaluate
    from .pipeline import Resources

    try:
        result = evaluate(list(gold), Resources.load(), details=details)
    except AlianzaError as err:
        raise click.ClickException(str(err)) from err
    if as_json:
        _echo_json(result)
        return
    rows = []
    for name, s in [*result["datasets"].items(), ("overall", result["overall"])]:
        aa = s["actor_accuracy"]
        rows.append(
            {
                "dataset": name,
                "records": s["records"],
                "type_P": s["type"]["precision"],
                "type_R": s["type"]["recall"],
                "type_F1": s["type"]["f1"],
                "event_P": s["event"]["precision"],
                "event_R": s["event"]["recall"],
                "event_F1": s["event"]["f1"],
                "src_cty": aa["source_country"]["value"],
                "tgt_cty": aa["target_country"]["value"],
                "country": aa["country"]["value"],
                "sector": aa["sector"]["value"],
                "span": s["span_overlap"]["value"],
                "status": s["status_accuracy"]["value"],
                "date": s["date_accuracy"]["value"],
                "article": s["article_fields"]["value"],
                "lost_cheap": s["gold_missed_in_sentences_not_parsed"],
            }
        )
    _table(rows, list(rows[0]))
    click.echo(f"macro event F1 over datasets: {result['macro_event_f1']}")
    click.echo("\nper type (event matching):")
    for name, s in result["datasets"].items():
        per = [{"dataset": name, "type": t, **v} for t, v in s["per_type"].items()]
        _table(per, ["dataset", "type", "tp", "fp", "fn", "precision", "recall", "f1"])


@cli.command()
@click.option(
    "--corpus",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("examples"),
    show_default=True,
    help="Folder of sample pages the synthetic 600-word articles are built from.",
)
@click.option("-n", "--articles", "n", type=click.IntRange(10, 100_000), default=200, show_default=True)
@click.option("--no-ingest", is_flag=True, help="Measure cleaning and coding only, not the store.")
@click.option("--aggregate", is_flag=True, help="Measure aggregation instead, on a synthetic store of --events events.")
@click.option("--events", "n_events", type=click.IntRange(1000, 10**9), default=10_000_000, show_default=True)
@click.option("--json", "as_json", is_flag=True)
def bench(corpus: Path, n: int, no_ingest: bool, aggregate: bool, n_events: int, as_json: bool) -> None:
    """Measure throughput in articles/second/core (one process: one core), or aggregation speed."""
    import logging

    from .eval.bench import run_bench, run_bench_aggregate
    from .pipeline import Resources

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        if aggregate:
            result = run_bench_aggregate(n_events)
        else:
            result = run_bench(Resources.load(), corpus, n, ingest=not no_ingest)
    except AlianzaError as err:
        raise click.ClickException(str(err)) from err
    if as_json:
        _echo_json(result)
        return
    for k, v in result.items():
        click.echo(f"{k:34} {v}")


def main() -> None:
    cli()


if __name__ == "__main__":
    main()

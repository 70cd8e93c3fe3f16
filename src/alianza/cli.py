"""The `alianza` command line: a thin shell over the pipeline, the store and the scorer."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

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
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as JSON.")
@click.option("--strict", is_flag=True, help="Stop at the first internal error instead of counting it.")
def ingest(paths: tuple[Path, ...], db: str | None, as_json: bool, strict: bool) -> None:
    """Read news files and folders, code their events, and store them (idempotent, resumable)."""
    from .ingest.run import ingest as run_ingest
    from .pipeline import Resources
    from .store.db import Store

    try:
        res = Resources.load()
        with Store(_db(db)) as store:
            with click.progressbar(length=0, label="ingest", file=sys.stderr, show_pos=True) as bar:
                report = run_ingest(
                    list(paths),
                    store,
                    res,
                    on_article=lambda: bar.update(1),
                    on_reject=lambda r: click.echo(f"rejected: {r}", err=True),
                    strict=strict,
                )
    except AlianzaError as err:
        raise click.ClickException(str(err)) from err
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


@cli.command()
@DB_OPTION
@click.option("--json", "as_json", is_flag=True)
@click.option("--limit", type=int, default=10)
def dyads(db: str | None, as_json: bool, limit: int) -> None:
    """The actor pairs with the most events, with their mean cooperation/conflict weight."""
    with _open_read(db) as store:
        rows = store.top_dyads(limit)
    if as_json:
        for r in rows:
            _echo_json(r)
        return
    _table(rows, ["a", "b", "events", "mean_weight", "cooperative", "conflictual"])


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


def main() -> None:
    cli()


if __name__ == "__main__":
    main()

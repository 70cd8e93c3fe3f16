"""`alianza eval` and `alianza bench`: accuracy against gold files and throughput."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..errors import AlianzaError
from .common import HOME_OPTION, KB_OPTION, echo_json, store_settings, table

if TYPE_CHECKING:
    from ..records import Home


@click.command(name="eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="All metrics as one JSON object.")
@click.option("--details", is_flag=True, help="Include every record's system and gold events.")
@click.option(
    "--errors",
    "errors_to",
    type=click.Path(dir_okay=False, allow_dash=True),
    default=None,
    help="Write every miss and false alarm with its reason class to this file (.jsonl: JSONL, else TSV; - : stdout).",
)
@HOME_OPTION
@click.option(
    "--system",
    "systems",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score this `code --jsonl` output instead of coding the gold texts; one per gold file, in order "
    "(records matched by id). --home is then the home the output was coded with, not applied again.",
)
@KB_OPTION
def eval_cmd(
    gold: tuple[Path, ...], as_json: bool, details: bool, errors_to: str | None, home: Home, systems: tuple[Path, ...]
) -> None:
    """Score the coder against gold JSONL files (metrics: docs/conventions.md, Evaluation).

    \b
    Examples:
      alianza eval gold/dev/*.jsonl --json
      alianza eval gold/dev/up-fight-es.jsonl --home record
      alianza code --jsonl gold.jsonl --home record > out.jsonl && alianza eval gold.jsonl --system out.jsonl
    """
    from ..eval.run import evaluate
    from ..pipeline import Resources

    err_rows: list[dict[str, Any]] | None = [] if errors_to else None
    try:
        result = evaluate(
            list(gold),
            Resources.load(),
            details=details,
            error_rows=err_rows,
            home=home,
            systems=list(systems) if systems else None,
        )
    except AlianzaError as err:
        raise click.ClickException(str(err)) from err
    if errors_to and err_rows is not None:
        _write_errors(err_rows, errors_to)
        if errors_to == "-":
            return
    if as_json:
        echo_json(result)
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
                "found_if_all_parsed": s["gold_lost_by_cheap_pass"],
            }
        )
    table(rows, list(rows[0]))
    click.echo(f"macro event F1 over datasets: {result['macro_event_f1']}")
    _article_table(result)
    if err_rows:
        from ..eval.errors import reason_counts

        click.echo(f"\nerror classes (rows in {errors_to}):")
        counted = [
            {"dataset": d, "kind": k, "reason": r, "n": n} for (d, k, r), n in sorted(reason_counts(err_rows).items())
        ]
        table(counted, ["dataset", "kind", "reason", "n"])
    click.echo("\nper type (event matching):")
    for name, s in result["datasets"].items():
        per = [{"dataset": name, "type": t, **v} for t, v in s["per_type"].items()]
        if not per:  # a page gold file: fields only, no events
            continue
        table(per, ["dataset", "type", "tp", "fp", "fn", "precision", "recall", "f1"])


def _write_errors(rows: list[dict[str, Any]], to: str) -> None:
    from ..eval.errors import write_rows

    fmt = "jsonl" if to.endswith(".jsonl") else "tsv"
    try:
        with click.open_file(to, "w", encoding="utf-8") as out:
            write_rows(rows, out, fmt)
    except OSError as err:
        raise click.ClickException(f"{to}: cannot write the error table: {err}") from err


def _article_table(result: dict[str, Any]) -> None:
    """Page metadata: the share of pages with each field right, per dataset (language and format)."""
    fields = ["title", "author", "section", "published", "deck", "body_starts", "body_ends", "boilerplate", "dateline"]
    rows = []
    for name, s in [*result["datasets"].items(), ("overall", result["overall"])]:
        per = s.get("article_per_field") or {}
        if per:
            rows.append({"dataset": name, **{f: (per[f]["value"] if f in per else "") for f in fields}})
    if rows:
        click.echo("\narticle fields (share right):")
        table(rows, ["dataset", *fields])


@click.command()
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
@click.option("--serve", "serve", is_flag=True, help="Measure the web UI instead (first network render, dyad page) on that store.")
@click.option(
    "--store",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="With --serve: keep the synthetic store here, or reuse it if it exists.",
)
@click.option(
    "--scale",
    is_flag=True,
    help="The runner at scale: --jobs 1, a 1-worker and a 2-worker local Dask cluster, --scheduler (default -n 2000).",
)
@click.option("--json", "as_json", is_flag=True)
@click.option(
    "--real",
    "real",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Measure on a folder of real articles (one .txt file each; -n per language); repeatable.",
)
@click.option(
    "--compose",
    "compose",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="With --real: also -n 600-word articles made of the paragraphs of this folder's pages.",
)
@click.option("--baseline", is_flag=True, help="With --real: the parse-everything design too, same run, and the ratio.")
@store_settings
def bench(
    corpus: Path,
    n: int,
    no_ingest: bool,
    aggregate: bool,
    n_events: int,
    serve: bool,
    store: Path | None,
    scale: bool,
    as_json: bool,
    real: tuple[Path, ...],
    compose: tuple[Path, ...],
    baseline: bool,
) -> None:
    """Measure throughput in articles/second/core (one process: one core), aggregation or web UI speed.

    \b
    Examples:
      alianza bench -n 200
      alianza bench --aggregate --json
      alianza bench --serve --store /tmp/synthetic.duckdb
      alianza bench --real ../shared/corpus/afp-es --compose benchmarks/en-news --compose examples/en --baseline
      alianza bench --scale
    """
    import logging

    from ..eval.bench import run_bench, run_bench_aggregate
    from ..pipeline import Resources

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        if serve:
            from ..serve.bench import run_bench_serve

            result = run_bench_serve(n_events, store)
        elif aggregate:
            result = run_bench_aggregate(n_events)
        elif real or compose:
            result = _bench_real(real, compose, n, baseline)
        elif scale:
            from ..eval.bench_scale import run_bench_scale

            n_scale = n if click.get_current_context().get_parameter_source("n") != click.core.ParameterSource.DEFAULT else 2000
            result = run_bench_scale(Resources.load(), corpus, n_scale)
        else:
            result = run_bench(Resources.load(), corpus, n, ingest=not no_ingest)
    except AlianzaError as err:
        raise click.ClickException(str(err)) from err
    if as_json:
        echo_json(result)
        return
    for k, v in result.items():
        if isinstance(v, dict):
            click.echo(k)
            for k2, v2 in v.items():
                click.echo(f"  {k2:32} {v2}")
        else:
            click.echo(f"{k:34} {v}")


def _bench_real(real: tuple[Path, ...], compose: tuple[Path, ...], n: int, baseline: bool) -> dict[str, object]:
    from ..eval.bench_real import compose_articles, read_articles, run_bench_real
    from ..pipeline import Resources

    arts = []
    for folder in real:
        found = read_articles(folder)
        per_lang: dict[str | None, int] = {}
        for a in found:
            per_lang[a.lang] = per_lang.get(a.lang, 0) + 1
            if per_lang[a.lang] <= n:
                arts.append(a)
    if compose:
        arts.extend(compose_articles(list(compose), n))
    return run_bench_real(Resources.load(), arts, baseline=baseline)

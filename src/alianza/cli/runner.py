"""`alianza load` and `alianza recode`: the runner's commands besides `ingest` (cli/ingest.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import AlianzaError
from .common import DB_OPTION, db_path, echo_json, parse_day


@click.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@DB_OPTION
@click.option("--json", "as_json", is_flag=True)
@click.option("--cluster-window", type=click.IntRange(0, 365), default=3, show_default=True)
def load(folder: Path, db: str | None, as_json: bool, cluster_window: int) -> None:
    """Load the Parquet shards of `ingest --shards FOLDER` into the store in one pass, then cluster.

    Shards loaded before are skipped, so loading a folder again after more shards landed adds those.

    \b
    Examples:
      alianza ingest /data/ccnews --scheduler tcp://node1:8786 --shards /scratch/shards
      alianza load /scratch/shards --db news.duckdb
    """
    from ..aggregate.clusters import update_clusters
    from ..aggregate.config import AggregateConfig
    from ..scale.shards import load_shards
    from ..store.db import Store

    try:
        with Store(db_path(db)) as store:
            got = load_shards(folder, store)
            upd = update_clusters(store.con, AggregateConfig(window_days=cluster_window))
    except AlianzaError as err:
        raise click.ClickException(str(err)) from err
    got = {**got, "clusters_new": upd.new_clusters, "clusters_touched": upd.recounted}
    if as_json:
        echo_json(got)
    else:
        click.echo(
            f"{got['shards']} shards loaded ({got['already_loaded']} before): {got['articles']} articles, "
            f"{got['events']} events, {got['clusters_new']} new clusters"
        )


@click.command()
@DB_OPTION
@click.option("--lang", default=None, help="Only articles stored in this language.")
@click.option("--as-lang", "set_lang", default=None, help="Code them as this language (a wrong --lang at ingest).")
@click.option("--from", "date_from", default=None, help="Only articles published from this day (YYYY-MM-DD).")
@click.option("--to", "date_to", default=None, help="Only articles published up to this day (YYYY-MM-DD).")
@click.option("--where", default=None, help="An SQL condition on the articles table, e.g. \"site = 'x.org'\".")
@click.option("--force", is_flag=True, help="Also articles already coded by this version (to the same events).")
@click.option("--jobs", type=click.IntRange(1, 4096), default=None, help="Worker processes (default: one per core).")
@click.option("--scheduler", default=None, help="An existing Dask scheduler, tcp://HOST:PORT.")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=32, show_default=True)
@click.option("--json", "as_json", is_flag=True)
def recode(
    db: str | None,
    lang: str | None,
    set_lang: str | None,
    date_from: str | None,
    date_to: str | None,
    where: str | None,
    force: bool,
    jobs: int | None,
    scheduler: str | None,
    batch_size: int,
    as_json: bool,
) -> None:
    """Code stored articles again with the current lexicons and knowledge base, replacing their events.

    Resumable (articles coded by this version are skipped) and idempotent; clusters are brought up to date.

    \b
    Examples:
      alianza recode --db news.duckdb
      alianza recode --lang fr --as-lang es --where "site = 'elpais.com'"
      alianza recode --from 2024-01-01 --to 2024-06-30 --force --jobs 4
    """
    from ..pipeline import Resources
    from ..runner.recode import RecodeOptions
    from ..runner.recode import recode as run_recode
    from ..scale.cluster import make_executor

    path = db_path(db)
    if not Path(path).exists():
        raise click.ClickException(f"{path}: no such store (run `alianza ingest` first)")
    opts = RecodeOptions(
        lang=lang,
        set_lang=set_lang,
        date_from=parse_day(date_from, "--from"),
        date_to=parse_day(date_to, "--to"),
        where=where,
        force=force,
        batch_size=batch_size,
    )
    try:
        res = Resources.load()
        ex = make_executor(res, jobs, scheduler)
        try:
            report = run_recode(path, res, opts, ex)
        finally:
            ex.close()
    except AlianzaError as err:
        raise click.ClickException(str(err)) from err
    if as_json:
        echo_json(report.as_json())
    else:
        click.echo(report.summary())
    sys.exit(1 if report.failures and not report.recoded else 0)

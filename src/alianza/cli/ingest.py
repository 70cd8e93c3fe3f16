"""`alianza ingest` and `alianza code`: reading inputs, coding them, storing them (or printing events)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..errors import AlianzaError
from .common import (
    DB_OPTION,
    HOME_OPTION,
    KB_OPTION,
    check_inputs,
    db_path,
    echo_json,
    setting_callback,
    settings_for,
    store_settings,
)

if TYPE_CHECKING:
    from ..records import Home


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@DB_OPTION
@KB_OPTION
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
    default=None,
    help="Days within which reports of one type and actor pair are one event (default: the settings "
    "file's cluster_window_days, else 3; see README, clusters).",
)
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when it is a terminal).")
@click.option("--quiet", is_flag=True, help="Do not list rejected inputs on stderr (they stay in the summary).")
@click.option("--strict", is_flag=True, help="Stop at the first internal error instead of counting it.")
@click.option("--follow-links", is_flag=True, help="Follow links to folders (each folder is entered once).")
@click.option(
    "--file-timeout",
    type=click.FloatRange(0),
    default=None,
    expose_value=False,
    callback=setting_callback,
    help="Seconds one document's reading or one article's coding may take, 0 for none "
    "(default: $ALIANZA_FILE_TIMEOUT, the config file, else 30).",
)
@store_settings
@click.option(
    "--jobs",
    type=click.IntRange(1, 4096),
    default=None,
    help="Worker processes on a local Dask cluster (default: one per core, but an input under 2 MB runs "
    "in this process, where a cluster costs more than it saves; 1: this process alone).",
)
@click.option("--scheduler", default=None, help="Run on an existing Dask cluster: its scheduler, tcp://HOST:PORT.")
@click.option(
    "--shards",
    type=click.Path(file_okay=False),
    default=None,
    help="Workers write Parquet shards into this folder instead of the store; then `alianza load DIR`.",
)
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
    cluster_window: int | None,
    progress: bool | None,
    quiet: bool,
    strict: bool,
    follow_links: bool,
    jobs: int | None,
    scheduler: str | None,
    shards: str | None,
) -> None:
    """Read files and folders (text, HTML, RSS/Atom, WARC, JSONL; gz/bz2/zip), code and store them.

    Idempotent and resumable: run it again on the same inputs and only what is missing is added.
    Exact and near duplicates get their row, pointing at the original, and are not coded again.

    \b
    Examples:
      alianza ingest news/ --db corpus.duckdb
      alianza ingest dump.jsonl.gz --text-field body --date-field meta.date --json
    """
    import logging

    from tqdm import tqdm

    from ..config import settings
    from ..ingest.readers import ReadOptions
    from ..ingest.records import FieldMap
    from ..pipeline import Resources
    from ..runner.run import BatchReport, IngestOptions
    from ..runner.run import ingest as run_ingest

    check_inputs(paths)  # no store file is created for a run with nothing to read
    fields = FieldMap(text_field, date_field, title_field, url_field, lang_field, author_field, section_field)
    opts = IngestOptions(
        read=ReadOptions(fields=fields, format=fmt, follow_links=follow_links),
        batch_size=batch_size,
        near_threshold=None if no_near_dup else near_dup,
        lang=lang,
        strict=strict,
        aggregate=_aggregate(db, cluster_window),
        file_timeout=settings().file_timeout,
        jobs=jobs,
        scheduler=scheduler,
        shards=shards,
    )
    # trafilatura logs every page it finds no text in; those pages are listed as rejections instead
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    show = sys.stderr.isatty() if progress is None else progress
    total = None
    if show:  # files are counted first (a walk without reading), records as they come
        from ..ingest.readers import walk

        total = sum(1 for item in walk(list(paths), opts.read) if isinstance(item, Path))
    bar = tqdm(disable=not show, total=total, unit=" files", file=sys.stderr, dynamic_ncols=True, desc="ingest")

    def on_reject(r: Any) -> None:
        if not quiet:
            tqdm.write(f"rejected: {r}", file=sys.stderr)

    def on_progress(rep: BatchReport) -> None:
        bar.update(rep.files - bar.n)
        bar.set_postfix(
            records=rep.records,
            rec_s=round(rep.rate, 1),
            articles=rep.articles,
            events=rep.events,
            dup=rep.exact_duplicates + rep.near_duplicates,
            rejected=len(rep.rejections),
            refresh=False,
        )

    try:
        res = Resources.load()
        report = run_ingest(list(paths), db_path(db), res, opts, on_reject=on_reject, on_progress=on_progress)
    except AlianzaError as err:
        raise click.ClickException(str(err)) from err
    finally:
        bar.close()
    if as_json:
        echo_json(report.as_json())
    else:
        click.echo(report.summary())
    if report.interrupted:
        click.echo("interrupted: what was written is kept; run again to resume", err=True)
    sys.exit(report.exit_code())


def _aggregate(db: str | None, cluster_window: int | None) -> Any:
    """The settings file's aggregation settings, with --cluster-window over them when given."""
    import dataclasses

    cfg = settings_for(db)
    return cfg if cluster_window is None else dataclasses.replace(cfg, window_days=cluster_window)


@click.command()
@click.option(
    "--jsonl",
    "jsonl",
    type=click.File("r", encoding="utf-8"),
    default="-",
    show_default=True,
    help="JSONL records {id, text, lang?, published?} (file or - for stdin).",
)
@click.option(
    "--clean/--no-clean",
    default=None,
    help="Strip page chrome first; default: only from texts in paragraphs (saved pages), as eval does.",
)
@HOME_OPTION
@KB_OPTION
def code(jsonl: Any, clean: bool | None, home: Home) -> None:
    """Code JSONL records and write one line {id, events} per record (bad lines are reported on stderr).

    \b
    Example:
      echo '{"id": "1", "text": "Russian troops attacked Kharkiv.", "lang": "en"}' | alianza code --jsonl -

    The records of one input are coded as `alianza eval` codes a gold file (records.py): one source,
    unless --home record codes each one on its own (as `eval --home record` does).
    """
    from ..pipeline import Resources
    from ..records import Record, code_records, parse_record
    from ..serialize import event_json

    try:
        res = Resources.load()
    except AlianzaError as err:
        raise click.ClickException(str(err)) from err
    bad = 0
    name = getattr(jsonl, "name", "-")
    records: list[Record] = []
    for no, line in enumerate(jsonl, start=1):
        if not line.strip():
            continue
        try:
            records.append(parse_record(json.loads(line)))
        except (ValueError, TypeError) as err:
            bad += 1
            click.echo(f"{name}:{no}: skipped: {err}", err=True)
    for rec, coded in code_records(records, res, input_name=name, clean=clean, home=home):
        echo_json({"id": rec.id, "events": [event_json(e) for e in coded.events]})
    sys.exit(1 if bad else 0)

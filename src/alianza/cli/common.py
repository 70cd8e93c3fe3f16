"""What every command group shares: the store option, tables, JSON lines, one error style, date windows."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any, NoReturn

import click

from ..errors import AlianzaError
from ..store.db import default_db_path

DB_OPTION = click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False),
    default=None,
    help="DuckDB store (default: $ALIANZA_DB, else ./alianza.duckdb).",
)


def setting_callback(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Hand a machine setting to config.py (where it wins over $ALIANZA_* and the config file)."""
    from ..config import ConfigError, set_overrides, settings

    if value is not None and param.name:
        set_overrides(**{param.name: value})
        try:
            settings()
        except ConfigError as err:
            raise click.BadParameter(str(err)) from err
    return value


# The store's share of the machine (config.py): on `ingest` and `bench`, not exposed to the command.
STORE_SETTINGS = (
    click.option(
        "--memory-limit",
        default=None,
        expose_value=False,
        callback=setting_callback,
        help="DuckDB memory limit, e.g. 2GB (default: $ALIANZA_MEMORY_LIMIT, the config file, else 1/4 of RAM).",
    ),
    click.option(
        "--threads",
        type=click.IntRange(1, 1024),
        default=None,
        expose_value=False,
        callback=setting_callback,
        help="DuckDB threads (default: $ALIANZA_THREADS, the config file, else half the cores).",
    ),
)


def store_settings(f: Any) -> Any:
    for option in reversed(STORE_SETTINGS):
        f = option(f)
    return f


def db_path(db: str | None) -> str:
    return db or default_db_path()


def echo_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, default=str))


def table(rows: list[dict[str, Any]], cols: list[str], widths: dict[str, int] | None = None) -> None:
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


def open_store(db: str | None) -> Any:
    from ..store.db import Store

    try:
        return Store(db_path(db), read_only=True)
    except AlianzaError as err:
        raise click.ClickException(str(err)) from err


def actor_code(a: dict[str, Any] | None) -> str:
    return "" if not a else (a.get("code") or "")


def fail(message: str) -> NoReturn:
    """Bad input from the user: one line on stderr, exit code 2, nothing written."""
    click.echo(f"alianza: error: {message}", err=True)
    sys.exit(2)


def parse_day(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{option} {value!r}: expected a date as YYYY-MM-DD")


def open_api(db: str | None) -> Any:
    from ..api import Alianza

    try:
        return Alianza(db_path(db), read_only=True)
    except AlianzaError as err:
        raise click.ClickException(str(err)) from err


def window_of(date_from: str | None, date_to: str | None) -> Any:
    from ..aggregate.queries import Window

    try:
        return Window(parse_day(date_from, "--from"), parse_day(date_to, "--to"))
    except AlianzaError as err:
        fail(str(err))


def emit(rel_or_rows: Any, as_json: bool, limit: int | None = None, widths: dict[str, int] | None = None) -> None:
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
            echo_json(r)
        return
    table(rows, cols, widths)


def query_options(f: Any) -> Any:
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


def records(rel: Any) -> list[dict[str, Any]]:
    cols = list(rel.columns)
    return [dict(zip(cols, r, strict=True)) for r in rel.fetchall()]

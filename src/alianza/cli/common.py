"""What every command group shares: the store option, tables, JSON lines, one error style, date windows,
the filter options of the query commands.

The error style, everywhere: one line on stderr, `alianza: error: ...`; exit code 2 for bad usage
(click's own usage errors included, through `AlianzaGroup`), 1 for runs that read nothing. No
traceback reaches the user for an `AlianzaError` or a DuckDB error.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import click

from ..errors import AlianzaError
from ..store.db import default_db_path

F = TypeVar("F", bound=Callable[..., Any])

_DB = click.option(
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
def _path_to_env(value: str | None, env: str, option: str, folder: bool) -> str | None:
    """An eager path option exported to the environment, so that every reader in this process and in
    the workers it starts (which inherit the environment) sees the same path."""
    import os
    from pathlib import Path

    if value:
        path = Path(value)
        if not (path.is_dir() if folder else path.is_file()):
            fail(f"{option} {value}: no such {'folder' if folder else 'file'}")
        os.environ[env] = str(path.resolve())
    return value


def _set_config(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """`--config` sets `$ALIANZA_CONFIG` for this run: every settings reader finds the same file."""
    from ..config import CONFIG_ENV

    return _path_to_env(value, CONFIG_ENV, "--config", folder=False)


_CONFIG = click.option(
    "--config",
    type=click.Path(dir_okay=False),
    default=None,
    expose_value=False,
    is_eager=True,
    callback=_set_config,
    help="Settings file (default: $ALIANZA_CONFIG, else alianza.toml next to the store, else ./alianza.toml).",
)


def DB_OPTION(f: F) -> F:  # noqa: N802 - used as a decorator constant, as before
    """`--db` and `--config`: the store and the settings that go with it."""
    return _CONFIG(_DB(f))


def settings_for(db: str | None) -> Any:
    """The aggregation settings of the store's settings file (docs/knowledge.md); a bad file fails
    with exit 2. Sets `$ALIANZA_CONFIG` to the file found, so that the store's and the runner's own
    settings (memory, threads, jobs) come from the same file."""
    import os

    from ..aggregate.config import aggregate_config
    from ..config import CONFIG_ENV, find_config

    try:
        path = find_config(db_path(db))
        if path is not None:
            os.environ.setdefault(CONFIG_ENV, str(path.resolve()))
        return aggregate_config(path)
    except AlianzaError as err:
        fail(str(err))


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
        fail(str(err))

def actor_code(a: dict[str, Any] | None) -> str:
    return "" if not a else (a.get("code") or "")


def fail(message: str, code: int = 2) -> NoReturn:
    """Bad input from the user: one line on stderr, exit code 2, nothing written."""
    click.echo(f"alianza: error: {one_line(message)}", err=True)
    sys.exit(code)


def warn(message: str) -> None:
    click.echo(f"alianza: {one_line(message)}", err=True)


def one_line(message: str) -> str:
    return "; ".join(part.strip() for part in str(message).strip().splitlines() if part.strip())


# click >= 8.2 raises this for a group called without a command (earlier versions print the help)
_NO_ARGS_IS_HELP: Any = getattr(click.exceptions, "NoArgsIsHelpError", ())


class AlianzaGroup(click.Group):
    """The command group with the one error style: click's usage errors ("No such option"), our
    `AlianzaError`s and DuckDB errors all end as one `alianza: error: ...` line, never a traceback."""

    def main(self, *args: Any, **kwargs: Any) -> Any:  # noqa: D102 - click's entry point
        import duckdb

        kwargs["standalone_mode"] = False
        kwargs["prog_name"] = "alianza"  # also under `python -m alianza.cli` and in tests
        try:
            rv = super().main(*args, **kwargs)
        except _NO_ARGS_IS_HELP as err:  # `alianza`, `alianza kb`: the help, as asked
            click.echo(err.ctx.get_help() if err.ctx else err.format_message())
            sys.exit(0)
        except click.UsageError as err:
            cmd = err.ctx.command_path if err.ctx else "alianza"
            fail(f"{err.format_message()} (see `{cmd} --help`)")
        except click.ClickException as err:
            fail(err.format_message(), err.exit_code)
        except click.Abort:
            fail("interrupted", 130)
        except AlianzaError as err:
            fail(str(err))
        except duckdb.Error as err:
            fail(f"the store could not answer: {err}", 1)
        if isinstance(rv, int) and rv:
            sys.exit(rv)
        return rv


def parse_day(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{option} {value!r}: expected a date as YYYY-MM-DD")


def open_api(db: str | None) -> Any:
    from ..api import Alianza

    config = settings_for(db)
    try:
        return Alianza(db_path(db), read_only=True, config=config)
    except AlianzaError as err:
        fail(str(err))


def window_of(date_from: str | None, date_to: str | None) -> Any:
    from ..aggregate.queries import Window

    try:
        return Window(parse_day(date_from, "--from"), parse_day(date_to, "--to"))
    except AlianzaError as err:
        fail(str(err))


def emit(rel_or_rows: Any, as_json: bool, limit: int | None = None, widths: dict[str, int] | None = None) -> None:
    """A relation or a list of dicts as a table (headers even when empty) or as JSON lines. When
    `limit` cuts the rows, stderr says how many were left out."""
    if isinstance(rel_or_rows, list):
        total = len(rel_or_rows)
        rows = rel_or_rows[:limit] if limit else rel_or_rows
        cols = list(rows[0]) if rows else []
    else:
        rel = rel_or_rows
        cols = list(rel.columns)
        total = int(rel.aggregate("count(*)").fetchall()[0][0]) if limit else 0
        rows = [dict(zip(cols, r, strict=True)) for r in (rel.limit(limit) if limit else rel).fetchall()]
    if as_json:
        for r in rows:
            echo_json(r)
    else:
        table(rows, cols, widths)
    if limit:
        note_cut(len(rows), total)


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


_TYPES_HELP = (
    "PLOVER type, any case: AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT "
    "THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT."
)
_FILTER_OPTIONS: dict[str, list[Any]] = {
    "dates": [
        click.option("--from", "date_from", default=None, metavar="YYYY-MM-DD", help="First day, inclusive."),
        click.option("--to", "date_to", default=None, metavar="YYYY-MM-DD", help="Last day, inclusive."),
    ],
    "actor": [
        click.option(
            "--actor",
            default=None,
            help='Only with this actor on either side: a code (RUS, "RUS GOV", "IGO NATO") or a name '
            "(Russia, Rusia, Kremlin, EU); `alianza actors` lists them.",
        )
    ],
    "type": [click.option("--type", "etype", default=None, metavar="TYPE", help=_TYPES_HELP)],
    "status": [
        click.option(
            "--status",
            type=click.Choice(["occurred", "planned", "negated", "hypothetical", "claimed"], case_sensitive=False),
            default=None,
            help="Only events of this status.",
        )
    ],
    "lang": [
        click.option("--lang", default=None, metavar="LANG", help="Only articles in this language (es, en, ...).")
    ],
    "source": [
        click.option(
            "--source",
            default=None,
            metavar="SITE",
            help="Only articles from this site (example.org, subdomains included) or file/feed path.",
        )
    ],
}
FILTER_KEYS = {"date_from", "date_to", "actor", "etype", "status", "lang", "source"}


def filter_options(*groups: str) -> Callable[[F], F]:
    """The filter options named (`dates`, `actor`, `type`, `status`, `lang`, `source`), in that order."""

    def deco(f: F) -> F:
        for g in reversed(groups):
            for opt in reversed(_FILTER_OPTIONS[g]):
                f = opt(f)
        return f

    return deco


def build_filter(api: Any, kw: dict[str, Any], **extra: Any) -> Any:
    """An `EventFilter` from the command's filter options (checked; a bad value fails with exit 2)."""
    try:
        return api.filter(
            actor=kw.get("actor"),
            type=kw.get("etype"),
            start=kw.get("date_from"),
            end=kw.get("date_to"),
            status=kw.get("status"),
            lang=kw.get("lang"),
            source=kw.get("source"),
            **extra,
        )
    except AlianzaError as err:
        fail(str(err))


def limit_option(default: int | None, what: str = "rows") -> Callable[[F], F]:
    shown = f" (default: {default} in the table; --json writes all)" if default else ""
    return click.option("--limit", type=click.IntRange(min=1), default=None, help=f"At most this many {what}{shown}.")


def table_limit(limit: int | None, default: int | None, as_json: bool) -> int | None:
    """A display limit cuts tables only: `--json` is never cut unless --limit is given."""
    if limit is not None:
        return limit
    return None if as_json else default


def note_cut(shown: int, total: int) -> None:
    if shown < total:
        warn(f"showing {shown} of {total} rows (--limit N for more, --json for all)")


def check_inputs(paths: Any) -> None:
    """Before a store is opened for writing: a path that does not exist is an error (exit 2) when
    nothing else is given, and a folder without files a warning; when nothing at all is there to
    read, the run ends (exit 1) before any store file is created."""
    from pathlib import Path

    missing = [p for p in paths if not Path(p).exists()]
    if missing and len(missing) == len(paths):
        fail(f"{missing[0]}: no such file or folder" + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""))
    found = 0
    for p in map(Path, paths):
        if p.is_dir():
            n = next((1 for q in p.rglob("*") if q.is_file()), 0)
            if not n:
                warn(f"{p}: no files found")
            found += n
        elif p.exists():
            found += 1
    if not found:
        fail("nothing to read: no files found in the paths given", 1)


def _set_kb_dir(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """`--kb-dir` sets `$ALIANZA_KB` for this process and the workers it starts (the loaders read it)."""
    from ..datafiles import OVERLAY_ENV

    return _path_to_env(value, OVERLAY_ENV, "--kb-dir", folder=True)


KB_OPTION = click.option(
    "--kb-dir",
    type=click.Path(file_okay=False),
    default=None,
    expose_value=False,
    is_eager=True,
    callback=_set_kb_dir,
    help="Your own knowledge (people, groups, places, lexicon entries) merged over the packaged data "
    "(default: $ALIANZA_KB); check it with `alianza kb validate DIR`.",
)

HOME_OPTION = click.option(
    "--home",
    type=click.Choice(["input", "record"]),
    default="input",
    show_default=True,
    help="Source home country of bare sector nouns: input = the one the places of all the input's "
    "records tell (an input is one source); record = none, each record only says what it says itself.",
)

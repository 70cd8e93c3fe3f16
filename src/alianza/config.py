"""The settings file, and the run settings that are about the machine, not the data: how much memory
and how many threads the store may take, how long one file may hold an ingest.

One file holds every setting (docs/knowledge.md): `find_config` finds it and `read_config` reads it
for every reader, so that the store, the runner and the aggregation (`aggregate/config.py`, which
interprets the [aggregate] table) can never see two different files. It is `--config` /
`$ALIANZA_CONFIG`, else `alianza.toml` next to the store, else in the working folder, else
`~/.config/alianza/config.toml`.

Each machine setting is looked up, first found wins: the command-line option (`set_overrides`,
which the CLI calls), the environment (`ALIANZA_MEMORY_LIMIT`, `ALIANZA_THREADS`,
`ALIANZA_FILE_TIMEOUT`), the settings file, the default. The defaults leave room for the coder: DuckDB on its own takes 80 % of the memory and
every core, and spaCy's models and the coder's working set live in the same process.

    [store]
    memory_limit = "2GB"   # any DuckDB size: "512MB", "4GiB", ...
    threads = 2
    [ingest]
    file_timeout = 30      # seconds one file's reading, or one article's coding, may take
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import AlianzaError

STORE_MEMORY_SHARE = 0.25  # of physical memory
STORE_MEMORY_FLOOR = 256 * 1024**2
DEFAULT_FILE_TIMEOUT = 30.0
# Dask's own periodic work in each worker (and in the scheduler of the local cluster, which lives
# in the driver's process): by default the worker samples every thread's stack every 10 ms for the
# dashboard's profile, ticks its event loop every 20 ms, reads its memory every 100 ms and the
# machine's counters every 500 ms. On one-thread workers that code for seconds per task this cost
# 13-15 % of the task's CPU (measured 2026-12-03: 96 bench articles, 7.7 s on the task thread, 1.0-1.3 s
# more in the worker's event loop; 0.1 s with these settings). The runner sets them on the local
# clusters it starts; users of `--scheduler` set them on their own workers (README, scale-out).
DASK_SETTINGS: dict[str, object] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|tb|kib|mib|gib|tib)?\s*$", re.I)
_UNITS = {
    "b": 1,
    "kb": 1000,
    "mb": 1000**2,
    "gb": 1000**3,
    "tb": 1000**4,
    "kib": 1024,
    "mib": 1024**2,
    "gib": 1024**3,
    "tib": 1024**4,
}
CONFIG_ENV = "ALIANZA_CONFIG"
CONFIG_NAME = "alianza.toml"
_overrides: dict[str, Any] = {}


class ConfigError(AlianzaError):
    """A setting has a value that cannot be used; the message names the setting and where it was."""


@dataclass(frozen=True, slots=True)
class Settings:
    memory_limit: str  # as DuckDB reads it ("1.5GB")
    threads: int
    file_timeout: float  # 0: no deadline

    def duckdb_config(self) -> dict[str, str | bool | int | float | list[str]]:
        return {"memory_limit": self.memory_limit, "threads": self.threads}


def parse_size(value: str, where: str) -> int:
    """'2GB', '512MiB', '1000000' -> bytes; a clear error naming `where` otherwise."""
    m = _SIZE.match(str(value))
    if not m:
        raise ConfigError(f"{where}: {value!r} is not a size (expected e.g. 2GB, 512MB, 1.5GiB)")
    n = int(float(m[1]) * _UNITS[(m[2] or "b").lower()])
    if n < 64 * 1024**2:
        raise ConfigError(f"{where}: {value!r} is under 64MB, too little for the store")
    return n


def _physical_memory() -> int:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 4 * 1024**3


def default_memory_limit() -> str:
    share = max(STORE_MEMORY_FLOOR, int(_physical_memory() * STORE_MEMORY_SHARE))
    return f"{share // 1024**2}MiB"


def default_threads() -> int:
    return max(1, (os.cpu_count() or 2) // 2)


def find_config(db: str | None = None) -> Path | None:
    """`--config`/`$ALIANZA_CONFIG`, else `alianza.toml` next to the store, else in the working
    folder, else the user's `~/.config/alianza/config.toml`; None when there is none."""
    explicit = os.environ.get(CONFIG_ENV)
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{path}: no such config file ({CONFIG_ENV} or --config)")
        return path
    folders = ([Path(db).resolve().parent] if db else []) + [Path.cwd()]
    for candidate in [f / CONFIG_NAME for f in folders] + [Path.home() / ".config" / "alianza" / "config.toml"]:
        if candidate.is_file():
            return candidate
    return None


def read_config(path: Path) -> dict[str, Any]:
    """The whole settings file as TOML tables (read again on each call: it is small, and a long
    `serve` sees an edit)."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"{path}: cannot read the config file: {err}") from err


def _file_values(path: Path | None) -> dict[str, Any]:
    if path is None:
        return {}
    data = read_config(path)
    out: dict[str, Any] = {}
    for section in ("store", "ingest"):
        table = data.get(section, {})
        if isinstance(table, dict):
            out.update({k: (v, f"{path} [{section}] {k}") for k, v in table.items()})
    return out


def _lookup(key: str, env: str) -> tuple[Any, str] | None:
    if _overrides.get(key) is not None:
        return _overrides[key], f"--{key.replace('_', '-')}"
    if os.environ.get(env):
        return os.environ[env], env
    got: tuple[Any, str] | None = _file_values(find_config()).get(key)
    return got


def _number(value: Any, where: str, kind: type[int] | type[float], low: float) -> Any:
    try:
        n = kind(value)
    except (TypeError, ValueError) as err:
        raise ConfigError(f"{where}: {value!r} is not a number") from err
    if n < low:
        raise ConfigError(f"{where}: {value!r} is below {low}")
    return n


def settings() -> Settings:
    """The settings in force now (cheap: call it where they are needed, not once at import)."""
    mem = _lookup("memory_limit", "ALIANZA_MEMORY_LIMIT")
    memory_limit = default_memory_limit() if mem is None else f"{parse_size(str(mem[0]), mem[1]) // 1024**2}MiB"
    thr = _lookup("threads", "ALIANZA_THREADS")
    threads = default_threads() if thr is None else int(_number(thr[0], thr[1], int, 1))
    ft = _lookup("file_timeout", "ALIANZA_FILE_TIMEOUT")
    timeout = DEFAULT_FILE_TIMEOUT if ft is None else float(_number(ft[0], ft[1], float, 0))
    return Settings(memory_limit, threads, timeout)


def threads_configured() -> bool:
    """Whether the store's threads were given (option, environment, settings file), not defaulted:
    a process with no coder in it (`alianza serve`) may then take every core."""
    return _lookup("threads", "ALIANZA_THREADS") is not None


def set_overrides(**values: Any) -> None:
    """Command-line values (None: not given). They win over the environment and the file."""
    _overrides.update(values)

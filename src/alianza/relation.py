"""What the API's query methods return: a DuckDB relation whose `.df()`, `.pl()` and `.arrow()`
say which extra to install when pandas, polars or pyarrow are missing (DuckDB's own message names
the library, not how alianza ships it). Everything else is the DuckDB relation's own: every method
and attribute passes through, and relations it returns come back wrapped the same way.
"""

from __future__ import annotations

import importlib
from typing import Any

import duckdb

EXTRA = "analysis"
_NEEDS = {"df": ("pandas", "numpy"), "pl": ("polars", "pyarrow"), "arrow": ("pyarrow",)}


class MissingExtraError(ImportError):
    """A library of the `analysis` extra is not installed; the message says what to install."""


def _importable(module: str) -> bool:
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


def require(method: str) -> None:
    missing = [m for m in _NEEDS[method] if not _importable(m)]
    if missing:
        raise MissingExtraError(
            f".{method}() needs {' and '.join(missing)}: pip install 'alianza[{EXTRA}]' (pandas, polars, pyarrow)"
        )


class Relation:
    """A DuckDB relation (`.relation`), lazy as DuckDB's: use it while the store is open."""

    __slots__ = ("relation",)

    def __init__(self, relation: duckdb.DuckDBPyRelation) -> None:
        self.relation = relation

    def __getattr__(self, name: str) -> Any:
        value = getattr(self.relation, name)
        if not callable(value):
            return value

        def call(*args: Any, **kwargs: Any) -> Any:
            out = value(*args, **kwargs)
            return Relation(out) if isinstance(out, duckdb.DuckDBPyRelation) else out

        return call

    def df(self, *args: Any, **kwargs: Any) -> Any:
        """A pandas DataFrame (needs `alianza[analysis]`)."""
        require("df")
        return self.relation.df(*args, **kwargs)

    def pl(self, *args: Any, **kwargs: Any) -> Any:
        """A polars DataFrame (needs `alianza[analysis]`)."""
        require("pl")
        return self.relation.pl(*args, **kwargs)

    def arrow(self, *args: Any, **kwargs: Any) -> Any:
        """A pyarrow Table (needs `alianza[analysis]`)."""
        require("arrow")
        return self.relation.arrow(*args, **kwargs)

    def __len__(self) -> int:
        return len(self.relation)

    def __repr__(self) -> str:
        return repr(self.relation)

    def __str__(self) -> str:
        return str(self.relation)

"""Aggregation settings, in one place. Every command and the Python API take an `AggregateConfig`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import ConfigError, read_config

# Which statuses weigh in scores, and how much. Planned, hypothetical and negated events are kept,
# clustered and shown, but by default they do not move a dyad's score: a summit announced is not a
# summit held, and "Russia will not attack" is not an attack.
DEFAULT_STATUS_WEIGHTS: Mapping[str, float] = {
    "occurred": 1.0,
    "claimed": 1.0,
    "planned": 0.0,
    "hypothetical": 0.0,
    "negated": 0.0,
}

# Statuses that may share a cluster: a claimed and a confirmed report of one event are one event;
# a planned meeting and the meeting held later are two.
STATUS_CLASS: Mapping[str, str] = {
    "occurred": "asserted",
    "claimed": "asserted",
    "planned": "planned",
    "hypothetical": "hypothetical",
    "negated": "negated",
}

QUADS = ("verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict")
PERIODS = ("day", "week", "month", "quarter", "year")


@dataclass(frozen=True, slots=True)
class AggregateConfig:
    """`window_days`: two reports of the same type and actor pair are one event when their dates
    (the event's resolved date, else the article's publication date) lie within this many days of
    the cluster's first date, and their places agree (or one has none). Three days covers a story
    reported on the day, the day after and in a weekend round-up, without merging weekly rounds of
    talks."""

    window_days: int = 3
    status_weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_STATUS_WEIGHTS))
    # PLOVER type -> weight used in scores instead of the ontology's (an analyst's own scale)
    type_weights: Mapping[str, float] = field(default_factory=dict)

    def weight_sql(self, column: str = "weight", type_column: str = "type") -> str:
        """The score weight of a row: the configured weight of its type, else its own."""
        if not self.type_weights:
            return column
        whens = " ".join(f"WHEN '{k}' THEN {float(v)}" for k, v in sorted(self.type_weights.items()))
        return f"(CASE {type_column} {whens} ELSE {column} END)"

    def status_factor_sql(self, column: str = "status") -> str:
        """A SQL CASE turning a status into its score factor (statuses are from a closed set)."""
        whens = " ".join(f"WHEN '{k}' THEN {float(v)}" for k, v in sorted(self.status_weights.items()))
        return f"(CASE {column} {whens} ELSE 0.0 END)"


def status_class_sql(column: str = "status") -> str:
    whens = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in STATUS_CLASS.items())
    return f"(CASE {column} {whens} ELSE {column} END)"


# -- the [aggregate] table of the settings file -----------------------------------------------
# One TOML file holds every setting; `alianza.config` finds and reads it for every reader.
_AGGREGATE_KEYS = ("cluster_window_days", "status_weights", "type_weights")


def _weights(path: Path, key: str, raw: Any, allowed: tuple[str, ...], low: float, high: float) -> dict[str, float]:
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: [aggregate.{key}] must be a table of name = number")
    out = {}
    for name, value in raw.items():
        k = name.lower() if key == "status_weights" else name.upper()
        if k not in allowed:
            raise ConfigError(f"{path}: [aggregate.{key}] {name!r}: expected one of {', '.join(allowed)}")
        if not isinstance(value, int | float) or not low <= float(value) <= high:
            raise ConfigError(f"{path}: [aggregate.{key}] {name} = {value!r}: expected a number in {low}..{high}")
        out[k] = float(value)
    return out


def aggregate_config(path: Path | None) -> AggregateConfig:
    """The [aggregate] table of a settings file over the defaults (no file: the defaults)."""
    if path is None:
        return AggregateConfig()
    table = read_config(path).get("aggregate") or {}
    unknown = set(table) - set(_AGGREGATE_KEYS)
    if unknown:
        raise ConfigError(f"{path}: [aggregate] {sorted(unknown)[0]!r}: expected one of {', '.join(_AGGREGATE_KEYS)}")
    window = table.get("cluster_window_days", 3)
    if not isinstance(window, int) or not 0 <= window <= 365:
        raise ConfigError(f"{path}: [aggregate] cluster_window_days = {window!r}: expected whole days, 0..365")
    statuses = tuple(DEFAULT_STATUS_WEIGHTS)
    status = {
        **DEFAULT_STATUS_WEIGHTS,
        **_weights(path, "status_weights", table.get("status_weights", {}), statuses, 0, 10),
    }
    from ..events.ontology import load_ontology

    types = _weights(path, "type_weights", table.get("type_weights", {}), tuple(load_ontology()), -10, 10)
    return AggregateConfig(window_days=window, status_weights=status, type_weights=types)

"""Aggregation settings, in one place. Every command and the Python API take an `AggregateConfig`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

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

    def status_factor_sql(self, column: str = "status") -> str:
        """A SQL CASE turning a status into its score factor (statuses are from a closed set)."""
        whens = " ".join(f"WHEN '{k}' THEN {float(v)}" for k, v in sorted(self.status_weights.items()))
        return f"(CASE {column} {whens} ELSE 0.0 END)"


def status_class_sql(column: str = "status") -> str:
    whens = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in STATUS_CLASS.items())
    return f"(CASE {column} {whens} ELSE {column} END)"

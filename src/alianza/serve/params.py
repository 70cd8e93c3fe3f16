"""Request parameters, checked before any query runs: a bad value is a 400 naming it, never a 500.

Every value a page or an `/api/` endpoint takes passes through here and comes out typed (dates as
`datetime.date`, closed sets checked against the ontology), so the SQL in `data.py` only ever sees
values it binds as parameters. The frozen query types double as cache keys for layouts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from ..aggregate.config import QUADS
from ..aggregate.queries import LEVELS, QueryError

MAX_EDGES = 50_000  # the 10M-event benchmark year has about 45,000 dyads
DEFAULT_EDGES = 2_000  # what a browser draws at once without stalling; the rest is one click away
MAX_PAGE_SIZE = 200
STATUSES = ("occurred", "claimed", "planned", "hypothetical", "negated")
EVENT_SORTS = {  # the name in the URL -> the column it sorts by (a closed set: SQL text is safe)
    "date": "e.event_day",
    "type": "e.type",
    "actor": "e.source_code",
    "target": "e.target_code",
    "status": "e.status",
    "language": "a.lang",
    "source": "coalesce(a.site, a.source)",
}


class BadRequest(QueryError):
    """A request value the server refuses; the message is the reason shown to the user."""


class NotFound(QueryError):
    """Something the request names that the store does not hold (an actor, a cluster, a page)."""


@cache
def plover_types() -> tuple[str, ...]:
    from ..events.ontology import load_ontology

    return tuple(sorted(load_ontology()))


def day(value: str | None, name: str) -> dt.date | None:
    if value is None or value.strip() == "":
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise BadRequest(f"{name}={value!r}: expected a date as YYYY-MM-DD") from None


def choices(value: str | None, name: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    """A comma-separated subset of a closed set ('' or absent: no filter)."""
    if not value:
        return ()
    got = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    bad = [v for v in got if v not in allowed]
    if bad:
        raise BadRequest(f"{name}={','.join(bad)!r}: expected any of {', '.join(allowed)}")
    return tuple(sorted(got))


def level(value: str | None) -> str:
    v = value or "country"
    if v not in LEVELS:
        raise BadRequest(f"level={v!r}: expected one of {', '.join(LEVELS)}")
    return v


def bounded(value: int | None, name: str, low: int, high: int, default: int) -> int:
    v = default if value is None else value
    if not low <= v <= high:
        raise BadRequest(f"{name}={v}: expected a whole number from {low} to {high}")
    return v


def actor(value: str | None, name: str = "actor") -> str | None:
    """An actor code as typed ('rus', 'RUS  GOV'): upper case, single spaces; checked against the store later."""
    if value is None or not value.strip():
        return None
    code = " ".join(value.upper().split())
    if len(code) > 40:
        raise BadRequest(f"{name}={value[:40]!r}…: expected an actor code such as RUS, RUS GOV or IGO NATO")
    return code


@dataclass(frozen=True, slots=True)
class Period:
    start: dt.date | None = None
    end: dt.date | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise BadRequest(f"from={self.start} is after to={self.end}: expected from <= to")


@dataclass(frozen=True, slots=True)
class NetQuery:
    """The network page's filters. Frozen and hashable: the key of the layout cache."""

    period: Period = Period()
    quads: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    level: str = "country"
    min_clusters: int = 1
    max_edges: int = DEFAULT_EDGES
    actor: str | None = None


def net_query(
    date_from: str | None,
    date_to: str | None,
    quad: str | None,
    type_: str | None,
    level_: str | None,
    min_clusters: int | None,
    max_edges: int | None,
    actor_: str | None = None,
) -> NetQuery:
    return NetQuery(
        period=Period(day(date_from, "from"), day(date_to, "to")),
        quads=choices(quad, "quad", QUADS),
        types=choices(type_, "type", plover_types()),
        level=level(level_),
        min_clusters=bounded(min_clusters, "min_clusters", 1, 1_000_000, 1),
        max_edges=bounded(max_edges, "max_edges", 1, MAX_EDGES, DEFAULT_EDGES),
        actor=actor(actor_),
    )


@dataclass(frozen=True, slots=True)
class EventQuery:
    """The events table's filters, sort and page."""

    period: Period = Period()
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    actor: str | None = None
    lang: str | None = None
    source: str | None = None
    sort: str = "date"
    descending: bool = False
    page: int = 1
    per_page: int = 50


def event_query(
    date_from: str | None = None,
    date_to: str | None = None,
    type_: str | None = None,
    status: str | None = None,
    actor_: str | None = None,
    lang: str | None = None,
    source: str | None = None,
    sort: str | None = None,
    page: int | None = None,
    per_page: int | None = None,
) -> EventQuery:
    s = sort or "date"
    desc = s.startswith("-")
    key = s.lstrip("-")
    if key not in EVENT_SORTS:
        raise BadRequest(f"sort={s!r}: expected one of {', '.join(EVENT_SORTS)} (prefix - for descending)")
    lg = (lang or "").strip().lower() or None
    if lg is not None and not (lg.isalpha() and len(lg) <= 8):
        raise BadRequest(f"lang={lang!r}: expected a language code such as es or en")
    src = (source or "").strip() or None
    if src is not None and len(src) > 200:
        raise BadRequest("source: expected a site or file name of at most 200 characters")
    return EventQuery(
        period=Period(day(date_from, "from"), day(date_to, "to")),
        types=choices(type_, "type", plover_types()),
        statuses=choices(status, "status", STATUSES),
        actor=actor(actor_),
        lang=lg,
        source=src,
        sort=key,
        descending=desc,
        page=bounded(page, "page", 1, 10_000_000, 1),
        per_page=bounded(per_page, "per_page", 1, MAX_PAGE_SIZE, 50),
    )

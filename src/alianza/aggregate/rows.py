"""The one flat event row: what `alianza events` shows, `--json` writes, every table export holds
and `db.events()` returns. One definition, so that a column means the same thing everywhere.

Every field of the public event (DESIGN.md's nested shape) is here, flattened: both sides as
`source_*` and `target_*`, the place, the quantity and the evidence, plus what an analyst joins on
(event, cluster and article ids) and reads by (the article's title, site, URL and date). The
`event_day` is never empty when the article has a date: the event's own date when the sentence
gives one, else the publication date, and `day_precision` says which (`day`, `month`, `year`, or
`published`). CAMEO codes are text: `"057"` stays `"057"` in CSV and in pandas.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import duckdb

from ..errors import AlianzaError
from ..types import STATUSES

# (column, SQL over `events e`, `articles a`, `event_cluster_members m`, DuckDB type), in output order.
_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("event_id", "e.id", "VARCHAR"),
    ("cluster_id", "m.cluster_id", "VARCHAR"),
    ("article_id", "e.article_id", "VARCHAR"),
    ("article_title", "a.title", "VARCHAR"),
    ("site", "a.site", "VARCHAR"),
    ("article_source", "a.source", "VARCHAR"),
    ("url", "coalesce(a.url, a.source)", "VARCHAR"),
    ("published", "a.published", "DATE"),
    ("lang", "a.lang", "VARCHAR"),
    ("date", "e.date", "VARCHAR"),
    ("date_precision", "e.date_precision", "VARCHAR"),
    ("event_day", "e.event_day", "DATE"),
    (
        "day_precision",
        "CASE WHEN e.date IS NOT NULL THEN e.date_precision WHEN e.event_day IS NOT NULL THEN 'published' END",
        "VARCHAR",
    ),
    ("type", "e.type", "VARCHAR"),
    ("mode", "e.mode", "VARCHAR"),
    ("cameo", "e.cameo", "VARCHAR"),
    ("quad", "e.quad", "VARCHAR"),
    ("weight", "e.weight", "DOUBLE"),
    ("status", "e.status", "VARCHAR"),
    ("claimed_by", "e.json->>'$.claimed_by.code'", "VARCHAR"),
    ("claimed_by_name", "coalesce(e.json->>'$.claimed_by.name', e.json->>'$.claimed_by.text')", "VARCHAR"),
    # codes from the table's own columns (stores written without the JSON, e.g. the benchmark's,
    # have them too); the words and how they were found from the event's JSON
    *(
        (
            f"{side}_{part}",
            f"e.{side}_{part}" if part in ("code", "country", "sector", "name") else f"e.json->>'$.{side}.{part}'",
            "VARCHAR",
        )
        for side in ("source", "target")
        for part in ("code", "country", "sector", "name", "text", "how")
    ),
    ("place_name", "e.place", "VARCHAR"),
    ("place_country", "e.json->>'$.place.country'", "VARCHAR"),
    ("place_lat", "e.json->>'$.place.lat'", "DOUBLE"),
    ("place_lon", "e.json->>'$.place.lon'", "DOUBLE"),
    ("quantity_low", "e.json->>'$.quantity.low'", "DOUBLE"),
    ("quantity_high", "e.json->>'$.quantity.high'", "DOUBLE"),
    ("quantity_unit", "e.json->>'$.quantity.unit'", "VARCHAR"),
    ("trigger", "e.trigger", "VARCHAR"),
    ("trigger_start", "e.json->>'$.evidence.trigger_start'", "INTEGER"),
    ("trigger_end", "e.json->>'$.evidence.trigger_end'", "INTEGER"),
    ("sentence", "e.sentence", "INTEGER"),
    ("sentence_start", "e.start_char", "INTEGER"),
    ("sentence_end", "e.end_char", "INTEGER"),
    ("evidence", "e.json->>'$.evidence.text'", "VARCHAR"),
    ("rule", "e.rule", "VARCHAR"),
    ("confidence", "e.confidence", "DOUBLE"),
    ("mentions", "e.mentions", "INTEGER"),
)
# The JSON is parsed once per row: every `e.json->>'$.path'` above becomes an element of one
# `json_extract_string(json, [paths])` list (one parse instead of fifteen).
_JSON_PATHS: list[str] = []


def _one_parse(sql: str) -> str:
    def sub(m: re.Match[str]) -> str:
        if m[1] not in _JSON_PATHS:
            _JSON_PATHS.append(m[1])
        return f"e.j[{_JSON_PATHS.index(m[1]) + 1}]"

    return re.sub(r"e\.json->>'(\$[^']+)'", sub, sql)


_FIELDS = tuple((name, _one_parse(sql), typ) for name, sql, typ in _FIELDS)
EVENT_ROW_COLUMNS: tuple[str, ...] = tuple(f[0] for f in _FIELDS)
EVENT_ROW_TYPES: dict[str, str] = {f[0]: f[2] for f in _FIELDS}


def _select(name: str, sql: str, typ: str) -> str:
    return f"CAST({sql} AS {typ}) AS {name}"


EVENT_ROW_SELECT = ",\n    ".join(_select(*f) for f in _FIELDS)
_PATHS_SQL = ", ".join(f"'{p}'" for p in _JSON_PATHS)
_FROM = (
    f"FROM (SELECT *, json_extract_string(json, [{_PATHS_SQL}]) AS j FROM events) e "
    "JOIN articles a ON a.id = e.article_id LEFT JOIN event_cluster_members m ON m.event_id = e.id"
)
_ORDER = "ORDER BY e.event_day NULLS LAST, e.article_id, e.sentence, e.id"


class FilterError(AlianzaError):
    """A bad filter value: the message names it and lists what is accepted."""


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events a query keeps. Every value is already checked (see `make_filter`)."""

    start: dt.date | None = None
    end: dt.date | None = None
    actor: str | None = None  # a code as stored: RUS, "RUS GOV", "IGO NATO"
    type: str | None = None
    status: str | None = None
    lang: str | None = None
    source: str | None = None  # a site (host name), or the file/feed an article came from
    article: str | None = None

    def where(self, day: str = "e.event_day") -> tuple[str, dict[str, Any]]:
        """A SQL condition over `events e` joined with `articles a`, and its parameters."""
        conds = ["TRUE"]
        params: dict[str, Any] = {}
        if self.start:
            conds.append(f"{day} >= $f_start")
            params["f_start"] = self.start
        if self.end:
            conds.append(f"{day} <= $f_end")
            params["f_end"] = self.end
        if self.actor:
            conds.append("$f_actor IN (e.source_country, e.target_country, e.source_code, e.target_code)")
            params["f_actor"] = self.actor
        for key, col in (("type", "e.type"), ("status", "e.status"), ("lang", "a.lang"), ("article", "e.article_id")):
            value = getattr(self, key)
            if value:
                conds.append(f"{col} = $f_{key}")
                params[f"f_{key}"] = value
        if self.source:
            conds.append(source_condition("a", "$f_source"))
            params["f_source"] = self.source
        return " AND ".join(conds), params


def source_condition(alias: str, param: str) -> str:
    """A site matches itself and its subdomains (`example.org` finds `www.example.org`); a file or
    feed matches its path as stored."""
    return (
        f"(lower({alias}.site) = lower({param}) OR lower({alias}.site) LIKE '%.' || lower({param}) "
        f"OR {alias}.source = {param} OR {alias}.url = {param})"
    )


def event_rows_sql(flt: EventFilter) -> tuple[str, dict[str, Any]]:
    cond, params = flt.where()
    return f"SELECT\n    {EVENT_ROW_SELECT}\n{_FROM}\nWHERE {cond}\n{_ORDER}", params


def nested_sql(flt: EventFilter) -> tuple[str, dict[str, Any]]:
    """The public nested shape (DESIGN.md), one `json` column, under the same filter."""
    cond, params = flt.where()
    return f"SELECT e.json {_FROM} WHERE {cond} {_ORDER}", params


def as_date(value: dt.date | str | None, name: str) -> dt.date | None:
    """A date from a `datetime.date`, a `datetime` or an ISO string (`2024-06-01`)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise FilterError(f"{name} {value!r}: expected a date as YYYY-MM-DD") from None


def check_type(value: str | None) -> str | None:
    """A PLOVER type in any case (`consult`, `Consult`); an error naming the 16 otherwise."""
    if not value:
        return None
    from ..events.ontology import load_ontology

    types = load_ontology()
    got = value.strip().upper()
    if got not in types:
        raise FilterError(f"unknown type {value!r}: expected one of {', '.join(types)}")
    return got


def check_status(value: str | None) -> str | None:
    if not value:
        return None
    got = value.strip().lower()
    if got not in STATUSES:
        raise FilterError(f"unknown status {value!r}: expected one of {', '.join(STATUSES)}")
    return got


def check_lang(value: str | None) -> str | None:
    if not value:
        return None
    got = value.strip().lower()
    if len(got) != 2 or not got.isalpha():
        raise FilterError(f"bad language {value!r}: expected an ISO 639-1 code such as es, en, fr")
    return got


def check_source(con: duckdb.DuckDBPyConnection, value: str | None) -> str | None:
    """A site or file that some stored article came from; else an error listing a few that did."""
    if not value:
        return None
    got = value.strip()
    hit = con.execute(f"SELECT 1 FROM articles a WHERE {source_condition('a', '$s')} LIMIT 1", {"s": got}).fetchall()
    if hit:
        return got
    sites = [
        r[0]
        for r in con.execute("SELECT DISTINCT site FROM articles WHERE site IS NOT NULL ORDER BY 1 LIMIT 8").fetchall()
    ]
    listed = ", ".join(sites) if sites else "none stored"
    raise FilterError(f"unknown source {value!r}: expected a site or file of the store's articles ({listed})")


def make_filter(
    con: duckdb.DuckDBPyConnection,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    actor: str | None = None,
    type: str | None = None,  # noqa: A002 - the user's word
    status: str | None = None,
    lang: str | None = None,
    source: str | None = None,
    article: str | None = None,
) -> EventFilter:
    """Check every value the user gave and build the filter; raises `FilterError` (or the actor
    lookup's `QueryError`) with one clear message."""
    from .actorlookup import resolve_actor

    s, e = as_date(start, "--from"), as_date(end, "--to")
    if s and e and s > e:
        raise FilterError(f"--from {s} is after --to {e}: expected from <= to")
    return EventFilter(
        start=s,
        end=e,
        actor=resolve_actor(con, actor) if actor else None,
        type=check_type(type),
        status=check_status(status),
        lang=check_lang(lang),
        source=check_source(con, source),
        article=article or None,
    )

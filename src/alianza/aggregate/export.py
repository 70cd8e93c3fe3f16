"""Exports: events, clusters, dyads, the network or articles as CSV, Parquet, JSON Lines, GDELT TSV,
GraphML, GEXF. Event rows are the one flat row of `rows.py`; graphs come from `graph.py`.

Files are written to a temporary name beside the target and renamed at the end, so a failed or
interrupted export never leaves a partial file under the name asked for. Tables go through DuckDB's
own writers (typed Parquet: dates as DATE, codes as VARCHAR); graphs through networkx.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from ..errors import AlianzaError
from .rows import EventFilter

FORMATS = ("csv", "parquet", "jsonl", "gdelt", "graphml", "gexf")
WHATS = ("events", "clusters", "dyads", "network", "articles")
GRAPH_FORMATS = ("graphml", "gexf")
# Which --what each --format writes (export --help prints this table).
PAIRS: dict[str, tuple[str, ...]] = {
    "csv": WHATS,
    "parquet": WHATS,
    "jsonl": WHATS,
    "gdelt": ("events", "clusters"),
    "graphml": ("network",),
    "gexf": ("network",),
}
STDOUT_FORMATS = ("csv", "jsonl", "gdelt")  # --out - writes these to standard output

# GDELT 2.0 event table, in its documented order (GDELT-Event_Codebook-V2.0).
GDELT_COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
# GDELT's QuadClass comes from the CAMEO root: 01-05 verbal cooperation, 06-09 material cooperation,
# 10-14 verbal conflict (PROTEST, root 14, included), 15-20 material conflict. PLOVER files PROTEST
# under material conflict; the `quad` column of our own rows keeps PLOVER's class (docs/conventions.md).
_QUAD_CLASS = (
    "CASE WHEN try_cast(left(cameo, 2) AS INTEGER) BETWEEN 1 AND 5 THEN 1 "
    "WHEN try_cast(left(cameo, 2) AS INTEGER) BETWEEN 6 AND 9 THEN 2 "
    "WHEN try_cast(left(cameo, 2) AS INTEGER) BETWEEN 10 AND 14 THEN 3 "
    "WHEN try_cast(left(cameo, 2) AS INTEGER) BETWEEN 15 AND 20 THEN 4 END"
)
COUNTRIES_TABLE = "alianza_countries"  # alpha3, fips, name: a temporary table (read-only stores allow it)


class ExportError(AlianzaError):
    pass


def _known(country: str) -> str:
    return f"({country} IS NOT NULL AND {country} NOT IN ('IGO', '---', ''))"


def _actor_sql(prefix: str, n: int) -> list[str]:
    code, country, sector, name, text = (f"{prefix}_{x}" for x in ("code", "country", "sector", "name", "text"))
    return [
        # an unknown country is no part of a GDELT code: "--- GOV" is "GOV"
        f"nullif(replace(replace({code}, '---', ''), ' ', ''), '') AS Actor{n}Code",
        f"coalesce({name}, {text}, {prefix}_country_name, CASE WHEN {country} = 'IGO' THEN {sector} END) AS Actor{n}Name",
        f"CASE WHEN {_known(country)} THEN {country} END AS Actor{n}CountryCode",
        f"CASE WHEN {country} = 'IGO' THEN {sector} END AS Actor{n}KnownGroupCode",
        f"NULL AS Actor{n}EthnicCode",
        f"NULL AS Actor{n}Religion1Code",
        f"NULL AS Actor{n}Religion2Code",
        f"CASE WHEN {country} <> 'IGO' AND {sector} <> '' THEN {sector} END AS Actor{n}Type1Code",
        f"NULL AS Actor{n}Type2Code",
        f"NULL AS Actor{n}Type3Code",
    ]


def _actor_geo(prefix: str, n: int) -> list[str]:
    """A side's geography is its country (GDELT type 1); no coordinates are claimed for it."""
    c = f"{prefix}_country"
    known = _known(c)
    return [
        f"CASE WHEN {known} THEN 1 END AS Actor{n}Geo_Type",
        f"CASE WHEN {known} THEN {prefix}_country_name END AS Actor{n}Geo_FullName",
        f"CASE WHEN {known} THEN {prefix}_country_fips END AS Actor{n}Geo_CountryCode",
        f"NULL AS Actor{n}Geo_ADM1Code",
        f"NULL AS Actor{n}Geo_ADM2Code",
        f"NULL AS Actor{n}Geo_Lat",
        f"NULL AS Actor{n}Geo_Long",
        f"CASE WHEN {known} THEN {prefix}_country_fips END AS Actor{n}Geo_FeatureID",
    ]


def _action_geo() -> list[str]:
    """The event's place: a country (GDELT type 1) when it is one (the knowledge base gives cities
    coordinates and countries none, or the name is the country's), written by its English name;
    else a world city or place (type 4) as `Name, Country`, with its coordinates."""
    is_country = "(place_lat IS NULL OR lower(place_name) = lower(place_country_name))"
    country = f"place_name IS NOT NULL AND place_country_name IS NOT NULL AND {is_country}"
    return [
        f"CASE WHEN place_name IS NULL THEN NULL WHEN {country} THEN 1 ELSE 4 END AS ActionGeo_Type",
        f"CASE WHEN {country} THEN place_country_name WHEN place_country_name IS NULL THEN place_name "
        "ELSE place_name || ', ' || place_country_name END AS ActionGeo_FullName",
        "place_country_fips AS ActionGeo_CountryCode",
        "NULL AS ActionGeo_ADM1Code",
        "NULL AS ActionGeo_ADM2Code",
        "place_lat AS ActionGeo_Lat",
        "place_lon AS ActionGeo_Long",
        f"CASE WHEN place_name IS NULL THEN NULL WHEN {country} THEN place_country_fips ELSE place_name END AS ActionGeo_FeatureID",
    ]


def gdelt_sql(source_sql: str) -> str:
    """GDELT 2.0 rows from a query with the columns of `gdelt_source` (per event or per cluster).

    GlobalEventID is derived from our event (or cluster) id, so it is the same in every export of
    the same store: 60 bits of its MD5, a positive BIGINT."""
    cols = [
        "CAST('0x' || left(md5(id), 15) AS BIGINT) AS GlobalEventID",
        "CAST(strftime(day, '%Y%m%d') AS INTEGER) AS Day",
        "CAST(strftime(day, '%Y%m') AS INTEGER) AS MonthYear",
        "year(day) AS Year",
        "round(year(day) + (dayofyear(day) - 1) / 365.0, 4) AS FractionDate",
        *_actor_sql("source", 1),
        *_actor_sql("target", 2),
        "1 AS IsRootEvent",
        "cameo AS EventCode",
        "left(cameo, 3) AS EventBaseCode",
        "left(cameo, 2) AS EventRootCode",
        f"{_QUAD_CLASS} AS QuadClass",
        "weight AS GoldsteinScale",
        "mentions AS NumMentions",
        "sources AS NumSources",
        "articles AS NumArticles",
        "NULL AS AvgTone",
        *_actor_geo("source", 1),
        *_actor_geo("target", 2),
        *_action_geo(),
        "CAST(strftime(coalesce(added, day), '%Y%m%d%H%M%S') AS BIGINT) AS DATEADDED",
        "url AS SOURCEURL",
    ]
    joins = " ".join(
        f"LEFT JOIN {COUNTRIES_TABLE} {a} ON {a}.alpha3 = src.{col}"
        for a, col in (("cs", "source_country"), ("ct", "target_country"), ("cp", "place_country"))
    )
    names = (
        "src.*, cs.name AS source_country_name, cs.fips AS source_country_fips, ct.name AS target_country_name, "
        "ct.fips AS target_country_fips, cp.name AS place_country_name, cp.fips AS place_country_fips"
    )
    return (
        f"SELECT {', '.join(cols)} FROM (SELECT {names} FROM ({source_sql}) src {joins}) g ORDER BY Day, GlobalEventID"
    )


def ensure_countries(con: duckdb.DuckDBPyConnection) -> None:
    """The ISO table GDELT rows join on, as a temporary table of this connection."""
    from .graph import country_table

    rows = [(fips or "", a3, name) for a3, _a2, name, fips in country_table()]
    con.execute(f"CREATE OR REPLACE TEMP TABLE {COUNTRIES_TABLE} (alpha3 VARCHAR, fips VARCHAR, name VARCHAR)")
    con.execute(
        f"INSERT INTO {COUNTRIES_TABLE} SELECT unnest($a3), nullif(unnest($a2), ''), unnest($n)",
        {"a3": [r[1] for r in rows], "a2": [r[0] for r in rows], "n": [r[2] for r in rows]},
    )


def atomic_write(out: Path, force: bool, write: Callable[[Path], None]) -> None:
    """Write through `write(tmp)` then rename; refuse to overwrite without `force`."""
    out = Path(out)
    if out.exists() and not force:
        raise ExportError(f"{out}: exists; expected a new path, or --force to replace it")
    if out.is_dir():
        raise ExportError(f"{out}: is a folder; expected a file path")
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise ExportError(f"{out}: cannot be written: folder {parent} does not exist")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=parent)
    except OSError as err:
        raise ExportError(f"{out}: cannot be written: {err.strerror or err}") from err
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.unlink()  # DuckDB and networkx create the file themselves
        write(tmp)
        os.replace(tmp, out)
    except (OSError, duckdb.Error) as err:
        raise ExportError(f"{out}: cannot be written: {err}") from err
    finally:
        if tmp.exists():
            tmp.unlink()


def gdelt_source(what: str, flt: EventFilter) -> tuple[str, dict[str, Any]]:
    """SQL with the columns `gdelt_sql` reads, per event or per cluster, under a filter."""
    side_cols = ", ".join(
        f"e.json->>'$.{side}.{p}' AS {side}_{p}"
        for side in ("source", "target")
        for p in ("code", "country", "sector", "name", "text")
    )
    place_cols = (
        "e.json->>'$.place.name' AS place_name, e.json->>'$.place.country' AS place_country, "
        "CAST(e.json->>'$.place.lat' AS DOUBLE) AS place_lat, CAST(e.json->>'$.place.lon' AS DOUBLE) AS place_lon"
    )
    if what == "clusters":
        cond, params = flt.where(day="c.day")
        for col in ("type", "status", "source_", "target_"):  # the cluster's own columns, not its representative's
            cond = cond.replace(f"e.{col}", f"c.{col}")
        # sides, place and URL of the cluster's representative event; DATEADDED its first ingest
        return (
            f"SELECT c.id, c.day, {side_cols}, c.cameo, c.weight, c.mentions, c.sources, c.articles, {place_cols}, "
            "coalesce(a.url, a.source) AS url, (SELECT min(aa.ingested_at) FROM event_cluster_members mm "
            "JOIN events ee ON ee.id = mm.event_id JOIN articles aa ON aa.id = ee.article_id "
            "WHERE mm.cluster_id = c.id) AS added "
            "FROM event_clusters c JOIN events e ON e.id = c.representative JOIN articles a ON a.id = e.article_id "
            f"WHERE c.day IS NOT NULL AND {cond}"
        ), params
    cond, params = flt.where()
    return (
        f"SELECT e.id, e.event_day AS day, {side_cols}, e.cameo, e.weight, "
        "coalesce(c.mentions, e.mentions) AS mentions, coalesce(c.sources, 1) AS sources, "
        f"coalesce(c.articles, 1) AS articles, {place_cols}, coalesce(a.url, a.source) AS url, a.ingested_at AS added "
        "FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN event_cluster_members m ON m.event_id = e.id "
        f"LEFT JOIN event_clusters c ON c.id = m.cluster_id WHERE e.event_day IS NOT NULL AND {cond}"
    ), params


def write_table(rel: duckdb.DuckDBPyRelation, fmt: str, path: Path) -> None:
    if fmt == "csv":
        rel.write_csv(str(path), header=True)
    elif fmt == "parquet":
        rel.write_parquet(str(path), compression="zstd")
    elif fmt == "gdelt":
        rel.write_csv(str(path), sep="\t", header=True)
    elif fmt == "jsonl":
        # DuckDB writes the file: no Python loop over rows. A single `json` column holds the public
        # event shape already (one line each, json.dumps escapes newlines) and is written as is.
        view = "alianza_export"
        target = str(path).replace("'", "''")
        opts = (
            "FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER '\x1f'"
            if rel.columns == ["json"]
            else "FORMAT json"
        )
        rel.query(view, f"COPY {view} TO '{target}' ({opts})")
    else:
        raise ExportError(f"format {fmt!r} is for graphs: expected --what network")


def write_stdout(rel: duckdb.DuckDBPyRelation, fmt: str) -> None:
    """`--out -`: DuckDB writes a temporary file, which is copied to standard output (binary safe)."""
    import shutil
    import sys

    fd, name = tempfile.mkstemp(prefix=".alianza-export.", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        tmp.unlink()
        write_table(rel, fmt, tmp)
        sys.stdout.flush()
        with tmp.open("rb") as fh:
            shutil.copyfileobj(fh, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    except duckdb.Error as err:
        raise ExportError(f"standard output: cannot be written: {err}") from err
    finally:
        if tmp.exists():
            tmp.unlink()

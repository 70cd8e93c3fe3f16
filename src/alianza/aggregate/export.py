"""Exports: events, clusters, dyads or the network as CSV, Parquet, JSON Lines, GDELT TSV, GraphML, GEXF.

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

FORMATS = ("csv", "parquet", "jsonl", "gdelt", "graphml", "gexf")
WHATS = ("events", "clusters", "dyads", "network")
GRAPH_FORMATS = ("graphml", "gexf")

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
_QUAD_CLASS = "CASE quad WHEN 'verbal-cooperation' THEN 1 WHEN 'material-cooperation' THEN 2 WHEN 'verbal-conflict' THEN 3 WHEN 'material-conflict' THEN 4 END"


class ExportError(AlianzaError):
    pass


def _actor_sql(prefix: str, n: int) -> list[str]:
    code, country, sector, name = (f"{prefix}_{x}" for x in ("code", "country", "sector", "name"))
    return [
        f"replace({code}, ' ', '') AS Actor{n}Code",
        f"{name} AS Actor{n}Name",
        f"CASE WHEN {country} NOT IN ('IGO', '---') THEN {country} END AS Actor{n}CountryCode",
        f"CASE WHEN {country} = 'IGO' THEN {sector} END AS Actor{n}KnownGroupCode",
        f"NULL AS Actor{n}EthnicCode",
        f"NULL AS Actor{n}Religion1Code",
        f"NULL AS Actor{n}Religion2Code",
        f"CASE WHEN {country} <> 'IGO' THEN {sector} END AS Actor{n}Type1Code",
        f"NULL AS Actor{n}Type2Code",
        f"NULL AS Actor{n}Type3Code",
    ]


def _geo_empty(prefix: str) -> list[str]:
    return [
        f"NULL AS {prefix}_{c}"
        for c in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    ]


def gdelt_sql(source_sql: str) -> str:
    """GDELT rows from a query with cluster-level columns (see `Alianza.gdelt_source`)."""
    cols = [
        "row_number() OVER (ORDER BY day, id) AS GlobalEventID",
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
        *_geo_empty("Actor1Geo"),
        *_geo_empty("Actor2Geo"),
        "CASE WHEN place IS NOT NULL THEN 4 END AS ActionGeo_Type",
        "place AS ActionGeo_FullName",
        *[f"NULL AS ActionGeo_{c}" for c in ("CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
        "CAST(strftime(coalesce(added, day), '%Y%m%d%H%M%S') AS BIGINT) AS DATEADDED",
        "url AS SOURCEURL",
    ]
    return f"SELECT {', '.join(cols)} FROM ({source_sql}) src"


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


def write_graph(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], fmt: str, path: Path) -> None:
    import networkx as nx

    g = nx.Graph()
    for n in nodes:
        g.add_node(n["actor"], **{k: (0 if v is None else v) for k, v in n.items() if k != "actor"})
    for e in edges:
        g.add_edge(
            e["source"],
            e["target"],
            **{k: (0 if v is None else v) for k, v in e.items() if k not in ("source", "target")},
        )
    if fmt == "graphml":
        nx.write_graphml(g, path)
    else:
        nx.write_gexf(g, path)

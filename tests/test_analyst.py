"""Issue 18: every output read back with the reader its users use (pandas, pyarrow, networkx, csv),
the filters and the error style of the query commands, the Python API."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner

import alianza
from alianza.aggregate.export import GDELT_COLUMNS
from alianza.aggregate.rows import EVENT_ROW_COLUMNS
from alianza.cli import cli
from alianza.errors import LanguageError
from alianza.pipeline import Resources
from alianza.runner.run import ingest

from .conftest import PUBLIC_EVENT_KEYS, ROOT

TYPES = "AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST"

# Our own sentences: an attack by no one named (inferred side: context), a protest, a meeting.
EXTRA = [
    {
        "text": "Gunmen attacked a village in northern Mali on Sunday, killing twelve civilians, officials said.",
        "url": "https://sahel.example.org/mali-attack",
        "published": "2025-03-10",
        "lang": "en",
    },
    {
        "text": "Thousands of students protested in Nairobi on Tuesday against the new finance bill.",
        "url": "https://www.nairobi-news.example.com/protest",
        "published": "2025-03-11",
        "lang": "en",
    },
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, res: Resources) -> Path:
    root = tmp_path_factory.mktemp("analyst")
    extra = root / "extra.jsonl"
    extra.write_text("".join(json.dumps(r) + "\n" for r in EXTRA), encoding="utf-8")
    path = root / "a.duckdb"
    ingest([ROOT / "examples", extra], path, res)
    return path


def run(*args: str) -> tuple[int, str, str]:
    out = CliRunner().invoke(cli, list(args))
    return out.exit_code, out.stdout, out.stderr


def test_event_row_is_one_and_the_same_in_json_csv_parquet_jsonl_and_the_api(db: Path, tmp_path: Path) -> None:
    code, out, _err = run("events", "--db", str(db), "--json", "--flat")
    assert code == 0
    rows = [json.loads(x) for x in out.splitlines()]
    assert rows and all(list(r) == list(EVENT_ROW_COLUMNS) for r in rows)
    assert all(r["event_day"] for r in rows)  # resolved, else the publication day
    assert {r["day_precision"] for r in rows} >= {"day", "published"}
    with alianza.open(db) as api:
        for fmt in ("csv", "parquet", "jsonl"):
            api.export("events", fmt, tmp_path / f"ev.{fmt}")
        df_api = api.events().df()
    frames = {
        "csv": pd.read_csv(tmp_path / "ev.csv", dtype={"cameo": str}, parse_dates=["published", "event_day"]),
        "parquet": pd.read_parquet(tmp_path / "ev.parquet"),
        "jsonl": pd.read_json(tmp_path / "ev.jsonl", lines=True, dtype={"cameo": str}),
        "api": df_api,
    }
    for name, df in frames.items():
        assert list(df.columns) == list(EVENT_ROW_COLUMNS), name
        assert len(df) == len(rows), name
        assert "057" in set(df["cameo"].dropna()), name  # the treaty's CAMEO code, a string
        assert df["weight"].dtype == "float64", name
        assert pd.api.types.is_integer_dtype(df["sentence"]), name
    # Parquet keeps DATE as a date (pyarrow date32: datetime.date objects in pandas), never text
    assert all(isinstance(d, dt.date) for d in frames["parquet"]["event_day"])
    assert pd.api.types.is_datetime64_any_dtype(frames["csv"]["event_day"])
    treaty = frames["parquet"][frames["parquet"]["cameo"] == "057"].iloc[0]
    assert treaty["source_code"] == "RUS GOV" and treaty["place_name"] and treaty["place_lat"] == pytest.approx(39.02)


def test_nested_json_keeps_the_public_shape_and_code_jsonl_agrees(db: Path) -> None:
    _c, out, _e = run("events", "--db", str(db), "--json", "--nested")
    nested = [json.loads(x) for x in out.splitlines()]
    assert nested and all(set(e) >= PUBLIC_EVENT_KEYS for e in nested)
    assert all(e["source"] is None or set(e["source"]) >= {"code", "country", "sector", "name", "text"} for e in nested)
    code, _o, err = run("events", "--db", str(db), "--nested")
    assert code == 2 and err.startswith("alianza: error: --nested")


def test_filters_take_names_any_case_and_dates(db: Path) -> None:
    def ids(*args: str) -> set[str]:
        code, out, err = run("events", "--db", str(db), "--json", "--flat", *args)
        assert code == 0, err
        return {json.loads(x)["event_id"] for x in out.splitlines()}

    every = ids()
    rus = ids("--actor", "RUS")
    assert rus and rus == ids("--actor", "Russia") == ids("--actor", "Rusia") and rus < every
    assert ids("--actor", "Kremlin") == ids("--actor", "RUS GOV")
    assert ids("--actor", "EU") == ids("--actor", "IGO EU") != set()
    consult = ids("--type", "consult")
    assert consult and consult == ids("--type", "CONSULT")
    june = ids("--from", "2024-06-01", "--to", "2024-06-30")
    assert june and june < every
    assert ids("--lang", "en") and ids("--lang", "en").isdisjoint(ids("--lang", "es"))
    assert len(ids("--source", "nairobi-news.example.com")) >= 1
    assert ids("--status", "claimed") < every
    with alianza.open(db) as api:
        got = api.events(start="2024-01-01", end="2025-12-31", actor="Russia", type="agree").fetchall()
        assert got and all(r[EVENT_ROW_COLUMNS.index("type")] == "AGREE" for r in got)
        same = api.events(start=dt.date(2024, 1, 1), end=dt.date(2025, 12, 31), actor="RUS", type="AGREE")
        assert same.fetchall() == got


def test_bad_values_give_one_line_and_exit_2(db: Path) -> None:
    for args, needle in [
        (["events", "--type", "consul"], TYPES),
        (["events", "--limit", "-5"], "--limit"),
        (["events", "--from", "2024-13-01"], "YYYY-MM-DD"),
        (["events", "--frm", "2024-01-01"], "No such option '--frm'"),
        (["events", "--actor", "Narnia"], "unknown actor 'Narnia'"),
        (["events", "--actor", "RUSS"], "did you mean RUS?"),
        (["events", "--source", "nowhere.example"], "unknown source"),
        (["clusters", "--status", "maybe"], "'maybe' is not one of"),
        (["articles", "--lang", "english"], "ISO 639-1"),
        (["shifts", "--from", "2024-01-01"], "No such option '--from'"),
        (["nosuchcommand"], "No such command"),
    ]:
        code, _out, err = run(*args, "--db", str(db))
        assert code == 2, (args, err)
        assert err.startswith("alianza: error: ") and needle in err, (args, err)
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    code, _o, err = run("events", "--db", str(db.parent / "missing.duckdb"))
    assert code == 2 and "no such store" in err


def test_explain_shows_the_words_of_each_side_and_the_context_mark(db: Path) -> None:
    code, out, _e = run("events", "--db", str(db), "--explain", "--actor", "MLI")
    assert code == 0
    assert "[context]" in out and "inferred" in out  # the unnamed attackers, coded by where it happened
    code, out, _e = run("events", "--db", str(db), "--explain", "--type", "agree", "--actor", "RUS GOV")
    assert "source: 'presidente ruso, Vladímir Putin' -> RUS GOV (Vladimir Putin) [apposition]" in out
    assert "[firmaron]" in out  # the trigger marked in its sentence


def test_json_is_never_cut_by_a_display_limit(db: Path) -> None:
    with alianza.open(db) as api:
        n = len(api.clusters())
        assert n > 50
    code, out, _e = run("clusters", "--db", str(db), "--json")
    assert code == 0 and len(out.splitlines()) == n
    code, out, err = run("clusters", "--db", str(db))
    assert len(out.splitlines()) == 51 and f"showing 50 of {n}" in err


def test_dyads_json_has_the_columns_of_the_dyads_export(db: Path, tmp_path: Path) -> None:
    _c, out, _e = run("dyads", "--db", str(db), "--json", "--by", "month")
    cli_cols = list(json.loads(out.splitlines()[0]))
    code, _o, err = run("export", "--db", str(db), "--format", "csv", "--what", "dyads", "--by", "month",
                        "--out", str(tmp_path / "d.csv"))  # fmt: skip
    assert code == 0, err
    df = pd.read_csv(tmp_path / "d.csv", parse_dates=["period"])
    assert list(df.columns) == cli_cols and len(df) == len(out.splitlines())
    assert pd.api.types.is_datetime64_any_dtype(df["period"]) and df["events"].dtype == "int64"


def test_gdelt_tsv_reads_with_csv_in_codebook_order_with_geo_and_stable_ids(db: Path, tmp_path: Path) -> None:
    for name in ("a", "b"):
        code, _o, err = run("export", "--db", str(db), "--format", "gdelt", "--out", str(tmp_path / f"{name}.tsv"))
        assert code == 0, err
    with open(tmp_path / "a.tsv", newline="", encoding="utf-8") as fh:
        table = list(csv.reader(fh, delimiter="\t"))
    assert tuple(table[0]) == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
    assert all(len(r) == 61 for r in table)
    rows = [dict(zip(table[0], r, strict=True)) for r in table[1:]]
    assert not any("---" in v for r in rows for v in r.values())
    treaty = next(r for r in rows if r["EventCode"] == "057")
    assert treaty["ActionGeo_Type"] == "4" and treaty["ActionGeo_CountryCode"] == "KN"  # FIPS 10-4, as GDELT
    assert float(treaty["ActionGeo_Lat"]) == pytest.approx(39.02) and treaty["ActionGeo_FullName"].endswith(
        "North Korea"
    )
    assert treaty["Actor1Geo_CountryCode"] == "RS" and treaty["Actor1Geo_FullName"] == "Russia"
    assert treaty["Actor1Name"] and treaty["Actor2Name"] and treaty["QuadClass"] == "1"
    assert all(r["Actor1Name"] for r in rows if r["Actor1Code"])
    protests = [r for r in rows if r["EventRootCode"] == "14"]
    assert protests and all(r["QuadClass"] == "3" for r in protests)  # GDELT: PROTEST is verbal conflict
    assert all(len(r["DATEADDED"]) == 14 and r["SOURCEURL"] for r in rows)
    with open(tmp_path / "b.tsv", newline="", encoding="utf-8") as fh:
        again = list(csv.reader(fh, delimiter="\t"))
    assert [r[0] for r in again] == [r[0] for r in table] and len({r[0] for r in table}) == len(table)


def test_graphs_read_with_networkx_carry_gephi_attributes(db: Path, tmp_path: Path) -> None:
    base = ["export", "--db", str(db), "--what", "network"]
    assert run(*base, "--format", "graphml", "--out", str(tmp_path / "n.graphml"))[0] == 0
    assert run(*base, "--format", "graphml", "--directed", "--out", str(tmp_path / "d.graphml"))[0] == 0
    assert run(*base, "--format", "gexf", "--by", "month", "--out", str(tmp_path / "t.gexf"))[0] == 0
    g = nx.read_graphml(tmp_path / "n.graphml")
    assert not g.is_directed() and g.number_of_edges() > 0
    for _u, _v, d in g.edges(data=True):
        assert d["weight"] > 0 and {"net", "cooperation", "conflict", "sign"} <= set(d)
        assert d["sign"] == (d["net"] > 0) - (d["net"] < 0)
    for _n, d in g.nodes(data=True):
        assert {"label", "name", "bloc", "activity"} <= set(d)
    assert g.nodes["PRK"]["name"] == "North Korea" and g.nodes["RUS"]["bloc"] == g.nodes["PRK"]["bloc"] > 0
    assert nx.read_graphml(tmp_path / "d.graphml").is_directed()
    t = nx.read_gexf(tmp_path / "t.gexf")
    assert t.graph["mode"] == "dynamic"
    spells = t.edges["RUS", "PRK"]["spells"]
    assert len(spells) >= 2 and all(s[0].endswith("-01") for s in spells)  # one per month with events


def test_network_as_csv_writes_a_nodes_file_and_network_json_has_record_kinds(db: Path, tmp_path: Path) -> None:
    code, _o, err = run(
        "export", "--db", str(db), "--format", "csv", "--what", "network", "--out", str(tmp_path / "net.csv")
    )
    assert code == 0, err
    edges = pd.read_csv(tmp_path / "net.csv")
    nodes = pd.read_csv(tmp_path / "net.nodes.csv")
    assert {"source", "target", "weight", "net", "sign"} <= set(edges.columns)
    assert {"actor", "label", "name", "bloc", "activity"} <= set(nodes.columns)
    assert set(edges["source"]) | set(edges["target"]) <= set(nodes["actor"])
    _c, out, _e = run("network", "--db", str(db), "--json")
    recs = [json.loads(x) for x in out.splitlines()]
    assert [r["kind"] for r in recs] == sorted((r["kind"] for r in recs), key=lambda k: k != "node")
    assert len([r for r in recs if r["kind"] == "edge"]) == len(edges)


def test_out_dash_writes_to_stdout_and_articles_export(db: Path) -> None:
    for fmt, reader in (("csv", lambda s: pd.read_csv(io.StringIO(s), dtype={"cameo": str})),
                        ("jsonl", lambda s: pd.read_json(io.StringIO(s), lines=True, dtype={"cameo": str}))):  # fmt: skip
        code, out, err = run("export", "--db", str(db), "--format", fmt, "--out", "-")
        assert code == 0, err
        df = reader(out)
        assert list(df.columns) == list(EVENT_ROW_COLUMNS) and len(df) > 40
    code, out, _e = run("export", "--db", str(db), "--format", "gdelt", "--out", "-")
    assert code == 0 and out.splitlines()[0].split("\t") == list(GDELT_COLUMNS)
    code, out, _e = run("export", "--db", str(db), "--format", "csv", "--what", "articles", "--out", "-")
    arts = pd.read_csv(io.StringIO(out), parse_dates=["published"])
    assert code == 0 and {"id", "title", "lang", "published", "url"} <= set(arts.columns) and len(arts) == 16  # with the French demo article (issue 20)
    code, _o, err = run("export", "--db", str(db), "--format", "parquet", "--out", "-")
    assert code == 2 and "standard output" in err
    code, out, _e = run("export", "--help")
    assert "gdelt    events, clusters" in out and "graphml  network" in out


def test_python_api_network_and_unsupported_language() -> None:
    with pytest.raises(LanguageError, match="'de'.*no pipeline"):
        alianza.code_text(
            "Der Bundeskanzler traf am Montag in Berlin den französischen Präsidenten zu Gesprächen.", lang="de"
        )


def test_api_network_has_nodes_and_edges_relations(db: Path) -> None:
    with alianza.open(db) as api:
        net = api.network(start="2024-01-01")
        nodes, edges = net
        assert net.nodes is nodes and "actor" in nodes.columns and "net" in edges.columns
        assert len(net.nodes.df()) >= 2 and len(net.edges.pl()) >= 1
        assert api.actor("Rusia") == "RUS"


def test_actors_lists_the_stores_actors_with_names_and_counts(db: Path) -> None:
    code, out, _e = run("actors", "rus", "--db", str(db), "--json")
    got = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and {"RUS", "RUS GOV"} <= {a["code"] for a in got}
    putin = next(a for a in got if a["code"] == "RUS GOV")
    assert putin["name"] == "Vladimir Putin" and putin["events"] >= 1


def test_df_without_the_analysis_extra_names_it_in_one_line(db: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "import alianza\n"
        f"db = alianza.open({str(db)!r})\n"
        "try:\n    db.events().df()\nexcept ImportError as err:\n    print(err)\n"
        "print(len(db.events().fetchall()) > 0, db.events().limit(2).columns[0])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    lines = out.stdout.splitlines()
    assert lines[0] == ".df() needs pandas: pip install 'alianza[analysis]' (pandas, polars, pyarrow)", out.stderr
    assert lines[1] == "True event_id"  # everything else is the DuckDB relation's own


def test_type_narrows_dyads_networks_and_graph_exports(db: Path, tmp_path: Path) -> None:
    _c, out, _e = run("dyads", "--db", str(db), "--json", "--type", "Assault")
    rows = [json.loads(x) for x in out.splitlines()]
    assert rows and all(r["material_conflict"] == r["events"] for r in rows)  # ASSAULT only
    _c, out, _e = run("network", "--db", str(db), "--json", "--type", "consult")
    edges = [json.loads(x) for x in out.splitlines() if '"edge"' in x]
    assert edges and all(e["conflict"] == 0 for e in edges)
    code, _o, err = run("export", "--db", str(db), "--format", "graphml", "--what", "network", "--type", "assault",
                        "--out", str(tmp_path / "war.graphml"))  # fmt: skip
    assert code == 0, err
    g = nx.read_graphml(tmp_path / "war.graphml")
    assert g.number_of_edges() == len(rows) and all(d["sign"] == -1 for _u, _v, d in g.edges(data=True))

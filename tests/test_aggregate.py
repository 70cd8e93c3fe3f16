from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import networkx as nx
import pytest

import alianza
from alianza.aggregate.export import GDELT_COLUMNS
from alianza.pipeline import Resources
from alianza.runner.run import ingest

from .conftest import PUBLIC_EVENT_KEYS, ROOT, SEED

MEETING = (
    "El presidente ruso, Vladímir Putin, se reunió el jueves en Pionyang con el líder norcoreano, "
    "Kim Jong-un, para hablar de cooperación militar."
)
MEETING_RETOLD = (
    "Vladímir Putin y Kim Jong-un se reunieron este jueves en Pionyang, según la agencia oficial norcoreana, "
    "en su primer encuentro del año."
)
PLANNED = (
    "El presidente ruso, Vladímir Putin, se reunirá con el líder norcoreano, Kim Jong-un, el próximo 15 de "
    "septiembre en Vladivostok, anunció el Kremlin."
)
HELD = "El presidente ruso, Vladímir Putin, se reunió este lunes en Vladivostok con el líder norcoreano, Kim Jong-un."


def jsonl(path: Path, recs: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    return path


def consult_clusters(db: Path) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT status, day, articles, sources, mentions FROM event_clusters "
            "WHERE type = 'CONSULT' AND a_code = 'PRK GOV' AND b_code = 'RUS GOV' ORDER BY day, status"
        ).fetchall()
    finally:
        con.close()


def test_two_articles_about_one_meeting_make_one_cluster_with_two_articles(tmp_path: Path, res: Resources) -> None:
    db = tmp_path / "c.duckdb"
    ingest(
        [jsonl(tmp_path / "a.jsonl", [{"text": MEETING, "url": "https://uno.example/a", "published": "2025-08-21"}])],
        db,
        res,
    )
    first = consult_clusters(db)
    assert [(r[0], r[2], r[3]) for r in first] == [("occurred", 1, 1)]
    # a later ingest extends the cluster: one event, now two articles from two sources
    ingest(
        [
            jsonl(
                tmp_path / "b.jsonl",
                [{"text": MEETING_RETOLD, "url": "https://dos.example/b", "published": "2025-08-22"}],
            )
        ],
        db,
        res,
    )
    got = consult_clusters(db)
    assert len(got) == 1 and got[0][2:4] == (2, 2)
    # re-ingesting both changes no count
    ingest([tmp_path / "a.jsonl", tmp_path / "b.jsonl"], db, res)
    assert consult_clusters(db) == got


def test_wire_copy_counts_two_sources_only_when_the_sites_differ(tmp_path: Path, res: Resources) -> None:
    db = tmp_path / "w.duckdb"
    recs = [
        {"text": MEETING, "url": "https://agencia.example/1", "published": "2025-08-21"},
        {"text": MEETING, "url": "https://www.diario.example/mundo/1", "published": "2025-08-21"},
        {"text": MEETING, "url": "https://diario.example/portada/1", "published": "2025-08-21"},
    ]
    rep = ingest([jsonl(tmp_path / "w.jsonl", recs)], db, res)
    assert rep.exact_duplicates == 2 and rep.coded == 1
    [(status, _day, articles, sources, mentions)] = consult_clusters(db)
    assert (status, articles, sources, mentions) == ("occurred", 3, 2, 3)


def test_a_planned_meeting_and_the_meeting_held_are_two_clusters(tmp_path: Path, res: Resources) -> None:
    db = tmp_path / "p.duckdb"
    recs = [
        {"text": PLANNED, "url": "https://uno.example/p", "published": "2025-08-20"},
        {"text": HELD, "url": "https://uno.example/h", "published": "2025-09-15"},
    ]
    ingest([jsonl(tmp_path / "p.jsonl", recs)], db, res)
    got = consult_clusters(db)
    assert [(str(r[1]), r[0]) for r in got] == [("2025-09-15", "occurred"), ("2025-09-15", "planned")]
    # and only the one that happened moves the score (planned events weigh 0 by default)
    with alianza.open(db) as api:
        [row] = api.dyads("RUS", "PRK", by=None).fetchall()
        assert row[2] == 1


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, res: Resources) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    ingest([ROOT / "examples"], db, res)
    return db


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "alianza.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_demo_shows_rus_prk_rising_and_stable_blocs(demo_db: Path) -> None:
    with alianza.open(demo_db) as api:
        shifts = {(r[0], r[1]): r for r in api.shifts(90).fetchall()}
        assert shifts[("PRK", "RUS")][5] == "rising"
        assert api.blocs() == api.blocs()
        [coop] = api.dyads("RUS", "PRK", by=None).fetchall()
        assert coop[7] > 0  # weight_sum: cooperative
        monthly = api.dyads("RUS", "PRK", by="month").fetchall()
        assert len(monthly) >= 2 and all(str(r[0]).endswith("-01") for r in monthly)
        nodes, edges = api.network()
        assert {"RUS", "PRK"} <= {r[0] for r in nodes.fetchall()} and edges.fetchall()


def test_cli_json_and_bad_input(demo_db: Path, tmp_path: Path) -> None:
    out = cli("dyads", "RUS", "PRK", "--db", str(demo_db), "--json")
    assert out.returncode == 0, out.stderr
    rec = json.loads(out.stdout.splitlines()[0])
    assert {rec["a"], rec["b"]} == {"RUS", "PRK"} and rec["events"] >= 1 and "cooperation_share" in rec
    for args, needle in [
        (["dyads", "--from", "2025-09-01", "--to", "2025-01-01"], "after --to"),
        (["dyads", "--from", "yesterday"], "YYYY-MM-DD"),
        (["dyads", "ZZZ"], "unknown actor 'ZZZ'"),
        (["shifts", "--window", "soon"], "bad window"),
        (["export", "--format", "xlsx", "--out", str(tmp_path / "x")], "'xlsx' is not one of 'csv', 'parquet'"),
        (
            ["export", "--format", "graphml", "--what", "events", "--out", str(tmp_path / "g")],
            "expected --what network",
        ),
        (["export", "--format", "csv", "--out", str(tmp_path / "no" / "such" / "dir.csv")], "does not exist"),
    ]:
        bad = cli(*args, "--db", str(demo_db))
        assert bad.returncode == 2, (args, bad.stderr)
        assert needle in bad.stderr and len(bad.stderr.strip().splitlines()) == 1, bad.stderr
    existing = tmp_path / "keep.csv"
    existing.write_text("precious\n")
    bad = cli("export", "--format", "csv", "--out", str(existing), "--db", str(demo_db))
    assert bad.returncode == 2 and existing.read_text() == "precious\n"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.csv"]  # nothing partial left behind


def test_empty_store_gives_headers_and_exit_0(tmp_path: Path) -> None:
    db = tmp_path / "empty.duckdb"
    alianza.open(db, read_only=False).close()
    for cmd in (["dyads"], ["network"], ["blocs"], ["shifts"], ["clusters"]):
        out = cli(*cmd, "--db", str(db))
        assert out.returncode == 0, out.stderr
    assert cli("dyads", "--db", str(db)).stdout.startswith("source  target  events")
    out = cli("export", "--format", "csv", "--what", "clusters", "--out", str(tmp_path / "c.csv"), "--db", str(db))
    assert out.returncode == 0
    with open(tmp_path / "c.csv", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 1 and "mentions" in rows[0]


def test_exports_read_back_with_real_readers(demo_db: Path, tmp_path: Path) -> None:
    with alianza.open(demo_db) as api:
        n_events = api.events().count("*").fetchall()[0][0]
        n_clusters = api.clusters().count("*").fetchall()[0][0]
        for what, fmt in [("events", "parquet"), ("events", "csv"), ("events", "jsonl"), ("events", "gdelt"),
                          ("clusters", "gdelt"), ("clusters", "parquet"), ("dyads", "csv"), ("network", "graphml"),
                          ("network", "gexf"), ("network", "jsonl")]:  # fmt: skip
            api.export(what, fmt, tmp_path / f"{what}.{fmt}")
        api.export("events", "jsonl", tmp_path / "nested.jsonl", nested=True)
        nodes = {r[0]: r for r in api.network()[0].fetchall()}
        edges = {(r[0], r[1]): r for r in api.network()[1].fetchall()}
    con = duckdb.connect()
    types = dict(
        con.execute(
            f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{tmp_path / 'events.parquet'}')"
        ).fetchall()
    )
    assert types["event_day"] == "DATE" and types["source_code"] == "VARCHAR" and types["weight"] == "DOUBLE"
    assert con.execute(f"SELECT count(*) FROM '{tmp_path / 'events.parquet'}'").fetchall() == [(n_events,)]
    assert con.execute(f"SELECT count(*) FROM '{tmp_path / 'clusters.parquet'}'").fetchall() == [(n_clusters,)]
    with open(tmp_path / "events.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == n_events and {"RUS GOV", "PRK GOV"} <= {r["source_code"] for r in rows}
    lines = (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == n_events
    first = json.loads(lines[0])
    assert first["event_id"] and first["cameo"] == str(first["cameo"]) and "source_code" in first
    nested = (tmp_path / "nested.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(nested) == n_events and set(json.loads(nested[0])) >= PUBLIC_EVENT_KEYS
    for what, n in (("events", n_events), ("clusters", n_clusters)):
        with open(tmp_path / f"{what}.gdelt", newline="", encoding="utf-8") as fh:
            table = list(csv.reader(fh, delimiter="\t"))
        assert tuple(table[0]) == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
        assert all(len(r) == 61 for r in table) and len(table) - 1 <= n
        row = dict(zip(table[0], table[1], strict=True))
        assert len(row["Day"]) == 8 and row["QuadClass"] in "1234" and row["EventRootCode"] == row["EventCode"][:2]
    kim = [dict(zip(table[0], r, strict=True)) for r in table[1:] if r[5] == "PRKGOV" or r[15] == "PRKGOV"]
    assert kim and all(r["Actor1CountryCode"] in ("PRK", "RUS", "USA", "") for r in kim)
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        g = reader(tmp_path / f"network.{fmt}")
        assert set(g.nodes) == set(nodes)
        assert g.number_of_edges() == len(edges)
        a, b = "PRK", "RUS"
        assert float(g.edges[a, b]["net"]) == pytest.approx(edges[(a, b)][5])
        assert int(g.nodes["RUS"]["clusters"]) == nodes["RUS"][1]


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not beside this checkout")
def test_seed_alone_makes_rus_prk_a_cooperative_dyad(tmp_path: Path, res: Resources) -> None:
    src = tmp_path / "seed"
    shutil.copytree(SEED.parent, src)
    db = tmp_path / "seed.duckdb"
    ingest([src], db, res)
    with alianza.open(db) as api:
        [row] = api.dyads("RUS", "PRK", by=None).fetchall()
    assert row[7] > 0 and row[9] > 0.5  # weight_sum, cooperation_share

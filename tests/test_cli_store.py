from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
from click.testing import CliRunner

from alianza.cli import cli

from .conftest import GOLD, ROOT

ARTICLE = (
    "Guerra en el norte\n\nLos rebeldes atacan una base militar\n\nPor Ana Gómez\n\nMundo 03.02.2025\n\n"
    "Rebeldes del ELN atacaron el lunes una base del Ejército colombiano en Arauca, según informó el "
    "Ministerio de Defensa de Colombia en un comunicado.\n\n"
    "El presidente colombiano, Gustavo Petro, condenó el ataque y exigió al ELN que libere a los "
    "soldados secuestrados.\n\nVer más noticias\n"
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "alianza.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=300
    )


def test_ingest_is_idempotent_and_reports_bad_files(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (src / "latin1.txt").write_bytes("Ataque en Bogotá contra la policía".encode("latin-1") * 5)
    db = tmp_path / "a.duckdb"
    first = run("ingest", str(src), "--db", str(db), "--json")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    # A Latin-1 file is not lost: it is decoded as what it is, and says so.
    assert report["articles"] == 2
    assert report["reasons"] == {"empty": 1, "binary": 1}
    assert any("empty.txt" in line and "empty" in line for line in first.stderr.splitlines())
    assert any("binary.txt" in line and "binary" in line for line in first.stderr.splitlines())
    second = run("ingest", str(src), "--db", str(db), "--json")
    assert json.loads(second.stdout)["skipped_existing"] == 2
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    latin = con.execute("SELECT text, encoding FROM articles WHERE source LIKE '%latin1.txt'").fetchone()
    assert latin is not None and "Bogotá contra la policía" in latin[0] and latin[1] != "utf-8"
    n_events = con.execute("SELECT count(*) FROM events").fetchone()
    con.close()
    assert n_events is not None and n_events[0] >= 2
    third = run("ingest", str(src), "--db", str(db))
    assert third.returncode == 0
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchone() == n_events
    con.close()


def test_articles_and_events_json_carry_every_field(tmp_path: Path) -> None:
    src = tmp_path / "page.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "b.duckdb")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(src), "--db", db]).exit_code == 0
    out = runner.invoke(cli, ["articles", "--db", db, "--json"])
    art = json.loads(out.output.splitlines()[0])
    assert set(art) == {
        "id",
        "url",
        "source",
        "title",
        "deck",
        "author",
        "section",
        "published",
        "lang",
        "text",
        "boilerplate",
        "content_hash",
        "site",
        "duplicate_of",
        "dateline",
    }
    assert art["author"] == "Ana Gómez" and art["published"] == "2025-02-03" and art["lang"] == "es"
    out = runner.invoke(cli, ["events", "--db", db, "--json", "--nested"])
    evs = [json.loads(x) for x in out.output.splitlines()]
    assert any(e["type"] == "ASSAULT" and e["source"]["code"] == "COL REB" for e in evs)
    assert all(e["evidence"]["article"] == art["id"] for e in evs)
    out = runner.invoke(cli, ["events", "--db", db, "--json", "--flat"])
    flat = [json.loads(x) for x in out.output.splitlines()]
    assert len(flat) == len(evs) and all(e["article_id"] == art["id"] for e in flat)
    assert any(e["type"] == "ASSAULT" and e["source_code"] == "COL REB" for e in flat)
    explained = runner.invoke(cli, ["events", "--db", db, "--explain"]).output
    assert "because es/assault.yaml#" in explained


def test_db_defaults_to_the_environment_variable(tmp_path: Path) -> None:
    src = tmp_path / "page.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    runner = CliRunner(env={"ALIANZA_DB": str(tmp_path / "env.duckdb")})
    assert runner.invoke(cli, ["ingest", str(src)]).exit_code == 0
    assert (tmp_path / "env.duckdb").exists()


def test_code_jsonl_writes_one_line_per_record() -> None:
    records = [
        {"id": "a", "text": "Russian troops attacked Kharkiv on Monday.", "lang": "en", "published": "2025-05-05"},
        {"id": "b", "text": "Nothing happened today."},
    ]
    stdin = "\n".join(json.dumps(r) for r in records) + "\nnot json\n"
    out = CliRunner().invoke(cli, ["code", "--jsonl", "-"], input=stdin)
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["a", "b"]
    assert lines[0]["events"][0]["type"] == "ASSAULT" and lines[0]["events"][0]["date"] == "2025-05-05"
    assert lines[1]["events"] == []
    assert out.exit_code == 1  # the bad line is reported, the rest coded


def test_eval_reports_every_metric(tmp_path: Path) -> None:
    gold = tmp_path / "mini.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "x",
                "dataset": "mini",
                "lang": "en",
                "published": "2025-01-01",
                "text": "Russian troops attacked Kharkiv.",
                "events": [
                    {
                        "type": "ASSAULT",
                        "source": {"country": "RUS", "text": "Russian troops"},
                        "target": {"country": "UKR"},
                    }
                ],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    files = [str(gold)] + ([str(GOLD / "seed.jsonl")] if (GOLD / "seed.jsonl").exists() else [])
    out = CliRunner().invoke(cli, ["eval", *files, "--json"])
    assert out.exit_code == 0, out.output
    res = json.loads(out.output)
    mini = res["datasets"]["mini"]
    assert mini["event"]["tp"] == 1
    for key in ("type", "event", "per_type", "actor_accuracy", "span_overlap", "status_accuracy", "date_accuracy"):
        assert key in mini
    assert "macro_event_f1" in res
    if "seed" in res["datasets"]:
        assert res["datasets"]["seed"]["article_fields"]["value"] == 1.0
    table = CliRunner().invoke(cli, ["eval", *files])
    assert "event_F1" in table.output and "per type" in table.output


def test_examples_ingest_gives_a_cooperative_rus_prk_dyad(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "ex")
    db = str(tmp_path / "ex.duckdb")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(tmp_path / "ex"), "--db", db]).exit_code == 0
    dy = [
        json.loads(x) for x in runner.invoke(cli, ["dyads", "--db", db, "--json", "--limit", "50"]).output.splitlines()
    ]
    rus_prk = [d for d in dy if {d["a"][:3], d["b"][:3]} == {"RUS", "PRK"}]
    assert rus_prk and all(d["mean_weight"] > 0 for d in rus_prk)


def test_bench_reports_rates_per_core_for_every_phase() -> None:
    out = CliRunner().invoke(cli, ["bench", "-n", "12", "--json", "--corpus", str(ROOT / "examples")])
    assert out.exit_code == 0, out.output
    got = json.loads(out.output)
    assert got["articles"] == 12 and got["cores"] == 1 and 500 < got["mean_words"] < 700
    for key in ("prepare", "code", "ingest_no_coding", "ingest_with_coding"):
        assert got[f"{key}_articles_per_s"] > 0
    assert 0 < got["sentences_parsed_share"] < 1
    assert got["kb_load_s"] > 0 and got["resolve_ms_per_article"] > 0
    assert got["ingest_with_coding_duplicates"] == 0  # the synthetic articles are not copies of each other


def test_cli_shards_load_and_recode_round_trip(tmp_path: Path) -> None:
    """`ingest --shards` + `load` give the store a direct ingest gives; `recode` then has nothing to do."""
    root = ROOT
    direct, sharded, shards = tmp_path / "d.duckdb", tmp_path / "s.duckdb", tmp_path / "shards"

    def cli(*args: str) -> dict[str, object]:
        got = subprocess.run(
            [sys.executable, "-m", "alianza.cli", *args, "--json"], cwd=root, capture_output=True, text=True, timeout=300
        )
        assert got.returncode == 0, got.stderr
        return dict(json.loads(got.stdout.strip().splitlines()[-1]))

    src = str(root / "examples" / "es")
    one = cli("ingest", src, "--db", str(direct), "--jobs", "1")
    cli("ingest", src, "--db", str(sharded), "--jobs", "1", "--shards", str(shards))
    loaded = cli("load", str(shards), "--db", str(sharded))
    assert loaded["articles"] == one["articles"] and loaded["events"] == one["events"]
    assert cli("load", str(shards), "--db", str(sharded))["shards"] == 0
    again = cli("recode", "--db", str(sharded), "--jobs", "1")
    assert again["recoded"] == 0 and again["already_current"] == one["coded"]
    forced = cli("recode", "--db", str(sharded), "--jobs", "1", "--force", "--where", "lang = 'es'")
    assert forced["recoded"] == one["coded"] and forced["events_after"] == forced["events_before"] == one["events"]

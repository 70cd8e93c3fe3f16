from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import psutil
import pytest

from alianza.pipeline import Resources
from alianza.runner.run import IngestOptions, ingest
from alianza.store.db import Store
from alianza.types import Rejection

from .conftest import ROOT
from .fixtures_ingest import ATOM, DE_BODY, EN_BODY, ES_BODY, ES_BODY2, FR_BODY, RSS, html_page, write_warc
from .hostile import make_hostile


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_mixed_corpus_is_read_identified_routed_and_coded(tmp_path: Path, res: Resources) -> None:
    src = tmp_path / "in"
    (src / "html").mkdir(parents=True)
    (src / "html" / "arauca.html").write_text(html_page("Ataque en Arauca", ES_BODY2), encoding="utf-8")
    (src / "html" / "paris.htm").write_text(html_page("Paris", FR_BODY, lang="fr"), encoding="utf-8")
    (src / "feed.rss").write_text(RSS, encoding="utf-8")
    (src / "world.atom").write_text(ATOM, encoding="utf-8")
    write_warc(
        src / "cc-news.warc.gz",
        [("https://de.example/politik/2025/08/12/gipfel", html_page("Gipfel", DE_BODY, lang="de"))],
    )
    (src / "dump.jsonl").write_text(
        json.dumps({"text": EN_BODY + " Officials confirmed the strike.", "published": "2025-08-11"}) + "\n"
    )
    db = tmp_path / "a.duckdb"
    report = ingest([src], db, res)
    assert report.errors == {}
    got = set(rows(db, "SELECT format, lang, title, published, author FROM articles WHERE format = 'html'"))
    assert got == {
        ("html", "es", "Ataque en Arauca", dt.date(2025, 8, 12), "Ana Pérez"),
        ("html", "fr", "Paris", dt.date(2025, 8, 12), "Ana Pérez"),
    }
    warc = rows(db, "SELECT url, site, published, lang FROM articles WHERE format = 'warc'")
    assert warc == [("https://de.example/politik/2025/08/12/gipfel", "de.example", dt.date(2025, 8, 12), "de")]
    langs = sorted(r[0] for r in rows(db, "SELECT lang FROM articles"))
    assert langs == ["de", "en", "en", "es", "es", "es", "fr"]
    assert report.formats == {"html": 2, "feed": 3, "warc": 1, "jsonl": 1}
    # de has no event pipeline here: stored and counted, not coded; fr is coded (issue 20)
    assert report.uncoded == 1 and report.coded == 5
    by_lang = dict(
        rows(db, "SELECT a.lang, count(e.id) FROM articles a LEFT JOIN events e ON e.article_id = a.id GROUP BY 1")
    )
    assert by_lang["de"] == 0 and by_lang["fr"] > 0 and by_lang["es"] > 0 and by_lang["en"] > 0
    # the RSS entry's second item copies the first one's body with one sentence added: a near duplicate
    assert report.near_duplicates == 1 and report.exact_duplicates == 0


def test_wire_copy_from_two_sites_gets_two_rows_and_is_coded_once(tmp_path: Path, res: Resources) -> None:
    body = (
        ES_BODY
        + " El Kremlin calificó la visita de histórica y anunció nuevas maniobras conjuntas. "
        + ES_BODY2
        + " Analistas de la región advierten de que la cooperación entre Moscú y Pionyang preocupa a Seúl, "
        "a Tokio y a Washington, que temen una transferencia de tecnología de misiles a cambio de tropas."
    )
    edited = (
        body.replace("el martes", "este martes").replace("histórica", "muy importante")
        + " (Con información de agencias)"
    )
    recs = [
        {"text": body, "url": "https://www.uno.example/a", "published": "2025-08-12"},
        {"text": body, "url": "https://dos.example/b", "published": "2025-08-12"},
        {"text": edited, "url": "https://tres.example/c", "published": "2025-08-13"},
        {"text": EN_BODY, "url": "https://tres.example/d", "published": "2025-08-11"},
    ]
    f = tmp_path / "wire.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in recs))
    db = tmp_path / "w.duckdb"
    rep = ingest([f], db, res)
    assert (rep.articles, rep.exact_duplicates, rep.near_duplicates) == (4, 1, 1)
    arts = {r[0]: r[1:] for r in rows(db, "SELECT site, id, duplicate_of, similarity FROM articles")}
    original = arts["uno.example"][0]
    assert arts["uno.example"][1] is None and arts["tres.example"] is not None
    assert arts["dos.example"][1] == original and arts["dos.example"][2] == 1.0
    near = [r for r in rows(db, "SELECT duplicate_of, similarity FROM articles WHERE url LIKE '%/c'")][0]
    assert near[0] == original and 0.7 <= float(near[1]) < 1.0  # type: ignore[arg-type]
    per_article = dict(
        rows(
            db,
            "SELECT a.site || a.url, count(e.id) FROM articles a LEFT JOIN events e ON e.article_id = a.id GROUP BY 1",
        )
    )
    assert per_article["uno.examplehttps://www.uno.example/a"] > 0
    assert (
        per_article["dos.examplehttps://dos.example/b"] == 0 and per_article["tres.examplehttps://tres.example/c"] == 0
    )
    # a later run finds copies of what an earlier run stored (the bands live in the store)
    g = tmp_path / "later.jsonl"
    g.write_text(json.dumps({"text": edited + " Fin.", "url": "https://cuatro.example/e"}) + "\n")
    rep2 = ingest([g], db, res)
    assert rep2.near_duplicates == 1 and rep2.coded == 0
    # and re-ingesting everything changes nothing
    n_events = rows(db, "SELECT count(*) FROM events")
    rep3 = ingest([f, g], db, res)
    assert rep3.skipped_existing == 5 and rep3.articles == 0
    assert rows(db, "SELECT count(*) FROM events") == n_events


def test_hostile_corpus_never_crashes_and_every_input_is_accounted_for(tmp_path: Path, res: Resources) -> None:
    root = tmp_path / "hostile"
    root.mkdir()
    made = make_hostile(root)
    assert len(made) >= 200
    seen: list[Rejection] = []
    db = tmp_path / "h.duckdb"
    report = ingest([root], db, res, on_reject=seen.append)
    assert report.errors == {}, report.rejections
    assert report.rejections == seen
    assert all(r.reason and r.stage and r.source.startswith(str(root)) for r in report.rejections)
    sources = [r.source for r in report.rejections] + [s for (s,) in rows(db, "SELECT source FROM articles")]
    unaccounted = [
        p for p in made if not any(s == str(p) or s.startswith(f"{p}#") or s.startswith(f"{p}!") for s in sources)
    ]
    assert unaccounted == []
    reasons = report.as_json()["reasons"]
    for expected in ("empty", "binary", "too_large", "truncated", "bad_json", "no_text", "too_short"):
        assert reasons.get(expected, 0) > 0, (expected, reasons)
    assert report.as_json()["rejected"] and report.articles > 0
    assert f"{len(report.rejections)} rejected" in report.summary()


def _jsonl_corpus(path: Path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            body = (ES_BODY if i % 2 else EN_BODY) + f" Report number {i} of the series, filed at {i % 24}:00."
            fh.write(json.dumps({"text": body, "url": f"https://site{i % 5}.example/{i}"}) + "\n")


def test_sigkill_half_way_then_resume_gives_every_article_exactly_once(tmp_path: Path) -> None:
    n = 300  # big enough that the kill lands half-way on a fast machine too
    src = tmp_path / "corpus.jsonl"
    _jsonl_corpus(src, n)
    db = tmp_path / "k.duckdb"
    cmd = [
        sys.executable,
        "-m",
        "alianza.cli",
        "ingest",
        str(src),
        "--db",
        str(db),
        "--batch-size",
        "4",
        "--no-near-dup",
        "--quiet",
        "--jobs",
        "2",  # a local Dask cluster: the driver is killed, its workers go with it
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    stored = 0
    deadline = time.monotonic() + 240
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                # reading while the ingest runs: the runner leaves windows between its batches
                with Store(db, read_only=True, wait=10) as store:
                    stored = store.counts()["articles"]
                if stored >= 12:  # some batches landed, most have not
                    break
            time.sleep(0.05)
        assert proc.poll() is None, "the ingest ended before it could be killed; make the corpus bigger"
        children = psutil.Process(proc.pid).children(recursive=True)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    _gone, alive = psutil.wait_procs(children, timeout=30)
    assert not alive, f"worker processes outlived their driver: {alive}"
    mid = rows(db, "SELECT count(*) FROM articles")[0][0]
    assert 12 <= mid < n  # type: ignore[operator]
    again = subprocess.run([*cmd, "--json"], cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert again.returncode == 0, again.stderr
    rep = json.loads(again.stdout)
    assert rep["skipped_existing"] + rep["articles"] == n and rep["skipped_existing"] >= mid  # type: ignore[operator]
    assert rows(db, "SELECT count(*), count(DISTINCT id), count(DISTINCT url) FROM articles") == [(n, n, n)]
    dup_events = rows(db, "SELECT count(*) FROM (SELECT id FROM events GROUP BY id HAVING count(*) > 1)")
    assert dup_events == [(0,)]
    assert rows(db, "SELECT count(*) FROM events e LEFT JOIN articles a ON a.id = e.article_id WHERE a.id IS NULL") == [
        (0,)
    ]


@pytest.mark.parametrize("bad", ["--batch-size=0", "--near-dup=1.5", "--format=pdf"])
def test_ingest_rejects_bad_options(tmp_path: Path, bad: str) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "alianza.cli", "ingest", str(tmp_path), bad],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2 and "Invalid value" in out.stderr


def test_a_local_source_gives_its_country_to_bare_sectors(tmp_path: Path, res: Resources) -> None:
    places = ["Medellín", "Cali", "Bogotá", "Arauca", "Cúcuta", "Pasto"]
    recs = [
        {
            "text": f"La alcaldía de {places[i % 6]} inauguró un nuevo hospital en {places[(i + 1) % 6]} este lunes {i}.",
            "url": f"https://diario.example/{i}",
        }
        for i in range(24)
    ]
    recs.append(
        {
            "text": "Paramilitares ejecutaron a un campesino en una vereda del municipio.",
            "url": "https://diario.example/x",
        }
    )
    f = tmp_path / "local.jsonl"
    f.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    db = tmp_path / "l.duckdb"
    ingest([f], db, res, IngestOptions(near_threshold=None))
    got = rows(
        db,
        "SELECT e.source_code, e.target_code FROM events e JOIN articles a ON a.id = e.article_id WHERE a.url LIKE '%/x'",
    )
    assert got == [("COL UAF", "COL AGR")]


def test_people_introduced_by_title_are_remembered_by_the_corpus(tmp_path: Path, res: Resources) -> None:
    db = tmp_path / "p.duckdb"
    first = tmp_path / "one.jsonl"
    first.write_text(
        json.dumps(
            {
                "text": "La ministra de Defensa de Chile, Marcela Quintana, visitó Lima para reunirse con su homólogo peruano.",
                "url": "https://uno.example/1",
                "published": "2025-03-01",
            },
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    ingest([first], db, res)
    with Store(db, read_only=True) as store:
        assert [(a.name, a.code) for a, _d in store.people()] == [("Marcela Quintana", "CHL GOV")]
    later = tmp_path / "two.jsonl"
    later.write_text(
        json.dumps(
            {
                "text": "Quintana acusó a Bolivia de violar el tratado de límites.",
                "url": "https://dos.example/2",
                "published": "2025-04-01",
            },
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    ingest([later], db, res)
    got = rows(
        db, "SELECT e.type, e.source_code FROM events e JOIN articles a ON a.id = e.article_id WHERE a.url LIKE '%/2'"
    )
    assert ("ACCUSE", "CHL GOV") in got


def test_a_source_home_country_persists_across_runs(tmp_path: Path, res: Resources) -> None:
    places = ["Medellín", "Cali", "Bogotá", "Arauca", "Cúcuta", "Pasto"]
    recs = [
        {
            "text": f"La alcaldía de {places[i % 6]} inauguró un hospital en {places[(i + 1) % 6]} este lunes {i}.",
            "url": f"https://diario.example/{i}",
        }
        for i in range(24)
    ]
    first = tmp_path / "first.jsonl"
    first.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    db = tmp_path / "h.duckdb"
    ingest([first], db, res, IngestOptions(near_threshold=None))
    with Store(db, read_only=True) as store:
        assert sum(store.source_places()["diario.example"].values()) >= 40
    later = tmp_path / "later.jsonl"
    later.write_text(
        json.dumps(
            {"text": "Paramilitares ejecutaron a un campesino en una vereda.", "url": "https://diario.example/x"},
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    ingest([later], db, res)  # a new run knows the site's home country from the store
    got = rows(db, "SELECT e.source_code FROM events e JOIN articles a ON a.id = e.article_id WHERE a.url LIKE '%/x'")
    assert got == [("COL UAF",)]


def test_ctrl_c_finishes_the_batches_in_flight_clusters_and_says_how_to_resume(tmp_path: Path) -> None:
    n = 120
    src, db = tmp_path / "corpus.jsonl", tmp_path / "c.duckdb"
    _jsonl_corpus(src, n)
    cmd = [sys.executable, "-m", "alianza.cli", "ingest", str(src), "--db", str(db), "--batch-size", "4"]
    cmd += ["--no-near-dup", "--quiet", "--jobs", "2"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    # a group of its own, signalled whole: what a terminal's Ctrl-C does (the workers get it too)
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            with Store(db, read_only=True, wait=10) as store:
                if store.counts()["articles"] >= 8:
                    break
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest ended before Ctrl-C; make the corpus bigger"
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err.decode()
    assert b"run again to resume" in err
    mid = rows(db, "SELECT count(*) FROM articles")[0][0]
    assert 8 <= mid < n  # type: ignore[operator]
    # what was written is clustered already
    assert rows(db, "SELECT count(*) FROM events e LEFT JOIN event_cluster_members m ON m.event_id = e.id "
                "WHERE m.event_id IS NULL") == [(0,)]  # fmt: skip
    again = subprocess.run([*cmd, "--json"], cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert again.returncode == 0, again.stderr
    assert rows(db, "SELECT count(*), count(DISTINCT id) FROM articles") == [(n, n)]


def test_progress_bar_counts_the_files_first_then_shows_records_and_rate(tmp_path: Path) -> None:
    """The bar (forced on, as a terminal gets it) knows the total before reading, and its last
    state says how many files of that total were done, with the records and their rate."""
    src = tmp_path / "in"
    src.mkdir()
    for i, body in enumerate((EN_BODY, ES_BODY, FR_BODY)):
        (src / f"{i}.txt").write_text(body, encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")  # a rejected file still counts as done
    db = tmp_path / "p.duckdb"
    cmd = [sys.executable, "-m", "alianza.cli", "ingest", str(src), "--db", str(db), "--progress", "--jobs", "1"]
    got = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert got.returncode == 0, got.stderr
    last = got.stderr.replace("\r", "\n").split("\n")
    bars = [line for line in last if line.startswith("ingest:")]
    assert bars, got.stderr
    assert "4/4" in bars[-1] and "100%" in bars[-1], bars[-1]  # total counted first, all done
    assert "records=3" in bars[-1] and "articles=3" in bars[-1] and "rejected=1" in bars[-1], bars[-1]
    assert "rec_s=" in bars[-1] and "dup=0" in bars[-1], bars[-1]
    quiet = subprocess.run([*cmd[:-3], "--no-progress", "--jobs", "1"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert "ingest:" not in quiet.stderr

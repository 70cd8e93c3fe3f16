"""The runner on Dask (issue 17): a real 2-worker LocalCluster started by this module, shared by
its tests (starting one costs seconds); stores compared table by table with the in-process run."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest

from alianza.pipeline import Resources
from alianza.runner.recode import RecodeOptions, recode
from alianza.runner.run import BatchReport, IngestOptions, ingest, small_input
from alianza.scale.cluster import DaskExecutor, InlineExecutor
from alianza.scale.shards import load_shards
from alianza.store.db import Store

from .fixtures_ingest import EN_BODY, ES_BODY
from .hostile import make_hostile

ROOT = Path(__file__).resolve().parents[1]
QUERIES = {
    "articles": "SELECT id, lang, duplicate_of, round(similarity, 3), sentences, parsed, coder, format FROM articles",
    "events": "SELECT id, article_id, type, source_code, target_code, status, json FROM events",
    "clusters": "SELECT id, type, a_code, b_code, events, articles, mentions FROM event_clusters",
    "members": "SELECT event_id, cluster_id FROM event_cluster_members",
    "people": "SELECT name, country, sector, last_seen, article_id FROM people",
    "places": "SELECT source, country, sum(n) FROM source_places GROUP BY 1, 2",
}


def dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {k: sorted(con.execute(q).fetchall(), key=repr) for k, q in QUERIES.items()}
    finally:
        con.close()


@pytest.fixture(scope="module")
def dask2() -> Iterator[DaskExecutor]:
    ex = DaskExecutor(jobs=2)
    try:
        yield ex
    finally:
        ex.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("hostile")
    make_hostile(root)
    return [ROOT / "examples", root]


@pytest.fixture(scope="module")
def direct(corpus: list[Path], res: Resources, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("direct") / "one.duckdb"
    ingest(corpus, db, res, IngestOptions(batch_size=8), on_reject=lambda r: None)
    return db


def test_two_workers_store_exactly_what_one_process_stores(
    corpus: list[Path], direct: Path, res: Resources, dask2: DaskExecutor, tmp_path: Path
) -> None:
    db = tmp_path / "two.duckdb"
    rep = ingest(corpus, db, res, IngestOptions(batch_size=8), on_reject=lambda r: None, executor=dask2)
    one, two = dump(direct), dump(db)
    assert one["events"] and one["clusters"] and one["articles"]
    for table in QUERIES:
        assert two[table] == one[table], table
    assert len(rep.workers) == 2 and sum(w["articles"] for w in rep.workers.values()) == rep.coded
    assert all(w.startswith("tcp://") for w in rep.as_json()["workers"])


def test_shards_then_load_equal_a_direct_ingest(
    corpus: list[Path], direct: Path, res: Resources, dask2: DaskExecutor, tmp_path: Path
) -> None:
    db, shards = tmp_path / "sharded.duckdb", tmp_path / "shards"
    opts = IngestOptions(batch_size=8, shards=str(shards))
    rep = ingest(corpus, db, res, opts, on_reject=lambda r: None, executor=dask2)
    assert rep.articles > 0 and dump(db)["articles"] == []  # the workers wrote shards, not the store
    assert len(list((shards / "articles").glob("part-*.parquet"))) >= 5
    with Store(db) as store:
        got = load_shards(shards, store)
        assert got["articles"] == rep.articles
        again = load_shards(shards, store)  # loaded once: a second load adds nothing
        assert again["shards"] == 0 and again["already_loaded"] == got["shards"]
    with Store(db) as store:
        from alianza.aggregate.clusters import update_clusters
        from alianza.aggregate.config import AggregateConfig

        update_clusters(store.con, AggregateConfig())
    one, loaded = dump(direct), dump(db)
    for table in QUERIES:
        assert loaded[table] == one[table], table


def _jsonl(path: Path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            body = (ES_BODY if i % 2 else EN_BODY) + f" Report number {i} of the series, filed at {i % 24}:00."
            fh.write(json.dumps({"text": body, "url": f"https://site{i % 5}.example/{i}"}) + "\n")


def test_a_worker_killed_mid_run_loses_nothing(res: Resources, dask2: DaskExecutor, tmp_path: Path) -> None:
    n = 96
    src, db = tmp_path / "c.jsonl", tmp_path / "k.duckdb"
    _jsonl(src, n)
    pids = dask2.client.run(os.getpid)
    killed: list[int] = []

    def kill_one(rep: BatchReport) -> None:
        if not killed and rep.articles >= 8:
            pid = sorted(pids.values())[0]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    rep = ingest([src], db, res, IngestOptions(batch_size=4, near_threshold=None), on_progress=kill_one, executor=dask2)
    assert killed, "the run ended before a worker could be killed"
    assert rep.articles == n and not rep.rejections
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchall() == [(n, n)]
    con.close()
    dask2.client.wait_for_workers(2, timeout=180)  # the nanny restarted it, for the next tests


@dataclass
class EditedResources(Resources):
    """The resources after a knowledge change, as a coder version of their own: here English is
    no longer coded (the way back is a new language arriving). An edited lexicon would be the
    natural change, but the cheap pass reads the packaged lexicons itself (pipeline.cheap_pass)."""

    coder: str = "edited"


def test_recode_after_a_knowledge_change_updates_events_and_clusters_idempotently(res: Resources, tmp_path: Path) -> None:
    db = str(tmp_path / "r.duckdb")
    ingest([ROOT / "examples" / "en", ROOT / "examples" / "es"], db, res)
    before = dump(Path(db))
    en = {r[0] for r in before["articles"] if r[1] == "en"}
    assert en and any(r[1] in en for r in before["events"])
    edited = EditedResources(res.kb, res.ontology, tuple(x for x in res.languages if x != "en"), res._nlp)
    ex = InlineExecutor(edited)
    first = recode(db, edited, RecodeOptions(), ex)
    after = dump(Path(db))
    assert first.recoded == len(before["articles"]) and first.events_after < first.events_before
    assert not any(r[1] in en for r in after["events"])
    assert [r for r in after["events"] if r[1] not in en] == [r for r in before["events"] if r[1] not in en]
    assert all(r[6] == "edited" for r in after["articles"])
    assert sum(r[4] for r in after["clusters"]) == len(after["events"]) < len(before["events"])  # re-clustered
    again = recode(db, edited, RecodeOptions(), ex)  # resumable: nothing left to do
    assert again.recoded == 0 and again.already_current == first.recoded and dump(Path(db)) == after
    forced = recode(db, edited, RecodeOptions(force=True, lang="es"), ex)  # idempotent: the same events again
    assert forced.recoded == len(before["articles"]) - len(en) and dump(Path(db))["events"] == after["events"]
    back = recode(db, res, RecodeOptions(), InlineExecutor(res))  # English again: its events are back
    assert back.recoded == first.recoded and dump(Path(db))["events"] == before["events"]


CRASH = "Zqxcrashmarker"


class _CrashingNlp:
    """A spaCy pipeline that takes its worker process down on one sentence: a segfault, an OOM kill."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp

    def pipe(self, texts: list[str], **kw: Any) -> Any:
        texts = list(texts)
        if any(CRASH in str(t) for t in texts):  # texts or (text, context) tuples
            os._exit(3)
        return self.nlp.pipe(texts, **kw)


class CrashingResources(Resources):
    def nlp(self, lang: str) -> Any:
        return _CrashingNlp(super().nlp(lang))


class CrashingPlugin:
    name = "alianza-resources"
    idempotent = False

    def setup(self, worker: Any) -> None:
        base = Resources.load()
        worker.alianza_resources = CrashingResources(base.kb, base.ontology, base.languages)


def test_an_article_that_kills_its_worker_is_reported_by_name_and_the_run_goes_on(
    res: Resources, dask2: DaskExecutor, tmp_path: Path
) -> None:
    import cloudpickle
    from distributed import WorkerPlugin

    import tests.test_scale as me

    cloudpickle.register_pickle_by_value(me)  # the workers need not import the tests
    plugin = type("CrashingWorkerPlugin", (CrashingPlugin, WorkerPlugin), {})()
    src, db = tmp_path / "c.jsonl", tmp_path / "crash.duckdb"
    n = 24
    with open(src, "w", encoding="utf-8") as fh:
        for i in range(n):
            body = EN_BODY + f" Report number {i} of the series."
            if i == 9:
                body = body.replace("talks", f"talks {CRASH}", 1)
            fh.write(json.dumps({"text": body, "url": f"https://crash.example/{i}"}) + "\n")
    assert CRASH in src.read_text()
    dask2.client.register_plugin(plugin, name="alianza-resources")
    try:
        rep = ingest([src], db, res, IngestOptions(batch_size=8, near_threshold=None), executor=dask2)
    finally:
        from alianza.scale.plugin import ResourcesPlugin

        dask2.client.register_plugin(ResourcesPlugin(local=True), name="alianza-resources")
        cloudpickle.unregister_pickle_by_value(me)
    failed = [r for r in rep.rejections if r.stage == "code"]
    assert len(failed) == 1 and "#line=10" in failed[0].source and "worker" in failed[0].detail, rep.rejections
    assert rep.articles == n - 1


def test_one_worker_per_core_runs_a_small_input_in_this_process(res: Resources, tmp_path: Path) -> None:
    """`--jobs` left to its default on a few articles: starting a cluster whose workers each load
    the models would cost more than coding them here."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ES_BODY, encoding="utf-8")
    (src / "b.txt").write_text(EN_BODY, encoding="utf-8")
    (src / "c.jsonl.gz").write_bytes(b"\x1f\x8b" + b"\0" * 200)  # weighed as 8 times its size
    assert small_input([src]) and not small_input([src], limit=len(ES_BODY) + len(EN_BODY))
    assert not small_input([src], limit=len(ES_BODY.encode()) + len(EN_BODY.encode()) + 8 * 150)
    rep = ingest([src], tmp_path / "s.duckdb", res, IngestOptions(jobs=None), on_reject=lambda r: None)
    assert rep.coded == 2 and rep.events > 0
    assert all(w.startswith("local:") for w in rep.workers), rep.workers


def test_a_worker_reports_its_own_peak_memory_not_the_one_it_inherited() -> None:
    """`getrusage`'s ru_maxrss survives exec: a worker spawned by a big driver reported the
    driver's size. The executor reads the process's own high-water mark (VmHWM on Linux)."""
    import psutil

    from alianza.scale.cluster import _peak_rss

    rss = psutil.Process().memory_info().rss
    assert _peak_rss() >= rss * 0.95
    status = Path("/proc/self/status")
    if status.exists():
        hwm = next(int(line.split()[1]) * 1024 for line in status.read_text().splitlines() if line.startswith("VmHWM:"))
        assert abs(_peak_rss() - hwm) <= 16 * 2**20

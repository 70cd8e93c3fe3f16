"""`alianza bench --scale`: the runner on one process, on Dask workers, and through a scheduler.

One corpus of synthetic 600-word articles (`bench.make_corpus`), ingested end to end four times in
this one command into fresh stores: in process (`--jobs 1`), on a 1-worker local cluster (the
scheduler's overhead), on a 2-worker local cluster (`--jobs 2`), and on a 2-worker cluster started
beforehand and reached by its address (`--scheduler`). Cluster start-up is timed apart from the
run. Each run also reports its driver's own work (duplicate checks, planning, store writes): one
driver serves at most articles / driver seconds, whatever the number of workers, which is what the
projection to bigger machines rests on.
"""

from __future__ import annotations

import json
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from ..pipeline import Resources, _fast_lemma
from .bench import make_corpus


def _cpu_self() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _run(
    label: str, src: Path, tmp: Path, res: Resources, make: Any, langs: list[str], samples: tuple[tuple[str, str], ...]
) -> dict[str, Any]:
    from ..runner.run import IngestOptions, ingest

    _fast_lemma.cache_clear()  # building the corpus warmed it on these very words: every run starts cold
    t = time.perf_counter()
    ex = make()
    ex.warm(langs, samples)  # the workers' models and lemma dictionaries load as part of start-up
    started = time.perf_counter() - t
    try:
        w0 = ex.worker_cpu()
        c0 = _cpu_self()
        t = time.perf_counter()
        rep = ingest([src], tmp / f"{label}.duckdb", res, IngestOptions(), executor=ex)
        seconds = time.perf_counter() - t
        driver_cpu = _cpu_self() - c0
        w1 = ex.worker_cpu()
        rss = ex.worker_memory()
    finally:
        ex.close()
    workers_cpu = sum(w1[k] - w0.get(k, 0.0) for k in w1)
    return {
        "workers": ex.workers,
        "startup_s": round(started, 2),
        "seconds": round(seconds, 2),
        "articles_per_s": round(rep.records / seconds, 2),
        "driver_s": round(rep.driver_seconds, 2),
        # CPU seconds of this process (the driver, and the scheduler of a local cluster) and of the
        # workers: on a shared machine the work done, where wall time also counts the other users
        "cpu_driver_s": round(driver_cpu, 2),
        "cpu_workers_s": round(workers_cpu, 2),
        "cpu_ms_per_article": round(1000 * (driver_cpu + workers_cpu) / max(1, rep.records), 1),
        "events": rep.events,
        "fused_batches": rep.fused_batches,
        "second_trips": rep.second_trips,
        "peak_rss_mb_per_worker": round(max((v / 2**20 for v in rss.values()), default=0.0)),
    }


def run_bench_scale(res: Resources, corpus: Path, n: int = 2000) -> dict[str, Any]:
    import dask

    from ..config import DASK_SETTINGS
    from ..scale.cluster import DaskExecutor, InlineExecutor, _dask

    arts = make_corpus(corpus, n, res=res)
    out: dict[str, Any] = {"articles": n, "mean_words": round(sum(len(a.text.split()) for a in arts) / n, 1)}
    langs = sorted(x for x in {a.lang for a in arts} if res.codes(x))
    samples = tuple((lang, next(a.text for a in arts if a.lang == lang)) for lang in langs)
    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        src = tmp / "corpus.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for i, a in enumerate(arts):
                fh.write(json.dumps({"text": a.text, "url": f"https://bench{i % 7}.example/{i}"}) + "\n")
        runs = {
            "jobs1": lambda: InlineExecutor(Resources.load()),  # as cold as a worker's
            "dask1": lambda: DaskExecutor(jobs=1),
            "jobs2": lambda: DaskExecutor(jobs=2),
        }
        for label, make in runs.items():
            out[label] = _run(label, src, tmp, res, make, langs, samples)
        # a cluster set up as the README asks of `--scheduler` users (DASK_SETTINGS on its workers)
        with dask.config.set(DASK_SETTINGS):
            cluster = _dask().LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        try:
            out["scheduler2"] = _run("scheduler2", src, tmp, res, lambda: DaskExecutor(scheduler=cluster.scheduler_address), langs, samples)
        finally:
            cluster.close()
    base = out["jobs1"]["articles_per_s"]
    out["speedup_jobs2"] = round(out["jobs2"]["articles_per_s"] / base, 2) if base else 0.0
    out["speedup_scheduler2"] = round(out["scheduler2"]["articles_per_s"] / base, 2) if base else 0.0
    out["overhead_1_worker"] = round(1 - out["dask1"]["articles_per_s"] / base, 3) if base else 0.0
    # the same in CPU: what Dask adds to the work (pickling, the scheduler, the workers' event loops)
    cpu1 = out["jobs1"]["cpu_ms_per_article"]
    out["overhead_1_worker_cpu"] = round(out["dask1"]["cpu_ms_per_article"] / cpu1 - 1, 3) if cpu1 else 0.0
    out["projection"] = projection(out)
    return out


def projection(m: dict[str, Any]) -> dict[str, float]:
    """On paper: a worker codes at the 1-worker cluster's rate, N workers scale by the 2-worker
    efficiency, and one driver caps the total at articles / its own seconds (its store writes and
    duplicate checks do not spread over workers)."""
    per_worker = m["dask1"]["articles_per_s"]
    eff = m["speedup_jobs2"] / 2 if m["speedup_jobs2"] else 1.0
    driver_cap = m["articles"] / m["jobs2"]["driver_s"] if m["jobs2"]["driver_s"] else float("inf")
    out = {}
    for label, workers in (("one_machine_32_cores", 31), ("cluster_10_nodes_32_cores", 320)):
        out[label] = round(min(workers * per_worker * eff, driver_cap), 1)
    out["driver_cap_articles_per_s"] = round(driver_cap, 1)
    return out

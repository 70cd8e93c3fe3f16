"""The batch runner around `code_article` (moved out of ingest/, which knows no store): read,
prepare, find duplicates, code, write, cluster; count everything.

Work goes in batches, through an executor (`scale/cluster.py`): in this process (`--jobs 1`) or
on Dask workers. On workers a batch makes one trip (`prepare_and_code`: cleaning, language id,
signature, place countries and a speculative coding, which the driver keeps only where it is what
the plan codes); in this process, with `--shards`, or while copies abound it makes two:
`prepare_batch` and, after the driver's duplicate check, `code_batch`. The driver is the one writer:
it writes the batches of each store session (every batch that came back, in batch order; on
workers a session starts at most once a second, less often as sessions grow longer) in one
transaction, opening the store only to look up and to write, so that `alianza events` and the web UI can read while an ingest runs (DuckDB allows one
process at a time on a file). A run killed at any point loses at most the batches in flight;
started again, it skips what was written and never writes an article twice (ids are stable,
writes replace).

What coding depends on besides the article is decided in batch order, never by timing, so the
store ends up the same whatever the number of workers: duplicates are checked against the store
and every earlier batch of the run; a source's home country counts the places of every batch up
to this one; people introduced by title are known to the batches `lag` batches later (`lag`:
`IngestOptions.lag`, at least 8, and twice the workers on bigger clusters).
"""

from __future__ import annotations

import datetime as dt
import signal
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..actors.resolve import HomeTally
from ..aggregate.clusters import update_clusters
from ..aggregate.config import AggregateConfig
from ..config import DEFAULT_FILE_TIMEOUT
from ..ingest import dedup
from ..ingest.limits import each_within, reason_counts, rejection_json
from ..ingest.rawdoc import RawDoc
from ..ingest.readers import ReadOptions, read_path, walk
from ..ingest.walk import shown
from ..pipeline import Resources
from ..store.db import Fingerprint, Store
from ..types import Actor, CodedArticle, Rejection
from .work import (
    MAX_BODY_CHARS,
    MIN_BODY_CHARS,
    PEOPLE_MEMORY_DAYS,
    BatchResult,
    Failure,
    Prepared,
    Speculation,
    ToCode,
    code_and_shard,
    code_batch,
    coder_version,
    parse_published,
    prepare_and_code,
    prepare_batch,
    source_key,
)

__all__ = ["MAX_BODY_CHARS", "MIN_BODY_CHARS", "PEOPLE_MEMORY_DAYS", "parse_published"]
MIN_LAG = 8
# On workers, a store session (open, look-ups, one transaction, close: 40 ms of the driver's CPU
# on a new store, 100 ms at 2,000 articles, as DuckDB's checkpoint at close rewrites the table's
# last row group) starts at most every SESSION_GAP_S, or every 1 / SESSION_SHARE times the last
# one lasted: what comes back meanwhile joins it, as long as every worker has a batch queued.
SESSION_GAP_S = 1.0
SESSION_SHARE = 0.05
PREPARE_FIRST = 1  # Dask priority of preparations over codings (0)
# `jobs=None` (one worker per core) on an input smaller than this runs in this process: a local
# cluster's workers each load the models (seconds of CPU per language) before coding anything,
# which only pays past a few hundred articles. Compressed files count for COMPRESSED_RATIO their size.
SMALL_INPUT_BYTES = 2 * 1024 * 1024
COMPRESSED_RATIO = 8
COMPRESSED_SUFFIXES = (".gz", ".bz2", ".zip", ".xz")


@dataclass(frozen=True, slots=True)
class IngestOptions:
    read: ReadOptions = field(default_factory=ReadOptions)
    batch_size: int = 32
    near_threshold: float | None = dedup.DEFAULT_THRESHOLD  # None: exact duplicates only
    lang: str | None = None  # force every article's language
    strict: bool = False  # re-raise internal errors instead of counting them
    code: bool = True  # False stores articles without events (benchmarks of reading alone)
    aggregate: AggregateConfig = field(default_factory=AggregateConfig)  # the cluster window, ...
    jobs: int | None = 1  # worker processes; None: one per core; 1 without `scheduler`: in this process
    scheduler: str | None = None  # tcp://HOST:PORT of an existing Dask scheduler
    shards: str | None = None  # a folder: workers write Parquet shards there instead of the driver the store
    file_timeout: float = DEFAULT_FILE_TIMEOUT  # seconds per document read and per article coded; 0: none
    lag: int | None = None  # batches before people a batch introduced are known (None: max(8, 2 x workers))


@dataclass
class BatchReport:
    files: int = 0
    records: int = 0  # documents the readers produced (a feed or a WARC gives many per file)
    articles: int = 0  # new articles stored, duplicates included
    coded: int = 0  # of which went through the coder (not duplicates, language with a pipeline)
    uncoded: int = 0  # stored without coding: no pipeline for their language
    skipped_existing: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    events: int = 0
    clusters_new: int = 0
    clusters_touched: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    formats: Counter[str] = field(default_factory=Counter)
    rejections: list[Rejection] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    workers: dict[str, dict[str, float]] = field(default_factory=dict)  # per worker: articles coded, busy seconds
    interrupted: bool = False  # Ctrl-C: what was written stays, the next run goes on from there
    dashboard: str | None = None
    driver_seconds: float = 0.0  # the driver's own work: duplicate checks, planning, store writes
    fused_batches: int = 0  # batches prepared and coded in one trip
    second_trips: int = 0  # of which the driver had coded again (a copy that taught people, a home that moved)

    @property
    def rate(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        langs = ", ".join(f"{k} {v}" for k, v in self.languages.most_common())
        return (
            f"{self.files} files, {self.records} records in {self.seconds:.1f} s ({self.rate:.1f}/s): "
            f"{self.articles} new articles ({langs or 'none'}), {self.coded} coded, {self.uncoded} in languages "
            f"without a pipeline, {self.exact_duplicates} exact and {self.near_duplicates} near duplicates, "
            f"{self.skipped_existing} already stored, {self.events} events ({self.clusters_new} new clusters), "
            f"{len(self.rejections)} rejected" + (f" ({reason_counts(self.rejections)})" if self.rejections else "")
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "records": self.records,
            "articles": self.articles,
            "coded": self.coded,
            "uncoded": self.uncoded,
            "skipped_existing": self.skipped_existing,
            "exact_duplicates": self.exact_duplicates,
            "near_duplicates": self.near_duplicates,
            "events": self.events,
            "clusters_new": self.clusters_new,
            "clusters_touched": self.clusters_touched,
            "languages": dict(self.languages),
            "formats": dict(self.formats),
            "rejected": [str(r) for r in self.rejections],
            "reasons": dict(Counter(r.reason for r in self.rejections)),
            "rejections": [rejection_json(r) for r in self.rejections],
            "errors": dict(self.errors),
            "seconds": round(self.seconds, 3),
            "records_per_second": round(self.rate, 2),
            "workers": {
                w: {
                    "articles": int(v["articles"]),
                    "busy_seconds": round(v["seconds"], 3),
                    "articles_per_second": round(v["articles"] / v["seconds"], 2) if v["seconds"] else 0.0,
                }
                for w, v in sorted(self.workers.items())
            },
            "interrupted": self.interrupted,
            "driver_seconds": round(self.driver_seconds, 3),
            "fused_batches": self.fused_batches,
            "second_trips": self.second_trips,
        }

    def exit_code(self) -> int:
        """130 after Ctrl-C; 1 when nothing at all could be read; a batch with some rejections
        still succeeded."""
        if self.interrupted:
            return 130
        return 1 if self.rejections and not self.articles and not self.skipped_existing else 0


_Row = tuple[CodedArticle, Fingerprint | None, dict[str, Any]]  # what `Store.write_many` writes of an article


class _Ready:
    """A coding the driver accepted from a fused task: a handle that is done."""

    def __init__(self, value: BatchResult) -> None:
        self.value = value

    def done(self) -> bool:
        return True

    def result(self) -> BatchResult:
        return self.value


@dataclass
class _Batch:
    k: int
    docs: list[RawDoc]
    prep: Any = None  # the handle of prepare_batch
    items: list[tuple[Prepared, Fingerprint | None, float | None]] = field(default_factory=list)
    to_code: list[ToCode] = field(default_factory=list)
    places: dict[str, dict[str, int]] = field(default_factory=dict)
    meta: list[tuple[Fingerprint | None, dict[str, Any]]] = field(default_factory=list)  # what the store keeps beside
    shard_by_driver: bool = False
    coding: Any = None  # the handle of code_batch
    people: list[tuple[Actor, dt.date | None]] = field(default_factory=list)  # known when it was sent
    fused: bool = False  # sent to `prepare_and_code`: one trip, coded before the driver's check
    copies: int = 0  # articles stored already, exact and near copies
    worker: str = ""  # who ran the fused task
    spec: Speculation | None = None


class _Runner:
    def __init__(
        self,
        db_path: str,
        res: Resources,
        opts: IngestOptions,
        on_reject: Callable[[Rejection], None] | None,
        on_progress: Callable[[BatchReport], None] | None,
        executor: Any = None,
    ) -> None:
        self.db_path, self.res, self.opts = db_path, res, opts
        self.on_reject, self.on_progress = on_reject, on_progress
        self.report = BatchReport()
        self.homes = HomeTally()
        self.people: dict[str, tuple[Actor, dt.date | None]] = {}  # the corpus memory, as batch k sees it
        self.learned: dict[int, tuple[CodedArticle, ...]] = {}  # written batches whose people wait for the lag
        self.settled = -1  # the last batch whose people are in self.people
        self.written = -1  # the last batch written (batches are written in order)
        self.executor = executor
        # duplicates among the batches checked but not written yet: content hash -> id, band -> (id, values)
        self.pending_ids: dict[str, int] = {}
        self.pending_hashes: dict[str, tuple[int, str]] = {}
        self.pending_bands: dict[tuple[int, int], list[tuple[int, str, Any]]] = {}
        # written batches whose rows wait for the end of the store session (`flush`)
        self.unflushed: list[tuple[list[_Row], dict[str, dict[str, int]]]] = []
        self.unforgotten: list[int] = []
        self.session_end = 0.0  # when the last store session closed (perf_counter)
        self.session_seconds = 0.0  # and how long it lasted
        self.stop = False
        self.t0 = time.perf_counter()
        self.coder = coder_version(res)
        # one trip per batch on workers of another process (in this one a trip costs nothing);
        # shards are written by the worker after the driver's decisions, so they take two
        self.allow_fuse = bool(getattr(executor, "remote", False)) and opts.code and not opts.shards
        self.fuse = self.allow_fuse

    def reject(self, r: Rejection) -> None:
        self.report.rejections.append(r)
        if self.on_reject:
            self.on_reject(r)

    def fail(self, f: Failure) -> None:
        self.report.errors[f.error] += 1
        self.reject(f.rejection())
        if f.trace:
            print(f.trace, file=sys.stderr, end="")

    def error(self, source: str, stage: str, err: Exception) -> None:
        if self.opts.strict:
            raise err
        self.fail(Failure(source, stage, type(err).__name__, str(err)))

    def docs(self, paths: list[Path]) -> Iterator[RawDoc]:
        for item in walk(paths, self.opts.read):
            if isinstance(item, Rejection):
                self.reject(item)
                continue
            self.report.files += 1
            try:
                for doc in each_within(read_path(item, self.opts.read), self.opts.file_timeout, shown(item)):
                    if isinstance(doc, Rejection):
                        self.reject(doc)
                    else:
                        yield doc
            except Exception as err:  # a reader bug: name the file, go on with the next
                self.error(str(item), "read", err)

    def batches(self, paths: list[Path]) -> Iterator[list[RawDoc]]:
        batch: list[RawDoc] = []
        for doc in self.docs(paths):
            self.report.records += 1
            batch.append(doc)
            if len(batch) >= self.opts.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    # -- the driver's decisions, in batch order ----------------------------------------------------
    def collect_prepared(self, b: _Batch) -> list[Prepared]:
        try:
            got: BatchResult = b.prep.result()
            results = list(got.results)
        except Exception:
            if self.opts.strict:
                raise
            results = self.one_by_one(prepare_batch, [[d] for d in b.docs], (self.opts.lang, self.near), "clean", b)
        else:
            spec = got.extra.get("spec")
            b.spec = spec if isinstance(spec, Speculation) else None
            b.worker = got.worker
            if b.spec is not None:
                w = self.report.workers.setdefault(got.worker, {"articles": 0.0, "seconds": 0.0})
                w["seconds"] += got.seconds
        out = []
        for r in results:
            if isinstance(r, Prepared):
                out.append(r)
            elif isinstance(r, Failure):
                self.fail(r)
            else:
                self.reject(r)
        return out

    @property
    def near(self) -> bool:
        return self.opts.near_threshold is not None

    def one_by_one(self, fn: Callable[..., Any], singles: list[Any], args: tuple[Any, ...], stage: str, b: _Batch) -> list[Any]:
        """A batch whose task failed (its worker died twice, or a bug escaped): each input alone, so
        that only the one to blame is lost, with its name and the reason."""
        handles = [self.executor.submit(fn, one, *args) for one in singles]
        out: list[Any] = []
        for one, h in zip(singles, handles, strict=True):
            try:
                out.extend(h.result().results)
            except Exception:
                # alone this time: an input that was only queued on the workers the culprit killed
                # fails with it (the scheduler counts every task a dying worker held); run by itself,
                # only the culprit fails again
                try:
                    out.extend(self.executor.submit(fn, one, *args).result().results)
                except Exception as err:
                    x = one[0]
                    name = x.source if isinstance(x, RawDoc) else (x.article.source or x.article.id)
                    out.append(Failure(name, stage, type(err).__name__, f"the worker failed on it twice: {err}"))
        return out

    def find_duplicates(self, store: Store, b: _Batch, prepared: list[Prepared]) -> None:
        """Drop what is stored already; mark copies of stored or earlier articles."""
        rep = self.report
        stored = store.existing([p.article.id for p in prepared])
        fresh: list[Prepared] = []
        for p in prepared:
            if p.article.id in stored or p.article.id in self.pending_ids:  # or earlier in the run
                rep.skipped_existing += 1
                b.copies += 1
            else:
                self.pending_ids[p.article.id] = b.k
                fresh.append(p)
        originals = store.originals_by_content([p.article.content_hash for p in fresh])
        keys_all = [(i, h) for p in fresh if p.signature for i, h in enumerate(p.signature.bands)]
        stored_cands = store.band_candidates(keys_all) if self.near and keys_all else {}
        stored_sigs = {cid: dedup.Signature.values_from(blob) for cid, blob in stored_cands.items()}
        for p in fresh:
            self.check_one(b, p, originals, stored_sigs)

    def check_one(
        self,
        b: _Batch,
        p: Prepared,
        originals: dict[str, str],
        stored_sigs: dict[str, Any],
    ) -> None:
        """One fresh article against the store and the run so far. The store's candidates are those
        of the whole batch (one query): a signature compared needlessly costs microseconds."""
        rep, a = self.report, p.article
        orig = originals.get(a.content_hash) or self.pending_original(a.content_hash)
        if orig is not None:
            b.items.append((replace(p, article=replace(a, duplicate_of=orig)), None, 1.0))
            rep.exact_duplicates += 1
            b.copies += 1
            return
        sig = p.signature
        if self.opts.near_threshold is None or sig is None:
            b.items.append((p, None, None))
            self.pending_hashes[a.content_hash] = (b.k, a.id)
            return
        keys = list(enumerate(sig.bands))
        cands = dict(stored_sigs)
        for k in keys:
            for _k, cid, values in self.pending_bands.get(k, []):
                cands[cid] = values
        best = max(((dedup.similarity(sig.values, v), cid) for cid, v in cands.items()), default=None)
        if best is not None and best[0] >= self.opts.near_threshold:
            b.items.append((replace(p, article=replace(a, duplicate_of=best[1])), None, best[0]))
            rep.near_duplicates += 1
            b.copies += 1
            return
        b.items.append((p, Fingerprint(sig.to_bytes(), sig.bands), None))
        # an original only, as in the store: a near copy is nobody's original (duplicate_of is set)
        self.pending_hashes[a.content_hash] = (b.k, a.id)
        for k in keys:
            self.pending_bands.setdefault(k, []).append((b.k, a.id, sig.values))

    def pending_original(self, content_hash: str) -> str | None:
        got = self.pending_hashes.get(content_hash)
        return got[1] if got else None

    def forget_pending(self, k: int) -> None:
        """Batch k is in the store now: its articles are found there."""
        self.pending_ids = {i: j for i, j in self.pending_ids.items() if j != k}
        self.pending_hashes = {h: v for h, v in self.pending_hashes.items() if v[0] != k}
        for key in list(self.pending_bands):
            kept = [x for x in self.pending_bands[key] if x[0] != k]
            if kept:
                self.pending_bands[key] = kept
            else:
                del self.pending_bands[key]

    def plan_coding(self, b: _Batch) -> None:
        """Count the places of the batch's new originals for their sources, then decide who is coded."""
        batch = HomeTally()
        for p, _fp, _sim in b.items:
            a = p.article
            if a.duplicate_of is None and a.lang and self.res.codes(a.lang):
                batch.add(source_key(a.site, p.source), list(p.places))
                self.homes.add(source_key(a.site, p.source), list(p.places))
        b.places = batch.counts
        for p, _fp, _sim in b.items:
            a = p.article
            code = a.duplicate_of is None and self.opts.code and self.res.codes(a.lang)
            home = self.homes.home(source_key(a.site, p.source)) if code else None
            b.to_code.append(ToCode(a, bool(code), home))
        for (p, fp, sim), t in zip(b.items, b.to_code, strict=True):
            extra = {"similarity": sim, "format": p.format, "encoding": p.encoding, "coder": self.coder if t.code else None}
            b.meta.append((fp, extra))

    def accept(self, b: _Batch) -> BatchResult | None:
        """A fused batch's coding, when it is exactly what `code_batch` would code for the driver's
        plan: every article to code was coded, with the home the driver finds, and no article
        coded needlessly (a copy, or one stored already) introduced people, whom the later
        articles of the batch would have known. Else None: the batch is coded again."""
        spec = b.spec
        if spec is None or not spec.batched:
            return None
        got = {c.article.id: (c, home) for c, home in zip(spec.coded, spec.homes, strict=True) if c is not None}
        out: list[CodedArticle] = []
        for t in b.to_code:
            if not t.code:
                out.append(CodedArticle(t.article, (), 0, 0))
                continue
            one = got.pop(t.article.id, None)
            if one is None or one[1] != t.source_home:
                return None
            out.append(one[0])
        if any(c.people for c, _home in got.values()):
            return None
        return BatchResult(tuple(out), b.worker, coded=sum(t.code for t in b.to_code))

    def adapt(self, b: _Batch) -> None:
        """Fused tasks code copies and articles stored already in vain (a resumed run re-reads
        what it wrote): past a quarter of a batch, the next batches take two trips until one is
        mostly new again. Only the speed changes: the driver accepts only exact codings."""
        if self.allow_fuse:
            if 4 * b.copies > len(b.docs):
                self.fuse = False
            elif 8 * b.copies <= len(b.docs):
                self.fuse = True

    def lag(self) -> int:
        return self.opts.lag or max(MIN_LAG, 2 * self.executor.workers)

    def people_for(self, k: int) -> list[tuple[Actor, dt.date | None]]:
        """The people of every batch up to k - lag, in batch order (the later sighting wins)."""
        while self.settled < k - self.lag() and self.settled < self.written:
            self.settled += 1
            for coded in self.learned.pop(self.settled, ()):
                for person in coded.people:
                    self.people[person.name or ""] = (person, coded.article.published)
        return list(self.people.values())

    def people_ready(self, k: int) -> bool:
        return self.written >= k - self.lag()

    # -- results back, in batch order --------------------------------------------------------------
    def collect_coded(self, b: _Batch) -> list[CodedArticle]:
        try:
            got: BatchResult = b.coding.result()
            results, done = list(got.results), [got]
        except Exception:
            if self.opts.strict:
                raise
            singles = [[t] for t in b.to_code]
            args = (b.people, self.opts.strict, self.opts.file_timeout)
            results = self.one_by_one(code_batch, singles, args, "code", b)
            done = []
            b.shard_by_driver = bool(self.opts.shards)  # the singles came back with their rows
        for g in done:
            w = self.report.workers.setdefault(g.worker, {"articles": 0.0, "seconds": 0.0})
            w["articles"] += g.coded
            w["seconds"] += g.seconds
        out = []
        for r in results:
            if isinstance(r, Failure):
                self.fail(r)
            elif isinstance(r, Rejection):  # over --file-timeout
                self.reject(r)
            else:
                out.append(r)
        return out

    def write(self, store: Store, b: _Batch, coded: list[CodedArticle]) -> None:
        by_id = {c.article.id: c for c in coded}
        rows = []
        for t, (fp, extra) in zip(b.to_code, b.meta, strict=True):
            c = by_id.get(t.article.id)
            if c is None:  # its coding failed: not stored, the next run codes it again
                continue
            rows.append((c, fp, extra))
        if rows and b.shard_by_driver:
            from ..scale.shards import write_shard

            write_shard(str(self.opts.shards), rows, b.places)
        elif rows and not self.opts.shards:  # with shards, the worker wrote them
            self.unflushed.append((rows, b.places))
        rep = self.report
        for c, _fp, extra in rows:
            rep.articles += 1
            rep.events += len(c.events)
            rep.languages[c.article.lang or "unknown"] += 1
            rep.formats[str(extra["format"])] += 1
            if c.article.duplicate_of is None:
                if self.opts.code and self.res.codes(c.article.lang):
                    rep.coded += 1
                else:
                    rep.uncoded += 1
        self.learned[b.k] = tuple(c for c, _fp, _x in rows if c.people)
        self.written = b.k
        if not self.opts.shards:  # shards reach the store at `alianza load`: the run remembers them
            self.unforgotten.append(b.k)

    def flush(self, store: Store) -> None:
        """The batches written in this store session, in one transaction (a transaction's fixed
        cost, some 20 ms, once per session instead of once per batch), in batch order; only then
        are they found in the store instead of among the pending checks, so the duplicate checks
        of the session's later batches saw them there."""
        rows = [r for got, _places in self.unflushed for r in got]
        if rows:
            store.write_many(rows, [places for _got, places in self.unflushed])
        self.unflushed.clear()
        for k in self.unforgotten:
            self.forget_pending(k)
        self.unforgotten.clear()

    # -- the loop ----------------------------------------------------------------------------------
    def run(self, paths: list[Path]) -> BatchReport:
        with Store(self.db_path) as store:
            self.people = {a.name or "": (a, d) for a, d in store.people()}
            self.homes.counts = store.source_places()
        old = signal.getsignal(signal.SIGINT)
        if old is signal.default_int_handler:  # Ctrl-C: finish the batches in flight, then stop
            signal.signal(signal.SIGINT, self.interrupt)
        try:
            self.loop(self.batches(paths))
        finally:
            if old is signal.default_int_handler:
                signal.signal(signal.SIGINT, old)
        # Clusters are brought up to date once per run (an interrupted run's events are picked up
        # by the next one: clustering takes every event that has no cluster yet).
        with Store(self.db_path) as store:
            upd = update_clusters(store.con, self.opts.aggregate)
        self.report.clusters_new, self.report.clusters_touched = upd.new_clusters, upd.recounted
        self.report.seconds = time.perf_counter() - self.t0
        return self.report

    def interrupt(self, signum: int, frame: Any) -> None:
        if self.stop:  # a second Ctrl-C: stop now
            raise KeyboardInterrupt
        self.stop = True
        self.report.interrupted = True

    def loop(self, batches: Iterator[list[RawDoc]]) -> None:
        """Keep about three batches per worker in flight (never more than the people lag, so that
        every batch is sent with the people it is coded with). On workers each batch makes one
        trip (`prepare_and_code`): the driver checks duplicates and plans in order as the batches
        come back, accepts their coding where it is what the plan codes (else codes the batch
        again) and writes in order. In this process (`--jobs 1`, or when copies abound) a batch
        makes two: preparations come back, the driver plans them, then the codings, which run
        before the preparations a worker holds so that each worker has a planned batch queued
        behind the one it codes. The store is opened once per round of whatever came back (an
        open and a close cost some 30 ms), never while this process codes (`--jobs 1` codes at
        submit, after the store is closed)."""
        window = min(3 * self.executor.workers + 1, self.lag())
        preparing: deque[_Batch] = deque()
        coding: deque[_Batch] = deque()
        k = 0
        exhausted = False
        while True:
            while not exhausted and not self.stop and len(preparing) + len(coding) < window and self.people_ready(k):
                docs = next(batches, None)
                if docs is None:
                    exhausted = True
                    break
                b = _Batch(k, docs, people=self.people_for(k), fused=self.fuse)
                if b.fused:
                    keys = {source_key(d.site, d.source) for d in docs}
                    # a copy: Dask may pickle the arguments after this loop has counted more places
                    counts = {key: dict(self.homes.counts[key]) for key in keys if key in self.homes.counts}
                    args: tuple[Any, ...] = (docs, self.opts.lang, self.near, self.opts.strict, b.people, counts)
                    b.prep = self.executor.submit(prepare_and_code, *args, True, self.opts.file_timeout)
                    self.report.fused_batches += 1
                else:
                    args = (docs, self.opts.lang, self.near, self.opts.strict)
                    b.prep = self.executor.submit(prepare_batch, *args, priority=PREPARE_FIRST)
                preparing.append(b)
                k += 1
            if self.stop:
                preparing.clear()  # not started in the store: the next run reads them again
            if not preparing and not coding:
                break
            self.gather(preparing, coding)
            if not self.round(preparing, coding):
                self.executor.wait_first([x for x in (preparing[0].prep if preparing else None, coding[0].coding if coding else None) if x])

    def gather(self, preparing: deque[_Batch], coding: deque[_Batch]) -> None:
        """On workers, when the next batch in order is back but the last store session ended less
        than SESSION_GAP_S ago (or 1 / SESSION_SHARE times its length, for a store whose sessions
        grew long): wait for the batches behind it until then, so that they share the next
        session, but not once no more than one batch per worker is still out (each is running its
        last: the session refills them). Only when the store sessions start changes, never what
        is decided."""
        if not getattr(self.executor, "remote", False) or self.stop:
            return
        until = self.session_end + max(SESSION_GAP_S, self.session_seconds / SESSION_SHARE)
        handles = [b.coding for b in coding] + [b.prep for b in preparing]
        while handles and handles[0].done():
            handles.pop(0)
            # a worker with no batch queued behind the one it runs waits for this session's refill
            while len([h for h in handles if not h.done()]) > self.executor.workers and not handles[0].done():
                left = until - time.perf_counter()
                if left <= 0:
                    return
                self.executor.wait_first(handles[:1], timeout=left)
            if handles and not handles[0].done():
                return

    def round(self, preparing: deque[_Batch], coding: deque[_Batch]) -> bool:
        """Write the codings that came back and plan the preparations that came back, in batch
        order, in one store session; False when nothing had come back. Results are fetched
        before the store opens, so a batch retried article by article never holds it. A fused
        batch whose coding is accepted is written in the same session when it is next in order."""
        done: list[tuple[_Batch, list[CodedArticle]]] = []
        while coding and coding[0].coding.done():
            b = coding.popleft()
            done.append((b, self.collect_coded(b)))
        ready: list[tuple[_Batch, list[Prepared]]] = []
        while preparing and preparing[0].prep.done():
            b = preparing.popleft()
            ready.append((b, self.collect_prepared(b)))
        if not done and not ready:
            return False
        t = time.perf_counter()
        later: list[_Batch] = []
        with Store(self.db_path, migrate=False) as store:
            for b, coded in done:
                self.write(store, b, coded)
            for b, prepared in ready:
                self.find_duplicates(store, b, prepared)
                self.plan_coding(b)
                self.adapt(b)
                got = self.accept(b) if b.fused else None
                if got is not None:
                    b.coding = _Ready(got)
                    if not coding and not later:  # next in order: written now
                        self.write(store, b, self.collect_coded(b))
                        continue
                elif b.fused:
                    self.report.second_trips += 1
                later.append(b)
            self.flush(store)
        self.session_end = time.perf_counter()
        self.session_seconds = self.session_end - t
        self.report.driver_seconds += self.session_seconds
        for b in later:
            if b.coding is None:
                b.coding = self.submit_coding(b)
            coding.append(b)
        self.progress()
        return True

    def submit_coding(self, b: _Batch) -> Any:
        if self.opts.shards:
            args = (b.to_code, b.people, self.opts.strict, self.opts.shards, b.meta, b.places, self.opts.file_timeout)
            return self.executor.submit(code_and_shard, *args)
        return self.executor.submit(code_batch, b.to_code, b.people, self.opts.strict, self.opts.file_timeout)

    def progress(self) -> None:
        self.report.seconds = time.perf_counter() - self.t0
        if self.on_progress:
            self.on_progress(self.report)


def ingest(
    paths: list[Path],
    db_path: str | Path,
    res: Resources,
    opts: IngestOptions | None = None,
    on_reject: Callable[[Rejection], None] | None = None,
    on_progress: Callable[[BatchReport], None] | None = None,
    executor: Any = None,
) -> BatchReport:
    """Ingest files and folders into the store at `db_path`. Never raises on bad input.

    `executor`: one from `scale.cluster` to share between runs (tests, benchmarks); by default one
    is made from `opts.jobs` and `opts.scheduler` and closed at the end.
    """
    from ..scale.cluster import make_executor

    opts = opts or IngestOptions()
    Store(db_path).close()  # create and migrate up front: a bad path fails before any work
    own = executor is None
    if executor is None and opts.jobs is None and not (opts.scheduler or opts.shards) and small_input(paths, opts.read):
        opts = replace(opts, jobs=1)
    ex = executor or make_executor(res, opts.jobs, opts.scheduler)
    try:
        runner = _Runner(str(db_path), res, opts, on_reject, on_progress, ex)
        runner.report.dashboard = ex.dashboard()
        return runner.run(paths)
    finally:
        if own:
            ex.close()


def small_input(paths: list[Path], read: ReadOptions | None = None, limit: int = SMALL_INPUT_BYTES) -> bool:
    """Whether the regular files under `paths` hold less than `limit` bytes (compressed ones
    weighed by COMPRESSED_RATIO): a walk that stops at the limit, reading no file."""
    total = 0
    for item in walk(paths, read):
        if not isinstance(item, Path):
            continue
        try:
            size = item.stat().st_size
        except OSError:  # gone or unreadable: the run itself reports it
            continue
        total += size * (COMPRESSED_RATIO if item.name.lower().endswith(COMPRESSED_SUFFIXES) else 1)
        if total >= limit:
            return False
    return True

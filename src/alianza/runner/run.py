"""The batch runner around `code_article` (moved out of ingest/, which knows no store): read, clean,
find duplicates, code, store; count everything.

Work goes in batches. For each batch the store is opened twice, briefly: once to look up what is
already stored (resume) and what the new articles copy (duplicates), once to write the batch in one
transaction. Coding, the slow part, runs with the store closed, so that `alianza events` and the web
UI can read while an ingest runs (DuckDB allows one process at a time on a file). A run killed at
any point loses at most the batch in flight; started again, it skips what was written and never
writes an article twice (ids are stable, writes replace).
"""

from __future__ import annotations

import datetime as dt
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..actors.resolve import HomeTally, place_countries
from ..aggregate.clusters import update_clusters
from ..aggregate.config import AggregateConfig
from ..config import DEFAULT_FILE_TIMEOUT
from ..ingest import dedup
from ..ingest.limits import CodingClock, Deadline, deadline, each_within, reason_counts, rejection_json
from ..ingest.rawdoc import RawDoc
from ..ingest.readers import ReadOptions, read_path, walk
from ..ingest.walk import shown
from ..nlp.dates import parse_date
from ..pipeline import Resources, code_article, make_article
from ..store.db import Fingerprint, Store
from ..textutil import scrub
from ..types import Actor, Article, CodedArticle, Rejection

MIN_BODY_CHARS = 40
PEOPLE_MEMORY_DAYS = 2 * 365
MAX_BODY_CHARS = 1_000_000  # a 1 MB "article" is a dump or a log, not news: refused with its size


@dataclass(frozen=True, slots=True)
class IngestOptions:
    read: ReadOptions = field(default_factory=ReadOptions)
    batch_size: int = 32
    near_threshold: float | None = dedup.DEFAULT_THRESHOLD  # None: exact duplicates only
    lang: str | None = None  # force every article's language
    strict: bool = False  # re-raise internal errors instead of counting them
    code: bool = True  # False stores articles without events (benchmarks of reading alone)
    aggregate: AggregateConfig = field(default_factory=AggregateConfig)  # the cluster window, ...
    file_timeout: float = DEFAULT_FILE_TIMEOUT  # seconds per document read and per article coded; 0: none


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
        }

    def exit_code(self) -> int:
        """1 when nothing at all could be read; a batch with some rejections still succeeded."""
        return 1 if self.rejections and not self.articles and not self.skipped_existing else 0


def parse_published(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return parse_date(value)


def source_key(article: Article, doc: RawDoc) -> str:
    """What counts as one source for its home country: the site; else the dump or feed file a
    record came from; else the folder of a saved page."""
    if article.site:
        return article.site
    src = doc.source
    for sep in ("#", "!"):
        if sep in src:
            return src.split(sep, 1)[0]
    return str(Path(src).parent)


@dataclass
class _Item:
    doc: RawDoc
    article: Article
    fingerprint: Fingerprint | None = None
    similarity: float | None = None
    coded: CodedArticle | None = None


class _Runner:
    def __init__(
        self,
        db_path: str,
        res: Resources,
        opts: IngestOptions,
        on_reject: Callable[[Rejection], None] | None,
        on_progress: Callable[[BatchReport], None] | None,
    ) -> None:
        self.db_path, self.res, self.opts = db_path, res, opts
        self.on_reject, self.on_progress = on_reject, on_progress
        self.report = BatchReport()
        self.homes = HomeTally()
        self.people: dict[str, tuple[Actor, dt.date | None]] = {}  # the corpus memory of people
        self.clock = CodingClock(opts.file_timeout)

    def reject(self, r: Rejection) -> None:
        self.report.rejections.append(r)
        if self.on_reject:
            self.on_reject(r)

    def error(self, source: str, stage: str, err: Exception) -> None:
        if self.opts.strict:
            raise err
        self.report.errors[type(err).__name__] += 1
        self.reject(Rejection(source, stage, "error", f"{type(err).__name__}: {err}"))
        traceback.print_exc()

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

    def prepare(self, doc: RawDoc) -> _Item | None:
        self.report.records += 1
        try:
            doc = replace(
                doc,
                text=scrub(doc.text),
                title=doc.title and scrub(doc.title),
                author=doc.author and scrub(doc.author),
                section=doc.section and scrub(doc.section),
            )
            article = make_article(
                doc.text,
                lang=self.opts.lang or doc.lang,
                lang_hint=doc.lang_hint,
                published=parse_published(doc.published),
                source=doc.source,
                url=doc.url,
                clean=doc.clean,
                title=doc.title,
                author=doc.author,
                section=doc.section,
                site=doc.site,
                origin=doc.key or doc.source,
            )
        except Exception as err:
            self.error(doc.source, "clean", err)
            return None
        n = len(article.text)
        if n < MIN_BODY_CHARS:
            self.reject(Rejection(doc.source, "clean", "too_short", f"{n} characters of text after cleaning"))
            return None
        if n > MAX_BODY_CHARS:
            self.reject(Rejection(doc.source, "clean", "too_large", f"{n} characters of text, limit {MAX_BODY_CHARS}"))
            return None
        return _Item(doc, article)

    def find_duplicates(self, items: list[_Item]) -> list[_Item]:
        """Drop what is stored already; mark copies of stored or earlier articles. Store open briefly."""
        rep = self.report
        with Store(self.db_path) as store:
            stored = store.existing([it.article.id for it in items])
            fresh: list[_Item] = []
            seen_ids: set[str] = set()
            for it in items:
                if it.article.id in stored or it.article.id in seen_ids:
                    rep.skipped_existing += 1
                else:
                    seen_ids.add(it.article.id)
                    fresh.append(it)
            originals = store.originals_by_content([it.article.content_hash for it in fresh])
            batch_bands: dict[tuple[int, int], list[tuple[str, Any]]] = {}
            for it in fresh:
                a = it.article
                orig = originals.get(a.content_hash)
                if orig is not None:
                    it.article = replace(a, duplicate_of=orig)
                    it.similarity = 1.0
                    rep.exact_duplicates += 1
                    continue
                originals[a.content_hash] = a.id
                if self.opts.near_threshold is None:
                    continue
                sig = dedup.signature(a.text)
                if sig is None:
                    continue
                keys = list(enumerate(sig.bands))
                cands = {k: dedup.Signature.values_from(v) for k, v in store.band_candidates(keys).items()}
                for k in keys:
                    for cid, values in batch_bands.get(k, []):
                        cands[cid] = values
                best = max(((dedup.similarity(sig.values, v), cid) for cid, v in cands.items()), default=None)
                if best is not None and best[0] >= self.opts.near_threshold:
                    it.article = replace(a, duplicate_of=best[1])
                    it.similarity = best[0]
                    rep.near_duplicates += 1
                    continue
                it.fingerprint = Fingerprint(sig.to_bytes(), sig.bands)
                for k in keys:
                    batch_bands.setdefault(k, []).append((a.id, sig.values))
        return fresh

    def count_places(self, items: list[_Item]) -> dict[str, dict[str, int]]:
        """Count the places of the batch's new original articles, per source (HomeTally)."""
        batch = HomeTally()
        for it in items:
            a = it.article
            if a.duplicate_of is None and a.lang and self.res.codes(a.lang):
                countries = place_countries(a.text, a.lang, self.res.kb)
                batch.add(source_key(a, it.doc), countries)
                self.homes.add(source_key(a, it.doc), countries)
        return batch.counts

    def code(self, items: list[_Item]) -> list[_Item]:
        out = []
        for it in items:
            a = it.article
            if a.duplicate_of is None and self.opts.code and self.res.codes(a.lang):
                try:
                    with deadline(self.clock.limit(a.lang)):
                        it.coded = code_article(
                            a,
                            self.res,
                            source_home=self.homes.home(source_key(a, it.doc)),
                            known_people=self.known_people(a.published),
                        )
                    for p in it.coded.people:
                        self.people[p.name or ""] = (p, a.published)
                except Deadline as late:  # not stored; reported, and the next article goes on
                    self.reject(late.rejection(it.doc.source, "code", "coding"))
                    continue
                except Exception as err:  # not stored: a fixed version codes it on the next run
                    self.error(it.doc.source, "code", err)
                    continue
                self.report.coded += 1
            else:
                it.coded = CodedArticle(a, (), 0, 0)
                if a.duplicate_of is None:
                    self.report.uncoded += 1
            out.append(it)
        return out

    def write(self, items: list[_Item], places: dict[str, dict[str, int]]) -> None:
        if not items:
            return
        rows = []
        for it in items:
            assert it.coded is not None
            extra = {"similarity": it.similarity, "format": it.doc.format, "encoding": it.doc.encoding}
            rows.append((it.coded, it.fingerprint, extra))
        with Store(self.db_path) as store:
            store.write_many(rows, places)
        rep = self.report
        for it in items:
            assert it.coded is not None
            rep.articles += 1
            rep.events += len(it.coded.events)
            rep.languages[it.article.lang or "unknown"] += 1
            rep.formats[it.doc.format] += 1

    def known_people(self, when: dt.date | None) -> list[Actor]:
        """People introduced in other articles, as they were then: roles change, so a title seen
        more than two years away from this article's date is not trusted."""
        out = []
        for actor, seen in self.people.values():
            if when is None or seen is None or abs((when - seen).days) <= PEOPLE_MEMORY_DAYS:
                out.append(actor)
        return out

    def run(self, paths: list[Path]) -> BatchReport:
        t0 = time.perf_counter()
        with Store(self.db_path) as store:
            self.people = {a.name or "": (a, d) for a, d in store.people()}
            self.homes.counts = store.source_places()
        batch: list[_Item] = []
        for doc in self.docs(paths):
            item = self.prepare(doc)
            if item is not None:
                batch.append(item)
            if len(batch) >= self.opts.batch_size:
                self.flush(batch, t0)
                batch = []
        self.flush(batch, t0)
        # Clusters are brought up to date once per run (an interrupted run's events are picked up
        # by the next one: clustering takes every event that has no cluster yet).
        with Store(self.db_path) as store:
            upd = update_clusters(store.con, self.opts.aggregate)
        self.report.clusters_new, self.report.clusters_touched = upd.new_clusters, upd.recounted
        self.report.seconds = time.perf_counter() - t0
        return self.report

    def flush(self, batch: list[_Item], t0: float) -> None:
        if batch:
            fresh = self.find_duplicates(batch)
            places = self.count_places(fresh)
            self.write(self.code(fresh), places)
        self.report.seconds = time.perf_counter() - t0
        if self.on_progress:
            self.on_progress(self.report)


def ingest(
    paths: list[Path],
    db_path: str | Path,
    res: Resources,
    opts: IngestOptions | None = None,
    on_reject: Callable[[Rejection], None] | None = None,
    on_progress: Callable[[BatchReport], None] | None = None,
) -> BatchReport:
    """Ingest files and folders into the store at `db_path`. Never raises on bad input."""
    Store(db_path).close()  # create and migrate up front: a bad path fails before any work
    return _Runner(str(db_path), res, opts or IngestOptions(), on_reject, on_progress).run(paths)

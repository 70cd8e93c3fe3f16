"""`alianza recode`: stored articles coded again with the current lexicons and knowledge base.

After an upgrade, a wrong `--lang`, or a new language. The same executor and `code_batch` as an
ingest; the driver replaces each batch's events in one transaction (`Store.replace_coding`) and
marks the article with the coder it was coded with (`runner.work.coder_version`), so a run killed
half-way goes on where it stopped, and a second run finds nothing to do (`--force` codes again
anyway, to the same events). Clusters that lost events are recounted, new events clustered.
Duplicates keep no events of their own and are not recoded.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from ..actors.resolve import HomeTally
from ..aggregate.clusters import update_clusters
from ..aggregate.config import AggregateConfig
from ..pipeline import Resources
from ..store.db import Store
from ..types import Article, CodedArticle
from .work import BatchResult, Failure, ToCode, code_batch, coder_version, source_key

ARTICLE_SELECT = (
    "id, text, lang, url, source, title, deck, author, section, published, boilerplate, content_hash, site, dateline"
)


@dataclass(frozen=True, slots=True)
class RecodeOptions:
    lang: str | None = None  # only articles stored in this language
    set_lang: str | None = None  # code them as this language (a wrong --lang at ingest)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    where: str | None = None  # an SQL condition on the articles table, for the rest
    force: bool = False  # also those already coded with the current coder
    batch_size: int = 32
    strict: bool = False
    aggregate: AggregateConfig = field(default_factory=AggregateConfig)


@dataclass
class RecodeReport:
    selected: int = 0
    already_current: int = 0
    recoded: int = 0
    events_before: int = 0
    events_after: int = 0
    failures: list[str] = field(default_factory=list)
    clusters_new: int = 0
    clusters_touched: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    def summary(self) -> str:
        return (
            f"{self.recoded} of {self.selected} articles recoded in {self.seconds:.1f} s "
            f"({self.already_current} already coded by this version), events {self.events_before} -> "
            f"{self.events_after}, {self.clusters_new} new clusters, {len(self.failures)} failed"
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "selected": self.selected,
            "already_current": self.already_current,
            "recoded": self.recoded,
            "events_before": self.events_before,
            "events_after": self.events_after,
            "failures": self.failures,
            "clusters_new": self.clusters_new,
            "clusters_touched": self.clusters_touched,
            "seconds": round(self.seconds, 3),
            "interrupted": self.interrupted,
        }


def _selection(opts: RecodeOptions, coder: str) -> tuple[str, list[Any]]:
    sql = "FROM articles WHERE duplicate_of IS NULL"
    params: list[Any] = []
    if opts.lang:
        sql += " AND lang = ?"
        params.append(opts.lang)
    if opts.date_from:
        sql += " AND published >= ?"
        params.append(opts.date_from)
    if opts.date_to:
        sql += " AND published <= ?"
        params.append(opts.date_to)
    if opts.where:
        sql += f" AND ({opts.where})"
    if not opts.force:
        sql += " AND coder IS DISTINCT FROM ?"
        params.append(coder)
    return sql, params


def _article(row: tuple[Any, ...]) -> Article:
    (aid, text, lang, url, source, title, deck, author, section, published, boiler, chash, site, dateline) = row
    return Article(
        id=aid,
        text=text,
        lang=lang,
        url=url,
        source=source,
        title=title,
        deck=deck,
        author=author,
        section=section,
        published=published,
        boilerplate=tuple(json.loads(boiler)) if boiler else (),
        content_hash=chash or aid,
        site=site,
        dateline=dateline,
    )


def recode(
    db_path: str,
    res: Resources,
    opts: RecodeOptions,
    executor: Any,
    on_progress: Callable[[RecodeReport], None] | None = None,
) -> RecodeReport:
    rep = RecodeReport()
    t0 = time.perf_counter()
    coder = coder_version(res)
    sql, params = _selection(opts, coder)
    with Store(db_path) as store:
        try:
            ids = [r[0] for r in store.con.execute(f"SELECT id {sql} ORDER BY id", params).fetchall()]
        except Exception as err:  # a bad --where: the user's SQL, named
            from ..errors import StoreError

            raise StoreError(f"--where {opts.where!r}: {err}") from err
        all_sql, all_params = _selection(replace(opts, force=True), coder)
        rep.selected = int(store.con.execute(f"SELECT count(*) {all_sql}", all_params).fetchall()[0][0])
        people = store.people()
        homes = HomeTally(counts=store.source_places())
    rep.already_current = rep.selected - len(ids)
    window = max(2, 2 * executor.workers)
    flight: deque[tuple[list[ToCode], Any]] = deque()
    batches = (ids[i : i + opts.batch_size] for i in range(0, len(ids), opts.batch_size))
    exhausted = False
    while True:
        while not exhausted and len(flight) < window:
            chunk = next(batches, None)
            if chunk is None:
                exhausted = True
                break
            items = _to_code(db_path, chunk, opts, res, homes)
            flight.append((items, executor.submit(code_batch, items, people, opts.strict)))
        if not flight:
            break
        items, handle = flight.popleft()
        _write(db_path, items, handle, rep, coder, opts.strict)
        rep.seconds = time.perf_counter() - t0
        if on_progress:
            on_progress(rep)
    with Store(db_path) as store:
        upd = update_clusters(store.con, opts.aggregate)
    rep.clusters_new, rep.clusters_touched = upd.new_clusters, upd.recounted
    rep.seconds = time.perf_counter() - t0
    return rep


def _to_code(db_path: str, chunk: list[str], opts: RecodeOptions, res: Resources, homes: HomeTally) -> list[ToCode]:
    with Store(db_path) as store:
        rows = store.con.execute(
            f"SELECT {ARTICLE_SELECT} FROM articles WHERE id IN (SELECT unnest(?)) ORDER BY id", [chunk]
        ).fetchall()
    out = []
    for row in rows:
        a = _article(row)
        if opts.set_lang:
            a = replace(a, lang=opts.set_lang)
        code = res.codes(a.lang)
        home = homes.home(source_key(a.site, a.source or "")) if code else None
        out.append(ToCode(a, code, home))
    return out


def _write(db_path: str, items: list[ToCode], handle: Any, rep: RecodeReport, coder: str, strict: bool) -> None:
    try:
        got: BatchResult = handle.result()
        results = list(got.results)
    except Exception as err:
        if strict:
            raise
        results = [Failure(t.article.source or t.article.id, "code", type(err).__name__, str(err)) for t in items]
    coded = [r for r in results if isinstance(r, CodedArticle)]
    for r in results:
        if isinstance(r, Failure):
            rep.failures.append(str(r.rejection()))
    with Store(db_path) as store:
        before = store.con.execute(
            "SELECT count(*) FROM events WHERE article_id IN (SELECT unnest(?))", [[c.article.id for c in coded]]
        ).fetchall()[0][0]
        store.replace_coding(coded, coder)
    rep.events_before += int(before)
    rep.events_after += sum(len(c.events) for c in coded)
    rep.recoded += len(coded)

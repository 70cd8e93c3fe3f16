"""The batch runner around `code_article`: read, clean, code, store; count and report everything."""

from __future__ import annotations

import datetime as dt
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..pipeline import Resources, code_article, make_article
from ..store.db import Store
from ..types import Rejection
from .readers import RawDoc, read_file, walk

MIN_BODY_CHARS = 40


@dataclass
class BatchReport:
    files: int = 0
    articles: int = 0
    skipped_existing: int = 0
    events: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def summary(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        return (
            f"{self.files} files, {self.articles} articles coded ({rate:.1f}/s), {self.skipped_existing} "
            f"already stored, {self.events} events, {len(self.rejections)} rejected"
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "articles": self.articles,
            "skipped_existing": self.skipped_existing,
            "events": self.events,
            "rejected": [str(r) for r in self.rejections],
            "reasons": dict(Counter(r.reason for r in self.rejections)),
            "seconds": round(self.seconds, 3),
        }

    def exit_code(self) -> int:
        return 1 if self.rejections and not self.articles and not self.skipped_existing else 0


def _parse_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def ingest(
    paths: list[Path],
    store: Store,
    res: Resources,
    on_article: Callable[[], None] | None = None,
    on_reject: Callable[[Rejection], None] | None = None,
    strict: bool = False,
) -> BatchReport:
    report = BatchReport()
    t0 = time.perf_counter()

    def reject(r: Rejection) -> None:
        report.rejections.append(r)
        if on_reject:
            on_reject(r)

    for item in walk(paths):
        if isinstance(item, Rejection):
            reject(item)
            continue
        report.files += 1
        for doc in read_file(item):
            if isinstance(doc, Rejection):
                reject(doc)
                continue
            try:
                _one(doc, store, res, report, reject)
            except Exception as err:  # a bug: count it, name the input, go on (strict re-raises)
                if strict:
                    raise
                report.errors[type(err).__name__] += 1
                reject(Rejection(doc.source, "code", "error", f"{type(err).__name__}: {err}"))
                traceback.print_exc()
            if on_article:
                on_article()
    report.seconds = time.perf_counter() - t0
    return report


def _one(doc: RawDoc, store: Store, res: Resources, report: BatchReport, reject: Callable[[Rejection], None]) -> None:
    article = make_article(
        doc.text,
        lang=doc.lang,
        published=_parse_date(doc.published),
        source=doc.source,
        url=doc.url,
        clean=doc.clean if doc.source.count("#line=") else True,
        title=doc.title,
    )
    if len(article.text) < MIN_BODY_CHARS:
        reject(Rejection(doc.source, "clean", "too_short", f"{len(article.text)} characters of text after cleaning"))
        return
    if store.has_article(article.id):
        report.skipped_existing += 1
        return
    coded = code_article(article, res)
    store.write(coded)
    report.articles += 1
    report.events += len(coded.events)

"""What the runner sends to a worker: pure functions of one batch, no store, no shared state.

`prepare_batch` turns raw documents into articles (cleaning, language id, ids) with what the
driver needs to decide about them without the text: the MinHash signature and the countries of
the places they name. `code_batch` codes the articles the driver kept. Both run in the driver's
process (`--jobs 1`) or on a Dask worker, with the same inputs and so the same outputs; an error
in one article is returned as a `Failure` naming it, and the rest of the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
import traceback
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from ..actors.resolve import HomeTally, place_countries
from ..datafiles import data_dir
from ..ingest import dedup
from ..ingest.limits import CodingClock, Deadline, deadline
from ..ingest.rawdoc import RawDoc
from ..nlp.dates import parse_date
from ..pipeline import Resources, code_article, code_articles, make_article
from ..textutil import scrub
from ..types import Actor, Article, CodedArticle, Rejection

MIN_BODY_CHARS = 40
MAX_BODY_CHARS = 1_000_000  # a 1 MB "article" is a dump or a log, not news: refused with its size
PEOPLE_MEMORY_DAYS = 2 * 365


@dataclass(frozen=True, slots=True)
class Failure:
    """An internal error on one input: reported with its name and reason, the batch goes on."""

    source: str
    stage: str  # clean | code
    error: str  # the exception's type name
    detail: str
    trace: str = ""

    def rejection(self) -> Rejection:
        return Rejection(self.source, self.stage, "error", f"{self.error}: {self.detail}")


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article ready for the driver's duplicate check and home-country count."""

    article: Article
    source: str  # the reader's name for the record (RawDoc.source)
    format: str
    encoding: str | None
    signature: dedup.Signature | None
    places: tuple[str, ...]  # countries of the places it names (only for languages that are coded)


@dataclass(frozen=True, slots=True)
class ToCode:
    """An article the driver decided to store, with what its coding depends on."""

    article: Article
    code: bool  # False: a duplicate, a language without a pipeline, or `code=False`
    source_home: str | None = None


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What comes back from a worker: one result per input, in order, and who did it how fast."""

    results: tuple[Any, ...]  # Prepared | Rejection | Failure, or CodedArticle | Failure
    worker: str = ""
    seconds: float = 0.0
    coded: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def parse_published(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return parse_date(value)


def _failure(source: str, stage: str, err: BaseException) -> Failure:
    return Failure(source, stage, type(err).__name__, str(err), traceback.format_exc())


def prepare_doc(doc: RawDoc, res: Resources, lang: str | None, near: bool) -> Prepared | Rejection:
    doc = replace(
        doc,
        text=scrub(doc.text),
        title=doc.title and scrub(doc.title),
        author=doc.author and scrub(doc.author),
        section=doc.section and scrub(doc.section),
    )
    article = make_article(
        doc.text,
        lang=lang or doc.lang,
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
    n = len(article.text)
    if n < MIN_BODY_CHARS:
        return Rejection(doc.source, "clean", "too_short", f"{n} characters of text after cleaning")
    if n > MAX_BODY_CHARS:
        return Rejection(doc.source, "clean", "too_large", f"{n} characters of text, limit {MAX_BODY_CHARS}")
    sig = dedup.signature(article.text) if near else None
    places: tuple[str, ...] = ()
    if article.lang and res.codes(article.lang):
        places = tuple(place_countries(article.text, article.lang, res.kb))
    return Prepared(article, doc.source, doc.format, doc.encoding, sig, places)


def prepare_batch(
    res: Resources, docs: list[RawDoc], lang: str | None, near: bool, strict: bool = False
) -> BatchResult:
    t0 = time.perf_counter()
    out: list[Any] = []
    for doc in docs:
        try:
            out.append(prepare_doc(doc, res, lang, near))
        except Exception as err:
            if strict:
                raise
            out.append(_failure(doc.source, "clean", err))
    return BatchResult(tuple(out), worker_name(), time.perf_counter() - t0)


def known_at(people: list[tuple[Actor, dt.date | None]], when: dt.date | None) -> list[Actor]:
    """People introduced in other articles, as they were then: roles change, so a title seen
    more than two years away from this article's date is not trusted."""
    out = []
    for actor, seen in people:
        if when is None or seen is None or abs((when - seen).days) <= PEOPLE_MEMORY_DAYS:
            out.append(actor)
    return out


CODE_CHUNK = 8  # articles per `code_articles` call: some 200 candidate sentences, more than a spaCy batch


def _code_in_chunks(todo: list[ToCode], res: Resources, people: list[tuple[Actor, dt.date | None]]) -> list[CodedArticle]:
    """`code_articles` over the batch, a few articles at a time, each chunk knowing the people the
    earlier ones introduced: the same codings as one call (its known list is the corpus memory,
    then what earlier articles of the batch taught, in order), but a worker holds the parses of 8
    articles at a time, not of 32 (26 MB less at the peak, measured on `bench` articles)."""
    out: list[CodedArticle] = []
    learned: list[Actor] = []
    for j in range(0, len(todo), CODE_CHUNK):
        part = todo[j : j + CODE_CHUNK]
        got = code_articles(
            [it.article for it in part],
            res,
            homes=[it.source_home for it in part],
            people=[[*known_at(people, it.article.published), *learned] for it in part],
        )
        for c in got:
            learned.extend(c.people)
        out.extend(got)
    return out


_CLOCKS: dict[float, CodingClock] = {}  # one per process: a worker's first article of a language gets more time


def code_batch(
    res: Resources,
    items: list[ToCode],
    people: list[tuple[Actor, dt.date | None]],
    strict: bool = False,
    timeout: float = 0.0,
) -> BatchResult:
    """Code one batch: the unit of work the runner maps over workers. Every article of a batch is
    coded with the same corpus memory (`people`, plus what earlier articles of the batch introduce:
    `pipeline.code_articles`), so the order in which batches run, and on how many workers, does not
    change what they code to. `timeout` (--file-timeout) is armed by SIGALRM,
    so only where the batch runs in a main thread (`--jobs 1`); Dask runs tasks in a thread."""
    t0 = time.perf_counter()
    clock = _CLOCKS.setdefault(timeout, CodingClock(timeout))
    todo = [it for it in items if it.code]
    coded: dict[int, CodedArticle] = {}
    for lang in sorted({it.article.lang for it in todo if it.article.lang and res.codes(it.article.lang)}):
        # a language's first batch loads its model and lexicon (seconds, a minute on a loaded
        # machine): start-up, before any article's clock runs, so no article is refused for it;
        # a model that fails to load is reported by each article below, with the reason
        try:
            res.nlp(lang)
            res.lexicon(lang)
        except Exception:
            if strict:
                raise
    if todo:  # the batch API (one spaCy run per language); on any trouble, article by article
        try:
            # the batch gets one article's time: a batch that needs more holds a slow article,
            # which the article-by-article pass below then finds and reports
            with deadline(timeout):
                got = _code_in_chunks(todo, res, people)
            coded = {id(it): c for it, c in zip(todo, got, strict=True)}
        except (Exception, Deadline):
            if strict:
                raise
    out: list[CodedArticle | Failure | Rejection] = []
    n = 0
    for it in items:
        a = it.article
        if not it.code:
            out.append(CodedArticle(a, (), 0, 0))
            continue
        if id(it) in coded:
            out.append(coded[id(it)])
            n += 1
            continue
        try:
            with deadline(clock.limit(a.lang)):
                one = code_article(a, res, source_home=it.source_home, known_people=known_at(people, a.published))
            out.append(one)
            n += 1
        except Deadline as late:  # not stored; reported, and the next article goes on
            out.append(late.rejection(a.source or a.id, "code", "coding"))
        except Exception as err:  # not stored: a fixed version codes it on the next run
            if strict:
                raise
            out.append(_failure(a.source or a.id, "code", err))
    return BatchResult(tuple(out), worker_name(), time.perf_counter() - t0, coded=n, extra={"batched": bool(coded) or not todo})


def source_key(site: str | None, source: str) -> str:
    """What counts as one source for its home country: the site; else the dump or feed file a
    record came from; else the folder of a saved page."""
    if site:
        return site
    for sep in ("#", "!"):
        if sep in source:
            return source.split(sep, 1)[0]
    return str(Path(source).parent)


@dataclass(frozen=True, slots=True)
class Speculation:
    """What a fused task coded before the driver's decisions (`prepare_and_code`): per input, the
    coding (None: rejected, failed, not coded, or a copy of an earlier input of the batch) and the
    source home it was coded with."""

    coded: tuple[CodedArticle | None, ...]
    homes: tuple[str | None, ...]
    batched: bool  # coded by the batch API (on any trouble the driver codes the batch again)


def prepare_and_code(
    res: Resources,
    docs: list[RawDoc],
    lang: str | None,
    near: bool,
    strict: bool,
    people: list[tuple[Actor, dt.date | None]],
    counts: dict[str, dict[str, int]],
    code: bool = True,
    timeout: float = 0.0,
) -> BatchResult:
    """`prepare_batch` and `code_batch` in one task, so that a batch makes one trip to a worker.

    Coding is speculative: it assumes every article the batch prepares is new and original, and
    that a source's home country is what `counts` (the driver's place counts of the batch's
    sources when it sent the batch) and this batch's own places make it. The driver checks
    duplicates against the store afterwards and accepts the coding only where it is exactly what
    the two-trip order would have coded (`_Runner.accept`); otherwise it codes the batch again."""
    t0 = time.perf_counter()
    prep = prepare_batch(res, docs, lang, near, strict)
    tally = HomeTally(counts={k: dict(v) for k, v in counts.items()})
    seen: set[str] = set()
    picks: list[tuple[int, Prepared, str]] = []
    for i, p in enumerate(prep.results):
        if not isinstance(p, Prepared):
            continue
        a = p.article
        if a.id in seen or a.content_hash in seen:  # an exact copy within the batch is not coded
            continue
        seen.update((a.id, a.content_hash))
        if code and res.codes(a.lang):
            key = source_key(a.site, p.source)
            tally.add(key, list(p.places))
            picks.append((i, p, key))
    items = [ToCode(p.article, True, tally.home(key)) for _i, p, key in picks]
    got = code_batch(res, items, people, strict, timeout)
    coded: list[CodedArticle | None] = [None] * len(docs)
    homes: list[str | None] = [None] * len(docs)
    for (i, _p, _key), it, c in zip(picks, items, got.results, strict=True):
        coded[i] = c if isinstance(c, CodedArticle) else None
        homes[i] = it.source_home
    spec = Speculation(tuple(coded), tuple(homes), bool(got.extra.get("batched")))
    return BatchResult(prep.results, worker_name(), time.perf_counter() - t0, coded=got.coded, extra={"spec": spec})


def worker_name() -> str:
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):
        return f"local:{os.getpid()}"


def coder_version(res: Resources) -> str:
    """What an article was coded with: the package version and a hash of every data file
    (lexicons, knowledge base, language data). Resources built otherwise (an edited lexicon in a
    test, a plug-in) name their own by a `coder` attribute."""
    own = getattr(res, "coder", None)
    return str(own) if own else _data_version()


@cache
def _data_version() -> str:
    from .. import __version__

    h = hashlib.sha1(__version__.encode())
    root = data_dir()
    for p in sorted(root.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return f"{__version__}+{h.hexdigest()[:12]}"


def code_and_shard(
    res: Resources,
    items: list[ToCode],
    people: list[tuple[Actor, dt.date | None]],
    strict: bool,
    folder: str,
    meta: list[tuple[Any, dict[str, Any]]],
    places: dict[str, dict[str, int]],
    timeout: float = 0.0,
) -> BatchResult:
    """`code_batch`, then the batch written as a Parquet shard by this worker (`--shards`). What
    goes back to the driver is the coding without the texts, for its counts and people memory."""
    from ..scale.shards import write_shard

    got = code_batch(res, items, people, strict, timeout)
    rows = [(c, fp, x) for c, (fp, x) in zip(got.results, meta, strict=True) if isinstance(c, CodedArticle)]
    name = write_shard(folder, rows, places) if rows else ""
    light = tuple(replace(c, article=replace(c.article, text="")) if isinstance(c, CodedArticle) else c for c in got.results)
    return replace(got, results=light, extra={"shard": name})

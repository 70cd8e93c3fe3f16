"""`alianza bench`: speed, measured the same way every time, reported as articles/second/core.

The corpus is built from the sample pages (`examples/` or `--corpus`): each synthetic article has
about 600 words, mixing real news sentences of its language (where events live) with filler
sentences drawn word by word from the same vocabulary (so no two articles are near duplicates and
the cheap pass sees realistic words). Every phase runs in this one process, so the rates are per core.

Phases: `prepare` (page cleaning, language id, ids: what an ingest does without coding), `code`
(`code_article`: the cheap pass plus spaCy on candidate sentences, with the share of sentences
parsed), and `ingest` end to end into a fresh DuckDB file, without and with coding (duplicate
detection and store writes included).
"""

from __future__ import annotations

import json
import random
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..actors import ArticleContext, find_mentions, load_kb
from ..errors import AlianzaError
from ..ingest.clean import clean_page
from ..ingest.langid import detect_language
from ..nlp.sentences import split_sentences
from ..pipeline import Resources, _fast_lemma, code_article, make_article
from ..textutil import fold

WORDS_PER_ARTICLE = 600
REAL_SHARE = 0.3  # of sentences taken from real pages; the rest is filler from their vocabulary


@dataclass(frozen=True, slots=True)
class BenchArticle:
    lang: str
    text: str


def sentence_pools(corpus: Path) -> dict[str, list[str]]:
    files = sorted(p for p in corpus.rglob("*.txt") if p.is_file())
    if not files:
        raise AlianzaError(f"{corpus}: no .txt pages to build a benchmark corpus from (give --corpus DIR)")
    pools: dict[str, list[str]] = {}
    for p in files:
        raw = p.read_text(encoding="utf-8", errors="replace")
        lang = detect_language(raw)
        if not lang:
            continue
        page = clean_page(raw, lang)
        pools.setdefault(lang, []).extend(s.text for s in split_sentences(page.text) if len(s.text.split()) >= 6)
    return {k: v for k, v in pools.items() if len(v) >= 5}


def _plain_words(sents: list[str], lang: str, res: Resources | None) -> list[str]:
    """Filler vocabulary: lower-case words that are no event trigger, as in a story's background."""
    keys = res.lexicon(lang).trigger_keys if res and res.codes(lang) else frozenset()
    out = []
    for w in re.findall(r"\w+", " ".join(sents)):
        if w.islower() and fold(w) not in keys and fold(_fast_lemma(w, lang)) not in keys:
            out.append(w)
    return out or re.findall(r"\w+", " ".join(sents))


def make_corpus(corpus: Path, n: int, seed: int = 7, res: Resources | None = None) -> list[BenchArticle]:
    pools = sentence_pools(corpus)
    if not pools:
        raise AlianzaError(f"{corpus}: no language has enough sentences for a benchmark corpus")
    rnd = random.Random(seed)
    vocab = {lang: _plain_words(sents, lang, res) for lang, sents in pools.items()}
    langs = sorted(pools)
    out = []
    for i in range(n):
        lang = langs[i % len(langs)]
        paras: list[str] = []
        words = 0
        para: list[str] = []
        while words < WORDS_PER_ARTICLE:
            if rnd.random() < REAL_SHARE:
                s = rnd.choice(pools[lang])
            else:
                ws = rnd.choices(vocab[lang], k=rnd.randint(12, 28))
                s = " ".join(ws).capitalize() + "."
            para.append(s)
            words += len(s.split())
            if len(para) >= rnd.randint(2, 4):
                paras.append(" ".join(para))
                para = []
        if para:
            paras.append(" ".join(para))
        out.append(BenchArticle(lang, "\n\n".join(paras)))
    return out


def _rate(n: int, seconds: float) -> float:
    return round(n / seconds, 2) if seconds > 0 else 0.0


def run_bench(res: Resources, corpus: Path, n: int = 200, ingest: bool = True) -> dict[str, Any]:
    from ..runner.run import IngestOptions
    from ..runner.run import ingest as run_ingest

    arts = make_corpus(corpus, n, res=res)
    words = sum(len(a.text.split()) for a in arts)
    for lang in sorted({a.lang for a in arts}):
        if res.codes(lang):
            res.nlp(lang)  # model load is start-up, not throughput
    result: dict[str, Any] = {
        "articles": n,
        "mean_words": round(words / n, 1),
        "languages": sorted({a.lang for a in arts}),
        "cores": 1,
    }
    t = time.perf_counter()
    prepared = [make_article(a.text, published=None, origin=f"bench:{i}") for i, a in enumerate(arts)]
    result["prepare_articles_per_s"] = _rate(n, time.perf_counter() - t)
    # the actor knowledge base (issue 3: load < 1 s, resolve a 600-word article < 5 ms)
    t = time.perf_counter()
    kb = load_kb()
    for lang in result["languages"]:
        kb.automaton(lang)  # compiled on first use: part of the load
    result["kb_load_s"] = round(time.perf_counter() - t, 3)
    t = time.perf_counter()
    for a in prepared:
        ctx = ArticleContext(date=a.published)
        for sent in split_sentences(a.text):
            find_mentions(sent.text, a.lang or "en", kb, ctx, offset=sent.start)
    result["resolve_ms_per_article"] = round(1000 * (time.perf_counter() - t) / n, 2)
    t = time.perf_counter()
    sentences = parsed = events = 0
    for a in prepared:
        coded = code_article(a, res)
        sentences, parsed, events = sentences + coded.sentences, parsed + coded.parsed, events + len(coded.events)
    result["code_articles_per_s"] = _rate(n, time.perf_counter() - t)
    result["sentences_parsed_share"] = round(parsed / sentences, 3) if sentences else 0.0
    result["events_per_article"] = round(events / n, 2)
    if ingest:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "corpus.jsonl"
            src.write_text("".join(json.dumps({"text": a.text}) + "\n" for a in arts), encoding="utf-8")
            for label, code in (("ingest_no_coding", False), ("ingest_with_coding", True)):
                db = Path(tmp) / f"{label}.duckdb"
                t = time.perf_counter()
                rep = run_ingest([src], db, res, IngestOptions(code=code))
                result[f"{label}_articles_per_s"] = _rate(rep.records, time.perf_counter() - t)
                result[f"{label}_duplicates"] = rep.exact_duplicates + rep.near_duplicates
    return result


def run_bench_aggregate(n_events: int = 10_000_000, keep: Path | None = None) -> dict[str, Any]:
    """The aggregation benchmark of issue 8 on a synthetic store (`aggregate/synth.py`)."""
    import datetime as dt

    from ..aggregate.clusters import update_clusters
    from ..aggregate.queries import Window
    from ..aggregate.synth import add_events, build_synthetic
    from ..api import Alianza

    out: dict[str, Any] = {"events": n_events}
    with tempfile.TemporaryDirectory() as tmp:
        path = str(keep or Path(tmp) / "synthetic.duckdb")
        t = time.perf_counter()
        build_synthetic(path, n_events)
        out["build_s"] = round(time.perf_counter() - t, 2)
        with Alianza(path, read_only=False) as api:
            got = api.con.execute("SELECT current_setting('memory_limit'), current_setting('threads')").fetchall()
            out["store_memory_limit"], out["store_threads"] = got[0]  # config.py's settings, in force
            t = time.perf_counter()
            upd = api.update_clusters(rebuild=True)
            out["cluster_all_s"] = round(time.perf_counter() - t, 2)
            out["clusters"] = upd.new_clusters
            busiest = api.dyads(by=None).limit(1).fetchall()[0]
            a, b = busiest[0], busiest[1]
            t = time.perf_counter()
            series = api.dyads(a, b, by="month").fetchall()
            out["dyad_series_s"] = round(time.perf_counter() - t, 3)
            out["dyad_series"] = f"{a}-{b}, {len(series)} months"
            year = Window(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
            t = time.perf_counter()
            nodes, edges = api.network(year)
            n_nodes, n_edges = len(nodes.fetchall()), len(edges.fetchall())
            out["network_year_s"] = round(time.perf_counter() - t, 3)
            out["network_year"] = f"{n_nodes} nodes, {n_edges} edges"
            t = time.perf_counter()
            found = api.blocs(year)
            out["blocs_year_s"] = round(time.perf_counter() - t, 3)
            out["blocs"] = len(found)
            t = time.perf_counter()
            moved = api.shifts(30).fetchall()
            out["shifts_30d_s"] = round(time.perf_counter() - t, 3)
            out["shifts"] = len(moved)
            t = time.perf_counter()
            api.export("events", "parquet", Path(tmp) / "events.parquet", force=True)
            out["export_parquet_s"] = round(time.perf_counter() - t, 2)
            out["parquet_mb"] = round((Path(tmp) / "events.parquet").stat().st_size / 1e6, 1)
            add_events(api.con, 10_000, start=10**9)
            t = time.perf_counter()
            upd = update_clusters(api.con, api.config)
            out["cluster_10k_new_s"] = round(time.perf_counter() - t, 3)
            out["cluster_10k_new"] = f"{upd.attached} joined clusters, {upd.new_clusters} new"
    return out

"""`alianza bench --real DIR`: speed on real articles, against the parse-everything design.

Real wire copy has more candidate sentences than the synthetic corpus of `bench.py`, so this is
the figure that says whether the cheap pass earns its keep. Each `.txt` file of a `--real` folder
is one article; pages of a `--compose` folder are cut into paragraphs that are shuffled (seeded)
into articles of about 600 words (for languages without a folder of whole articles).

`--baseline` runs, in the same process and alternating with alianza's rounds, what a system that
parses everything would run with the same model (tok2vec + parser + NER, `nlp.pipe(texts,
batch_size=32)`; `nlp/models.py`, `load_baseline`), and prints the ratio of the two. Times are
CPU seconds of this one process (a process is a core; the CPU time of a shared machine is less
noisy than its wall clock), the best of the rounds; wall seconds are reported beside them.
"""

from __future__ import annotations

import random
import re
import resource
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import AlianzaError
from ..pipeline import Resources, StageTimes, code_articles, make_article
from ..store.db import Store
from ..types import Article, CodedArticle

WORDS_PER_ARTICLE = 600
BATCH = 64  # articles per `code_articles` call, as the batch runner codes them


@dataclass
class Timing:
    cpu: float = float("inf")
    wall: float = float("inf")

    def keep_best(self, cpu: float, wall: float) -> None:
        self.cpu, self.wall = min(self.cpu, cpu), min(self.wall, wall)


@dataclass
class LangRun:
    lang: str
    articles: list[Article]
    alianza: Timing = field(default_factory=Timing)
    store: Timing = field(default_factory=Timing)
    baseline: Timing = field(default_factory=Timing)
    stages: StageTimes = field(default_factory=StageTimes)
    coded: list[CodedArticle] = field(default_factory=list)


def read_articles(folder: Path) -> list[Article]:
    files = sorted(p for p in folder.rglob("*.txt") if p.is_file())
    if not files:
        raise AlianzaError(f"{folder}: no .txt articles to measure")
    out = []
    for p in files:
        try:
            raw = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise AlianzaError(f"{p}: cannot read: {err}") from err
        out.append(make_article(raw, origin=str(p)))
    return out


def compose_articles(folders: list[Path], n: int, seed: int = 7) -> list[Article]:
    """n articles of ~600 words per language from the paragraphs of the folders' pages."""
    paras: dict[str, list[str]] = {}
    for folder in folders:
        for a in read_articles(folder):
            if a.lang:
                paras.setdefault(a.lang, []).extend(p.strip() for p in re.split(r"\n\s*\n", a.text) if p.strip())
    rnd = random.Random(seed)
    out = []
    for lang, pool in sorted(paras.items()):
        for i in range(n):
            chosen: list[str] = []
            while sum(len(p.split()) for p in chosen) < WORDS_PER_ARTICLE:
                chosen.append(rnd.choice(pool))
            out.append(make_article("\n\n".join(chosen), lang=lang, clean=False, origin=f"compose:{lang}{i}"))
    return out


def _timed(run: Callable[..., None], *args: Any) -> tuple[float, float]:
    c, w = time.process_time(), time.perf_counter()
    run(*args)
    return time.process_time() - c, time.perf_counter() - w


def _code_all(arts: list[Article], res: Resources, batch: int, stages: StageTimes, out: list[CodedArticle]) -> None:
    for i in range(0, len(arts), batch):
        out.extend(code_articles(arts[i : i + batch], res, times=stages))


def _parse_all(nlp: Any, texts: list[str]) -> None:
    for _doc in nlp.pipe(texts, batch_size=32):
        pass


def run_bench_real(
    res: Resources, articles: list[Article], baseline: bool = True, rounds: int = 2, batch: int = BATCH
) -> dict[str, Any]:
    from ..nlp.models import load_baseline

    runs = {lang: LangRun(lang, [a for a in articles if a.lang == lang]) for lang in res.languages}
    runs = {k: v for k, v in runs.items() if v.articles}
    if not runs:
        raise AlianzaError("no article in a language alianza codes")
    for lang in res.languages:
        res.nlp(lang)  # every coded language loaded: the peak RSS is that of a real worker
        res.kb.automaton(lang)
    for r in runs.values():
        code_articles(r.articles[:4], res)  # warm-up: lemma tables, first spaCy call
    base_nlp: dict[str, Any] = {}
    rss_alianza = 0
    for round_no in range(rounds):
        for r in runs.values():
            stages = StageTimes()
            coded: list[CodedArticle] = []
            cpu, wall = _timed(_code_all, r.articles, res, batch, stages, coded)
            if cpu < r.alianza.cpu:
                r.stages, r.coded = stages, coded
            r.alianza.keep_best(cpu, wall)
            with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
                r.store.keep_best(*_timed(_store, store, r.coded))
        if round_no == 0:
            rss_alianza = _peak_rss_mb()  # before any baseline model is loaded
        if baseline:
            for r in runs.values():
                nlp = base_nlp.get(r.lang) or base_nlp.setdefault(r.lang, load_baseline(r.lang))
                if round_no == 0:
                    _parse_all(nlp, [a.text for a in r.articles[:4]])
                r.baseline.keep_best(*_timed(_parse_all, nlp, [a.text for a in r.articles]))
    out: dict[str, Any] = {"rounds": rounds, "batch": batch, "peak_rss_mb": rss_alianza}
    out["languages_loaded"] = list(res.languages)
    for lang, r in runs.items():
        out[lang] = _report(r, baseline)
    if baseline:
        out["peak_rss_mb_with_baseline_models"] = _peak_rss_mb()
    return out


def _report(r: LangRun, baseline: bool) -> dict[str, Any]:
    n = len(r.articles)
    sentences = sum(c.sentences for c in r.coded)
    parsed = sum(c.parsed for c in r.coded)
    words = sum(len(a.text.split()) for a in r.articles)
    st = r.stages
    stage_total = st.cheap + st.resolve + st.spacy + st.coder
    rep: dict[str, Any] = {
        "articles": n,
        "mean_words": round(words / n, 1),
        "sentences": sentences,
        "sentences_parsed_share": round(parsed / sentences, 3) if sentences else 0.0,
        "events_per_article": round(sum(len(c.events) for c in r.coded) / n, 2),
        "articles_per_cpu_s": round(n / r.alianza.cpu, 1),
        "articles_per_wall_s": round(n / r.alianza.wall, 1),
        "ms_per_article": {
            "cheap_pass": round(1000 * st.cheap / n, 2),
            "resolver": round(1000 * st.resolve / n, 2),
            "spacy": round(1000 * st.spacy / n, 2),
            "coder": round(1000 * st.coder / n, 2),
            "store": round(1000 * r.store.cpu / n, 2),
            "other": round(1000 * max(0.0, r.alianza.cpu - stage_total) / n, 2),
        },
        "with_store_articles_per_cpu_s": round(n / (r.alianza.cpu + r.store.cpu), 1),
    }
    if baseline:
        rep["baseline_articles_per_cpu_s"] = round(n / r.baseline.cpu, 1)
        rep["baseline_articles_per_wall_s"] = round(n / r.baseline.wall, 1)
        rep["ratio_vs_parse_everything"] = round(r.baseline.cpu / r.alianza.cpu, 2)
        rep["ratio_wall"] = round(r.baseline.wall / r.alianza.wall, 2)
    return rep


def _store(store: Any, coded: list[CodedArticle]) -> None:
    for i in range(0, len(coded), BATCH):
        store.write_many([(c, None, {}) for c in coded[i : i + BATCH]])


def _peak_rss_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)

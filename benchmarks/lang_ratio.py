"""Coding throughput of languages against Spanish, in CPU seconds of this process (a shared
machine's wall clock is noise): 40 synthetic 600-word articles per language, built by `alianza
bench`'s corpus maker from `examples/<lang>/`, coded one by one in alternating rounds after the
models are loaded.

    .venv/bin/python benchmarks/lang_ratio.py [fr en ...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from alianza.eval.bench import make_corpus
from alianza.pipeline import Resources, code_article, make_article

ROOT = Path(__file__).resolve().parents[1]


def main(langs: list[str], n: int = 40, rounds: int = 3) -> None:
    res = Resources.load()
    sets = {}
    for lang in ["es", *langs]:
        arts = make_corpus(ROOT / "examples" / lang, n, res=res)
        res.nlp(lang)
        sets[lang] = [make_article(a.text, published=None, origin=f"{lang}:{i}") for i, a in enumerate(arts)]
    rates: dict[str, list[float]] = {lang: [] for lang in sets}
    for _ in range(rounds):
        for lang, arts in sets.items():
            t = time.process_time()
            for a in arts:
                code_article(a, res)
            rates[lang].append(len(arts) / (time.process_time() - t))
    es = sum(rates["es"]) / rounds
    for lang, r in rates.items():
        mean = sum(r) / rounds
        print(
            f"{lang}: {mean:.1f} articles per CPU second (rounds {', '.join(f'{x:.1f}' for x in r)}), {mean / es:.2f}x es"
        )


if __name__ == "__main__":
    main(sys.argv[1:] or ["fr"])

"""The cheap pass's rule sentencizer: paragraphs on blank lines, then sentence ends, with offsets.

Paragraphs are split first because the English model's sentencizer joins sentences across blank
lines (DEPENDENCIES.md: 141 of 849 merged).
"""

from __future__ import annotations

import re
from functools import cache

from ..types import Sentence
from .langdata import available_languages, load_langdata


@cache
def abbreviations() -> frozenset[str]:
    """Every language's abbreviations (`abbreviations` in `data/lang/<lang>.yaml`): the cheap pass
    splits an article before it knows a sentence's language, and "Dr." ends no sentence in any."""
    return frozenset(w for lang in available_languages() for w in load_langdata(lang).abbreviations)


END = re.compile(r"[.!?…]+[\"'»”’)\]]*\s+(?=[\"'«“¿¡(\[]?[A-ZÁÉÍÓÚÑÜ0-9])")


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for p_no, para in enumerate(re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text)):
        start = para.start()
        chunk = para.group()
        pos = 0
        for m in END.finditer(chunk):
            before = chunk[pos : m.start() + 1]
            last = re.search(r"([\w.]+)[.]$", before)
            if last and (last.group(1).lower().rstrip(".") in abbreviations() or len(last.group(1)) == 1):
                continue
            _add(out, text, start + pos, start + m.end(), p_no)
            pos = m.end()
        _add(out, text, start + pos, start + len(chunk), p_no)
    return out


def _add(out: list[Sentence], text: str, s: int, e: int, para: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Sentence(len(out), s, e, text[s:e], para))

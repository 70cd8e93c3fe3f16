"""Quantities in event sentences: "entre 14,000 y 15,000 soldados", "five people", "decenas de muertos"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..textutil import fold_keep_length
from ..types import Quantity
from .langdata import available_languages, load_langdata

NUM = r"\d{1,3}(?:[.,\s]\d{3})+|\d+(?:[.,]\d+)?"


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    start: int
    end: int
    quantity: Quantity


def parse_number(raw: str, words: dict[str, int]) -> float | None:
    """`14,000`, `14.000`, `1,5`, `dos`: a number, with thousands separators told from decimals."""
    raw = raw.strip()
    if raw in words:
        return float(words[raw])
    if re.fullmatch(r"\d{1,3}(?:[.,\s]\d{3})+", raw):
        return float(re.sub(r"[.,\s]", "", raw))
    if re.fullmatch(r"\d+[.,]\d+", raw):
        return float(raw.replace(",", "."))
    if raw.isdigit():
        return float(raw)
    return None


def _alt(ws: object) -> str:
    return "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))  # type: ignore[call-overload]


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    ld = load_langdata(lang)
    num = rf"(?:{NUM}|{_alt(ld.numbers)})"
    mult = rf"(?:\s+(?P<mult>{_alt(ld.multipliers)}))?"
    return re.compile(
        rf"(?<!\w)(?:(?:{_alt(ld.between)})\s+(?P<lo>{num}){mult}\s+(?:{_alt(ld.and_words)})\s+(?P<hi>{num})"
        rf"|(?:(?:{_alt(ld.about)})\s+)?(?P<n>{num}))(?P<mult2>\s+(?:{_alt(ld.multipliers)}))?"
        rf"\s+(?:de\s+|of\s+)?(?P<unit>{_alt(ld.quantity_units)})(?!\w)"
    )


def find_quantities(text: str, lang: str) -> list[QuantityMatch]:
    if lang not in available_languages():
        return []
    ld = load_langdata(lang)
    low = fold_keep_length(text)
    out = []
    for m in _pattern(lang).finditer(low):
        scale = 1
        for g in ("mult", "mult2"):
            if m[g]:
                scale = ld.multipliers.get(m[g].strip(), 1)
        if m["n"]:
            lo = hi = parse_number(m["n"], ld.numbers)
        else:
            lo, hi = parse_number(m["lo"], ld.numbers), parse_number(m["hi"], ld.numbers)
        if lo is None or hi is None:
            continue
        out.append(QuantityMatch(m.start(), m.end(), Quantity(lo * scale, hi * scale, ld.quantity_units[m["unit"]])))
    return out

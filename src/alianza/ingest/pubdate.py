"""The publication date of a page: every date on it is a candidate, and rules pick one.

A page shows many dates: the header's date bar (today's date at the site), "Publicado:" and
"Actualizado:" in the byline, "hace 3 horas", comment and related-link dates, a "©" year. The rules
prefer the byline's own date over furniture and the first publication over updates; a relative date
("hace 3 horas", "3 hours ago", "il y a 3 heures") is anchored to a real date elsewhere on the page
(the date bar), never to the clock of the machine reading it. Times are kept in the page's local
time: "21:47" on 12 May is 12 May, whatever UTC says.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from ..nlp.dates import find_dates
from ..nlp.langdata import available_languages
from ..textutil import fold_keep_length
from .pagewords import alternation, words_for

Where = Literal["top", "head", "body", "tail"]
Label = Literal["published", "updated", "none"]
MAX_LINE_WORDS = 24  # a date in a longer block is the story's, not the page's


@dataclass(frozen=True, slots=True)
class DateCandidate:
    date: dt.date | None  # None for a relative date not yet anchored
    where: Where
    label: Label
    index: int  # block index on the page
    days_back: int | None = None  # relative: how many days before the anchor


@cache
def _label_re(key: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    pw = words_for(key)
    return (
        re.compile(rf"(?<!\w)(?:{alternation(pw['published'])})"),
        re.compile(rf"(?<!\w)(?:{alternation(pw['updated'])})"),
    )


@cache
def _relative_re(key: str) -> re.Pattern[str]:
    pw = words_for(key)
    unit = alternation(set(pw.rel_units))
    before, after = alternation(pw.rel_before), alternation(pw.rel_after)
    today = alternation(pw.today | pw.yesterday)
    return re.compile(
        rf"(?<!\w)(?:(?:{before})\s+(?P<n1>\d+)\s*(?P<u1>{unit})|(?P<n2>\d+)\s*(?P<u2>{unit})\s+(?:{after})|(?P<t>{today}))"
    )


def _segments(text: str, key: str) -> list[tuple[Label, str]]:
    """A line cut at its labels: "Published June 3 Updated June 4" -> published, updated parts."""
    low = fold_keep_length(text).lower()
    pub, upd = _label_re(key)
    cuts = sorted(
        [(m.start(), "published") for m in pub.finditer(low)] + [(m.start(), "updated") for m in upd.finditer(low)]
    )
    out: list[tuple[Label, str]] = []
    prev, label = 0, "none"
    for pos, lab in cuts:
        if pos > prev or label != "none":
            out.append((label, text[prev:pos]))  # type: ignore[arg-type]
        prev, label = pos, lab
    out.append((label, text[prev:]))  # type: ignore[arg-type]
    return [(lab, seg) for lab, seg in out if seg.strip()]


def line_dates(text: str, lang: str | None, where: Where, index: int) -> list[DateCandidate]:
    """The dates of one page line: absolute (day precision, explicit year) and relative ones."""
    if len(text.split()) > MAX_LINE_WORDS:
        return []
    pw = words_for(lang)
    langs = [lang] if lang in _languages() else _languages()
    out: list[DateCandidate] = []
    for label, seg in _segments(text, pw.lang):
        for lg in langs if any(ch.isdigit() for ch in seg) else ():  # a calendar day has a number
            found = [m for m in find_dates(seg, lg, None, numeric_lang=lang) if m.date.precision == "day"]
            if found:
                out.extend(DateCandidate(dt.date.fromisoformat(m.date.value), where, label, index) for m in found)
                break
        else:
            m = _relative_re(pw.lang).search(fold_keep_length(seg).lower())
            if m:
                out.append(DateCandidate(None, where, label, index, _days_back(m, pw.lang)))
    return out


@cache
def _languages() -> tuple[str, ...]:
    return tuple(available_languages())


def _days_back(m: re.Match[str], key: str) -> int:
    pw = words_for(key)
    if m["t"]:
        return 1 if m["t"] in pw.yesterday else 0
    n, unit = int(m["n1"] or m["n2"]), pw.rel_units[m["u1"] or m["u2"]]
    return n if unit == "day" else 0


def anchor(cands: list[DateCandidate]) -> list[DateCandidate]:
    """Relative dates resolved against the page's date bar, else its first absolute date; unanchored ones dropped."""
    absolute = [c for c in cands if c.date is not None]
    bar = [c for c in absolute if c.where == "top"] or [c for c in absolute if c.where in ("head", "tail")]
    ref = bar[0].date if bar else None
    out = []
    for c in cands:
        if c.date is not None:
            out.append(c)
        elif ref is not None and c.days_back is not None:
            out.append(DateCandidate(ref - dt.timedelta(days=c.days_back), c.where, c.label, c.index, c.days_back))
    return out


def _rank(c: DateCandidate) -> int:
    relative = c.days_back is not None
    if c.where == "head":
        if c.label == "published":
            return 0
        if c.label == "none":
            return 2 if relative else 1
        return 4
    if c.where == "tail" and c.label == "published" and not relative:
        return 3  # "First published on ..." under the story
    if c.where == "top":
        return 5
    return 9


def choose(cands: list[DateCandidate]) -> dt.date | None:
    """The publication date: best rank, then the earliest (a first publication before its updates)."""
    ranked = [(_rank(c), c.date, c.index) for c in anchor(cands) if c.date is not None and _rank(c) < 9]
    return min(ranked)[1] if ranked else None

"""Dates: publication dates in page chrome and event dates resolved against the article's date.

Rule-based on purpose: DEPENDENCIES.md measured dateparser failing on the determiners that carry the
meaning in news ("el pasado martes", "el próximo 15 de agosto") and turning "72 horas" into dates.
The words come from `data/lang/<lang>.yaml`, so a language is data, not code.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from ..textutil import fold_keep_length
from ..types import EventDate
from .langdata import LangData, available_languages, load_langdata

YEAR = r"(1[89]\d\d|20\d\d)"


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int
    end: int
    date: EventDate
    text: str


def _alt(words: object) -> str:
    ws = sorted({w for w in words if w}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w) for w in ws) or r"(?!x)x"


def _opt(words: tuple[str, ...]) -> str:
    """An optional linking word and its spaces ("de ", "of "), or nothing when there are none."""
    return rf"(?:(?:{_alt(words)})\s+)?" if words else ""


@dataclass(frozen=True, slots=True)
class _Patterns:
    iso: re.Pattern[str]
    numeric: re.Pattern[str]
    day_month: re.Pattern[str]
    month_day: re.Pattern[str]
    month_year: re.Pattern[str]
    year: re.Pattern[str]
    weekday: re.Pattern[str]
    relative: re.Pattern[str]
    ago: re.Pattern[str]
    unit_rel: re.Pattern[str]  # "la semaine prochaine", "next month", "el año pasado"
    morning_before: re.Pattern[str]  # "de la mañana": the morning, not tomorrow


@cache
def _patterns(lang: str) -> _Patterns:
    ld = load_langdata(lang)
    month = _alt(ld.months)
    nxt, last, this = _alt(ld.next_words), _alt(ld.last_words), _alt(ld.this_words)
    mod = rf"(?:(?P<pre>{nxt}|{last}|{this})\s+)?"
    num = _alt(ld.numbers)
    dw = ld.date_words
    return _Patterns(
        iso=re.compile(rf"\b{YEAR}-(\d\d)-(\d\d)\b"),
        numeric=re.compile(rf"\b(\d{{1,2}})[./-](\d{{1,2}})[./-]{YEAR}\b"),
        day_month=re.compile(
            rf"\b{mod}(?P<d>\d{{1,2}})(?:{_alt(dw['ordinal_suffixes'])})?\s+{_opt(dw['day_month_links'])}(?P<m>{month})\.?"
            rf"(?:,?\s+{_opt(dw['year_links'])}(?P<y>{YEAR[1:-1]}))?(?!\w)"
        ),
        month_day=re.compile(
            rf"\b{mod}(?P<m>{month})\.?\s+(?P<d>\d{{1,2}})(?:{_alt(dw['ordinal_suffixes'])})?"
            rf"(?:,?\s+(?P<y>{YEAR[1:-1]}))?(?!\w)"
        ),
        month_year=re.compile(rf"\b(?P<m>{month})\.?,?\s+{_opt(dw['month_year_links'])}(?P<y>{YEAR[1:-1]})\b"),
        year=re.compile(rf"\b(?:{_alt(dw['year_before'])})\s+{_opt(dw['year_before_links'])}(?P<y>{YEAR[1:-1]})\b"),
        weekday=re.compile(rf"\b{mod}(?P<w>{_alt(ld.weekdays)})(?:\s+(?P<post>{nxt}|{last}))?(?!\w)"),
        relative=re.compile(rf"(?<![\w'])(?P<r>{_alt(ld.relative_days)})(?!\w)"),
        ago=re.compile(
            rf"\b(?:(?:{_alt(ld.ago_before)})\s+(?P<n1>\d+|{num})\s+(?P<u1>{_alt(ld.units)})"
            rf"|(?P<n2>\d+|{num})\s+(?P<u2>{_alt(ld.units)})\s+(?:{_alt(ld.ago_after)}))\b"
        ),
        unit_rel=re.compile(rf"\b{mod}(?P<u>{_alt(ld.units)})(?:\s+(?P<post>{nxt}|{last}))?(?!\w)"),
        morning_before=re.compile(rf"\b(?:{_alt(dw['morning_before'])})\s*$"),
    )


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _nearest_year(m: int, d: int, ref: dt.date, direction: str | None) -> dt.date | None:
    """The year that puts day-month nearest the reference, or strictly after/before it."""
    options = [x for x in (_safe_date(ref.year + k, m, d) for k in (-1, 0, 1)) if x is not None]
    if direction == "next":
        after = [x for x in options if x >= ref]
        return min(after) if after else None
    if direction == "last":
        before = [x for x in options if x <= ref]
        return max(before) if before else None
    return min(options, key=lambda x: abs((x - ref).days)) if options else None


def _direction(ld: LangData, *words: str | None) -> str | None:
    for w in words:
        if not w:
            continue
        if w in ld.next_words:
            return "next"
        if w in ld.last_words:
            return "last"
    return None


def _numeric(a: int, b: int, y: int, lang: str | None) -> dt.date | None:
    """dd.mm.yyyy, except mm/dd/yyyy in English; whichever reading is a real date wins."""
    if lang == "en" and a <= 12:
        return _safe_date(y, a, b) or _safe_date(y, b, a)
    return _safe_date(y, b, a) or _safe_date(y, a, b)


def find_dates(text: str, lang: str, ref: dt.date | None, numeric_lang: str | None = "") -> list[DateMatch]:
    """Every date expression in `text`, resolved against `ref` where it needs one; no overlaps.

    `numeric_lang` decides how 03/04/2025 reads (default: `lang`; None: day first).
    """
    if lang not in available_languages():
        return []
    ld, p, low = load_langdata(lang), _patterns(lang), fold_keep_length(text)
    numeric_lang = lang if numeric_lang == "" else numeric_lang
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], value: dt.date | str | None, precision: str) -> None:
        if value is None:
            return
        s, e = m.span()
        if any(s < te and ts < e for ts, te in taken):
            return
        v = value.isoformat() if isinstance(value, dt.date) else value
        found.append(DateMatch(s, e, EventDate(v, precision), text[s:e]))  # type: ignore[arg-type]
        taken.append((s, e))

    for m in p.iso.finditer(low):
        add(m, _safe_date(int(m[1]), int(m[2]), int(m[3])), "day")
    for m in p.numeric.finditer(low):
        add(m, _numeric(int(m[1]), int(m[2]), int(m[3]), numeric_lang), "day")
    for pat in (p.day_month, p.month_day):
        for m in pat.finditer(low):
            mon, day = ld.months[m["m"]], int(m["d"])
            if m["y"]:
                add(m, _safe_date(int(m["y"]), mon, day), "day")
            elif ref is not None:
                add(m, _nearest_year(mon, day, ref, _direction(ld, m["pre"])), "day")
    for m in p.month_year.finditer(low):
        add(m, f"{int(m['y']):04d}-{ld.months[m['m']]:02d}", "month")
    for m in p.year.finditer(low):
        add(m, m["y"], "year")
    if ref is None:
        return sorted(found, key=lambda x: x.start)
    for m in p.weekday.finditer(low):
        want = ld.weekdays[m["w"]]
        direction = _direction(ld, m["pre"], m["post"])
        if direction == "next":
            when = ref + dt.timedelta(days=(want - ref.weekday()) % 7 or 7)
        else:  # bare weekdays in news point back to the last such day, today included
            back = (ref.weekday() - want) % 7
            when = ref - dt.timedelta(days=back or (7 if direction == "last" else 0))
        add(m, when, "day")
    for m in p.relative.finditer(low):
        before = low[max(0, m.start() - 6) : m.start()]
        if p.morning_before.search(before) and ld.relative_days[m["r"]] == 1:
            continue  # "de la mañana": the morning, not tomorrow
        add(m, ref + dt.timedelta(days=ld.relative_days[m["r"]]), "day")
    for m in p.ago.finditer(low):
        n_raw, unit_raw = m["n1"] or m["n2"], m["u1"] or m["u2"]
        n = int(n_raw) if n_raw.isdigit() else ld.numbers.get(n_raw, 0)
        unit = ld.units[unit_raw]
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
        prec = {"day": "day", "week": "day", "month": "month", "year": "year"}[unit]
        d = ref - dt.timedelta(days=days)
        add(m, d if prec == "day" else (d.isoformat()[:7] if prec == "month" else str(d.year)), prec)
    for m in p.unit_rel.finditer(low):
        # "la semaine prochaine", "le mois dernier", "next year": a week is dated by its month
        direction, unit = _direction(ld, m["pre"], m["post"]), ld.units[m["u"]]
        if direction is None or unit == "day":
            continue
        sign = 1 if direction == "next" else -1
        if unit == "year":
            add(m, str(ref.year + sign), "year")
        else:
            d = ref + dt.timedelta(days=sign * 7) if unit == "week" else _month_shift(ref, sign)
            add(m, d.isoformat()[:7], "month")
    return sorted(found, key=lambda x: x.start)


def _month_shift(ref: dt.date, sign: int) -> dt.date:
    """The first day of the month before or after the reference's."""
    y, mth = divmod(ref.year * 12 + ref.month - 1 + sign, 12)
    return dt.date(y, mth + 1, 1)


def parse_date(text: str, lang: str | None = None) -> dt.date | None:
    """A full calendar date (day precision, explicit year) in a short string such as a dateline."""
    langs = [lang] if lang in available_languages() else available_languages()
    for lg in langs:
        for m in find_dates(text, lg, None, numeric_lang=lang):
            if m.date.precision == "day":
                return dt.date.fromisoformat(m.date.value)
    return None

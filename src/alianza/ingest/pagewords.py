"""The words of news-page furniture, from `data/pages/<lang>.yaml`, checked and compiled once.

Why data: a new site's "Lee también" or "Publié le" is a line in a YAML file, and no Python module
holds natural-language word lists. Chrome markers are pooled over all languages (a Spanish page says
"Share" too); dates and bylines use the page's language first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..datafiles import Problem, data_dir, load_yaml, raise_problems
from ..nlp.langdata import available_languages, load_langdata
from ..textutil import fold

LIST_KEYS = (
    "chrome_lines",
    "chrome_starts",
    "link_box",
    "ads",
    "copyright",
    "cookies",
    "credits",
    "home",
    "byline_prefix",
    "author_joiners",
    "byline_tails",
    "not_name_words",
    "name_particles",
    "date_of_words",
    "published",
    "updated",
    "not_section",
)
RELATIVE_KEYS = ("before", "after", "units", "today", "yesterday")
UNIT_VALUES = ("minute", "hour", "day")
HTML_KEYS = ("breadcrumb", "kicker", "byline")


@dataclass(frozen=True, slots=True)
class PageWords:
    """Folded word sets of one language (or of all pooled); see data/pages/README.md for each key."""

    lang: str
    lists: dict[str, frozenset[str]]
    rel_before: frozenset[str]
    rel_after: frozenset[str]
    rel_units: dict[str, str]
    today: frozenset[str]
    yesterday: frozenset[str]
    months: dict[str, int]  # folded full names and abbreviations -> 1..12

    def __getitem__(self, key: str) -> frozenset[str]:
        return self.lists[key]


def _folded(items: Any) -> frozenset[str]:
    return frozenset(fold(str(x)).strip() for x in items or [] if str(x).strip())


@cache
def page_languages() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in (data_dir() / "pages").glob("*.yaml") if p.stem != "html"))


def _check(path: str, raw: Any) -> list[Problem]:
    if not isinstance(raw, dict):
        return [Problem(path, 0, "expected a mapping of keys")]
    out = [
        Problem(path, 0, f"missing key {k!r}") for k in (*LIST_KEYS, "relative", "month_abbreviations") if k not in raw
    ]
    out += [Problem(path, 0, f"{k!r} must be a list") for k in LIST_KEYS if k in raw and not isinstance(raw[k], list)]
    rel = raw.get("relative")
    if isinstance(rel, dict):
        out += [Problem(path, 0, f"relative: missing key {k!r}") for k in RELATIVE_KEYS if k not in rel]
        units = rel.get("units") or {}
        bad = [u for u, v in units.items() if v not in UNIT_VALUES] if isinstance(units, dict) else ["units"]
        out += [Problem(path, 0, f"relative.units: {u!r} must map to one of {UNIT_VALUES}") for u in bad]
    elif "relative" in raw:
        out.append(Problem(path, 0, "'relative' must be a mapping"))
    months = raw.get("month_abbreviations")
    if months is not None and (not isinstance(months, list) or len(months) != 12):
        out.append(Problem(path, 0, "'month_abbreviations' must list 12 entries"))
    return out


@cache
def load_page_words(lang: str) -> PageWords:
    """One language's page words; raises DataError naming the file and key of every problem."""
    path = data_dir() / "pages" / f"{lang}.yaml"
    if not path.exists():
        raise_problems([Problem(str(path), 0, f"no page words for {lang!r}; known: {page_languages()}")])
    raw = load_yaml(path)
    raise_problems(_check(str(path), raw))
    rel = raw["relative"]
    months: dict[str, int] = {}
    for i, names in enumerate(raw["month_abbreviations"]):
        for n in names if isinstance(names, list) else [names]:
            months[fold(str(n))] = i + 1
    if lang in available_languages():
        months.update(load_langdata(lang).months)
    return PageWords(
        lang=lang,
        lists={k: _folded(raw[k]) for k in LIST_KEYS},
        rel_before=_folded(rel["before"]),
        rel_after=_folded(rel["after"]),
        rel_units={fold(str(k)): str(v) for k, v in (rel["units"] or {}).items()},
        today=_folded(rel["today"]),
        yesterday=_folded(rel["yesterday"]),
        months=months,
    )


@cache
def pooled_words() -> PageWords:
    """Every language's page words together: chrome is recognised whatever the page's language."""
    parts = [load_page_words(lg) for lg in page_languages()]
    return PageWords(
        lang="*",
        lists={k: frozenset().union(*(p.lists[k] for p in parts)) for k in LIST_KEYS},
        rel_before=frozenset().union(*(p.rel_before for p in parts)),
        rel_after=frozenset().union(*(p.rel_after for p in parts)),
        rel_units={k: v for p in parts for k, v in p.rel_units.items()},
        today=frozenset().union(*(p.today for p in parts)),
        yesterday=frozenset().union(*(p.yesterday for p in parts)),
        months={k: v for p in reversed(parts) for k, v in p.months.items()},
    )


def words_for(lang: str | None) -> PageWords:
    """The page's own language when we have its words, else the pooled set (key "*")."""
    return load_page_words(lang) if lang and lang in page_languages() else pooled_words()


@cache
def html_hints() -> dict[str, tuple[str, ...]]:
    path = data_dir() / "pages" / "html.yaml"
    raw = load_yaml(path)
    problems = [Problem(str(path), 0, f"missing list {k!r}") for k in HTML_KEYS if not isinstance(raw.get(k), list)]
    raise_problems(problems)
    return {k: tuple(str(x).lower() for x in raw[k]) for k in HTML_KEYS}


def alternation(words: frozenset[str] | set[str]) -> str:
    """A regex alternation of folded phrases, longest first, each ending on a word boundary."""
    ws = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w) + (r"(?!\w)" if w[-1:].isalnum() else "") for w in ws) or r"(?!x)x"

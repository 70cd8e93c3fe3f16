"""The section of a page: from its breadcrumb, else the label over the headline, else the word
beside the date ("Política 12.08.2025"), never the story's dateline, a weekday, a time zone or a
"Posted" label (`not_section` in `data/pages/<lang>.yaml`).
"""

from __future__ import annotations

import re
from functools import cache

from ..nlp.dates import find_dates
from ..nlp.langdata import available_languages, load_langdata
from ..textutil import fold, normalise_space
from .pagewords import words_for

CRUMB_SEP = re.compile(r"\s*(?:»|›|>|/)\s*")  # not "|": "Inicio | Mundo | Opinión" is a menu
ARROWS = re.compile(r"\s(?:»|›|>)\s")  # "Actualité > Monde": a trail even without its home item
MAX_LABEL_WORDS = 3


def _ok_label(text: str, lang: str | None) -> bool:
    pw = words_for(lang)
    f = fold(text)
    if not text or not 1 <= len(text.split()) <= MAX_LABEL_WORDS or any(ch.isdigit() for ch in text):
        return False
    if not text[:1].isupper() or f in pw["not_section"] or f in pw["chrome_lines"] or f in pw.months:
        return False
    return not any(w in _weekdays() for w in f.split())


@cache
def _weekdays_langs() -> tuple[str, ...]:
    return tuple(available_languages())


@cache
def _weekdays() -> frozenset[str]:
    return frozenset(w for lg in available_languages() for w in load_langdata(lg).weekdays)


def breadcrumb(line: str, lang: str | None, title: str | None = None) -> str | None:
    """ "Inicio » Nacionales » Economía" -> "Economía": the last item that is not the headline."""
    items = [normalise_space(x) for x in CRUMB_SEP.split(line.strip()) if x.strip()]
    if len(items) < 2:
        return None
    if fold(items[0]) in words_for(lang)["home"]:
        items = items[1:]
    elif not (ARROWS.search(line) and all(len(x.split()) <= 4 for x in items)):
        return None
    return trail_section(items, lang, title)


def trail_section(items: list[str] | tuple[str, ...], lang: str | None, title: str | None = None) -> str | None:
    """The section of a breadcrumb's items (an HTML trail, or a text line's): the last label that is
    not the home item nor the headline."""
    home = words_for(lang)["home"]
    rest = [x for x in items if fold(x) not in home and not (title and fold(x) == fold(title))]
    rest = [x for x in rest if _ok_label(x, lang)]
    return rest[-1] if rest else None


def kicker(line: str, lang: str | None) -> str | None:
    """A one-to-three-word label standing alone over the headline."""
    s = line.strip(" >»|:")
    return s if _ok_label(s, lang) and not CRUMB_SEP.search(s) else None


def beside_date(line: str, lang: str | None) -> str | None:
    """The words left in a short date line once the dates, times and labels are taken out."""
    if len(line.split()) > 10:
        return None
    pw = words_for(lang)
    rest = line
    if not any(ch.isdigit() for ch in line):
        return None
    for lg in [lang] if lang in _weekdays_langs() else _weekdays_langs():
        for m in find_dates(line, lg, None, numeric_lang=lang):
            # "Moscú, 21 de agosto": the words before ", date" are the place of a dateline, no section
            rest = re.sub(rf"[^|·•]*,\s*{re.escape(m.text)}", " ", rest).replace(m.text, " ")
    if rest == line:
        return None
    rest = re.sub(r"\b\d{1,2}[:h.]\d{2}\b\S*", " ", rest)
    words = [w for w in re.split(r"[\s|·•,:\-–—/]+", rest) if w]
    words = [w for w in words if fold(w) not in pw["published"] | pw["updated"] | pw["not_section"]]
    label = " ".join(words)
    return label if _ok_label(label, lang) else None

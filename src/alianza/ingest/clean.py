"""Plain-text page cleaning: from a saved news page to title, deck, byline, dateline and body.

Pages arrive as text with their chrome still inside (a repeated title, a byline with an unrelated
author bio, a "Section dd.mm.yyyy" line, photo captions, "see all" navigation). The cleaner works on
*units* (paragraphs, or single lines where lines are not a hard-wrapped paragraph), classifies each,
and keeps the run of prose between the page head and the trailing navigation.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..nlp.dates import find_dates, parse_date
from ..textutil import fold, normalise_space
from .patterns import BYLINE, CHROME, MENU, NAME_PARTICLES, TERMINAL

PROSE_MIN_WORDS = 12  # a unit this long that ends a sentence is story text
LONG_PROSE_WORDS = 30  # this long is story text even without final punctuation
DATELINE_MAX_WORDS = 10
TITLE_MAX_WORDS = 35


@dataclass(frozen=True, slots=True)
class CleanPage:
    text: str
    title: str | None = None
    deck: str | None = None
    author: str | None = None
    section: str | None = None
    published: dt.date | None = None
    boilerplate: tuple[str, ...] = ()


def split_units(raw: str) -> list[str]:
    """Paragraph units: blank-line blocks, with hard-wrapped lines joined and list-like lines kept apart."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").replace("\u00a0", " ")
    units: list[str] = []
    for block in re.split(r"\n\s*\n", raw):
        lines = [normalise_space(x) for x in block.split("\n") if x.strip()]
        if not lines:
            continue
        if len(lines) > 1 and _hard_wrapped(lines):
            units.append(" ".join(lines))
        else:
            units.extend(lines)
    return units


def _hard_wrapped(lines: list[str]) -> bool:
    widths = [len(x) for x in lines]
    top = max(widths)
    return 40 <= top <= 100 and all(w >= 0.55 * top for w in widths[:-1])


def _nwords(s: str) -> int:
    return len(s.split())


def is_prose(unit: str) -> bool:
    n = _nwords(unit)
    return (n >= PROSE_MIN_WORDS and bool(TERMINAL.search(unit))) or n >= LONG_PROSE_WORDS


def is_chrome(unit: str) -> bool:
    return bool(CHROME.match(unit)) or (bool(MENU.match(unit)) and not is_prose(unit))


def name_like(s: str) -> bool:
    """2-5 capitalised words (particles allowed): "Juan Brignardello Vela", "Mary-Jane O'Neil"."""
    toks = s.split()
    if not 2 <= len(toks) <= 6 or any(ch.isdigit() for ch in s):
        return False
    caps = [t for t in toks if t[:1].isupper() and t.rstrip(".").replace("-", "").replace("'", "").isalpha()]
    rest = [t for t in toks if t not in caps]
    return len(caps) >= 2 and all(t.lower() in NAME_PARTICLES for t in rest)


def _dateline(unit: str, lang: str | None) -> tuple[dt.date, str | None] | None:
    """A short unit holding a full date: the date, and what is left if it reads as a section name."""
    if _nwords(unit) > DATELINE_MAX_WORDS:
        return None
    when = parse_date(unit, lang)
    if when is None:
        return None
    rest = unit
    for lg in [lang] if lang else ["es", "en", "fr"]:
        for m in find_dates(unit, lg, None, numeric_lang=lang):
            rest = rest.replace(m.text, " ")
    rest = re.sub(r"\b\d{1,2}[:h.]\d{2}(?:\s*(?:am|pm|h|hrs|gmt|utc|cet|cest|est|edt))?\b", " ", rest, flags=re.I)
    rest = re.sub(
        r"\b(?:publicado|actualizado|published|updated|publié|mis à jour|el|on|le|at|a las|à)\b", " ", rest, flags=re.I
    )
    rest = normalise_space(re.sub(r"[|·•,:\-–—/]+", " ", rest))
    section = rest if rest and 1 <= _nwords(rest) <= 3 and rest[:1].isupper() else None
    return when, section


def _author_from(unit: str) -> tuple[str, bool] | None:
    """(name, pure) for a byline unit; pure when the unit is the name alone."""
    m = BYLINE.match(unit)
    if m and name_like(m["name"].strip()):
        return m["name"].strip(), False
    if name_like(unit):
        return unit, True
    head = re.split(r"\s*[,|·•]\s*", unit, maxsplit=1)[0]
    if head != unit and name_like(head) and _nwords(unit) <= 12:
        return head, False
    return None


def clean_page(raw: str, lang: str | None = None) -> CleanPage:
    """Split a raw text page into its metadata and clean body. Never raises on odd input."""
    units = split_units(raw)
    if not units:
        return CleanPage(text="")
    if len(units) == 1:
        return CleanPage(text=units[0])

    boiler: list[str] = []
    title: str | None = None
    section: str | None = None
    start = 0
    while start < len(units) - 1 and is_chrome(units[start]):  # site menus above the headline
        boiler.append(units[start])
        start += 1
    # A kicker or breadcrumb above the headline: one to three words, then a longer line.
    if len(units) > start + 2 and _nwords(units[start]) <= 3 and _nwords(units[start + 1]) >= 4:
        section = units[start].strip(" >»|")
        start += 1
    first = units[start]
    if _nwords(first) <= TITLE_MAX_WORDS and not (is_prose(first) and TERMINAL.search(first) and first.endswith(".")):
        title = first.rstrip()
        start += 1
    rest = units[start:]
    kinds = []
    for u in rest:
        if title and fold(u) == fold(title):
            kinds.append("title")
        elif is_chrome(u):
            kinds.append("chrome")
        elif (d := _dateline(u, lang)) is not None:
            kinds.append("dateline")
        elif is_prose(u):
            kinds.append("prose")
        else:
            kinds.append("short")

    published: dt.date | None = None
    prose_idx = [i for i, k in enumerate(kinds) if k == "prose"]
    datelines = [i for i, k in enumerate(kinds) if k == "dateline"]
    # The head ends at the last dateline that has most of the story's prose after it.
    head_end = -1
    for i in datelines:
        d = _dateline(rest[i], lang)
        assert d is not None
        if published is None:
            published, sec = d
            section = section or sec
        after = sum(_nwords(rest[j]) for j in prose_idx if j > i)
        before = sum(_nwords(rest[j]) for j in prose_idx if j < i)
        if after >= before:
            head_end = i
            published, sec = d
            section = sec or section

    author: str | None = None
    deck: str | None = None
    bylines = []
    for i, u in enumerate(rest[: max(head_end, 0) + 6]):
        if kinds[i] in ("short", "dateline") or (kinds[i] == "prose" and _nwords(u) <= 12):
            got = _author_from(u)
            if got is not None:
                bylines.append((i, got))
    if bylines:
        pure = [b for b in bylines if b[1][1]]
        author = (pure or bylines)[0][1][0]
        if head_end < 0:
            head_end = max(i for i, _ in bylines)
    surname = fold(author.split()[1]) if author and len(author.split()) > 1 else None

    if head_end < 0:
        # No dateline or byline: the head is what stands before the first prose unit.
        head_end = (prose_idx[0] - 1) if prose_idx else -1
        # A long first unit with no final full stop right after the title is the deck.
        if prose_idx and prose_idx[0] == 0 and len(prose_idx) > 1 and not rest[0].rstrip().endswith("."):
            head_end = 0

    for i in range(0, head_end + 1):
        u, k = rest[i], kinds[i]
        if k == "dateline" or k == "title":
            boiler.append(u)
            continue
        if deck is None and k != "chrome" and _nwords(u) >= 8 and not (surname and surname in fold(u)):
            deck = u
            continue
        boiler.append(u)

    body_units = list(range(head_end + 1, len(rest)))
    # Trailing chrome: from the end, drop whatever is not story prose.
    while body_units and kinds[body_units[-1]] != "prose":
        boiler.append(rest[body_units.pop()])
    body: list[str] = []
    for i in body_units:
        if (
            kinds[i] in ("chrome", "title", "dateline")
            or author
            and kinds[i] == "short"
            and _author_from(rest[i]) is not None
        ):
            boiler.append(rest[i])
        else:
            body.append(rest[i])
    if not body:  # nothing looked like a story: keep every non-chrome unit rather than lose text
        body = [u for u, k in zip(rest, kinds, strict=True) if k not in ("chrome", "title")] or units
        boiler = [u for u in boiler if u not in body]
    return CleanPage(
        text="\n\n".join(body),
        title=title,
        deck=deck,
        author=author,
        section=section,
        published=published,
        boilerplate=tuple(boiler),
    )

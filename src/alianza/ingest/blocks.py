"""Paragraph classification of a plain-text page, after jusText (Pomikálek 2011).

A copied page is a column of blocks: menus and date bars, the headline, the byline, the story's
paragraphs, link boxes, the footer. Each block is scored on its own by length, sentence punctuation
and the density of the language's stopwords (jusText's stoplists, installed with trafilatura), then
re-judged by its neighbours: a short block between two good ones is part of the story (a one-line
quote), a run of short lines is navigation. Furniture that jusText cannot see by its shape (share
buttons, "Lee también:" links, "PUBLICIDAD", cookie notices) is named in `data/pages/<lang>.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from ..textutil import fold, normalise_space
from .pagewords import PageWords, alternation, words_for

Kind = Literal["good", "near", "short", "bad"]
Role = Literal["text", "chrome", "link", "box", "ad", "copyright", "cookie", "credit", "meta"]

LENGTH_LOW = 70  # characters: below this a block is "short" (jusText's default)
LENGTH_HIGH = 200  # above this a block with enough stopwords is good on its own
STOP_LOW = 0.30  # stopword share: below, the block reads as a list of names, not prose
STOP_HIGH = 0.32
JUSTEXT_LANGS = {"es": "Spanish", "en": "English", "fr": "French"}
TERMINAL = re.compile(r"""[.!?…]["'»”’)\]]*$""")
WORD = re.compile(r"\w+(?:['’-]\w+)*")


@dataclass(frozen=True, slots=True)
class Block:
    """One line or paragraph of the page; `group` numbers the blank-line-separated block it came from."""

    text: str
    group: int
    kind: Kind = "short"
    role: Role = "text"

    @property
    def words(self) -> int:
        return len(self.text.split())


def split_blocks(raw: str) -> list[Block]:
    """Lines, with hard-wrapped paragraphs joined; the blank-line group of each is kept."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").replace("\u00a0", " ")
    out: list[Block] = []
    for g, chunk in enumerate(re.split(r"\n\s*\n", raw)):
        lines = [normalise_space(x) for x in chunk.split("\n") if x.strip()]
        if not lines:
            continue
        if len(lines) > 1 and _hard_wrapped(lines):
            out.append(Block(" ".join(lines), g))
            continue
        buf = [lines[0]]
        for line in lines[1:]:
            if _continues(buf[-1], line):
                buf.append(line)
            else:
                out.append(Block(" ".join(buf), g))
                buf = [line]
        out.append(Block(" ".join(buf), g))
    return out


def _continues(a: str, b: str) -> bool:
    """Line `b` carries on the sentence of line `a` (a wrap at any width): `a` is long and ends no
    sentence, and `b` goes on in lower case or is the sentence's short end."""
    if len(a) < 40 or TERMINAL.search(a):
        return False
    return b[:1].islower() or (len(b) < 25 and bool(TERMINAL.search(b)) and a[-1:].isalpha())


def _hard_wrapped(lines: list[str]) -> bool:
    widths = [len(x) for x in lines]
    top = max(widths)
    # wrapped text fills its lines to about the same width; a byline over a date line does not
    return 55 <= top <= 100 and all(w >= 0.75 * top for w in widths[:-1])


@cache
def stoplist(lang: str | None) -> frozenset[str]:
    """jusText's stoplist of the language (folded), or of es+en+fr when the language is unknown."""
    import justext

    names = [JUSTEXT_LANGS[lang]] if lang in JUSTEXT_LANGS else list(JUSTEXT_LANGS.values())
    words: set[str] = set()
    for name in names:
        words |= {fold(w) for w in justext.get_stoplist(name)}
    return frozenset(words)


def stop_density(text: str, stops: frozenset[str]) -> float:
    toks = WORD.findall(fold(text))
    return sum(1 for t in toks if t in stops) / len(toks) if toks else 0.0


@dataclass(frozen=True, slots=True)
class Markers:
    """The page-word regexes, compiled once per word set."""

    chrome_line: re.Pattern[str]
    chrome_start: re.Pattern[str]
    link: re.Pattern[str]
    ad: re.Pattern[str]
    copyright: re.Pattern[str]
    cookie: re.Pattern[str]
    credit: re.Pattern[str]


def markers(pw: PageWords) -> Markers:
    return _markers(pw.lang)


@cache
def _markers(key: str) -> Markers:
    pw = words_for(key)

    def whole(key: str) -> re.Pattern[str]:
        return re.compile(rf"^(?:{alternation(pw[key])})\s*[:.!]?$")

    return Markers(
        chrome_line=whole("chrome_lines"),
        chrome_start=re.compile(rf"^(?:{alternation(pw['chrome_starts'])})"),
        link=re.compile(rf"^[\W_]*(?:{alternation(pw['link_box'])})"),
        ad=whole("ads"),
        copyright=re.compile(rf"©|\(c\)\s|\bcopyright\b|{alternation(pw['copyright'])}"),
        cookie=re.compile(alternation(pw["cookies"])),
        credit=re.compile(rf"^(?:{alternation(pw['credits'])})"),
    )


def role_of(text: str, m: Markers) -> Role:
    """What furniture a block is by its words alone ("text" when none)."""
    f = fold(text).strip()
    if m.ad.match(f):
        return "ad"
    link = m.link.match(f)
    if link:
        after = f[link.end() :]
        rest = after.strip(" :|-–—»>")
        if not rest:
            return "box"
        if after[:1] in ":|-–—»>" or after.lstrip()[:1] in ":|" or (len(rest) < 150 and not TERMINAL.search(rest)):
            return "link"
    if m.chrome_line.match(f) or m.chrome_start.match(f) or _menu_line(text):
        return "chrome"
    if m.cookie.search(f):
        return "cookie"
    if m.copyright.search(f) and len(f) < 300:
        return "copyright"
    if m.credit.match(f) or _wire_initials(f):
        return "credit"
    return "text"


def _menu_line(text: str) -> bool:
    """ "Mundo | Política | Economía" or "Facebook · X · Email": three or more short items."""
    parts = [p.strip() for p in re.split(r"\s[|·•]\s|\s/\s", text)]
    return len(parts) >= 3 and all(0 < len(p.split()) <= 4 for p in parts)


def _wire_initials(folded: str) -> bool:
    """An agency's editor sign-off: "sb/cf", "pjt/ag/mm"."""
    return bool(re.fullmatch(r"[a-z]{1,4}(?:/[a-z]{1,4}){1,4}", folded))


def initial_kind(text: str, stops: frozenset[str]) -> Kind:
    """jusText's context-free class."""
    n = len(text)
    density = stop_density(text, stops)
    if n < LENGTH_LOW:
        return "short"
    if density >= STOP_HIGH:
        return "good" if n > LENGTH_HIGH or TERMINAL.search(text) else "near"
    if density >= STOP_LOW:
        return "near"
    return "bad"


def assign_roles(blocks: list[Block], pw: PageWords) -> list[Block]:
    """Each block's furniture role by its words; related-headline boxes marked whole."""
    m = markers(pw)
    out = [replace(b, role=role_of(b.text, m), kind="bad") for b in blocks]
    for i, b in enumerate(out):
        if b.role != "box":
            continue
        j = i + 1  # the headlines under a "Te puede interesar" heading: short lines that end no sentence
        while (
            j < len(out)
            and out[j].role in ("text", "link")
            and len(out[j].text) < 150
            and not TERMINAL.search(out[j].text)
        ):
            out[j] = replace(out[j], role="link")
            j += 1
    return out


def judge(blocks: list[Block], lang: str | None) -> list[Block]:
    """jusText classes for the text blocks; furniture stays "bad" and is transparent to the context."""
    stops = stoplist(lang)
    idx = [i for i, b in enumerate(blocks) if b.role == "text"]
    text = _context([replace(blocks[i], kind=initial_kind(blocks[i].text, stops)) for i in idx])
    out = list(blocks)
    for i, b in zip(idx, text, strict=True):
        out[i] = b
    for i in idx:  # the story's last, short sentence, right under its prose with nothing between
        if out[i].kind == "bad" and i > 0 and out[i - 1].role == "text" and out[i - 1].kind == "good":
            if len(out[i].text) < LENGTH_LOW and _closing(out[i]):
                out[i] = replace(out[i], kind="good")
    return out


def classify(blocks: list[Block], lang: str | None, pw: PageWords) -> list[Block]:
    """Roles, then jusText classes with context: the whole classification in one call."""
    return judge(assign_roles(blocks, pw), lang)


def _closing(b: Block) -> bool:
    """A short block that reads as a sentence: words, a final full stop, the language's stopwords."""
    return b.words >= 5 and bool(TERMINAL.search(b.text)) and b.text[:1].isupper()


def _context(blocks: list[Block]) -> list[Block]:
    """jusText's second pass: short and near-good blocks take the class of their neighbours."""
    kinds: list[Kind] = [b.kind for b in blocks]

    def neighbour(i: int, step: int, skip_near: bool) -> Kind:
        j = i + step
        while 0 <= j < len(kinds):
            k = kinds[j]
            if k in ("good", "bad") or (k == "near" and not skip_near):
                return k
            j += step
        return "bad"

    for i, k in enumerate(kinds):  # short blocks: good only between good ones
        if k == "short":
            prev, nxt = neighbour(i, -1, True), neighbour(i, 1, True)
            kinds[i] = "good" if prev == nxt == "good" else "bad" if "bad" in (prev, nxt) else "near"
    for i, k in enumerate(kinds):  # near-good: good next to good
        if k == "near":
            prev, nxt = neighbour(i, -1, True), neighbour(i, 1, True)
            kinds[i] = "bad" if prev == nxt == "bad" else "good"
    return [replace(b, kind=k) for b, k in zip(blocks, kinds, strict=True)]

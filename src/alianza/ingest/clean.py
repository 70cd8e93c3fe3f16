"""Plain-text page cleaning: from a page copied out of a browser to title, deck, byline, date,
section, dateline and a clean body.

The page is split into blocks and each is classified the jusText way (`blocks.py`): furniture by
its words, then length, sentence punctuation and stopword density, then context. The *head* ends at
the last byline or date line that has most of the story's prose after it (so an author bio above
the date stays out); the body is the main run of good blocks after it. The title is the headline
among the blocks above the body (the line repeated, or the one that shares most words with the
story, or the one just above the deck and byline), never a menu item, date bar or site name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from ..textutil import fold
from .blocks import LENGTH_HIGH, TERMINAL, WORD, Block, assign_roles, judge, split_blocks, stoplist
from .byline import PURE, Byline, parse_byline
from .dateline import split_dateline
from .pagewords import pooled_words
from .pubdate import DateCandidate, Where, choose, line_dates
from .section import beside_date, breadcrumb, kicker

TITLE_MAX_WORDS = 35
META_MAX_WORDS = 24
DECK_MIN_WORDS = 8


@dataclass(frozen=True, slots=True)
class CleanPage:
    text: str
    title: str | None = None
    deck: str | None = None
    author: str | None = None
    section: str | None = None
    published: dt.date | None = None
    boilerplate: tuple[str, ...] = ()
    dateline: str | None = None


@dataclass(frozen=True, slots=True)
class _Meta:
    dates: tuple[DateCandidate, ...]
    byline: Byline | None


def split_units(raw: str) -> list[str]:
    """The page's blocks as strings (lines, hard-wrapped paragraphs joined)."""
    return [b.text for b in split_blocks(raw)]


def site_names(blocks: list[Block]) -> frozenset[str]:
    """The copyright lines, folded: a byline whose words all stand in one of them is the site's name."""
    return frozenset(fold(b.text) for b in blocks if b.role == "copyright")


def _meta(b: Block, lang: str | None, rejected: frozenset[str]) -> _Meta | None:
    """A block's dates and byline when it is a short head line (not a sentence of the story)."""
    if b.role != "text" or len(b.text.split()) > META_MAX_WORDS:
        return None
    dates = tuple(line_dates(b.text, lang, "head", 0))
    terminal = bool(TERMINAL.search(b.text))
    if dates and (any(d.label != "none" for d in dates) or not terminal or len(b.text.split()) <= 8):
        return _Meta(dates, parse_byline(b.text, lang, rejected))
    got = parse_byline(b.text, lang, rejected)
    if got is not None and (got.strength >= PURE or not terminal):
        return _Meta((), got)
    return None


def _head_end(blocks: list[Block], metas: dict[int, _Meta]) -> int:
    """The last byline/date line with at least as much story prose after it as before it."""
    good = [(i, len(b.text)) for i, b in enumerate(blocks) if b.kind == "good"]
    end = -1
    for i in sorted(metas):
        after = sum(n for j, n in good if j > i)
        before = sum(n for j, n in good if j < i)
        if after >= before and after > 0:
            end = i
    return end


def _body_span(blocks: list[Block], head_end: int) -> tuple[int, int] | None:
    """First and last block of the main run of good blocks after the head (one weak block may sit inside)."""
    runs: list[tuple[int, int, int]] = []  # start, end, characters
    cur: list[int] = []
    gap = 0
    for i in range(head_end + 1, len(blocks)):
        b = blocks[i]
        if b.role != "text":
            continue
        if b.kind == "good":
            cur.append(i)
            gap = 0
        elif cur and gap == 0 and len(b.text) < LENGTH_HIGH:
            gap = 1
        elif cur:
            runs.append((cur[0], cur[-1], sum(len(blocks[j].text) for j in cur)))
            cur, gap = [], 0
    if cur:
        runs.append((cur[0], cur[-1], sum(len(blocks[j].text) for j in cur)))
    if not runs:
        return None
    start, end, _n = max(runs, key=lambda r: r[2])
    return start, end


def _content_words(text: str, stops: frozenset[str]) -> set[str]:
    return {w for w in WORD.findall(fold(text)) if len(w) > 2 and w not in stops}


def _title(blocks: list[Block], metas: dict[int, _Meta], start: int, lang: str | None) -> int | None:
    """The headline's index among the blocks above the body."""
    stops = stoplist(lang)
    story = _content_words(" ".join(b.text for b in blocks[start : start + 3]), stops)
    seen: dict[str, int] = {}
    for b in blocks[:start]:
        seen[fold(b.text)] = seen.get(fold(b.text), 0) + 1
    best: tuple[float, int] | None = None
    for i in range(start):
        b = blocks[i]
        n = len(b.text.split())
        if b.role != "text" or i in metas or not 3 <= n <= TITLE_MAX_WORDS or b.text.rstrip().endswith(":"):
            continue
        words = _content_words(b.text, stops)
        overlap = len(words & story) / max(1, len(words)) ** 0.5
        nxt = next((j for j in range(i + 1, start) if blocks[j].role == "text"), start)
        score = overlap + (3.0 if seen[fold(b.text)] > 1 else 0.0) + (1.0 if nxt in metas or nxt == start else 0.0)
        if overlap == 0 and seen[fold(b.text)] == 1:
            continue
        if best is None or score > best[0] or (score == best[0] and seen[fold(b.text)] == 1):
            best = (score, i)
    if best is None:
        return None
    # The headline stands over its deck: a shorter candidate just above the winner is the title.
    i = best[1]
    prev = next((j for j in range(i - 1, -1, -1) if blocks[j].role == "text"), None)
    n_prev, n_win = len(blocks[prev].text.split()) if prev is not None else 0, len(blocks[i].text.split())
    if prev is not None and prev not in metas and n_prev >= max(4, n_win / 2) and n_prev <= TITLE_MAX_WORDS:
        if _content_words(blocks[prev].text, stops) & story and len(blocks[i].text.split()) >= DECK_MIN_WORDS:
            return prev
    return i


def _section(
    blocks: list[Block], metas: dict[int, _Meta], title: int | None, start: int, lang: str | None
) -> str | None:
    title_text = blocks[title].text if title is not None else None
    for b in blocks[:start]:
        got = breadcrumb(b.text, lang, title_text)
        if got:
            return got
    if title is not None and title > 0:
        prev = blocks[title - 1]
        alone = all(x.group != prev.group for k, x in enumerate(blocks) if k != title - 1)
        above = metas.get(title - 1)  # "Oriente Próximo" reads as a name, but no byline stands over the headline
        if alone and (prev.role == "text" or (above and not above.dates)) and (got := kicker(prev.text, lang)):
            return got
    for i in sorted(metas):
        if i < start and metas[i].dates and (got := beside_date(blocks[i].text, lang)):
            return got
    return None


def _author(metas: dict[int, _Meta], title: int | None, start: int) -> str | None:
    lo = title if title is not None else -1
    found = [(m.byline.strength, -i, m.byline.author) for i, m in metas.items() if lo < i < start and m.byline]
    if not found:
        return None
    return max(found)[2]  # the strongest byline ("Por X" over a bare name over "X, role"), the first of equals


def _published(
    blocks: list[Block], metas: dict[int, _Meta], title: int | None, span: tuple[int, int], lang: str | None
) -> dt.date | None:
    cands: list[DateCandidate] = []
    start, end = span
    for i, b in enumerate(blocks):
        if start <= i <= end or b.role in ("link", "box", "copyright", "cookie"):
            continue
        where: Where = "tail" if i > end else "top" if title is not None and i < title else "head"
        if where != "tail" and i in metas:
            cands.extend(replace(d, where=where, index=i) for d in metas[i].dates)
        elif where == "tail" or b.role == "text":
            cands.extend(line_dates(b.text, lang, where, i))
    return choose(cands)


def clean_page(raw: str, lang: str | None = None) -> CleanPage:
    """Split a raw text page into its metadata and clean body. Never raises on odd input."""
    blocks = split_blocks(raw)
    if len(blocks) <= 1:
        return CleanPage(text=blocks[0].text if blocks else "")
    blocks = assign_roles(blocks, pooled_words())
    rejected = site_names(blocks)
    metas = {i: m for i, b in enumerate(blocks) if (m := _meta(b, lang, rejected)) is not None}
    blocks = judge([replace(b, role="meta") if i in metas else b for i, b in enumerate(blocks)], lang)
    head_end = _head_end(blocks, metas)
    span = _body_span(blocks, head_end) or _body_span(blocks, -1)
    if span is None:  # nothing reads as a story: keep the text blocks rather than lose them
        body = [b.text for b in blocks if b.role == "text"] or [b.text for b in blocks]
        return CleanPage(text="\n\n".join(body), boilerplate=tuple(b.text for b in blocks if b.text not in body))
    start, end = span
    for _ in range(2):  # a headline (and deck) with no byline under it opens the run: no sentence, no body
        nxt = next((j for j in range(start + 1, end + 1) if blocks[j].role == "text"), None)
        if nxt is None or TERMINAL.search(blocks[start].text) or len(blocks[start].text.split()) > TITLE_MAX_WORDS:
            break
        start = nxt
    title = _title(blocks, metas, start, lang)
    deck = _deck(blocks, metas, title, head_end)
    author = _author(metas, title, start)
    body_idx = [i for i in range(start, end + 1) if blocks[i].role == "text"]
    if title is not None:
        body_idx = [i for i in body_idx if fold(blocks[i].text) != fold(blocks[title].text)]
    body = [blocks[i].text for i in body_idx]
    dateline, first = split_dateline(body[0], lang) if body else (None, "")
    if dateline and first.strip():
        body[0] = first.strip()
    keep = set(body_idx) | {title, deck}
    return CleanPage(
        text="\n\n".join(body),
        title=blocks[title].text if title is not None else None,
        deck=blocks[deck].text if deck is not None else None,
        author=author,
        section=_section(blocks, metas, title, start, lang),
        published=_published(blocks, metas, title, span, lang),
        boilerplate=tuple(b.text for i, b in enumerate(blocks) if i not in keep),
        dateline=dateline if dateline and first.strip() else None,
    )


def _deck(blocks: list[Block], metas: dict[int, _Meta], title: int | None, head_end: int) -> int | None:
    """The standfirst: the first long head block under the title that is not about the author."""
    if title is None or head_end <= title:
        return None
    names = [m.byline.author for m in metas.values() if m.byline]
    surnames = {fold(n.split()[-1]) for a in names for n in a.split("; ")}
    for i in range(title + 1, head_end):
        b = blocks[i]
        if fold(b.text) == fold(blocks[title].text):
            continue
        if b.role == "text" and len(b.text.split()) >= DECK_MIN_WORDS and not any(s in fold(b.text) for s in surnames):
            return i
    return None

"""Bylines: "Por X", "By A and B", "Par X avec Belga", "X | Agencia", a name on its own line.

The author is a person's name (or two, joined with "; " as trafilatura does): the site's name, a
"Sign In" link, a desk ("Redacción"), a role or a bio is no author, and a page that names none gets
None. The prefixes, joiners and tails are page words (`data/pages/<lang>.yaml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..textutil import fold, fold_keep_length
from .pagewords import alternation, pooled_words, words_for

MAX_NAME_TOKENS = 6
STRONG, PURE, WEAK = 3, 2, 1


@dataclass(frozen=True, slots=True)
class Byline:
    author: str  # "A" or "A; B"
    strength: int  # STRONG: after "Por/By/Par"; PURE: the line is the name; WEAK: "Name, role"


def _token_ok(tok: str) -> bool:
    core = tok.rstrip(".,")
    if not core or not core[0].isupper():
        return False
    letters = core.replace("-", "").replace("'", "").replace("’", "").replace(".", "")
    return letters.isalpha() and not (len(core) > 3 and core.isupper() and "." not in core)


def name_like(s: str) -> bool:
    """2-6 capitalised words, particles allowed: "Juan Brignardello Vela", "Carlos M. Rivero", "James O'Connor"."""
    particles = pooled_words()["name_particles"]
    toks = s.split()
    if not 2 <= len(toks) <= MAX_NAME_TOKENS or any(ch.isdigit() for ch in s):
        return False
    caps = [t for t in toks if _token_ok(t)]
    rest = [t for t in toks if not _token_ok(t)]
    return len(caps) >= 2 and all(fold(t) in particles for t in rest) and _token_ok(toks[-1])


@cache
def _regexes(key: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    pw = words_for(key)
    prefix = re.compile(rf"^(?:{alternation(pw['byline_prefix'])})\s*:?\s+", re.I)
    joiner = re.compile(rf"\s*,\s*|\s+(?:{alternation(pw['author_joiners'])})\s+", re.I)
    tail = re.compile(rf"\s+(?:{alternation(pw['byline_tails'] | pw['author_joiners'])})\b.*$", re.I)
    return prefix, joiner, tail


def _not_a_name(name: str, key: str, rejected: frozenset[str]) -> bool:
    pw = words_for(key)
    f = fold(name)
    return (
        any(set(f.split()) <= set(re.findall(r"\w+", r)) for r in rejected)
        or f in pw["chrome_lines"]
        or f in pw["not_section"]
        or f in pw["byline_tails"]
        or any(w in pw["not_name_words"] for w in f.split())
        or f.split()[-1] in pw.months  # "Updated September"; "Julio César Andino" and "April Ryan" are names
        or any(w in pw["published"] | pw["updated"] for w in f.split())
    )


def _names(part: str, key: str, rejected: frozenset[str]) -> list[str] | None:
    """The names of an author part ("A y B", "A, B and C"), or None when one of them is no name."""
    _prefix, joiner, _tail = _regexes(key)
    names, pos = [], 0  # split on the folded text (the page words are folded), cut the original
    for m in joiner.finditer(fold_keep_length(part)):
        names.append(part[pos : m.start()].strip(" ."))
        pos = m.end()
    names = [n for n in [*names, part[pos:].strip(" .")] if n]
    if names and all(name_like(n) and not _not_a_name(n, key, rejected) for n in names):
        return names
    return None


def parse_byline(line: str, lang: str | None, rejected: frozenset[str] = frozenset()) -> Byline | None:
    """The author of a byline line, or None; `rejected` holds folded site names."""
    key = words_for(lang).lang
    prefix, _joiner, tail = _regexes(key)
    s = line.strip()
    if len(s.split()) > 16:
        return None
    m = prefix.match(fold_keep_length(s))
    body = s[m.end() :] if m else s
    if m:  # "Por Mariana Ospina 21 febrero, 2025": the name ends where the date begins
        body = re.split(r"\s+(?=\S*\d)", body, maxsplit=1)[0]
    head = re.split(r"\s+[|·•–—-]\s+|\s*[|·•(]\s*", body, maxsplit=1)[0].strip()
    whole = head == body.strip()
    if m:
        cut = tail.search(fold_keep_length(head))
        for cand in (head, head[: cut.start()] if cut else head):
            names = _names(cand, key, rejected)
            if names:
                return Byline("; ".join(names), STRONG)
        first = re.split(r"\s*,\s*", head, maxsplit=1)[0]
        names = _names(first, key, rejected)
        return Byline("; ".join(names), STRONG) if names else None
    if whole:
        names = _names(head, key, rejected)
        if names:
            return Byline("; ".join(names), PURE)
    first = re.split(r"\s*,\s*", head, maxsplit=1)[0]
    if first != s and len(s.split()) <= 12 and name_like(first) and not _not_a_name(first, key, rejected):
        return Byline(first, WEAK)
    return None


def clean_author(raw: str | None, lang: str | None, rejected: frozenset[str] = frozenset()) -> str | None:
    """A metadata author ("Por Mariana Ospina", "Felipe Araya; Con Agencias") as names, or None."""
    if not raw:
        return None
    parts = [p.strip() for p in re.split(r"\s*;\s*", raw) if p.strip()]
    names: list[str] = []
    for p in parts:
        got = parse_byline(p, lang, rejected)
        if got is not None:
            names.extend(n for n in got.author.split("; ") if n not in names)
    return "; ".join(names) or None

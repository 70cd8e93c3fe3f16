"""Small text helpers shared by every stage (no spaCy here: the cheap pass uses them)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

WORD_RE = re.compile(r"\w+(?:[-'’.]\w+)*\.?|[^\w\s]", re.UNICODE)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lowercase and strip diacritics so that "Vladímir" matches "vladimir" and "atacó" "ataco".

    Length-preserving for precomposed Latin text, which keeps offsets valid after folding;
    `fold_keep_length` guarantees it for any text.
    """
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_keep_length(text: str) -> str:
    """`fold` character by character: the result always has the length of the input."""
    out = []
    for ch in text:
        f = fold(ch)
        out.append(f[0] if len(f) >= 1 else " ")
    return "".join(out)


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def article_id(text: str) -> str:
    """Stable id: the hash of the whitespace-normalised, case-folded body."""
    return hashlib.sha1(normalise_space(text).lower().encode("utf-8")).hexdigest()[:16]


def words(text: str) -> list[tuple[int, int, str]]:
    """Tokens with offsets, good enough for the cheap pass and for metadata heuristics."""
    return [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]

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


class _CharFold(dict[int, str]):
    """Code point -> its folded character, filled on first sight: a pure cache for str.translate."""

    def __missing__(self, code: int) -> str:
        f = fold(chr(code))
        self[code] = out = f[0] if f else " "
        return out


_CHAR_FOLD = _CharFold()


def fold_keep_length(text: str) -> str:
    """`fold` character by character: the result always has the length of the input."""
    return text.translate(_CHAR_FOLD)


def scrub(text: str) -> str:
    """Text that can always be encoded: lone surrogates (from JSON `\\ud800` escapes) and NULs go."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def article_id(text: str, origin: str | None = None) -> str:
    """Stable id: the hash of the whitespace-normalised, case-folded body, and of where it came from.

    Without an origin it is the content hash. With one (URL, or file and record), the same wire copy
    published by two sites gets two ids, so each input keeps its own row; re-reading the same input
    gives the same id, which is what makes an ingest idempotent.
    """
    body = normalise_space(text).lower()
    key = body if origin is None else f"{body}\x00{origin}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def words(text: str) -> list[tuple[int, int, str]]:
    """Tokens with offsets, good enough for the cheap pass and for metadata heuristics."""
    return [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]

"""The story's dateline: "NAIROBI, 14 mar. (Agencias) –", "MANILA, May 4 (Newswire) -", "ALGER -".

Kept as its own field and taken off the first sentence before coding: the place and the agency are
not part of the first sentence's grammar, and "(AFP)" read as an actor or "NAIROBI" read as the
subject would make events of them. The month names come from `data/pages/<lang>.yaml` and
`data/lang/<lang>.yaml`; a dateline must be followed by the sentence's capital letter.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from .pagewords import alternation, pooled_words, words_for

UP = "A-ZÑÇ"  # after accents are stripped
_SENTENCE = rf"(?=[\"'«“¿¡(]?[{UP}0-9])"


def strip_accents(text: str) -> str:
    """Accents off, case and length kept: "GENÈVE" -> "GENEVE" (offsets stay valid)."""
    out = []
    for ch in text:
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        out.append(base[:1] if len(base) >= 1 else ch)
    return "".join(out)


@cache
def _patterns(key: str) -> tuple[re.Pattern[str], ...]:
    pw = words_for(key)
    month = alternation(set(pw.months))
    of = rf"(?:(?:{alternation(pw['date_of_words'])})\s+)?"
    particle = alternation(pooled_words()["name_particles"])
    date = rf"(?:\d{{1,2}}\s+{of}(?:{month})\.?|(?:{month})\.?\s+\d{{1,2}}|(?:{month})\.?)(?:,?\s+\d{{4}})?"
    full_date = rf"\d{{1,2}}\s+{of}(?:{month})(?:\s+{of}\d{{4}})?"
    place_up = rf"[{UP}][{UP}'’.\- ]{{1,38}}[{UP}.]"
    place_cap = rf"[{UP}][a-zñç'’\-]+(?:\s+(?:{particle}|[{UP}][a-zñç'’\-]+)){{0,3}}"
    dash = r"[-–—]{1,2}"
    return (
        # PLACE[, date] (Agency)[.][-]: the wire form, upper or title case
        re.compile(
            rf"^(?P<dl>(?:{place_up}|{place_cap})(?:,\s*(?i:{date}))?\s*\([^()\n]{{2,30}}\)\s*\.?\s*(?:{dash}|:)?)\s*{_SENTENCE}"
        ),
        # PLACE[, date] - (or "PESHAWAR:"): upper-case place and a dash or colon
        re.compile(rf"^(?P<dl>{place_up}(?:,\s*(?i:{date}))?\s*(?:{dash}|:))\s+{_SENTENCE}"),
        # Place, 18 de julio.  (state media)
        re.compile(rf"^(?P<dl>{place_cap},\s*(?i:{full_date})\s*(?:\.\s*{dash}|{dash}|\.))\s+{_SENTENCE}"),
    )


def split_dateline(paragraph: str, lang: str | None) -> tuple[str | None, str]:
    """(dateline, rest of the paragraph); (None, paragraph) when it opens with no dateline."""
    plain = strip_accents(paragraph[:160])
    for pat in _patterns(words_for(lang).lang):
        m = pat.match(plain)
        if m:
            end = m.end("dl")
            rest = paragraph[m.end() :]
            return paragraph[:end].strip(), rest
    return None, paragraph

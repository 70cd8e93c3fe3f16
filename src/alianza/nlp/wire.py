"""Wire copy as the coder should read it: datelines off the sentence, headlines out of capitals.

Why: agency copy opens its first sentence with a dateline ("LA PAZ, 3 abr (AFP) -", "GINEBRA
(EFE) –") that the parser takes for the subject or an apposition, and its headlines come in
capitals ("NUEVE MIL MEDICOS EN PARO DE PROTESTA"), which the parser reads as one long proper
name. The sentence keeps its offsets on the original text: a dateline is cut off the front of the
sentence (its place is still the event's place and the article's), and a capitals sentence is
parsed from a case-normalised copy of the same length, then the parse is put back onto the
original words (`restore_words`), so evidence spans and trigger texts are the article's own.

This works on sentences, in the coder's input: the page cleaner (ingest/dateline.py) takes the
dateline of a page's first paragraph off the body and records it as `Article.dateline`, whose place
`code_article` counts the same way; what is cut here is a dateline still inside the text (a record
whose sentence opens with one, a dateline after a headline).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ..types import Sentence

# Agencies whose name closes a dateline: "(AFP)", "(EFE)", "(AP)", "(Reuters)", "(dpa)", "(IPS)".
_AGENCY = r"\((?:AFP|EFE|AP|Reuters|REUTERS|DPA|dpa|ANSA|IPS|Xinhua|XINHUA|Prensa Latina|PL|Europa Press|EP|UPI|Télam|TASS|Notimex|NTX|ANDINA|ABI|AIN|Sputnik)\)"
# A place in capitals (with an optional region in parentheses), then an optional date, an optional
# agency, and the dash. One of date or agency must be there: "MADRID, el gobierno dijo" is no dateline.
DATELINE = re.compile(
    r"^(?P<place>[A-ZÁÉÍÓÚÑÜÇ][A-ZÁÉÍÓÚÑÜÇ'’.\- ]{1,40}?(?:\s*(?!" + _AGENCY + r")\([^()]{2,30}\))?)"
    r"\s*(?:,\s*(?P<date>\d{1,2}\s+[A-Za-zé]{3,10}\.?(?:\s+\d{4})?|[A-Za-z]{3,10}\.?\s*\d{0,2}(?:,\s*\d{4})?))?"
    r"\s*(?P<agency>" + _AGENCY + r")?\s*[-–—]+\s*"
)
CAPITALS_SHARE = 0.8  # of the letters, for a sentence to count as written in capitals
MIN_CAPITAL_LETTERS = 8


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str  # as written ("LA PAZ", "GINEBRA")
    start: int  # absolute offsets of the place in the article text
    end: int


def cut_dateline(sent: Sentence) -> tuple[Sentence, Dateline | None]:
    """The sentence without its leading dateline, and the dateline; the sentence alone when it has none."""
    m = DATELINE.match(sent.text)
    if not m or not (m.group("date") or m.group("agency")) or m.end() >= len(sent.text):
        return sent, None
    place = m.group("place").strip()
    if sum(c.isalpha() for c in place) < 2:
        return sent, None
    cut = m.end()
    rest = replace(sent, start=sent.start + cut, text=sent.text[cut:])
    return rest, Dateline(place, sent.start + m.start("place"), sent.start + m.start("place") + len(place))


def in_capitals(text: str) -> bool:
    # asked of every sentence by the cheap pass: counted by str methods mapped in C, not a loop
    lower = sum(map(str.islower, text))
    if lower > len(text) * (1 - CAPITALS_SHARE):
        return False  # most sentences: too many lower-case letters for any count of letters
    letters = sum(map(str.isalpha, text))
    if letters < MIN_CAPITAL_LETTERS:
        return False
    return sum(map(str.isupper, text)) >= CAPITALS_SHARE * letters


def case_normalised(text: str) -> str:
    """A copy of a capitals sentence the parser can read: lower case, the first letter capital.

    Same length as the input, character for character (a character whose lower case is longer,
    like "İ", is kept as it is), so every offset into the copy is an offset into the original.
    """
    out = []
    first = True
    for c in text:
        low = c.lower()
        if len(low) != 1:
            low = c
        if first and c.isalpha():
            low, first = c, False
        out.append(low)
    return "".join(out)


def parse_text(sent: Sentence, accented: Callable[[str], str | None] | None = None) -> str:
    """What the parser gets for a sentence: its text, or its case-normalised copy when in capitals;
    with `accented` (lower-case word -> the same word with its lost diacritic, or None), each word
    it knows is given its diacritic back ("protesto" -> "protestó"), letter for letter, so that
    the parser reads a verb where copy without accents shows it a noun or an adjective."""
    text = case_normalised(sent.text) if in_capitals(sent.text) else sent.text
    if accented is None:
        return text
    return _LETTERS.sub(lambda m: _with_accents(m.group(), accented(m.group().lower())), text)


_LETTERS = re.compile(r"[^\W\d_]+")


def _with_accents(word: str, accented: str | None) -> str:
    """`accented` in the case of `word`, when it is the same word letter for letter bar diacritics."""
    if accented is None or len(accented) != len(word) or accented == word.lower():
        return word
    return "".join(a.upper() if w.isupper() else a for w, a in zip(word, accented, strict=True))


# `Doc.user_data` key: the text the parser was given (`pipeline.parse_candidates`), which spaCy's
# tokeniser keeps character for character, so that `restore_words` need not rebuild `doc.text`
# from the tokens to compare it
PARSED_TEXT = "alianza.parsed_text"


def restore_words(doc: Any, original: str) -> Any:
    """The parse of a case-normalised (or accent-restored) copy, on the original words (same
    length, same token bounds)."""
    parsed = doc.user_data.get(PARSED_TEXT)
    if (doc.text if parsed is None else parsed) == original:
        return doc
    from spacy.tokens import Doc

    words = [original[t.idx : t.idx + len(t)] for t in doc]
    return Doc(
        doc.vocab,
        words=words,
        spaces=[bool(t.whitespace_) for t in doc],
        pos=[t.pos_ for t in doc],
        tags=[t.tag_ for t in doc],
        morphs=[str(t.morph) for t in doc],
        lemmas=[t.lemma_ for t in doc],
        heads=[t.head.i for t in doc],
        deps=[t.dep_ for t in doc],
        sent_starts=[bool(t.is_sent_start) for t in doc],
        ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc],
    )

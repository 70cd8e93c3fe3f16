"""Mention finding: the knowledge base's names in a sentence's text, and the words between them.

Reads: one sentence's text, its language and the knowledge base's Aho-Corasick automaton of names
(countries, demonyms, places, organisations, groups, people, metonyms, sector nouns). Decides: which
names are there, as hits that do not overlap (the longest wins), each with every entry its form may
stand for; what is no name here ("anti-Syria": a stance; "la vereda Buenos Aires": a village, not
the city; "San José del Guaviare": a longer place name); the places a sentence names, which give
bare sectors and places in arguments their country (CAMEO codes a place as its country). The gap
patterns say how two hits compose ("tropas de Rusia", "Ukraine's minister", "US-backed rebels").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp.wire import in_capitals
from ..textutil import fold, fold_keep_length
from ..types import Place
from .kb import Entry, KnowledgeBase
from .patterns import NAME_TOKEN, ActorPatterns, actor_patterns

__all__ = ["NAME_TOKEN", "POSS_GAP", "SPACE_GAP", "Hit", "gazetteer_hits", "inside_name", "place_in", "place_countries"]

POSS_GAP = re.compile(r"^\s*(?:['’]s)?\s+$")
SPACE_GAP = re.compile(r"^\s+$")
# People "from" a country are its own ("refugees from Syria", "doctors from two American aid
# groups"); troops, officials and workers "from" a place are as often leaving it.
ORIGIN_SECTORS = frozenset({"REF", "HLH", "MED", "EDU", "ELI", "NGO", "REL", "BUS", "AGR"})


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    entries: tuple[Entry, ...]

    def kind(self, *kinds: str) -> Entry | None:
        for e in self.entries:
            if e.kind in kinds:
                return e
        return None


# "San José de Apartadó", "San José del Guaviare": a place name that goes on is another place
# (unless what follows is a name the base knows: "la cumbre de Bruselas de la OTAN")


def local_name(text: str, h: Hit, kb: KnowledgeBase) -> bool:
    """ "la vereda Buenos Aires", "barrio Bogotá": the name of a village or a street, not the city."""
    m = re.search(r"(\w+)\s+$", text[: h.start])
    return m is not None and fold(m.group(1)) in kb.locality_words


# the last sentence's hits: the cheap pass asks for them twice per candidate sentence (its actors,
# then its places), and the knowledge base is immutable after load
_LAST: list[tuple[KnowledgeBase, str, str, tuple[Hit, ...]]] = []


def gazetteer_hits(kb: KnowledgeBase, lang: str, text: str) -> list[Hit]:
    """The names of the knowledge base in the text that do not overlap (the longest wins)."""
    last = _LAST[0] if _LAST else None
    if last is not None and last[0] is kb and last[1] == lang and last[2] == text:
        return list(last[3])
    found = _find_hits(kb, lang, text)
    _LAST[:] = [(kb, lang, text, tuple(found))]
    return found


def _find_hits(kb: KnowledgeBase, lang: str, text: str) -> list[Hit]:
    pat = actor_patterns(lang)
    folded = fold_keep_length(text)
    found: list[Hit] = []
    # in a headline in capitals an acronym may be a word of the language: "CONTRA UN CARGAMENTO" is
    # no UN (the language's noun markers: its articles, prepositions and conjunctions)
    words = kb.noun_markers.get(lang, frozenset()) if in_capitals(text) else frozenset()
    for end, key in kb.automaton(lang).iter(folded):
        start = end - len(key) + 1
        if (start > 0 and folded[start - 1].isalnum()) or (end + 1 < len(folded) and folded[end + 1].isalnum()):
            continue
        if pat.stance_prefix.search(folded, max(0, start - 6), start):
            continue  # "anti-Syria journalist", "pro-Russian separatists", "anti-government protesters": a stance
        entries = tuple(
            e
            for e in kb.entries(lang, key)
            if (e.form is None or (text[start : end + 1] == e.form and key not in words))
            and (not e.proper or text[start].isupper())
        )
        if entries and any(e.kind == "place" for e in entries):
            probe = Hit(start, end + 1, entries)
            if local_name(text, probe, kb):
                entries = tuple(e for e in entries if e.kind != "place" and e.kind != "metonym")
        if entries:
            found.append(Hit(start, end + 1, entries))
    starts = {h.start for h in found}
    found = [
        Hit(h.start, h.end, tuple(e for e in h.entries if e.kind not in ("place", "metonym")))
        if (m := pat.longer_name_after.match(text, h.end)) and m.start(1) not in starts and h.kind("place")
        else h
        for h in found
    ]
    found = [h for h in found if h.entries]
    found.sort(key=lambda h: (-(h.end - h.start), h.start))
    chosen: list[Hit] = []
    for h in found:
        if all(h.end <= c.start or h.start >= c.end for c in chosen):
            chosen.append(h)
    return sorted(chosen, key=lambda h: h.start)


def inside_name(text: str, h: Hit, pat: ActorPatterns) -> bool:
    """ "George Washington": a capitalised word right before a place name makes it a person's name."""
    m = re.search(rf"({NAME_TOKEN})\s+$", text[: h.start])
    return m is not None and fold(m.group(1)) not in pat.sentence_starters


def place_in(text: str, lang: str, kb: KnowledgeBase, offset: int = 0) -> list[tuple[int, int, Place]]:
    """Places named in a sentence (gazetteer places and countries), absolute offsets."""
    found = []
    for h in gazetteer_hits(kb, lang, text):
        e = h.kind("place")
        if e is not None:
            p = kb.places.get(fold(text[h.start : h.end]))
            if p is not None:
                found.append((offset + h.start, offset + h.end, p))
                continue
        e = h.kind("country")
        if e is not None:
            found.append((offset + h.start, offset + h.end, Place(text[h.start : h.end], e.country)))
    return found


def place_countries(text: str, lang: str, kb: KnowledgeBase) -> list[str]:
    """The countries of the places and countries-as-places named in a text (the cheap pass)."""
    return [p.country for _s, _e, p in place_in(text, lang, kb) if p.country]

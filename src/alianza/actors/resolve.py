"""From a sentence to coded actor mentions.

Resolution paths, in the order they are tried (each mention records which one fired):
- composition of a sector noun with a nationality, country, metonym, person or organisation
  ("tropas norcoreanas", "el presidente de Estados Unidos", "North Korean troops", "Ukraine's foreign
  minister", "NATO troops", "refugees from Syria");
- residence: an ethnic group is coded by where it lives ("ethnic Albanians in Serbia", "Bosnian Serbs");
- title or apposition naming a person, known or not ("el presidente ruso, Vladímir Putin",
  "Russian President Vladimir Putin"), who is then remembered for the rest of the article;
- gazetteer: countries, organisations, named groups, people with roles valid on the article's date;
- metonym ("el Kremlin", "Pyongyang");
- coreference: remembered names and surnames, plural references ("ambos líderes");
- context: a bare sector noun ("la policía") takes the country of the place where the sentence happens.
spaCy's NER is not consulted here: the small models mislabel political actors too often.

This module is the composition; each path is a module with its own contract: `hits` (the base's
names in the text), `readings` (what a name stands for), `compose` (sector + qualifier),
`residence`, `titles` (appositions and titles), `coreference`, `context` (bare sectors), `article`
(what the resolver remembers) and `scan` (the state of one sentence's reading).
"""

from __future__ import annotations

from collections.abc import Callable

from ..types import Actor, ActorMention
from .article import ArticleContext, HomeTally
from .compose import nationality_sector, sector_of_country, two_nationalities
from .context import bare_sector, domestic_conflict_country, sentence_place
from .coreference import plural_references, remembered_names
from .hits import Hit, gazetteer_hits, inside_name, place_countries, place_in
from .kb import KnowledgeBase
from .readings import person_of, pick_reading
from .residence import resident_group
from .scan import Scan
from .unknown import counted_people

__all__ = ["ArticleContext", "HomeTally", "find_mentions", "place_countries", "place_in"]

# The compositions, in the order they are tried at each hit: each returns the index of the next hit
# to read, or None when it does not apply.
COMPOSITIONS: tuple[Callable[[Scan, int], int | None], ...] = (
    sector_of_country,
    resident_group,
    two_nationalities,
    nationality_sector,
)


def find_mentions(text: str, lang: str, kb: KnowledgeBase, ctx: ArticleContext, offset: int = 0) -> list[ActorMention]:
    """Actor mentions of one sentence, with absolute offsets (`offset` = the sentence start)."""
    hits = gazetteer_hits(kb, lang, text)
    scan = Scan(text, lang, kb, ctx, offset, hits, sentence_place(hits, text, ctx, lang))
    i = 0
    while i < len(hits):
        i = _composed_at(scan, i)
    for i, h in enumerate(hits):
        _single(scan, i, h)
    remembered_names(text, hits, scan.out, ctx, offset, scan.pat)
    plural_references(text, scan.out, ctx, offset, scan.pat)
    out = domestic_conflict_country(scan.out)
    return sorted(out, key=lambda m: m.start)


def _composed_at(scan: Scan, i: int) -> int:
    """The first composition that applies at hit `i`; the index of the next hit to read."""
    for compose in COMPOSITIONS:
        nxt = compose(scan, i)
        if nxt is not None:
            return nxt
    return i + 1


def _single(s: Scan, i: int, h: Hit) -> None:
    """A hit on its own, when no composition took it: a person, an organisation, a metonym, a
    country, a place (in an argument it stands for its country), a nationality or a bare sector."""
    text, kb, ctx = s.text, s.kb, s.ctx
    # what is emitted so far, this loop's titles with their names included ("President Bush")
    if i in s.used or any(m.start - s.offset <= h.start and h.end <= m.end - s.offset for m in s.out):
        return
    if h.kind("person"):
        p = person_of(h, kb, ctx, text)
        if p is None:
            return
        s.emit(h.start, h.end, p.actor_on(ctx.date), "gazetteer")
    elif e := h.kind("igo", "group"):
        s.emit(h.start, h.end, Actor(country=e.country, sector=e.sector, org=e.org), "organisation")
    elif e := h.kind("metonym"):
        if inside_name(text, h, s.pat):
            return
        s.emit(h.start, h.end, Actor(country=e.country, sector=e.sector, org=e.org), "metonym")
    elif e := h.kind("ambiguous"):
        s.emit(h.start, h.end, Actor(country=pick_reading(kb, e.name or "", text, ctx)), "gazetteer")
    elif e := h.kind("country"):
        s.emit(h.start, h.end, Actor(country=e.country), "gazetteer")
    elif (e := h.kind("place")) and not inside_name(text, h, s.pat):
        # "attacked Kharkiv": a place in an argument stands for its country (CAMEO convention)
        s.emit(h.start, h.end, Actor(country=e.country), "place")
    elif e := h.kind("demonym"):
        # "30.000 israelíes", "miles de manifestantes kurdos", "thousands of Nigerians": counted people, not the state
        sector = "CVL" if counted_people(text, h.start, s.pat) else None
        s.emit(h.start, h.end, Actor(country=e.country, sector=sector), "adjective")
    elif e := h.kind("sector"):
        bare_sector(s, h, e)

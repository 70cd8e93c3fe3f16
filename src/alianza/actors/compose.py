"""Compositions: one actor from neighbouring hits, a sector and what qualifies it.

Reads: the sentence's hits at one position and the words between them. Decides: a sector noun with a
nationality or an of-country after it ("tropas norcoreanas", "el presidente de Estados Unidos",
"refugees from Syria", but not "withdrew its forces from Panama": troops from a place may be
leaving it); a nationality, country, organisation, metonym or person before a sector, with title
words or a possessive between ("North Korean troops", "Ukraine's foreign minister", "NATO troops",
"the Bush administration", "US-backed rebels"); two nationalities and one sector ("Hungarian and
Romanian officials": both, as a group). CAMEO codes such an actor as country + sector; a title
followed by a name is that person (`titles`).
"""

from __future__ import annotations

from ..types import Actor
from .hits import ORIGIN_SECTORS, POSS_GAP, SPACE_GAP, Hit
from .readings import country_of, person_of, pick_reading
from .scan import Scan
from .titles import apposition, modifier_gap, possessive_modifier_gap


def sector_of_country(s: Scan, i: int) -> int | None:
    """Sector + nationality / of-country: "tropas norcoreanas", "presidente de Estados Unidos".
    Returns the index of the next hit to read, or None when the rule does not apply."""
    text, kb, ctx = s.text, s.kb, s.ctx
    h, nxt = s.hits[i], s.hit(i + 1)
    sector = h.kind("sector")
    if not (sector and nxt is not None):
        return None
    gap = text[h.end : nxt.start]
    qual = None
    of = s.pat.of_gap.match(gap)
    if of and s.pat.from_word.search(gap) and sector.sector not in ORIGIN_SECTORS:
        of = None  # "withdrew its forces from Panama": "from" is where they leave, not whose
    last = nxt  # the hit that says the country
    if of and nxt.kind("sector") and (inner := _state_body_country(s, i + 1)) is not None:
        last = inner  # "el presidente del Gobierno español", "the prime minister of the Spanish government"
    if (SPACE_GAP.match(gap) and nxt.kind("demonym")) or of:
        qual = country_of(last, kb, ctx, text)
    if qual is None or not qual.country:
        return None
    actor = Actor(country=qual.country, sector=sector.sector, name=qual.name, org=qual.org)
    end, how = last.end, "adjective" if last.kind("demonym") else "title"
    if (app := apposition(text, end, kb, ctx, actor, s.pat)) is not None:
        end, actor = app
        how = "apposition"
    s.emit(h.start, end, actor, how)
    used = (i, i + 1, i + 2) if last is not nxt else (i, i + 1)
    s.used.update(used)
    return used[-1] + 1


def _state_body_country(s: Scan, j: int) -> Hit | None:
    """The nationality or of-country right after the state body at hit `j` ("Gobierno español",
    "Gobierno de España"): the hit that says whose body it is, or None."""
    body, after = s.hits[j], s.hit(j + 1)
    if after is None or not (sec := body.kind("sector")) or sec.sector != "GOV":
        return None
    gap = s.text[body.end : after.start]
    if (SPACE_GAP.match(gap) and after.kind("demonym")) or (s.pat.of_gap.match(gap) and after.kind("country")):
        return after
    return None


def two_nationalities(s: Scan, i: int) -> int | None:
    """Two nationalities, one sector: "Hungarian and Romanian officials" -> both, as a group."""
    text = s.text
    h, nxt, nxt2 = s.hits[i], s.hit(i + 1), s.hit(i + 2)
    if (
        h.kind("demonym")
        and nxt is not None
        and nxt.kind("demonym")
        and nxt2 is not None
        and (sec2 := nxt2.kind("sector"))
        and s.pat.and_gap.match(text[h.end : nxt.start])
        and (
            SPACE_GAP.match(text[nxt.end : nxt2.start])
            or modifier_gap(text[nxt.end : nxt2.start], s.kb.sector_modifiers.get(s.lang, frozenset()))
        )
    ):
        d1, d2 = h.kind("demonym"), nxt.kind("demonym")
        assert d1 is not None and d2 is not None
        pair = (Actor(country=d1.country, sector=sec2.sector), Actor(country=d2.country, sector=sec2.sector))
        s.emit(h.start, nxt2.end, pair[0], "adjective", pair)
        s.used.update((i, i + 1, i + 2))
        return i + 3
    return None


def nationality_sector(s: Scan, i: int) -> int | None:
    """Nationality + sector (English order): "North Korean troops", "Ukraine's foreign minister",
    with title words between: "British Defence Secretary", "Israeli intelligence officials"."""
    text, kb, ctx = s.text, s.kb, s.ctx
    h, nxt = s.hits[i], s.hit(i + 1)
    qual_hit = h.kind("demonym", "ambiguous", "country", "metonym", "person", "igo", "group")
    if not (qual_hit and nxt is not None and nxt.kind("sector")):
        return None
    gap = text[h.end : nxt.start]
    modifiers = kb.sector_modifiers.get(s.lang, frozenset())
    if not (
        SPACE_GAP.match(gap)
        or (POSS_GAP.match(gap) and ("'" in gap or "’" in gap))
        or (h.kind("demonym", "igo") and modifier_gap(gap, modifiers))
        or (h.kind("demonym") and s.pat.led_gap.match(gap))  # "Vietnamese-led forces", "US-backed rebels"
        or possessive_modifier_gap(gap, modifiers)  # "Lebanon's new President", "Iran's religious leader"
    ):
        return None
    sec = nxt.kind("sector")
    assert sec is not None
    if qual_hit.kind == "ambiguous":
        country = pick_reading(kb, qual_hit.name or "", text, ctx)
    elif qual_hit.kind == "person":  # "the Bush administration", "the Putin government"
        p = person_of(h, kb, ctx, text)
        country = (p.actor_on(ctx.date).country or p.home()) if p else None
    else:
        country = qual_hit.country
    # "NATO troops", "UN officials": the organisation's; a named group keeps its own sector
    qual_sector = qual_hit.sector if qual_hit.kind == "group" else sec.sector
    actor = Actor(country=country, sector=qual_sector, org=qual_hit.org)
    end, how = nxt.end, "adjective" if qual_hit.kind not in ("igo", "group") else "organisation"
    # "Chilean government officials", "Israeli army officers": one actor over both nouns
    nxt2 = s.hit(i + 2)
    step = 2
    if nxt2 is not None and nxt2.kind("sector") and SPACE_GAP.match(text[nxt.end : nxt2.start]):
        end, step = nxt2.end, 3
        s.used.add(i + 2)
    if (app := apposition(text, end, kb, ctx, actor, s.pat)) is not None:
        end, actor = app
        how = "title"
    s.emit(h.start, end, actor, how)
    s.used.update((i, i + 1))
    return i + step

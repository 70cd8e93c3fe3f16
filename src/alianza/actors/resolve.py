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
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from ..textutil import fold, fold_keep_length
from ..types import Actor, ActorMention, Place
from .kb import Entry, KnowledgeBase, Person

NAME_TOKEN = r"[A-ZÁÉÍÓÚÑÜ][\w'’.-]*"
NAME_RE = re.compile(rf"{NAME_TOKEN}(?:\s+(?:(?:de|del|la|van|von|der|bin|al|el|da)\s+)?{NAME_TOKEN}){{0,3}}")
OF_GAP = re.compile(
    r"^\s+(?:de|del|de la|de los|de las|of|of the|d'|du|de l'|des|from|from the|procedentes de)\s+"
    r"(?:(?:two|three|four|several|some|dos|tres|varios|varias|\d+)\s+)?$",
    re.I,
)
POSS_GAP = re.compile(r"^\s*(?:['’]s)?\s+$")
SPACE_GAP = re.compile(r"^\s+$")
APPOS_GAP = re.compile(r"^\s*,?\s*$")
PLURAL_REF = re.compile(
    r"\b(?:ambos|ambas|los dos|las dos|both|the two|les deux)\s+"
    r"(?P<what>líderes|lideres|mandatarios|presidentes|dirigentes|gobiernos|países|paises|naciones|"
    r"leaders|presidents|governments|countries|nations|dirigeants|pays|gouvernements)\b",
    re.I,
)
# Share of an article's places that must lie in one country before bare sectors ("la policía") take it.
HOME_SHARE = 0.75
SENTENCE_STARTERS = frozenset(
    fold(w)
    for w in [
        "el",
        "la",
        "los",
        "las",
        "un",
        "una",
        "en",
        "desde",
        "ayer",
        "hoy",
        "según",
        "pero",
        "y",
        "mientras",
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "from",
        "yesterday",
        "today",
        "but",
        "and",
        "while",
        "when",
        "after",
        "before",
        "le",
        "les",
        "des",
        "depuis",
        "hier",
        "mais",
        "et",
    ]
)
PERSON_WORDS = frozenset(
    fold(w)
    for w in ["líderes", "lideres", "mandatarios", "presidentes", "dirigentes", "leaders", "presidents", "dirigeants"]
)


@dataclass
class ArticleContext:
    """What the resolver remembers while reading one article, in order."""

    date: dt.date | None = None
    names: dict[str, Actor] = field(default_factory=dict)  # folded full name or surname -> actor
    recent_people: list[Actor] = field(default_factory=list)
    recent_countries: list[Actor] = field(default_factory=list)
    place_countries: list[str] = field(default_factory=list)
    # the country the article's source (site, feed, dataset) reports from, when its places show one:
    # "El periodista fue amenazado de muerte" in a Colombian paper is about a Colombian journalist
    source_home: str | None = None
    # people the article itself introduced by title or apposition, for the corpus memory
    learned: dict[str, Actor] = field(default_factory=dict)

    def recall(self, people: list[Actor]) -> None:
        """People met by earlier articles of the corpus: known by name, not yet recent."""
        for a in people:
            if a.name:
                self._register(a)

    def _register(self, a: Actor) -> None:
        assert a.name is not None
        self.names[fold(a.name)] = a
        parts = a.name.split()
        last = parts[-1]
        if len(last) > 3 and "-" not in last:
            self.names.setdefault(fold(last), a)
        if len(parts) > 1 and "-" in last and len(parts[0]) >= 2:
            # Korean order, family name first: "Kim Jong-un" is "Kim", "Lee Jae-myung" is "Lee"
            self.names.setdefault(fold(parts[0]), a)

    def remember(self, m: ActorMention) -> None:
        a = m.actor
        if a.name and a.country and m.how in ("apposition", "title"):
            self.learned[fold(a.name)] = a
        if a.name and a.country:
            self._register(a)
            self._push(self.recent_people, a)
        if a.country and a.country not in ("---", "IGO"):
            self._push(self.recent_countries, Actor(country=a.country, sector=a.sector if not a.name else "GOV"))

    @staticmethod
    def _push(items: list[Actor], a: Actor) -> None:
        key = (a.country, a.name)
        items[:] = [x for x in items if (x.country, x.name) != key] + [a]
        del items[:-6]

    def home_country(self) -> str | None:
        """The country where the article happens: its places when they clearly agree on one, else
        its source's home country, else None."""
        own = self._own_home()
        return own if own is not None else self.source_home

    def _own_home(self) -> str | None:
        if not self.place_countries:
            return None
        counts: dict[str, int] = {}
        for c in self.place_countries:
            counts[c] = counts.get(c, 0) + 1
        best = max(counts, key=lambda c: counts[c])
        return best if counts[best] >= HOME_SHARE * len(self.place_countries) else None


@dataclass
class HomeTally:
    """Counts the countries of the places named by a source's articles (a site, a feed, a gold
    dataset), to tell the country a source reports from. Local news names places of its country
    ("ARAUCA, TAME", "Medellín") all the time; wire and world news do not agree on one."""

    min_places: int = 20
    share: float = 0.6
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, source: str, countries: list[str]) -> None:
        bucket = self.counts.setdefault(source, {})
        for c in countries:
            if c and c not in ("---", "IGO"):
                bucket[c] = bucket.get(c, 0) + 1

    def home(self, source: str | None) -> str | None:
        bucket = self.counts.get(source or "")
        if not bucket:
            return None
        total = sum(bucket.values())
        best = max(sorted(bucket), key=lambda c: bucket[c])
        return best if total >= self.min_places and bucket[best] >= self.share * total else None


def place_countries(text: str, lang: str, kb: KnowledgeBase) -> list[str]:
    """The countries of the places and countries-as-places named in a text (the cheap pass)."""
    return [p.country for _s, _e, p in place_in(text, lang, kb) if p.country]


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
LONGER_NAME_AFTER = re.compile(rf"\s+(?:de|del|de la|de los)\s+({NAME_TOKEN})")


STANCE_PREFIX = re.compile(r"\b(?:anti|pro|contra)-$")


def _local_name(text: str, h: Hit, kb: KnowledgeBase) -> bool:
    """ "la vereda Buenos Aires", "barrio Bogotá": the name of a village or a street, not the city."""
    m = re.search(r"(\w+)\s+$", text[: h.start])
    return m is not None and fold(m.group(1)) in kb.locality_words


def _hits(kb: KnowledgeBase, lang: str, text: str) -> list[Hit]:
    folded = fold_keep_length(text)
    found: list[Hit] = []
    for end, key in kb.automaton(lang).iter(folded):
        start = end - len(key) + 1
        if (start > 0 and folded[start - 1].isalnum()) or (end + 1 < len(folded) and folded[end + 1].isalnum()):
            continue
        if STANCE_PREFIX.search(folded, max(0, start - 6), start):
            continue  # "anti-Syria journalist", "pro-Russian separatists", "anti-government protesters": a stance
        entries = tuple(
            e
            for e in kb.entries(lang, key)
            if (e.form is None or text[start : end + 1] == e.form) and (not e.proper or text[start].isupper())
        )
        if entries and any(e.kind == "place" for e in entries):
            probe = Hit(start, end + 1, entries)
            if _local_name(text, probe, kb):
                entries = tuple(e for e in entries if e.kind != "place" and e.kind != "metonym")
        if entries:
            found.append(Hit(start, end + 1, entries))
    starts = {h.start for h in found}
    found = [
        Hit(h.start, h.end, tuple(e for e in h.entries if e.kind not in ("place", "metonym")))
        if (m := LONGER_NAME_AFTER.match(text, h.end)) and m.start(1) not in starts and h.kind("place")
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


def pick_reading(kb: KnowledgeBase, name: str, text: str, ctx: ArticleContext) -> str | None:
    """The country an ambiguous name stands for here: the reading with the most evidence in the
    sentence's words and the article's countries so far; the default when none has more."""
    amb = kb.ambiguous.get(fold(name))
    if amb is None:
        return None
    words = {fold(w) for w in re.findall(r"[\w'’-]+", text)}
    seen = {a.country for a in ctx.recent_countries} | set(ctx.place_countries)
    scores = [(len(r.cues & words) + len(r.countries & seen), r.country) for r in amb.readings]
    best = max(scores, default=(0, amb.default))
    if best[0] == 0 or sum(1 for s, _c in scores if s == best[0]) > 1:
        return amb.default
    return best[1]


def _person_of(h: Hit, kb: KnowledgeBase, ctx: ArticleContext, text: str) -> Person | None:
    """The person a name stands for; of several ("Bush"), the one in office on the article's date."""
    if not h.kind("person"):
        return None
    return kb.person_on(text[h.start : h.end], ctx.date)


def _country_of(h: Hit, kb: KnowledgeBase, ctx: ArticleContext, text: str = "") -> Actor | None:
    """The country (and, for people and organisations, the full actor) a qualifier hit stands for."""
    if e := h.kind("ambiguous"):
        return Actor(country=pick_reading(kb, e.name or "", text, ctx))
    if h.kind("person"):
        p = _person_of(h, kb, ctx, text)
        return p.actor_on(ctx.date) if p else None
    if e := h.kind("country", "demonym"):
        return Actor(country=e.country)
    if e := h.kind("metonym", "igo", "group"):
        return Actor(country=e.country, sector=e.sector, org=e.org)
    if e := h.kind("place"):
        return Actor(country=e.country)
    return None


def _person_after(text: str, pos: int, kb: KnowledgeBase, ctx: ArticleContext) -> tuple[int, str] | None:
    """A capitalised name right after `pos` (apposition or title): its end and the name."""
    m = NAME_RE.match(text, pos)
    if not m:
        return None
    name = re.sub(r"['’]s?$", "", m.group().rstrip(".,"))  # "President Reagan's statement"
    if len(name.split()) < 2 and fold(name) not in kb.people and fold(name) not in ctx.names:
        return None
    return m.start() + len(name), name


def find_mentions(text: str, lang: str, kb: KnowledgeBase, ctx: ArticleContext, offset: int = 0) -> list[ActorMention]:
    """Actor mentions of one sentence, with absolute offsets (`offset` = the sentence start)."""
    hits = _hits(kb, lang, text)
    out: list[ActorMention] = []
    used: set[int] = set()

    def emit(start: int, end: int, actor: Actor, how: str, group: tuple[Actor, ...] = ()) -> None:
        m = ActorMention(actor, offset + start, offset + end, text[start:end], how, group)
        out.append(m)
        ctx.remember(m)

    for h in hits:  # places first: they give bare sectors their country
        if (
            (e := h.kind("place"))
            and not h.kind("country", "person")
            or (e := h.kind("country"))
            and _after_in(text, h)
        ):
            ctx.place_countries.append(e.country or "")
    sentence_place = next(
        (
            e.country
            for h in hits
            if ((e := h.kind("place")) and not h.kind("person")) or ((e := h.kind("country")) and _after_in(text, h))
        ),
        None,
    )

    i = 0
    while i < len(hits):
        h = hits[i]
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        sector = h.kind("sector")
        # sector + nationality / of-country: "tropas norcoreanas", "presidente de Estados Unidos"
        if sector and nxt is not None:
            gap = text[h.end : nxt.start]
            qual = None
            of = OF_GAP.match(gap)
            if of and FROM_WORD.search(gap) and sector.sector not in ORIGIN_SECTORS:
                of = None  # "withdrew its forces from Panama": "from" is where they leave, not whose
            if (SPACE_GAP.match(gap) and nxt.kind("demonym")) or of:
                qual = _country_of(nxt, kb, ctx, text)
            if qual is not None and qual.country:
                actor = Actor(country=qual.country, sector=sector.sector, name=qual.name, org=qual.org)
                end, how = nxt.end, "adjective" if nxt.kind("demonym") else "title"
                if (app := _apposition(text, end, kb, ctx, actor)) is not None:
                    end, actor = app
                    how = "apposition"
                emit(h.start, end, actor, how)
                used.update((i, i + 1))
                i += 2
                continue
        # an ethnic group is coded by where it lives (CAMEO's convention)
        if (res := _residence(hits, i, text, kb, ctx, used, sentence_place)) is not None:
            start, end, actor, taken = res
            out[:] = [m for m in out if m.start - offset != start]
            emit(start, end, actor, "residence")
            used.update(taken)
            i = max(taken) + 1
            continue
        # two nationalities, one sector: "Hungarian and Romanian officials" -> both, as a group
        nxt2 = hits[i + 2] if i + 2 < len(hits) else None
        if (
            h.kind("demonym")
            and nxt is not None
            and nxt.kind("demonym")
            and nxt2 is not None
            and (sec2 := nxt2.kind("sector"))
            and AND_GAP.match(text[h.end : nxt.start])
            and (
                SPACE_GAP.match(text[nxt.end : nxt2.start])
                or _modifier_gap(text[nxt.end : nxt2.start], kb.sector_modifiers.get(lang, frozenset()))
            )
        ):
            d1, d2 = h.kind("demonym"), nxt.kind("demonym")
            assert d1 is not None and d2 is not None
            pair = (Actor(country=d1.country, sector=sec2.sector), Actor(country=d2.country, sector=sec2.sector))
            emit(h.start, nxt2.end, pair[0], "adjective", pair)
            used.update((i, i + 1, i + 2))
            i += 3
            continue
        # nationality + sector (English order): "North Korean troops", "Ukraine's foreign minister",
        # with title words between: "British Defence Secretary", "Israeli intelligence officials"
        qual_hit = h.kind("demonym", "ambiguous", "country", "metonym", "person", "igo", "group")
        if qual_hit and nxt is not None and nxt.kind("sector"):
            gap = text[h.end : nxt.start]
            modifiers = kb.sector_modifiers.get(lang, frozenset())
            if (
                SPACE_GAP.match(gap)
                or (POSS_GAP.match(gap) and "'" in gap or "’" in gap)
                or (h.kind("demonym", "igo") and _modifier_gap(gap, modifiers))
                or (h.kind("demonym") and LED_GAP.match(gap))  # "Vietnamese-led forces", "US-backed rebels"
                or _possessive_modifier_gap(gap, modifiers)  # "Lebanon's new President", "Iran's religious leader"
            ):
                sec = nxt.kind("sector")
                assert sec is not None
                if qual_hit.kind == "ambiguous":
                    country = pick_reading(kb, qual_hit.name or "", text, ctx)
                elif qual_hit.kind == "person":  # "the Bush administration", "the Putin government"
                    p = _person_of(h, kb, ctx, text)
                    country = (p.actor_on(ctx.date).country or p.home()) if p else None
                else:
                    country = qual_hit.country
                # "NATO troops", "UN officials": the organisation's; a named group keeps its own sector
                qual_sector = qual_hit.sector if qual_hit.kind == "group" else sec.sector
                actor = Actor(country=country, sector=qual_sector, org=qual_hit.org)
                end, how = nxt.end, "adjective" if qual_hit.kind not in ("igo", "group") else "organisation"
                # "Chilean government officials", "Israeli army officers": one actor over both nouns
                nxt2 = hits[i + 2] if i + 2 < len(hits) else None
                step = 2
                if nxt2 is not None and nxt2.kind("sector") and SPACE_GAP.match(text[nxt.end : nxt2.start]):
                    end, step = nxt2.end, 3
                    used.add(i + 2)
                if (app := _apposition(text, end, kb, ctx, actor)) is not None:
                    end, actor = app
                    how = "title"
                emit(h.start, end, actor, how)
                used.update((i, i + 1))
                i += step
                continue
        i += 1

    for i, h in enumerate(hits):
        # what is emitted so far, this loop's titles with their names included ("President Bush")
        if i in used or any(m.start - offset <= h.start and h.end <= m.end - offset for m in out):
            continue
        if h.kind("person"):
            p = _person_of(h, kb, ctx, text)
            if p is None:
                continue
            emit(h.start, h.end, p.actor_on(ctx.date), "gazetteer")
        elif e := h.kind("igo", "group"):
            emit(h.start, h.end, Actor(country=e.country, sector=e.sector, org=e.org), "organisation")
        elif e := h.kind("metonym"):
            if _inside_name(text, h):
                continue
            emit(h.start, h.end, Actor(country=e.country, sector=e.sector, org=e.org), "metonym")
        elif e := h.kind("ambiguous"):
            emit(h.start, h.end, Actor(country=pick_reading(kb, e.name or "", text, ctx)), "gazetteer")
        elif e := h.kind("country"):
            emit(h.start, h.end, Actor(country=e.country), "gazetteer")
        elif (e := h.kind("place")) and not _inside_name(text, h):
            # "attacked Kharkiv": a place in an argument stands for its country (CAMEO convention)
            emit(h.start, h.end, Actor(country=e.country), "place")
        elif e := h.kind("demonym"):
            emit(h.start, h.end, Actor(country=e.country), "adjective")
        elif e := h.kind("sector"):
            if PLURAL_REF.match(text, max(0, h.start - 12)) or _plural_ref_at(text, h):
                continue
            if e.adjective and not _noun_use(text, h, kb.noun_markers.get(lang, frozenset())):
                continue  # "cooperación militar", "han estado": the word is not naming anyone here
            if text[h.start].isupper() and _inside_name(text, h):
                continue  # "Tom King", "Martin Luther King": a surname, not a monarch
            app = _apposition(text, h.end, kb, ctx, Actor(sector=e.sector))
            if app is not None and app[1].country:
                emit(h.start, app[0], app[1], "apposition")
                continue
            owner = _possessor(text, h, out, offset)
            country = owner or sentence_place or ctx.home_country()  # None unless one country dominates
            emit(h.start, h.end, Actor(country=country, sector=e.sector), "context" if country else "sector")

    _remembered_names(text, hits, out, ctx, offset)
    _plural_references(text, out, ctx, offset)
    out = _domestic_conflict_country(out)
    return sorted(out, key=lambda m: m.start)


def _residence(
    hits: list[Hit],
    i: int,
    text: str,
    kb: KnowledgeBase,
    ctx: ArticleContext,
    used: set[int],
    sentence_place: str | None,
) -> tuple[int, int, Actor, tuple[int, ...]] | None:
    """An ethnic group named by a nationality word, coded by where it lives: "ethnic Albanians in
    Serbia", "the Albanians of southern Serbia", "los rusos étnicos de Letonia" (the place named),
    "Bosnian Serbs" (the first word is the state, the second the people), "ethnic Albanians" in a
    sentence about Serbia (the sentence's place). Returns the span, the actor and the hits used."""
    h = hits[i]
    d = h.kind("demonym")
    after = ETHNIC_AFTER.match(text, h.end)  # "los rusos étnicos de Letonia"
    if d is None or not (text[h.start].isupper() or after):
        return None
    nxt = hits[i + 1] if i + 1 < len(hits) else None
    ethnic = after is not None or ETHNIC_BEFORE.search(text[max(0, h.start - 12) : h.start]) is not None
    if nxt is not None and nxt.kind("country", "place") and not nxt.kind("person"):
        gap = text[after.end() if after else h.end : nxt.start]
        if RESIDENCE_OF.match(gap) or (ethnic and RESIDENCE_IN.match(gap)):
            where = _country_of(nxt, kb, ctx, text)
            if where is not None and where.country:
                return h.start, nxt.end, Actor(country=where.country, sector="CVL"), (i, i + 1)
    prev = hits[i - 1] if i > 0 else None
    if (
        prev is not None
        and (pd := prev.kind("demonym"))
        and SPACE_GAP.match(text[prev.end : h.start])
        and i - 1 not in used
        and pd.country != d.country
        and not (nxt is not None and nxt.kind("sector") and SPACE_GAP.match(text[h.end : nxt.start]))
    ):
        return prev.start, h.end, Actor(country=pd.country), (i - 1, i)
    if ethnic and sentence_place and sentence_place != d.country:
        return h.start, h.end, Actor(country=sentence_place, sector="CVL"), (i,)
    return None


# Sectors of armed or political actors that act inside one country: their victims and opponents
# named only by a sector ("los campesinos", "tropas del Ejército Nacional") are in that country.
DOMESTIC_SECTORS = frozenset({"REB", "UAF", "CRM", "INS", "OPP"})


def _domestic_conflict_country(out: list[ActorMention]) -> list[ActorMention]:
    """Give bare sector mentions the country of the one domestic armed or opposition group of the
    sentence ("Guerrilleros de las FARC amenazaron a los campesinos": COL CVL). Internal conflicts
    are where news names actors by sector alone; a foreign army's victims are not covered, since
    MIL and GOV are not domestic sectors here."""
    countries = {
        m.actor.country
        for m in out
        if m.actor.sector in DOMESTIC_SECTORS and m.actor.country and m.actor.country not in ("---", "IGO")
    }
    if len(countries) != 1:
        return out
    (country,) = countries
    return [
        replace(m, actor=replace(m.actor, country=country), how="context")
        if m.how == "sector" and m.actor.country is None and m.actor.sector
        else m
        for m in out
    ]


ETHNIC_BEFORE = re.compile(r"\b(?:ethnic|de etnia|d'origine)\s+$", re.I)
ETHNIC_AFTER = re.compile(r"\s+(?:étnic[oa]s?|ethniques?)\b", re.I)
DIRECTION = (
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-eastern|north-western|"
    r"south-eastern|south-western|northeastern|northwestern|southeastern|southwestern|norte|sur|este|oeste|centro|"
    r"noreste|noroeste|sureste|suroeste|nord|sud|est|ouest)\s+(?:of\s+|del?\s+)?)?"
)
RESIDENCE_OF = re.compile(rf"^\s+(?:of|de|del)\s+(?:the\s+)?{DIRECTION}$", re.I)
RESIDENCE_IN = re.compile(rf"^\s+(?:in|en|living in|residing in)\s+(?:the\s+)?{DIRECTION}$", re.I)
IN_BEFORE = re.compile(rf"\b(?:en|in|à|au|across|throughout|inside|within)\s+(?:the\s+|el\s+|la\s+)?{DIRECTION}$", re.I)


def _after_in(text: str, h: Hit) -> bool:
    """ "in Serbia", "in east Bosnia", "en el norte de Siria": a country named as where things happen."""
    return IN_BEFORE.search(text[max(0, h.start - 30) : h.start]) is not None


FROM_WORD = re.compile(r"\b(?:from|procedentes)\b", re.I)
# People "from" a country are its own ("refugees from Syria", "doctors from two American aid
# groups"); troops, officials and workers "from" a place are as often leaving it.
ORIGIN_SECTORS = frozenset({"REF", "HLH", "MED", "EDU", "ELI", "NGO", "REL", "BUS", "AGR"})
LED_GAP = re.compile(r"^-(?:led|backed|sponsored|trained|supported|armed)\s+$", re.I)
AND_GAP = re.compile(r"^\s+(?:and|y|e|et)\s+$", re.I)


POSSESSIVE_PRONOUN = re.compile(r"\b(?:its|their|his|her|su|sus|son|sa|ses|leur|leurs)\s+$", re.I)


def _possessor(text: str, h: Hit, out: list[ActorMention], offset: int) -> str | None:
    """ "Syria offered its troops", "Rusia retiró sus tropas": the possessive points back to the
    nearest actor of the sentence with a country."""
    if not POSSESSIVE_PRONOUN.search(text[max(0, h.start - 8) : h.start]):
        return None
    before = [m for m in out if m.end - offset <= h.start and m.actor.country and m.actor.country not in ("---",)]
    return before[-1].actor.country if before else None


def _possessive_modifier_gap(gap: str, modifiers: frozenset[str]) -> bool:
    """ "Lebanon's new President", "Nicaragua's Sandinista government": title words or a capitalised
    name (a party, a movement) between a possessive country and its sector."""
    m = re.match(r"^['’]s\s+(.*)$", gap)
    if m is None:
        return False
    words = m.group(1).split()
    return 1 <= len(words) <= 3 and all(fold(w) in modifiers or w[:1].isupper() for w in words)


def _modifier_gap(gap: str, modifiers: frozenset[str]) -> bool:
    """One to three title words between a nationality and a sector ("Defence", "junior foreign")."""
    words = gap.split()
    return bool(gap.strip()) and 1 <= len(words) <= 3 and all(fold(w) in modifiers for w in words) and gap[0].isspace()


def _noun_use(text: str, h: Hit, markers: frozenset[str]) -> bool:
    """An adjective-like sector word names people when it opens the sentence or follows a
    determiner, a number, a preposition or a conjunction ("los militares", "dos civiles", "contra
    rebeldes", "Paramilitares ejecutaron"); after a noun or an auxiliary it is an adjective or a verb
    form ("cooperación militar", "han estado")."""
    before = re.search(r"(\w+)\W*$", text[: h.start])
    return before is None or fold(before.group(1)) in markers or before.group(1).isdigit()


def _inside_name(text: str, h: Hit) -> bool:
    """ "George Washington": a capitalised word right before a place name makes it a person's name."""
    m = re.search(rf"({NAME_TOKEN})\s+$", text[: h.start])
    return m is not None and fold(m.group(1)) not in SENTENCE_STARTERS


def _apposition(text: str, pos: int, kb: KnowledgeBase, ctx: ArticleContext, title: Actor) -> tuple[int, Actor] | None:
    """A name after a title ("..., Vladímir Putin," / "President Vladimir Putin"): the person, coded.

    The title's country and sector win over the base when they disagree: the text is about that date.
    """
    gap = re.match(r"\s*,?\s*", text[pos:])
    start = pos + (gap.end() if gap else 0)
    got = _person_after(text, start, kb, ctx)
    if got is None:
        return None
    end, name = got
    # a misspelt first name ("Francois Mitterand") still finds the person by the surname
    known = kb.person_on(name, ctx.date) or (kb.person_on(name.split()[-1], ctx.date) if " " in name else None)
    kb_actor = known.actor_on(ctx.date) if known else None
    # the title says the person holds an office: out of the base's dates, their one country still applies
    country = (
        title.country or (kb_actor.country if kb_actor else None) or (known.home() if known and title.sector else None)
    )
    if country is None:
        return None
    sector = title.sector or (kb_actor.sector if kb_actor else None)
    actor = Actor(
        country=country,
        sector=sector,
        name=known.name if known else name,
        org=title.org or (kb_actor.org if kb_actor else None),
    )
    return end, actor


def _plural_ref_at(text: str, h: Hit) -> bool:
    m = re.search(r"(?:ambos|ambas|los dos|las dos|both|the two|les deux)\s+$", text[: h.start], re.I)
    return m is not None


def _remembered_names(text: str, hits: list[Hit], out: list[ActorMention], ctx: ArticleContext, offset: int) -> None:
    """Names met earlier in the article ("Putin", "Sybiha") that the gazetteer does not know."""
    covered = [(m.start - offset, m.end - offset) for m in out]
    for m in re.finditer(rf"\b{NAME_TOKEN}(?:\s+{NAME_TOKEN})?", text):
        s, e = m.span()
        if any(s < ce and cs < e for cs, ce in covered):
            continue
        for cand in (m.group(), m.group().split()[-1]):
            actor = ctx.names.get(fold(cand))
            if actor is not None:
                # "las tropas de Kim": a bare sector of a person named earlier is that person's country's
                owner = next(
                    (
                        x
                        for x in out
                        if x.how in ("context", "sector") and x.actor.sector and OF_GAP.match(text[x.end - offset : s])
                    ),
                    None,
                )
                if owner is not None:
                    out.remove(owner)
                    composed = Actor(country=actor.country, sector=owner.actor.sector)
                    out.append(ActorMention(composed, owner.start, offset + e, text[owner.start - offset : e], "title"))
                    covered.append((s, e))
                    break
                m_ = ActorMention(actor, offset + s, offset + e, text[s:e], "coreference")
                out.append(m_)
                ctx.remember(m_)  # a person named again is the most recent one ("ambos líderes")
                covered.append((s, e))
                break


def _plural_references(text: str, out: list[ActorMention], ctx: ArticleContext, offset: int) -> None:
    for m in PLURAL_REF.finditer(text):
        people = fold(m["what"]) in PERSON_WORDS
        pool = ctx.recent_people if people else ctx.recent_countries
        if len(pool) < 2:
            continue
        pair = tuple(pool[-2:])
        if not people:
            pair = tuple(Actor(country=a.country) for a in pair)
        s, e = m.span()
        out[:] = [x for x in out if not (x.start - offset < e and s < x.end - offset)]
        out.append(ActorMention(pair[0], offset + s, offset + e, text[s:e], "coreference", pair))


def place_in(text: str, lang: str, kb: KnowledgeBase, offset: int = 0) -> list[tuple[int, int, Place]]:
    """Places named in a sentence (gazetteer places and countries), absolute offsets."""
    found = []
    for h in _hits(kb, lang, text):
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

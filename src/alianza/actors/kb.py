"""The actor knowledge base: countries (CLDR via Babel + ISO), demonyms, metonyms, sector nouns,
international organisations, named groups, people with time-bounded roles, and places.

Everything is data under `data/actors/`; this module validates it (all problems at once, with file
and line) and compiles one Aho-Corasick automaton per language over accent-folded aliases.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ahocorasick

from ..datafiles import Problem, data_dir, item_lines, line_of, load_yaml, overlay_dir, raise_problems, read_tsv
from ..errors import AlianzaError, DataError
from ..textutil import fold
from ..types import Actor, Place

SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "LEG",
        "JUD",
        "COP",
        "SPY",
        "PTY",
        "OPP",
        "REB",
        "INS",
        "BUS",
        "MED",
        "EDU",
        "CVL",
        "NGO",
        "IGO",
        "REL",
        "UAF",
        "CRM",
        "AGR",
        "LAB",
        "REF",
        "HLH",
        "ELI",
        "ENV",
    ]
)
KINDS = ("country", "demonym", "metonym", "igo", "group", "person", "sector", "place")
ALL_LANGS = "*"


@dataclass(frozen=True, slots=True)
class Role:
    country: str
    sector: str
    org: str | None
    role: str
    start: dt.date
    end: dt.date | None

    def active(self, when: dt.date) -> bool:
        return self.start <= when and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    roles: tuple[Role, ...]

    def actor_on(self, when: dt.date | None) -> Actor:
        """The coded actor this person is on a date; without a date, the latest role.

        A role outside its dates does not apply: the person is then coded by name only.
        """
        if when is None:
            role = self.roles[-1] if self.roles else None
        else:
            live = [r for r in self.roles if r.active(when)]
            role = live[-1] if live else None
        if role is None:
            return Actor(name=self.name)
        return Actor(country=role.country, sector=role.sector, name=self.name, org=role.org)

    def home(self) -> str | None:
        """The one country all this person's roles belong to, if there is one."""
        countries = {r.country for r in self.roles}
        return countries.pop() if len(countries) == 1 else None


@dataclass(frozen=True, slots=True)
class Entry:
    """What an alias means. `form` is set when the alias must match with its exact case; `proper`
    when it is a name (written with a capital in the data) and must start with a capital in the
    text too: "Reunión" the island is not "la reunión" the meeting, nor "Chad" a chad."""

    kind: str
    country: str | None = None
    sector: str | None = None
    org: str | None = None
    name: str | None = None
    form: str | None = None
    proper: bool = False
    adjective: bool = False  # a sector word that is also an adjective ("cooperación militar")


def _date(value: Any, end: bool = False) -> dt.date:
    s = str(value)
    if re.fullmatch(r"\d{4}", s):
        return dt.date(int(s), 12 if end else 1, 31 if end else 1)
    if re.fullmatch(r"\d{4}-\d{2}", s):
        y, m = int(s[:4]), int(s[5:])
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return (nxt - dt.timedelta(days=1)) if end else dt.date(y, m, 1)
    return dt.date.fromisoformat(s)


def _case_sensitive(form: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", form)
    return form.upper() == form and 0 < len(letters) <= 4


class KnowledgeBase:
    """Immutable after load; one instance per process (or per Dask worker)."""

    def __init__(self) -> None:
        self.iso2to3: dict[str, str] = {}
        self.country_names: dict[str, str] = {}  # alpha-3 -> English name
        self.people: dict[str, Person] = {}  # folded alias -> a person (the last loaded, for exact lookups)
        self.named: dict[str, list[Person]] = defaultdict(list)  # folded alias -> every person so named
        self.places: dict[str, Place] = {}  # folded name -> place
        self.aliases: dict[str, dict[str, list[Entry]]] = defaultdict(lambda: defaultdict(list))
        self._automata: dict[str, ahocorasick.Automaton] = {}
        # words after which an adjective-like sector word is a noun: "los militares", "dos civiles"
        self.noun_markers: dict[str, frozenset[str]] = {}
        # title words that may stand between a nationality and a sector: "British Defence Secretary"
        self.sector_modifiers: dict[str, frozenset[str]] = {}
        self.ambiguous: dict[str, Ambiguous] = {}  # folded name -> its readings
        self.locality_words: frozenset[str] = frozenset()  # "vereda", "street": a local name follows

    # -- building ---------------------------------------------------------------------------
    def add(self, lang: str, form: str, entry: Entry) -> None:
        key = fold(form.strip())
        if not key:
            return
        form = form.strip()
        if _case_sensitive(form):
            entry = Entry(entry.kind, entry.country, entry.sector, entry.org, entry.name, form, False, entry.adjective)
        elif form[:1].isupper():
            entry = Entry(entry.kind, entry.country, entry.sector, entry.org, entry.name, None, True, entry.adjective)
        bucket = self.aliases[lang][key]
        if entry not in bucket:
            bucket.append(entry)

    def entries(self, lang: str, key: str) -> list[Entry]:
        return self.aliases[lang].get(key, []) + self.aliases[ALL_LANGS].get(key, [])

    def automaton(self, lang: str) -> ahocorasick.Automaton:
        """Accent-folded alias automaton for a language (its own aliases plus the universal ones)."""
        if lang not in self._automata:
            auto = ahocorasick.Automaton()
            for key in set(self.aliases[lang]) | set(self.aliases[ALL_LANGS]):
                auto.add_word(key, key)
            auto.make_automaton()
            self._automata[lang] = auto
        return self._automata[lang]

    def person(self, name: str) -> Person | None:
        return self.people.get(fold(name))

    def person_on(self, name: str, when: dt.date | None) -> Person | None:
        """Of the people a name may stand for ("Bush"), the one in office on the date, else the first."""
        people = self.named.get(fold(name)) or []
        if when is not None:
            for p in people:
                if any(r.active(when) for r in p.roles):
                    return p
        return people[0] if people else None

    def country_name(self, code: str) -> str | None:
        return self.country_names.get(code)

    def names_in(self, lang: str) -> dict[str, str]:
        """Country names in any language CLDR knows: alpha-3 -> name (for display and new pipelines)."""
        from babel import Locale, UnknownLocaleError

        try:
            terr = Locale.parse(lang).territories
        except (UnknownLocaleError, ValueError) as err:
            raise AlianzaError(f"unknown language {lang!r} for country names: {err}") from err
        return {self.iso2to3[a2]: name for a2, name in terr.items() if a2 in self.iso2to3}


def _load_countries(kb: KnowledgeBase, root: Path, langs: tuple[str, ...], problems: list[Problem]) -> None:
    from babel import Locale

    path = root / "iso3166.tsv"
    for no, row in read_tsv(path):
        if len(row) < 3 or len(row[0]) != 2 or len(row[1]) != 3:
            problems.append(Problem(str(path), no, f"expected alpha2, alpha3, name; got {row!r}"))
            continue
        kb.iso2to3[row[0]] = row[1]
        kb.country_names[row[1]] = row[2]
    for lang in langs:
        for a2, name in Locale.parse(lang).territories.items():
            if a2 in kb.iso2to3:
                kb.add(lang, name, Entry("country", country=kb.iso2to3[a2], name=name))
            elif a2 in ("EU", "UN"):
                kb.add(lang, name, Entry("igo", country="IGO", sector="IGO", org=a2, name=name))
    _load_aliases(kb, root / "country_aliases.tsv", problems)


def _load_demonyms(kb: KnowledgeBase, root: Path, langs: tuple[str, ...], problems: list[Problem]) -> None:
    for lang in langs:
        path = root / "demonyms" / f"{lang}.tsv"
        if not path.exists():
            continue
        for no, row in read_tsv(path):
            if len(row) < 2 or row[0] not in kb.country_names:
                problems.append(Problem(str(path), no, f"expected a known alpha-3 and forms; got {row!r}"))
                continue
            for form in row[1:]:
                kb.add(lang, form, Entry("demonym", country=row[0]))


def _load_metonyms(kb: KnowledgeBase, root: Path, problems: list[Problem]) -> None:
    path = root / "metonyms.tsv"
    for no, row in read_tsv(path):
        if len(row) not in (4, 5) or row[3] not in SECTORS or (row[2] != "IGO" and row[2] not in kb.country_names):
            problems.append(Problem(str(path), no, f"expected lang, form, country, sector[, org]; got {row!r}"))
            continue
        org = row[4] if len(row) == 5 else None
        kb.add(row[0], row[1], Entry("metonym", country=row[2], sector=row[3], org=org, name=row[1]))


def _load_sectors(kb: KnowledgeBase, root: Path, langs: tuple[str, ...], problems: list[Problem]) -> None:
    for lang in langs:
        # ours first, then those derived from the field's dictionaries (<lang>.agents.tsv, scripts/)
        paths = [root / "sectors" / f"{lang}.tsv", *sorted((root / "sectors").glob(f"{lang}.*.tsv"))]
        for path in (p for p in paths if p.exists()):
            for no, row in read_tsv(path):
                if len(row) not in (2, 3) or row[1] not in SECTORS or (len(row) == 3 and row[2] != "adj"):
                    problems.append(
                        Problem(str(path), no, f"expected form, sector in {sorted(SECTORS)}[, adj]; got {row!r}")
                    )
                    continue
                kb.add(lang, row[0], Entry("sector", sector=row[1], adjective=len(row) == 3))
        kb.sector_modifiers[lang] = _word_set(root / "sectors" / f"{lang}.modifiers.txt")
        kb.noun_markers[lang] = _word_set(root / "sectors" / f"{lang}.noun_markers.txt")


@dataclass(frozen=True, slots=True)
class Reading:
    country: str
    cues: frozenset[str]
    countries: frozenset[str]


@dataclass(frozen=True, slots=True)
class Ambiguous:
    """A name with several readings ("Georgia", "Corea"); `resolve.pick_reading` chooses."""

    default: str
    readings: tuple[Reading, ...]


def _load_ambiguous(kb: KnowledgeBase, root: Path, langs: tuple[str, ...], problems: list[Problem]) -> None:
    path = root / "ambiguous.yaml"
    if not path.exists():
        return
    raw = load_yaml(path)
    for n, item in enumerate(raw.get("names") or [], start=1):
        try:
            name, default = str(item["name"]), str(item["default"])
            readings = tuple(
                Reading(
                    str(r["country"]),
                    frozenset(fold(str(c)) for c in r.get("cues") or []),
                    frozenset(str(c) for c in r.get("countries") or []),
                )
                for r in item["readings"]
            )
        except (KeyError, TypeError) as err:
            problems.append(Problem(str(path), n, f"expected name, default and readings; {err}"))
            continue
        kb.ambiguous[fold(name)] = Ambiguous(default, readings)
        for lang in item.get("langs") or langs:
            if lang in langs:
                kb.add(lang, name, Entry("ambiguous", country=default, name=name))


def _word_set(path: Path) -> frozenset[str]:
    """A whitespace-separated word list with # comment lines; none when the file is absent."""
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(w) for line in lines if not line.startswith("#") for w in line.split())


def _names(raw: Any, path: Path, what: str, problems: list[Problem]) -> list[tuple[str, str]]:
    if not isinstance(raw, dict):
        problems.append(Problem(str(path), 0, f"{what}: names must map language to a list of forms"))
        return []
    return [(lang, str(form)) for lang, forms in raw.items() for form in (forms or [])]


def _load_orgs(kb: KnowledgeBase, root: Path, problems: list[Problem]) -> None:
    _load_igos(kb, root / "igos.yaml", problems)
    _load_groups(kb, root / "groups.yaml", problems)


def _load_igos(kb: KnowledgeBase, path: Path, problems: list[Problem]) -> None:
    lines = item_lines(path, "organisations")
    for i, org in enumerate(load_yaml(path).get("organisations") or []):
        code = org.get("code") if isinstance(org, dict) else None
        if not code:
            problems.append(Problem(str(path), line_of(lines, i), "organisation: expected a code and names"))
            continue
        for lang, form in _names(org.get("names"), path, f"organisation {code}", problems):
            kb.add(lang, form, Entry("igo", country="IGO", sector="IGO", org=code, name=form))


def _load_groups(kb: KnowledgeBase, path: Path, problems: list[Problem]) -> None:
    lines = item_lines(path, "groups")
    for i, grp in enumerate(load_yaml(path).get("groups") or []):
        if (
            not isinstance(grp, dict)
            or grp.get("sector") not in SECTORS
            or (grp.get("country") != "---" and grp.get("country") not in kb.country_names)
        ):
            org = grp.get("org") if isinstance(grp, dict) else grp
            problems.append(
                Problem(
                    str(path),
                    line_of(lines, i),
                    f"group {org}: bad country or sector (expected alpha-3 or ---, and one of {sorted(SECTORS)})",
                )
            )
            continue
        for lang, form in _names(grp.get("names"), path, f"group {grp.get('org')}", problems):
            kb.add(lang, form, Entry("group", country=grp["country"], sector=grp["sector"], org=grp["org"], name=form))


def _load_people(kb: KnowledgeBase, root: Path, problems: list[Problem]) -> None:
    path = root / "people.yaml"
    lines = item_lines(path, "people")
    for i, raw in enumerate(load_yaml(path).get("people") or []):
        if not isinstance(raw, dict):
            problems.append(Problem(str(path), line_of(lines, i), f"person #{i + 1}: expected name, aliases, roles"))
            continue
        name = raw.get("name")
        roles = []
        for r in raw.get("roles") or []:
            try:
                if r["sector"] not in SECTORS or (r["country"] != "IGO" and r["country"] not in kb.country_names):
                    raise ValueError(f"bad country/sector {r['country']}/{r['sector']}")
                roles.append(
                    Role(
                        r["country"],
                        r["sector"],
                        r.get("org"),
                        r.get("role", ""),
                        _date(r["from"]),
                        _date(r["to"], end=True) if r.get("to") else None,
                    )
                )
            except (KeyError, ValueError, TypeError) as err:
                problems.append(Problem(str(path), line_of(lines, i), f"person #{i + 1} {name!r}: role {r!r}: {err}"))
        if not name:
            problems.append(Problem(str(path), line_of(lines, i), f"person #{i + 1}: missing name"))
            continue
        person = Person(name, tuple(sorted(roles, key=lambda r: r.start)))
        for alias in {name, *(raw.get("aliases") or [])}:
            kb.people[fold(alias)] = person
            # a person of the same name loaded later (the user's own file) replaces the earlier one
            kb.named[fold(alias)] = [p for p in kb.named[fold(alias)] if p.name != name] + [person]
            kb.add(ALL_LANGS, alias, Entry("person", name=name))


def _load_places(kb: KnowledgeBase, root: Path, problems: list[Problem]) -> None:
    # ours first, then those derived from the field's dictionaries (places.<source>.tsv, scripts/),
    # which may lack coordinates
    for path in [root / "places.tsv", *sorted(root.glob("places.*.tsv"))]:
        for no, row in read_tsv(path):
            try:
                name, country, _kind, lat, lon = (row + ["", ""])[:5] if len(row) >= 3 else row
                if country not in kb.country_names:
                    raise ValueError(f"unknown country {country}")
                if path.name == "places.tsv" or lat or lon:
                    place = Place(name, country, float(lat), float(lon))
                else:
                    place = Place(name, country)
            except ValueError as err:
                problems.append(Problem(str(path), no, f"expected name, alpha-3, kind, lat, lon: {err}"))
                continue
            if fold(name) in kb.places:
                continue
            kb.places[fold(name)] = place
            kb.add(ALL_LANGS, name, Entry("place", country=country, name=name))


# The files a user's own knowledge may hold (`--kb-dir DIR`: DIR/actors/...), in the packaged formats.
OVERLAY_FILES = ("people.yaml", "groups.yaml", "igos.yaml", "places.tsv", "metonyms.tsv", "country_aliases.tsv")
OVERLAY_FOLDERS = ("demonyms",)


def load_kb(
    langs: tuple[str, ...] = ("es", "en", "fr"), root: Path | None = None, overlay: Path | None = None
) -> KnowledgeBase:
    """Load and validate the whole base, then the user's own files (`overlay`, default
    `$ALIANZA_KB`) merged over it; raises DataError listing every problem found."""
    kb, problems = build_kb(langs, root, overlay)
    raise_problems(problems)
    return kb


def build_kb(
    langs: tuple[str, ...] = ("es", "en", "fr"), root: Path | None = None, overlay: Path | None = None
) -> tuple[KnowledgeBase, list[Problem]]:
    """The base and every problem found in its files (`alianza kb validate` lists them)."""
    root = root or data_dir() / "actors"
    kb = KnowledgeBase()
    problems: list[Problem] = []
    _load_countries(kb, root, langs, problems)
    _load_demonyms(kb, root, langs, problems)
    _load_metonyms(kb, root, problems)
    _load_sectors(kb, root, langs, problems)
    _load_orgs(kb, root, problems)
    _load_people(kb, root, problems)
    _load_places(kb, root, problems)
    _load_ambiguous(kb, root, langs, problems)
    kb.locality_words = _word_set(root / "locality_words.txt")
    extra = overlay if overlay is not None else overlay_dir()
    if extra is not None:
        _load_overlay(kb, extra / "actors", langs, problems)
    # Country capitals double as places so that "en Moscú" gives a place with coordinates.
    return kb, problems


def _load_overlay(kb: KnowledgeBase, root: Path, langs: tuple[str, ...], problems: list[Problem]) -> None:
    """The user's files, each loaded by the packaged file's own loader when present: a person or
    place of the same name replaces the packaged one, aliases add to those of the package."""
    if not root.is_dir():
        return
    loaders = {
        "people.yaml": lambda: _load_people(kb, root, problems),
        "groups.yaml": lambda: _load_groups(kb, root / "groups.yaml", problems),
        "igos.yaml": lambda: _load_igos(kb, root / "igos.yaml", problems),
        "places.tsv": lambda: _load_places(kb, root, problems),
        "metonyms.tsv": lambda: _load_metonyms(kb, root, problems),
        "country_aliases.tsv": lambda: _load_aliases(kb, root / "country_aliases.tsv", problems),
        "demonyms": lambda: _load_demonyms(kb, root, langs, problems),
    }
    for entry in sorted(root.iterdir()):
        if entry.name.startswith("."):
            continue
        load = loaders.get(entry.name)
        if load is None:
            expected = ", ".join((*OVERLAY_FILES, *(f"{d}/" for d in OVERLAY_FOLDERS)))
            problems.append(Problem(str(entry), 0, f"unknown knowledge file: expected one of {expected}"))
            continue
        try:
            load()
        except DataError as err:  # not YAML at all: the message names the file and line
            path, _, rest = str(err).partition(": ")
            file, _, line = path.rpartition(":")
            problems.append(Problem(file or str(entry), int(line) if line.isdigit() else 0, rest or str(err)))
        except (AttributeError, TypeError) as err:  # a YAML file of the wrong shape (a list, a string)
            problems.append(Problem(str(entry), 0, f"not in the packaged format: {err}"))


def _load_aliases(kb: KnowledgeBase, path: Path, problems: list[Problem]) -> None:
    for no, row in read_tsv(path):
        if len(row) != 3 or row[1] not in kb.country_names:
            problems.append(Problem(str(path), no, f"expected lang, known alpha-3, form; got {row!r}"))
            continue
        kb.add(row[0], row[2], Entry("country", country=row[1], name=kb.country_names[row[1]]))

"""Per-language calendar and number words (`data/lang/<lang>.yaml`), validated at load time."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..datafiles import Problem, data_dir, load_yaml, raise_problems
from ..errors import AlianzaError
from ..textutil import fold

REQUIRED = (
    "lang",
    "spacy_model",
    "months",
    "weekdays",
    "today",
    "yesterday",
    "tomorrow",
    "next",
    "last",
    "this",
    "ago",
    "units",
    "numbers",
    "range_words",
    "multipliers",
    "quantity_units",
    "syntax",
    "words",
    "date_pattern_words",
    "abbreviations",
    "noun_source_slots",
)


SYNTAX_KEYS = (
    "subj",
    "obj",
    "iobj",
    "case",
    "clause_deps",
    "inherit_deps",
    "passive_aux",
    "passive_agent",
    "negation",
    "negating_verbs",
    "modal_verbs",
    "future_markers",
    "planned_words",
    "hypothetical_words",
    "claim_words",
    "claim_verbs",
    "factive_verbs",
    "light_verbs",
    "generic_determiners",
    "exchange_words",
    "intent_words",
    "deontic_words",
    "stative_participles",
    "purpose_marks",
    "place_relatives",
    "relative_pronouns",
    "content_nouns",
    "participation_verbs",
    "commissive_verbs",
    # words of the event rules (events/*.py)
    "locative_cases",
    "place_heads",
    "charge_marks",
    "protest_cases",
    "participation_cases",
    "condition_marks",
    "of_cases",
    "between_cases",
    # "the attack by Russia", "el ataque de Rusia": the prepositions that name a hostile act's doer
    "doer_cases",
    "in_cases",
    "dative_cases",
    "future_auxiliaries",
)
# The `words` block: the actor rules' words (actors/patterns.py compiles them), each a list.
WORD_KEYS = (
    "possessive_pronouns",
    "both_words",
    "plural_person_nouns",
    "plural_other_nouns",
    "of_links",
    "gap_numbers",
    "from_words",
    "led_suffixes",
    "and_words",
    "sentence_starters",
    "place_name_links",
    "stance_prefixes",
    "ethnic_before",
    "ethnic_after",
    "directions",
    "direction_links",
    "residence_of",
    "residence_in",
    "residence_articles",
    "in_before",
    "in_articles",
    "name_particles",
    "people_endings",
    "quantity_heads",
    "not_people",
    "people_words",
    "count_words",
    "count_links",
    "count_excluded",
)


def words_problems(path: str, words: Any) -> list[Problem]:
    """The `words` block checked: every key of WORD_KEYS a list of words (empty when the rule
    does not apply to the language), no other key."""
    if not isinstance(words, dict):
        return [Problem(path, 0, "words: must be a mapping")]
    problems = [Problem(path, 0, f"words: missing key {k!r}") for k in WORD_KEYS if k not in words]
    for k, v in words.items():
        if k not in WORD_KEYS:
            problems.append(Problem(path, 0, f"words: unknown key {k!r} (known: {', '.join(WORD_KEYS)})"))
        elif not isinstance(v, list) or not all(isinstance(w, str) for w in v):
            problems.append(Problem(path, 0, f"words.{k}: must be a list of words"))
    return problems


# The date finder's words (`date_pattern_words`, nlp/dates.py), each a list.
DATE_WORD_KEYS = (
    "day_month_links",
    "year_links",
    "month_year_links",
    "year_before",
    "year_before_links",
    "ordinal_suffixes",
    "morning_before",
)


def block_problems(
    path: str, block: str, value: Any, keys: tuple[str, ...], extra: tuple[str, ...] = ()
) -> list[Problem]:
    """A block of word lists checked: every key of `keys` a list of words, no key outside
    `keys` and `extra` (a typo would leave a rule without its words, silently)."""
    if not isinstance(value, dict):
        return [Problem(path, 0, f"{block}: must be a mapping")]
    problems = [Problem(path, 0, f"{block}: missing key {k!r}") for k in keys if k not in value]
    for k, v in value.items():
        if k not in keys and k not in extra:
            problems.append(Problem(path, 0, f"{block}: unknown key {k!r} (known: {', '.join((*keys, *extra))})"))
        elif not isinstance(v, list) or not all(isinstance(w, str) for w in v):
            problems.append(Problem(path, 0, f"{block}.{k}: must be a list of words"))
    return problems


# Word-list keys a language may leave out (the rule then does nothing for it).
SYNTAX_OPTIONAL = (
    "tense_aux",  # nlp/repair.py: auxiliaries of compound tenses the model parses as passives
    "grievance_cases",  # events/arguments.py: "complained over the raids": what a criticism is about
    "measure_nouns",  # nlp/repair.py: nouns that count or time an event ("a wave of protests", "ten days of talks")
    "detached_first_conjunct",  # nlp/repair.py: labels the model gives the first of listed names it detaches
    "link_verbs",  # nlp/repair.py: "permanecían bloqueadas por los campesinos": verbs of a lasting state whose participle has an agent
    "unaccusative_verbs",  # events/sentence.py: motion verbs that take "être", not a passive
    "light_obl",  # events/triggers.py: labels of a light verb's object through a preposition
    "background_cases",  # events/triggers.py: "after the protests", "tras las protestas": a protest as background
    "time_marks",  # events/sentence.py: "fueron detenidos cuando protestaban": the clause's subject
    "concessive_marks",  # events/clauses.py: "si bien", "même si": a condition word that states a fact
    "joining_verbs",  # events/arguments.py: "participaron en una marcha": who joins a protest does it
    "joining_cases",  # events/arguments.py: the preposition of the protest joined ("en", "a", "in")
    "preventing_verbs",  # events/triggers.py: "prevented the demonstration": the protest did not happen
    "mutual_nouns",  # events/arguments.py: "X and Y restored relations": objects that are between the subject's conjuncts
    "reciprocal_verbs",  # events/arguments.py: "India and Pakistan exchanged fire": the subject's conjuncts act on each other
    "reciprocal_clitics",  # events/arguments.py: "estudiantes y policías se enfrentaron": each other
    "act_target_cases",  # events/arguments.py: "to reimpose UN sanctions on Iran": whom an intended act falls on
)
# The `syntax` keys that are not word lists, with the type each must have.
# verb_homographs (nlp/repair.py): present-tense verb forms that are also nouns ("demanda", "amenaza")
# -> their infinitive, for a sentence whose only head the tagger made a noun
SYNTAX_OTHER: dict[str, type] = {"pro_drop": bool, "contractions": dict, "verb_homographs": dict}


def syntax_problems(path: str, syn: Any) -> list[Problem]:
    """The `syntax` block checked against its schema: every word-list key present and a list of
    strings, the others of their type, no key the code does not read (a typo would be ignored
    silently and the rule would run without its words)."""
    if not isinstance(syn, dict):
        return [Problem(path, 0, "syntax: must be a mapping")]
    problems = [Problem(path, 0, f"syntax: missing key {k!r}") for k in SYNTAX_KEYS if k not in syn]
    for k, v in syn.items():
        if k in SYNTAX_OTHER:
            if not isinstance(v, SYNTAX_OTHER[k]):
                problems.append(Problem(path, 0, f"syntax.{k}: must be a {SYNTAX_OTHER[k].__name__}"))
            elif isinstance(v, dict) and not all(isinstance(a, str) and isinstance(b, str) for a, b in v.items()):
                problems.append(Problem(path, 0, f"syntax.{k}: must map words to words"))
        elif k not in SYNTAX_KEYS and k not in SYNTAX_OPTIONAL:
            known = ", ".join((*SYNTAX_KEYS, *SYNTAX_OPTIONAL, *SYNTAX_OTHER))
            problems.append(Problem(path, 0, f"syntax: unknown key {k!r} (known: {known})"))
        elif not isinstance(v, list) or not all(isinstance(w, str) for w in v):
            problems.append(Problem(path, 0, f"syntax.{k}: must be a list of words"))
    return problems


@dataclass(frozen=True, slots=True)
class Syntax:
    """The dependency labels a language's model uses and the words that carry modality."""

    pro_drop: bool
    sets: dict[str, frozenset[str]]
    # preposition + article in one word -> the case it stands for (values as written: "au" is "à")
    contractions: dict[str, str] = field(default_factory=dict)
    verb_homographs: dict[str, str] = field(default_factory=dict)

    def __getattr__(self, name: str) -> frozenset[str]:
        try:
            return self.sets[name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass(frozen=True, slots=True)
class LangData:
    lang: str
    spacy_model: str
    months: dict[str, int]  # folded name -> 1..12
    weekdays: dict[str, int]  # folded name -> 0..6 (Monday = 0)
    relative_days: dict[str, int]  # today 0, yesterday -1, ...
    next_words: frozenset[str]
    last_words: frozenset[str]
    this_words: frozenset[str]
    ago_before: frozenset[str]
    ago_after: frozenset[str]
    units: dict[str, str]
    numbers: dict[str, int]
    between: frozenset[str]
    and_words: frozenset[str]
    about: tuple[str, ...]
    multipliers: dict[str, int]
    quantity_units: dict[str, str]  # folded noun -> unit
    syntax: Syntax
    # infinitive ending -> participle endings, for the cheap pass ("desaparecidas" is "desaparecer")
    participles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the actor rules' words, as written (actors/patterns.py compiles them)
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the date finder's words, as written (nlp/dates.py composes its patterns from them)
    date_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # abbreviations after which a full stop ends no sentence (folded, without the stop)
    abbreviations: frozenset[str] = frozenset()
    # a noun trigger's default source slots, in the order they are tried (events/lexicon.py)
    noun_source_slots: tuple[str, ...] = ()
    # the letters with a diacritic that copy in capitals or plain ASCII drops ("PROTESTO" for
    # "protestó"): the cheap pass tries them back on a word it cannot lemmatise (pipeline.py)
    accented_letters: tuple[str, ...] = ()


def _names(items: list[Any]) -> list[list[str]]:
    return [[fold(x) for x in (i if isinstance(i, list) else [i])] for i in items]


def available_languages() -> list[str]:
    return list(_languages())


@cache
def _languages() -> tuple[str, ...]:
    """The package's language files, listed once: the date and quantity finders ask per sentence."""
    return tuple(sorted(p.stem for p in (data_dir() / "lang").glob("*.yaml")))


@cache
def load_langdata(lang: str) -> LangData:
    path = data_dir() / "lang" / f"{lang}.yaml"
    if not path.exists():
        raise AlianzaError(f"no language data for {lang!r} (expected {path}); known: {available_languages()}")
    raw = load_yaml(path)
    problems = [Problem(str(path), 0, f"missing key {k!r}") for k in REQUIRED if k not in raw]
    syn = raw.get("syntax") or {}
    problems += syntax_problems(str(path), syn)
    if "words" in raw:
        problems += words_problems(str(path), raw["words"])
    if "date_pattern_words" in raw:
        problems += block_problems(
            str(path), "date_pattern_words", raw["date_pattern_words"], DATE_WORD_KEYS, ("of", "in", "on")
        )
    if "abbreviations" in raw and not isinstance(raw["abbreviations"], list):
        problems.append(Problem(str(path), 0, "abbreviations: must be a list of words"))
    accented = raw.get("accented_letters") or []
    if not isinstance(accented, list) or not all(
        isinstance(c, str) and len(c) == 1 and c.isalpha() and fold(c) != c for c in accented
    ):
        problems.append(Problem(str(path), 0, "accented_letters: must be a list of single letters with a diacritic"))
    if not problems and (len(raw["months"]) != 12 or len(raw["weekdays"]) != 7):
        problems.append(Problem(str(path), 0, "months must list 12 entries and weekdays 7"))
    raise_problems(problems)
    months = {n: i + 1 for i, names in enumerate(_names(raw["months"])) for n in names}
    weekdays = {n: i for i, names in enumerate(_names(raw["weekdays"])) for n in names}
    rel = {fold(w): 0 for w in raw["today"]}
    rel.update({fold(w): -1 for w in raw["yesterday"]})
    rel.update({fold(w): 1 for w in raw["tomorrow"]})
    rel.update({fold(w): -2 for w in raw.get("day_before_yesterday") or []})
    qunits = {fold(w): unit for unit, ws in raw["quantity_units"].items() for w in ws}
    rw = raw["range_words"]
    return LangData(
        lang=raw["lang"],
        spacy_model=raw["spacy_model"],
        months=months,
        weekdays=weekdays,
        relative_days=rel,
        next_words=frozenset(fold(w) for w in raw["next"]),
        last_words=frozenset(fold(w) for w in raw["last"]),
        this_words=frozenset(fold(w) for w in raw["this"]),
        ago_before=frozenset(fold(w) for w in raw["ago"].get("before") or []),
        ago_after=frozenset(fold(w) for w in raw["ago"].get("after") or []),
        units={fold(k): v for k, v in raw["units"].items()},
        numbers={fold(k): int(v) for k, v in raw["numbers"].items()},
        between=frozenset(fold(w) for w in rw["between"]),
        and_words=frozenset(fold(w) for w in rw["and"]),
        about=tuple(fold(w) for w in rw["about"]),
        multipliers={fold(k): int(v) for k, v in raw["multipliers"].items()},
        quantity_units=qunits,
        syntax=Syntax(
            bool(syn.get("pro_drop")),
            {k: frozenset(fold(str(w)) for w in v) for k, v in syn.items() if isinstance(v, list)},
            {fold(k): fold(str(v)) for k, v in (syn.get("contractions") or {}).items()},
            {fold(k): str(v) for k, v in (syn.get("verb_homographs") or {}).items()},
        ),
        participles={fold(k): tuple(fold(x) for x in v) for k, v in (raw.get("participles") or {}).items()},
        words={k: tuple(str(w) for w in v) for k, v in raw["words"].items()},
        date_words={k: tuple(str(w) for w in v) for k, v in raw["date_pattern_words"].items()},
        abbreviations=frozenset(str(w) for w in raw["abbreviations"]),
        noun_source_slots=tuple(str(w) for w in raw["noun_source_slots"]),
        accented_letters=tuple(str(c).lower() for c in accented),
    )

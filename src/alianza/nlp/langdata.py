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
)


@dataclass(frozen=True, slots=True)
class Syntax:
    """The dependency labels a language's model uses and the words that carry modality."""

    pro_drop: bool
    sets: dict[str, frozenset[str]]

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
    problems += [Problem(str(path), 0, f"syntax: missing key {k!r}") for k in SYNTAX_KEYS if k not in syn]
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
        syntax=Syntax(bool(syn.get("pro_drop")), {k: frozenset(fold(str(w)) for w in v) for k, v in syn.items() if isinstance(v, list)}),
        participles={fold(k): tuple(fold(x) for x in v) for k, v in (raw.get("participles") or {}).items()},
    )

"""The actor rules' words of one language (`words` in `data/lang/<lang>.yaml`), compiled once.

The resolver's gaps and cues ("soldados de Rusia", "ethnic Albanians in Serbia", "ambos
líderes", "US-backed rebels") are regular expressions over a language's words. The words are
data; what stays here is how they are composed: the order of a phrase, the spaces between its
words, the capital letter of a name (`hits.NAME_TOKEN`). `actor_patterns(lang)` builds them once
per language (the language file is read and validated by `nlp.langdata`), so a sentence pays
nothing for them and no module holds a language's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ..nlp.langdata import load_langdata
from ..textutil import fold

NAME_TOKEN = r"[A-ZÁÉÍÓÚÑÜ][\w'’.-]*"
NEVER = r"(?!)"  # an alternation of no words matches nothing


def alt(words: Iterable[str]) -> str:
    """`(?:w1|w2|...)` of the words as written (escaped), or a group that never matches."""
    ws = [re.escape(w) for w in words]
    return f"(?:{'|'.join(ws)})" if ws else NEVER


def linked(words: Iterable[str]) -> str:
    """A link word and the spaces after it; an elided one ("d'", "de l'") may touch the next word:
    "l'ambassadeur d'Algérie"."""
    ws = list(words)
    elided = [w for w in ws if w.endswith(("'", "’"))]
    spaced = [w for w in ws if w not in elided]
    return f"(?:{alt(spaced)}\\s+|{alt(elided)}\\s*)"


def opt_alt(words: Iterable[str]) -> str:
    """An optional word followed by spaces ("the ", "el "), or nothing when there are none."""
    ws = list(words)
    return f"(?:{alt(ws)}\\s+)?" if ws else ""


@dataclass(frozen=True, slots=True)
class ActorPatterns:
    """One language's compiled actor cues; each field names the rule that reads it."""

    lang: str
    possessive_pronoun: re.Pattern[str]  # context.possessor: "su embajador"
    plural_ref: re.Pattern[str]  # coreference: "ambos líderes"
    plural_ref_before: re.Pattern[str]  # coreference.plural_ref_at: "ambos " before a hit
    person_words: frozenset[str]  # coreference: the plural nouns that name people
    of_gap: re.Pattern[str]  # hits/compose: "soldados de Rusia"
    from_word: re.Pattern[str]  # compose: "refugees from Syria"
    led_gap: re.Pattern[str]  # compose: "US-backed rebels"
    and_gap: re.Pattern[str]  # compose: "Rusia y Ucrania"
    sentence_starters: frozenset[str]  # hits.inside_name: "En Bogotá" is no person's name
    longer_name_after: re.Pattern[str]  # hits: "San José del Guaviare"
    stance_prefix: re.Pattern[str]  # hits: "anti-OTAN"
    ethnic_before: re.Pattern[str]  # residence: "ethnic Albanians"
    ethnic_after: re.Pattern[str]  # residence: "los rusos étnicos"
    residence_of: re.Pattern[str]  # residence: "the Albanians of southern Serbia"
    residence_in: re.Pattern[str]  # residence: "ethnic Albanians in Serbia"
    in_before: re.Pattern[str]  # residence.after_in: "in east Bosnia"
    name_re: re.Pattern[str]  # titles.person_after: "Gabriel García de la Torre"
    people_endings: tuple[str, ...]  # unknown: "manifestantes", "protesters"
    quantity_heads: frozenset[str]  # unknown: "decenas de colonos"
    not_people: frozenset[str]  # unknown: "estado", "government"
    people_words: frozenset[str]  # unknown: "mujeres", "women"
    count_re: re.Pattern[str]  # unknown.counted_people: "miles de"
    count_words: frozenset[str]  # unknown.counted_people


@cache
def actor_patterns(lang: str) -> ActorPatterns:
    """The compiled cues of `lang` (cached: one build per language a process reads)."""
    w = load_langdata(lang).words
    direction = f"(?:{alt(w['directions'])}\\s+(?:{alt(w['direction_links'])}\\s+)?)?"
    if not w["directions"]:
        direction = ""
    both = alt(w["both_words"])
    numbers = "(?:" + "|".join([*map(re.escape, w["gap_numbers"]), r"\d+"]) + ")"  # "de dos ONG", "of 3 groups"
    return ActorPatterns(
        lang=lang,
        possessive_pronoun=re.compile(rf"\b{alt(w['possessive_pronouns'])}\s+$", re.I),
        plural_ref=re.compile(
            rf"\b{both}\s+(?P<what>{alt([*w['plural_person_nouns'], *w['plural_other_nouns']])})\b", re.I
        ),
        plural_ref_before=re.compile(rf"{both}\s+$", re.I),
        person_words=frozenset(fold(x) for x in w["plural_person_nouns"]),
        of_gap=re.compile(rf"^\s+{linked(w['of_links'])}(?:{numbers}\s+)?$", re.I),
        from_word=re.compile(rf"\b{alt(w['from_words'])}\b", re.I),
        led_gap=re.compile(rf"^-{alt(w['led_suffixes'])}\s+$", re.I),
        and_gap=re.compile(rf"^\s+{alt(w['and_words'])}\s+$", re.I),
        sentence_starters=frozenset(fold(x) for x in w["sentence_starters"]),
        longer_name_after=re.compile(rf"\s+{alt(w['place_name_links'])}\s+({NAME_TOKEN})"),
        stance_prefix=re.compile(rf"\b{alt(w['stance_prefixes'])}-$"),
        ethnic_before=re.compile(rf"\b{alt(w['ethnic_before'])}\s+$", re.I),
        ethnic_after=re.compile(rf"\s+{alt(w['ethnic_after'])}\b", re.I),
        residence_of=re.compile(
            rf"^\s+{alt(w['residence_of'])}\s+{opt_alt(w['residence_articles'])}{direction}$", re.I
        ),
        residence_in=re.compile(
            rf"^\s+{alt(w['residence_in'])}\s+{opt_alt(w['residence_articles'])}{direction}$", re.I
        ),
        in_before=re.compile(rf"\b{alt(w['in_before'])}\s+{opt_alt(w['in_articles'])}{direction}$", re.I),
        name_re=re.compile(rf"{NAME_TOKEN}(?:\s+{opt_alt(w['name_particles'])}{NAME_TOKEN}){{0,3}}"),
        people_endings=tuple(w["people_endings"]),
        quantity_heads=frozenset(w["quantity_heads"]),
        not_people=frozenset(fold(x) for x in w["not_people"]),  # compared folded (unknown.py)
        people_words=frozenset(fold(x) for x in w["people_words"]),
        count_re=re.compile(rf"(?:^|\s)(\d[\d.,]*|\w+)(?:\s+{alt(w['count_links'])})?\s*$", re.IGNORECASE),
        count_words=frozenset(fold(x) for x in [*w["quantity_heads"], *w["count_words"]])
        - frozenset(w["count_excluded"]),
    )

"""The cheap pass's trigger test: can a sentence hold an event, judged from its words alone?

spaCy is the expensive stage (DESIGN.md, speed), so a sentence is parsed only when some lexicon
entry could fire in it. The coder's own conditions that need only the sentence's words are
checked here, on accent-folded forms and simplemma lemmas (the coder also reads spaCy's lemma,
which the cheap pass does not have; `alianza eval` counts the gold events this loses):
- the trigger: a word whose form or lemma is an entry's lemma (or a regular participle of one);
- `requires`, `requires_also`, `requires_if_lemma`: one of those words somewhere in the sentence
  (the coder looks in the trigger's phrase, which lies inside the sentence);
- `light_only`: a support verb somewhere in the sentence;
- `participle_of`: one of those nouns somewhere in the sentence;
- who: every event has a side from the sentence's actor mentions, except a verb under pro-drop,
  which may take the subject of an earlier parsed sentence (`CodingState.last_subject`), and a
  protest, which the coder codes naming no one ("The protests began last month", `Fire.ALONE`);
- "X dijo que Y debe ...": a deontic word, a claim verb and an actor (`deontic_requests`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import IntEnum
from functools import partial

from ..nlp.langdata import available_languages, load_langdata
from ..textutil import fold
from .lexicon import Entry, Lexicon, load_lexicon


class Fire(IntEnum):
    """What a sentence's words allow, in increasing order of what it needs less."""

    NONE = 0  # no entry can fire
    NAMED = 1  # only entries that need a target named in the sentence can fire ("salió de la OEA")
    WITH_ACTOR = 2  # an entry can fire if the sentence names an actor
    INHERITS = 3  # a verb entry can fire on the subject of an earlier sentence (pro-drop)
    ALONE = 4  # a protest entry can fire naming no one ("The protests began last month")


@dataclass(frozen=True, slots=True)
class Gate:
    """The part of an entry's conditions that the words of a sentence can rule out."""

    verb: bool
    requires: frozenset[str]
    requires_also: frozenset[str]
    requires_if_lemma: tuple[tuple[str, frozenset[str]], ...]
    light_only: bool
    participle_of: frozenset[str]
    requires_target: bool
    named_target: bool  # `requires_target_sector`: a knowledge-base actor, never words found on the parse
    alone: bool  # a PROTEST noun: the coder codes it with its sides empty (`protest_by_no_one_named`)

    def opens(self, lemma: str, keys: frozenset[str], light: bool) -> bool:
        if self.requires and self.requires.isdisjoint(keys):
            return False
        if self.requires_also and self.requires_also.isdisjoint(keys):
            return False
        for lem, req in self.requires_if_lemma:
            if lem == lemma and req.isdisjoint(keys):
                return False
        if self.light_only and not light:
            return False
        return not (self.participle_of and self.participle_of.isdisjoint(keys))


def _gate(e: Entry, grow: Callable[[frozenset[str]], frozenset[str]]) -> Gate:
    return Gate(
        verb=e.pos == "verb",
        requires=grow(e.requires),
        requires_also=grow(e.requires_also),
        # a sense told by the arguments (a bare verb meets the requirement) needs the parse to rule out
        requires_if_lemma=()
        if e.sense_by_arguments
        else tuple(sorted((lem, grow(req)) for lem, req in e.requires_if_lemma.items())),
        light_only=e.light_only,
        participle_of=e.participle_of,
        requires_target=e.requires_target or bool(e.requires_target_sector),
        # an entry that names its target's sector (an organisation) needs that target named here
        named_target=bool(e.requires_target_sector),
        alone=e.type == "PROTEST" and e.pos == "noun" and not e.requires_target,
    )


def with_participles(words: frozenset[str], participles: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """The words and the regular participles of those that are infinitives ("iniciar": "iniciado",
    "iniciadas"): simplemma reads a participle as an adjective of its own ("haya iniciado su
    desarme": "iniciado"), spaCy as the verb, so a required or support verb is met by either."""
    out = set(words)
    for w in words:
        for ending, forms in participles.items():
            if w.endswith(ending) and len(w) > len(ending) + 1:
                out.update(w[: -len(ending)] + f for f in forms)
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class TriggerGates:
    """Folded trigger key -> the distinct gates of its entries, for one language."""

    lang: str
    gates: dict[str, tuple[Gate, ...]]
    light_verbs: frozenset[str]
    deontic_words: frozenset[str]
    claim_verbs: frozenset[str]
    pro_drop: bool

    def fire(self, words: Iterable[tuple[str, str]]) -> Fire:
        """The best any trigger of the sentence allows; `words` are (folded form, folded lemma)."""
        pairs = list(words)
        keys = frozenset(k for pair in pairs for k in pair)
        light = not self.light_verbs.isdisjoint(keys)
        best = Fire.NONE
        for form, lemma in pairs:
            for key in (form, lemma) if form != lemma else (form,):
                for g in self.gates.get(key, ()):
                    if not g.opens(lemma, keys, light):
                        continue
                    if g.alone:
                        return Fire.ALONE
                    if g.verb and self.pro_drop and not g.requires_target:
                        best = Fire.INHERITS
                    best = max(best, Fire.NAMED if g.named_target else Fire.WITH_ACTOR)
        if best is Fire.NONE and not self.deontic_words.isdisjoint(keys) and not self.claim_verbs.isdisjoint(keys):
            best = Fire.WITH_ACTOR  # "X dijo que Y debe negociar": the demand of a speaker named here
        return best


# id(lexicon) -> (lexicon, its gates): one build per lexicon, a user's overlay ($ALIANZA_KB) included
_BUILT: dict[int, tuple[Lexicon, TriggerGates]] = {}


def trigger_gates(lang: str) -> TriggerGates:
    lex = load_lexicon(lang)
    built = _BUILT.get(id(lex))
    if built is None or built[0] is not lex:
        built = _BUILT[id(lex)] = (lex, _build(lang, lex))
    return built[1]


def _build(lang: str, lex: Lexicon) -> TriggerGates:
    gates: dict[str, dict[Gate, None]] = {}
    participles = load_langdata(lang).participles if lang in available_languages() else {}
    homographs = load_langdata(lang).syntax.verb_homographs if lang in available_languages() else {}
    grow = partial(with_participles, participles=participles)
    for e in lex.entries:
        g = _gate(e, grow)
        for lemma in e.lemmas:
            keys = [lemma]
            if e.pos == "verb":  # "desaparecidas" is "desaparecer" to spaCy, not to simplemma
                keys += sorted(grow(frozenset({lemma})) - {lemma})
                # "la población demanda mejoras": simplemma reads the noun "demanda" (nlp/repair.py)
                keys += [form for form, inf in homographs.items() if fold(inf) == lemma]
            for k in keys:
                gates.setdefault(k, {})[g] = None
    syn = load_langdata(lang).syntax
    return TriggerGates(
        lang=lang,
        gates={k: tuple(v) for k, v in gates.items()},
        light_verbs=grow(syn.light_verbs),
        deontic_words=frozenset(fold(w) for w in syn.deontic_words if " " not in w),
        claim_verbs=syn.claim_verbs,
        pro_drop=syn.pro_drop,
    )

"""Repairs of a small model's parse that a language's data asks for, before any rule reads it.

The small French model (fr_core_news_sm) tags many past participles after their auxiliary as nouns
or adverbs ("a visité/NOUN le Maroc", "a/ROOT expulsé/ADV des diplomates") and some event nouns
after an article as adjectives ("une grève/ADJ"). The rules then see no verb and no noun, and a
plain sentence codes nothing. Which auxiliaries and which participle endings apply is data
(`syntax.tense_aux` and `participles` in `data/lang/<lang>.yaml`); a language without
`tense_aux` is left as parsed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..textutil import fold
from .langdata import LangData

NOT_VERB = frozenset({"NOUN", "PROPN", "ADV", "X", "INTJ"})
CORE_DEPS = frozenset({"obj", "nsubj", "nsubj:pass"})


def repair_parse(doc: Any, ld: LangData, lemma_of: Callable[[str], str] | None = None) -> None:
    """Fix, in place, participles mis-tagged after an auxiliary, event nouns tagged as adjectives and
    a sentence's only head tagged as the noun it is a homograph of."""
    endings = tuple(sorted({f for forms in ld.participles.values() for f in forms}, key=len, reverse=True))
    _homograph_root(doc, ld)
    _hoist_measured(doc, ld)
    _linked_participle(doc, ld, lemma_of, endings)
    detached = ld.syntax.sets.get("detached_first_conjunct")
    aux = ld.syntax.sets.get("tense_aux")
    if not aux:
        if detached:
            repair_first_conjunct(doc, detached)
        return
    for t in doc:
        if t.i == 0:
            continue
        prev = doc[t.i - 1]
        if (
            t.pos_ in NOT_VERB
            and fold(prev.lemma_) in aux
            and prev.pos_ in ("AUX", "VERB")
            and t.is_lower
            and fold(t.text).endswith(endings)
        ):
            _make_verb(t, prev, _infinitive(t.text, ld, lemma_of))
        elif t.pos_ == "ADJ" and fold(t.dep_) in CORE_DEPS and any(c.pos_ == "DET" for c in t.children):
            t.pos_ = "NOUN"  # "une grève": an adjective with an article is a noun
            if lemma_of is not None:
                t.lemma_ = lemma_of(t.text.lower())
        elif (
            t.pos_ == "ADJ"
            and t.is_lower
            and prev.head.i == t.i
            and prev.pos_ in ("VERB", "AUX")
            and fold(prev.lemma_) in ld.syntax.light_verbs
            and fold(prev.lemma_) not in aux  # "a/aux extradé/ADJ": a participle, not a noun
        ):
            # "ont fait/dep grève/ADJ": a bare noun after its support verb, which the parser hung on it
            t.pos_ = "NOUN"
            if lemma_of is not None:
                t.lemma_ = lemma_of(t.text.lower())
            _make_head(prev, t)
    _split_object_root(doc)
    if detached:
        repair_first_conjunct(doc, detached)


def _hoist_measured(doc: Any, ld: LangData) -> None:
    """ "staged a wave of protests", "held three rounds of talks", "after a week of unrest": a noun that
    counts or times another (`syntax.measure_nouns`) through an `of_cases` preposition is its measure;
    the measured noun takes its place in the tree (object of the support verb, phrase of "after") and
    the measure hangs on it, so the rules read "staged protests", "held talks", "after unrest"."""
    measures = ld.syntax.sets.get("measure_nouns")
    if not measures:
        return
    for m in doc:
        if m.pos_ != "NOUN" or fold(m.text) not in measures and fold(m.lemma_) not in measures:
            continue
        prep = next((c for c in m.children if c.i > m.i and fold(c.text) in ld.syntax.of_cases), None)
        if prep is None:
            continue
        if fold(prep.dep_) == "case":  # UD: the noun carries its case ("una ola de protestas")
            n = prep.head if prep.head.i != m.i else None
        else:  # ClearNLP: prep -> pobj
            n = next((c for c in prep.children if fold(c.dep_) == "pobj"), None)
        if n is None or n.pos_ != "NOUN":
            continue
        if m.head.i == m.i:
            n.head = n
            n.dep_ = "ROOT"
        else:
            n.head = m.head
            n.dep_ = m.dep_
        m.head = n
        m.dep_ = "npadvmod"
        prep.head = m


def _split_object_root(doc: Any) -> None:
    """ "Le Rwanda a rejeté/ROOT les accusations/ROOT de la RDC": the parser ends the verb's tree
    before its object and roots the object noun apart. A noun root right after a verb root that has
    no object, with only its own determiners between them, is that verb's object."""
    for t in doc:
        if t.pos_ != "NOUN" or t.head.i != t.i or t.i < 2:
            continue
        j = t.i - 1
        while j > 0 and doc[j].pos_ == "DET" and doc[j].head.i == t.i:
            j -= 1
        v = doc[j]
        if j == t.i - 1 or v.pos_ != "VERB" or v.head.i != v.i:
            continue
        if any(fold(c.dep_) in ("obj", "ccomp", "xcomp") for c in v.children):
            continue
        t.head = v
        t.dep_ = "obj"


def repair_first_conjunct(doc: Any, detached: frozenset[str]) -> None:
    """ "Paris/ROOT et Berlin/nsubj ont signé", "Le Mali/obl:mod, le Burkina Faso/nsubj et le Niger ont
    annoncé", "Guinea/npadvmod, Gabon/nsubj and Chad quit": small models detach the first of
    coordinated names at a sentence's start (with one of the labels `syntax.detached_first_conjunct`
    of the language's data); it becomes the verb's subject and the others its conjuncts."""
    for t in doc:
        if t.pos_ != "PROPN" or fold(t.dep_) not in detached or t.i > 3:
            continue
        if any(fold(c.dep_) in ("case", "nsubj", "obj", "dobj", "prep") for c in t.children):
            continue
        right = max([t.i, *(c.i for c in t.children if fold(c.dep_) in ("flat:name", "flat") and c.i > t.i)])
        nxt = doc[right + 1] if right + 1 < len(doc) else None
        if nxt is None or nxt.pos_ not in ("CCONJ", "PUNCT"):
            continue
        subj = next((y for y in doc[right + 2 : right + 6] if fold(y.dep_) == "nsubj" and y.pos_ == "PROPN"), None)
        if subj is None or subj.head.i <= subj.i or subj.head.pos_ not in ("VERB", "AUX"):
            continue
        verb = subj.head
        if verb.head.i == t.i:  # "Niger/ROOT ... signé/conj": the verb takes the name's place
            for c in list(t.children):
                if c.i != verb.i and fold(c.dep_) not in ("det", "flat:name", "flat"):
                    c.head = verb
            verb.head = verb if t.head.i == t.i else t.head
            verb.dep_ = t.dep_ if t.head.i != t.i else "ROOT"
        for c in list(subj.children):
            if fold(c.dep_) == "conj":
                c.head = t
        t.head = verb
        t.dep_ = "nsubj"
        subj.head = t
        subj.dep_ = "conj"
        return


def _linked_participle(doc: Any, ld: LangData, lemma_of: Callable[[str], str] | None, endings: tuple[str, ...]) -> None:
    """ "Las carreteras permanecían bloqueadas por los campesinos", "la ruta seguía bloqueada por
    los transportistas": the model makes the participle an adjective, the object of the link verb,
    and the agent the participle's object, so nobody blocks anything. A past participle under a
    verb of a lasting state (`syntax.link_verbs`) with an agent phrase of its own (the language's
    passive agent case, then a determiner or a name: "por orden judicial" names no doer) is the
    passive verb of the sentence: it takes the link verb's place, which becomes its passive
    auxiliary, so the subject is what was blocked and the agent who blocks it."""
    links = ld.syntax.sets.get("link_verbs")
    if not links:
        return
    for t in doc:
        v = t.head
        if (
            t.pos_ in ("ADJ", "NOUN")
            and v.i != t.i
            and v.i < t.i
            and v.pos_ in ("VERB", "AUX")
            and fold(v.lemma_) in links
            and (
                "Part" in t.morph.get("VerbForm")
                # "permanecían bloqueados/NOUN": a participle's form, lower case and with no article
                or (t.is_lower and fold(t.text).endswith(endings) and not any(c.pos_ == "DET" for c in t.children))
            )
            and any(_agent_phrase(c, ld) for c in t.children)
        ):
            t.pos_ = "VERB"
            lemma = _infinitive(t.text, ld, lemma_of)
            if not lemma.endswith(tuple(ld.participles)):  # the lemmatiser's adjective ("bloqueado")
                lemma = _infinitive(t.text, ld, None)
            t.lemma_ = lemma
            _take_place(t, v)
            v.pos_ = "AUX"
            v.dep_ = "aux:pass"
            return


def _agent_phrase(c: Any, ld: LangData) -> bool:
    """A noun phrase after its participle through the passive agent case, with a determiner, a
    number or a name: "por los campesinos", "por 300 mineros", "por cientos de mineros", "por Rusia"."""
    if c.pos_ not in ("NOUN", "PROPN", "NUM") or c.i < c.head.i:
        return False
    cases = [g for g in c.children if fold(g.dep_) == "case"]
    if not cases or fold(cases[0].text) not in ld.syntax.passive_agent:
        return False
    if c.pos_ == "NUM":
        return any(g.pos_ == "NOUN" for g in c.children)
    return c.pos_ == "PROPN" or any(g.pos_ in ("DET", "NUM") for g in c.children)


def _homograph_root(doc: Any, ld: LangData) -> None:
    """ "La población demanda mejoras", "Chávez amenaza con romper": the tagger makes the present
    tense a noun ("demanda", "amenaza") and the sentence's root, with the subject hung on it and no
    verb left. A root noun the language lists as a verb homograph, with a nominal subject before it
    and no verb in the sentence, is that verb (`syntax.verb_homographs`: form -> infinitive)."""
    forms = ld.syntax.verb_homographs
    if not forms or any(t.pos_ in ("VERB", "AUX") for t in doc):
        return
    for t in doc:
        inf = forms.get(fold(t.text))
        if (
            inf is not None
            and t.pos_ == "NOUN"
            and t.head.i == t.i
            and any(fold(c.dep_) in ("nsubj", "nsubj:pass") and c.i < t.i for c in t.children)
        ):
            t.pos_ = "VERB"
            t.lemma_ = inf
            return


def _infinitive(word: str, ld: LangData, lemma_of: Callable[[str], str] | None) -> str:
    """The lemmatiser's infinitive, else the regular one from the participle's ending ("expulsé")."""
    w = word.lower()
    lemma = lemma_of(w) if lemma_of is not None else w
    if lemma != w:
        return lemma
    for ending, forms in ld.participles.items():
        for f in sorted(forms, key=len, reverse=True):
            if fold(w).endswith(f) and len(w) > len(f) + 2:
                return w[: -len(f)] + ending
    return w


def _make_verb(t: Any, aux: Any, lemma: str) -> None:
    """The participle becomes the verb; when the parser made the auxiliary the head, the participle
    takes its place and its dependents ("Le Niger a/ROOT expulsé/ADV des diplomates")."""
    t.pos_ = "VERB"
    t.lemma_ = lemma
    if t.head.i != aux.i:
        return
    _take_place(t, aux)
    aux.pos_ = "AUX"
    aux.dep_ = "aux:tense"


def _make_head(v: Any, noun: Any) -> None:
    """The support verb takes the noun's place in the tree and the noun becomes its object."""
    _take_place(v, noun)
    noun.dep_ = "obj"


def _take_place(new: Any, old: Any) -> None:
    """`new` takes `old`'s place in the tree (its head, label and other dependents); `old` then
    hangs on `new`, its label left for the caller to set."""
    old_is_root = old.head.i == old.i
    dep = old.dep_
    for c in list(old.children):
        if c.i != new.i:
            c.head = new
    new.head = new if old_is_root else old.head
    new.dep_ = dep
    old.head = new

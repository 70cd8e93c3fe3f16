"""Per-language trigger lexicons: `data/lexicons/<lang>/<type>.yaml`, one file per PLOVER type.

Entry schema (all keys but `id` and `lemmas` optional):
  id: unique within the file; the rule name is `<lang>/<file>#<id>`
  lemmas: lemmas (or folded forms) of the trigger word
  pos: verb | noun
  mode: the PLOVER mode the words say
  source / target: argument slots, in order of preference: subj, obj, iobj, dative, agent, self, amod,
    governor, or a preposition (con, with, de, of, entre, between, ...)
  requires: at least one of these lemmas must sit in the trigger's phrase (its children, grandchildren
    or the trigger itself): "amenazar" + "muerte", "firmar" + "acuerdo"
  requires_also: a second requirement of the same kind
  requires_if_lemma: {lemma: [...]} a requirement that applies only when the trigger is that lemma;
    with `sense_by_arguments`, met also by a verb with neither object nor clause
  sense_by_arguments: the lemmas of `requires_if_lemma` whose requirement a bare verb meets: the
    verb's arguments tell its sense ("500.000 funcionarios manifestaron en las calles" demonstrate;
    "manifestó su apoyo", "manifestó que..." say)
  excludes_if_lemma: {lemma: [...]} the entry does not apply to that lemma when one of these words
    follows the trigger ("called on member states", "called for talks" are no phone calls;
    "called Erdogan on Monday" is one)
  excludes: the entry does not apply when one of these lemmas is a word of the trigger itself (a
    child): "se retiró" leaves, "retiró a su embajador" recalls him
  requires_target: no event without a target actor
  light_only: a noun that is an event only as the object of a support verb (sostener una
    conversación, hold talks) or of a verb that is itself a trigger
  standalone: a noun that is an event on its own when an actor fills one of its slots
  participle_of: the entry fires on a participle modifying one of these nouns ("el acuerdo firmado")
  target_from_subject: the subject is the one the event happened to ("resultaron heridos")
  requires_subject_sector: the source must have one of these sectors
  requires_target_sector: the target must have one of these sectors ("withdrew from the WHO" leaves
    an organisation: PLOVER's SANCTION withdraw; "withdrew from Kherson" is a RETREAT)
  object_is_actor: the direct object, when there is one, must itself name an actor ("welcomed the
    Japanese prime minister" is hosting; "welcomed President Reagan's statement" is praise)
A type file may carry `mode_cues`: lemma -> mode, used when an entry has no fixed mode.
A type file may carry `yields_to`: {other type: condition}: when one word fires an entry of this type
  and one of the other type, the other wins where its event meets the condition (`recipient`: its
  target is another country, named as such). MOBILIZE yields to AID: troops sent to a country that
  receives them are military aid, sent to a border or a region a deployment (events/choose.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..datafiles import Problem, data_dir, item_lines, line_of, load_yaml, overlay_dir, raise_problems
from ..nlp.langdata import available_languages, load_langdata
from ..textutil import fold
from .ontology import EventType, load_ontology

KEYS = frozenset(
    [
        "id",
        "lemmas",
        "pos",
        "mode",
        "source",
        "target",
        "requires",
        "requires_also",
        "requires_if_lemma",
        "sense_by_arguments",
        "excludes_if_lemma",
        "excludes",
        "requires_target",
        "light_only",
        "standalone",
        "participle_of",
        "target_from_subject",
        "requires_subject_sector",
        "requires_target_sector",
        "object_is_actor",
    ]
)
# The conditions a `yields_to` may name (events/choose.py tests them).
YIELD_CONDITIONS = frozenset({"recipient"})
DEFAULT_SLOTS = {
    "verb": (("subj",), ("obj", "iobj", "dative")),
    # a noun's source slots name the language's prepositions: `noun_source_slots` in data/lang/<lang>.yaml
    "noun": (("governor", "amod", "poss"), ()),
}


@dataclass(frozen=True, slots=True)
class Entry:
    rule: str
    type: str
    lemmas: frozenset[str]
    pos: str
    mode: str | None
    source: tuple[str, ...]
    target: tuple[str, ...]
    requires: frozenset[str]
    requires_also: frozenset[str]
    requires_if_lemma: dict[str, frozenset[str]]
    requires_target: bool
    light_only: bool
    standalone: bool
    participle_of: frozenset[str]
    target_from_subject: bool
    requires_subject_sector: frozenset[str]
    mode_cues: dict[str, str]
    object_is_actor: bool = False
    yields_to: dict[str, str] = field(default_factory=dict)
    sense_by_arguments: bool = False
    excludes_if_lemma: dict[str, frozenset[str]] = field(default_factory=dict)
    excludes: frozenset[str] = frozenset()
    requires_target_sector: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    entries: tuple[Entry, ...]
    by_lemma: dict[str, tuple[Entry, ...]]
    participle_keys: frozenset[str] = frozenset()  # regular participles of verbal triggers (cheap pass)

    def lookup(self, *keys: str) -> list[Entry]:
        seen: dict[str, Entry] = {}
        for k in keys:
            for e in self.by_lemma.get(fold(k), ()):
                seen.setdefault(e.rule, e)
        return list(seen.values())

    @property
    def trigger_keys(self) -> frozenset[str]:
        return frozenset(self.by_lemma) | self.participle_keys


def _fset(v: object) -> frozenset[str]:
    return frozenset(fold(str(x)) for x in (v or []))  # type: ignore[attr-defined]


def load_lexicon(lang: str) -> Lexicon:
    """The packaged trigger lexicon of a language, with the user's own entries (`$ALIANZA_KB`:
    DIR/lexicons/LANG/*.yaml) merged over it; raises DataError listing every problem."""
    return _load_lexicon(lang, overlay_dir())


@cache
def _load_lexicon(lang: str, overlay: Path | None) -> Lexicon:
    entries, problems = lexicon_entries(lang, overlay)
    raise_problems(problems)
    index: dict[str, list[Entry]] = defaultdict(list)
    for en in entries:
        for lem in en.lemmas:
            index[lem].append(en)
    return Lexicon(lang, tuple(entries), {k: tuple(v) for k, v in index.items()}, _participles(lang, entries))


def _yields(raw: object, ontology: dict[str, EventType], path: str, problems: list[Problem]) -> dict[str, str]:
    """A type file's `yields_to`, checked: PLOVER types to known conditions."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.append(Problem(path, 0, "yields_to: must map PLOVER types to conditions"))
        return {}
    out: dict[str, str] = {}
    for other, cond in raw.items():
        if other not in ontology:
            problems.append(Problem(path, 0, f"yields_to: {other!r} is not a PLOVER type"))
        elif cond not in YIELD_CONDITIONS:
            problems.append(Problem(path, 0, f"yields_to: condition {cond!r} is not one of {sorted(YIELD_CONDITIONS)}"))
        else:
            out[str(other)] = str(cond)
    return out


def lexicon_entries(lang: str, overlay: Path | None = None) -> tuple[list[Entry], list[Problem]]:
    """Every entry of the packaged files, then of the user's: an entry with the rule of a packaged
    one (same file name and id) replaces it, others are added. Problems name file and line."""
    problems: list[Problem] = []
    by_rule: dict[str, Entry] = {}
    folders = [data_dir() / "lexicons" / lang]
    if overlay is not None:
        folders.append(overlay / "lexicons" / lang)
    for folder in folders:
        for path in sorted(folder.glob("*.yaml")):
            for e in lexicon_file(path, lang, problems):
                by_rule[e.rule] = e
    return list(by_rule.values()), problems


def lexicon_file(path: Path, lang: str, problems: list[Problem]) -> list[Entry]:
    """The entries of one lexicon file; its problems are appended to `problems`."""
    ontology = load_ontology()
    raw = load_yaml(path) or {}
    if not isinstance(raw, dict):
        problems.append(Problem(str(path), 1, "expected a mapping with type and entries"))
        return []
    etype = raw.get("type")
    if etype not in ontology:
        problems.append(
            Problem(str(path), 0, f"type {etype!r} is not a PLOVER type: expected one of {', '.join(ontology)}")
        )
        return []
    cues = {fold(k): v for k, v in (raw.get("mode_cues") or {}).items()}
    for m in cues.values():
        if m not in ontology[etype].modes:
            problems.append(Problem(str(path), 0, f"mode_cues: {m!r} is not a mode of {etype}"))
    yields = _yields(raw.get("yields_to"), ontology, str(path), problems)
    lines = item_lines(path, "entries")
    ids: set[str] = set()
    out: list[Entry] = []
    for i, e in enumerate(raw.get("entries") or []):
        line = line_of(lines, i)
        if not isinstance(e, dict):
            problems.append(Problem(str(path), line, f"entry #{i + 1}: expected a mapping with id and lemmas"))
            continue
        where = f"entry #{i + 1} ({e.get('id')!r})"
        unknown = set(e) - KEYS
        mode = e.get("mode")
        pos = e.get("pos", "verb")
        if unknown:
            problems.append(Problem(str(path), line, f"{where}: unknown keys {sorted(unknown)}"))
        if not e.get("id") or e["id"] in ids or not e.get("lemmas"):
            problems.append(Problem(str(path), line, f"{where}: needs a unique id and lemmas"))
            continue
        if mode is not None and mode not in ontology[etype].modes:
            modes = ", ".join(ontology[etype].modes)
            problems.append(Problem(str(path), line, f"{where}: mode {mode!r} is not a mode of {etype} ({modes})"))
        if pos not in DEFAULT_SLOTS:
            problems.append(Problem(str(path), line, f"{where}: pos must be verb or noun"))
            continue
        ids.add(e["id"])
        out.append(_entry(e, etype, pos, mode, cues, yields, f"{lang}/{path.name}#{e['id']}", _noun_slots(lang)))
    return out


def _noun_slots(lang: str) -> tuple[str, ...] | None:
    """The language's default source slots of a noun trigger, or None for a folder of lexicons
    with no language file (the language-free slots of DEFAULT_SLOTS then)."""
    return load_langdata(lang).noun_source_slots if lang in available_languages() else None


def _entry(
    e: dict[str, Any],
    etype: str,
    pos: str,
    mode: str | None,
    cues: dict[str, str],
    yields: dict[str, str],
    rule: str,
    noun_slots: tuple[str, ...] | None = None,
) -> Entry:
    src, tgt = DEFAULT_SLOTS[pos]
    if pos == "noun" and noun_slots:
        src = noun_slots
    return Entry(
        rule=rule,
        type=etype,
        lemmas=_fset(e["lemmas"]),
        pos=pos,
        mode=mode,
        source=tuple(e.get("source") or src),
        target=tuple(e.get("target") or tgt),
        requires=_fset(e.get("requires")),
        requires_also=_fset(e.get("requires_also")),
        requires_if_lemma={fold(k): _fset(v) for k, v in (e.get("requires_if_lemma") or {}).items()},
        sense_by_arguments=bool(e.get("sense_by_arguments")),
        excludes_if_lemma={fold(k): _fset(v) for k, v in (e.get("excludes_if_lemma") or {}).items()},
        excludes=_fset(e.get("excludes")),
        requires_target=bool(e.get("requires_target")),
        light_only=bool(e.get("light_only")),
        standalone=bool(e.get("standalone")) or pos == "verb",
        participle_of=_fset(e.get("participle_of")),
        target_from_subject=bool(e.get("target_from_subject")),
        requires_subject_sector=frozenset(e.get("requires_subject_sector") or []),
        requires_target_sector=frozenset(e.get("requires_target_sector") or []),
        object_is_actor=bool(e.get("object_is_actor")),
        mode_cues=cues,
        yields_to=yields,
    )


def _participles(lang: str, entries: list[Entry]) -> frozenset[str]:
    from ..nlp.langdata import available_languages, load_langdata

    if lang not in available_languages():
        return frozenset()
    ld = load_langdata(lang)
    rules = ld.participles
    # the cheap pass must also keep "X said Y must ..." (events/modality.py, deontic clauses)
    out: set[str] = {w for w in ld.syntax.deontic_words if " " not in w}
    for e in entries:
        if e.pos != "verb":
            continue
        for lemma in e.lemmas:
            for ending, forms in rules.items():
                if lemma.endswith(ending) and len(lemma) > len(ending) + 1:
                    out.update(lemma[: -len(ending)] + f for f in forms)
    return frozenset(out)


def available_lexicons() -> list[str]:
    return sorted(p.name for p in (data_dir() / "lexicons").iterdir() if p.is_dir() and any(p.glob("*.yaml")))

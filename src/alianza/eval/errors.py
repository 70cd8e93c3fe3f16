"""`alianza eval --errors`: every miss and false alarm of a run as one row, with a reason class.

Why: a score says how much is wrong, not what. Rules are written for a *class* of error (sides the
knowledge base does not know, triggers the lexicon lacks, sentences the cheap pass skipped), so the
rows carry a reason class told from what the run left behind, and `reason_counts` counts them.

Reason classes of a miss (a required gold event no system event matched), first that applies:
- `lost in cheap pass`: its sentence was never parsed (no trigger key in it);
- `wrong country`: a system event of the same type is there, unmatched, with other countries;
- `wrong type`: an unmatched system event sits on the same trigger (or, lacking one, the same
  sentence) with another type;
- `trigger not in lexicon`: no word of the gold trigger is a lexicon key;
- `no source named`: gold names no source ("las protestas continuaron"), and the coder codes no
  event without one;
- `no side`: the gold source's words name no actor the resolver finds;
- `coder rejected`: trigger and side are known, the coder's argument or modality rules said no.
Reason classes of a false alarm (a system event no gold event matched):
- `wrong type` / `wrong country`: the counterparts of the above;
- `extra of a found event`: gold has this type in the record and it was matched already;
- `no gold event`: nothing in gold is like it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import IO, Any

from ..actors import ArticleContext, find_mentions
from ..nlp.sentences import split_sentences
from ..pipeline import Resources, _fast_lemma, is_candidate
from ..textutil import fold, words
from ..types import CodedArticle, Sentence
from .score import event_match, greedy

Json = dict[str, Any]
COLUMNS = ("dataset", "record", "kind", "reason", "type", "gold", "system", "trigger", "sentence")


def _side(e: Json, side: str) -> str:
    s = e.get(side) or {}
    bits = [s.get("country") or "", s.get("sector") or ""]
    label = "/".join(b for b in bits if b)
    text = s.get("text") or ""
    return f"{label} '{text}'" if text else label or "-"


def brief(e: Json) -> str:
    """`TYPE source -> target`, each side as country/sector and its words."""
    return f"{e.get('type')} {_side(e, 'source')} -> {_side(e, 'target')}"


def _sys_trigger(e: Json) -> str:
    ev = e.get("evidence")
    return str(ev.get("trigger") or "") if isinstance(ev, dict) else ""


def _sys_sentence(e: Json) -> str:
    ev = e.get("evidence")
    return str(ev.get("text") or "") if isinstance(ev, dict) else ""


def _toks(text: str) -> set[str]:
    return {fold(w) for _s, _e, w in words(text or "") if len(w) > 2}


def _sentence_of(anchor: str, sentences: list[Sentence]) -> Sentence | None:
    key = fold(anchor)[:30]
    for s in sentences:
        if key and key in fold(s.text):
            return s
    return sentences[0] if len(sentences) == 1 else None


def _same_place(sys: Json, gold: Json, sent: Sentence | None) -> bool:
    """A system event on the gold event's trigger, or (no trigger to compare) in its sentence."""
    gt, st = _toks(gold.get("trigger") or ""), _toks(_sys_trigger(sys))
    if gt and st:
        return bool(gt & st)
    return sent is not None and fold(_sys_sentence(sys))[:40] in fold(sent.text)


def _in_lexicon(trigger: str, lang: str, res: Resources) -> bool:
    keys = res.lexicon(lang).trigger_keys
    for _s, _e, w in words(trigger):
        w = w.rstrip(".") or w
        if fold(w) in keys or fold(_fast_lemma(w.lower(), lang)) in keys:
            return True
    return False


def _names_actor(text: str, lang: str, res: Resources) -> bool:
    return bool(text) and bool(find_mentions(text, lang, res.kb, ArticleContext()))


def miss_reason(gold: Json, unmatched_sys: list[Json], coded: CodedArticle, res: Resources) -> str:
    lang = coded.article.lang or ""
    sentences = split_sentences(coded.article.text)
    anchor = gold.get("evidence") or gold.get("trigger") or ""
    sent = _sentence_of(anchor, sentences) if anchor else None
    if sent is not None and res.codes(lang) and not is_candidate(sent, lang, res.lexicon(lang)):
        return "lost in cheap pass"
    if any(s.get("type") == gold.get("type") for s in unmatched_sys):
        return "wrong country"
    if any(_same_place(s, gold, sent) for s in unmatched_sys):
        return "wrong type"
    if gold.get("trigger") and res.codes(lang) and not _in_lexicon(gold["trigger"], lang, res):
        return "trigger not in lexicon"
    src = (gold.get("source") or {}).get("text") or ""
    if not src:
        return "no source named"
    if res.codes(lang) and not _names_actor(src, lang, res):
        return "no side"
    return "coder rejected"


def alarm_reason(sys: Json, gold: list[Json], matched_g: set[int], coded: CodedArticle) -> str:
    sentences = split_sentences(coded.article.text)
    free = [g for j, g in enumerate(gold) if j not in matched_g and g.get("required", True)]
    if any(g.get("type") == sys.get("type") for g in free):
        return "wrong country"
    for g in free:
        anchor = g.get("evidence") or g.get("trigger") or ""
        if _same_place(sys, g, _sentence_of(anchor, sentences) if anchor else None):
            return "wrong type"
    if any(gold[j].get("type") == sys.get("type") for j in matched_g):
        return "extra of a found event"
    return "no gold event"


def record_errors(rec_id: str, system: list[Json], gold: list[Json], coded: CodedArticle, res: Resources) -> list[Json]:
    """The rows of one record: its misses and false alarms, scored as `score_record` scores them."""
    pairs = greedy(system, gold, lambda s, g: event_match(s, g)[0])
    matched_s = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    # a found gold event that is not required is no false alarm either
    unmatched_sys = [s for i, s in enumerate(system) if i not in matched_s]
    rows: list[Json] = []
    sentences = split_sentences(coded.article.text)
    for j, g in enumerate(gold):
        if j in matched_g or not g.get("required", True):
            continue
        anchor = g.get("evidence") or g.get("trigger") or ""
        sent = _sentence_of(anchor, sentences) if anchor else None
        rows.append(
            {
                "record": rec_id,
                "kind": "miss",
                "reason": miss_reason(g, unmatched_sys, coded, res),
                "type": g.get("type"),
                "gold": brief(g),
                "system": "; ".join(brief(s) for s in unmatched_sys if _same_place(s, g, sent)),
                "trigger": g.get("trigger") or "",
                "sentence": sent.text if sent else "",
            }
        )
    for s in unmatched_sys:
        rows.append(
            {
                "record": rec_id,
                "kind": "false alarm",
                "reason": alarm_reason(s, gold, matched_g, coded),
                "type": s.get("type"),
                "gold": "",
                "system": f"{brief(s)} ({s.get('rule') or ''})",
                "trigger": _sys_trigger(s),
                "sentence": _sys_sentence(s),
            }
        )
    return rows


def reason_counts(rows: Iterable[Json]) -> Counter[tuple[str, str, str]]:
    """(dataset, kind, reason) -> rows: the classes of error of a run, to count before writing a rule."""
    return Counter((str(r.get("dataset") or "-"), r["kind"], r["reason"]) for r in rows)


def _cell(v: Any) -> str:
    return " ".join(str(v if v is not None else "").split())


def write_rows(rows: list[Json], out: IO[str], fmt: str) -> None:
    """TSV (a header, one row a line, tabs and newlines in cells folded to spaces) or JSONL."""
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    out.write("\t".join(COLUMNS) + "\n")
    for r in rows:
        out.write("\t".join(_cell(r.get(c)) for c in COLUMNS) + "\n")

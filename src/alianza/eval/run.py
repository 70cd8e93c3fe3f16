"""`alianza eval`: code every gold record with the real pipeline and score it."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import AlianzaError
from ..pipeline import Resources, code_article
from ..records import Home, Record, code_records, parse_record, record_article, record_homes
from ..serialize import article_json, event_json
from ..textutil import fold
from ..types import CodedArticle
from .errors import record_errors
from .pages import page_article, page_text
from .score import Scores, check_article, score_record


def _json_lines(path: Path, what: str) -> Iterator[tuple[int, Any]]:
    """(line number, value) of every non-blank line of a JSONL file; an unreadable file or a line
    that is not JSON is an error naming the file, the line and the reason."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise AlianzaError(f"{path}: cannot read {what}: {err}") from err
    for no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield no, json.loads(line)
        except json.JSONDecodeError as err:
            raise AlianzaError(f"{path}:{no}: not JSON: {err.msg}") from err


def read_gold(path: Path) -> list[dict[str, Any]]:
    records = []
    for no, rec in _json_lines(path, "gold file"):
        if not isinstance(rec, dict) or not ("text" in rec or "page" in rec):
            raise AlianzaError(f"{path}:{no}: a gold record needs 'text' (or a 'page' file)")
        if "events" not in rec and "article" not in rec:
            raise AlianzaError(f"{path}:{no}: a gold record needs 'events' (or, for a page, 'article')")
        if "page" in rec:
            rec = {**rec, "text": page_text(rec, path)}
        records.append(rec)
    return records


def read_system(path: Path) -> list[dict[str, Any]]:
    """The lines of a `code --jsonl` output: {id, events} each."""
    out = []
    for no, row in _json_lines(path, "system output"):
        if not isinstance(row, dict) or not isinstance(row.get("events"), list):
            raise AlianzaError(f"{path}:{no}: a system line needs an 'events' list (the shape of `code --jsonl`)")
        out.append(row)
    return out


def match_system(records: list[dict[str, Any]], rows: list[dict[str, Any]], path: Path) -> list[list[dict[str, Any]]]:
    """Each gold record's system events: by id when every gold record has its own id, else by order."""
    ids = [rec.get("id") for rec in records]
    if all(i is not None for i in ids) and len({str(i) for i in ids}) == len(ids):
        by_id = {str(r.get("id")): r["events"] for r in rows}
        lacking = [str(i) for i in ids if str(i) not in by_id]
        if lacking:
            raise AlianzaError(f"{path}: no line for gold record {lacking[0]!r} ({len(lacking)} records lack one)")
        return [by_id[str(i)] for i in ids]
    if len(rows) != len(records):
        raise AlianzaError(f"{path}: {len(rows)} lines for {len(records)} gold records without unique ids")
    return [r["events"] for r in rows]


def _code_or_read(
    parsed: list[Record], records: list[dict[str, Any]], res: Resources, path: Path, home: Home, system: Path | None
) -> tuple[list[CodedArticle], list[list[dict[str, Any]]]]:
    """The coded articles and system events of one gold file: coded here, or read from `system`
    (then the articles are only prepared, for the error table, and carry no events of their own)."""
    if system is None:
        # the same path as `alianza code --jsonl` (records.py): one input, one source
        coded = [c for _r, c in code_records(parsed, res, input_name=path.stem, home=home)]
        return coded, [[event_json(e) for e in c.events] for c in coded]
    events = match_system(records, read_system(system), system)
    return [CodedArticle(article=record_article(r), events=()) for r in parsed], events


def evaluate(
    paths: list[Path],
    res: Resources,
    details: bool = False,
    error_rows: list[dict[str, Any]] | None = None,
    home: Home = "input",
    systems: list[Path] | None = None,
) -> dict[str, Any]:
    """Score every gold file; `error_rows`, when given, receives every miss and false alarm (eval/errors.py).

    Args:
        home: the source home country of each record (`records.code_records`): `input` gives the
            records of one gold file one home country, `record` none.
        systems: one `code --jsonl` output per gold file, in order, scored as it is instead of coding
            the gold texts (the cheap-pass counts are then 0: nothing was coded here).

    Raises:
        AlianzaError: a gold or system file cannot be read, or does not fit its partner.
    """
    if systems is not None and len(systems) != len(paths):
        raise AlianzaError(f"{len(systems)} system files for {len(paths)} gold files: give one per gold file, in order")
    by_dataset: dict[str, Scores] = defaultdict(Scores)
    overall = Scores()
    errors: list[dict[str, Any]] = []
    for k, path in enumerate(paths):
        records = read_gold(path)
        pages = [r for r in records if "events" not in r]
        records = [r for r in records if "events" in r]
        for rec in pages:
            name = rec.get("dataset") or path.stem
            page = page_article(rec["text"], lang=rec.get("lang"), source=rec.get("id"))
            for sc in (by_dataset[name], overall):
                sc.records += 1
                fails = check_article(sc, article_json(page), rec["article"])
            if fails:
                errors.append({"id": rec.get("id"), "article_fields_failed": fails})
        try:
            parsed = [parse_record(rec) for rec in records]
        except ValueError as err:
            raise AlianzaError(f"{path}: {err}") from err
        system_path = systems[k] if systems is not None else None
        coded_all, system_all = _code_or_read(parsed, records, res, path, home, system_path)
        homes = record_homes(parsed, [c.article for c in coded_all], res, path.stem, home)
        for rec, coded, rec_home, system in zip(records, coded_all, homes, system_all, strict=True):
            name = rec.get("dataset") or path.stem
            gold = rec["events"]
            missed: list[int] = []
            for sc in (by_dataset[name], overall):
                missed = score_record(sc, system, gold)
                if "article" in rec:
                    fails = check_article(sc, article_json(coded.article), rec["article"])
                    if fails and sc is overall:
                        errors.append({"id": rec.get("id"), "article_fields_failed": fails})
            skipped = (
                [j for j in missed if _in_skipped_sentence(rec, gold[j], coded, res)] if system_path is None else []
            )
            lost = (
                _lost_by_cheap_pass(coded.article, res, rec_home, gold, missed)
                if missed and coded.parsed < coded.sentences
                else 0
            )
            for sc in (by_dataset[name], overall):
                sc.missed_in_skipped += len(skipped)
                sc.lost_by_cheap_pass += lost
            if error_rows is not None:
                for row in record_errors(str(rec.get("id")), system, gold, coded, res):
                    error_rows.append({"dataset": name, **row})
            if details:
                errors.append(
                    {"id": rec.get("id"), "system": [_brief(e) for e in system], "gold": [_brief(g) for g in gold]}
                )
    macro = [s.event.f1 for s in by_dataset.values() if s.event_records]
    out: dict[str, Any] = {
        "datasets": {k: v.as_json() for k, v in sorted(by_dataset.items())},
        "overall": overall.as_json(),
        "macro_event_f1": round(sum(macro) / len(macro), 4) if macro else 0.0,
    }
    if errors:
        out["details"] = errors
    return out


def _brief(e: dict[str, Any]) -> str:
    s, t = e.get("source") or {}, e.get("target") or {}
    ev = e.get("evidence")
    # system events carry an evidence object; gold events may carry the evidence text itself
    trig = (
        (ev.get("trigger") if isinstance(ev, dict) else None) or e.get("trigger") or (ev if isinstance(ev, str) else "")
    )
    return f"{e.get('type')} {s.get('country')}/{s.get('sector')} -> {t.get('country')}/{t.get('sector')} [{trig}]"


def _lost_by_cheap_pass(
    art: Any, res: Resources, home: str | None, gold: list[dict[str, Any]], missed: list[int]
) -> int:
    """How many of the record's missed gold events a parse of every sentence codes: what the cheap
    pass itself costs (a skipped sentence, or the pro-drop subject it would have set), as against
    what the coder misses anyway."""
    full = code_article(art, res, source_home=home, parse_all=True)
    still = set(score_record(Scores(), [event_json(e) for e in full.events], gold))
    return sum(1 for j in missed if j not in still)


def _in_skipped_sentence(rec: dict[str, Any], gold: dict[str, Any], coded: Any, res: Resources) -> bool:
    """Was this gold event in a sentence the cheap pass did not send to spaCy?"""
    from ..nlp.sentences import split_sentences

    anchor = gold.get("evidence") or gold.get("trigger")
    lang = coded.article.lang
    if not anchor or not res.codes(lang):
        return False
    for s in split_sentences(coded.article.text):
        if fold(anchor)[:30] in fold(s.text):
            return s.index not in coded.parsed_sentences
    return False

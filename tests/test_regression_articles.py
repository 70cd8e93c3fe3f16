"""Regression articles of our own (issue 13, item 5): realistic pages, chrome and all, from several
regions, each with the events a careful coder finds in it (tests/data/articles/expected.tsv).

The articles go through the same path as `alianza eval` and `alianza code --jsonl` (records.py):
cleaned as pages, coded, scored by the gold README's event match. Every `required` event must be
found; `optional` ones are neither rewarded nor punished; `pending` ones are known gaps, listed in
the test's output and not asserted (they are `required: false` to the scorer). The false alarms
of all articles together may not exceed FALSE_ALARM_CEILING, so precision cannot slip unseen.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from alianza.eval.run import evaluate
from alianza.pipeline import Resources

ARTICLES = Path(__file__).parent / "data" / "articles"
FALSE_ALARM_CEILING = 8  # a ratchet: lower it as rules land (14 at first, most of them sides without a country)
MIN_ARTICLES = 18
MIN_FOUND = 60  # required events found; rises with the required list (34 es/en + 26 fr)


def _expected() -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in (ARTICLES / "expected.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("#", 1)[0].rstrip("\t ").split("\t")
        art, etype, src, tgt, status = cols
        ev: dict[str, Any] = {"type": etype, "source": {}, "target": {}, "required": status == "required"}
        if src != "-":
            ev["source"]["country"] = src
        if tgt != "-":
            ev["target"]["country"] = tgt
        ev["status_in_test"] = status
        ev["note"] = line.split("#", 1)[1].strip() if "#" in line else ""
        out[art].append(ev)
    return out


def _gold_file(tmp_path: Path, res: Resources) -> Path:
    rows = []
    for art, events in sorted(_expected().items()):
        for ev in events:  # the gold README: a meeting's or an agreement's sides may be swapped
            ev["symmetric"] = res.ontology[ev["type"]].symmetric
        text = (ARTICLES / f"{art}.txt").read_text(encoding="utf-8")
        rows.append({"id": art, "lang": art[:2], "published": "2025-06-30", "text": text, "events": events})
    path = tmp_path / "regression.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_there_are_enough_articles_in_both_languages_and_each_has_expectations() -> None:
    pages = sorted(p.stem for p in ARTICLES.glob("*.txt"))
    assert len(pages) >= MIN_ARTICLES
    assert {p[:2] for p in pages} == {"es", "en", "fr"}
    assert set(pages) == set(_expected())
    for p in pages:  # chrome is part of the test: each page has more than its story
        assert (ARTICLES / f"{p}.txt").read_text(encoding="utf-8").count("\n\n") >= 4, p


def test_regression_articles_code_their_required_events(tmp_path: Path, res: Resources) -> None:
    rows: list[dict[str, Any]] = []
    result = evaluate([_gold_file(tmp_path, res)], res, details=True, error_rows=rows)
    misses = [f"{r['record']}: {r['gold']} ({r['reason']})" for r in rows if r["kind"] == "miss"]
    alarms = [f"{r['record']}: {r['system']}" for r in rows if r["kind"] == "false alarm"]
    pending = [(a, e) for a, evs in _expected().items() for e in evs if e["status_in_test"] == "pending"]
    print(f"pending (known gaps, not asserted): {len(pending)}")
    for art, e in pending:
        print(
            f"  {art}: {e['type']} {e['source'].get('country', '-')} -> {e['target'].get('country', '-')}: {e['note']}"
        )
    print("false alarms:", *alarms, sep="\n  ")
    assert not misses, "\n".join(misses)
    assert len(alarms) <= FALSE_ALARM_CEILING, "\n".join(alarms)
    assert result["datasets"]["regression"]["event"]["tp"] >= MIN_FOUND

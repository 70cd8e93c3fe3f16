"""`alianza eval --errors`: misses and false alarms of a run, each with its reason class (issue 13)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from alianza.cli import cli
from alianza.eval.errors import reason_counts
from alianza.eval.run import evaluate
from alianza.pipeline import Resources

# our own sentences; each gold event is built to fall in one reason class
RECORDS = [
    # found: no row
    {"id": "ok", "lang": "en", "text": "Peru signed a trade agreement with Chile on Monday.",
     "events": [{"type": "AGREE", "trigger": "signed", "source": {"text": "Peru", "country": "PER"},
                 "target": {"text": "Chile", "country": "CHL"}}]},
    # no trigger word in the sentence at all: never parsed
    {"id": "cheap", "lang": "en", "text": "Nepalese farmers filled the square of Kathmandu all morning.",
     "events": [{"type": "PROTEST", "trigger": "filled the square", "source": {"text": "Nepalese farmers"}}]},
    # right type, wrong country on the target: a miss and a false alarm of one class
    {"id": "country", "lang": "en", "text": "Peru signed a trade agreement with Chile on Monday.",
     "events": [{"type": "AGREE", "trigger": "signed", "source": {"text": "Peru", "country": "PER"},
                 "target": {"text": "Chile", "country": "BOL"}}]},
    # the system's event has no gold counterpart
    {"id": "alarm", "lang": "en", "text": "Ghana announced an agreement with Togo on fishing rights.", "events": []},
]  # fmt: skip


def _gold(tmp_path: Path) -> Path:
    path = tmp_path / "mine-en.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return path


def test_every_miss_and_false_alarm_is_a_row_with_its_reason(tmp_path: Path, res: Resources) -> None:
    rows: list[dict[str, object]] = []
    result = evaluate([_gold(tmp_path)], res, error_rows=rows)
    ev = result["datasets"]["mine-en"]["event"]
    by_record = {(r["record"], r["kind"]): r for r in rows}
    assert ("ok", "miss") not in by_record and ("ok", "false alarm") not in by_record
    assert by_record[("cheap", "miss")]["reason"] == "lost in cheap pass"
    assert by_record[("country", "miss")]["reason"] == "wrong country"
    assert by_record[("country", "false alarm")]["reason"] == "wrong country"
    assert by_record[("alarm", "false alarm")]["reason"] == "no gold event"
    # the rows are the score's own misses and false alarms, no more and no fewer
    assert sum(r["kind"] == "miss" for r in rows) == ev["fn"]
    assert sum(r["kind"] == "false alarm" for r in rows) == ev["fp"]
    assert reason_counts(rows)[("mine-en", "miss", "lost in cheap pass")] == 1


def test_cli_writes_the_table_as_tsv_or_jsonl(tmp_path: Path) -> None:
    gold = _gold(tmp_path)
    tsv, jsonl = tmp_path / "errors.tsv", tmp_path / "errors.jsonl"
    run = CliRunner().invoke(cli, ["eval", str(gold), "--errors", str(tsv)])
    assert run.exit_code == 0, run.output
    assert "lost in cheap pass" in run.output  # the counted classes follow the score table
    with tsv.open(encoding="utf-8") as f:
        table = list(csv.DictReader(f, delimiter="\t"))
    assert {r["record"] for r in table} == {"cheap", "country", "alarm"}
    assert all(r["dataset"] == "mine-en" and r["reason"] for r in table)
    run = CliRunner().invoke(cli, ["eval", str(gold), "--errors", str(jsonl)])
    assert run.exit_code == 0, run.output
    lines = [json.loads(x) for x in jsonl.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len(table) and {x["kind"] for x in lines} == {"miss", "false alarm"}

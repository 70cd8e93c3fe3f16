"""`alianza eval` and `alianza code --jsonl` code a record identically (issue 13, item 4: one path).

Every dev file is coded both ways: all its records when it is short, else every k-th record up to
SAMPLE (a full run of all dev files both ways takes ~20 s; the sample keeps this test at a few
seconds). Both paths see the same sampled file, so its home-country tally is the same too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from alianza.cli import cli
from alianza.eval.run import _brief, evaluate
from alianza.pipeline import Resources
from alianza.records import is_page, parse_record

from .conftest import GOLD

SAMPLE = 40
DEV = sorted(GOLD.glob("*.jsonl")) if GOLD.is_dir() else []


def _sample(path: Path, tmp_path: Path) -> Path:
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    step = max(1, len(lines) // SAMPLE)
    out = tmp_path / path.name
    out.write_text("\n".join(lines[::step][:SAMPLE]) + "\n", encoding="utf-8")
    return out


@pytest.mark.skipif(not DEV, reason="no ../shared/gold/dev beside this checkout")
@pytest.mark.parametrize("path", DEV, ids=[p.stem for p in DEV])
def test_eval_and_code_jsonl_code_every_record_alike(path: Path, tmp_path: Path, res: Resources) -> None:
    sample = _sample(path, tmp_path)
    via_eval = [d["system"] for d in evaluate([sample], res, details=True)["details"] if "system" in d]
    run = CliRunner().invoke(cli, ["code", "--jsonl", str(sample)])
    assert run.exit_code == 0, run.output
    via_code = [[_brief(e) for e in json.loads(x)["events"]] for x in run.stdout.splitlines()]
    assert len(via_code) == len(via_eval)
    assert via_code == via_eval
    assert any(via_eval), "the sample codes no event at all: the comparison would prove nothing"


def test_a_text_in_paragraphs_is_a_page_and_one_paragraph_is_not() -> None:
    assert is_page("Título de la nota\n\nCuerpo de la nota, con su primer párrafo.")
    assert not is_page("Los mineros de Oruro marcharon hacia La Paz el martes.\n")
    assert not is_page("A headline\nand a hard-wrapped line below it")


def test_a_bad_record_is_named() -> None:
    with pytest.raises(ValueError, match="'text' string"):
        parse_record({"id": 3})
    with pytest.raises(ValueError, match="date string"):
        parse_record({"text": "x", "published": 2024})
    with pytest.raises(ValueError):
        parse_record({"text": "x", "published": "mañana"})
    rec = parse_record({"id": 7, "text": "x", "published": "2024-05-01T10:00:00Z", "site": "diario.bo"})
    assert (rec.id, rec.published and rec.published.isoformat(), rec.source) == ("7", "2024-05-01", "diario.bo")

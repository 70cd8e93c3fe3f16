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


@pytest.mark.skipif(not (GOLD / "up-fight-es.jsonl").exists(), reason="no ../shared/gold/dev beside this checkout")
def test_eval_and_code_jsonl_alike_with_no_home_country(tmp_path: Path, res: Resources) -> None:
    sample = _sample(GOLD / "up-fight-es.jsonl", tmp_path)
    got = evaluate([sample], res, details=True, home="record")["details"]
    via_eval = [d["system"] for d in got if "system" in d]
    run = CliRunner().invoke(cli, ["code", "--jsonl", str(sample), "--home", "record"])
    assert run.exit_code == 0, run.output
    assert [[_brief(e) for e in json.loads(x)["events"]] for x in run.stdout.splitlines()] == via_eval


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


# Twenty-four short dispatches of our own from one Bolivian source: enough places (HomeTally: 20 or
# more, 60% agreeing) for the input to have a home country; the last names no place at all.
_BOLIVIAN_WIRE = [
    f"Los vecinos de {town} celebraron la fiesta patronal el {day} de mayo."
    for town in ("La Paz", "Cochabamba", "Santa Cruz")
    for day in (3, 6, 9, 12, 15, 18, 21, 24)
] + ["Los mineros marcharon contra el Gobierno para exigir un aumento salarial."]


def _bolivian_input(tmp_path: Path) -> Path:
    path = tmp_path / "wire.jsonl"
    rows = [{"id": str(i), "lang": "es", "published": "2025-05-30", "text": t} for i, t in enumerate(_BOLIVIAN_WIRE)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _protest_sources(out: str) -> list[str | None]:
    last = json.loads(out.splitlines()[-1])
    return [(e["source"] or {}).get("country") for e in last["events"] if e["type"] == "PROTEST"]


def test_home_input_gives_the_inputs_country_and_home_record_none(tmp_path: Path) -> None:
    path = _bolivian_input(tmp_path)
    by_input = CliRunner().invoke(cli, ["code", "--jsonl", str(path)])
    by_record = CliRunner().invoke(cli, ["code", "--jsonl", str(path), "--home", "record"])
    assert by_input.exit_code == 0 and by_record.exit_code == 0, by_input.output + by_record.output
    assert _protest_sources(by_input.stdout) == ["BOL"]
    assert _protest_sources(by_record.stdout) and "BOL" not in _protest_sources(by_record.stdout)
    # the default is the input's home, as before --home existed
    assert CliRunner().invoke(cli, ["code", "--jsonl", str(path), "--home", "input"]).stdout == by_input.stdout


def _gold_of_own(tmp_path: Path) -> Path:
    """A gold file of our own: the Bolivian input with the miners' protest as its one gold event."""
    path = tmp_path / "gold.jsonl"
    rows = [
        {
            "id": str(i),
            "lang": "es",
            "published": "2025-05-30",
            "text": t,
            "events": [{"type": "PROTEST", "source": {"text": "Los mineros", "country": "BOL", "sector": "LAB"}}]
            if i == len(_BOLIVIAN_WIRE) - 1
            else [],
        }
        for i, t in enumerate(_BOLIVIAN_WIRE)
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("home", ["input", "record"])
def test_eval_system_scores_a_code_jsonl_output_as_eval_codes_it(tmp_path: Path, home: str) -> None:
    gold = _gold_of_own(tmp_path)
    out = CliRunner().invoke(cli, ["code", "--jsonl", str(gold), "--home", home])
    assert out.exit_code == 0, out.output
    system = tmp_path / "system.jsonl"
    system.write_text(out.stdout, encoding="utf-8")
    direct = CliRunner().invoke(cli, ["eval", str(gold), "--home", home, "--json"])
    scored = CliRunner().invoke(cli, ["eval", str(gold), "--system", str(system), "--json"])
    assert direct.exit_code == 0 and scored.exit_code == 0, direct.output + scored.output
    a, b = json.loads(direct.stdout)["overall"], json.loads(scored.stdout)["overall"]
    assert a["event"] == b["event"] and a["type"] == b["type"]
    assert a["event"]["tp"] == (1 if home == "input" else 0)


def test_eval_system_names_a_file_that_does_not_fit(tmp_path: Path) -> None:
    gold = _gold_of_own(tmp_path)
    short = tmp_path / "short.jsonl"
    short.write_text(json.dumps({"id": "0", "events": []}) + "\n", encoding="utf-8")
    run = CliRunner().invoke(cli, ["eval", str(gold), "--system", str(short)])
    assert run.exit_code != 0 and "no line for gold record '1'" in run.output
    run = CliRunner().invoke(cli, ["eval", str(gold), str(gold), "--system", str(short)])
    assert run.exit_code != 0 and "one per gold file" in run.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "0"}\n', encoding="utf-8")
    run = CliRunner().invoke(cli, ["eval", str(gold), "--system", str(bad)])
    assert run.exit_code != 0 and "bad.jsonl:1" in run.output and "'events' list" in run.output

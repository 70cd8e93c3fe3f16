"""Issue 18: users' own knowledge (--kb-dir / $ALIANZA_KB) in the packaged formats, merged over the
packaged data, and `alianza kb validate` listing every problem with file, line and reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from alianza.actors.kb import build_kb
from alianza.cli import cli
from alianza.events.lexicon import lexicon_entries

# A person, a group, a place and a trigger verb of our own invention.
PEOPLE = """version: 1
people:
  - name: Amara Okonkwo-Reyes
    roles:
      - {country: NGA, sector: GOV, role: foreign minister, from: 2024-01-01}
"""
BAD_PEOPLE = (
    PEOPLE
    + """  - name: Nobody Known
    roles:
      - {country: XXX, sector: GOV, from: 2020}
"""
)
GROUPS = """version: 1
groups:
  - {country: MOZ, sector: REB, org: ASWJ, names: {"*": [Ahlu Sunnah Wa-Jama]}}
"""
LEXICON = """version: 1
lang: en
type: CONSULT
entries:
  - {id: parley, lemmas: [parley], pos: verb, mode: visit, target: [with, obj], requires_target: true}
"""
BAD_LEXICON = LEXICON + "  - {id: huddle, lemmas: [huddle], pos: verb, mode: hug}\n  - {lemmas: [confab]}\n"
RECORD = {
    "id": "1",
    "text": "The Ghanaian president parleyed with Nigerian rebels in Port Quillan on Monday.",
    "lang": "en",
    "published": "2025-02-05",
}
PERSON = {
    "id": "2",
    "text": "Amara Okonkwo-Reyes met the Ghanaian president in Accra on Monday.",
    "lang": "en",
    "published": "2025-02-05",
}


def make_kb(root: Path, people: str = PEOPLE, lexicon: str = LEXICON) -> Path:
    (root / "actors").mkdir(parents=True)
    (root / "lexicons" / "en").mkdir(parents=True)
    (root / "actors" / "people.yaml").write_text(people, encoding="utf-8")
    (root / "actors" / "groups.yaml").write_text(GROUPS, encoding="utf-8")
    (root / "actors" / "places.tsv").write_text("Port Quillan\tNGA\tcity\t6.5\t3.4\n", encoding="utf-8")
    (root / "lexicons" / "en" / "consult.yaml").write_text(lexicon, encoding="utf-8")
    return root


def test_validate_lists_every_problem_with_file_line_and_reason(tmp_path: Path) -> None:
    kb = make_kb(tmp_path / "kb", BAD_PEOPLE, BAD_LEXICON)
    (kb / "actors" / "peoples.yaml").write_text("people: []\n", encoding="utf-8")
    (kb / "actors" / "metonyms.tsv").write_text("*\tThe Palace\tNGA\n", encoding="utf-8")
    out = CliRunner().invoke(cli, ["kb", "validate", str(kb)])
    assert out.exit_code == 1
    lines = out.stdout.splitlines()
    assert f"{kb}/actors/people.yaml:6: person #2 'Nobody Known'" in "\n".join(lines)
    assert any(x.startswith(f"{kb}/actors/peoples.yaml:0: unknown knowledge file") for x in lines)
    assert any(x.startswith(f"{kb}/actors/metonyms.tsv:1: expected lang, form, country, sector") for x in lines)
    assert any(x.startswith(f"{kb}/lexicons/en/consult.yaml:6: entry #2 ('huddle'): mode 'hug'") for x in lines)
    assert any(x.startswith(f"{kb}/lexicons/en/consult.yaml:7: entry #3 (None): needs a unique id") for x in lines)
    assert len(lines) == 5 and "5 problem(s)" in out.stderr
    as_json = CliRunner().invoke(cli, ["kb", "validate", str(kb), "--json"])
    recs = [json.loads(x) for x in as_json.stdout.splitlines()]
    assert {"file", "line", "reason"} <= set(recs[0]) and recs[-1]["problems"] == 5


def test_validate_accepts_a_good_folder_and_refuses_a_missing_one(tmp_path: Path) -> None:
    kb = make_kb(tmp_path / "kb")
    out = CliRunner().invoke(cli, ["kb", "validate", str(kb)])
    assert out.exit_code == 0 and out.stdout == "" and "0 problem(s)" in out.stderr
    out = CliRunner().invoke(cli, ["kb", "validate", str(tmp_path / "nope")])
    assert out.exit_code == 2 and out.stderr.startswith("alianza: error:")


def test_overlay_is_merged_over_the_packaged_knowledge(tmp_path: Path) -> None:
    kb_dir = make_kb(tmp_path / "kb")
    kb, problems = build_kb(overlay=kb_dir)
    assert not problems
    person = kb.person("Amara Okonkwo-Reyes")
    assert person is not None and person.actor_on(None).code == "NGA GOV"
    assert kb.person("Vladimir Putin") is not None  # the packaged people are still there
    assert "port quillan" in kb.places
    entries, problems = lexicon_entries("en", kb_dir)
    rules = {e.rule for e in entries}
    assert not problems and "en/consult.yaml#parley" in rules and "en/consult.yaml#meet" in rules


def test_kb_dir_and_the_environment_feed_the_coder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kb_dir = make_kb(tmp_path / "kb")
    monkeypatch.delenv("ALIANZA_KB", raising=False)
    plain = CliRunner().invoke(cli, ["code", "--jsonl", "-"], input=json.dumps(RECORD) + "\n")
    assert json.loads(plain.stdout)["events"] == []  # "parley" is no packaged trigger
    monkeypatch.setenv("ALIANZA_KB", "")  # restored after the test: --kb-dir sets it for the run
    stdin = json.dumps(RECORD) + "\n" + json.dumps(PERSON) + "\n"
    for args, env in ((["--kb-dir", str(kb_dir)], {}), ([], {"ALIANZA_KB": str(kb_dir)})):
        out = CliRunner(env=env).invoke(cli, ["code", "--jsonl", "-", *args], input=stdin)
        [parley], [met] = (json.loads(x)["events"] for x in out.stdout.splitlines())
        assert parley["type"] == "CONSULT" and parley["rule"] == "en/consult.yaml#parley"
        assert parley["place"]["name"] == "Port Quillan" and parley["place"]["lat"] == 6.5
        assert met["type"] == "CONSULT" and met["source"]["code"] == "NGA GOV"
        assert met["source"]["name"] == "Amara Okonkwo-Reyes"

"""Every lexicon entry has a sentence of our own that makes it fire (issue 4: each entry has its own
unit test on a sentence we wrote, never one from the gold files)."""

from __future__ import annotations

from pathlib import Path

import pytest

import alianza
from alianza.events.lexicon import load_lexicon
from alianza.pipeline import Resources

EXAMPLES = Path(__file__).parent / "data" / "lexicon_examples.tsv"


def _examples() -> list[tuple[str, str]]:
    rows = []
    for line in EXAMPLES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rule, sentence = line.split("\t")
            rows.append((rule, sentence))
    return rows


def test_every_lexicon_entry_has_an_example_sentence() -> None:
    rules = {e.rule for lang in ("en", "es", "fr") for e in load_lexicon(lang).entries}
    listed = {rule for rule, _s in _examples()}
    assert not rules - listed, f"entries without an example in {EXAMPLES.name}: {sorted(rules - listed)}"
    assert not listed - rules, f"examples for entries that do not exist: {sorted(listed - rules)}"


def test_example_sentences_are_not_taken_from_the_gold_files() -> None:
    gold_dir = Path(__file__).parents[2] / "shared" / "gold" / "dev"
    if not gold_dir.is_dir():
        pytest.skip("no ../shared/gold here")
    gold = "".join(p.read_text(encoding="utf-8") for p in gold_dir.glob("*.jsonl"))
    assert not [s for _r, s in _examples() if s[:60] in gold]


@pytest.mark.parametrize(("rule", "sentence"), _examples(), ids=[r for r, _s in _examples()])
def test_lexicon_entry_fires_on_its_example(res: Resources, rule: str, sentence: str) -> None:
    coded = alianza.code_text(sentence, lang=rule[:2], published="2025-08-12", clean=False, resources=res)
    assert rule in [e.rule for e in coded.events], [(e.type, e.rule) for e in coded.events]

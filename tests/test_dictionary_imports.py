"""Data derived from the field's dictionaries (scripts/, issue 13 item 1): committed, reviewed, reproducible.

The derived files carry their provenance in a header; when ../shared/dictionaries is beside this
checkout, the scripts are re-run into a temporary copy and must give the committed files byte for
byte (the generated-from-dictionary check: nobody edits an imported file by hand).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from types import ModuleType

import pytest

from alianza.actors import ArticleContext, find_mentions
from alianza.actors.kb import KnowledgeBase, load_kb

from .conftest import ROOT, SHARED

SECTORS = ROOT / "src" / "alianza" / "data" / "actors" / "sectors"
DICTS = SHARED / "dictionaries"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def _sectors(text: str, lang: str, kb: KnowledgeBase) -> list[tuple[str, str | None]]:
    return [(m.text, m.actor.sector) for m in find_mentions(text, lang, kb, ArticleContext(date=dt.date(2025, 3, 1)))]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_imported_sector_files_name_their_source_and_licence(lang: str) -> None:
    head = (SECTORS / f"{lang}.agents.tsv").read_text(encoding="utf-8").splitlines()[:3]
    assert "scripts/import_agents.py" in head[0] and "MIT" in head[1] and "Open Event Data Alliance" in head[1]


def test_imported_people_nouns_are_sides_after_a_determiner_or_number(kb: KnowledgeBase) -> None:
    assert ("colonos", "CVL") in _sectors("Decenas de colonos bloquearon la ruta de Nablus.", "es", kb)
    assert ("jubilados", "CVL") in _sectors("Los jubilados marcharon por el centro de Asunción.", "es", kb)
    assert ("abogados", "JUD") in _sectors("Unos 200 abogados se concentraron ante la corte de Quito.", "es", kb)
    assert ("pescadores", "AGR") in _sectors("Los pescadores artesanales de Valparaíso pararon.", "es", kb)
    assert ("settlers", "CVL") in _sectors("Hundreds of settlers blocked the road near Ramallah.", "en", kb)


def test_an_imported_word_used_as_an_adjective_names_nobody(kb: KnowledgeBase) -> None:
    # "periodística", "quirúrgica" are imported people-or-adjective words: after a noun they are adjectives
    assert _sectors("La cobertura periodística de la intervención quirúrgica fue amplia.", "es", kb) == []


def test_our_hand_table_wins_over_the_import(kb: KnowledgeBase) -> None:
    ours = {x.split("\t")[0] for x in (SECTORS / "es.tsv").read_text(encoding="utf-8").splitlines() if x[:1] != "#"}
    imported = {x.split("\t")[0] for x in (SECTORS / "es.agents.tsv").read_text(encoding="utf-8").splitlines()}
    assert not ours & imported
    assert ("mineros", "LAB") in _sectors("Los mineros de Potosí iniciaron un paro.", "es", kb)


@pytest.mark.skipif(not DICTS.is_dir(), reason="no ../shared/dictionaries beside this checkout")
@pytest.mark.parametrize("lang", ["es", "en"])
def test_sector_import_is_reproducible_from_the_dictionary(lang: str) -> None:
    mod = _script("import_agents")
    rows = mod.derive(lang, DICTS)
    committed = [x.split("\t")[:2] for x in (SECTORS / f"{lang}.agents.tsv").read_text(encoding="utf-8").splitlines()]
    assert [list(r) for r in rows] == [r for r in committed if r[0][:1] != "#"]


@pytest.mark.skipif(not DICTS.is_dir(), reason="no ../shared/dictionaries beside this checkout")
@pytest.mark.parametrize("lang", ["es", "en"])
def test_trigger_import_is_reproducible_from_the_dictionary(lang: str) -> None:
    mod = _script("import_verbpatterns")
    files = mod.render(lang, mod.derive(lang, DICTS))
    folder = ROOT / "src" / "alianza" / "data" / "lexicons" / lang
    assert sorted(files) == sorted(p.name for p in folder.glob("*.dict.yaml"))
    for name, text in files.items():
        assert (folder / name).read_text(encoding="utf-8") == text, name


def test_imported_trigger_files_name_their_source_and_every_entry_its_group() -> None:
    for path in (ROOT / "src" / "alianza" / "data" / "lexicons").glob("*/*.dict.yaml"):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert "MIT" in lines[0] and "Open Event Data Alliance" in lines[1], path
        entries = [i for i, x in enumerate(lines) if x.startswith("  - ")]
        assert entries and all(lines[i - 1].startswith("  # from ") for i in entries), path


def test_imported_places_give_bare_sectors_their_country_and_common_words_are_no_places(kb: KnowledgeBase) -> None:
    assert ("mineros", "LAB") in _sectors("Los mineros de Oruro marcharon.", "es", kb)
    ctx = ArticleContext(date=dt.date(2025, 3, 1))
    got = [(m.text, m.actor.code) for m in find_mentions("Los mineros marcharon desde Cochabamba.", "es", kb, ctx)]
    assert ("mineros", "BOL LAB") in got and ("Cochabamba", "BOL") in got
    # "Rincón Hondo" is a Colombian village; "hondo" a word: no Japanese place in it
    assert all(m.actor.country != "JPN" for m in find_mentions("en el corregimiento Rincon Hondo", "es", kb, ctx))


@pytest.mark.skipif(not DICTS.is_dir(), reason="no ../shared/dictionaries beside this checkout")
def test_place_import_is_reproducible_from_the_dictionary() -> None:
    mod = _script("import_places")
    path = ROOT / "src" / "alianza" / "data" / "actors" / "places.phoenix.tsv"
    assert path.read_text(encoding="utf-8") == mod.render(mod.derive(DICTS))

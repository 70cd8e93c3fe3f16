from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from alianza.ingest.clean import clean_page, split_units

from .conftest import GOLD

EN_PAGE = """World | Politics | Business

Chile and Argentina sign border water deal

The accord ends a decade of disputes over glacier rivers in Patagonia

By Laura Jenkins | Southern Wire

Updated 14:05 GMT, March 3, 2025

Chile and Argentina signed an agreement on Monday to share the waters of three rivers that cross their border, ending years of disputes between the two governments over glacier melt.

The foreign ministers of both countries said the deal would be reviewed every five years by a joint commission.

Photo: The Baker river near the border.

Related coverage
© 2025 Southern Wire. All rights reserved.
"""

ES_PAGE = """Internacional

México y Guatemala acuerdan reforzar la frontera sur

Redacción
Publicado el 7 de abril de 2024

Los gobiernos de México y Guatemala acordaron el domingo reforzar la vigilancia en su frontera común tras una reunión de sus cancilleres en Tapachula.

La cancillería mexicana informó de que ambos países crearán un grupo de trabajo conjunto para combatir el tráfico de armas.

Foto: Los cancilleres durante la reunión.
Lee también: La migración en la frontera sur
"""


def test_clean_seed_matches_gold_article_fields(seed_text: str) -> None:
    gold = json.loads((GOLD / "seed.jsonl").read_text(encoding="utf-8").splitlines()[0])["article"]
    page = clean_page(seed_text, "es")
    assert page.title == gold["title"]
    assert page.author == gold["author"]
    assert page.section == gold["section"]
    assert page.published == dt.date.fromisoformat(gold["published"])
    assert page.deck and page.deck.startswith(gold["deck_starts"])
    assert page.text.startswith(gold["body_starts"])
    assert page.text.endswith(gold["body_ends"])
    for fragment in gold["boilerplate"]:
        assert fragment not in page.text


def test_clean_english_page_with_menu_byline_and_caption() -> None:
    page = clean_page(EN_PAGE, "en")
    assert page.title == "Chile and Argentina sign border water deal"
    assert page.author == "Laura Jenkins"
    assert page.published == dt.date(2025, 3, 3)
    assert page.deck and page.deck.startswith("The accord ends")
    assert page.text.startswith("Chile and Argentina signed")
    assert page.text.endswith("joint commission.")
    for chrome in ("Photo:", "Related coverage", "All rights reserved", "World | Politics"):
        assert chrome not in page.text


def test_clean_spanish_page_with_kicker_and_dateline() -> None:
    page = clean_page(ES_PAGE, "es")
    assert page.section == "Internacional"
    assert page.title == "México y Guatemala acuerdan reforzar la frontera sur"
    assert page.published == dt.date(2024, 4, 7)
    assert page.text.startswith("Los gobiernos de México")
    assert "Foto:" not in page.text and "Lee también" not in page.text


def test_clean_single_sentence_is_kept_whole() -> None:
    s = "Guerrilleros de las FARC atacaron el puesto de policía , HUILA , NEIVA"
    assert clean_page(s).text == s


def test_split_units_joins_hard_wrapped_paragraphs() -> None:
    raw = (
        "The government said on Monday that it would send a delegation to the\n"
        "talks in Geneva, and that it expected an agreement before the end of\nthe month.\n\nNext one."
    )
    units = split_units(raw)
    assert len(units) == 2 and units[0].endswith("the month.")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_clean_never_raises_and_keeps_only_input_text(raw: str) -> None:
    page = clean_page(raw)
    units = split_units(raw)
    for n, para in enumerate(page.text.split("\n\n")):
        if para:  # the first paragraph may have lost its dateline ("QUITO (EFE) -")
            assert para in units or (n == 0 and page.dateline and any(u.endswith(para) for u in units))
    assert page.published is None or 1800 <= page.published.year <= 2099


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_fold_keep_length_keeps_offsets_and_folds_each_character(text: str) -> None:
    from alianza.textutil import fold, fold_keep_length

    folded = fold_keep_length(text)
    assert len(folded) == len(text)
    for ch, f in zip(text, folded, strict=True):
        whole = fold(ch)
        assert f == (whole[0] if whole else " ")

"""Our own page set (tests/data/pages): every field of every page, and the parts one by one.

The pages were written for these tests (30 pages: es, en, fr; plain text and HTML; national
dailies, wires, regional sites, state media, WordPress themes, TV sites) with the failure cases of
issue 14: skip links, menus, date bars, cookie notices, share buttons, copyright lines, related-
headline boxes, "hace 3 horas", bios under bylines, "Por X | con agencias".
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alianza.eval.pages import page_article, page_text
from alianza.ingest.blocks import classify, split_blocks
from alianza.ingest.byline import parse_byline
from alianza.ingest.clean import clean_page
from alianza.ingest.dateline import split_dateline
from alianza.ingest.pagewords import pooled_words
from alianza.ingest.pubdate import choose, line_dates
from alianza.ingest.section import beside_date, breadcrumb, kicker
from alianza.serialize import article_json

PAGES = Path(__file__).parent / "data" / "pages"
GOLD = PAGES / "pages.jsonl"
RECORDS = [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
DONE_FIELDS = ("title", "author", "section", "published", "body_starts", "body_ends", "boilerplate")


def _checks(rec: dict[str, Any]) -> dict[str, list[bool]]:
    art = article_json(page_article(page_text(rec, GOLD), lang=rec["lang"], source=rec["id"]))
    want = rec["article"]
    text = art["text"] or ""
    out: dict[str, list[bool]] = {
        "title": [art["title"] == want["title"]],
        "author": [art["author"] == want["author"]],
        "section": [art["section"] == want["section"]],
        "published": [art["published"] == want["published"]],
        "dateline": [art["dateline"] == want["dateline"]],
        "body_starts": [text.startswith(want["body_starts"])],
        "body_ends": [text.rstrip().endswith(want["body_ends"])],
        "boilerplate": [b not in text for b in want["boilerplate"]],
    }
    if want.get("deck_starts"):
        out["deck"] = [(art["deck"] or "").startswith(want["deck_starts"])]
    return out


def test_page_set_is_big_and_varied_enough() -> None:
    cells = defaultdict(int)
    for rec in RECORDS:
        cells[rec["dataset"]] += 1
        assert (PAGES / rec["page"]).exists(), rec["page"]
    assert len(RECORDS) >= 38
    assert set(cells) == {f"pages-{lg}-{fmt}" for lg in ("es", "en", "fr") for fmt in ("txt", "html")}
    assert min(cells.values()) >= 6


@pytest.mark.parametrize("rec", RECORDS, ids=[r["page"] for r in RECORDS])
def test_every_field_of_every_page(rec: dict[str, Any]) -> None:
    wrong = {k: v for k, v in _checks(rec).items() if not all(v)}
    assert not wrong, f"{rec['page']}: wrong {sorted(wrong)}"


def test_done_criterion_per_language_and_format() -> None:
    """Issue 14: >= 95% of each field right, for txt and HTML separately, in each language."""
    hits: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for rec in RECORDS:
        for field, oks in _checks(rec).items():
            if field in DONE_FIELDS:
                hits[(rec["dataset"], field)].extend(oks)
    low = {k: sum(v) / len(v) for k, v in hits.items() if sum(v) / len(v) < 0.95}
    assert not low, low


def test_eval_scores_page_gold_per_field(tmp_path: Path) -> None:
    from alianza.eval.run import evaluate
    from alianza.pipeline import Resources

    one = tmp_path / "one.jsonl"
    rec = dict(RECORDS[0])
    rec["article"] = {**rec["article"], "author": "Nobody Here"}  # one field made wrong on purpose
    (tmp_path / rec["page"]).write_text((PAGES / rec["page"]).read_text(encoding="utf-8"), encoding="utf-8")
    one.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    out = evaluate([one], Resources.load())
    per = out["datasets"][rec["dataset"]]["article_per_field"]
    assert per["author"]["value"] == 0.0 and per["title"]["value"] == 1.0
    assert out["details"][0]["article_fields_failed"] == ["author"]
    assert out["datasets"][rec["dataset"]]["event"]["tp"] == 0 and out["macro_event_f1"] == 0.0


# -- the parts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "lang", "dateline", "rest"),
    [
        ("ADÍS ABEBA, 2 jun. (Agencias) – El primer ministro", "es", "ADÍS ABEBA, 2 jun. (Agencias) –", "El primer"),
        ("MANILA, May 4 (Newswire) - The navy said", "en", "MANILA, May 4 (Newswire) -", "The navy"),
        ("LA PAZ, Abr (AFP) - Los mineros", "es", "LA PAZ, Abr (AFP) -", "Los mineros"),
        ("PARIS, 3 mars (AFP) - Le gouvernement", "fr", "PARIS, 3 mars (AFP) -", "Le gouvernement"),
        ("MOSCÚ (EFE) — El Kremlin negó", "es", "MOSCÚ (EFE) —", "El Kremlin"),
        ("Bogotá, 4 de mayo. El Gobierno", "es", "Bogotá, 4 de mayo.", "El Gobierno"),
        ("RABAT - Le roi a reçu", "fr", "RABAT -", "Le roi"),
    ],
)
def test_datelines_are_split_off(line: str, lang: str, dateline: str, rest: str) -> None:
    got, after = split_dateline(line, lang)
    assert got == dateline and after.startswith(rest)


@pytest.mark.parametrize(
    "line",
    [
        "INDIGENAS BLOQUEAN LA CARRETERA AL NORTE",
        "El presidente (PSOE) - dijo que no",
        "Madrid, la capital, amaneció con nieve.",
        "The UN (United Nations) said on Monday it would help.",
    ],
)
def test_no_dateline_where_none_stands(line: str) -> None:
    assert split_dateline(line, None) == (None, line)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_split_dateline_only_cuts_the_front(text: str) -> None:
    got, rest = split_dateline(text, None)
    assert got is None and rest == text or got is not None and text.startswith(got) and text.endswith(rest)


@pytest.mark.parametrize(
    ("line", "lang", "author"),
    [
        ("Por Rosa Elena Villalba | con agencias", "es", "Rosa Elena Villalba"),
        ("Por: Andrés Gil y María José Rey", "es", "Andrés Gil; María José Rey"),
        ("By Tom Haddad, Channel 4 News", "en", "Tom Haddad"),
        ("By Lena Park and Omar Diallo", "en", "Lena Park; Omar Diallo"),
        ("Par Hélène Roy et Jean-Luc Martin", "fr", "Hélène Roy; Jean-Luc Martin"),
        ("Par Paul Mercier avec AFP", "fr", "Paul Mercier"),
        ("Par Luc Petit, envoyé spécial à Kyiv", "fr", "Luc Petit"),
        ("By Ibrahim Sow in Dakar", "en", "Ibrahim Sow"),
        ("Por Julio César Andino", "es", "Julio César Andino"),
        ("Updated September", "en", None),
        ("Our Correspondent", "en", None),
        ("Sign In", "en", None),
        ("Redacción", "es", None),
        ("By Staff Reporter", "en", None),
        ("Publicado: 12/03/2025", "es", None),
    ],
)
def test_bylines(line: str, lang: str, author: str | None) -> None:
    got = parse_byline(line, lang)
    assert (got.author if got else None) == author


def test_site_name_is_no_author() -> None:
    assert parse_byline("Sur Digital", "es", frozenset(["© 2025 sur digital. todos los derechos reservados"])) is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_byline_names_come_from_the_line(text: str) -> None:
    got = parse_byline(text, "es")
    if got is not None:
        for name in got.author.split("; "):
            assert name in text


def test_publication_date_prefers_the_first_publication_in_the_byline() -> None:
    cands = line_dates("Published March 3, 2025 Updated March 5, 2025", "en", "head", 5)
    cands += line_dates("Friday, March 7, 2025", "en", "top", 0)
    assert choose(cands) == dt.date(2025, 3, 3)


def test_relative_date_is_anchored_to_the_date_bar_never_the_clock() -> None:
    cands = line_dates("martes, 14 de octubre de 2025", "es", "top", 0) + line_dates("hace 3 horas", "es", "head", 4)
    assert choose(cands) == dt.date(2025, 10, 14)
    assert choose(line_dates("il y a 2 jours", "fr", "head", 4)) is None  # nothing to anchor it to
    cands = line_dates("Jeudi 9 janvier 2025", "fr", "top", 0) + line_dates("il y a 2 jours", "fr", "head", 4)
    assert choose(cands) == dt.date(2025, 1, 7)


def test_late_evening_local_time_keeps_its_date() -> None:
    page = (
        "<html lang='en'><head><meta property='article:published_time' content='2025-06-30T23:40:00-05:00'>"
        "</head><body><h1>Council approves the new water tariff after a long debate</h1>"
        + "".join(f"<p>{s}</p>" for s in [BODY_EN] * 3)
        + "</body></html>"
    )
    assert page_article(page, lang="en").published == dt.date(2025, 6, 30)


BODY_EN = (
    "The city council approved the new water tariff on Monday night after a debate that lasted more than six "
    "hours, with residents of the eastern districts protesting outside the building."
)


def test_sections_never_weekdays_time_zones_or_labels() -> None:
    assert breadcrumb("Inicio › Mundo › América Latina", "es") == "América Latina"
    assert breadcrumb("Mundo | Política | Economía", "es") is None  # a menu, not a breadcrumb
    assert kicker("Miércoles", "es") is None and kicker("EAT", "en") is None and kicker("Posted", "en") is None
    assert kicker("Deportes", "es") == "Deportes"
    assert beside_date("Economía 03.11.2025", "es") == "Economía"
    assert beside_date("Lundi 3 novembre 2025", "fr") is None


@pytest.mark.parametrize(
    "line",
    [
        "Lee también: El Congreso aprueba la reforma",
        "Read more: Floods hit the north",
        "ALSO READ: Rupee falls against the dollar",
        "Lire aussi | La grève continue à Marseille",
        "Te puede interesar",
        "PUBLICIDAD",
        "ADVERTISEMENT",
        "Publicité",
    ],
)
def test_link_box_and_ad_lines_are_furniture_in_any_language(line: str) -> None:
    (block,) = classify(split_blocks(line), None, pooled_words())
    assert block.role in ("link", "box", "ad")


def test_related_headlines_inside_the_body_are_dropped() -> None:
    para = (
        "Los transportistas de carga pesada iniciaron este lunes un paro nacional en protesta por el alza del "
        "precio del combustible y bloquearon las principales carreteras del país durante varias horas."
    )
    raw = "\n\n".join(
        [
            "Paro de transportistas bloquea las carreteras del país",
            "Por Daniela Prieto",
            para,
            "Noticias relacionadas\nSube el precio del pan en los mercados\nEl Senado aprueba el presupuesto",
            para.replace("lunes", "martes"),
        ]
    )
    page = clean_page(raw, "es")
    assert "Sube el precio" not in page.text and "El Senado aprueba" not in page.text
    assert page.text.endswith("varias horas.") and page.text.count("transportistas") == 2
    assert page.author == "Daniela Prieto"


STORY_ES = (
    "La ministra de Defensa japonesa y su homólogo filipino firmaron el lunes en Manila un acuerdo que permite a "
    "las tropas de ambos países entrenar en el territorio del otro."
)


def test_title_stands_over_a_deck_of_the_same_length_and_the_kicker_may_look_like_a_name() -> None:
    raw = "\n\n".join(
        [
            "Sudeste Asiático",
            "Japón y Filipinas firman un pacto de acceso recíproco para tropas",
            "Las tropas de ambos países podrán entrenar juntas en los dos territorios",
            STORY_ES,
            "China criticó el pacto y pidió a ambos gobiernos que no formen bloques militares en la región asiática.",
        ]
    )
    page = clean_page(raw, "es")
    assert page.title == "Japón y Filipinas firman un pacto de acceso recíproco para tropas"
    assert page.section == "Sudeste Asiático"
    assert page.text.startswith("La ministra") and page.text.endswith("región asiática.")


def test_lines_wrapped_at_any_width_are_one_paragraph() -> None:
    half = len(STORY_ES) // 2
    cut = STORY_ES.index(" ", half)
    raw = f"Pacto militar en Manila\n\nPor Lucía Herrera\n\n{STORY_ES[:cut]}\n{STORY_ES[cut + 1 :]}\n\nCompartir"
    assert clean_page(raw, "es").text == STORY_ES


def test_a_place_and_date_line_gives_no_section() -> None:
    assert beside_date("Manila, 4 de mayo de 2025", "es") is None
    assert beside_date("Defensa | Manila, 4 de mayo de 2025", "es") == "Defensa"
    assert beside_date("Kigali, June 9, 2025", "en") is None

"""The speed design (DESIGN.md, speed): trigger gates of the cheap pass, the batch API, the spaCy
components loaded, and `bench --real` with its parse-everything baseline. Sentences are our own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from alianza.cli import cli
from alianza.events.cheap import Fire, trigger_gates
from alianza.pipeline import Resources, cheap_pass, cheap_words, code_article, code_articles, make_article
from alianza.serialize import event_json

ROOT = Path(__file__).resolve().parents[1]


def fire(text: str, lang: str) -> Fire:
    return trigger_gates(lang).fire(cheap_words(text, lang))


def test_requires_needs_its_word_in_the_sentence() -> None:
    # "cortar" blocks only a way or a building
    assert fire("Los campesinos cortaron la carretera principal.", "es") is Fire.INHERITS
    assert fire("Los campesinos cortaron el pastel de la fiesta.", "es") is Fire.NONE


def test_light_only_noun_needs_a_support_verb() -> None:
    assert fire("The crackdown in the north surprised the town.", "en") is Fire.NONE
    assert fire("Police launched a crackdown on traders in Lagos.", "en") is Fire.WITH_ACTOR


def test_english_verbs_never_inherit_a_subject() -> None:
    assert fire("Protesters blocked the road to the airport.", "en") is Fire.WITH_ACTOR


def test_a_protest_noun_needs_no_side_named() -> None:
    # the coder codes a protest naming no one ("las protestas continuaron"): English has no pro-drop
    # to let it through, so the noun is a candidate on its own; a protest verb still needs a side
    assert fire("The demonstrations spread to three more provinces overnight.", "en") is Fire.ALONE
    assert fire("A general strike shut the port of Mombasa for a day.", "en") is Fire.ALONE
    assert fire("Protesters blocked the road to the airport.", "en") is Fire.WITH_ACTOR


def test_english_protest_without_actor_is_parsed(res: Resources) -> None:
    text = "Fuel prices doubled over the winter.\n\nThe protests spread to the northern towns within a week."
    c = cheap_pass(make_article(text, lang="en", clean=False), res)
    assert [p.candidate for p in c.sentences] == [False, True]


def test_a_support_verb_as_participle_opens_its_noun() -> None:
    # simplemma reads "iniciado" as an adjective, spaCy as the verb "iniciar", a support verb
    assert fire("Mientras la guerrilla no haya iniciado su desarme no habrá diálogo.", "es") is not Fire.NONE
    assert fire("El desarme de la guerrilla sigue pendiente.", "es") is Fire.NONE


def test_deontic_clause_needs_a_claim_verb() -> None:
    assert fire("El ministro dijo que el gobierno debe negociar.", "es") is Fire.WITH_ACTOR
    assert fire("La cuenta debe pagarse mañana.", "es") is Fire.NONE


def test_no_trigger_no_candidate_and_no_actor_no_candidate(res: Resources) -> None:
    text = (
        "The weather in Nairobi was mild on Monday.\n\n"
        "Someone attacked a bus near the market.\n\n"
        "Kenyan police arrested two students in Mombasa."
    )
    c = cheap_pass(make_article(text, lang="en", clean=False), res)
    assert [p.candidate for p in c.sentences] == [False, False, True]


def test_pro_drop_verb_is_parsed_for_sides_the_knowledge_base_does_not_know(res: Resources) -> None:
    # in a pro-drop language a firing sentence may hold a side of unknown words ("decenas de colonos
    # protestaron": actors/unknown.py finds it on the parse), so it is a candidate; English needs an actor
    alone = cheap_pass(make_article("Atacaron el autobús con piedras.", lang="es", clean=False), res)
    assert [p.candidate for p in alone.sentences] == [True]
    english = cheap_pass(make_article("The weather was calm. They attacked the bus.", lang="en", clean=False), res)
    assert [p.candidate for p in english.sentences] == [False, False]
    after = cheap_pass(
        make_article(
            "Los campesinos de Boyacá bloquearon la vía a Tunja. Luego atacaron el autobús con piedras.",
            lang="es",
            clean=False,
        ),
        res,
    )
    assert [p.candidate for p in after.sentences] == [True, True]


def test_parse_all_makes_every_sentence_a_candidate(res: Resources) -> None:
    art = make_article("El día estuvo soleado. Nadie salió de casa.", lang="es", clean=False)
    assert not any(p.candidate for p in cheap_pass(art, res).sentences)
    assert all(p.candidate for p in cheap_pass(art, res, parse_all=True).sentences)


def _pages() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").rglob("*.txt"))]


def test_a_batch_codes_as_articles_one_by_one(res: Resources) -> None:
    arts = [make_article(raw, origin=f"page{i}") for i, raw in enumerate(_pages())]
    assert len({a.lang for a in arts}) >= 2  # the batch mixes languages (es, en, fr): one spaCy run each
    batch = code_articles(arts, res, learn=False)
    alone = [code_article(a, res) for a in arts]
    assert sum(len(c.events) for c in batch) > 10
    for b, a in zip(batch, alone, strict=True):
        assert [event_json(e) for e in b.events] == [event_json(e) for e in a.events]
        assert (b.sentences, b.parsed, b.parsed_sentences) == (a.sentences, a.parsed, a.parsed_sentences)
        assert len(b.parsed_sentences) == b.parsed <= b.sentences


def test_a_batch_passes_people_on_to_later_articles(res: Resources) -> None:
    first = make_article(
        "La canciller de Ghana, Amara Mensah, llegó a Abuja el lunes.",
        lang="es",
        clean=False,
        published=dt.date(2025, 3, 3),
    )
    later = make_article(
        "Mensah se reunió con el presidente de Nigeria en Abuja.",
        lang="es",
        clean=False,
        published=dt.date(2025, 3, 4),
    )
    learned = code_articles([first, later], res)
    alone = code_articles([first, later], res, learn=False)
    assert [p.name for p in learned[0].people] == ["Amara Mensah"]
    sides = {e.source.actor.country for e in learned[1].events if e.source is not None}
    assert "GHA" in sides
    assert "GHA" not in {e.source.actor.country for e in alone[1].events if e.source is not None}


def test_pipelines_load_only_what_the_coder_reads(res: Resources) -> None:
    es = res.nlp("es")
    assert "ner" not in es.pipe_names and "ner" not in res.nlp("en").pipe_names
    ruler = es.get_pipe("attribute_ruler")
    assert all({"POS", "MORPH", "LEMMA"} & set(p["attrs"]) for p in ruler.patterns)
    doc = es("Los  manifestantes marcharon por la avenida.")  # two spaces: a space token
    assert [t.pos_ for t in doc if t.is_space] == ["SPACE"]
    assert {t.lemma_ for t in doc} >= {"manifestante", "marchar"}


@pytest.fixture(scope="module")
def real_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("real")
    es = root / "es"
    es.mkdir()
    bodies = [
        "Cientos de estudiantes marcharon el martes en Quito contra el alza de las matrículas. "
        "La policía detuvo a doce jóvenes frente al ministerio. El clima fue templado.",
        "El presidente de Chile recibió al canciller de Perú en Santiago para hablar de comercio. "
        "Ambos gobiernos firmaron un acuerdo sobre puertos. La reunión duró dos horas.",
        "Las lluvias de la semana dejaron calles inundadas en varios barrios de la capital. "
        "Los vecinos limpiaron sus casas durante el fin de semana.",
    ]
    for i, body in enumerate(bodies):
        (es / f"a{i}.txt").write_text(body, encoding="utf-8")
    return root


def test_bench_real_reports_stages_and_the_ratio(real_folder: Path) -> None:
    r = CliRunner().invoke(
        cli,
        [
            "bench",
            "--real",
            str(real_folder / "es"),
            "--compose",
            str(ROOT / "examples" / "en"),
            "-n",
            "10",
            "--baseline",
        ],
    )
    assert r.exit_code == 0, r.output
    out = r.output
    for key in (
        "peak_rss_mb",
        "sentences_parsed_share",
        "articles_per_cpu_s",
        "ratio_vs_parse_everything",
        "cheap_pass",
        "spacy",
        "store",
    ):
        assert key in out
    es_block = out[out.index("\nes\n") :]
    assert "articles                         3" in es_block


def test_bench_real_without_txt_files_is_a_clear_error(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["bench", "--real", str(tmp_path)])
    assert r.exit_code != 0
    assert "no .txt articles" in r.output

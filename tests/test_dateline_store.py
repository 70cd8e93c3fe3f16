"""The dateline field end to end: an old store (schema 5) opens, migrates, and keeps datelines."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from alianza.datafiles import data_dir
from alianza.errors import DataError
from alianza.ingest import pagewords
from alianza.pipeline import CodedArticle, make_article
from alianza.store.db import MIGRATIONS, Store

WIRE = (
    "Cumbre regional en Quito\n\n"
    "QUITO, 3 feb (Agencias) – Los cancilleres de la región acordaron este lunes en Quito crear un fondo común "
    "para atender a los migrantes que cruzan la frontera norte, informó la Cancillería en un comunicado.\n\n"
    "El fondo contará con aportes de cinco países y será administrado por un comité técnico con sede en Lima."
)


def test_old_store_migrates_and_stores_the_dateline(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)")
    for i, sql in enumerate(MIGRATIONS[:5]):
        con.execute(sql)
        con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [i + 1])
    con.execute("INSERT INTO articles (id, text) VALUES ('old', 'An article stored before datelines.')")
    con.close()
    art = make_article(WIRE, lang="es")
    assert art.dateline == "QUITO, 3 feb (Agencias) –" and art.text.startswith("Los cancilleres")
    with Store(db) as store:
        assert store.version == len(MIGRATIONS)
        store.write_many([(CodedArticle(art, (), 2, 0), None, {})])
        rows = {r["id"]: r for r in store.articles()}
    assert rows["old"]["dateline"] is None
    assert rows[art.id]["dateline"] == "QUITO, 3 feb (Agencias) –"


def test_extracted_text_loses_its_dateline_before_coding() -> None:
    art = make_article("MANILA, May 4 (Newswire) - The navy said it had sent two ships.", lang="en", clean=False)
    assert art.dateline == "MANILA, May 4 (Newswire) -" and art.text == "The navy said it had sent two ships."


def test_a_broken_page_words_file_is_named_with_its_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pages").mkdir()
    good = (data_dir() / "pages" / "es.yaml").read_text(encoding="utf-8")
    (tmp_path / "pages" / "xx.yaml").write_text(good.replace("link_box:", "link_boxes:"), encoding="utf-8")
    monkeypatch.setattr(pagewords, "data_dir", lambda: tmp_path)
    pagewords.load_page_words.cache_clear()
    try:
        with pytest.raises(DataError, match=r"xx\.yaml.*'link_box'"):
            pagewords.load_page_words("xx")
    finally:
        pagewords.load_page_words.cache_clear()

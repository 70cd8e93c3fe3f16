from __future__ import annotations

import bz2
import json
import zipfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from alianza.ingest import sniff
from alianza.ingest.decode import Decoded, decode
from alianza.ingest.html import date_from_url, site_of, to_text
from alianza.ingest.rawdoc import RawDoc
from alianza.ingest.readers import ReadOptions, read_path
from alianza.ingest.records import FieldMap
from alianza.types import Rejection

from .fixtures_ingest import ATOM, EN_BODY, ES_BODY, RSS, gz, html_page, write_warc


def docs(path: Path, opts: ReadOptions | None = None) -> tuple[list[RawDoc], list[Rejection]]:
    out = list(read_path(path, opts))
    return [d for d in out if isinstance(d, RawDoc)], [r for r in out if isinstance(r, Rejection)]


def test_warc_gz_yields_html_responses_with_url_date_and_metadata(tmp_path: Path) -> None:
    p = tmp_path / "news.warc.gz"
    write_warc(
        p,
        [
            ("https://www.diario.example/mundo/2025/08/12/putin-kim", html_page("Putin y Kim", ES_BODY)),
            ("https://other.example/world/depot", html_page("Depot", EN_BODY, date="2025-08-11", lang="en")),
        ],
    )
    got, bad = docs(p)
    assert bad == []
    assert [d.url for d in got] == [
        "https://www.diario.example/mundo/2025/08/12/putin-kim",
        "https://other.example/world/depot",
    ]
    first = got[0]
    assert first.site == "diario.example" and first.format == "warc"
    assert first.title == "Putin y Kim" and first.author == "Ana Pérez" and first.section == "Internacional"
    assert first.published == "2025-08-12"
    assert "Kim Jong-un" in first.text and "Portada" not in first.text and "derechos" not in first.text
    assert first.source.startswith(str(p)) and "#record=" in first.source


def test_uncompressed_warc_and_sniffing_without_suffix(tmp_path: Path) -> None:
    p = tmp_path / "crawl-000"
    write_warc(p, [("https://a.example/x", html_page("T", ES_BODY))], gz=False)
    got, bad = docs(p)
    assert len(got) == 1 and not bad


def test_truncated_warc_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    p = tmp_path / "cut.warc.gz"
    pages = [(f"https://a.example/{i}", html_page(f"T{i}", ES_BODY + f" Nota {i}.")) for i in range(4)]
    write_warc(p, pages)
    data = p.read_bytes()
    p.write_bytes(data[: int(len(data) * 0.7)])
    got, bad = docs(p)
    assert 1 <= len(got) < 4
    assert len(bad) == 1 and bad[0].reason == "truncated" and "#record=" in bad[0].source


def test_rss_entries_with_links_dates_and_bad_date_kept(tmp_path: Path) -> None:
    p = tmp_path / "feed.cgi"  # the suffix says nothing: the content does
    p.write_text(RSS, encoding="utf-8")
    got, bad = docs(p)
    assert [d.title for d in got] == ["Putin y Kim refuerzan su alianza", "Sin fecha legible"]
    assert got[0].published == "2025-08-12" and got[0].section == "Internacional"
    assert got[0].url == "https://noticias.example.org/2025/08/12/putin-kim" and got[0].site == "noticias.example.org"
    assert got[1].published is None  # an unreadable date is dropped, the entry kept
    assert got[0].lang_hint == "es" and got[0].format == "feed"
    assert "<p>" not in got[0].text and "Kim Jong-un" in got[0].text
    assert len(bad) == 1 and bad[0].reason == "no_text" and bad[0].source.endswith("#entry=3")


def test_atom_entry_with_content_author_and_published(tmp_path: Path) -> None:
    p = tmp_path / "world.atom"
    p.write_text(ATOM, encoding="utf-8")
    got, bad = docs(p)
    assert not bad and len(got) == 1
    e = got[0]
    assert (e.title, e.author, e.published, e.url) == (
        "Ukraine strikes Russian depot",
        "John Smith",
        "2025-08-11",
        "https://news.example.com/world/ukraine-depot",
    )
    assert "ammunition depot" in e.text


def test_html_page_saved_as_txt_is_sniffed_and_extracted(tmp_path: Path) -> None:
    p = tmp_path / "saved.txt"
    p.write_text(html_page("Putin y Kim refuerzan su alianza", ES_BODY), encoding="utf-8")
    got, bad = docs(p)
    assert not bad and got[0].format == "html"
    assert got[0].published == "2025-08-12"  # the footer's "© 2019" is not the date
    assert not got[0].text.startswith("Putin y Kim refuerzan")  # the headline is not repeated in the body


def test_jsonl_with_a_field_mapping_dotted_paths_and_broken_lines(tmp_path: Path) -> None:
    p = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"body": ES_BODY, "meta": {"date": "2025-08-12", "link": "https://x.example/a"}, "headline": "A"}),
        "{not json",
        json.dumps({"body": "", "meta": {}}),
        json.dumps(["a list"]),
        json.dumps({"body": html_page("B", EN_BODY, lang="en"), "meta": {"date": "2025-08-11"}}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fields = FieldMap(text="body", date="meta.date", url="meta.link", title="headline")
    got, bad = docs(p, ReadOptions(fields=fields))
    assert [(d.title, d.published, d.url) for d in got] == [
        ("A", "2025-08-12", "https://x.example/a"),
        ("B", "2025-08-11", None),
    ]
    assert got[1].format == "jsonl+html" and "<p>" not in got[1].text
    assert [(r.source.rsplit("#", 1)[1], r.reason) for r in bad] == [
        ("line=2", "bad_json"),
        ("line=3", "no_text"),
        ("line=4", "no_text"),
    ]


def test_gz_bz2_and_zip_of_any_format(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gz(ES_BODY.encode()))
    (tmp_path / "b.jsonl.bz2").write_bytes(bz2.compress((json.dumps({"text": EN_BODY}) + "\n").encode()))
    with zipfile.ZipFile(tmp_path / "c.zip", "w") as zf:
        zf.writestr("pages/one.html", html_page("Uno", ES_BODY))
        zf.writestr("feeds/f.xml", ATOM)
        zf.writestr("inner.txt.gz", gz(EN_BODY.encode()))
    assert docs(tmp_path / "a.txt.gz")[0][0].text.startswith("El presidente ruso")
    assert docs(tmp_path / "b.jsonl.bz2")[0][0].text.startswith("Ukrainian forces")
    got, bad = docs(tmp_path / "c.zip")
    assert not bad
    assert sorted(d.source.split("!", 1)[1].split("#")[0] for d in got) == [
        "feeds/f.xml",
        "inner.txt.gz",
        "pages/one.html",
    ]


def test_truncated_gzip_of_jsonl_keeps_complete_lines_and_reports(tmp_path: Path) -> None:
    rows = "".join(json.dumps({"text": ES_BODY + f" Nota {i}."}) + "\n" for i in range(200))
    data = gz(rows.encode())
    p = tmp_path / "d.jsonl.gz"
    p.write_bytes(data[: len(data) // 2])
    got, bad = docs(p)
    assert got, "complete records before the cut are kept"
    assert bad[0].reason == "truncated"
    # the last, cut line is reported as broken, not silently dropped
    assert all(r.reason in ("truncated", "bad_json") for r in bad)


def test_decode_mixed_utf8_and_cp1252_line_by_line() -> None:
    data = "Línea en UTF-8: Bogotá\n".encode() + "Línea en Windows-1252: Medellín\n".encode("cp1252")
    got = decode(data, "x")
    assert isinstance(got, Decoded)
    assert "Bogotá" in got.text and "Medellín" in got.text and got.encoding.startswith("utf-8+")


def test_decode_latin1_spanish_keeps_enye() -> None:
    got = decode("El niño de España habló con la señora Muñoz en Logroño.".encode("latin-1"), "x")
    assert isinstance(got, Decoded) and "niño de España" in got.text and "Muñoz" in got.text


def test_decode_utf16_with_bom() -> None:
    got = decode("Hola mundo, esto es UTF-16".encode("utf-16"), "x")
    assert isinstance(got, Decoded) and got.text.startswith("Hola")


def test_url_helpers() -> None:
    assert site_of("https://www.elpais.com/a") == "elpais.com"
    assert site_of("not a url") is None
    assert date_from_url("https://x.org/2025/08/12/story") == "2025-08-12"
    assert date_from_url("https://x.org/2025/13/40/story") is None


def test_sniff_formats() -> None:
    assert sniff.text_format('<?xml version="1.0"?>\n<rss version="2.0">') == sniff.FEED
    assert sniff.text_format("<!-- c -->\n<feed xmlns='http://www.w3.org/2005/Atom'>") == sniff.FEED
    assert sniff.text_format("<!doctype html><html>") == sniff.HTML
    assert sniff.text_format('{"text": "x"}\n') == sniff.JSONL
    assert sniff.text_format("Plain words about <b>one</b> tag.") == sniff.TEXT
    assert sniff.container(b"\x1f\x8b\x08") == sniff.GZIP and sniff.container(b"BZh9") == sniff.BZ2
    assert sniff.archive(b"WARC/1.1\r\n") == sniff.WARC


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_decode_never_raises_and_keeps_text(data: bytes) -> None:
    got = decode(data, "x")
    assert isinstance(got, (Decoded, Rejection))
    if isinstance(got, Decoded):
        assert got.text.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_sniff_and_to_text_never_raise(text: str) -> None:
    assert sniff.text_format(text) in (sniff.FEED, sniff.HTML, sniff.JSONL, sniff.JSON, sniff.TEXT)
    out = to_text(text)
    assert "<p>" not in out or "<p>" in text.replace("&lt;", "<")


def test_language_id_on_long_texts_and_50_character_snippets() -> None:
    """py3langid restricted to our languages and confusers (DEPENDENCIES.md compared it with lingua):
    every sample page and every 50-character snippet of them is identified."""
    from alianza.ingest.clean import clean_page
    from alianza.ingest.langid import detect_language

    from .conftest import ROOT
    from .fixtures_ingest import DE_BODY, FR_BODY

    pages = [(p.parent.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").rglob("*.txt"))]
    pages += [("fr", FR_BODY), ("de", DE_BODY)]
    wrong = []
    for lang, raw in pages:
        text = clean_page(raw).text
        if detect_language(text) != lang:
            wrong.append((lang, text[:60]))
        for i in range(0, max(1, len(text) - 50), 97):
            snippet = text[i : i + 50]
            if len(snippet.strip()) >= 45 and detect_language(snippet) != lang:
                wrong.append((lang, snippet))
    total = sum(1 + max(1, len(clean_page(r).text) - 50) // 97 for _l, r in pages)
    assert len(wrong) <= 0.03 * total, wrong

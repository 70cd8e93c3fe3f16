"""A generated corpus of hostile inputs (issue 5): what real folders of news throw at an ingest.

Deterministic (seeded), written into a temporary folder by the tests; `make_hostile` returns the
paths it made, so a test can check that every one is either stored or rejected with a reason.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import os
import random
import zipfile
from pathlib import Path

from .fixtures_ingest import ATOM, EN_BODY, ES_BODY, ES_BODY2, FR_BODY, RSS, html_page, write_warc

BIG = 50 * 1024 * 1024


def make_hostile(root: Path) -> list[Path]:
    rnd = random.Random(20251112)
    made: list[Path] = []

    def put(name: str, data: bytes | str) -> None:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        made.append(p)

    # empty and blank
    for i, blank in enumerate(
        [b"", b" ", b"\n\n\n", b"\t \r\n", "\ufeff".encode(), b"\xef\xbb\xbf  \n", "\u00a0\u2003\n".encode()]
    ):
        put(f"empty/blank{i}.txt", blank)
    put("empty/blank.html", b"<html><body>   </body></html>")
    put("empty/nav-only.html", "<html><body><nav>" + "<a href='/x'>Inicio</a>" * 30 + "</nav></body></html>")
    put("empty/empty.jsonl", b"\n\n")
    # binary, NUL bytes, other media
    for i in range(20):
        put(f"binary/random{i}.txt", bytes(rnd.getrandbits(8) for _ in range(rnd.randint(10, 4000))))
    for i in range(10):
        put(f"binary/nul{i}.txt", (ES_BODY[: 50 + i * 7] + "\x00" * (i + 1) + EN_BODY).encode())
    for i, magic in enumerate(
        [b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"%PDF-1.7\n%\xe2\xe3", b"GIF89a", b"\x7fELF\x02"]
    ):
        put(f"binary/media{i}.bin", magic + bytes(rnd.getrandbits(8) for _ in range(2000)))
    # huge: one file over the size limit, one single-line text over the article limit
    with open(root / "huge.txt", "wb") as fh:
        line = (EN_BODY + " ").encode()
        for _ in range(BIG // len(line) + 2):
            fh.write(line)
    made.append(root / "huge.txt")
    put("huge-article.txt", (ES_BODY + " ") * 4000)
    # deeply nested and unclosed HTML
    for i, depth in enumerate([300, 3000, 30000, 100000]):
        put(f"html/nested{i}.html", "<html><body>" + "<div>" * depth + f"<p>{ES_BODY}</p>" + "</div>" * (depth // 2))
    for i in range(6):
        cut = html_page("Cortada", ES_BODY)[: 200 + 150 * i]
        put(f"html/unclosed{i}.html", cut + "<p><b><i><table><tr><td>" + FR_BODY[: 30 * i])
    put("html/script-only.html", "<html><head><script>" + "var x=1;" * 5000 + "</script></head></html>")
    put("html/comment-bomb.html", "<html><body><!--" + "-" * 100000 + "<p>" + ES_BODY + "</p></body></html>")
    # wrong and mixed encodings
    for i, enc in enumerate(["latin-1", "cp1252", "iso-8859-15", "mac_roman"]):
        put(f"enc/es-{enc}.txt", (ES_BODY + f" Variante {i}.").encode(enc, "replace"))
    for i, enc in enumerate(["koi8-r", "cp1251", "shift_jis", "gb18030", "euc-kr", "big5"]):
        put(f"enc/other{i}.txt", ("Новости дня " * 20 if i < 2 else "ニュース 新闻 뉴스 " * 20).encode(enc, "replace"))
    put("enc/utf16-nobom.txt", ES_BODY.encode("utf-16-le"))
    put("enc/utf16-bom.txt", (EN_BODY + " Variant sixteen.").encode("utf-16"))
    put("enc/bad-bom.txt", b"\xff\xfe" + b"\x00\xd8" * 10)
    for i in range(10):
        mixed = (ES_BODY + f" Parte {i}.\n").encode() + (f"Medellín y Bogotá, línea {i}.\n" * 3).encode("cp1252")
        put(f"enc/mixed{i}.txt", mixed)
    # truncated and corrupt compressed files
    for i in range(10):
        data = gzip.compress(((ES_BODY + f" Copia {i}. ") * 40).encode())
        put(f"gz/trunc{i}.txt.gz", data[: max(10, len(data) * (i + 1) // 12)])
    for i in range(5):
        data = bz2.compress(("\n".join(json.dumps({"text": EN_BODY + f" Line {i}-{k}."}) for k in range(30))).encode())
        put(f"gz/trunc{i}.jsonl.bz2", data[: len(data) // 2])
    put("gz/not-really.gz", b"\x1f\x8b" + bytes(rnd.getrandbits(8) for _ in range(500)))
    put("gz/bomb.txt.gz", gzip.compress(b" " * (BIG + 1024)))
    for i in range(5):
        zpath = root / f"zip/cut{i}.zip"
        zpath.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("a.txt", ES_BODY * 3)
            zf.writestr("b.html", html_page("B", EN_BODY, lang="en"))
        data = zpath.read_bytes()
        zpath.write_bytes(data[: len(data) * (i + 2) // 8])
        made.append(zpath)
    # truncated WARCs, gzipped and not
    for i in range(10):
        wpath = root / ("warc/cut{}.warc{}".format(i, ".gz" if i % 2 == 0 else ""))
        wpath.parent.mkdir(parents=True, exist_ok=True)
        pages = [(f"https://w{i}.example/{k}", html_page(f"N{k}", ES_BODY + f" Caso {i}-{k}.")) for k in range(3)]
        write_warc(wpath, pages, gz=i % 2 == 0)
        data = wpath.read_bytes()
        wpath.write_bytes(data[: len(data) * (i + 1) // 11])
        made.append(wpath)
    put("warc/garbage.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999\r\n\r\n<html>")
    # feeds: bad dates, malformed XML, no entries
    for i, bad in enumerate(
        [
            "yesterday",
            "32/13/2025",
            "Mon, 99 Foo 2025 25:61:00",
            "",
            "0000-00-00",
            "2025-02-30T10:00:00Z",
            "🕑",
            "NaN",
            "1e309",
            "Tue, 12 Aug 99999 10:00:00",
        ]
    ):
        put(f"feeds/baddate{i}.xml", RSS.replace("Tue, 12 Aug 2025 10:00:00 +0200", bad))
    for i in range(6):
        put(f"feeds/broken{i}.rss", RSS[: 120 + 260 * i])
    put(
        "feeds/no-entries.atom",
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>',
    )
    put(
        "feeds/entity-bomb.xml",
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><rss><channel><item><description>&lol2;</description></item></channel></rss>',
    )
    put("feeds/atom-ok-but-html-junk.atom", ATOM.replace("&lt;p&gt;", "&lt;div&gt;&lt;div&gt;&lt;span"))
    # JSONL with broken lines
    breakers = [
        "{",
        '{"text": "unterminated',
        '{"text": NaN}',
        "[" * 5000 + "]" * 5000,
        '{"text": ' + "[" * 3000 + "]" * 3000 + "}",
        '{"text": 12}',
        '{"text": null}',
        '{"text": ["a"]}',
        '"just a string"',
        "\x00\x01\x02",
        '{"text": "\\ud800 lone surrogate ' + EN_BODY[:60] + '"}',
        '{"text": "ok but short"}',
    ]
    for i in range(20):
        lines = [
            json.dumps(
                {"text": ES_BODY + f" Registro {i}.", "published": ["2025-08-12", "hoy", "2025-99-99", 12][i % 4]}
            )
        ]
        lines += [breakers[(i + k) % len(breakers)] for k in range(3)]
        put(f"jsonl/broken{i}.jsonl", "\n".join(lines) + "\n")
    put("jsonl/array.json", json.dumps([{"text": EN_BODY + " Array item."}, 5, None]))
    put("jsonl/noeol.jsonl", json.dumps({"text": FR_BODY + " Sans fin de ligne."}) + "\n" + '{"text": "cut')
    # plain text oddities
    put("text/one-word.txt", "Hola")
    put("text/controls.txt", "\x1b[31m" + ES_BODY + "\x1b[0m\x07")
    put("text/rtl.txt", "\u202e" + EN_BODY + "\u202c")
    put("text/long-word.txt", "a" * 200000)
    put("text/only-punct.txt", "!?¿¡.,;:" * 500)
    put("text/zero-width.txt", "\u200b".join(ES_BODY))
    for i in range(30):
        alphabet = "".join(chr(c) for c in rnd.sample(range(0x20, 0x3000), 200))
        put(f"text/junk{i}.txt", "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 3000))))
    # declared charsets that lie, and archives inside archives
    for i, enc in enumerate(["iso-8859-1", "windows-1251", "utf-8", "shift_jis", "x-unknown"]):
        page = html_page(f"Mentira {i}", ES_BODY2 + f" Caso {i}.").replace('charset="utf-8"', f'charset="{enc}"')
        put(f"html/lying-charset{i}.html", page.encode("cp1252", "replace") if i % 2 else page.encode())
    nested = ES_BODY.encode()
    for _ in range(6):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr("inner.zip" if nested[:2] == b"PK" else "a.txt", nested)
        nested = buf.getvalue()
    put("zip/matryoshka.zip", nested)
    empty_zip = io.BytesIO()
    zipfile.ZipFile(empty_zip, "w").close()
    put("zip/empty.zip", empty_zip.getvalue())
    put("xml/not-a-feed.xml", '<?xml version="1.0"?><config><item>1</item></config>')
    put("xml/svg.svg", '<svg xmlns="http://www.w3.org/2000/svg"><text>hola</text></svg>')
    put("jsonl/huge-line.jsonl", json.dumps({"text": "x " * 600000}) + "\n")
    put("text/crlf-only.txt", "\r\n" * 1000)

    # file-system oddities
    loop = root / "loop"
    loop.mkdir()
    os.symlink(root / "loop", loop / "again")
    os.symlink(root / "nowhere.txt", root / "dangling.txt")
    made.append(root / "dangling.txt")
    unreadable = root / "unreadable.txt"
    unreadable.write_text(ES_BODY)
    unreadable.chmod(0)
    made.append(unreadable)
    return made

"""Real input files for the ingest tests, written with the real libraries (warcio) or by hand."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

ES_BODY = (
    "El presidente ruso, Vladímir Putin, se reunió el martes en Moscú con el líder norcoreano, Kim Jong-un, "
    "para reforzar la cooperación militar entre ambos países. Los dos dirigentes firmaron un acuerdo de "
    "defensa mutua y prometieron ampliar el comercio bilateral en los próximos años."
)
ES_BODY2 = (
    "Rebeldes del ELN atacaron el lunes una base del Ejército colombiano en Arauca, según informó el "
    "Ministerio de Defensa de Colombia. El presidente colombiano, Gustavo Petro, condenó el ataque y exigió "
    "al grupo armado que libere a los soldados secuestrados."
)
EN_BODY = (
    "Ukrainian forces attacked a Russian ammunition depot near Belgorod on Monday, the Ukrainian general "
    "staff said. Russia's defence ministry accused Kyiv of shelling civilian areas and vowed to respond. "
    "The European Union condemned the escalation and called for talks."
)
FR_BODY = (
    "Le président français a rencontré mardi à Paris le chancelier allemand pour discuter de la défense "
    "européenne. Les deux dirigeants ont signé un accord de coopération sur la production de munitions."
)
DE_BODY = (
    "Der Bundeskanzler hat am Dienstag in Berlin den polnischen Ministerpräsidenten empfangen. Beide "
    "Regierungschefs vereinbarten eine engere Zusammenarbeit bei der Verteidigung und beim Grenzschutz."
)


def html_page(title: str, body: str, date: str = "2025-08-12", author: str = "Ana Pérez", lang: str = "es") -> str:
    paras = "".join(f"<p>{s.strip()}.</p>" for s in body.split(". ") if s.strip())
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} | El Diario</title>'
        f'<meta name="author" content="{author}">'
        f'<meta property="article:published_time" content="{date}T09:30:00+02:00">'
        f'<meta property="article:section" content="Internacional"></head><body>'
        '<nav><ul><li><a href="/">Portada</a></li><li><a href="/mundo">Mundo</a></li></ul></nav>'
        f"<article><h1>{title}</h1>{paras}</article>"
        '<aside><h3>Lo más leído</h3><ul><li><a href="/a">Otra noticia</a></li></ul></aside>'
        "<footer>© 2019 El Diario. Todos los derechos reservados.</footer></body></html>"
    )


RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Noticias</title><link>https://noticias.example.org/</link>
<language>es-ES</language>
<item><title>Putin y Kim refuerzan su alianza</title><link>https://noticias.example.org/2025/08/12/putin-kim</link>
<pubDate>Tue, 12 Aug 2025 10:00:00 +0200</pubDate><category>Internacional</category>
<description>&lt;p&gt;{ES_BODY}&lt;/p&gt;</description></item>
<item><title>Sin fecha legible</title><link>https://noticias.example.org/sin-fecha</link>
<pubDate>el martes pasado, más o menos</pubDate>
<description>{ES_BODY.replace("martes", "jueves")} Además, Rusia enviará más ingenieros a Corea del Norte este otoño.</description></item>
<item><title>Vacía</title><link>https://noticias.example.org/vacia</link></item>
</channel></rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>World</title><id>urn:x</id><updated>2025-08-11T00:00:00Z</updated>
<entry><title>Ukraine strikes Russian depot</title><id>urn:1</id>
<link href="https://news.example.com/world/ukraine-depot"/>
<updated>2025-08-11T08:00:00Z</updated><published>2025-08-11T07:00:00Z</published>
<author><name>John Smith</name></author>
<content type="html">&lt;p&gt;{EN_BODY}&lt;/p&gt;</content></entry>
</feed>
"""


def write_warc(path: Path, pages: list[tuple[str, str]], gz: bool = True) -> None:
    """A WARC like CC-NEWS: warcinfo, then request + response per page, plus a non-HTML response."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "alianza-tests"}))
        for url, html in pages:
            req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example")], is_http_request=True)
            w.write_record(w.create_warc_record(url, "request", http_headers=req))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = w.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(html.encode("utf-8")),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2025-08-13T00:00:00Z"},
            )
            w.write_record(rec)
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        w.write_record(
            w.create_warc_record(
                "https://x.example/logo.png", "response", payload=io.BytesIO(b"\x89PNG\r\n"), http_headers=img
            )
        )


def gz(data: bytes) -> bytes:
    return gzip.compress(data)

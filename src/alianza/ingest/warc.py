"""WARC and ARC files (Common Crawl news among them) with warcio, streamed record by record.

Only HTTP responses with an HTML body are articles; requests, metadata, robots.txt and images are
not, and are passed over silently. A truncated or corrupt file keeps every record read before the
damage and reports the damage once, with the record number.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO

from ..types import Rejection
from .decode import decode
from .html import date_from_url, extract, site_of
from .htmlguard import HtmlTooBig
from .rawdoc import Origin, RawDoc

MAX_RECORD_BYTES = 20 * 1024 * 1024
_WATCH_STEP = 1024 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        k, _, v = part.strip().partition("=")
        if k.lower() == "charset" and v:
            return v.strip("\"' ").lower()
    return None


class _GzipWatch:
    """Passes reads through and checks on the side that the gzip stream ends where a member ends.

    warcio stops quietly when a gzipped file is cut between records, or inside a record's header;
    a crawl file cut by a failed download must still be reported as damaged.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.gzip: bool | None = None
        self.d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self.fed = False
        self.broken = False
        self.warc = False
        self.tail = b""

    def read(self, n: int = -1) -> bytes:
        data = self.raw.read(n)
        if self.gzip is None and data:
            self.gzip = data[:2] == b"\x1f\x8b"
            self.warc = data.startswith(b"WARC/")
        if data:
            self.tail = (self.tail + data)[-4:]
        if self.gzip and not self.broken:
            self._feed(data)
        return data

    def _feed(self, data: bytes) -> None:
        while data:
            try:  # decompressed in bounded steps and thrown away: a gzip bomb costs time, not memory
                self.d.decompress(data, _WATCH_STEP)
                while self.d.unconsumed_tail and not self.d.eof:
                    self.d.decompress(self.d.unconsumed_tail, _WATCH_STEP)
            except zlib.error:
                self.broken = True
                return
            self.fed = True
            if not self.d.eof:
                return
            data = self.d.unused_data
            self.d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            self.fed = False

    @property
    def complete(self) -> bool:
        if self.gzip:
            return not self.broken and (self.d.eof or not self.fed)
        return not self.warc or self.tail == b"\r\n\r\n"  # every WARC record ends with two CRLFs


def read_warc(stream: IO[bytes], origin: Origin) -> Iterator[RawDoc | Rejection]:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    watch = _GzipWatch(stream)
    try:
        for record in ArchiveIterator(watch, arc2warc=True):
            n += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if not ctype.lower().startswith(_HTML_TYPES):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = origin.at(f"#record={n}")
            body = record.content_stream().read(MAX_RECORD_BYTES + 1)
            if len(body) > MAX_RECORD_BYTES:
                yield Rejection(where.display, "read", "too_large", f"record body over {MAX_RECORD_BYTES} bytes")
                continue
            if getattr(record.raw_stream, "limit", 0):
                yield Rejection(where.display, "read", "truncated", "the record ends before its Content-Length")
                return
            html: str | None = None
            cs = _charset(ctype)
            if cs:
                try:
                    html = body.decode(cs)
                except (LookupError, UnicodeDecodeError):
                    html = None
            if html is None:
                dec = decode(body, where.display)
                if isinstance(dec, Rejection):
                    yield dec
                    continue
                html = dec.text
            try:
                page = extract(html, url)
            except HtmlTooBig as err:
                yield Rejection(where.display, "read", err.reason, str(err))
                continue
            except Exception as err:  # lxml/trafilatura on hostile markup: one record, not the file
                yield Rejection(where.display, "read", "bad_html", f"{type(err).__name__}: {err}")
                continue
            if page is None:
                yield Rejection(where.display, "read", "no_text", "no main text in the page")
                continue
            crawl_day = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
            yield RawDoc(
                where.display,
                page.text,
                key=url or where.key,
                lang_hint=page.lang,
                published=page.published or date_from_url(url) or crawl_day,
                url=url,
                title=page.title,
                author=page.author,
                section=page.section,
                site=site_of(url) or page.site,
                clean=False,
                format="warc",
            )
    except Exception as err:  # warcio raises ArchiveLoadFailed, zlib.error, EOFError, ... on damage
        yield Rejection(
            origin.at(f"#record={n + 1}").display,
            "read",
            "truncated",
            f"damaged or cut record ({type(err).__name__}: {err})",
        )
        return
    if not watch.complete:
        yield Rejection(origin.at(f"#record={n + 1}").display, "read", "truncated", "the file ends inside a record")

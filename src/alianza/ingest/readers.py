"""Reading inputs into raw documents, with every unreadable input reported, never raised.

A path is a file or a folder (walked recursively, symlink loops included: each real directory is
visited once). A file's format is sniffed from its bytes (`sniff.py`); compressed files and zip
archives are opened and their content sniffed in turn. WARC/ARC files are streamed, so crawl files
of any size are read; other inputs are read whole up to `MAX_BYTES`.
"""

from __future__ import annotations

import bz2
import io
import os
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..types import Rejection
from . import sniff
from .decode import decode
from .feeds import read_feed
from .html import extract
from .rawdoc import Origin, RawDoc
from .records import FieldMap, read_json_array, read_jsonl
from .warc import read_warc

MAX_BYTES = 50 * 1024 * 1024  # a single page or dump over 50 MB (once decompressed) is refused
MAX_DEPTH = 3  # zip in gzip in zip: deeper nesting is refused
HEAD = 64 * 1024


@dataclass(frozen=True, slots=True)
class ReadOptions:
    fields: FieldMap = field(default_factory=FieldMap)
    format: str | None = None  # force one of sniff.FORMATS instead of sniffing
    max_bytes: int = MAX_BYTES


def walk(paths: list[Path]) -> Iterator[Path | Rejection]:
    seen: set[tuple[int, int]] = set()
    for p in paths:
        if p.is_dir():
            for root, dirs, files in os.walk(p, followlinks=True):
                st = os.stat(root)
                if (st.st_dev, st.st_ino) in seen:
                    dirs[:] = []
                    continue
                seen.add((st.st_dev, st.st_ino))
                dirs.sort()
                for f in sorted(files):
                    if not f.startswith("."):
                        yield Path(root) / f
        elif p.exists():
            yield p
        elif p.is_symlink():
            yield Rejection(str(p), "read", "broken_link", "a symbolic link to nothing")
        else:
            yield Rejection(str(p), "read", "missing", "no such file or directory")


def read_path(path: Path, opts: ReadOptions | None = None) -> Iterator[RawDoc | Rejection]:
    opts = opts or ReadOptions()
    origin = Origin(str(path), str(path.resolve()))
    try:
        with open(path, "rb") as fh:
            head = fh.read(HEAD)
            size = os.fstat(fh.fileno()).st_size
    except OSError as err:
        yield Rejection(origin.display, "read", "unreadable", err.strerror or str(err))
        return
    if not head.strip():
        yield Rejection(origin.display, "read", "empty", "the file holds no text")
        return
    # WARC/ARC, plain or gzipped, are streamed from the file: crawl files are often 1 GB.
    inner = _gunzip_head(head) if sniff.container(head) == sniff.GZIP else head
    if opts.format in (None, sniff.WARC) and inner is not None and sniff.archive(inner):
        try:
            with open(path, "rb") as fh:
                yield from read_warc(fh, origin)
        except OSError as err:
            yield Rejection(origin.display, "read", "unreadable", err.strerror or str(err))
        return
    if size > opts.max_bytes:
        yield Rejection(origin.display, "read", "too_large", f"{size} bytes, limit {opts.max_bytes}")
        return
    try:
        data = path.read_bytes()
    except OSError as err:
        yield Rejection(origin.display, "read", "unreadable", err.strerror or str(err))
        return
    yield from read_bytes(data, origin, opts, suffix=_suffix(path.name))


def _suffix(name: str) -> str:
    name = name.lower()
    for comp in (".gz", ".bz2", ".zip"):
        if name.endswith(comp):
            name = name[: -len(comp)]
    return Path(name).suffix


def _gunzip_head(head: bytes) -> bytes | None:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096)
    except zlib.error:
        return None


def _decompress(data: bytes, kind: str, limit: int) -> tuple[bytes, str | None]:
    """Decompress up to `limit` bytes: (data, problem). A problem with data means: kept what was read."""
    out = bytearray()
    if kind == sniff.GZIP:
        while data:  # gzip files may hold several members (one per WARC record, for instance)
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            try:
                out += d.decompress(data, limit + 1 - len(out))
            except zlib.error as err:
                return bytes(out), f"corrupt gzip: {err}"
            if len(out) > limit:
                return b"", f"over {limit} bytes once decompressed"
            if not d.eof:
                return bytes(out), "truncated gzip (the stream ends early)"
            data = d.unused_data
        return bytes(out), None
    dec = bz2.BZ2Decompressor()
    try:
        out += dec.decompress(data, max_length=limit + 1)
    except (OSError, ValueError) as err:
        return bytes(out), f"corrupt bz2: {err}"
    if len(out) > limit:
        return b"", f"over {limit} bytes once decompressed"
    if not dec.eof:
        return bytes(out), "truncated bz2 (the stream ends early)"
    return bytes(out), None


def read_bytes(
    data: bytes, origin: Origin, opts: ReadOptions, suffix: str = "", depth: int = 0
) -> Iterator[RawDoc | Rejection]:
    if depth > MAX_DEPTH:
        yield Rejection(origin.display, "read", "nested", f"archives nested over {MAX_DEPTH} deep")
        return
    kind = sniff.container(data[:8])
    if kind in (sniff.GZIP, sniff.BZ2):
        inner, problem = _decompress(data, kind, opts.max_bytes)
        if problem:
            reason = "too_large" if problem.startswith("over") else "truncated"
            yield Rejection(origin.display, "read", reason, problem)
        if inner.strip():
            # A truncated stream keeps its complete records (JSONL lines, WARC records); a single
            # page cut short is not coded: half an article would give half-true events.
            if problem and _single_document(inner, suffix, opts):
                return
            yield from read_bytes(inner, origin, opts, suffix, depth + 1)
        elif not problem:
            yield Rejection(origin.display, "read", "empty", "the compressed file holds no text")
        return
    if kind == sniff.ZIP:
        yield from _read_zip(data, origin, opts, depth)
        return
    if (opts.format in (None, sniff.WARC)) and sniff.archive(data[:HEAD]):
        yield from read_warc(io.BytesIO(data), origin)
        return
    if opts.format == sniff.FEED or (opts.format is None and _is_feed(data)):
        yield from read_feed(data, origin)
        return
    dec = decode(data, origin.display)
    if isinstance(dec, Rejection):
        yield dec
        return
    fmt = opts.format or sniff.text_format(dec.text, suffix)
    if fmt == sniff.JSONL:
        yield from read_jsonl(dec.text, origin, opts.fields)
    elif fmt == sniff.JSON:
        yield from read_json_array(dec.text, origin, opts.fields)
    elif fmt == sniff.FEED:
        yield from read_feed(data, origin)
    elif fmt == sniff.HTML:
        yield from _read_html(dec.text, origin, dec.encoding)
    else:
        yield RawDoc(origin.display, dec.text, key=origin.key, encoding=dec.encoding)


def _single_document(data: bytes, suffix: str, opts: ReadOptions) -> bool:
    fmt = opts.format or sniff.text_format(data[:HEAD].decode("utf-8", "replace"), suffix)
    return fmt in (sniff.TEXT, sniff.HTML) and not sniff.archive(data[:HEAD])


def _is_feed(data: bytes) -> bool:
    head = data[:HEAD].decode("utf-8", "replace")
    return sniff.text_format(head) == sniff.FEED


def _read_html(text: str, origin: Origin, encoding: str) -> Iterator[RawDoc | Rejection]:
    try:
        page = extract(text)
    except Exception as err:  # lxml/trafilatura on hostile markup: report the file, keep going
        yield Rejection(origin.display, "read", "bad_html", f"{type(err).__name__}: {err}")
        return
    if page is None:
        yield Rejection(origin.display, "read", "no_text", "no main text in the page")
        return
    yield RawDoc(
        origin.display,
        page.text,
        key=origin.key,
        lang_hint=page.lang,
        published=page.published,
        title=page.title,
        author=page.author,
        section=page.section,
        site=page.site,
        clean=False,
        format="html",
        encoding=encoding,
    )


def _read_zip(data: bytes, origin: Origin, opts: ReadOptions, depth: int) -> Iterator[RawDoc | Rejection]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in zf.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        yield Rejection(origin.display, "read", "bad_zip", str(err))
        return
    if not members:
        yield Rejection(origin.display, "read", "empty", "the zip archive holds no files")
        return
    for m in members:
        where = origin.at(f"!{m.filename}")
        if Path(m.filename).name.startswith("."):
            continue
        if m.file_size > opts.max_bytes:
            yield Rejection(where.display, "read", "too_large", f"{m.file_size} bytes, limit {opts.max_bytes}")
            continue
        try:
            inner = zf.read(m)
        except (zipfile.BadZipFile, OSError, ValueError, zlib.error, EOFError) as err:
            yield Rejection(where.display, "read", "bad_zip", str(err))
            continue
        yield from read_bytes(inner, where, opts, _suffix(m.filename), depth + 1)

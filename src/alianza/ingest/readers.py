"""Reading inputs into raw documents, with every unreadable input reported, never raised.

A path is a file or a folder, walked by `walk.py` (only regular files are read; pipes, devices,
link loops and the like are reported). A file's format is sniffed from its bytes (`sniff.py`); compressed files and zip
archives are opened and their content sniffed in turn. WARC/ARC files are streamed, so crawl files
of any size are read; other inputs are read whole up to `MAX_BYTES`, checked from `stat` before
reading, and every decompression (gzip, bz2, zip members, at every level of nesting) stops there.
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
from typing import BinaryIO

from ..types import Rejection
from . import sniff
from .decode import decode
from .feeds import read_feed
from .html import extract
from .htmlguard import HtmlTooBig
from .rawdoc import MAX_DOC_CHARS, Origin, RawDoc
from .records import FieldMap, read_json_array, read_jsonl
from .walk import changed, open_regular, shown
from .walk import walk as walk_paths
from .warc import read_warc

MAX_BYTES = 50 * 1024 * 1024  # a single page or dump over 50 MB (once decompressed) is refused
MAX_TOTAL_BYTES = 20 * MAX_BYTES  # all the members and levels of one archive file together
MAX_DEPTH = 3  # zip in gzip in zip: deeper nesting is refused
HEAD = 64 * 1024


@dataclass(frozen=True, slots=True)
class ReadOptions:
    fields: FieldMap = field(default_factory=FieldMap)
    format: str | None = None  # force one of sniff.FORMATS instead of sniffing
    max_bytes: int = MAX_BYTES
    max_total_bytes: int = MAX_TOTAL_BYTES
    follow_links: bool = False  # follow links to folders (remembering each folder entered)


def walk(paths: list[Path], opts: ReadOptions | None = None) -> Iterator[Path | Rejection]:
    """Regular files under `paths` and a Rejection for every other entry met (`walk.py`)."""
    return walk_paths(paths, follow_links=bool(opts and opts.follow_links))


def read_path(path: Path, opts: ReadOptions | None = None) -> Iterator[RawDoc | Rejection]:
    opts = opts or ReadOptions()
    try:
        origin = Origin(shown(path), shown(path.resolve()))
    except (OSError, RuntimeError) as err:  # a loop met while resolving: the walk's check is stale
        yield Rejection(shown(path), "read", "link_loop", str(err))
        return
    opened = open_regular(path)
    if isinstance(opened, Rejection):
        yield opened
        return
    fh, st = opened
    with fh:
        if st.st_size == 0:  # also /proc and /sys files, whose size says 0 whatever they hold
            yield Rejection(origin.display, "read", "empty", "the file holds no text")
            return
        got = _read_head(fh, st, opts)
        if isinstance(got, Rejection):
            yield Rejection(origin.display, got.stage, got.reason, got.detail)
            return
        data, streamed = got
        if streamed:  # WARC/ARC, plain or gzipped, are streamed from the file: crawl files are often 1 GB
            fh.seek(0)
            yield from read_warc(fh, origin)
            return
    if not data.strip():
        yield Rejection(origin.display, "read", "empty", "the file holds no text")
        return
    yield from read_bytes(data, origin, opts, suffix=_suffix(path.name))


def _read_head(fh: BinaryIO, st: os.stat_result, opts: ReadOptions) -> tuple[bytes, bool] | Rejection:
    """(the whole file, False), or (its head, True) for a crawl file to stream. The size is
    checked from `stat` before the body is read; a file that grows past it, shrinks or is
    rewritten while read is refused (its next state is read by the next run)."""
    try:
        head = fh.read(HEAD)
        inner = _gunzip_head(head) if sniff.container(head) == sniff.GZIP else head
        if opts.format in (None, sniff.WARC) and inner is not None and sniff.archive(inner):
            return head, True
        if st.st_size > opts.max_bytes:
            return Rejection("", "read", "too_large", f"{st.st_size} bytes, limit {opts.max_bytes}")
        rest = st.st_size + 1 - len(head)  # one byte more than stat said: a file that grew is seen
        data = head + fh.read(rest) if rest > 0 and len(head) == HEAD else head
        after = os.fstat(fh.fileno())
    except OSError as err:
        return Rejection("", "read", "unreadable", err.strerror or str(err))
    why = changed(st, after) or (
        None if len(data) == st.st_size else f"changed size while being read ({st.st_size} then {len(data)}+ bytes)"
    )
    if why:
        return Rejection("", "read", "changed", why)
    return data, False


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


@dataclass(slots=True)
class _Budget:
    """What one input file may still decompress to, its archive levels and members together."""

    left: int


def read_bytes(
    data: bytes, origin: Origin, opts: ReadOptions, suffix: str = "", depth: int = 0, budget: _Budget | None = None
) -> Iterator[RawDoc | Rejection]:
    budget = budget or _Budget(opts.max_total_bytes)
    if depth > MAX_DEPTH:
        yield Rejection(origin.display, "read", "nested", f"archives nested over {MAX_DEPTH} deep")
        return
    kind = sniff.container(data[:8])
    if kind in (sniff.GZIP, sniff.BZ2):
        inner, problem = _decompress(data, kind, opts.max_bytes)
        budget.left -= len(inner)
        if problem:
            reason = "too_large" if problem.startswith("over") else "truncated"
            yield Rejection(origin.display, "read", reason, problem)
        if inner.strip():
            # A truncated stream keeps its complete records (JSONL lines, WARC records); a single
            # page cut short is not coded: half an article would give half-true events.
            if problem and _single_document(inner, suffix, opts):
                return
            yield from read_bytes(inner, origin, opts, suffix, depth + 1, budget)
        elif not problem:
            yield Rejection(origin.display, "read", "empty", "the compressed file holds no text")
        return
    if kind == sniff.ZIP:
        yield from _read_zip(data, origin, opts, depth, budget)
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
    elif len(dec.text) > MAX_DOC_CHARS:  # one page or text this long is a dump or a log, not news
        yield Rejection(origin.display, "read", "too_large", f"{len(dec.text)} characters, limit {MAX_DOC_CHARS}")
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
    except HtmlTooBig as err:
        yield Rejection(origin.display, "read", err.reason, str(err))
        return
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


def _read_zip(
    data: bytes, origin: Origin, opts: ReadOptions, depth: int, budget: _Budget
) -> Iterator[RawDoc | Rejection]:
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
        cap = max(0, min(opts.max_bytes, budget.left))
        try:  # the declared size can lie: the read itself stops one byte past the limit
            with zf.open(m) as member:
                inner = member.read(cap + 1)
        except (zipfile.BadZipFile, OSError, ValueError, zlib.error, EOFError, NotImplementedError) as err:
            yield Rejection(where.display, "read", "bad_zip", str(err))
            continue
        budget.left -= len(inner)
        if budget.left < 0:
            total = opts.max_total_bytes
            yield Rejection(
                where.display, "read", "too_large", f"the archive holds over {total} bytes; the rest is skipped"
            )
            return
        if len(inner) > cap:
            yield Rejection(where.display, "read", "too_large", f"over {cap} bytes once decompressed")
            continue
        yield from read_bytes(inner, where, opts, _suffix(m.filename), depth + 1, budget)

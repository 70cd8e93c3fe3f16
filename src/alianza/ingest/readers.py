"""Reading input files into raw records, with every unreadable input reported, never raised.

Formats here: plain-text pages and JSONL dumps. Folders are walked recursively, symlink loops
included (each real directory is visited once).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..types import Rejection

MAX_BYTES = 50 * 1024 * 1024  # larger files are rejected: no news article is 50 MB
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})


@dataclass(frozen=True, slots=True)
class RawDoc:
    source: str  # file path, or "file#line=N" for a JSONL record
    text: str
    lang: str | None = None
    published: str | None = None
    url: str | None = None
    title: str | None = None
    clean: bool = True


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
        else:
            yield Rejection(str(p), "read", "missing", "no such file or directory")


def decode(data: bytes, source: str) -> str | Rejection:
    if not data.strip():
        return Rejection(source, "read", "empty", "the file holds no text")
    head = data[:8192]
    if b"\x00" in head or sum(b < 9 or 13 < b < 32 for b in head) > 0.1 * len(head):
        return Rejection(source, "decode", "binary", "the file is not text (NUL or control bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return Rejection(source, "decode", "encoding", f"not valid UTF-8 at byte {err.start}")


def read_file(path: Path) -> Iterator[RawDoc | Rejection]:
    src = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield Rejection(src, "read", "too_large", f"{size} bytes, limit {MAX_BYTES}")
            return
        data = path.read_bytes()
    except OSError as err:
        yield Rejection(src, "read", "unreadable", err.strerror or str(err))
        return
    text = decode(data, src)
    if isinstance(text, Rejection):
        yield text
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl_text(text, src)
    else:
        yield RawDoc(src, text)


def read_jsonl_text(text: str, src: str, text_field: str = "text") -> Iterator[RawDoc | Rejection]:
    for no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{src}#line={no}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as err:
            yield Rejection(where, "read", "bad_json", err.msg)
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get(text_field), str) or not rec[text_field].strip():
            yield Rejection(where, "read", "no_text", f"expected an object with a non-empty {text_field!r} string")
            continue
        yield RawDoc(
            where,
            rec[text_field],
            rec.get("lang"),
            rec.get("published"),
            rec.get("url"),
            rec.get("title"),
            clean=bool(rec.get("clean", False)),
        )

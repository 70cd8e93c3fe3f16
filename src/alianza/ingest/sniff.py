"""What is this input? Decided from its first bytes, not its file name: saved pages come as `.php`,
feeds as `.cgi`, dumps without a suffix. The suffix only breaks a tie (`.jsonl` with one odd line).
"""

from __future__ import annotations

import re

GZIP, BZ2, ZIP = "gzip", "bz2", "zip"
WARC, ARC, FEED, HTML, JSONL, JSON, TEXT = "warc", "arc", "feed", "html", "jsonl", "json", "text"
FORMATS = (TEXT, HTML, FEED, WARC, JSONL)  # what a user may force with --format

_XML_PROLOGUE = re.compile(r"^(?:\ufeff|\s|<\?xml[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.S | re.I)
_FEED_ROOT = re.compile(r"^<(?:rss|feed|rdf:RDF|channel)\b", re.I)
_HTML_START = re.compile(r"^<(?:!doctype\s+html|html|head|body|meta|title|div|article|section|p|table|h[1-6])\b", re.I)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")


def container(head: bytes) -> str | None:
    """The compression or archive wrapper, if any."""
    if head[:2] == b"\x1f\x8b":
        return GZIP
    if head[:3] == b"BZh":
        return BZ2
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return ZIP
    return None


def archive(head: bytes) -> str | None:
    """WARC or ARC: read as a stream of records, so that a 1 GB crawl file never sits in memory."""
    h = head.lstrip()
    if h.startswith(b"WARC/"):
        return WARC
    if h.startswith(b"filedesc://"):
        return ARC
    return None


def text_format(text: str, suffix: str = "") -> str:
    """Feed, HTML, JSON Lines, a JSON array, or plain text."""
    head = text[:8192]
    body = _XML_PROLOGUE.sub("", head, count=1)
    if _FEED_ROOT.match(body):
        return FEED
    if _HTML_START.match(body.lstrip()):
        return HTML
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{") or (suffix in (".jsonl", ".ndjson") and stripped.startswith(("{", "["))):
        return JSONL
    if stripped.startswith("[") and suffix == ".json":
        return JSON
    if suffix in (".jsonl", ".ndjson"):
        return JSONL
    if suffix in (".html", ".htm", ".xhtml") or len(_TAG.findall(head)) >= 8:
        return HTML
    if suffix in (".rss", ".atom") or (suffix == ".xml" and "<item" in head):
        return FEED
    return TEXT

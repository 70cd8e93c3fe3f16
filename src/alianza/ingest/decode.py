"""Bytes to text, without losing an article to a wrong or mixed encoding.

Order of trust: a byte-order mark; strict UTF-8; then line by line, where lines that are valid UTF-8
stay UTF-8 and the others are decoded with the encoding charset_normalizer finds for them (the
usual case is a UTF-8 page with a pasted Windows-1252 paragraph). Binary input is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..types import Rejection

GUESS_SAMPLE = 256 * 1024  # charset_normalizer's time grows with its input; a page's worth decides
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "cp1252", "utf-8+cp1252" for a mixed file, ...


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if not head:
        return False
    control = sum(b < 9 or 13 < b < 32 for b in head)
    return b"\x00" in head or control > 0.1 * len(head)


def decode(data: bytes, source: str) -> Decoded | Rejection:
    got = _decode(data, source)
    if isinstance(got, Decoded) and not got.text.strip():
        return Rejection(source, "read", "empty", "the input holds only white space")
    return got


def _decode(data: bytes, source: str) -> Decoded | Rejection:
    if not data.strip():
        return Rejection(source, "read", "empty", "the input holds no text")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(enc).lstrip("\ufeff"), enc.replace("-sig", ""))
            except UnicodeDecodeError as err:
                return Rejection(
                    source, "decode", "encoding", f"{enc} byte-order mark, but invalid at byte {err.start}"
                )
    if looks_binary(data):
        return Rejection(source, "decode", "binary", "not text (NUL or control bytes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _by_lines(data, source)


# Single-byte Latin code pages that charset_normalizer cannot tell apart on short Western text
# (it often says cp1250, which turns Spanish ñ into ń). Browsers settle the same doubt by reading
# them all as Windows-1252 (WHATWG Encoding), and so do we when the bytes allow it.
_LATIN_FAMILY = frozenset(
    {
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "latin_1",
        "iso8859_2",
        "iso8859_9",
        "iso8859_15",
        "iso8859_16",
        "mac_roman",
        "mac_latin2",
        "cp850",
    }
)


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    if best.encoding in _LATIN_FAMILY:
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            return str(best.encoding)
    return str(best.encoding)


def _by_lines(data: bytes, source: str) -> Decoded | Rejection:
    lines = data.splitlines(keepends=True)
    good: list[str | None] = []
    bad = bytearray()
    for line in lines:
        try:
            good.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            good.append(None)
            bad += line
    enc = _guess(bytes(bad[:GUESS_SAMPLE])) or "cp1252"
    out = []
    try:
        for line, txt in zip(lines, good, strict=True):
            out.append(txt if txt is not None else line.decode(enc))
    except (UnicodeDecodeError, LookupError) as err:
        return Rejection(source, "decode", "encoding", f"neither UTF-8 nor {enc}: {err}")
    text = "".join(out)
    if looks_binary(text.encode("utf-8", "replace")):
        return Rejection(source, "decode", "binary", "not text once decoded")
    label = enc if all(t is None for t in good) else f"utf-8+{enc}"
    return Decoded(text, label)

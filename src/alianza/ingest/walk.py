"""Walking folders as real disks hold them, and opening only what is safe to read.

Only regular files are read. A named pipe would hang the run on `open`, `/dev/zero` or
`/dev/urandom` behind a link named `x.txt` would feed it forever, and a link to a parent folder
would walk the tree again at every level: each is reported with its reason and never opened.
Links to files are followed once (the target is what is read, and what the article id hashes);
links to folders only with `follow_links`, and then the (device, inode) of every folder entered is
remembered, so a loop is reported and left at once. The walk is streamed, one folder's listing at
a time, so memory does not grow with the size of the tree.

Names are shown escaped (`\\n`, `\\xff`): a name with a newline or bytes that are not UTF-8 must not
break a report line, a terminal or the store.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..types import Rejection

_CONTROL = {c: f"\\x{c:02x}" for c in range(32)} | {10: "\\n", 13: "\\r", 9: "\\t", 127: "\\x7f"}
_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def shown(path: str | os.PathLike[str]) -> str:
    """The path as it is printed and stored: invalid bytes as `\\xNN`, control characters escaped."""
    s = os.fspath(path)
    try:
        raw = s.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = s.encode("utf-8", "backslashreplace")
    return raw.decode("utf-8", "backslashreplace").translate(_CONTROL)


def kind_of(mode: int) -> str:
    for test, words in _KINDS:
        if test(mode):
            return words
    return "not a file or folder"


def _reject(path: Path, reason: str, detail: str) -> Rejection:
    return Rejection(shown(path), "read", reason, detail)


def _os_error(path: Path, err: OSError) -> Rejection:
    if err.errno == errno.ELOOP:
        return _reject(path, "link_loop", "a symbolic link that loops on itself")
    if err.errno in (errno.ENOENT, errno.ENOTDIR):
        return _reject(path, "vanished", "gone before it could be read")
    if err.errno in (errno.EACCES, errno.EPERM):
        return _reject(path, "unreadable", "permission denied")
    return _reject(path, "unreadable", err.strerror or str(err))


def _classify(path: Path, top: bool, follow_links: bool) -> os.stat_result | Rejection:
    """The stat of what `path` names when it is to be read or entered, else why not."""
    try:
        st = os.lstat(path)
    except OSError as err:
        if top and err.errno == errno.ENOENT:
            return _reject(path, "missing", "no such file or directory")
        return _os_error(path, err)
    if stat.S_ISLNK(st.st_mode):
        try:
            st = os.stat(path)
        except OSError as err:
            if err.errno == errno.ELOOP:
                return _reject(path, "link_loop", "a symbolic link that loops on itself")
            if err.errno in (errno.ENOENT, errno.ENOTDIR):
                return _reject(path, "broken_link", "a symbolic link to nothing")
            return _os_error(path, err)
        if stat.S_ISDIR(st.st_mode) and not (top or follow_links):
            return _reject(path, "folder_link", "a link to a folder, not followed (--follow-links follows it)")
    if stat.S_ISDIR(st.st_mode) or stat.S_ISREG(st.st_mode):
        return st
    return _reject(path, "not_regular", f"not a regular file: {kind_of(st.st_mode)}")


def _listing(folder: Path) -> list[str] | Rejection:
    try:
        return sorted(os.listdir(folder))
    except OSError as err:
        return _os_error(folder, err)


def walk(paths: list[Path], follow_links: bool = False) -> Iterator[Path | Rejection]:
    """Regular files under `paths`, in name order, and a Rejection for everything else met.

    Hidden files and folders (a leading dot) are passed over, as `ls` does; a hidden pipe, device
    or broken link is still named (`.html -> /dev/urandom` is no dotfile anyone meant)."""
    entered: set[tuple[int, int]] = set()
    for top in paths:
        got = _classify(top, True, follow_links)
        if isinstance(got, Rejection):
            yield got
        elif stat.S_ISREG(got.st_mode):
            yield top
        elif (got.st_dev, got.st_ino) not in entered:  # a folder named twice is walked once
            yield from _walk_folder(top, got, entered, follow_links)


def _walk_folder(
    top: Path, st: os.stat_result, entered: set[tuple[int, int]], follow_links: bool
) -> Iterator[Path | Rejection]:
    """Depth first with an explicit stack: no recursion limit, one listing per open folder."""
    entered.add((st.st_dev, st.st_ino))
    first = _listing(top)
    if isinstance(first, Rejection):
        yield first
        return
    stack: list[tuple[Path, Iterator[str], frozenset[tuple[int, int]]]] = [
        (top, iter(first), frozenset({(st.st_dev, st.st_ino)}))
    ]
    while stack:
        folder, names, ancestors = stack[-1]
        name = next(names, None)
        if name is None:
            stack.pop()
            continue
        path = folder / name
        got = _classify(path, False, follow_links)
        if name.startswith("."):  # passed over, unread; only what would be refused anyway is named
            if isinstance(got, Rejection) and got.reason != "folder_link":
                yield got
            continue
        if isinstance(got, Rejection):
            yield got
            continue
        if stat.S_ISREG(got.st_mode):
            yield path
            continue
        key = (got.st_dev, got.st_ino)
        if key in ancestors:
            yield _reject(path, "link_loop", "a link back to a folder above it (a loop)")
            continue
        if key in entered:
            yield _reject(path, "link_loop", "a link to a folder walked already")
            continue
        entered.add(key)
        listing = _listing(path)
        if isinstance(listing, Rejection):
            yield listing
            continue
        stack.append((path, iter(listing), ancestors | {key}))


def open_regular(path: Path) -> tuple[BinaryIO, os.stat_result] | Rejection:
    """Open for reading only if it is a regular file once open (the walk's check may be stale:
    a file can be swapped for a pipe in between). O_NONBLOCK makes opening a FIFO return at once."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        return _os_error(path, err)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            os.close(fd)
            return _reject(path, "not_regular", f"not a regular file: {kind_of(st.st_mode)}")
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
        return os.fdopen(fd, "rb"), st
    except OSError as err:
        os.close(fd)
        return _os_error(path, err)


def changed(before: os.stat_result, after: os.stat_result) -> str | None:
    """Why a file read is not the file that was there (None: it is)."""
    if (before.st_dev, before.st_ino) != (after.st_dev, after.st_ino):
        return "replaced while being read"
    if before.st_size != after.st_size:
        return f"changed size while being read ({before.st_size} then {after.st_size} bytes)"
    if before.st_mtime_ns != after.st_mtime_ns:
        return "modified while being read"
    return None

"""A folder of real-disk hostility (issue 15), built in a temporary folder by the tests.

What analysts' folders hold besides articles: named pipes and sockets, links to devices, dangling
links and link loops at several depths, a link to a file outside the folder, names with newlines
and bytes that are not UTF-8, a file that grows while it is read, a deep tree of 10,000 small
notes. `make_disk` returns what each entry must become: a stored article, or a refusal with one of
the listed reasons. The article bodies are our own, from several regions.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from alianza.ingest.walk import shown

from .fixtures_ingest import html_page

GOOD = (
    "La Armada de Chile y la Marina de Guerra del Perú realizaron el jueves ejercicios conjuntos frente a "
    "Arica, informó el Ministerio de Defensa chileno. Ambos gobiernos acordaron repetir las maniobras cada año.",
    "Kenya's government signed a water-sharing agreement with Ethiopia on Wednesday in Nairobi, the foreign "
    "ministry said. Both countries pledged to share data on the flow of the Omo river.",
    "Manifestantes indígenas bloquearon el martes la carretera Panamericana en el sur de Ecuador para "
    "protestar contra una concesión minera, según la policía ecuatoriana.",
    "Indonesian police arrested three men suspected of smuggling rifles to separatist fighters in Papua, a "
    "police spokesman said on Friday. The weapons were seized at a port in Sorong.",
    "El gobierno de Bolivia llamó a consultas a su embajador en Lima después de que el Congreso peruano "
    "aprobara una moción contra el presidente boliviano, informó la cancillería en La Paz.",
    "Philippine coast guard vessels were blocked by Chinese ships near Second Thomas Shoal on Sunday, the "
    "Philippine military said, and Manila summoned the Chinese ambassador to protest.",
    "Senegal and Mauritania agreed on Tuesday to patrol their shared maritime border together, the two "
    "governments said in a joint statement issued in Dakar after talks between their defence ministers.",
    "Vietnam and Japan agreed to expand naval cooperation and hold joint exercises in the South China Sea, "
    "officials said after a meeting of the two defence ministers in Hanoi on Thursday.",
    "Tropas brasileñas y paraguayas destruyeron el sábado plantaciones de marihuana en la frontera común, "
    "según un comunicado conjunto de la Policía Federal de Brasil y la Secretaría Antidrogas de Paraguay.",
)


@dataclass
class Disk:
    root: Path
    bad: dict[str, set[str]] = field(default_factory=dict)  # shown path -> reasons it may be refused for
    good: list[str] = field(default_factory=list)  # shown paths of articles, each to be stored once
    aliases: list[str] = field(default_factory=list)  # links to a good article that is stored already
    growing: Path | None = None


def _fifo(disk: Disk, rel: str) -> None:
    p = disk.root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(p)
    disk.bad[shown(p)] = {"not_regular"}


def _link(disk: Disk, rel: str, target: str | Path, reasons: set[str] | None) -> None:
    p = disk.root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, p)
    if reasons is not None:
        disk.bad[shown(p)] = reasons


def _good(disk: Disk, path: Path | bytes, body: str, html: bool = False) -> None:
    data = (html_page("Noticia", body) if html else body).encode("utf-8")
    with open(path, "wb") as fh:
        fh.write(data)
    disk.good.append(shown(os.fsdecode(path)))


def make_disk(root: Path, outside: Path, small_files: int = 10_000) -> Disk:
    """The corpus; `outside` is a folder beside it that links point into."""
    root.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    disk = Disk(root)
    for i, body in enumerate(GOOD[:4]):
        _good(disk, root / f"good{i}.txt", body)
    _good(disk, root / "page.html", GOOD[4], html=True)
    # names a terminal, a report line or the store could choke on
    _good(disk, root / "two\nlines.txt", GOOD[5])
    _good(disk, os.path.join(os.fsencode(root), b"caf\xe9-\xff\xfe.txt"), GOOD[6])
    bad_name = os.path.join(os.fsencode(root), b"vac\xedo\n.txt")
    open(bad_name, "wb").close()
    disk.bad[shown(os.fsdecode(bad_name))] = {"empty"}
    # a link to a file outside the folder is read (once), a second link to it is the same article
    target = outside / "elsewhere.txt"
    target.write_text(GOOD[7], encoding="utf-8")
    _link(disk, "linked.txt", target, None)
    disk.good.append(shown(root / "linked.txt"))
    _link(disk, "zz-same-again.txt", target, None)
    disk.aliases.append(shown(root / "zz-same-again.txt"))
    # things that are not regular files, directly or behind a link
    _fifo(disk, "x.txt")
    _fifo(disk, "pipes/feed.html")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(os.fspath(root / "s.sock"))
    sock.close()
    disk.bad[shown(root / "s.sock")] = {"not_regular"}
    for name, dev in (("zeros.txt", "/dev/zero"), ("noise.html", "/dev/urandom"), ("null.txt", "/dev/null")):
        _link(disk, name, dev, {"not_regular"})
    _link(disk, "to-pipe.txt", root / "x.txt", {"not_regular"})
    _link(disk, ".html", "/dev/urandom", {"not_regular"})  # hidden, never read, still named
    (root / ".notes.txt").write_text(GOOD[0])  # hidden: passed over
    # dangling links and link loops at several depths
    _link(disk, "dangling.txt", root / "nowhere.txt", {"broken_link"})
    _link(disk, "chain.txt", "dangling.txt", {"broken_link"})
    _link(disk, "self.txt", "self.txt", {"link_loop"})
    _link(disk, "ping.txt", "pong.txt", {"link_loop"})
    _link(disk, "pong.txt", "ping.txt", {"link_loop"})
    _link(disk, "loop/again", "..", {"folder_link"})
    _link(disk, "levels/a/b/c/up", "../../..", {"folder_link"})
    _link(disk, "levels/a/b/top", root, {"folder_link"})
    _link(disk, "levels/a/out", outside, {"folder_link"})
    # a deep tree of small notes (too short to be articles), an article at its bottom
    deep = root / "deep"
    per_level = 200
    for k in range(small_files):
        level = deep.joinpath(*(f"l{j:02d}" for j in range(k // per_level + 1)))
        if k % per_level == 0:
            level.mkdir(parents=True, exist_ok=True)
        p = level / f"nota-{k:05d}.txt"
        p.write_bytes(f"nota {k}\n".encode())
        disk.bad[shown(p)] = {"too_short"}
    _good(disk, deep.joinpath(*(f"l{j:02d}" for j in range(small_files // per_level))) / "fondo.txt", GOOD[8])
    disk.growing = root / "growing.log"
    disk.growing.write_text("2026-12-02T07:00:00 arranque\n")
    return disk


class Grower:
    """Appends to a file from a thread until stopped, starting again from nothing every 64 KB."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        n = 0
        with open(self.path, "ab", buffering=0) as fh:
            while not self.stop.is_set():
                n += 1
                fh.write(f"2026-12-02T07:{n % 60:02d}:00 tick {n}\n".encode())
                if fh.tell() > 64 * 1024:
                    fh.truncate(0)
                    fh.seek(0)
                time.sleep(0.0002)

    def __enter__(self) -> Grower:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()

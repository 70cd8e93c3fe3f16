"""What keeps one bad input from holding a run: a per-file deadline, and refusals counted by kind.

The deadline is a SIGALRM timer, armed only while a reader extracts the next document of a file or
while the coder codes one article, so waiting on the store or on other files never counts. A signal
interrupts Python code, not a single long C call: the size limits and the HTML tree guard
(`htmlguard.py`) are what keep each such call short. Outside the main thread (a worker pool) there
is no alarm to arm, and the deadline is not enforced.

`Deadline` derives from BaseException so that the `except Exception` blocks of libraries (and ours)
do not swallow it.
"""

from __future__ import annotations

import signal
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from ..types import Rejection

T = TypeVar("T")
MODEL_LOAD_S = 120.0

# How the summary line names each reason (reasons not listed are shown with spaces for underscores).
REASON_WORDS = {
    "not_regular": "not a regular file",
    "link_loop": "link loop",
    "broken_link": "broken link",
    "folder_link": "folder link not followed",
    "too_large": "too large",
    "too_deep": "HTML too deep",
    "too_wide": "HTML too wide",
    "timeout": "over the time limit",
    "changed": "changed while read",
    "vanished": "vanished",
    "unreadable": "unreadable",
    "too_short": "too short",
    "no_text": "no text",
    "bad_json": "bad JSON",
    "bad_zip": "bad zip",
    "bad_html": "bad HTML",
}


class Deadline(BaseException):
    """Raised in the main thread when the armed time is over."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"over {seconds:g} s")
        self.seconds = seconds

    def rejection(self, source: str, stage: str, what: str) -> Rejection:
        return Rejection(source, stage, "timeout", f"{what} took over {self.seconds:g} s (--file-timeout)")


def _can_arm(seconds: float) -> bool:
    return seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise Deadline inside the block once `seconds` have passed (0: no limit)."""
    if not _can_arm(seconds):
        yield
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise Deadline(seconds)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:  # the alarm may ring right here: the old handler is put back all the same
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)


def each_within(items: Iterable[T], seconds: float, source: str) -> Iterator[T | Rejection]:
    """The items of a reader, each under the deadline; on a timeout a Rejection ends the file
    (a reader stopped half-way cannot be resumed, and what it yielded before is kept)."""
    it = iter(items)
    while True:
        try:
            with deadline(seconds):
                item = next(it)
        except StopIteration:
            return
        except Deadline as late:
            yield late.rejection(source, "read", "reading the next document")
            return
        yield item


class CodingClock:
    """The coding deadline of each article. The first article of a language also loads its models
    and fills the process's caches (seconds on a busy machine), and gets MODEL_LOAD_S more."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.started: set[str | None] = set()

    def limit(self, lang: str | None) -> float:
        if self.seconds <= 0 or lang in self.started:
            return self.seconds
        self.started.add(lang)
        return self.seconds + MODEL_LOAD_S


def reason_counts(rejections: Iterable[Rejection]) -> str:
    """'not a regular file 3, link loop 1, too large 2': the kinds of refusal, most frequent first."""
    counts = Counter(r.reason for r in rejections)
    return ", ".join(f"{REASON_WORDS.get(k, k.replace('_', ' '))} {n}" for k, n in counts.most_common())


def rejection_json(r: Rejection) -> dict[str, str]:
    return {"source": r.source, "stage": r.stage, "reason": r.reason, "detail": r.detail}

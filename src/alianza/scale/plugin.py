"""The `WorkerPlugin` that gives each Dask worker its own `Resources`, built once."""

from __future__ import annotations

import logging
from typing import Any

from distributed import WorkerPlugin

from ..pipeline import Resources

PLUGIN_NAME = "alianza-resources"


class ResourcesPlugin(WorkerPlugin):
    """Builds `Resources` once per worker (idempotent: a worker that has them keeps them). spaCy
    models load on the worker's first article of each language, so a worker only pays for the
    languages it sees."""

    name = PLUGIN_NAME
    idempotent = True

    def __init__(self, languages: tuple[str, ...] | None = None, local: bool = False) -> None:
        self.languages = languages
        self.local = local

    def setup(self, worker: Any) -> None:
        if self.local:
            # Ctrl-C on a terminal reaches the whole process group: the driver finishes its batches
            # in flight, which needs the local workers alive (workers of a cluster are left alone)
            import contextlib
            import signal

            with contextlib.suppress(ValueError):  # ValueError: not the worker process's main thread
                signal.signal(signal.SIGINT, signal.SIG_IGN)
        # trafilatura logs every page it finds no text in; those pages are rejections instead
        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
        if getattr(worker, "alianza_resources", None) is None:
            worker.alianza_resources = Resources.load(self.languages)

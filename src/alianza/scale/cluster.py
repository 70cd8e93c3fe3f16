"""Where batches run: in the driver's own process (`InlineExecutor`, `--jobs 1`) or on Dask
(`DaskExecutor`: a `LocalCluster` of one-thread worker processes, or an existing scheduler).

Both take a function of `(resources, *args)` and give back a handle; the runner never sees which
one it has. On Dask the resources are built once per worker by `ResourcesPlugin` (spaCy models are
then loaded on a worker's first article of each language), and a task finds them through
`get_worker()`, so nothing heavy is pickled per batch.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from typing import Any, Protocol

from ..config import DASK_SETTINGS
from ..pipeline import Resources

PLUGIN_NAME = "alianza-resources"  # the same name as plugin.py (not imported: it loads Dask)


class Handle(Protocol):
    def done(self) -> bool: ...
    def result(self) -> Any: ...


class Executor(Protocol):
    workers: int

    def submit(self, fn: Callable[..., Any], *args: Any, priority: int = 0) -> Handle: ...
    def wait_first(self, handles: list[Handle], timeout: float | None = None) -> None: ...
    def close(self) -> None: ...


class _Done:
    """A result computed at submit time (in process), or the error it raised."""

    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        self._value: Any = None
        self._error: BaseException | None = None
        try:
            self._value = fn(*args)
        except Exception as err:
            self._error = err

    def done(self) -> bool:
        return True

    def result(self) -> Any:
        if self._error is not None:
            raise self._error
        return self._value


class InlineExecutor:
    """`--jobs 1`: today's single process, no Dask started."""

    workers = 1
    remote = False  # a task runs at submit, in this process

    def __init__(self, res: Resources) -> None:
        self.res = res

    def submit(self, fn: Callable[..., Any], *args: Any, priority: int = 0) -> Handle:
        return _Done(fn, (self.res, *args))

    def wait_first(self, handles: list[Handle], timeout: float | None = None) -> None:
        return None

    def close(self) -> None:
        return None

    def dashboard(self) -> str | None:
        return None

    def worker_memory(self) -> dict[str, int]:
        return {}

    def worker_cpu(self) -> dict[str, float]:
        return {}

    def warm(self, languages: list[str], samples: tuple[tuple[str, str], ...] = ()) -> None:
        _warm_resources(self.res, languages, samples)


def _with_resources(fn: Callable[..., Any], *args: Any) -> Any:
    """The task body on a worker: the function with this worker's resources."""
    worker: Any = _dask().get_worker()
    res = getattr(worker, "alianza_resources", None)
    if res is None:  # a worker that joined before the plugin reached it
        from .plugin import ResourcesPlugin

        ResourcesPlugin().setup(worker)
        res = worker.alianza_resources
    return fn(res, *args)


def _dask() -> Any:
    """distributed, untyped: imported only where Dask runs (`--jobs 1` never loads it)."""
    import importlib

    return importlib.import_module("distributed")


def _warm_resources(res: Resources, languages: list[str], samples: tuple[tuple[str, str], ...]) -> None:
    """Load the models, then prepare and code each sample `(lang, text)` as the runner would: what
    a first article loads besides the model (the language identifier, lemma dictionaries, lexicon
    indexes) is loaded here too, so that a benchmark times every executor from the same warm state."""
    from ..ingest.rawdoc import RawDoc
    from ..pipeline import code_article
    from ..runner.work import Prepared, prepare_doc

    for lang in languages:
        if res.codes(lang):
            res.nlp(lang)
    for lang, text in samples:
        got = prepare_doc(RawDoc("warm-up", text), res, None, True)
        if isinstance(got, Prepared) and res.codes(lang):
            code_article(got.article, res)


def _warm(languages: list[str], samples: tuple[tuple[str, str], ...] = (), dask_worker: Any = None) -> None:
    """Run on each worker by `Client.run`, which hands it the worker."""
    res = getattr(dask_worker, "alianza_resources", None)
    if res is None:
        from .plugin import ResourcesPlugin

        ResourcesPlugin().setup(dask_worker)
        res = dask_worker.alianza_resources
    _warm_resources(res, languages, samples)


def _cpu_seconds() -> float:
    return time.process_time()


def _peak_rss() -> int:
    """This process's own peak resident memory, in bytes. On Linux, `VmHWM` of /proc/self/status:
    `getrusage`'s ru_maxrss survives exec, so a worker spawned (fork, then exec) by a driver that
    held 700 MB reports 700 MB whatever it used itself (measured 2026-12-04: 1,109 MB against a
    VmHWM of 544 MB behind a driver of 809 MB)."""
    import resource

    try:
        with open("/proc/self/status", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024  # kB
    except (OSError, ValueError, IndexError):
        pass
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024  # Linux reports KiB


class DaskExecutor:
    """Batches as Dask futures. A worker that dies takes its task with it; the scheduler runs the
    task again elsewhere once (`allowed-failures` 1 on a local cluster), then reports it failed and
    the runner codes that batch's articles one by one to find the article to blame."""

    remote = True  # a trip to a worker costs pickling both ways and the scheduler's round

    def __init__(self, jobs: int | None = None, scheduler: str | None = None, dashboard: bool = False) -> None:
        import dask

        dist = _dask()
        self.cluster: Any = None
        if scheduler:
            self.client: Any = dist.Client(scheduler)
        else:
            n = jobs or os.cpu_count() or 1
            # glibc gives each thread that allocates an arena of its own; a worker's threads (event
            # loop, task thread, offload) need no more than two
            environ = {**dask.config.get("distributed.nanny.pre-spawn-environ", {}), "MALLOC_ARENA_MAX": 2}
            settings = {
                **DASK_SETTINGS,
                "distributed.scheduler.allowed-failures": 1,
                "distributed.nanny.pre-spawn-environ": environ,
            }
            with dask.config.set(settings):
                self.cluster = dist.LocalCluster(
                    n_workers=n,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0" if dashboard else None,
                    silence_logs=50,  # CRITICAL: worker restarts are the runner's to report
                )
            self.client = dist.Client(self.cluster)
        from .plugin import ResourcesPlugin

        self.client.register_plugin(ResourcesPlugin(local=self.cluster is not None), name=PLUGIN_NAME)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def submit(self, fn: Callable[..., Any], *args: Any, priority: int = 0) -> Handle:
        """`priority`: higher runs first among the tasks a worker holds (Dask's own ordering)."""
        fut: Handle = self.client.submit(_with_resources, fn, *args, pure=False, priority=priority)
        return fut

    def wait_first(self, handles: list[Handle], timeout: float | None = None) -> None:
        """Until one of the handles is done, or `timeout` seconds have passed."""
        if handles and not any(h.done() for h in handles):
            with contextlib.suppress(TimeoutError):  # distributed's TimeoutError is the builtin
                _dask().wait(handles, timeout=timeout, return_when="FIRST_COMPLETED")

    def dashboard(self) -> str | None:
        try:
            return str(self.client.dashboard_link)
        except (KeyError, AttributeError):  # started without a dashboard
            return None

    def warm(self, languages: list[str], samples: tuple[tuple[str, str], ...] = ()) -> None:
        """Load these languages' models on every worker now and code the samples (benchmarks time
        start-up apart)."""
        self.client.run(_warm, languages, samples)

    def worker_cpu(self) -> dict[str, float]:
        """CPU seconds each worker process has used so far (all its threads): on a shared machine,
        the work done, where wall time also counts the other users."""
        return {str(k): float(v) for k, v in self.client.run(_cpu_seconds).items()}

    def worker_memory(self) -> dict[str, int]:
        """Peak resident memory of each worker process, in bytes."""
        return {str(k): int(v) for k, v in self.client.run(_peak_rss).items()}

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_executor(res: Resources, jobs: int | None, scheduler: str | None, dashboard: bool = False) -> Any:
    """`--jobs 1` without a scheduler runs in process; anything else on Dask."""
    if scheduler is None and (jobs or os.cpu_count() or 1) <= 1:
        return InlineExecutor(res)
    return DaskExecutor(jobs, scheduler, dashboard)

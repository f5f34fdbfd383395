"""Running the per-article work: in-process or in a pool of worker processes, results
always in input order (so the output is the same whatever the number of workers), and a
time limit per article so one pathological file cannot stall a whole corpus."""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from itertools import islice
from typing import Generic, TypeVar

DEFAULT_TIMEOUT = 60.0  # seconds per article; a normal one takes about 15 ms
T = TypeVar("T")
R = TypeVar("R")


class TimeLimit(Exception):
    """The work on one item took longer than its limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``TimeLimit`` inside the block after ``seconds`` (0: no limit). Uses SIGALRM, so
    it only applies in a process's main thread on platforms that have it."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise TimeLimit(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _noop() -> None:
    return None


def _worker_start(parent: int, initializer: Callable[[], None] | None) -> None:
    """A worker dies with its parent: a killed build (SIGKILL runs no clean-up) must not leave
    workers blocked on a pipe for ever. Linux is told to signal the worker; elsewhere, and if
    the parent was already gone, a thread watches the parent id."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="kg-parent-watch", daemon=True).start()
    if initializer is not None:
        initializer()


class Workers(Generic[T, R]):
    """``fn`` over items with ``n`` processes (``n`` ≤ 1: in this process).

    The pool starts when the context is entered, before the caller opens anything that runs
    threads of its own (an Oxigraph store): workers are forked where the platform allows it,
    so they inherit the loaded spaCy pipeline instead of importing it again.
    """

    def __init__(self, fn: Callable[[T], R], n: int = 1, initializer: Callable[[], None] | None = None,
                 window: int = 16) -> None:
        self.fn = fn
        self.n = n
        self.initializer = initializer
        self.window = max(window, 2 * n)  # results held at most: bounded memory on any corpus
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "Workers[T, R]":
        if self.n > 1:
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            self.pool = ProcessPoolExecutor(self.n, mp_context=multiprocessing.get_context(method),
                                            initializer=_worker_start, initargs=(os.getpid(), self.initializer))
            self.pool.submit(_noop).result()  # with fork, this launches every worker now
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def map(self, items: Iterable[T]) -> Iterator[R]:
        """Results in the order of ``items``; at most ``window`` items in flight."""
        if self.pool is None:
            yield from map(self.fn, items)
            return
        it = iter(items)
        pending: deque[Future[R]] = deque(self.pool.submit(self.fn, item) for item in islice(it, self.window))
        while pending:
            result = pending.popleft().result()
            for item in islice(it, 1):
                pending.append(self.pool.submit(self.fn, item))
            yield result

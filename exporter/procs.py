"""Worker processes that never outlive the build that started them.

Every pool the tool starts (reading, writing, batch jobs) runs its workers with
`worker_init`: on Linux the kernel kills a worker when its parent dies (PR_SET_PDEATHSIG),
even by SIGKILL, and a worker whose parent is already gone when it starts exits at once.
(Elsewhere a worker notices a dead parent only when it next talks to it; it never
publishes anything, since only the main process renames outputs into place.)
Workers ignore Ctrl-C (the main process handles it and stops them), and an interrupted
pool is terminated instead of being waited for, so no writer goes on writing for a build
that is over.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

_PR_SET_PDEATHSIG = 1
STOP_WAIT_SECONDS = 5.0


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl: the parent check below still applies
        pass


def worker_init(
    parent: int, setup: Callable[..., None] | None = None, args: tuple[Any, ...] = ()
) -> None:
    """Run first in every worker process (`parent`: the pid of the process that forked
    it, 0 when workers are started by a fork server or spawned), then `setup(*args)`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process handles Ctrl-C
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a handler may be inherited by fork
    _die_with_parent()
    if parent and os.getppid() != parent:  # it died before the kernel was asked to watch
        os._exit(1)
    if setup is not None:
        setup(*args)


def new_pool(
    workers: int, setup: Callable[..., None] | None = None, args: tuple[Any, ...] = ()
) -> ProcessPoolExecutor:
    """A pool whose workers run `setup(*args)` once at start. Forked workers inherit
    `args` from this process's memory (nothing is pickled); spawned ones get them pickled."""
    forked = multiprocessing.get_start_method() == "fork"  # else the parent is a server
    parent = os.getpid() if forked else 0
    initargs = (parent, setup, args)
    return ProcessPoolExecutor(workers, initializer=worker_init, initargs=initargs)


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Terminate the pool's workers now and reap them (Python < 3.14 has no public way)."""
    procs = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    for proc in procs:
        proc.join(STOP_WAIT_SECONDS)


@contextmanager
def worker_pool(
    workers: int, setup: Callable[..., None] | None = None, args: tuple[Any, ...] = ()
) -> Iterator[ProcessPoolExecutor]:
    """A process pool (see new_pool), waited for on success and terminated on any failure
    or interrupt."""
    pool = new_pool(workers, setup, args)
    try:
        yield pool
    except BaseException:
        stop_pool(pool)
        raise
    pool.shutdown()


class Terminated(BaseException):
    """SIGTERM, raised in the main thread so a build cleans up as after Ctrl-C."""


_terminated = False  # set by SIGTERM: also seen where the raised exception was swallowed


def _raise_terminated(_signum: int, _frame: object) -> None:
    global _terminated
    _terminated = True
    raise Terminated


def check_terminated() -> None:
    """Raise `Terminated` if SIGTERM arrived. The handler's exception is lost when the
    signal lands in code that ignores exceptions (an at-fork hook, a finaliser): the build
    asks again before it publishes anything, so a terminated build never completes."""
    if _terminated:
        raise Terminated


@contextmanager
def sigterm_as_exception() -> Iterator[None]:
    """Turn SIGTERM into `Terminated` while the block runs (main thread only: elsewhere
    Python cannot install handlers, and the default, dying at once, stays)."""
    global _terminated
    try:
        previous = signal.signal(signal.SIGTERM, _raise_terminated)
    except ValueError:  # not the main thread
        yield
        return
    _terminated = False
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)

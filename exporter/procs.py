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
import threading
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


GRACE_SECONDS = 15.0  # after Ctrl-C or SIGTERM, the orderly stop must be done by then
_stopping: int | None = None  # the stop signal received (SIGINT or SIGTERM), if any


def _on_stop_signal(signum: int, _frame: object) -> None:
    """Ctrl-C or SIGTERM: remember it, arm the last-resort exit, and raise so the build
    unwinds (stops its workers, removes its temporary files) as after any error."""
    global _stopping
    first = _stopping is None
    _stopping = signum
    if first:
        timer = threading.Timer(GRACE_SECONDS, _hard_exit, (signum,))
        timer.daemon = True
        timer.start()
    raise KeyboardInterrupt if signum == signal.SIGINT else Terminated


def _hard_exit(signum: int) -> None:
    """The orderly stop hung (an exception raised inside a lock or an at-fork hook can
    leave a pool waiting forever): kill the workers, drop our temporary files, exit."""
    for child in multiprocessing.active_children():
        child.kill()
    for cleanup in list(_cleanups):
        try:
            cleanup()
        except Exception:  # a failing cleanup must not keep a dead build alive
            pass
    os._exit(130 if signum == signal.SIGINT else 143)


# What a hard exit still does: e.g. remove the output folder's temporary files.
_cleanups: list[Callable[[], None]] = []


@contextmanager
def on_hard_exit(cleanup: Callable[[], None]) -> Iterator[None]:
    """Run `cleanup` if the process has to exit without unwinding while the block runs."""
    _cleanups.append(cleanup)
    try:
        yield
    finally:
        _cleanups.remove(cleanup)


def check_terminated() -> None:
    """Raise again for a stop signal already received. The handler's exception is lost when
    the signal lands in code that ignores exceptions (an at-fork hook, a finaliser): the
    build asks before it publishes anything, so a stopped build never completes."""
    if _stopping == signal.SIGINT:
        raise KeyboardInterrupt
    if _stopping is not None:
        raise Terminated


@contextmanager
def sigterm_as_exception() -> Iterator[None]:
    """Turn Ctrl-C and SIGTERM into `KeyboardInterrupt` and `Terminated` while the block
    runs, with a last-resort exit GRACE_SECONDS later (main thread only: elsewhere Python
    cannot install handlers, and the defaults stay)."""
    global _stopping
    try:
        previous = {sig: signal.signal(sig, _on_stop_signal) for sig in STOP_SIGNALS}
    except ValueError:  # not the main thread
        yield
        return
    _stopping = None
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)

"""Write every format and publish it atomically.

Each writer writes a temporary file beside its final path; only this (the main) process
renames it into place, so a failed, interrupted or killed build never leaves a truncated
file nor replaces a good earlier one. Heavy writers (see exporter.writers.registry) run in
processes of their own when there are cores for them; the processes of our own pool get
the book when they start (inherited, not pickled, where they are forked).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from contextlib import nullcontext
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from exporter import outdir
from exporter.assemble.plan import Book
from exporter.layout.model import Layout
from exporter.model import Compendium
from exporter.procs import check_terminated, worker_pool
from exporter.stages.options import BuildOptions, Progress
from exporter.stages.report import BuildResult, Outcome, record
from exporter.writers import WriteResult, registry


def write_one(
    fmt: str,
    book: Book,
    layout: Layout,
    comp: Compendium | None,
    out: Path,
    embed_fonts: bool | str | None,
) -> WriteResult:
    """Write one format to `out` (`comp` is needed by the JSON writer only)."""
    return registry.get(fmt).write(book, layout, comp, out, embed_fonts)


def warm_writers(formats: Sequence[str], layout: Layout) -> None:
    """Import the writers and load the layout's fonts while the read workers run: this
    process is idle then, and the writer processes forked from it later start with all of
    it in place (shared pages) instead of spending the first half second on it."""
    for fmt in formats:
        warm = registry.get(fmt).warm
        if warm is not None:
            warm(layout)


@dataclass
class _Job:
    """One build's writing: what every writer needs, and the temporary file of each format."""

    book: Book
    layout: Layout
    comp: Compendium
    embed_fonts: bool | str | None
    temps: dict[str, Path]
    say: Progress


def write_all(
    opts: BuildOptions,
    book: Book,
    layout: Layout,
    comp: Compendium,
    result: BuildResult,
    say: Progress,
    executor: Executor | None,
) -> None:
    """Write every format; the heavy ones in parallel processes when there are cores for
    them, the light ones (fast) in this process. One writer failing never loses the others;
    an interrupt stops the writers and leaves no temporary file."""
    finals = {f: opts.output / f"{opts.name}.{registry.get(f).suffix}" for f in opts.formats}
    heavy = registry.heavy(list(finals))
    workers = min(opts.jobs or (os.cpu_count() or 1), len(heavy))  # jobs 0 = one per core
    temps: dict[str, Path] = {}
    try:
        temps.update({fmt: outdir.temp_beside(path) for fmt, path in finals.items()})
        job = _Job(book, layout, comp, opts.embed_fonts, temps, say)
        own = executor is None and workers > 1
        # Our own pool hands the book to each of its processes as it starts.
        ours = worker_pool(workers, _receive_book, (book, layout)) if own else None
        with ours or nullcontext(executor) as pool:
            done = _run_writers(job, pool, own, heavy)
        for fmt in finals:
            record(fmt, finals[fmt], _published(done[fmt], temps[fmt], finals[fmt]), result)
    finally:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)


def _published(outcome: Outcome, tmp: Path, final: Path) -> Outcome:
    if isinstance(outcome, Exception):
        return outcome
    check_terminated()  # a stop signal whose exception was swallowed publishes nothing
    try:
        outdir.publish(tmp, final)
    except OSError as exc:
        return exc
    return outcome


def _run_writers(
    job: _Job, pool: Executor | None, own: bool, heavy: list[str]
) -> dict[str, Outcome]:
    """Run the heavy writers on `pool` (if any) and the others here; every outcome."""
    futures = {}
    if pool is not None:  # a fresh pool of our `own`: its processes fork at the first submit
        futures = _submit_writers(job, pool, own, heavy)
    done: dict[str, Outcome] = {}
    if futures and len(futures) >= (os.cpu_count() or 1):
        # Every core has a writer process: the light writers wait for one of them to
        # finish rather than slow the longest one down by sharing its core.
        wait(futures.values(), return_when=FIRST_COMPLETED)
    for fmt, tmp in job.temps.items():
        if fmt in futures:
            continue
        job.say(f"writing {fmt}")
        write = partial(_write_temp, fmt, job.book, job.layout, job.comp, tmp, job.embed_fonts)
        done[fmt] = _guard(write)
    for fmt, fut in futures.items():
        job.say(f"writing {fmt}")
        done[fmt] = _guard(fut.result)
    return done


def _write_temp(
    fmt: str,
    book: Book,
    layout: Layout,
    comp: Compendium | None,
    tmp: Path,
    embed_fonts: bool | str | None,
) -> tuple[WriteResult, float]:
    """Write one format into its temporary file (possibly in a worker process: only the
    main process renames it into place, so a killed build never publishes anything)."""
    t0 = time.perf_counter()
    written = write_one(fmt, book, layout, comp, tmp, embed_fonts)
    return written, time.perf_counter() - t0


def _submit_writers(
    job: _Job, pool: Executor, own: bool, formats: list[str]
) -> dict[str, Future[tuple[WriteResult, float]]]:
    """Start the heavy writers on `pool`. The processes of a pool of our `own` got the book
    when they started (_receive_book); other executors get it with each call, pickled,
    without comp."""
    temps, embed = job.temps, job.embed_fonts
    if own:
        return {f: pool.submit(_write_received, f, temps[f], embed) for f in formats}
    args = (job.book, job.layout, None)  # pickled, without comp: the heavy writers need none
    return {f: pool.submit(_write_temp, f, *args, temps[f], embed) for f in formats}


# In a writer process of our own pool: the book that pool was made for (never set in the
# main process, so nothing of a build outlives it there).
_RECEIVED: tuple[Book, Layout] | None = None


def _receive_book(book: Book, layout: Layout) -> None:
    global _RECEIVED
    _RECEIVED = (book, layout)


def _write_received(
    fmt: str, tmp: Path, embed_fonts: bool | str | None
) -> tuple[WriteResult, float]:
    assert _RECEIVED is not None, "a writer process without its book"
    book, layout = _RECEIVED
    return _write_temp(fmt, book, layout, None, tmp, embed_fonts)


def _guard(call: Callable[[], tuple[WriteResult, float]]) -> Outcome:
    try:
        return call()
    except Exception as exc:  # one writer failing must not lose the others' outputs
        return exc

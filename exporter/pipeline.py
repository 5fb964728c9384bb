"""The main job: read -> enrich -> assemble -> write, with a per-file report.

One bad input never stops the others; every output is written to a temporary file in the
output folder and renamed into place, so a failed or interrupted build leaves the previous
good output untouched and never a truncated file.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from exporter import outdir
from exporter.assemble import AssembleOptions, assemble
from exporter.assemble.plan import Book
from exporter.errors import ExporterError, InputError
from exporter.inputs import MAX_INPUT_BYTES as MAX_INPUT_BYTES  # re-exported
from exporter.inputs import input_errors, input_files
from exporter.layout.model import Layout
from exporter.model import Compendium
from exporter.procs import worker_pool
from exporter.writers import WriteResult, registry

FORMATS = registry.formats()  # kept for importers; the registry is the list
Progress = Callable[[str], None]


@dataclass
class BuildOptions:
    output: Path = Path("build")
    formats: tuple[str, ...] = ("pdf", "docx")
    layout: str | Path | None = None
    name: str = "compendium"
    strict: bool = False
    jobs: int = 0  # writer processes; 0 = one per core
    embed_fonts: bool | str | None = None
    assemble: AssembleOptions = field(default_factory=AssembleOptions)
    edits: str | Path | None = None  # a review sheet or TOML/JSON corrections (exporter/editorial)


@dataclass
class OutputInfo:
    format: str
    path: str
    bytes: int
    sha256: str
    pages: int | None = None


@dataclass
class FileReport:
    path: str
    cases: int
    error: str | None
    warnings: list[str]
    dropped: int


@dataclass
class BuildResult:
    outputs: list[OutputInfo] = field(default_factory=list)
    files: list[FileReport] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    cases: int = 0
    exit_code: int = 0
    edits: list[dict[str, object]] = field(default_factory=list)  # the corrections applied
    layout: str = ""  # the folder of the layout used (a built-in or the user's)

    @property
    def ok(self) -> bool:
        return self.exit_code == 0


def _file_reports(comp: Compendium) -> list[FileReport]:
    return [
        FileReport(
            s.path,
            len(s.cases),
            s.error,
            [f"{s.path}:{w.line or ''}: {w.code}: {w.message}" for w in s.warnings],
            len(s.dropped),
        )
        for s in comp.sources
    ]


def read_inputs(
    paths: Sequence[str | Path], exclude: Path | None = None
) -> tuple[Compendium, list[str]]:
    """Read files and folders (one shared path for every command): the compendium and the
    errors about paths that yielded no file at all."""
    from exporter.readers import read_paths

    files, folder_errors = input_files(paths, exclude)
    return read_paths(files), folder_errors


# Below this many files one process reads and enriches them all: a worker's start-up
# (gazetteer, word list) costs more than it saves.
PARALLEL_READ_MIN_FILES = 64


def _read_enrich_files(files: list[Path]) -> Compendium:
    """Read and enrich whole files. Enrichment only looks across cases of the same source
    file, so chunks of whole files give exactly the result of one pass over all of them."""
    from exporter.enrich import enrich
    from exporter.readers import read_paths

    return enrich(read_paths(files))


CHUNKS_PER_WORKER = 4  # smaller chunks even out the workers' finishing times


def _chunks(files: list[Path], n: int) -> list[list[Path]]:
    """`n` runs of consecutive files of about equal total size (the work is about
    proportional to the text), so no worker is left with the long tail."""
    sizes = [_size(f) for f in files]
    target = sum(sizes) / n
    out: list[list[Path]] = [[]]
    acc = 0.0
    for f, size in zip(files, sizes, strict=True):
        if out[-1] and acc + size / 2 > target * len(out) and len(out) < n:
            out.append([])
        out[-1].append(f)
        acc += size
    return out


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # reported by the reader
        return 0


def read_and_enrich(
    paths: Sequence[str | Path],
    exclude: Path | None = None,
    jobs: int = 1,
    while_waiting: Callable[[], None] | None = None,
) -> tuple[Compendium, list[str], dict[str, float]]:
    """Read and enrich; with jobs != 1 and many files, in parallel processes over contiguous
    chunks of files (order and output unchanged). `jobs` 0 = one per core. `while_waiting`
    runs in this process while the workers read."""
    t0 = time.perf_counter()
    files, folder_errors = input_files(paths, exclude)
    workers = min(jobs or (os.cpu_count() or 1), max(1, len(files) // PARALLEL_READ_MIN_FILES))
    if workers > 1:
        with worker_pool(workers) as pool:
            chunks = _chunks(files, workers * CHUNKS_PER_WORKER)
            pending = pool.map(_read_enrich_files, chunks)
            if while_waiting is not None:
                while_waiting()
            parts = list(pending)
        comp = Compendium(
            [src for part in parts for src in part.sources],
            [case for part in parts for case in part.cases],
        )
        from exporter.readers.ids import unique_ids

        unique_ids(comp)  # each worker made ids unique within its own chunk only
        return comp, folder_errors, {"read+enrich": time.perf_counter() - t0}
    from exporter.enrich import enrich
    from exporter.readers import read_paths

    comp = read_paths(files)
    timings = {"read": time.perf_counter() - t0}
    t0 = time.perf_counter()
    enrich(comp)
    timings["enrich"] = time.perf_counter() - t0
    return comp, folder_errors, timings


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


def build(
    paths: Sequence[str | Path],
    options: BuildOptions | None = None,
    progress: Progress | None = None,
    executor: Executor | None = None,
) -> BuildResult:
    """Build the compendium from `paths`. Raises ExporterError only for problems that stop
    the whole build (no readable input, bad layout, output not writable); per-file problems
    are reported in the result."""
    from exporter.layout.load import load_layout

    opts = options or BuildOptions()
    say = progress or (lambda _msg: None)
    bad = registry.unknown(opts.formats)
    if bad:
        choices = ", ".join(registry.formats())
        raise ExporterError(f"unknown format {bad[0]!r} (choose from {choices})")
    outdir.check_name(opts.name)
    layout = load_layout(opts.layout)
    outdir.prepare(opts.output)
    from exporter.editorial import apply_for_build, load_for_build

    edits = load_for_build(opts.edits)  # before reading: a bad edits file stops at once
    with outdir.locked(opts.output):
        say("reading and enriching")
        warm = partial(_warm_writers, opts.formats, layout)
        comp, folder_errors, timings = read_and_enrich(paths, opts.output, opts.jobs, warm)
        opts, edited = apply_for_build(comp, edits, opts)
        with _frozen_heap():
            return _assemble_and_write(
                opts, layout, comp, folder_errors, timings, say, executor, edited
            )


def _warm_writers(formats: Sequence[str], layout: Layout) -> None:
    """Import the writers and load the layout's fonts while the read workers run: this
    process is idle then, and the writer processes forked from it later start with all of
    it in place (shared pages) instead of spending the first half second on it."""
    for fmt in formats:
        warm = registry.get(fmt).warm
        if warm is not None:
            warm(layout)


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """The compendium just read lives until the build ends: move it out of the collector's
    reach (gc.freeze). Otherwise every full collection while assembling and writing walks
    all of it (the collection count grows with the book too: quadratic at 10,000 cases),
    and writer processes forked from here would copy every page of it the first time
    their collector touched its objects."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _assemble_and_write(
    opts: BuildOptions,
    layout: Layout,
    comp: Compendium,
    folder_errors: list[str],
    timings: dict[str, float],
    say: Progress,
    executor: Executor | None,
    edited: Callable[[BuildResult], None] | None = None,
) -> BuildResult:
    result = BuildResult(layout=str(layout.path))
    result.timings.update(timings)
    result.files = _file_reports(comp)
    result.errors = input_errors(comp, folder_errors)
    result.warnings = [w for f in result.files for w in f.warnings]
    if edited is not None:
        edited(result)  # the edits applied, and their problems as warnings (errors if strict)
    if not comp.cases:
        detail = "; ".join(result.errors) or "no input files found"
        raise InputError(f"nothing to build: {detail}")
    if not opts.assemble.include_off_topic and not any(c.on_topic for c in comp.cases):
        # An empty book with exit 0 would pass for a good build in a script.
        raise InputError(
            f"nothing to build: all {len(comp.cases)} cases are off topic "
            "(not about party building; --include-off-topic prints them anyway)"
        )
    if registry.typeset(opts.formats):
        from exporter.coverage import missing_glyphs, record_missing

        t0 = time.perf_counter()
        result.warnings += record_missing(comp, missing_glyphs(comp, layout))
        result.timings["coverage"] = time.perf_counter() - t0
    if opts.strict and (result.errors or result.warnings):
        result.exit_code = 1
        return result
    say("assembling")
    t0 = time.perf_counter()
    book = assemble(comp, layout, opts.assemble)
    result.timings["assemble"] = time.perf_counter() - t0
    gc.freeze()  # the book, likewise (unfrozen with the compendium by _frozen_heap)
    result.cases = len(book.case_ids)
    _write_all(opts, book, layout, comp, result, say, executor)
    if result.errors and result.exit_code == 0:
        result.exit_code = 1
    return result


def _worker_count(opts: BuildOptions, heavy: int) -> int:
    wanted = opts.jobs or (os.cpu_count() or 1)  # 0 = one per core
    return min(wanted, heavy)


def _write_all(
    opts: BuildOptions,
    book: Book,
    layout: Layout,
    comp: Compendium,
    result: BuildResult,
    say: Progress,
    executor: Executor | None,
) -> None:
    """Write every format; PDF and DOCX in parallel processes when there are cores for them,
    JSON and Markdown (fast) in this process. One writer failing never loses the others;
    an interrupt stops the writers and leaves no temporary file."""
    finals = {f: opts.output / f"{opts.name}.{registry.get(f).suffix}" for f in opts.formats}
    heavy = registry.heavy(list(finals))
    workers = _worker_count(opts, len(heavy))
    temps: dict[str, Path] = {}
    try:
        temps.update({fmt: outdir.temp_beside(path) for fmt, path in finals.items()})
        own = executor is None and workers > 1
        with worker_pool(workers) if own else nullcontext(executor) as pool:
            done = _run_writers(opts, pool, own, heavy, temps, book, layout, comp, say)
        for fmt in finals:
            _record(fmt, finals[fmt], _published(done[fmt], temps[fmt], finals[fmt]), result)
    finally:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)


Outcome = tuple[WriteResult, float] | Exception


def _published(outcome: Outcome, tmp: Path, final: Path) -> Outcome:
    if isinstance(outcome, Exception):
        return outcome
    try:
        outdir.publish(tmp, final)
    except OSError as exc:
        return exc
    return outcome


def _run_writers(
    opts: BuildOptions,
    pool: Executor | None,
    own: bool,
    heavy: list[str],
    temps: dict[str, Path],
    book: Book,
    layout: Layout,
    comp: Compendium,
    say: Progress,
) -> dict[str, Outcome]:
    futures = {}
    if pool is not None:  # a fresh pool of our `own`: its processes fork at the first submit
        futures = _submit_writers(pool, own, heavy, temps, book, layout, opts.embed_fonts)
    done: dict[str, Outcome] = {}
    if futures and len(futures) >= (os.cpu_count() or 1):
        # Every core has a writer process: the light writers wait for one of them to
        # finish rather than slow the longest one down by sharing its core.
        wait(futures.values(), return_when=FIRST_COMPLETED)
    for fmt, tmp in temps.items():
        if fmt in futures:
            continue
        say(f"writing {fmt}")
        done[fmt] = _guard(partial(_write_temp, fmt, book, layout, comp, tmp, opts.embed_fonts))
    for fmt, fut in futures.items():
        say(f"writing {fmt}")
        done[fmt] = _guard(fut.result)
    return done


def _submit_writers(
    pool: Executor,
    own: bool,
    formats: list[str],
    temps: dict[str, Path],
    book: Book,
    layout: Layout,
    embed_fonts: bool | str | None,
) -> dict[str, Future[tuple[WriteResult, float]]]:
    """Start the heavy writers on `pool`. The processes of a pool of our `own` that forks
    inherit the book from this one (nothing to pickle); other executors get it pickled,
    without comp."""
    if not (own and multiprocessing.get_start_method() == "fork"):
        return {
            f: pool.submit(_write_temp, f, book, layout, None, temps[f], embed_fonts)
            for f in formats
        }
    # A fork-context pool starts all its processes within the first submit, so the book is
    # only needed here until the submits return (the lock keeps builds on other threads from
    # swapping it in between).
    with _INHERIT_LOCK:
        _INHERITED["book"] = (book, layout)
        try:
            return {f: pool.submit(_write_inherited, f, temps[f], embed_fonts) for f in formats}
        finally:
            _INHERITED.clear()


# The book a build hands to the writer processes it forks (see _submit_writers).
_INHERITED: dict[str, tuple[Book, Layout]] = {}
_INHERIT_LOCK = threading.Lock()


def _write_inherited(
    fmt: str, tmp: Path, embed_fonts: bool | str | None
) -> tuple[WriteResult, float]:
    book, layout = _INHERITED["book"]
    return _write_temp(fmt, book, layout, None, tmp, embed_fonts)


def _record(fmt: str, path: Path, outcome: Outcome, result: BuildResult) -> None:
    if isinstance(outcome, BaseException):
        result.errors.append(f"{path}: {fmt} writer failed: {outcome}")
        result.exit_code = 3 if isinstance(outcome, OSError) else 1
        return
    written, seconds = outcome
    result.timings[fmt] = seconds
    result.outputs.append(_describe(fmt, path, written.pages))
    result.warnings += [f"{path}: {w}" for w in written.warnings]
    result.warnings += [
        f"{path}: glyph_missing: {g.char} ({g.codepoint}) at {g.where} drawn as a box"
        for g in written.missing_glyphs
    ]


def _guard(call: Callable[[], tuple[WriteResult, float]]) -> Outcome:
    try:
        return call()
    except Exception as exc:  # one writer failing must not lose the others' outputs
        return exc


def _describe(fmt: str, path: Path, pages: int | None) -> OutputInfo:
    data = path.read_bytes()
    return OutputInfo(fmt, str(path), len(data), hashlib.sha256(data).hexdigest(), pages)

"""The main job: read -> enrich -> (edits) -> check -> assemble -> write, with a report.

One bad input never stops the others: per-file problems go into the result; only what
stops the whole build (no readable input, bad layout, output not writable) raises.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from exporter import outdir
from exporter.assemble import assemble
from exporter.errors import ExporterError
from exporter.inputs import input_errors
from exporter.layout.model import Layout
from exporter.model import Compendium
from exporter.stages.check import check_glyphs, require_cases
from exporter.stages.options import BuildOptions, Progress
from exporter.stages.read import read_and_enrich
from exporter.stages.report import BuildResult, file_reports
from exporter.stages.write import warm_writers, write_all
from exporter.writers import registry


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
        warm = partial(warm_writers, opts.formats, layout)
        comp, folder_errors, timings = read_and_enrich(paths, opts.output, opts.jobs, warm)
        opts, edited = apply_for_build(comp, edits, opts)
        result = _read_report(comp, layout, folder_errors, timings, edited)
        with _frozen_heap():
            _assemble_and_write(opts, layout, comp, result, say, executor)
        return result


def _read_report(
    comp: Compendium,
    layout: Layout,
    folder_errors: list[str],
    timings: dict[str, float],
    edited: Callable[[BuildResult], None] | None,
) -> BuildResult:
    """The result as far as reading goes: per-file reports, errors, warnings, edits."""
    result = BuildResult(layout=str(layout.path))
    result.timings.update(timings)
    result.files = file_reports(comp)
    result.errors = input_errors(comp, folder_errors)
    result.warnings = [w for f in result.files for w in f.warnings]
    if edited is not None:
        edited(result)  # the edits applied, and their problems as warnings (errors if strict)
    return result


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
    result: BuildResult,
    say: Progress,
    executor: Executor | None,
) -> None:
    """Check there is a book to make and its glyphs, assemble it and write every format
    into `result` (under --strict, any error or warning stops before assembling)."""
    require_cases(comp, result.errors, opts.assemble.include_off_topic)
    check_glyphs(comp, layout, opts.formats, result)
    if opts.strict and (result.errors or result.warnings):
        result.exit_code = 1
        return
    say("assembling")
    t0 = time.perf_counter()
    book = assemble(comp, layout, opts.assemble)
    result.timings["assemble"] = time.perf_counter() - t0
    gc.freeze()  # the book, likewise (unfrozen with the compendium by _frozen_heap)
    result.cases = len(book.case_ids)
    write_all(opts, book, layout, comp, result, say, executor)
    if result.errors and result.exit_code == 0:
        result.exit_code = 1

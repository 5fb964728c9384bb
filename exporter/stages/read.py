"""Read and enrich the inputs: in one process, or for many files in worker processes over
consecutive chunks of about equal size (order and result as of one pass)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from exporter.inputs import input_files
from exporter.model import Compendium
from exporter.procs import worker_pool

# Below this many files one process reads and enriches them all: a worker's start-up
# (gazetteer, word list) costs more than it saves.
PARALLEL_READ_MIN_FILES = 64
CHUNKS_PER_WORKER = 4  # smaller chunks even out the workers' finishing times


def read_inputs(
    paths: Sequence[str | Path], exclude: Path | None = None
) -> tuple[Compendium, list[str]]:
    """Read files and folders (one shared path for every command): the compendium and the
    errors about paths that yielded no file at all."""
    from exporter.readers import read_paths

    files, folder_errors = input_files(paths, exclude)
    return read_paths(files), folder_errors


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
        comp = _read_in_workers(files, workers, while_waiting)
        return comp, folder_errors, {"read+enrich": time.perf_counter() - t0}
    from exporter.enrich import enrich
    from exporter.readers import read_paths

    comp = read_paths(files)
    timings = {"read": time.perf_counter() - t0}
    t0 = time.perf_counter()
    enrich(comp)
    timings["enrich"] = time.perf_counter() - t0
    return comp, folder_errors, timings


def _read_in_workers(
    files: list[Path], workers: int, while_waiting: Callable[[], None] | None
) -> Compendium:
    with worker_pool(workers) as pool:
        pending = pool.map(_read_enrich_files, chunks(files, workers * CHUNKS_PER_WORKER))
        if while_waiting is not None:
            while_waiting()
        parts = list(pending)
    comp = Compendium(
        [src for part in parts for src in part.sources],
        [case for part in parts for case in part.cases],
    )
    from exporter.readers.ids import unique_ids

    unique_ids(comp)  # each worker made ids unique within its own chunk only
    return comp


def _read_enrich_files(files: list[Path]) -> Compendium:
    """Read and enrich whole files. Enrichment only looks across cases of the same source
    file, so chunks of whole files give exactly the result of one pass over all of them."""
    from exporter.enrich import enrich
    from exporter.readers import read_paths

    return enrich(read_paths(files))


def chunks(files: list[Path], n: int) -> list[list[Path]]:
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

"""Batch export: many compendia from one jobs file, in parallel, skipping unchanged jobs.

    [defaults]                # optional, applies to every job
    layout = "book"
    formats = ["pdf", "docx"]

    [[jobs]]
    name = "sichuan-2026-06"
    inputs = ["news/sichuan/"]      # relative to the jobs file
    output = "out/sichuan"
    title = "四川基层党建案例汇编"

A job is skipped when its inputs, layout, options and the exporter version are unchanged
since its last successful run (a stamp file in its output folder); `force` rebuilds.
The runner takes any concurrent.futures Executor (processes, threads, a Dask client's).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable
from concurrent.futures import Executor, Future
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from exporter import __version__
from exporter.batch_jobs import JobSpec, load_jobs
from exporter.errors import ExporterError

__all__ = ["JobResult", "JobSpec", "load_jobs", "run_batch", "run_job"]

STAMP = ".exporter-job.json"


@dataclass
class JobResult:
    name: str
    status: str  # ok | failed | skipped
    output: str
    outputs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _hash_file(p: Path, h: Any) -> None:
    h.update(str(p).encode())
    try:
        with p.open("rb") as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
    except OSError as exc:  # the build reports the file; the stamp must only differ
        h.update(f"unreadable:{exc.errno}".encode())


def _hash_paths(paths: Iterable[Path], h: Any) -> None:
    for p in sorted(paths):
        if p.is_dir():
            _hash_paths((q for q in p.rglob("*") if q.is_file()), h)
        elif p.is_file():
            _hash_file(p, h)
        else:
            h.update(f"missing:{p}".encode())


def _hash_layout(layout: str | None, h: Any) -> None:
    """The layout.toml and templates of the whole `extends` chain by content; the fonts
    (tens of MB each) by path, size and modification time."""
    from exporter.layout.load import layout_files

    try:
        own, fonts = layout_files(layout)
    except ExporterError:
        h.update(b"bad-layout")  # the build will report it
        return
    _hash_paths(own, h)
    for font in fonts:
        try:
            st = font.stat()
            h.update(f"{font}:{st.st_size}:{st.st_mtime_ns}".encode())
        except OSError:
            h.update(f"missing:{font}".encode())


def fingerprint(job: JobSpec) -> str:
    """What decides the job's output: inputs' bytes, the layout's files, options, version."""
    h = hashlib.sha256()
    h.update(__version__.encode())
    h.update(json.dumps(asdict(job), sort_keys=True, ensure_ascii=False).encode())
    _hash_paths([Path(p) for p in job.inputs], h)
    if job.options.get("edits"):  # a changed sheet rebuilds the job
        _hash_paths([Path(job.options["edits"])], h)
    _hash_layout(job.options.get("layout"), h)
    return h.hexdigest()


def _up_to_date(job: JobSpec, stamp: str) -> bool:
    path = Path(job.output) / STAMP
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return data.get("fingerprint") == stamp and all(Path(p).exists() for p in data["outputs"])


def run_job(job: JobSpec, force: bool = False) -> JobResult:
    """Run one job; never raises (a failure is a result). Top-level so executors can pickle it."""
    t0 = time.perf_counter()
    try:
        result = _run_job(job, force)
    except ExporterError as exc:
        result = JobResult(job.name, "failed", job.output, errors=[exc.message])
    except Exception as exc:  # a fault must fail this job, never the batch
        result = JobResult(job.name, "failed", job.output, errors=[_describe_fault(exc)])
    result.seconds = time.perf_counter() - t0
    return result


def _describe_fault(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return f"{type(exc).__name__}: {exc}"


def _run_job(job: JobSpec, force: bool) -> JobResult:
    from exporter import build

    stamp = fingerprint(job)
    if not force and _up_to_date(job, stamp):
        return JobResult(job.name, "skipped", job.output)
    res = build(job.inputs, output=job.output, **job.options)
    outputs = [o.path for o in res.outputs]
    result = JobResult(job.name, "ok" if res.ok else "failed", job.output, outputs, res.errors)
    if res.ok:
        try:
            (Path(job.output) / STAMP).write_text(
                json.dumps({"fingerprint": stamp, "outputs": outputs}), encoding="utf-8"
            )
        except OSError as exc:  # built, but will be rebuilt next time
            result.errors.append(f"{job.output}/{STAMP}: not written: {exc.strerror or exc}")
    return result


def run_batch(
    jobs: list[JobSpec], executor: Executor | None = None, force: bool = False
) -> list[JobResult]:
    """Run every job (on `executor` if given), one failure never stopping the others."""
    if executor is None:
        return [run_job(j, force) for j in jobs]
    futures: list[Future[JobResult]] = [executor.submit(run_job, j, force) for j in jobs]
    results = []
    for job, fut in zip(jobs, futures, strict=True):
        try:
            results.append(fut.result())
        except Exception as exc:  # a worker that died: report, keep the others
            results.append(JobResult(job.name, "failed", job.output, errors=[_describe_fault(exc)]))
    return results

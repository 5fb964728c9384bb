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
import sys
import time
from collections.abc import Iterable
from concurrent.futures import Executor, Future
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from exporter import __version__
from exporter.errors import ExporterError

STAMP = ".exporter-job.json"
JOB_KEYS = {
    "name",
    "inputs",
    "output",
    "layout",
    "formats",
    "title",
    "subtitle",
    "editor",
    "date",
    "group_by",
    "include_off_topic",
    "strict",
    "embed_fonts",
    "edits",  # a review sheet or TOML/JSON corrections, relative to the jobs file
}


@dataclass
class JobSpec:
    name: str
    inputs: list[str]
    output: str
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class JobResult:
    name: str
    status: str  # ok | failed | skipped
    output: str
    outputs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


def load_jobs(path: Path) -> list[JobSpec]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ExporterError(f"cannot read jobs file: {exc}", str(path)) from None
    defaults = data.get("defaults", {})
    jobs = data.get("jobs")
    if not isinstance(jobs, list) or not jobs:
        raise ExporterError("no [[jobs]] tables", str(path))
    base = path.parent
    specs = []
    for i, raw in enumerate(jobs, 1):
        merged = {**defaults, **raw}
        unknown = set(merged) - JOB_KEYS
        if unknown:
            raise ExporterError(f"job {i}: unknown keys {sorted(unknown)}", str(path))
        if not merged.get("inputs") or not merged.get("output"):
            raise ExporterError(f"job {i}: 'inputs' and 'output' are required", str(path))
        name = str(merged.pop("name", f"job{i}"))
        inputs = [str(base / p) for p in merged.pop("inputs")]
        output = str(base / merged.pop("output"))
        if merged.get("edits"):
            merged["edits"] = str(base / merged["edits"])
        specs.append(JobSpec(name, inputs, output, merged))
    names = [s.name for s in specs]
    if len(set(names)) != len(names):
        raise ExporterError("job names must be unique", str(path))
    return specs


def _hash_paths(paths: Iterable[Path], h: Any) -> None:
    for p in sorted(paths):
        if p.is_dir():
            _hash_paths((q for q in p.rglob("*") if q.is_file()), h)
        elif p.is_file():
            h.update(str(p).encode())
            h.update(hashlib.sha256(p.read_bytes()).digest())
        else:
            h.update(f"missing:{p}".encode())


def fingerprint(job: JobSpec) -> str:
    """What decides the job's output: inputs' bytes, the layout's files, options, version."""
    from exporter.layout.load import resolve_layout_dir

    h = hashlib.sha256()
    h.update(__version__.encode())
    h.update(json.dumps(asdict(job), sort_keys=True, ensure_ascii=False).encode())
    _hash_paths([Path(p) for p in job.inputs], h)
    if job.options.get("edits"):  # a changed sheet rebuilds the job
        _hash_paths([Path(job.options["edits"])], h)
    try:
        _hash_paths([resolve_layout_dir(job.options.get("layout"))], h)
    except ExporterError:
        h.update(b"bad-layout")  # the build will report it
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
    from exporter import build

    t0 = time.perf_counter()
    stamp = fingerprint(job)
    if not force and _up_to_date(job, stamp):
        return JobResult(job.name, "skipped", job.output, seconds=time.perf_counter() - t0)
    try:
        res = build(job.inputs, output=job.output, **job.options)
    except ExporterError as exc:
        return JobResult(
            job.name, "failed", job.output, errors=[exc.message], seconds=time.perf_counter() - t0
        )
    outputs = [o.path for o in res.outputs]
    result = JobResult(
        job.name,
        "ok" if res.ok else "failed",
        job.output,
        outputs,
        res.errors,
        time.perf_counter() - t0,
    )
    if res.ok:
        (Path(job.output) / STAMP).write_text(
            json.dumps({"fingerprint": stamp, "outputs": outputs}), encoding="utf-8"
        )
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
            results.append(JobResult(job.name, "failed", job.output, errors=[repr(exc)]))
    return results

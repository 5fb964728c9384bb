"""Load and validate a batch jobs file: every key's type, and outputs that cannot collide.

A jobs file is checked completely before any job runs, so a typo never builds half a
batch: a string where a list belongs (`inputs = "news/a"` would otherwise be split into
characters, and `/` scan the whole file system), two jobs writing one folder, or a job
whose output would be read back as another's input all fail with exit 2 naming the key.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exporter.errors import UsageError

# `edits`: a review sheet or TOML/JSON corrections, relative to the jobs file.
STR_KEYS = (
    "name",
    "output",
    "layout",
    "title",
    "subtitle",
    "editor",
    "date",
    "group_by",
    "edits",
)
BOOL_KEYS = ("include_off_topic", "strict", "embed_fonts")
LIST_KEYS = ("inputs", "formats")
JOB_KEYS = set(STR_KEYS) | set(BOOL_KEYS) | set(LIST_KEYS)
GROUP_BY = ("theme", "region", "source")


@dataclass
class JobSpec:
    name: str
    inputs: list[str]
    output: str
    options: dict[str, Any] = field(default_factory=dict)


def _read(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"cannot read jobs file: {exc}", str(path)) from None


def _check_types(where: str, job: dict[str, Any]) -> None:
    """Each key's type and value (`where` is `job 2` or `defaults`)."""
    from exporter.writers import registry

    unknown = set(job) - JOB_KEYS
    if unknown:
        raise UsageError(f"{where}: unknown keys {sorted(unknown)}")
    for key in STR_KEYS:
        if key in job and (not isinstance(job[key], str) or not job[key].strip()):
            raise UsageError(f"{where}: {key!r} must be a non-empty string, not {job[key]!r}")
    for key in BOOL_KEYS:
        if key in job and not isinstance(job[key], bool):
            raise UsageError(f"{where}: {key!r} must be true or false, not {job[key]!r}")
    for key in LIST_KEYS:
        value = job.get(key)
        if key in job and not _str_list(value):
            raise UsageError(f"{where}: {key!r} must be a non-empty list of strings, not {value!r}")
    bad = registry.unknown(job.get("formats", []))
    if bad:
        choices = ", ".join(registry.formats())
        raise UsageError(f"{where}: 'formats': unknown {bad} (choose from {choices})")
    if job.get("group_by", "theme") not in GROUP_BY:
        raise UsageError(f"{where}: 'group_by' must be one of {', '.join(GROUP_BY)}")


def _str_list(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, str) and v.strip() for v in value)
    )


def _layout_value(value: str, base: Path) -> str:
    """A bare name is a built-in layout unless the jobs file's folder holds a layout of that
    name; anything else is a path relative to the jobs file (not the working folder)."""
    from exporter.layout.load import is_builtin_name

    local = base / value
    if is_builtin_name(value) and not (local / "layout.toml").is_file():
        return value
    return str(local)


def _spec(i: int, raw: Any, defaults: dict[str, Any], base: Path) -> JobSpec:
    if not isinstance(raw, dict):
        raise UsageError(f"job {i}: each [[jobs]] entry must be a table")
    merged = {**defaults, **raw}
    _check_types(f"job {i}", merged)
    if "inputs" not in merged or "output" not in merged:
        raise UsageError(f"job {i}: 'inputs' and 'output' are required")
    if "layout" in merged:
        merged["layout"] = _layout_value(merged["layout"], base)
    if merged.get("edits"):
        merged["edits"] = str(base / merged["edits"])
    name = merged.pop("name", f"job{i}")
    inputs = [str(base / p) for p in merged.pop("inputs")]
    return JobSpec(name, inputs, str(base / merged.pop("output")), merged)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _check_outputs(specs: list[JobSpec]) -> None:
    """No two jobs share an output folder, and no output lies inside any job's inputs
    (its outputs, .md among them, would be read back as input by that job)."""
    outs = [Path(s.output).resolve() for s in specs]
    for a, (spec, out) in enumerate(zip(specs, outs, strict=True)):
        for b in range(a):
            if outs[b] == out:
                raise UsageError(
                    f"jobs {specs[b].name!r} and {spec.name!r} both write to {spec.output}"
                )
        for other in specs:
            for inp in other.inputs:
                if _inside(out, Path(inp).resolve()):
                    raise UsageError(
                        f"job {spec.name!r}: output {spec.output} lies inside the input "
                        f"{inp} of job {other.name!r}"
                    )


def load_jobs(path: Path) -> list[JobSpec]:
    """The jobs of `path`, fully validated; raises UsageError (exit 2) naming the file."""
    data = _read(path)
    try:
        defaults = data.get("defaults", {})
        if not isinstance(defaults, dict):
            raise UsageError("[defaults] must be a table")
        _check_types("defaults", defaults)
        jobs = data.get("jobs")
        if not isinstance(jobs, list) or not jobs:
            raise UsageError("no [[jobs]] tables")
        specs = [_spec(i, raw, defaults, path.parent) for i, raw in enumerate(jobs, 1)]
        names = [s.name for s in specs]
        if len(set(names)) != len(names):
            raise UsageError("job names must be unique")
        _check_outputs(specs)
    except UsageError as exc:
        raise UsageError(exc.reason, str(path)) from None
    return specs

"""The build's result: per-file reports, the outputs written (with hash and pages), the
errors, warnings and timings (`exporter build --json` prints it)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from exporter.model import Compendium
from exporter.writers import WriteResult


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


# What became of one writer: its result and seconds, or the exception it raised.
Outcome = tuple[WriteResult, float] | Exception


def file_reports(comp: Compendium) -> list[FileReport]:
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


def record(fmt: str, path: Path, outcome: Outcome, result: BuildResult) -> None:
    """Add one published output (or its writer's failure) to `result`."""
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


def _describe(fmt: str, path: Path, pages: int | None) -> OutputInfo:
    data = path.read_bytes()
    return OutputInfo(fmt, str(path), len(data), hashlib.sha256(data).hexdigest(), pages)

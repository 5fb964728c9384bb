"""`exporter review`: read and enrich the inputs, write or update the review sheet."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from exporter.editorial.rows import tool_rows
from exporter.editorial.update import Merged, merge
from exporter.errors import ExporterError, OutputError
from exporter.model import Compendium


@dataclass
class ReviewResult:
    path: str
    cases: int = 0
    rows: int = 0
    added: int = 0
    vanished: int = 0
    kept_edits: int = 0
    updated: bool = False  # an existing sheet was merged into
    errors: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


def sheet_for(comp: Compendium, output: Path, group_by: str) -> ReviewResult:
    """Write (or update) the review sheet of an already enriched compendium."""
    from exporter.editorial.sheet import SHEET_ERRORS, read_sheet, write_sheet

    result = ReviewResult(str(output))
    t0 = time.perf_counter()
    fresh = list(tool_rows(comp, group_by))
    merged = Merged(fresh, {str(r["id"]): r for r in fresh})
    if output.exists():
        try:
            merged = merge(read_sheet(output), fresh)
        except SHEET_ERRORS as exc:
            # Never overwrite a file that is no review sheet: the output cannot be written.
            raise OutputError(f"cannot update the review sheet: {exc}", str(output)) from None
        result.updated = True
    try:
        result.rows = write_sheet(output, merged.rows, merged.originals)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", str(output)) from None
    result.cases, result.added = len(comp.cases), merged.added
    result.vanished, result.kept_edits = merged.vanished, merged.kept_edits
    result.timings["sheet"] = time.perf_counter() - t0
    return result


def review(
    paths: Sequence[str | Path] = ("input",),
    output: str | Path = "review.xlsx",
    *,
    group_by: str | None = None,
    layout: str | Path | None = None,
) -> ReviewResult:
    """Read and enrich `paths`, then write or update the review sheet at `output`.
    Per-file problems are in `.errors`; raises ExporterError when nothing could be read."""
    from exporter.layout.load import load_layout
    from exporter.pipeline import read_and_enrich

    t0 = time.perf_counter()
    comp, folder_errors, _timings = read_and_enrich(list(paths), jobs=0)  # as build reads
    errors = folder_errors + [f"{s.path}: {s.error}" for s in comp.sources if s.error]
    if not comp.cases:
        raise ExporterError(f"nothing to review: {'; '.join(errors) or 'no input files found'}")
    read_s = time.perf_counter() - t0
    result = sheet_for(comp, Path(output), group_by or load_layout(layout).group_by)
    result.errors = errors
    result.timings = {"read+enrich": read_s, **result.timings}
    return result

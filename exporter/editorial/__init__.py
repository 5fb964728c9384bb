"""The editors' review loop: a review sheet per compendium, corrections applied by the build.

    exporter review input/ -o review.xlsx      # write (or update) the sheet
    exporter build input/ --edits review.xlsx  # apply it to PDF, DOCX, JSON and MD alike

Modules: columns (labels), rows (the tool's row per case), proof (校对 suggestions), cells
(cell text <-> values), sheet (openpyxl), edits (sheet/TOML/JSON -> Edit), apply (Edit ->
the case model), update (merge a fresh reading into an existing sheet).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from exporter.editorial.edits import EditsError, EditSet, load_edits

if TYPE_CHECKING:
    from exporter.model import Compendium
    from exporter.pipeline import BuildOptions, BuildResult

__all__ = ["EditSet", "EditsError", "apply_for_build", "load_edits", "load_for_build"]


def load_for_build(path: str | Path | None) -> EditSet | None:
    return load_edits(Path(path)) if path else None


def apply_for_build(
    comp: Compendium, edits: EditSet | None, opts: BuildOptions
) -> tuple[BuildOptions, Callable[[BuildResult], None] | None]:
    """Apply the edits to the read and enriched cases; the build options with the editors'
    chapters and order, and a function that records the outcome in the build result."""
    if edits is None:
        return opts, None
    from exporter.editorial.apply import apply_edits

    report = apply_edits(comp, edits)
    placed = dataclasses.replace(
        opts.assemble, chapter_of=report.chapter_of, order_of=report.order_of
    )

    def record(result: BuildResult) -> None:
        result.edits = report.applied
        (result.errors if opts.strict else result.warnings).extend(report.problems)

    return dataclasses.replace(opts, assemble=placed), record

"""exporter: Chinese party-building news text -> typeset case compendium (案例汇编).

Python API (the same code path as the CLI):

    from exporter import build, inspect
    result = build(["input/"], output="build", formats=("pdf", "docx"), layout="book")
    result.outputs[0].path, result.outputs[0].pages, result.errors, result.warnings
    comp = inspect(["input/"])        # the enriched case model
    review(["input/"], "review.xlsx")  # the editors' sheet; then build(..., edits="review.xlsx")
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from exporter.editorial.make import ReviewResult
    from exporter.model import Compendium
    from exporter.pipeline import BuildResult

__version__ = "0.1.0"
__all__ = ["__version__", "build", "inspect", "review"]


def build(
    paths: Sequence[str | Path] = ("input",),
    *,
    output: str | Path = "build",
    formats: Sequence[str] = ("pdf", "docx"),
    layout: str | Path | None = None,
    **options: Any,
) -> BuildResult:
    """Build a compendium. `options`: name, strict, jobs, embed_fonts, edits (a review
    sheet or TOML/JSON corrections), and the assembly
    options title, subtitle, editor, date, group_by, include_off_topic."""
    from exporter.pipeline import BuildOptions
    from exporter.pipeline import build as run

    flat = {"output": Path(output), "formats": tuple(formats), "layout": layout, **options}
    return run(list(paths), BuildOptions.from_flat(**flat))


def inspect(paths: Sequence[str | Path] = ("input",), *, enrich: bool = True) -> Compendium:
    """Read (and enrich) the inputs; bad files are recorded in `.sources[i].error`."""
    from exporter.enrich import enrich as run_enrich
    from exporter.pipeline import read_inputs

    comp, _folder_errors = read_inputs(list(paths))
    return run_enrich(comp) if enrich else comp


def review(
    paths: Sequence[str | Path] = ("input",),
    output: str | Path = "review.xlsx",
    *,
    group_by: str | None = None,
    layout: str | Path | None = None,
) -> ReviewResult:
    """Write (or update, keeping its edits) the editors' review sheet of `paths`."""
    from exporter.editorial.make import review as run

    return run(paths, output, group_by=group_by, layout=layout)

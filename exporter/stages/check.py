"""What is checked between reading and assembling: something to build at all, and the
glyphs the typeset formats will need."""

from __future__ import annotations

import time
from collections.abc import Sequence

from exporter.errors import InputError
from exporter.layout.model import Layout
from exporter.model import Compendium
from exporter.stages.report import BuildResult
from exporter.writers import registry


def require_cases(comp: Compendium, errors: list[str], include_off_topic: bool) -> None:
    """Raise InputError when the book would be empty: no case read, or (unless
    `include_off_topic`) none about party building."""
    if not comp.cases:
        detail = "; ".join(errors) or "no input files found"
        raise InputError(f"nothing to build: {detail}")
    if not include_off_topic and not any(c.on_topic for c in comp.cases):
        # An empty book with exit 0 would pass for a good build in a script.
        raise InputError(
            f"nothing to build: all {len(comp.cases)} cases are off topic "
            "(not about party building; --include-off-topic prints them anyway)"
        )


def check_glyphs(
    comp: Compendium, layout: Layout, formats: Sequence[str], result: BuildResult
) -> None:
    """Warn about characters no font of the layout covers, when a format draws glyphs."""
    if not registry.typeset(formats):
        return
    from exporter.coverage import missing_glyphs, record_missing

    t0 = time.perf_counter()
    result.warnings += record_missing(comp, missing_glyphs(comp, layout))
    result.timings["coverage"] = time.perf_counter() - t0

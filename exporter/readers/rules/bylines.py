"""Byline rule: a line that is a byline by its wording (role words, 申报, 供稿)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from exporter.readers import bylines as by
from exporter.readers.lines import BYLINE, Line

if TYPE_CHECKING:
    from exporter.readers.rules import Context


def own_line_byline(line: Line, i: int, ctx: Context) -> tuple[str, str] | None:
    found = by.own_line(line.text)
    if found is None:
        return None
    found.raw = line.raw.strip()  # as printed, Markdown emphasis included
    line.byline = found
    return BYLINE, "byline"

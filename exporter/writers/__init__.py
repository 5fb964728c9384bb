"""Writers turn a book plan (and the compendium) into files. Each writes to the path it is
given; `exporter.build` writes to a temporary path and renames it into place."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class MissingGlyph:
    char: str
    codepoint: str  # "U+20BB7"
    where: str  # anchor / case id or part where it occurs


@dataclass
class WriteResult:
    path: Path
    format: str
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)
    missing_glyphs: list[MissingGlyph] = field(default_factory=list)

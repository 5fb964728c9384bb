"""The font library both writers share: a layout's font roles resolved to files in `fonts/`.

A role (`serif`, `sans`, `kai` …) names a chain of files, main face first; each character is
set in the first file whose cmap has it. Files are parsed once per process (reportlab's
TrueType parser: it also gives the PDF writer its widths and subsetting) and cached.

Public functions:
    font_path(name)                       -> Path of a file in fonts_dir() (FontError if missing)
    load_font(path)                       -> the parsed reportlab TTFont (cached, registered)
    coverage(path)                        -> code points the font maps to a glyph
    role_chain(role, bold=False)          -> the role's files, main face first

Which characters no font of a role has is `exporter.coverage.uncovered` (from cached cmaps,
without parsing whole fonts).
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from exporter.errors import FontError
from exporter.layout.model import FontRole
from exporter.resources import fonts_dir


def is_layout_neutral(char: str) -> bool:
    """Characters that need no glyph: whitespace (set as space), control and format
    characters, variation selectors (the PDF writer drops them)."""
    if char.isspace() or "\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef":
        return True
    return unicodedata.category(char) in ("Cc", "Cf", "Cs")


def font_path(name: str) -> Path:
    path = fonts_dir() / name
    if not path.is_file():
        raise FontError(f"font file {name!r} not found in {fonts_dir()}", str(path))
    return path


def pdf_font_name(path: Path) -> str:
    """The name the font is registered under in reportlab (the file stem)."""
    return path.stem


@cache
def load_font(path: Path) -> TTFont:
    """Parse a TrueType file once and register it with reportlab under its file stem."""
    name = pdf_font_name(path)
    try:
        font = TTFont(name, str(path), validate=False)
    except (TTFError, OSError) as exc:
        raise FontError(f"unusable font: {exc}", str(path)) from None
    pdfmetrics.registerFont(font)
    return font


@cache
def coverage(path: Path) -> frozenset[int]:
    return frozenset(load_font(path).face.charToGlyph)


def role_chain(role: FontRole, bold: bool = False) -> list[Path]:
    names = role.bold_files if bold and role.bold_files else role.files
    return [font_path(n) for n in names]

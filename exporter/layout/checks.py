"""Value checks for layout keys: each names the file and the dotted key it rejects.

TOML has types, and a layout must use them: `embed_fonts = "false"` is a string (which
Python would read as true), so it is refused rather than guessed at. Numbers must be
finite, sizes above zero and the paper of a size a printer could take; font files must be
fonts and lie inside the fonts folder.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from exporter.errors import LayoutError

MIN_PAPER_MM = 50.0  # a visiting card is 55 mm wide
MAX_PAPER_MM = 2000.0  # larger than A0 (841 × 1189 mm)
# The first bytes of TrueType, OpenType (CFF), Apple TrueType and TrueType collections.
FONT_MAGIC = (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf")


def fail(key: str, want: str, value: Any, path: Path) -> LayoutError:
    return LayoutError(f"key '{key}': expected {want}, got {value!r}", str(path))


def table(value: Any, key: str, path: Path) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise fail(key.rstrip("."), "a table", value, path)
    return value


def boolean(value: Any, key: str, path: Path) -> bool:
    if not isinstance(value, bool):
        raise fail(key, "true or false", value, path)
    return value


def text(value: Any, key: str, path: Path) -> str:
    if not isinstance(value, str):
        raise fail(key, "a string", value, path)
    return value


def str_list(value: Any, key: str, path: Path) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail(key, "a list of strings", value, path)
    return list(value)


def finite(value: float, key: str, path: Path, positive: bool = False) -> float:
    if not math.isfinite(value) or (positive and value <= 0):
        raise fail(key, "a finite number above 0" if positive else "a finite number", value, path)
    return value


def whole(value: Any, key: str, path: Path) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise fail(key, "a whole number ≥ 1", value, path)
    return value


def paper(width: float, height: float, path: Path) -> None:
    for key, mm in (("page.width_mm", width), ("page.height_mm", height)):
        if not MIN_PAPER_MM <= mm <= MAX_PAPER_MM:
            raise fail(key, f"a paper size from {MIN_PAPER_MM:g} to {MAX_PAPER_MM:g} mm", mm, path)


def font_file(folder: Path, name: str, key: str, path: Path) -> Path:
    """`name` inside `folder` (no `..` or absolute path out of it), a real font file."""
    base = folder.resolve()
    file = (folder / name).resolve()
    if base not in file.parents:
        raise LayoutError(f"key '{key}': font file {name!r} lies outside {folder}", str(path))
    try:
        with file.open("rb") as f:
            magic = f.read(4)
    except OSError:
        raise LayoutError(f"key '{key}': font file {name!r} not in {folder}", str(path)) from None
    if magic not in FONT_MAGIC:
        raise LayoutError(f"key '{key}': {name!r} is not a TrueType/OpenType font", str(path))
    return file

"""The font library both writers share: a layout's font roles resolved to files in `fonts/`.

A role (`serif`, `sans`, `kai` …) names a chain of files, main face first; each character is
set in the first file whose cmap has it. Files are parsed once per process (reportlab's
TrueType parser: it also gives the PDF writer its widths and subsetting) and cached; the
parsed tables are also kept in the user cache folder, since parsing the CJK faces of a
layout costs about a second per writer process and the tables are a fraction of that to load.

Public functions:
    font_path(name)                       -> Path of a file in fonts_dir() (FontError if missing)
    load_font(path)                       -> the parsed reportlab TTFont (cached, registered)
    coverage(path)                        -> code points the font maps to a glyph
    role_chain(role, bold=False)          -> the role's files, main face first

Which characters no font of a role has is `exporter.coverage.uncovered` (from cached cmaps,
without parsing whole fonts).
"""

from __future__ import annotations

import gc
import mmap
import pickle
import unicodedata
from array import array
from collections.abc import Callable, KeysView, Sequence
from fnmatch import fnmatch
from functools import cache
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFError, TTFont, TTFontFace

from exporter.cache import cache_dir, stamp, write_atomic
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
        font = _cached_font(name, path) or _parse_font(name, path)
    except (TTFError, OSError) as exc:
        raise FontError(f"unusable font: {exc}", str(path)) from None
    pdfmetrics.registerFont(font)
    return font


# Attributes of a parsed face that are not data: the file bytes (mapped from the font file
# itself) and a scaling closure (rebuilt from unitsPerEm).
_NOT_CACHED = ("_ttf_data", "_pdfScale")
# Tables only the parse itself uses (glyph -> characters): left out of the cache, which
# saves ~4 MiB per CJK face in every writer process.
_PARSE_ONLY = ("glyphToChar",)


def _face_cache(path: Path) -> Path:
    return cache_dir() / f"ttface3-{stamp(path)}-rl{reportlab.Version}.pickle"


def _parse_font(name: str, path: Path) -> TTFont:
    font = TTFont(name, str(path), validate=False)
    state = {k: v for k, v in vars(font.face).items() if k not in _NOT_CACHED + _PARSE_ONLY}
    # The big tables as arrays: compact on disk, and _cached_font rebuilds them with one
    # int object per code point shared by both maps (pickle would make each int anew).
    cmap, widths = state.pop("charToGlyph"), state.pop("charWidths")
    codes = array("L", sorted(cmap))
    state["cmap_arrays"] = (codes, array("L", map(cmap.__getitem__, codes)))
    wcodes = sorted(widths)  # advances stay a list: scaled faces have float advances
    state["width_arrays"] = (array("L", wcodes), list(map(widths.__getitem__, wcodes)))
    state["glyphPos"] = array("L", state["glyphPos"])  # same offsets, 4 bytes each
    state["hmetrics"] = _Metrics.of(state["hmetrics"])
    write_atomic(_face_cache(path), pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
    return font


class _Metrics(Sequence[tuple[float, int]]):
    """A face's (advance, left side bearing) per glyph, as two arrays instead of a list of
    tuples (a third of the memory); reportlab only indexes it, when subsetting."""

    def __init__(self, advances: array[float], bearings: array[int]) -> None:
        self.advances, self.bearings = advances, bearings

    @classmethod
    def of(cls, pairs: list[tuple[float, int]]) -> _Metrics:
        # reportlab stores scaled (float) advances for the glyphs past numberOfHMetrics of
        # faces whose unitsPerEm is not 1000, and only ever uses int(advance)
        return cls(array("d", (a for a, _ in pairs)), array("l", (b for _, b in pairs)))

    def __len__(self) -> int:
        return len(self.advances)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return list(zip(self.advances[i], self.bearings[i], strict=True))
        return self.advances[i], self.bearings[i]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


def _maps(state: dict[str, Any]) -> None:
    """charToGlyph and charWidths from their cached arrays, sharing key and value ints."""
    codes, glyphs = state.pop("cmap_arrays")
    keys = {c: c for c in codes}  # one int object per code point, for both maps
    state["charToGlyph"] = dict(zip(keys, glyphs, strict=True))
    wcodes, wvalues = state.pop("width_arrays")
    values = {w: w for w in set(wvalues)}  # a few distinct advances: one object each
    state["charWidths"] = {keys.get(c, c): values[w] for c, w in zip(wcodes, wvalues, strict=True)}


_MAPPED: list[mmap.mmap] = []  # font files mapped by _cached_font


def release_pages() -> None:
    """Drop the font file pages a finished document's subsetting read from this process's
    resident memory. They are clean file pages: the kernel keeps them cached and maps them
    back on the next read, so nothing is lost but their charge to this process."""
    for data in _MAPPED:
        if not data.closed and hasattr(mmap, "MADV_DONTNEED"):
            data.madvise(mmap.MADV_DONTNEED)


def _scale(units_per_em: int) -> Callable[[float], float]:
    factor = 1000 / units_per_em
    return (lambda x: x) if units_per_em == 1000 else (lambda x: x * factor)


def _cached_font(name: str, path: Path) -> TTFont | None:
    """The font rebuilt from cached face tables, or None when there is no usable cache.
    Mirrors TTFont.__init__ for the attributes reportlab keeps outside the face."""
    try:
        data = _face_cache(path).read_bytes()
    except OSError:
        return None
    gc.disable()  # unpickling ~100k small objects: collection passes would only cost time
    try:
        state: dict[str, Any] = pickle.loads(data)
    except Exception:  # a cache from another version or a torn write: parse instead
        return None
    finally:
        gc.enable()
    try:
        _maps(state)
    except (KeyError, ValueError, TypeError):  # a cache in an older layout: parse instead
        return None
    face = TTFontFace.__new__(TTFontFace)
    vars(face).update(state)
    vars(face).update({key: {} for key in _PARSE_ONLY})
    with path.open("rb") as f:  # mapped, not read: only the glyphs a subset takes are paged in
        face._ttf_data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    _MAPPED.append(face._ttf_data)
    face._pdfScale = _scale(face.unitsPerEm)
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, g) for g in rl_config.unShapedFontGlob)
    return font


@cache
def coverage(path: Path) -> KeysView[int]:
    """The code points the font maps (a live view of its cmap: set operations and `in`
    work on it without a second 30,000-entry set per face)."""
    cmap: dict[int, int] = load_font(path).face.charToGlyph
    return cmap.keys()


def role_chain(role: FontRole, bold: bool = False) -> list[Path]:
    names = role.bold_files if bold and role.bold_files else role.files
    return [font_path(n) for n in names]

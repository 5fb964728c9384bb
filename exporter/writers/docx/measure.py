"""Line measure for the DOCX page estimate: character widths of a font as LibreOffice sets
them (cached per font file), and how many lines a paragraph breaks into under the
Chinese line-breaking rules (no line starts with 、。 and the like, none ends with an
opening bracket, Latin words and numbers stay whole)."""

from __future__ import annotations

import re
import struct
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path

from exporter.cache import cache_dir, stamp, write_atomic

# LibreOffice sets full-width punctuation full width (it ignores compressPunctuation and
# hangs nothing past the line end) and loses less than an em a line to its line-breaking
# rules (measured on the seed books).
BREAK_LOSS_EM = 1.0
NO_START = frozenset("、，；：。！？）》」』】〉〕”’,.;:!?)]}·—…%")
NO_END = frozenset("（《「『【〈〔“‘([{")
_UNBREAKABLE = re.compile(r"[A-Za-z0-9.%]{2,}|[—…]{2,}")


# Han/Latin boundaries, as two pair patterns: matches of one cannot overlap (no character
# is both Han and Latin), so the counts add up to the number of boundaries.
_HAN_THEN_LATIN = re.compile("[\u3400-\u9fff][A-Za-z0-9]")
_LATIN_THEN_HAN = re.compile("[A-Za-z0-9][\u3400-\u9fff]")
_ASCII_ALNUM = re.compile("[A-Za-z0-9]")
_ANY = re.compile("(?s).")
# How close to a whole number of lines a quick width may come before the estimate redoes
# the sum the exact way (the quick sum differs from it by far less: ~1e-10 line).
TIE = 1e-7


class Widths(dict[str, float]):
    """Character -> advance in em, filled on first use of each character (a book uses a
    few thousand), so a paragraph's width is one C-level sum over a map."""

    def __init__(self, path: Path | None) -> None:
        super().__init__()
        self.path = path
        self.full: set[str] = set()  # characters exactly 1 em wide (nearly all Han)
        self.not_full = _ANY  # finds a character not known to be in `full`
        self._grown = 0

    def quick_units(self, text: str) -> float:
        """`_units` without a lookup per character: full-width characters are counted by
        one regex scan and only the others summed. The floating-point sum is in another
        order, so it can differ from `_units` in the last bits."""
        others = self.not_full.findall(text)
        if len(others) * 4 > len(text):  # still learning which characters are full width
            self._learn(others)
        total = (len(text) - len(others)) + sum(map(self.__getitem__, others))
        if not _ASCII_ALNUM.search("".join(others)):  # no Latin: no Han/Latin spacing
            return total
        return total + 0.25 * boundaries(text)

    def _learn(self, chars: list[str]) -> None:
        fresh = {
            c
            for c in set(chars) - self.full
            if self[c] == 1.0 and not (c.isascii() and c.isalnum())  # Latin stays in `others`
        }
        if fresh:
            self.full |= fresh
            self._grown += 1
            if self._grown & (self._grown - 1) == 0:  # rebuilt after 1, 2, 4 … growths
                bmp = sorted(c for c in self.full if ord(c) < 0x10000)
                self.not_full = re.compile(f"[^{''.join(map(re.escape, bmp))}]")

    def __missing__(self, char: str) -> float:
        known = _advances(self.path).em(ord(char)) if self.path else None
        if known is None:
            known = 1.0 if ord(char) >= 0x2E80 else 0.55
        self[char] = known
        return known


@dataclass(frozen=True)
class _Advances:
    """A font's advance widths by code point: two sorted arrays, cached on disk, so a
    build neither parses the font's glyph names nor keeps a dict of every glyph."""

    code_points: array[int]
    widths: array[int]  # font units
    upem: int

    def em(self, cp: int) -> float | None:
        i = bisect_left(self.code_points, cp)
        if i < len(self.code_points) and self.code_points[i] == cp:
            return self.widths[i] / self.upem
        return None


@cache
def _advances(path: Path) -> _Advances:
    """The font's advance widths by code point, from the user cache (keyed by the file's
    stamp) or read once with fontTools and cached: a rebuild imports no fontTools."""
    cached = cache_dir() / f"advances-{stamp(path)}.bin"
    try:
        data = cached.read_bytes()
        upem, n = struct.unpack_from("<II", data)
        cps, widths = array("I"), array("H")
        cps.frombytes(data[8 : 8 + 4 * n])
        widths.frombytes(data[8 + 4 * n : 8 + 6 * n])
        if len(widths) == n:
            return _Advances(cps, widths, upem)
    except (OSError, struct.error, ValueError):
        pass
    adv = _read_advances(path)
    write_atomic(
        cached,
        struct.pack("<II", adv.upem, len(adv.code_points))
        + adv.code_points.tobytes()
        + adv.widths.tobytes(),
    )
    return adv


def _read_advances(path: Path) -> _Advances:
    from fontTools.ttLib import TTFont  # only when the disk cache misses

    font = TTFont(path, lazy=True)
    # Numbered glyph names: building names from the cmap (uniXXXX) is the slow part of
    # reading a CJK font, and only the glyph index matters here.
    font.setGlyphOrder([f"g{i}" for i in range(font["maxp"].numGlyphs)])
    upem = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    cmap = sorted((font.getBestCmap() or {}).items())
    font.close()
    return _Advances(
        array("I", [cp for cp, _ in cmap]), array("H", [metrics[g][0] for _, g in cmap]), upem
    )


@cache
def widths_of(font_file: Path | None) -> Widths:
    return Widths(font_file)


def char_units(text: str, font_file: Path | None = None) -> float:
    """Width of `text` in em, from the font's advance widths where known."""
    return _units(text, widths_of(font_file))


def _units(text: str, widths: Widths) -> float:
    total = sum(map(widths.__getitem__, text))
    # autoSpaceDE/DN: a quarter em between Han and Latin letters or digits.
    return total + 0.25 * boundaries(text)


def boundaries(text: str) -> int:
    return len(_HAN_THEN_LATIN.findall(text)) + len(_LATIN_THEN_HAN.findall(text))


def kept_lines(n: int) -> int:
    """Lines of an n-line paragraph that must share a page (widow/orphan control)."""
    return n if n <= 3 else 2


def break_count(text: str, widths: Widths, measure: float, first: float, track: float) -> int:
    """Lines LibreOffice breaks `text` into (widths in em): as many characters as fit, no
    line starting with a closing mark or ending with an opening one, no break inside a
    Latin word or number."""
    adv = [widths[c] + track for c in text]
    for m in _HAN_THEN_LATIN.finditer(text):  # autoSpaceDE/DN: ¼ em at Han/Latin seams
        adv[m.start()] += 0.25
    for m in _LATIN_THEN_HAN.finditer(text):
        adv[m.start()] += 0.25
    glued = bytearray(len(text) + 1)  # 1 where no break may fall before character i
    for m in _UNBREAKABLE.finditer(text):
        glued[m.start() + 1 : m.end()] = b"\x01" * (m.end() - m.start() - 1)
    prefix = list(accumulate(adv, initial=0.0))
    n, start, lines, room = len(text), 0, 0, measure - first
    while start < n:
        lines += 1
        end = bisect_right(prefix, prefix[start] + room + 1e-6) - 1
        if end >= n:
            break
        end = _step_back(text, glued, start, end)
        start, room = end, measure
    return max(lines, 1)


def _step_back(text: str, glued: bytearray, start: int, end: int) -> int:
    """The last allowed break at or before `end` (a line keeps one character at least)."""
    at = end
    while at > start + 1 and (glued[at] or text[at] in NO_START or text[at - 1] in NO_END):
        at -= 1
    return at if at > start + 1 or end == start else max(end, start + 1)


def roman(n: int) -> str:
    """Lower-case Roman numeral of `n` (the front matter's page numbers, as Word prints)."""
    out = ""
    for value, numeral in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out += numeral
            n -= value
    return out


@dataclass(frozen=True)
class Metrics:
    """What the estimate needs of one style, looked up once per role."""

    widths: Widths
    size: float
    indent: float  # left indent in points
    first: float  # first-line indent in em
    spacing: float  # letter spacing in points
    leading: float
    before: float
    after: float
    break_before: bool
    keep: bool

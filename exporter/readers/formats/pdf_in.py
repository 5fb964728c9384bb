"""PDF pages with a text layer (e-paper pages, exported documents): the text runs with their
positions and type sizes (read with PDFium, Chrome's PDF engine, through pypdfium2), set into
lines and boxes by our own rule and put in reading order by geometry whatever order the file
draws them in: a page is cut at the gutters that no box crosses (columns, left to right) and
otherwise across, above and below the boxes that span the columns (top to bottom). Running
headers and footers (the same text in the top or bottom margin of several pages) and page
numbers are dropped; so are small-print lines right under a picture (captions). Headlines
(clearly larger type) become Markdown headings.
"""

from __future__ import annotations

import ctypes
import math
import re
import statistics
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exporter.errors import InputError
from exporter.readers.formats import Converted

MARGIN = 0.08  # share of the page height at top and bottom where running heads sit
WIDE = 0.6  # a box wider than this share of the text width spans the columns
HEADLINE_SIZE = 1.3  # type this much larger than the body is a headline
CAPTION_SIZE = 0.9  # type this much smaller than the body, under a picture, is a caption
CAPTION_GAP = 24.0  # points between a picture's bottom and its caption's top
INDENT = 1.5  # a line starting this many characters in from its box opens a paragraph
SHORT_LINE = 3.0  # a line ending this many characters before its box's right edge ends one
RUN_GAP = 1.0  # runs on one baseline closer than this many characters are one line
WORD_GAP = 0.5  # ... and Latin words further apart than this have a space between
SPACE_WIDTH = 0.3  # a space drawn on its own is taken this many characters wide
LINE_PITCH = 1.7  # lines of one box are at most this many characters apart, baseline to baseline
SAME_SIZE = 0.15  # lines of one box differ in type size by at most this share
ASCENT, DESCENT = 0.8, 0.2  # a line's extent above and below its baseline, in characters
MAX_FORM_DEPTH = 8  # form XObjects nested deeper than this are not looked into
_PAGE_NO = re.compile(r"^[-—–\s第]*\d{1,4}[-—–\s页版]*$")
_DIGITS = re.compile(r"\d+")
# PDFium is not thread-safe: one conversion at a time (batch runs may use threads).
_PDFIUM_LOCK = threading.Lock()

Rect = tuple[float, float, float, float]


@dataclass
class Run:
    """One text object: its origin's baseline, left and right edge, type size, text."""

    x0: float
    x1: float
    base: float
    size: float
    text: str


@dataclass
class Line:
    x0: float
    x1: float
    base: float
    size: float
    runs: list[Run] = field(default_factory=list)

    def text(self) -> str:
        out = ""
        last = None
        for r in sorted(self.runs, key=lambda r: r.x0):
            gap = last is not None and r.x0 - last.x1 > WORD_GAP * self.size
            if gap and out[-1:].isascii() and out[-1:].isalnum() and r.text[:1].isascii():
                out += " "  # Latin words set apart without a space character
            out += r.text
            last = r
        return out.strip()


@dataclass
class Box:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    text: str


Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _then(m: Matrix, n: Matrix) -> Matrix:
    """The transformation m followed by n (PDF's row-vector convention)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    )


def _apply(m: Matrix, rect: Rect) -> Rect:
    """The bounding rectangle of rect transformed by m."""
    a, b, c, d, e, f = m
    xs, ys = [], []
    for x, y in ((rect[0], rect[1]), (rect[2], rect[1]), (rect[0], rect[3]), (rect[2], rect[3])):
        xs.append(a * x + c * y + e)
        ys.append(b * x + d * y + f)
    return (min(xs), min(ys), max(xs), max(ys))


class _Page:
    """The text runs and picture rectangles of one page, from PDFium's page objects."""

    def __init__(self, pdfium_c: Any, page: Any, textpage: Any) -> None:
        self.c = pdfium_c
        self.textpage = textpage
        self.runs: list[Run] = []
        self.pictures: list[Rect] = []
        self._rect = [ctypes.c_float() for _ in range(4)]
        self._size = ctypes.c_float()
        self._matrix = pdfium_c.FS_MATRIX()
        self._cap = 2048  # bytes
        self._buf = (pdfium_c.FPDF_WCHAR * (self._cap // 2))()
        self._walk(pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, page, None, 0)

    def _walk(self, count: Any, get: Any, parent: Any, outer: Matrix | None, depth: int) -> None:
        c = self.c
        for i in range(count(parent)):
            obj = get(parent, i)
            kind = c.FPDFPageObj_GetType(obj)
            if kind == c.FPDF_PAGEOBJ_TEXT:
                self._text(obj, outer)
            elif kind == c.FPDF_PAGEOBJ_IMAGE:
                rect = self._bounds(obj)
                self.pictures.append(_apply(outer, rect) if outer else rect)
            elif kind == c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
                m = self._get_matrix(obj)
                inner = _then(m, outer) if outer else m
                self._walk(
                    c.FPDFFormObj_CountObjects, c.FPDFFormObj_GetObject, obj, inner, depth + 1
                )

    def _bounds(self, obj: Any) -> Rect:
        x0, y0, x1, y1 = self._rect
        self.c.FPDFPageObj_GetBounds(obj, x0, y0, x1, y1)
        return (x0.value, y0.value, x1.value, y1.value)

    def _get_matrix(self, obj: Any) -> Matrix:
        m = self._matrix
        self.c.FPDFPageObj_GetMatrix(obj, m)
        return (m.a, m.b, m.c, m.d, m.e, m.f)

    def _text(self, obj: Any, outer: Matrix | None) -> None:
        c = self.c
        n = c.FPDFTextObj_GetText(obj, self.textpage, self._buf, self._cap)
        if n > self._cap:  # a long run: a bigger buffer, once
            self._cap = n
            self._buf = (c.FPDF_WCHAR * (n // 2 + 1))()
            n = c.FPDFTextObj_GetText(obj, self.textpage, self._buf, self._cap)
        if n <= 2:
            return
        text = ctypes.string_at(self._buf, n - 2).decode("utf-16-le", "replace")
        text = text.replace("\r", "").replace("\n", "")
        if not text:
            return
        m = self._get_matrix(obj)
        if outer:
            m = _then(m, outer)
        c.FPDFTextObj_GetFontSize(obj, self._size)
        size = self._size.value * math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))
        if text.isspace():  # kept: it joins the words around it, and bylines need it
            self.runs.append(Run(m[4], m[4] + SPACE_WIDTH * size * len(text), m[5], size, " "))
            return
        rect = self._bounds(obj)
        if outer:
            rect = _apply(outer, rect)
        if text[0].isspace():  # an indent typed as spaces (`　` is one character wide)
            body = text.lstrip()
            lead = text[: len(text) - len(body)]
            shift = sum(size if ch == "\u3000" else SPACE_WIDTH * size for ch in lead)
            self.runs.append(Run(m[4] + shift, rect[2], m[5], size, body))
        else:
            self.runs.append(Run(min(m[4], rect[0]), rect[2], m[5], size, text))


def _pages(path: Path) -> list[tuple[list[Run], list[Rect], tuple[float, float]]]:
    """Per page: its text runs, its picture rectangles and its bottom and top."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    out = []
    with _PDFIUM_LOCK:
        doc = pdfium.PdfDocument(path.read_bytes())
        try:
            for i in range(len(doc)):
                page = doc[i]
                textpage = page.get_textpage()
                try:
                    items = _Page(pdfium_c, page.raw, textpage.raw)
                    _left, bottom, _right, top = page.get_bbox()  # the crop box
                    out.append((items.runs, items.pictures, (bottom, top)))
                finally:
                    textpage.close()
                    page.close()
        finally:
            doc.close()
    return out


def _lines(runs: list[Run]) -> list[Line]:
    """Runs on one baseline that follow each other closely are one line."""
    lines: list[Line] = []
    for r in sorted(runs, key=lambda r: (-r.base, r.x0)):
        for line in reversed(lines[-8:]):
            size = max(line.size, r.size)
            if (
                abs(line.base - r.base) <= 0.3 * size
                and -0.5 * size <= r.x0 - line.x1 <= RUN_GAP * size
            ):
                line.runs.append(r)
                line.x1 = max(line.x1, r.x1)
                line.size = max(line.size, r.size)
                break
        else:
            lines.append(Line(r.x0, r.x1, r.base, r.size, [r]))
    out = []
    for line in lines:  # where the ink starts: spaces before it are an indent
        inked = [r for r in line.runs if r.text != " "]
        if inked:
            line.x0 = min(r.x0 for r in inked)
            line.x1 = max(r.x1 for r in inked)
            out.append(line)
    return out


def _page_boxes(page: int, lines: list[Line]) -> list[Box]:
    """Lines of one type size, overlapping across and set at a line's pitch, are one box."""
    groups: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: (-ln.base, ln.x0)):
        for g in reversed(groups):
            last = g[-1]
            size = max(last.size, line.size)
            if (
                abs(last.size - line.size) <= SAME_SIZE * size
                and line.x0 < last.x1
                and line.x1 > last.x0
                and 0 < last.base - line.base <= LINE_PITCH * size
            ):
                g.append(line)
                break
        else:
            groups.append([line])
    spans = [(min(ln.x0 for ln in g), max(ln.x1 for ln in g), g[0].size) for g in groups]
    boxes = []
    for g, (x0, x1, first) in zip(groups, spans, strict=True):
        size = statistics.median(ln.size for ln in g)
        # The column's left edge: boxes of one size above and below it share it, so a box of
        # one-line paragraphs, each indented, still opens a paragraph at each line.
        left = min(
            (a for a, b, sz in spans if a < x1 and b > x0 and abs(sz - first) <= SAME_SIZE * sz),
            default=x0,
        )
        text = _box_text(g, size, left)
        if text:
            y0, y1 = g[-1].base - DESCENT * size, g[0].base + ASCENT * size
            boxes.append(Box(page, x0, y0, x1, y1, size, text))
    return boxes


def _box_text(lines: list[Line], size: float, left: float) -> str:
    """The box's lines joined without breaks (no hyphens in Chinese), a blank line before
    each indented line: a box can hold several paragraphs set without space between. A line
    is indented from the box's own left edge, or, where every line of the box starts in from
    its column's left edge, after a line that ended short (a box of one-line paragraphs, not
    a passage set in as a block)."""
    own = min(ln.x0 for ln in lines)
    own_right = max(ln.x1 for ln in lines)
    parts: list[str] = []
    last: Line | None = None
    for line in lines:
        text = line.text()
        if not text:
            continue
        indented = line.x0 - own >= INDENT * size
        after_short = last is not None and last.x1 < own_right - SHORT_LINE * size
        if parts and (indented or (line.x0 - left >= INDENT * size and after_short)):
            parts.append("\n\n")
        parts.append(text)
        last = line
    return "".join(parts)


def _boxes(path: Path) -> tuple[list[Box], list[list[Rect]], list[tuple[float, float]]]:
    """Text boxes of all pages, picture rectangles per page, and each page's bottom and top."""
    boxes: list[Box] = []
    pictures: list[list[Rect]] = []
    heights: list[tuple[float, float]] = []
    for n, (runs, pics, height) in enumerate(_pages(path)):
        boxes += _page_boxes(n, _lines(runs))
        pictures.append(pics)
        heights.append(height)
    return boxes, pictures, heights


def _running(boxes: list[Box], heights: list[tuple[float, float]]) -> set[int]:
    """Indexes of boxes in the page margins that repeat on two or more pages (digits aside),
    and of page numbers there."""
    in_margin = []
    for i, b in enumerate(boxes):
        bottom, top = heights[b.page]
        margin = (top - bottom) * MARGIN
        if b.y1 > top - margin or b.y0 < bottom + margin:
            in_margin.append(i)
    pages: dict[str, set[int]] = {}
    for i in in_margin:
        pages.setdefault(_DIGITS.sub("#", boxes[i].text), set()).add(boxes[i].page)
    return {
        i
        for i in in_margin
        if len(pages[_DIGITS.sub("#", boxes[i].text)]) >= 2 or _PAGE_NO.match(boxes[i].text)
    }


def _captions(boxes: list[Box], pictures: list[list[Rect]], body: float) -> set[int]:
    """Indexes of small-type boxes that start right under a picture."""
    out = set()
    for i, b in enumerate(boxes):
        if b.size >= body * CAPTION_SIZE:
            continue
        for x0, y0, x1, _y1 in pictures[b.page]:
            overlaps = b.x0 < x1 and b.x1 > x0
            if overlaps and 0 <= y0 - b.y1 <= CAPTION_GAP:
                out.add(i)
    return out


def _gaps(spans: list[tuple[float, float]]) -> list[float]:
    """Positions between the merged spans where nothing lies (ascending)."""
    out: list[float] = []
    end = None
    for a, b in sorted(spans):
        if end is not None and a > end:
            out.append((end + a) / 2)
        end = b if end is None else max(end, b)
    return out


def _reading_order(boxes: list[Box]) -> list[Box]:
    """Columns first: cut at every gutter that no box crosses and read the parts left to
    right. Where a box crosses the gutters, cut across the page right above and below the
    boxes that span most of its width (a headline over the columns), else at the topmost
    clear gap, and read the parts top to bottom. Each part is read the same way."""
    if len(boxes) <= 1:
        return list(boxes)
    cuts = _gaps([(b.x0, b.x1) for b in boxes])
    if cuts:
        parts: list[list[Box]] = [[] for _ in range(len(cuts) + 1)]
        for b in boxes:
            parts[sum(1 for x in cuts if x < b.x0)].append(b)
        return [b for part in parts for b in _reading_order(part)]
    left, right = min(b.x0 for b in boxes), max(b.x1 for b in boxes)
    width = max(right - left, 1.0)
    rows = _gaps([(-b.y1, -b.y0) for b in boxes])  # top to bottom
    wide = [b for b in boxes if (b.x1 - b.x0) / width >= WIDE]
    beside_wide = [g for g in rows if _next_to(g, boxes) & {id(b) for b in wide}]
    rows = beside_wide or rows[:1]
    if not rows:
        return sorted(boxes, key=lambda b: (-b.y1, b.x0))
    bands: list[list[Box]] = [[] for _ in range(len(rows) + 1)]
    for b in boxes:
        bands[sum(1 for y in rows if y < -b.y1)].append(b)
    return [b for band in bands for b in _reading_order(band)]


def _next_to(g: float, boxes: list[Box]) -> set[int]:
    """Ids of the boxes right above and right below the clear gap at g (top-down)."""
    above = [b for b in boxes if -b.y0 <= g]
    below = [b for b in boxes if -b.y1 >= g]
    out = set()
    if above:
        out.add(id(max(above, key=lambda b: -b.y0)))
    if below:
        out.add(id(min(below, key=lambda b: -b.y1)))
    return out


def _line(b: Box, body: float, top: float) -> str:
    """The largest type is a headline (`#`), other large type an inner heading (`##`)."""
    if not body or b.size < body * HEADLINE_SIZE:
        return b.text
    return f"# {b.text}" if b.size >= top - 0.5 else f"## {b.text}"


def convert(path: Path) -> Converted:
    """A PDF's text in reading order as Markdown lines; furniture listed as dropped."""
    try:
        boxes, pictures, heights = _boxes(path)
    except OSError:
        raise
    except Exception as exc:  # PDFium reports damaged and encrypted files as PdfiumError
        raise InputError(_why(exc), str(path)) from exc
    if not boxes:
        raise InputError("the PDF has no text layer (a scanned page?): run OCR first", str(path))
    sizes = [b.size for b in boxes if b.size]
    body = statistics.median(sizes) if sizes else 0.0
    running = _running(boxes, heights)
    captions = _captions(boxes, pictures, body)
    dropped = [(boxes[i].text, "running_header") for i in sorted(running)]
    dropped += [(boxes[i].text, "photo_caption") for i in sorted(captions - running)]
    keep = [b for i, b in enumerate(boxes) if i not in running and i not in captions]
    pages = sorted({b.page for b in keep})
    top = max(b.size for b in keep) if keep else 0.0
    lines = [
        _line(b, body, top) for p in pages for b in _reading_order([b for b in keep if b.page == p])
    ]
    return Converted("\n\n".join(lines) + "\n", "pdf", dropped)


def _why(exc: Exception) -> str:
    """The reason for the editor: a password to remove, or a damaged file (PDFium's words)."""
    m = re.search(r"PDFium: ([^)]+)\)", str(exc))
    said = m.group(1).strip().rstrip(".").lower() if m else type(exc).__name__
    if "password" in said or "security" in said:
        return "an encrypted PDF (password): save a copy without the password and read that"
    return f"not a readable PDF, damaged or not a PDF ({said})"

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
from pathlib import Path
from typing import Any

from exporter.errors import InputError
from exporter.readers.formats import Converted
from exporter.readers.formats.pdf_layout import (
    SPACE_WIDTH,
    Box,
    Run,
    lines_of,
    page_boxes,
    reading_order,
)

MARGIN = 0.08  # share of the page height at top and bottom where running heads sit
HEADLINE_SIZE = 1.3  # type this much larger than the body is a headline
CAPTION_SIZE = 0.9  # type this much smaller than the body, under a picture, is a caption
CAPTION_GAP = 24.0  # points between a picture's bottom and its caption's top
MAX_FORM_DEPTH = 8  # form XObjects nested deeper than this are not looked into
_PAGE_NO = re.compile(r"^[-—–\s第]*\d{1,4}[-—–\s页版]*$")
_DIGITS = re.compile(r"\d+")
# PDFium is not thread-safe: one conversion at a time (batch runs may use threads).
_PDFIUM_LOCK = threading.Lock()

Rect = tuple[float, float, float, float]


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

    def __init__(self, pdf: Any, page: int, textpage: int) -> None:
        self.pdf = pdf  # the pdf_chars module (imported on first use)
        self.textpage = textpage
        self.runs: list[Run] = []
        self.pictures: list[Rect] = []
        self._texts: dict[int, str | None] | None = pdf.object_texts(textpage)
        # One scratch array for the out-parameters: matrix a..f, bounds, font size.
        self._out = (ctypes.c_float * 11)()
        at = self._matrix_at = ctypes.addressof(self._out)
        self._bounds_at = (at + 24, at + 28, at + 32, at + 36)
        self._size_at = at + 40
        self._cap = 2048  # bytes
        self._buf = (ctypes.c_uint16 * (self._cap // 2))()
        self._walk(pdf.objects(pdf.page_count_objects, pdf.page_get_object, page), None, 0)

    def _walk(self, objs: list[int], outer: Matrix | None, depth: int) -> None:
        pdf = self.pdf
        for obj, kind in zip(objs, map(pdf.get_type, objs), strict=True):
            if kind == pdf.PAGEOBJ_TEXT:
                self._text(obj, outer)
            elif kind == pdf.PAGEOBJ_IMAGE:
                rect = self._bounds(obj)
                self.pictures.append(_apply(outer, rect) if outer else rect)
            elif kind == pdf.PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
                m = self._get_matrix(obj)
                inner = _then(m, outer) if outer else m
                inside = pdf.objects(pdf.form_count_objects, pdf.form_get_object, obj)
                self._walk(inside, inner, depth + 1)

    def _bounds(self, obj: int) -> Rect:
        self.pdf.get_bounds(obj, *self._bounds_at)
        x0, y0, x1, y1 = self._out[6:10]
        return (x0, y0, x1, y1)

    def _get_matrix(self, obj: int) -> Matrix:
        self.pdf.get_matrix(obj, self._matrix_at)
        a, b, c, d, e, f = self._out[0:6]
        return (a, b, c, d, e, f)

    def _object_text(self, obj: int) -> str:
        """The object's text asked of PDFium alone (a bigger buffer once for a long one)."""
        at = ctypes.addressof(self._buf)
        n = self.pdf.get_object_text(obj, self.textpage, at, self._cap)
        if n > self._cap:  # a long run: a bigger buffer, once
            self._cap = n
            self._buf = (ctypes.c_uint16 * (n // 2 + 1))()
            at = ctypes.addressof(self._buf)
            n = self.pdf.get_object_text(obj, self.textpage, at, self._cap)
        if n <= 2:
            return ""
        return ctypes.string_at(at, n - 2).decode("utf-16-le", "replace")

    def _text(self, obj: int, outer: Matrix | None) -> None:
        """One text object as a run: its text, its baseline origin and size under the
        object's matrix (and a form's), a space drawn on its own kept narrow, leading
        ideographic or Latin spaces taken as an indent."""
        texts = self._texts
        text = None if texts is None else texts.get(obj, "")
        if text is None:  # the page's characters could not say: PDFium's own call
            text = self._object_text(obj)
        text = text.replace("\r", "").replace("\n", "")
        if not text:
            return
        pdf, out = self.pdf, self._out
        pdf.get_matrix(obj, self._matrix_at)
        pdf.get_font_size(obj, self._size_at)
        a, b, c, d, x, y = out[0:6]
        if outer:
            a, b, c, d, x, y = _then((a, b, c, d, x, y), outer)
        size = out[10] * math.sqrt(abs(a * d - b * c))
        if text.isspace():  # kept: it joins the words around it, and bylines need it
            self.runs.append(Run(x, x + SPACE_WIDTH * size * len(text), y, size, " "))
            return
        rect = self._bounds(obj)
        if outer:
            rect = _apply(outer, rect)
        if text[0].isspace():  # an indent typed as spaces (`　` is one character wide)
            body = text.lstrip()
            lead = text[: len(text) - len(body)]
            shift = sum(size if ch == "\u3000" else SPACE_WIDTH * size for ch in lead)
            self.runs.append(Run(x + shift, rect[2], y, size, body))
        else:
            self.runs.append(Run(min(x, rect[0]), rect[2], y, size, text))


def _pages(path: Path) -> list[tuple[list[Run], list[Rect], tuple[float, float]]]:
    """Per page: its text runs, its picture rectangles and its bottom and top."""
    import pypdfium2 as pdfium

    from exporter.readers.formats import pdf_chars

    out = []
    with _PDFIUM_LOCK:
        doc = pdfium.PdfDocument(path.read_bytes())
        try:
            for i in range(len(doc)):
                page = doc[i]
                textpage = page.get_textpage()
                try:
                    raw = pdf_chars.handle(page.raw), pdf_chars.handle(textpage.raw)
                    items = _Page(pdf_chars, *raw)
                    _left, bottom, _right, top = page.get_bbox()  # the crop box
                    out.append((items.runs, items.pictures, (bottom, top)))
                finally:
                    textpage.close()
                    page.close()
        finally:
            doc.close()
    return out


def _boxes(path: Path) -> tuple[list[Box], list[list[Rect]], list[tuple[float, float]]]:
    """Text boxes of all pages, picture rectangles per page, and each page's bottom and top."""
    boxes: list[Box] = []
    pictures: list[list[Rect]] = []
    heights: list[tuple[float, float]] = []
    for n, (runs, pics, height) in enumerate(_pages(path)):
        boxes += page_boxes(n, lines_of(runs))
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
        _line(b, body, top) for p in pages for b in reading_order([b for b in keep if b.page == p])
    ]
    return Converted("\n\n".join(lines) + "\n", "pdf", dropped)


def _why(exc: Exception) -> str:
    """The reason for the editor: a password to remove, or a damaged file (PDFium's words)."""
    m = re.search(r"PDFium: ([^)]+)\)", str(exc))
    said = m.group(1).strip().rstrip(".").lower() if m else type(exc).__name__
    if "password" in said or "security" in said:
        return "an encrypted PDF (password): save a copy without the password and read that"
    return f"not a readable PDF, damaged or not a PDF ({said})"

"""PDF pages with a text layer (e-paper pages, exported documents): text boxes with their
positions (pdfminer.six layout analysis), put in reading order by geometry — boxes that
span the columns first, then each column top to bottom, left to right — whatever order the
file draws them in. Running headers and footers (the same text in the top or bottom margin
of several pages) and page numbers are dropped; so are small-print lines right under a
picture (captions). Headlines (clearly larger type) become Markdown headings.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exporter.errors import InputError
from exporter.readers.formats import Converted

MARGIN = 0.08  # share of the page height at top and bottom where running heads sit
WIDE = 0.6  # a box wider than this share of the text width spans the columns
HEADLINE_SIZE = 1.3  # type this much larger than the body is a headline
CAPTION_SIZE = 0.9  # type this much smaller than the body, under a picture, is a caption
CAPTION_GAP = 24.0  # points between a picture's bottom and its caption's top
_PAGE_NO = re.compile(r"^[-—–\s第]*\d{1,4}[-—–\s页版]*$")
_DIGITS = re.compile(r"\d+")


@dataclass
class Box:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    text: str


def _boxes(path: Path) -> tuple[list[Box], list[list[tuple[float, float, float, float]]], float]:
    """Text boxes, picture rectangles per page, and the page height."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTFigure, LTImage, LTTextBoxHorizontal

    boxes: list[Box] = []
    pictures: list[list[tuple[float, float, float, float]]] = []
    height = 842.0
    for n, page in enumerate(extract_pages(str(path), laparams=LAParams())):
        height = page.height
        pics: list[tuple[float, float, float, float]] = []
        for el in page:
            if isinstance(el, LTTextBoxHorizontal):
                sizes = [c.size for line in el for c in line if isinstance(c, LTChar)]
                text = _box_text(el, statistics.median(sizes) if sizes else 0.0)
                if text:
                    size = statistics.median(sizes) if sizes else 0.0
                    boxes.append(Box(n, el.x0, el.y0, el.x1, el.y1, size, text))
            elif isinstance(el, LTFigure | LTImage):
                pics.append((el.x0, el.y0, el.x1, el.y1))
        pictures.append(pics)
    return boxes, pictures, height


INDENT = 1.5  # a line starting this many characters in from its box opens a paragraph


def _box_text(box: Any, size: float) -> str:
    """The box's lines joined without breaks (no hyphens in Chinese), a blank line before
    each indented line: a box can hold several paragraphs set without space between."""
    parts: list[str] = []
    for line in box:
        text = line.get_text().strip()
        if not text:
            continue
        indented = size and line.x0 - box.x0 >= INDENT * size
        if indented and parts:
            parts.append("\n\n")
        parts.append(text)
    return "".join(parts)


def _running(boxes: list[Box], height: float) -> set[int]:
    """Indexes of boxes in the page margins that repeat on two or more pages (digits aside),
    and of page numbers there."""
    in_margin = [
        i for i, b in enumerate(boxes) if b.y1 > height * (1 - MARGIN) or b.y0 < height * MARGIN
    ]
    pages: dict[str, set[int]] = {}
    for i in in_margin:
        pages.setdefault(_DIGITS.sub("#", boxes[i].text), set()).add(boxes[i].page)
    return {
        i
        for i in in_margin
        if len(pages[_DIGITS.sub("#", boxes[i].text)]) >= 2 or _PAGE_NO.match(boxes[i].text)
    }


Rect = tuple[float, float, float, float]


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


def _reading_order(page_boxes: list[Box]) -> list[Box]:
    """Bands from top to bottom, cut by boxes that span the columns; inside a band, the
    columns left to right, each top to bottom."""
    if not page_boxes:
        return []
    left = min(b.x0 for b in page_boxes)
    right = max(b.x1 for b in page_boxes)
    width = max(right - left, 1.0)
    ordered: list[Box] = []
    band: list[Box] = []
    for b in sorted(page_boxes, key=lambda b: -b.y1):
        if (b.x1 - b.x0) / width >= WIDE:
            ordered += _columns(band)
            band = []
            ordered.append(b)
        else:
            band.append(b)
    return ordered + _columns(band)


def _columns(band: list[Box]) -> list[Box]:
    """Boxes grouped into columns by their left edges, then read column by column."""
    cols: list[list[Box]] = []
    for b in sorted(band, key=lambda b: b.x0):
        if cols and b.x0 < max(c.x1 for c in cols[-1]) - 2:
            cols[-1].append(b)
        else:
            cols.append([b])
    return [b for col in cols for b in sorted(col, key=lambda b: -b.y1)]


def _line(b: Box, body: float, top: float) -> str:
    """The largest type is a headline (`#`), other large type an inner heading (`##`)."""
    if not body or b.size < body * HEADLINE_SIZE:
        return b.text
    return f"# {b.text}" if b.size >= top - 0.5 else f"## {b.text}"


def convert(path: Path) -> Converted:
    """A PDF's text in reading order as Markdown lines; furniture listed as dropped."""
    try:
        boxes, pictures, height = _boxes(path)
    except Exception as exc:  # pdfminer raises its own kinds for damaged or encrypted files
        raise InputError(f"not a readable PDF ({type(exc).__name__})", str(path)) from exc
    if not boxes:
        raise InputError("the PDF has no text layer (a scanned page?): run OCR first", str(path))
    body = statistics.median(b.size for b in boxes if b.size) if any(b.size for b in boxes) else 0
    running = _running(boxes, height)
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

"""Text runs of a PDF page set into lines, lines into boxes (paragraph blocks), and boxes
into reading order by geometry: cut at the gutters no box crosses (columns, left to right),
otherwise above and below the boxes that span the columns (top to bottom)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

WIDE = 0.6  # a box wider than this share of the text width spans the columns
INDENT = 1.5  # a line starting this many characters in from its box opens a paragraph
SHORT_LINE = 3.0  # a line ending this many characters before its box's right edge ends one
RUN_GAP = 1.0  # runs on one baseline closer than this many characters are one line
WORD_GAP = 0.5  # ... and Latin words further apart than this have a space between
SPACE_WIDTH = 0.3  # a space drawn on its own is taken this many characters wide
LINE_PITCH = 1.7  # lines of one box are at most this many characters apart, baseline to baseline
ASCENT, DESCENT = 0.8, 0.2  # a line's extent above and below its baseline, in characters
SAME_SIZE = 0.15  # lines of one box differ in type size by at most this share


@dataclass(slots=True)
class Run:
    """One text object: its origin's baseline, left and right edge, type size, text."""

    x0: float
    x1: float
    base: float
    size: float
    text: str


@dataclass(slots=True)
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


@dataclass(slots=True)
class Box:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    text: str


def lines_of(runs: list[Run]) -> list[Line]:
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


def page_boxes(page: int, lines: list[Line]) -> list[Box]:
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


def _gaps(spans: list[tuple[float, float]]) -> list[float]:
    """Positions between the merged spans where nothing lies (ascending)."""
    out: list[float] = []
    end = None
    for a, b in sorted(spans):
        if end is not None and a > end:
            out.append((end + a) / 2)
        end = b if end is None else max(end, b)
    return out


def reading_order(boxes: list[Box]) -> list[Box]:
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
        return [b for part in parts for b in reading_order(part)]
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
    return [b for band in bands for b in reading_order(band)]


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

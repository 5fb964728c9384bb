"""The flowables the PDF writer lays out: text blocks, boxes, tables, charts, page references.

All text goes through `linebreak` and `draw` (never through reportlab's Paragraph markup), so
`AT&T`, `<党建>` and `《A&B》` print as written.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus.flowables import Flowable

from exporter.assemble.plan import Part
from exporter.writers.pdf.context import Context
from exporter.writers.pdf.draw import draw_paragraph, draw_text
from exporter.writers.pdf.linebreak import (
    Line,
    Prepared,
    break_lines,
    clean,
    prepare,
)
from exporter.writers.pdf.styles import PStyle

MIN_LINES = 2  # widow and orphan control: never one line of a paragraph alone on a page


SHORT = 40  # labels up to this length (headers, page numbers, leaders) are prepared once
_LABELS: dict[tuple[str, int, int, float, float, int], Prepared] = {}


def prepared(ctx: Context, text: str, st: PStyle, lead: int = 0) -> Prepared:
    if not text.isprintable():
        lead = len(clean(text[:lead]))
        text = clean(text)
    if len(text) > SHORT:
        return prepare(text, st.chain, st.size, st.tracking, lead, st.lead_chain)
    key = (text, id(st.chain), id(st.lead_chain), st.size, st.tracking, lead)  # chains live on
    pp = _LABELS.get(key)
    if pp is None:
        if len(_LABELS) > 20000:
            _LABELS.clear()
        pp = _LABELS[key] = prepare(text, st.chain, st.size, st.tracking, lead, st.lead_chain)
    return pp


class StyledBlock(Flowable):
    """A flowable spaced by its style `st`. A block split across pages keeps the space before
    on its first part and the space after on its last; by default the whole block is the
    least of it that may end a page."""

    st: PStyle
    first_part = True
    last_part = True

    def getSpaceBefore(self) -> float:
        return self.st.space_before if self.first_part else 0.0

    def getSpaceAfter(self) -> float:
        return self.st.space_after if self.last_part else 0.0

    def min_height(self, aw: float) -> float:
        return float(self.wrap(aw, 1e6)[1])


class TextFlow(StyledBlock):
    """A paragraph or heading set with our CLREQ line breaker."""

    content = True

    def __init__(
        self,
        ctx: Context,
        text: str,
        st: PStyle,
        where: str,
        lead: int = 0,
        anchor: str | None = None,
        outline: tuple[str, int] | None = None,
        start: int = 0,
        first_part: bool = True,
        last_part: bool = True,
    ) -> None:
        """A paragraph of one style: its text prepared once for the line breaker, with its
        lead phrase, link anchor and outline entry."""
        super().__init__()
        self.ctx, self.text, self.st, self.where = ctx, text, st, where
        self.lead, self.anchor, self.outline = lead, anchor, outline
        self.start, self.first_part, self.last_part = start, first_part, last_part
        self._pp: Prepared | None = None
        self._lines: list[Line] = []
        self._width = -1.0
        self.width = 0.0
        self.height = 0.0

    @property
    def pp(self) -> Prepared:
        if self._pp is None:
            self._pp = prepared(self.ctx, self.text, self.st, self.lead)
        return self._pp

    def lines(self, width: float) -> list[Line]:
        if width != self._width:
            st = self.st
            self._lines = break_lines(
                self.pp, width, st.first_indent, st.left_indent, st.align, self.start
            )
            self._width = width
        return self._lines

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = len(self.lines(aw)) * self.st.leading
        return aw, self.height

    def min_height(self, aw: float) -> float:
        """The least of this block that may end a page (orphan control)."""
        n = len(self.lines(aw))
        return min(n, MIN_LINES if n > MIN_LINES + 1 else n) * self.st.leading

    def split(self, aw: float, ah: float) -> list[Flowable]:
        """The lines that fit the space, and the rest as a new paragraph: never fewer than
        MIN_LINES on either side (no widow or orphan line)."""
        lines = self.lines(aw)
        n = len(lines)
        k = int((ah + 0.01) // self.st.leading)
        if k >= n:
            return [self]
        if n - k < MIN_LINES:
            k = n - MIN_LINES
        if k < MIN_LINES or k <= 0:
            return []
        head = self._part(lines[:k], self.start, self.first_part, False)
        tail = TextFlow(
            self.ctx,
            self.text,
            self.st,
            self.where,
            self.lead,
            start=lines[k].start,
            first_part=False,
            last_part=self.last_part,
        )
        tail._pp = self.pp
        # Greedy breaking from lines[k].start gives exactly lines[k:]: the tail keeps them, so
        # a paragraph over N pages is broken once, not N times (quadratic on one long line).
        tail._lines, tail._width = lines[k:], aw
        return [head, tail]

    def _part(self, lines: list[Line], start: int, first: bool, last: bool) -> TextFlow:
        part = TextFlow(
            self.ctx,
            self.text,
            self.st,
            self.where,
            self.lead,
            self.anchor if first else None,
            self.outline if first else None,
            start,
            first,
            last,
        )
        part._pp = self.pp
        part._lines, part._width = lines, self._width
        return part

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """Draw at (x, y) without the translate / save / restore platypus wraps around every
        flowable: text positions are absolute in the text matrix anyway."""
        self.canv = canvas
        self.draw(x, y)
        del self.canv

    def draw(self, x: float = 0.0, y: float = 0.0) -> None:
        """Mark the anchor and outline entry, then draw each line flush to both margins (the
        last line flush left), with its background and border when the style has them."""
        canv, ctx, st = self.canv, self.ctx, self.st
        top = y + self.height
        if self.anchor:
            ctx.mark_anchor(canv, self.anchor, top)
        if self.outline:
            title, level = self.outline
            level = min(level, ctx.outline_level + 1)
            ctx.outline_level = level
            canv.addOutlineEntry(title, self.anchor, level)
        draw_paragraph(
            canv,
            ctx.encoder(canv),
            self.pp,
            self._lines,
            st.chain,
            st.lead_chain,
            st.color,
            st.tracking,
            top,
            st.leading,
            st.baseline,
            ctx.missing,
            self.where,
            x,
        )


class PartMarker(Flowable):
    """Zero-size marker: the part (running header, page numbering) starts here."""

    def __init__(self, ctx: Context, part: Part) -> None:
        super().__init__()
        self.ctx, self.part = ctx, part
        self.width = self.height = 0.0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        self.ctx.start_part(self.part)


class BoxFlow(StyledBlock):
    """A shaded, ruled box around blocks. The text keeps the body's measure (so its lines
    end on the same edge as the body); the shading reaches `pad` into the margins."""

    content = True

    def __init__(self, ctx: Context, st: PStyle, children: list[Flowable], pad: float) -> None:
        super().__init__()
        self.ctx, self.st, self.children, self.pad = ctx, st, children, pad
        self.first_part = self.last_part = True
        self.width = self.height = 0.0
        self._sizes: list[tuple[float, float]] = []

    def _layout(self, aw: float) -> float:
        self._sizes = []
        y = self.pad
        for i, c in enumerate(self.children):
            if i:
                y += max(self.children[i - 1].getSpaceAfter(), c.getSpaceBefore())
            _, h = c.wrap(aw, 1e6)
            self._sizes.append((y, h))
            y += h
        return y + self.pad

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = self._layout(aw)
        return aw, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        """The children that fit, and the rest in a continued box of the same style."""
        self.wrap(aw, ah)
        room = ah - 2 * self.pad
        head: list[Flowable] = []
        for i, c in enumerate(self.children):
            y, h = self._sizes[i]
            if y - self.pad + h <= room:
                head.append(c)
                continue
            parts = c.split(aw, room - (y - self.pad))
            if len(parts) == 2:
                head.append(parts[0])
                rest = [parts[1], *self.children[i + 1 :]]
            else:
                rest = self.children[i:]
            break
        else:
            return [self]
        if not head:
            return []
        a = BoxFlow(self.ctx, self.st, head, self.pad)
        b = BoxFlow(self.ctx, self.st, rest, self.pad)
        a.first_part, a.last_part = self.first_part, False
        b.first_part, b.last_part = False, self.last_part
        return [a, b]

    def draw(self) -> None:
        canv, st, pad = self.canv, self.st, self.pad
        if st.background or st.border:
            canv.saveState()
            if st.background:
                canv.setFillColor(st.background)
            if st.border:
                canv.setStrokeColor(st.border)
                canv.setLineWidth(0.6)
            canv.rect(
                -pad,
                0,
                self.width + 2 * pad,
                self.height,
                stroke=1 if st.border else 0,
                fill=1 if st.background else 0,
            )
            canv.restoreState()
        for c, (y, h) in zip(self.children, self._sizes, strict=True):
            c.drawOn(canv, 0, self.height - y - h)


def draw_label(
    canv: Any, ctx: Context, st: PStyle, text: str, x: float, y: float, align: str = "left"
) -> float:
    """Draw one line of text with its baseline at y; x is its left, centre or right edge.
    Returns the text width."""
    pp = prepared(ctx, text, st)
    w = pp.pos[-1]
    left = x - w if align == "right" else x - w / 2 if align == "center" else x
    draw_text(canv, ctx.encoder(canv), pp, st.chain, st.color, left, y, st.tracking,
              ctx.missing, "label")  # fmt: skip
    return w

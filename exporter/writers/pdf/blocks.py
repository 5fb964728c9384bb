"""Tables, lists and the overview chart as flowables (all text through our line breaker)."""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.colors import Color, HexColor
from reportlab.platypus.flowables import Flowable

from exporter.writers.pdf.context import Context
from exporter.writers.pdf.flowables import StyledBlock, TextFlow, draw_label, prepared
from exporter.writers.pdf.styles import PStyle

CELL_PAD = 3.0  # pt
MM = 72 / 25.4  # pt per mm


class GridTable(Flowable):
    """A three-rule table (三线表): rules above, below the header and below the last row, no
    vertical rules; the header repeats on every page. A row moves to the next page whole,
    unless it is taller than half a page: such a row is split between lines (a cell of
    a roundup's figures can be taller than any page)."""

    content = True

    def __init__(
        self,
        ctx: Context,
        header: list[str],
        rows: list[list[str]],
        widths: list[float],
        st: PStyle,
        head_st: PStyle,
        where: str,
    ) -> None:
        """A table of header and rows set with the layout's cell styles; row heights are
        measured when it is wrapped."""
        super().__init__()
        self.ctx, self.st, self.head_st, self.where = ctx, st, head_st, where
        ncols = max([len(header), *(len(r) for r in rows)]) if (header or rows) else 1
        self.ncols = ncols
        self.rel = widths if len(widths) == ncols else [1.0] * ncols
        self.header = [TextFlow(ctx, t, head_st, where) for t in header] if header else []
        self.rows = [[TextFlow(ctx, t, st, where) for t in r] for r in rows]
        self.width = self.height = 0.0
        self._heights: list[float] = []
        self._cols: list[float] = []
        self._row_heights: dict[float, list[float]] = {}  # width -> every row's height

    def _part(self, lo: int, hi: int) -> GridTable:
        """Rows [lo, hi) under the same header, reusing the laid-out cells: a long table
        split page by page is then broken into lines once, not once per page."""
        part = GridTable(self.ctx, [], [], self.rel, self.st, self.head_st, self.where)
        part.ncols, part.rel, part.header = self.ncols, self.rel, self.header
        part.rows = self.rows[lo:hi]
        head = 1 if self.header else 0
        part._row_heights = {
            w: hs[:head] + hs[head + lo : head + hi] for w, hs in self._row_heights.items()
        }
        return part

    def _text_width(self, col: int) -> float:
        last = col == len(self._cols) - 1
        return self._cols[col] - CELL_PAD * (1 if last else 2)

    def _row_height(self, cells: list[TextFlow]) -> float:
        hs = [c.wrap(self._text_width(i), 1e6)[1] for i, c in enumerate(cells[: len(self._cols)])]
        return max(hs or [0.0]) + 2 * CELL_PAD

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        total = sum(self.rel) or 1.0
        self._cols = [aw * r / total for r in self.rel]
        self.width = aw
        heights = self._row_heights.get(aw)
        if heights is None:
            all_rows = ([self.header] if self.header else []) + self.rows
            heights = self._row_heights[aw] = [self._row_height(r) for r in all_rows]
        self._heights = heights
        self.height = sum(heights)
        return aw, self.height

    def getSpaceAfter(self) -> float:
        return self.st.space_after

    def min_height(self, aw: float) -> float:
        self.wrap(aw, 1e6)
        return sum(self._heights[: (2 if self.header else 1)])

    def split(self, aw: float, ah: float) -> list[Flowable]:
        self.wrap(aw, ah)
        head = 1 if self.header else 0
        y, k = 0.0, 0
        for i, h in enumerate(self._heights):
            if y + h > ah:
                break
            y, k = y + h, i + 1
        body_rows = k - head
        if body_rows < 1:
            return self._split_first_row(ah)
        if body_rows >= len(self.rows):
            return [self]
        return [self._part(0, body_rows), self._part(body_rows, len(self.rows))]

    def _split_first_row(self, ah: float) -> list[Flowable]:
        """The first row's lines that fit in `ah`, and the rest of the table; [] when the
        row should rather move to the next page whole."""
        head_h = self._heights[0] if self.header else 0.0
        row_h = self._heights[1 if self.header else 0]
        page_h = self.ctx.layout.page.text_height_mm * MM
        if not self.rows or row_h + head_h <= ah or row_h + head_h <= page_h / 2:
            return []
        room = ah - head_h - 2 * CELL_PAD
        firsts: list[TextFlow] = []
        rests: list[TextFlow] = []
        for i, cell in enumerate(self.rows[0][: len(self._cols)]):
            parts = [p for p in cell.split(self._text_width(i), room) if isinstance(p, TextFlow)]
            if not parts:  # not even its first lines fit: all of the cell goes on
                parts = [self._empty(), cell]
            elif len(parts) == 1:  # all of it fits here
                parts.append(self._empty())
            firsts.append(parts[0])
            rests.append(parts[1])
        if all(not f.text for f in firsts):
            return []
        return [self._with_rows([firsts]), self._with_rows([rests, *self.rows[1:]])]

    def _empty(self) -> TextFlow:
        return TextFlow(self.ctx, "", self.st, self.where)

    def _with_rows(self, rows: list[list[TextFlow]]) -> GridTable:
        part = GridTable(self.ctx, [], [], self.rel, self.st, self.head_st, self.where)
        part.ncols, part.rel, part.header, part.rows = self.ncols, self.rel, self.header, rows
        return part

    def draw(self) -> None:
        """Rules and cells, row by row from the top, each cell's lines drawn by the line breaker."""
        canv = self.canv
        rule = self.st.border or HexColor("#888888")
        all_rows = ([self.header] if self.header else []) + self.rows
        y = self.height
        canv.saveState()
        canv.setStrokeColor(rule)
        for r, (cells, h) in enumerate(zip(all_rows, self._heights, strict=True)):
            y -= h
            if r == 0 and self.header and self.head_st.background:
                canv.setFillColor(self.head_st.background)
                canv.rect(0, y, self.width, h, stroke=0, fill=1)
            x = 0.0
            for i, c in enumerate(cells[: len(self._cols)]):
                c.wrap(self._text_width(i), 1e6)
                c.drawOn(canv, x + CELL_PAD, y + h - CELL_PAD - c.height)
                x += self._cols[i]
            if r == 0 and self.header:
                canv.setLineWidth(0.5)
                canv.line(0, y, self.width, y)
        canv.setLineWidth(1.0)
        canv.line(0, self.height, self.width, self.height)
        canv.line(0, 0, self.width, 0)
        canv.restoreState()


def list_items(
    ctx: Context, items: list[str], ordered: bool, st: PStyle, where: str
) -> list[TextFlow]:
    """List items as paragraphs; with a left indent the marker hangs in it."""
    out = []
    for i, item in enumerate(items, 1):
        marker = f"{i}. " if ordered else "• "
        flow = TextFlow(ctx, marker + item, st, where)
        if st.left_indent > 0 and st.first_indent == 0:
            hang = min(prepared(ctx, marker, st).pos[-1], st.left_indent)
            flow.st = _with_first_indent(st, -hang)
        out.append(flow)
    return out


def _with_first_indent(st: PStyle, first: float) -> PStyle:
    key = round(first, 2)
    if key not in st.hanging:  # the variant lives on the style, like the style's build
        st.hanging[key] = replace(st, first_indent=first, hanging={})
    return st.hanging[key]


class BarChart(StyledBlock):
    """Horizontal bars drawn as vector graphics: title, one labelled bar per value."""

    content = True

    def __init__(
        self,
        ctx: Context,
        title: str,
        bars: list[tuple[str, int]],
        st: PStyle,
        label_st: PStyle,
    ) -> None:
        super().__init__()
        self.ctx, self.title, self.bars, self.st, self.label_st = ctx, title, bars, st, label_st
        self.width = self.height = 0.0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = (len(self.bars) + 1.5) * self.st.leading * 1.2
        return aw, self.height

    def draw(self) -> None:
        canv, ctx, st, lst = self.canv, self.ctx, self.st, self.label_st
        pitch = st.leading * 1.2
        y = self.height - st.leading
        draw_label(canv, ctx, st, self.title, self.width / 2, y, "center")
        label_w = max([prepared(ctx, b[0], lst).pos[-1] for b in self.bars] or [0.0])
        label_w = min(label_w, self.width * 0.35)
        x0 = label_w + lst.size
        top = max([v for _, v in self.bars] or [1]) or 1
        span = self.width - x0 - 3 * lst.size
        bar_color: Color = st.color
        for label, value in self.bars:
            y -= pitch
            draw_label(canv, ctx, lst, label, label_w, y, "right")
            length = span * value / top
            canv.saveState()
            canv.setFillColor(bar_color)
            canv.rect(x0, y - 0.15 * lst.size, max(length, 0.5), 0.9 * lst.size, stroke=0, fill=1)
            canv.restoreState()
            draw_label(canv, ctx, lst, str(value), x0 + length + 0.3 * lst.size, y)


class Columns(Flowable):
    """Short entries (index lines) in two columns, balanced on the last page. An entry that
    keeps with the next one (a heading entry) never ends a column."""

    content = True

    def __init__(self, entries: list[Flowable], gap: float) -> None:
        super().__init__()
        self.entries, self.gap = entries, gap
        self.width = self.height = 0.0
        self._cols: list[list[tuple[Flowable, float]]] = []  # per column: (entry, y from top)
        self._measured: dict[float, list[float]] = {}  # column width -> entry heights

    def _heights(self, cw: float) -> list[float]:
        """Entry heights at column width `cw`, measured once: the block is measured on every
        page it fills, and its split parts inherit the measures. Kept only once every entry
        knows its pages (before layout the page numbers are unknown)."""
        heights = self._measured.get(cw)
        if heights is None:
            heights = [e.getSpaceBefore() + e.wrap(cw, 1e6)[1] for e in self.entries]
            if all(getattr(e, "final_width", cw) == cw for e in self.entries):
                self._measured[cw] = heights
        return heights

    def _fill(self, heights: list[float], limit: float, start: int, cw: float | None = None) -> int:
        """Index after the entries that fit one column of height `limit` from `start`. With
        the column width `cw`, an entry taller than a whole column is split to fill it."""
        y, i = 0.0, start
        while i < len(heights):
            if y + heights[i] > limit + 0.01:
                if (
                    cw is None
                    or heights[i] <= limit + 0.01
                    or not self._split_entry(i, heights, cw, limit - y)
                ):
                    break
            y += heights[i]
            i += 1
        entries = self.entries
        while i - 1 > start and i < len(heights) and getattr(entries[i - 1], "keep_next", False):
            i -= 1  # a heading entry moves to the next column with its first sub-entry
        return i

    def _split_entry(self, i: int, heights: list[float], cw: float, room: float) -> bool:
        """Split entry `i` into a head that fills `room` and a tail (in place)."""
        e = self.entries[i]
        split_refs = getattr(e, "split_refs", None)
        parts = split_refs(cw, room - e.getSpaceBefore()) if split_refs else None
        if parts is None:
            return False
        head, tail = parts
        self.entries[i : i + 1] = [head, tail]
        heights[i : i + 1] = [p.getSpaceBefore() + p.wrap(cw, 1e6)[1] for p in (head, tail)]
        self._measured = {cw: heights}  # measures at other widths no longer match
        return True

    def _place(self, aw: float, limit: float, balance: bool) -> int:
        """Lay out as many entries as fit two columns of `limit`; return how many."""
        cw = (aw - self.gap) / 2
        heights = self._heights(cw)
        if balance:
            low = max(heights or [0.0])
            high = min(limit, sum(heights))
            while high - low > 1.0:  # the shortest height that holds everything
                mid = (low + high) / 2
                if self._fill(heights, mid, self._fill(heights, mid, 0)) >= len(heights):
                    high = mid
                else:
                    low = mid
            limit = high
        split_cw = None if balance else cw  # entries are split only when the block is
        first = self._fill(heights, limit, 0, split_cw)
        second = self._fill(heights, limit, first, split_cw)
        self._cols = []
        for lo, hi in ((0, first), (first, second)):
            y, col = 0.0, []
            for e, h in zip(self.entries[lo:hi], heights[lo:hi], strict=True):
                col.append((e, y + e.getSpaceBefore()))
                y += h
            self._cols.append(col)
        self.height = max(
            (y + e.wrap(cw, 1e6)[1] for col in self._cols for e, y in col[-1:]), default=0.0
        )
        return second

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        cw = (aw - self.gap) / 2
        total = sum(self._heights(cw))
        if total > 2 * ah + 0.01:  # two columns cannot hold it: the frame splits it
            self.height = total / 2
            return aw, self.height
        self._place(aw, max(ah, total / 2), balance=True)
        return aw, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        n = self._place(aw, ah, balance=False)
        if n == 0:
            return []
        if n >= len(self.entries):
            return [self]
        head, rest = Columns(self.entries[:n], self.gap), Columns(self.entries[n:], self.gap)
        for cw, hs in self._measured.items():
            head._measured[cw], rest._measured[cw] = hs[:n], hs[n:]
        head._place(aw, ah, balance=False)
        return [head, rest]

    def draw(self) -> None:
        cw = (self.width - self.gap) / 2
        for k, col in enumerate(self._cols):
            for e, y in col:
                _, h = e.wrap(cw, 1e6)
                e.drawOn(self.canv, k * (cw + self.gap), self.height - y - h)

"""An estimate of where headings fall, for the page numbers pre-filled in the TOC.

Word recomputes the TOC when the file opens (updateFields); programs that do not
(LibreOffice headless, previewers) show these numbers. A line-count model: each paragraph
takes ceil(characters / characters-per-line) lines at its style's leading; tables, lists,
charts and boxes likewise. It ignores widow control and keep-with-next, so it drifts by
a page now and then on long books; it never shows a placeholder zero.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exporter.assemble.plan import (
    Block,
    Book,
    Box,
    Chart,
    Heading,
    Index,
    ListBlock,
    Para,
    Table,
    TocBlock,
)
from exporter.layout.model import Layout, Style
from exporter.resources import fonts_dir
from exporter.writers.docx.grid import column_gap_twips, grid_spacing_twips
from exporter.writers.docx.measure import (
    BREAK_LOSS_EM,
    TIE,
    Metrics,
    break_count,
    kept_lines,
    roman,
    widths_of,
)

PT_PER_MM = 72 / 25.4


BOX_RULES_PT = 6.0  # a box's rules and their padding beyond its spacing (measured)
INDEX_COLUMNS_FROM = 8  # entries: a shorter index stays in one column (as in the PDF)
ROW_RULE_PT = 6.5  # a table row's cell margins (3 pt above and below) and rule
KEEP_MARGIN_PT = 4.0  # a keep-with-next chain that fits by less than this moves on (measured)


@dataclass
class Pager:
    layout: Layout
    y: float = 0.0  # points used on the current page
    after: float = 0.0  # space below the last paragraph, included in y
    page: int = 1
    labels: dict[int, str] = field(default_factory=dict)  # id(heading) -> page label
    anchors: dict[str, str] = field(default_factory=dict)  # anchor -> page label
    _label: str = ""
    _start: int = 1
    _files: dict[tuple[str, bool], Path] = field(default_factory=dict)
    _metrics: dict[str, Metrics] = field(default_factory=dict)
    _lines: dict[tuple[str, int, float | None], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.height = self.layout.page.text_height_mm * PT_PER_MM
        self.width = self.layout.page.text_width_mm * PT_PER_MM
        self.follow = (0.0, self.leading(self.layout.style("body")))  # see chain_height
        self.handlers: dict[str, Callable[[Any], None]] = {
            "heading": self._heading,
            "para": self._para_block,
            "box": self._box,
            "table": self._table,
            "figures": self._figures,
            "list": self._list,
            "chart": self._chart,
            "index": self._index,
            "toc": self._toc,
            "pagebreak": lambda _b: self.new_page(),
        }

    def new_page(self) -> None:
        """A page break the document asks for: the next paragraph keeps its space above."""
        if self.y < 0:
            self.y = 0.0
        elif self.y > 0:
            self.page += 1
            self.y = 0.0

    def _flow_over(self) -> None:
        """A page break of the flow: the next paragraph's space above is dropped."""
        self.page += 1
        self.y = -1.0  # marks the top of a page reached by the flow (see _place)

    def advance(self, h: float) -> None:
        """Something that does not split (a table row, a picture)."""
        if self.y > 0 and self.y + h > self.height:
            self._flow_over()
        self.y = max(self.y, 0.0) + h
        self.after = 0.0

    def _place(self, n: int, leading: float, before: float, after: float, keep: bool) -> None:
        """A paragraph of n lines: widow/orphan control (set in Normal) leaves two lines at
        least on either side of a page break; a kept-with-next paragraph moves on unless
        some of what follows fits too (about a line and a half: measured against
        LibreOffice on the seed books)."""
        if self.y > 0:  # LibreOffice sets the larger of two adjacent spacings (measured)
            before = max(before - self.after, 0.0)
            room = int((self.height - self.y - before) / leading + 1e-6)
            if keep:
                follow_before, follow = self.follow
                need = before + n * leading + max(after, follow_before) + follow + KEEP_MARGIN_PT
                moves = self.y + need > self.height
            else:
                moves = room < min(n, 2) or (n - room == 1 and room < 3)
            if moves:
                self._flow_over()
            elif room < n:
                rest = max(n - room, 2)  # a widow takes a second line with it
                self._flow_over()
                self._lines_from_top(rest, leading, after)
                return
        if self.y < 0:  # top of a page reached by the flow: no space above
            before, self.y = 0.0, 0.0
        room = int((self.height - self.y - before) / leading + 1e-6)
        if room >= n:
            self.y += before + n * leading + after
            self.after = after
        else:
            self._flow_over()
            self._lines_from_top(n - room, leading, after)

    def _lines_from_top(self, n: int, leading: float, after: float) -> None:
        per_page = max(int(self.height / leading), 1)
        while n > per_page:
            self.page += 1
            n -= per_page
        self.y = n * leading + after
        self.after = after

    def leading(self, st: Style) -> float:
        """Line height; on a line grid LibreOffice rounds it up to whole grid lines for the
        styles that snap to it (body size, styles.py)."""
        grid = self.layout.page.grid
        if grid is None or st.size_pt != self.layout.style("body").size_pt:
            return st.leading_pt
        pitch = self.height / grid.lines
        return max(1, math.ceil(st.leading_pt / pitch - 0.05)) * pitch

    def metrics(self, role: str) -> Metrics:
        m = self._metrics.get(role)
        if m is None:
            st = self.layout.style(role)
            m = self._metrics[role] = Metrics(
                widths=widths_of(self._font_file(st)),
                size=st.size_pt,
                indent=st.left_chars * st.size_pt,
                first=st.first_line_chars,
                spacing=self._spacing(st),
                leading=self.leading(st),
                before=st.space_before_pt,
                after=st.space_after_pt,
                break_before=st.page_break_before,
                keep=st.keep_with_next,
            )
        return m

    def lines(self, text: str, m: Metrics, width: float | None = None) -> int:
        key = (text, id(m), width)  # a kept block is measured again for what precedes it
        n = self._lines.get(key)
        if n is None:
            if len(self._lines) > 256:  # only the blocks just ahead are measured twice
                self._lines.clear()
            n = self._lines[key] = self._count_lines(text, m, width)
        return n

    def keeps(self, b: Block) -> bool:
        return isinstance(b, (Heading, Chart)) or (
            isinstance(b, Para) and self.metrics(b.role).keep
        )

    def _count_lines(self, text: str, m: Metrics, width: float | None) -> int:
        """Lines of `text`: the width sum decides when losing up to BREAK_LOSS_EM at every
        line end would not change the count (most paragraphs); otherwise the lines are
        broken as LibreOffice breaks them (break_count)."""
        per = max((width or self.width) - m.indent, m.size)
        total = (m.widths.quick_units(text) + m.first) * m.size + m.spacing * len(text)
        fewest = math.ceil(total / per - TIE)
        most = math.ceil(total / max(per - BREAK_LOSS_EM * m.size, m.size) - TIE)
        if fewest == most:
            return max(1, fewest)
        return break_count(text, m.widths, per / m.size, m.first, m.spacing / m.size)

    def _font_file(self, st: Style) -> Path:
        key = (st.font, st.bold)
        path = self._files.get(key)
        if path is None:
            role = self.layout.fonts[st.font]
            files = role.bold_files if st.bold and role.bold_files else role.files
            path = self._files[key] = fonts_dir() / files[0]
        return path

    def _spacing(self, st: Style) -> float:
        """Letter spacing in points (the grid's compression on body-size styles)."""
        return st.letter_spacing_pt or (grid_spacing_twips(self.layout, st) or 0) / 20

    def para(
        self,
        text: str,
        role: str,
        *,
        keep: bool = False,
        width: float | None = None,
        spacing: tuple[float, float] | None = None,
    ) -> None:
        m = self.metrics(role)
        if m.break_before:
            self.new_page()
        before, after = spacing or (m.before, m.after)
        self._place(self.lines(text, m, width), m.leading, before, after, keep or m.keep)

    def chain_height(self, blocks: list[Block], start: int) -> tuple[float, float]:
        """What must fit below a kept-with-next block: the blocks from `start` that keep
        with their next one, whole, and the first lines of the one after them, as (space
        above the first, the rest); adjacent spacings collapse to the larger."""
        first: float | None = None
        rest, after = 0.0, 0.0
        for b in blocks[start:]:
            keeps = isinstance(b, (Heading, Para)) and self.keeps(b)
            before, height = self.lead_height(b)
            if first is None:
                first = before
            else:
                rest += max(before - after, 0.0)
            if not keeps:
                return first, rest + height
            assert isinstance(b, (Para, Heading))
            m = self.metrics(b.role)
            rest += self.lines(b.text, m) * m.leading + m.after
            after = m.after
        return first or 0.0, rest

    def lead_height(self, b: Block | None) -> tuple[float, float]:
        """Block `b`'s space above and the first lines widow/orphan control keeps
        together (what must fit below a kept-with-next paragraph before it)."""
        if isinstance(b, Box) and b.blocks:
            box = self.layout.style(b.role)
            inner = b.blocks[0]
            if isinstance(inner, Para):
                m = self.metrics(inner.role)
                n = self.lines(inner.text, m, self.width - m.size)
                return max(m.before, box.space_before_pt), kept_lines(n) * m.leading
            return self.lead_height(inner)
        if isinstance(b, (Para, Heading)):
            m = self.metrics(b.role)
            return m.before, kept_lines(self.lines(b.text, m)) * m.leading
        if isinstance(b, Table):
            m = self.metrics(b.role)
            return m.before, 2 * (m.leading + ROW_RULE_PT)
        if isinstance(b, ListBlock):
            return 0.0, self.metrics(b.role).leading
        return 0.0, self.leading(self.layout.style("body"))

    def label(self) -> str:
        n = self.page - self._start + 1
        return {"roman": roman(n), "arabic": str(n)}.get(self._label, "")

    def block(self, b: Block) -> None:
        """Advance past one block, by its kind (the writer's handlers, estimated)."""
        self.handlers[b.kind](b)

    def _para_block(self, b: Para) -> None:
        self.para(b.text, b.role)

    def _heading(self, b: Heading) -> None:
        self.para(b.text, b.role, keep=True)
        self.labels[id(b)] = self.label()
        if b.anchor:
            self.anchors[b.anchor] = self.label()

    def _list(self, b: ListBlock) -> None:
        for item in b.items:
            self.para(item + "0. ", b.role)

    def _chart(self, b: Chart) -> None:
        st = self.layout.style(b.role)
        if b.title:
            self.para(b.title, b.role, keep=True)
        # The picture (chart.py: two sizes a bar, padding above and below) and its spacing.
        picture = max(len(b.bars), 1) * st.size_pt * 2 + st.size_pt * (2 * st.padding_em)
        self.advance(picture + st.space_after_pt)

    def _toc(self, b: TocBlock) -> None:
        self.para(b.title, "toc-title")

    def _index(self, b: Index) -> None:
        """Entries with their page numbers; from INDEX_COLUMNS_FROM entries on in two
        columns (a continuous section LibreOffice fills column by column and balances on
        its last page)."""
        two = len(b.entries) >= INDEX_COLUMNS_FROM
        width = (self.width - column_gap_twips(self.layout) / 20) / 2 if two else self.width
        heights = []
        for e in b.entries:
            pages = dict.fromkeys(self.anchors.get(a, "") for a, _ in e.targets)
            text = e.text + "　" + "，".join(pages)
            m = self.metrics(f"index-{min(max(e.level, 1), 3)}")
            heights.append(m.before + self.lines(text, m, width) * m.leading + m.after)
        if not two:
            for h in heights:
                self.advance(h)
            return
        self._columns(heights)

    def _columns(self, heights: list[float]) -> None:
        top, column, on_page = max(self.y, 0.0), 0, 0.0
        y = top
        for h in heights:
            if y + h > self.height and y > top:
                column, y = column + 1, top
                if column == 2:
                    self.page, column, top, y, on_page = self.page + 1, 0, 0.0, 0.0, 0.0
            y += h
            on_page += h
        self.y = top + on_page / 2  # the last page's columns are balanced
        self.after = 0.0

    def _box(self, b: Box) -> None:
        """A box's paragraphs are indented half a character each side and take the box's
        spacing (styles.boxed); its rule and padding add a few points."""
        box = self.layout.style(b.role)
        for inner in b.blocks:
            if not isinstance(inner, Para):
                self.block(inner)
                continue
            m = self.metrics(inner.role)
            spacing = (max(m.before, box.space_before_pt), max(m.after, box.space_after_pt))
            self.para(inner.text, inner.role, width=self.width - m.size, spacing=spacing)
        self.advance(BOX_RULES_PT)

    def _figures(self, t: Table) -> None:
        for figure, sentence in t.rows:  # leader lines: sentence, leaders, figure
            self.para(f"{sentence}　{figure}", t.role)

    def _table(self, t: Table) -> None:
        ncols = max([len(t.header), *(len(r) for r in t.rows)] or [1])
        weights = t.widths if len(t.widths) == ncols else [1.0] * ncols
        widths = [self.width * w / sum(weights) - 6 for w in weights]
        lines = self.lines
        for role, cells in [("figures-header", t.header)] * bool(t.header) + [
            ("figures-table", r) for r in t.rows
        ]:
            m = self.metrics(role)
            n = max([lines(c, m, w) for c, w in zip(cells, widths, strict=False)], default=1)
            self.advance(n * m.leading + ROW_RULE_PT)


@dataclass
class Estimate:
    """Where the estimate puts things: page labels of headings (by id) and of anchors,
    and the physical page (from 1) each part starts on (by id)."""

    labels: dict[int, str]
    anchors: dict[str, str]
    starts: dict[int, int]


def estimate_pages(book: Book, layout: Layout) -> Estimate:
    """Page label (in its part's numbering style) of every heading and anchor."""
    pager = Pager(layout)
    started: set[str] = set()
    starts: dict[int, int] = {}
    prev: str | None = None
    for part in book.parts:
        # A part opens a page when it asks to or when its numbering differs (the DOCX
        # needs a section, which starts a page, for a new numbering).
        if prev is not None and (part.new_page or part.numbering != prev):
            pager.new_page()
        prev = part.numbering
        starts[id(part)] = pager.page
        if part.numbering in ("roman", "arabic") and part.numbering not in started:
            started.add(part.numbering)
            pager._start = pager.page
        pager._label = part.numbering
        for i, b in enumerate(part.blocks):
            if pager.keeps(b):  # only a kept-with-next block asks what follows
                pager.follow = pager.chain_height(part.blocks, i + 1)
            pager.block(b)
            if isinstance(b, TocBlock):
                for h in book.headings():
                    if h.toc and h.level <= b.max_level:
                        pager.para(h.text, f"toc-{min(h.level, 2)}")
    return Estimate(pager.labels, pager.anchors, starts)

"""Book plan -> PDF: one handler per block type builds the story, BookDoc lays it out."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from reportlab.platypus.flowables import CondPageBreak, Flowable

from exporter.assemble import plan
from exporter.layout.model import MM, Layout
from exporter.writers import MissingGlyph, WriteResult
from exporter.writers.pdf.blocks import BarChart, Columns, GridTable, list_items
from exporter.writers.pdf.context import Context
from exporter.writers.pdf.doc import BookDoc
from exporter.writers.pdf.flowables import BoxFlow, PartMarker, TextFlow
from exporter.writers.pdf.leaders import FigureLine, PageRefLine
from exporter.writers.pdf.story import FrontQueue
from exporter.writers.pdf.styles import StyleSheet

KEEP_CAP = 0.5  # a keep-with-next group never asks for more than this share of a page
INDEX_COLUMNS_FROM = 8  # entries: shorter indexes stay in one column


class StoryBuilder:
    def __init__(self, book: plan.Book, ctx: Context) -> None:
        self.book, self.ctx = book, ctx
        self.styles = ctx.styles
        self.where = ""
        self.anchors: dict[int, str] = {}
        for n, h in enumerate(book.headings()):
            self.anchors[id(h)] = h.anchor or f"h{n}"
        # One handler per block kind (plan.KINDS); headings also need `at_top`.
        self.handlers: dict[str, Callable[[Any], list[Flowable]]] = {
            "heading": lambda h: self.heading(h, False),
            "para": self.para,
            "box": self.box,
            "table": self.table,
            "figures": self.figures,
            "list": self.items,
            "chart": self.chart,
            "index": self.index,
            "toc": self.toc,
            "pagebreak": self.page_break,
        }

    def new_page(self) -> Flowable:
        """A page break that does nothing at the top of a page (no blank pages)."""
        return CondPageBreak(self.ctx.layout.page.text_height_mm * MM - 0.5)

    def story(self) -> Iterator[Flowable]:
        """The flowables of the book in order, made as layout asks for them: a 10,000-case
        book is some 280,000 flowables, which need not all exist at once."""
        for n, part in enumerate(self.book.parts):
            if part.new_page and n:
                yield self.new_page()
            yield PartMarker(self.ctx, part)
            self.where = part.title
            for i, block in enumerate(part.blocks):
                yield from self.block(block, at_top=i == 0 and part.new_page)

    def block(self, b: plan.Block, at_top: bool = False) -> list[Flowable]:
        """The flowables of one block, by its kind (`at_top`: first on a fresh page)."""
        if isinstance(b, plan.Heading):
            return self.heading(b, at_top)
        handler = self.handlers.get(b.kind)
        if handler is None:
            raise TypeError(f"unknown block kind {b.kind!r}")
        return handler(b)

    def para(self, b: plan.Para) -> list[Flowable]:
        lead = len(b.lead) if b.lead and b.text.startswith(b.lead) else 0
        st = self.styles[b.role]
        flow = TextFlow(self.ctx, b.text, st, self.where, lead, anchor=b.anchor)
        flow.keep_next = st.keep_with_next
        return [flow]

    def box(self, b: plan.Box) -> list[Flowable]:
        st = self.styles[b.role]
        children = [f for c in b.blocks for f in self.block(c)]
        pad = self.ctx.layout.style(b.role).padding_em * st.size
        return [BoxFlow(self.ctx, st, children, pad=pad)]

    def table(self, b: plan.Table) -> list[Flowable]:
        st, head = self.styles[b.role], self.styles["figures-header"]
        return [GridTable(self.ctx, b.header, b.rows, b.widths, st, head, self.where)]

    def figures(self, b: plan.Table) -> list[Flowable]:
        st, head = self.styles[b.role], self.styles["figures-header"]
        return [FigureLine(self.ctx, t, v, st, head, self.where) for v, t in b.rows]

    def items(self, b: plan.ListBlock) -> list[Flowable]:
        return list(list_items(self.ctx, b.items, b.ordered, self.styles[b.role], self.where))

    def chart(self, b: plan.Chart) -> list[Flowable]:
        st = self.styles[b.role]
        return [BarChart(self.ctx, b.title, b.bars, st, self.styles["figures-table"])]

    def page_break(self, _b: plan.PageBreak) -> list[Flowable]:
        return [self.new_page()]

    def heading(self, h: plan.Heading, at_top: bool) -> list[Flowable]:
        st = self.styles[h.role]
        anchor = self.anchors.get(id(h))
        if h.level <= 2:
            self.where = anchor or h.text
        out: list[Flowable] = []
        if st.page_break_before and not at_top:
            out.append(self.new_page())
        outline = (h.text, h.level - 1) if h.outline else None
        flow = TextFlow(self.ctx, h.text, st, self.where, anchor=anchor, outline=outline)
        flow.keep_next = st.keep_with_next
        out.append(flow)
        return out

    def toc(self, b: plan.TocBlock) -> list[Flowable]:
        out: list[Flowable] = [TextFlow(self.ctx, b.title, self.styles["toc-title"], "toc")]
        for h in self.book.headings():
            if h.toc and h.level <= b.max_level:
                st = self.styles[f"toc-{h.level}"]
                line = PageRefLine(self.ctx, h.text, st, [self.anchors[id(h)]])
                line.keep_next = h.level < b.max_level  # a chapter entry stays with its cases
                out.append(line)
        return out

    def index(self, b: plan.Index) -> list[Flowable]:
        """Index entries in two balanced columns (they are short; one column wastes half
        the page)."""
        out: list[Flowable] = []
        for i, e in enumerate(b.entries):
            st = self.styles[f"index-{min(e.level, 3)}"]
            anchors = [a for a, _ in e.targets]
            line = PageRefLine(self.ctx, e.text, st, anchors, leaders=bool(anchors))
            nxt = b.entries[i + 1] if i + 1 < len(b.entries) else None
            line.keep_next = nxt is not None and nxt.level > e.level  # stays with sub-entries
            out.append(line)
        if len(out) < INDEX_COLUMNS_FROM:
            return out
        gap = 2 * self.styles["body"].em
        return [Columns(out, gap)]


def keep_with_next(
    story: Iterable[Flowable], width: float, page_height: float
) -> Iterator[Flowable]:
    """Put a conditional page break before each run of keep-with-next blocks, asking for
    room for the run and the least of the block after it (two lines of a paragraph)."""
    run: list[Flowable] = []
    need = 0.0
    for f in story:
        if getattr(f, "keep_next", False):
            need += f.getSpaceBefore() + f.wrap(width, 1e6)[1] + f.getSpaceAfter()
            run.append(f)
            continue
        if run:
            if hasattr(f, "min_height"):
                need += f.getSpaceBefore() + f.min_height(width)
            yield CondPageBreak(min(need, KEEP_CAP * page_height))
            yield from run
            run, need = [], 0.0
        yield f
    if run:
        yield CondPageBreak(min(need, KEEP_CAP * page_height))
        yield from run


def write_pdf(book: plan.Book, layout: Layout, out: Path) -> WriteResult:
    """Typeset `book` with `layout` into the PDF `out`."""
    known = {h.anchor for h in book.headings() if h.anchor}
    known |= {b.anchor for b in book.blocks() if isinstance(b, plan.Para) and b.anchor}
    builder_ctx = Context(layout=layout, styles=StyleSheet(layout), known_anchors=known)
    builder = StoryBuilder(book, builder_ctx)
    builder_ctx.known_anchors |= set(builder.anchors.values())
    width = layout.page.text_width_mm * MM
    story = keep_with_next(builder.story(), width, layout.page.text_height_mm * MM)
    doc = BookDoc(Path(out), builder_ctx, book.meta)
    collecting = gc.isenabled()
    gc.disable()  # the build allocates millions of short-lived objects and no cycles to speak of
    try:
        doc.build(FrontQueue(story))  # flowables are made as needed, freed once laid out
    finally:
        doc.zlib_pool.shutdown()
        if collecting:
            gc.enable()
    result = WriteResult(path=Path(out), format="pdf", pages=builder_ctx.page)
    for char, places in sorted(builder_ctx.missing.chars.items()):
        for where in sorted(places):
            cp = f"U+{ord(char):04X}"
            result.missing_glyphs.append(MissingGlyph(char, cp, where))
            result.warnings.append(f"no font has {char!r} ({cp}) in {where}: drawn as a box")
    return result

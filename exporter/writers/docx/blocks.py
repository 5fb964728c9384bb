"""DOCX handlers of the blocks that are more than a styled paragraph: grid tables, key
figures as leader lines, the chart picture, and the index and TOC with their PAGEREF and
TOC fields (page numbers pre-filled from the estimate in paging.py)."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from docx.shared import Pt

from exporter.assemble.plan import Chart, Index, Table, TocBlock
from exporter.writers.docx import ooxml
from exporter.writers.docx.chart import bar_chart_png
from exporter.writers.docx.paging import INDEX_COLUMNS_FROM
from exporter.writers.docx.sections import SectionPlan
from exporter.writers.docx.styles import MM_TWIPS

if TYPE_CHECKING:
    from exporter.writers.docx.writer import Builder

WORD_JOINER = "\u2060"  # zero width, no break (set in the text's own face, text.py)
_SEAM = re.compile(r"(?<=[0-9A-Za-z%.])(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])(?=[0-9A-Za-z])")
SPOOL_EVERY = 2000  # body elements (or 4x as many runs) held before they are spooled
_NOT_NAME = re.compile(r"[^A-Za-z0-9_]")


@cache  # an index links to each case's anchor many times
def bookmark_name(anchor: str) -> str:
    """Word bookmark names: a letter first, letters/digits/underscores, at most 40."""
    name = "a_" + _NOT_NAME.sub("_", anchor)
    if len(name) > 40:
        name = name[:31] + "_" + hashlib.sha1(anchor.encode()).hexdigest()[:8]
    return name


def table(builder: Builder, t: Table) -> None:
    """A grid table at the measure's width, the header row shaded; a long table (the
    list of sources) is spooled row by row instead of held as one string."""
    if not t.header and not t.rows:
        return  # Word treats a table without rows as a damaged file
    ncols = max([len(t.header), *(len(r) for r in t.rows)] or [1])
    weights = t.widths if len(t.widths) == ncols else [1.0] * ncols
    total = round(builder.layout.page.text_width_mm * MM_TWIPS)
    widths = [round(total * w / sum(weights)) for w in weights]
    head_style = builder.sheet.para("figures-header")
    cell_style = builder.sheet.para(t.role)
    fill = builder.layout.style("figures-header").background
    header_fill = fill.lstrip("#") if fill else None

    def rows() -> Iterator[str]:
        for n, (cells, style) in enumerate(
            [(t.header, head_style)] * bool(t.header) + [(r, cell_style) for r in t.rows]
        ):
            padded = [*cells, *[""] * (ncols - len(cells))]
            paras = [ooxml.paragraph(style, builder.setter.runs(c, style)) for c in padded]
            yield ooxml.table_row(widths, paras, n == 0 and bool(t.header), header_fill)

    if builder.break_pending:  # a table cannot break before itself: use an empty paragraph
        builder._para(cell_style, [])
    start = ooxml.table_start("FiguresTableGrid", widths)
    if len(t.rows) < SPOOL_EVERY:
        builder.body.append(start[0] + "".join(rows()) + start[1])
    else:  # a long table (a list of sources) goes to the spool row by row
        builder.spool.add(builder.body)
        builder.body = []
        builder.spool.add_table(start, rows())


def figures(builder: Builder, t: Table) -> None:
    """Key figures as the PDF prints them: sentence, dot leader, the figure in bold."""
    style = builder.figure_style
    for figure, sentence in t.rows:
        runs = builder.setter.runs(sentence, style)
        runs.append(ooxml.tab_run())
        # A word joiner at the number/Han seam keeps a figure ("18个") on one line.
        unbroken = _SEAM.sub(WORD_JOINER, figure)
        runs += builder.setter.runs(unbroken, style, lead=unbroken)
        builder._para(style, runs)


def chart(builder: Builder, chart: Chart) -> None:
    style = builder._style(chart.role)
    st = builder.layout.style(chart.role)
    if chart.title:
        # The title stays on the page of its picture.
        builder._para(style, builder.setter.runs(chart.title, style), keep_next=True)
    sf = builder.sheet.fonts[style]
    width = builder.layout.page.text_width_mm * 72 / 25.4 * 0.95
    png, w_pt, h_pt = bar_chart_png(chart.bars, sf.chain[0], width, st)
    inline = builder.doc.part.new_pic_inline(io.BytesIO(png), Pt(w_pt), Pt(h_pt))
    alt = "；".join(f"{label} {value}" for label, value in chart.bars)
    run, builder.next_drawing = ooxml.drawing_run(
        builder.root, inline, f"{chart.title}：{alt}", builder.next_drawing
    )
    picture = builder.sheet.picture(style)
    builder._para(picture, [run])


def index(builder: Builder, index: Index) -> None:
    """Entries with PAGEREF page numbers after a dot leader, in two columns as in the
    PDF (a continuous section: the heading above spans the page)."""
    if len(index.entries) >= INDEX_COLUMNS_FROM and builder.plan is not None:
        plan = builder.plan
        builder._start_section(
            SectionPlan(plan.part, new_page=False, columns=2, swap_sides=plan.swap_sides)
        )
    for entry in index.entries:
        style = builder._style(f"index-{min(max(entry.level, 1), 3)}")
        runs = builder.setter.runs(entry.text, style)
        targets = _distinct_pages(builder, entry.targets)
        if targets:
            runs.append(ooxml.tab_run())
        for n, anchor in enumerate(targets):
            if n:
                runs += builder.setter.runs("，", style, plain=True)
            name = bookmark_name(anchor)
            cached = builder.setter.runs(
                builder.estimate.anchors.get(anchor, ""), style, plain=True
            )
            page = ooxml.field_runs(f"PAGEREF {name} \\h", cached)
            runs.append(ooxml.hyperlink(name, page))
        builder._para(style, runs)


def _distinct_pages(builder: Builder, targets: list[tuple[str, str]]) -> list[str]:
    """Target anchors, one per estimated page (the PDF prints each page once)."""
    seen: dict[str, str] = {}
    for anchor, _ in targets:
        seen.setdefault(builder.estimate.anchors.get(anchor) or anchor, anchor)
    return list(seen.values())


def toc(builder: Builder, toc: TocBlock) -> None:
    """The table of contents as one TOC field whose entries link to the headings, with
    page numbers pre-filled from the estimate (Word refreshes them when it opens)."""
    title_style = builder._style("toc-title")
    builder._para(title_style, builder.setter.runs(toc.title, title_style))
    entries = [h for h in builder.book.headings() if h.toc and h.level <= toc.max_level]
    pages = builder.estimate.labels
    instruction = f'TOC \\o "1-{toc.max_level}" \\h \\z \\u'
    opened = False
    for h in entries:
        style = builder.sheet.para(_toc_role(builder, h.level))
        name = builder.anchors[id(h)]
        runs = [] if opened else ooxml.field_open(instruction)
        opened = True
        cached = builder.setter.runs(pages.get(id(h), ""), style)
        page = ooxml.field_runs(f"PAGEREF {name} \\h", cached)
        link = ooxml.hyperlink(name, [*builder.setter.runs(h.text, style), ooxml.tab_run(), *page])
        builder._para(style, [*runs, link])
    if opened:
        last = builder.body[-1]
        assert isinstance(last, ooxml.Para)
        last.append(ooxml.field_close())
        # LibreOffice drops the footer of a section whose break sits in the TOC's
        # last paragraph: end the TOC with a paragraph of its own.
        builder._para(builder.sheet.para("toc-1"), [])


def _toc_role(builder: Builder, level: int) -> str:
    """toc-N, or the deepest TOC style the layout defines (never the body style)."""
    for n in range(level, 0, -1):
        if f"toc-{n}" in builder.layout.styles:
            return f"toc-{n}"
    return "toc-1"

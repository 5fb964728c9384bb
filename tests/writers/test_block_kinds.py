"""Plan blocks say their kind; every writer has one handler per kind and none guesses."""

from __future__ import annotations

from pathlib import Path

from exporter.assemble import plan
from exporter.assemble.cases import FIGURE_MAX, case_blocks
from exporter.layout.load import load_layout
from exporter.model import Case, KeyFigure
from exporter.writers import md_writer

BOOK = plan.Book(plan.BookMeta("测试"), [])


def test_every_writer_handles_every_kind() -> None:
    from exporter.writers.docx.writer import Builder
    from exporter.writers.pdf.context import Context
    from exporter.writers.pdf.styles import StyleSheet
    from exporter.writers.pdf.writer import StoryBuilder

    layout = load_layout("book")
    pdf = StoryBuilder(BOOK, Context(layout=layout, styles=StyleSheet(layout), known_anchors=set()))
    docx = Builder(BOOK, layout, embed=False)
    for handlers in (pdf.handlers, docx.handlers, md_writer.HANDLERS):
        assert sorted(handlers) == sorted(plan.KINDS)


def _figures_table(figures: list[KeyFigure]) -> plan.Table:
    case = Case(id="c1", source="a.txt", title="某社区党建", key_figures=figures)
    tables = [b for b in case_blocks(case, load_layout("book")) if isinstance(b, plan.Table)]
    assert len(tables) == 1
    return tables[0]


def test_key_figures_are_a_figures_block() -> None:
    table = _figures_table([KeyFigure(text="组建楼栋党支部147个", value="147", unit="个")])
    assert table.kind == "figures" and table.rows == [["147个", "组建楼栋党支部"]]


def test_a_figure_too_long_for_a_leader_line_makes_a_grid() -> None:
    long = "1" * (FIGURE_MAX + 1)
    table = _figures_table([KeyFigure(text=f"投入资金{long}元", value=long, unit="元")])
    assert table.kind == "table"


def test_pdf_sets_a_short_two_column_table_as_a_grid_unless_told(tmp_path: Path) -> None:
    from exporter.writers.pdf.blocks import GridTable
    from exporter.writers.pdf.context import Context
    from exporter.writers.pdf.leaders import FigureLine
    from exporter.writers.pdf.styles import StyleSheet
    from exporter.writers.pdf.writer import StoryBuilder

    layout = load_layout("book")
    builder = StoryBuilder(
        BOOK, Context(layout=layout, styles=StyleSheet(layout), known_anchors=set())
    )
    rows = [["12个", "新建驿站"], ["3项", "制度"]]
    grid = builder.block(plan.Table(["数据", "说明"], rows))
    lines = builder.block(plan.Table(["数据", "说明"], rows, kind="figures"))
    assert [type(f) for f in grid] == [GridTable]
    assert [type(f) for f in lines] == [FigureLine, FigureLine]

"""Pagination rules of the text flowable: widows, orphans, kept headings."""

from __future__ import annotations

from exporter.layout.load import load_layout
from exporter.writers.pdf.context import Context
from exporter.writers.pdf.flowables import TextFlow
from exporter.writers.pdf.styles import StyleSheet
from exporter.writers.pdf.writer import keep_with_next

LAYOUT = load_layout("book")
STYLES = StyleSheet(LAYOUT)
WIDTH = 20 * STYLES["body"].em


def flow(chars: int) -> TextFlow:
    ctx = Context(layout=LAYOUT, styles=STYLES, known_anchors=set())
    return TextFlow(ctx, "党" * chars, STYLES["body"], "test")


def line_counts(parts: list) -> list[int]:
    return [len(p.lines(WIDTH)) for p in parts]


def test_split_never_leaves_a_single_line_on_either_page() -> None:
    f = flow(98)  # 5 lines: 18 (indented) + 4 x 20
    lead = STYLES["body"].leading
    assert len(f.lines(WIDTH)) == 5
    assert line_counts(f.split(WIDTH, 4.5 * lead)) == [3, 2]  # no widow
    assert line_counts(f.split(WIDTH, 2.5 * lead)) == [2, 3]
    assert f.split(WIDTH, 1.5 * lead) == []  # no orphan: the paragraph moves on


def test_split_parts_continue_the_text_without_indent() -> None:
    f = flow(98)
    head, tail = f.split(WIDTH, 2.5 * STYLES["body"].leading)
    assert head.lines(WIDTH)[0].x > 0 and tail.lines(WIDTH)[0].x == 0
    assert tail.getSpaceBefore() == 0 and head.getSpaceAfter() == 0
    assert head.lines(WIDTH)[-1].end == tail.lines(WIDTH)[0].start


def test_heading_asks_for_room_for_two_lines_of_what_follows() -> None:
    ctx = Context(layout=LAYOUT, styles=STYLES, known_anchors=set())
    heading = TextFlow(ctx, "标题", STYLES["heading-2"], "t")
    heading.keep_next = True
    body = flow(98)
    story = list(keep_with_next([heading, body], WIDTH, 700.0))
    cond = story[0]
    h2 = STYLES["heading-2"]
    expected = h2.space_before + h2.leading + h2.space_after + 2 * STYLES["body"].leading
    assert abs(cond.height - expected) < 0.01 and story[1:] == [heading, body]

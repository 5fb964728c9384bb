"""The TOC page estimate's quick width sum must give the line counts of the exact one."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.layout.load import load_layout
from exporter.writers.docx import measure, paging

# Han (common and Extension A), compressed punctuation, Latin, digits, spaces, a
# non-BMP character: every width class the estimate knows.
TEXT = st.text(st.sampled_from(list("中文党建㐀䶵，。（）《》AaWw019 　.-𠮷")), max_size=200)
HAN_TEXT = st.text(st.sampled_from(list("中文党建㐀䶵，。、（）《》“”　𠮷")), max_size=300)
LOOKBEHIND = re.compile(r"(?<=[\u3400-\u9fff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u3400-\u9fff])")
PAGER = paging.Pager(load_layout("book"))


@settings(max_examples=400, deadline=None)
@given(HAN_TEXT, st.sampled_from(["body", "summary", "heading-2", "figures-table"]))
def test_width_shortcut_gives_the_line_breakers_count(text: str, role: str) -> None:
    """Without Latin runs a line loses less than BREAK_LOSS_EM to the breaking rules, so
    where the width sum decides alone it must agree with breaking the lines."""
    m = PAGER.metrics(role)
    per = max(PAGER.width - m.indent, m.size)
    broken = measure.break_count(text, m.widths, per / m.size, m.first, m.spacing / m.size)
    assert PAGER.lines(text, m) == broken


def test_no_line_starts_with_a_closing_mark_and_numbers_stay_whole() -> None:
    widths = PAGER.metrics("body").widths
    assert measure.break_count("中" * 10, widths, 10.0, 0.0, 0.0) == 1
    # The 11th character is a comma: it may not start line 2, so the 10th goes with it.
    assert measure.break_count("中" * 10 + "，" + "中" * 8, widths, 10.0, 0.0, 0.0) == 2
    assert measure.break_count("中" * 9 + "，" + "中" * 9, widths, 10.0, 0.0, 0.0) == 2
    assert measure.break_count("中" * 10 + "，" + "中" * 9, widths, 10.0, 0.0, 0.0) == 3
    # "2024" straddling the line end moves to the next line whole.
    assert measure.break_count("中" * 8 + "2024年" + "中" * 6, widths, 10.0, 0.0, 0.0) == 2


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_han_latin_boundaries_are_counted_once_each(text: str) -> None:
    assert measure.boundaries(text) == len(LOOKBEHIND.findall(text))

"""The TOC page estimate's quick width sum must give the line counts of the exact one."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.layout.load import load_layout
from exporter.writers.docx import paging

# Han (common and Extension A), compressed punctuation, Latin, digits, spaces, a
# non-BMP character: every width class the estimate knows.
TEXT = st.text(st.sampled_from(list("中文党建㐀䶵，。（）《》AaWw019 　.-𠮷")), max_size=200)
LOOKBEHIND = re.compile(r"(?<=[\u3400-\u9fff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u3400-\u9fff])")
PAGER = paging.Pager(load_layout("book"))


@settings(max_examples=400, deadline=None)
@given(TEXT, st.sampled_from(["body", "summary", "heading-2", "figures-table"]))
def test_quick_line_count_equals_the_exact_one(text: str, role: str) -> None:
    m = PAGER.metrics(role)
    exact_em = paging.char_units(text, m.widths.path) + m.first
    usable = PAGER.width - m.indent - paging.LINE_SLACK_EM * m.size
    exact = max(1, math.ceil((exact_em * m.size + m.spacing * len(text)) / max(usable, m.size)))
    assert PAGER.lines(text, m) == exact
    assert m.widths.quick_units(text) == pytest.approx(exact_em - m.first)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_han_latin_boundaries_are_counted_once_each(text: str) -> None:
    assert paging._boundaries(text) == len(LOOKBEHIND.findall(text))

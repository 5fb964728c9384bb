"""Cell text <-> values, and the 校对 fixes derived from the reader's checks."""

from __future__ import annotations

import pytest

from exporter.editorial.cells import CellError, cell_text, parse
from exporter.editorial.proof import suggestions
from exporter.model import Case, KeyFigure, Paragraph, Section, Span


def test_cells_parse_to_field_values() -> None:
    assert parse("include", "否") is False and parse("proof_ok", "是") is True
    assert parse("order", "3") == 3.0 and parse("order", "") is None
    assert parse("practices", " 一 \n\n二\n") == ["一", "二"]
    assert parse("key_figures", "1.5万元｜投入资金1.5万元\n12个|建成12个") == [
        KeyFigure("1.5", "万元", "投入资金1.5万元"),
        KeyFigure("12", "个", "建成12个"),
    ]
    assert parse("summary", "") is None
    assert cell_text({"value": 12, "unit": "个", "text": "建成12个"}) == "12个｜建成12个"
    assert cell_text(3.0) == "3" and cell_text(True) == "是" and cell_text(None) == ""


@pytest.mark.parametrize(
    ("key", "text", "reason"),
    [
        ("include", "也许", "is not 是 or 否"),
        ("theme", "党建", "unknown theme"),
        ("title", "", "cannot be empty"),
        ("order", "前面", "not a number"),
        ("key_figures", "很多", "is not 数值单位"),
        ("proof", "没有箭头", "is not 原文→改为"),
    ],
)
def test_bad_cells_say_why(key: str, text: str, reason: str) -> None:
    with pytest.raises(CellError, match=reason):
        parse(key, text)


def _case(text: str) -> Case:
    span = Span("f.txt", 1, 1)
    return Case("a", "f.txt", sections=[Section(None, 1, [Paragraph(text, span)], span)])


def test_proofreading_suggestions_carry_their_fix() -> None:
    got = suggestions(_case("他们以更更优的服务获得二等獎，推进棚户区 and 老旧小区改造。"))
    fixes = dict(line.split("→") for line in got)
    assert any(
        "更更优" in old and "更优" in new and "更更" not in new for old, new in fixes.items()
    )
    assert any("獎" in old and "奖" in new for old, new in fixes.items())
    assert any(" and " in old and "棚户区和老旧小区" in new for old, new in fixes.items())

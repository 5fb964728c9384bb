"""The book's labels come from the layout's [labels] table; the defaults print as before."""

from __future__ import annotations

from pathlib import Path

from exporter.assemble import plan
from exporter.assemble.cases import case_blocks
from exporter.layout.load import load_layout
from exporter.layout.model import Labels
from exporter.model import Case, KeyFigure, Paragraph, Section, Span

SPAN = Span("a.txt", 1, 1)


def _case() -> Case:
    return Case(
        id="c1",
        source="a.txt",
        summary="社区党委牵头共治。",
        key_figures=[KeyFigure(value="12", unit="个", text="全县新建驿站")],
        practices=["建强组织"],
        lessons=["坚持党建引领"],
        truncated=True,
        truncation="mid_sentence",
        sections=[Section(None, 1, [Paragraph("正文一段。", SPAN)], SPAN)],
    )


def _texts(blocks: list[plan.Block]) -> list[str]:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, plan.Box):
            out += _texts(b.blocks)
        elif isinstance(b, (plan.Para, plan.Heading)):
            out.append(b.text)
        elif isinstance(b, plan.Table):
            out += b.header
    return out


def test_book_layout_spells_out_the_defaults() -> None:
    assert load_layout("book").labels == Labels()


def test_a_layout_relabels_the_case_card(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "layout.toml").write_text(
        'extends = "book"\n[labels]\nsummary = "摘要："\nfigures = "数字"\n'
        'practices = "做法"\nlessons = "启示"\nnote = "【注】"\ngenerated = "（拟）"\n'
        'body = "原文"\nfigure = "数"\nfigure_label = "事"\n',
        encoding="utf-8",
    )
    texts = _texts(case_blocks(_case(), load_layout(folder)))
    assert texts[0].endswith("（拟）")  # the untitled case gets a generated title
    for label in ("摘要：社区党委牵头共治。", "数字", "数", "事", "做法", "原文", "启示"):
        assert label in texts
    assert any(t.startswith("【注】") for t in texts)
    default = _texts(case_blocks(_case(), load_layout("book")))
    assert "内容摘要：社区党委牵头共治。" in default and "关键数据" in default

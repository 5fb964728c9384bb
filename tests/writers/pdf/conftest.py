"""Fixtures for the PDF writer tests: a small hand-made book and the seed corpus built with
each built-in layout (once per session)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from exporter.assemble.plan import (
    Book,
    BookMeta,
    Box,
    Chart,
    Heading,
    Index,
    IndexEntry,
    ListBlock,
    Para,
    Part,
    Table,
    TocBlock,
)
from exporter.layout.load import load_layout
from exporter.layout.model import Layout
from exporter.writers import WriteResult
from exporter.writers.pdf import write_pdf

ROOT = Path(__file__).resolve().parents[3]
BODY = (
    "推动党建工作与中心工作深度融合，是提升基层党组织战斗力的关键。各地党组织立足实际，"
    "找准党建与业务的结合点，推动从“党建业务两张皮”向“深度融合一盘棋”转变。"
)
FIGURE = "组建小区（楼栋）党支部147个"
SPECIAL = "生僻字𠮷、㘎、鿏、喆与表情😀，标记<>&\"'照印：AT&T、<党建>、《A&B》。"


@dataclass
class Built:
    path: Path
    result: WriteResult
    book: Book
    layout: Layout

    def text(self, first: int | None = None, last: int | None = None) -> str:
        args = ["pdftotext", "-layout"]
        if first:
            args += ["-f", str(first)]
        if last:
            args += ["-l", str(last)]
        return subprocess.run(
            [*args, str(self.path), "-"], capture_output=True, text=True, check=True
        ).stdout


def small_book(extra: str = "") -> Book:
    """Cover, TOC, two chapters of two cases each, an index: every block type once."""
    chapters = []
    entries = []
    for c in range(1, 3):
        blocks: list = [Heading(1, f"第{c}章　主题{c}", "heading-1", anchor=f"chapter-{c}")]
        for k in range(1, 3):
            anchor = f"case-{c}-{k}"
            blocks += [
                Heading(2, f"案例{c}.{k}：社区党建引领基层治理", "heading-2", anchor=anchor),
                Para("来源：测试文件 第1行", "source-line"),
                Box([Para("内容摘要：" + BODY, "summary", lead="内容摘要：")], "summary-box"),
                Para("关键数据", "card-label"),
                Table(
                    ["数据", "原文表述"],
                    [["147个", "组建小区（楼栋）党支部147个"]],
                    "figures-table",
                    [1, 4],
                    kind="figures",
                ),
                ListBlock(["聚焦“治理创新”，激活社区治理“新引擎”", "强化服务"], True, "list-item"),
            ]
            blocks += [Para(BODY * (3 + k), "body") for _ in range(4)]
            if extra and c == 1 and k == 1:
                blocks.append(Para(extra, "body"))
            entries.append(IndexEntry(f"地区{c}{k}", 1, [(anchor, f"案例{c}.{k}")]))
        chapters.append(Part("chapter", f"第{c}章", blocks, header=f"测试汇编 · 第{c}章"))
    front = [
        Part("cover", "封面", [Para("测试汇编", "cover-title")], numbering="none"),
        Part("toc", "目录", [TocBlock("目录")], numbering="roman"),
        Part(
            "front",
            "概览",
            [
                Heading(1, "案例概览", "heading-1", anchor="overview"),
                Chart("各主题案例数", [("基层治理", 3), ("乡村振兴", 1)]),
            ],
            header="测试汇编 · 概览",
            numbering="roman",
        ),
    ]
    back = Part(
        "back",
        "地区索引",
        [Heading(1, "地区索引", "heading-1", anchor="index", outline=True), Index(entries)],
        header="测试汇编 · 索引",
    )
    meta = BookMeta("测试汇编", editor="编者", subject="基层党建", keywords=["党建", "治理"])
    return Book(meta, [*front, *chapters, back])


def build(book: Book, layout_name: str, out: Path) -> Built:
    layout = load_layout(layout_name)
    result = write_pdf(book, layout, out)
    return Built(out, result, book, layout)


@pytest.fixture(scope="session")
def small_pdf(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("pdf") / "small.pdf"
    return build(small_book(SPECIAL), "book", out)


def _seed_book(layout_name: str, tmp: Path) -> Built:
    from exporter import inspect
    from exporter.assemble import assemble

    layout = load_layout(layout_name)
    book = assemble(inspect([ROOT / "input"]), layout)
    out = tmp / f"{layout_name}.pdf"
    return Built(out, write_pdf(book, layout, out), book, layout)


@pytest.fixture(scope="session")
def seed_book_pdf(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _seed_book("book", tmp_path_factory.mktemp("seed"))


@pytest.fixture(scope="session")
def seed_gongwen_pdf(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _seed_book("gongwen", tmp_path_factory.mktemp("seedg"))

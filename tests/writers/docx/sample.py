"""A hand-built book plan with real news text, for DOCX writer tests (no reader/enricher,
so the tests stay fast and independent of them)."""

from __future__ import annotations

from pathlib import Path

from exporter.assemble.plan import (
    Book,
    BookMeta,
    Box,
    Chart,
    Heading,
    Index,
    IndexEntry,
    ListBlock,
    PageBreak,
    Para,
    Part,
    Table,
    TocBlock,
)

ROOT = Path(__file__).resolve().parents[3]
SPECIAL = "特殊字符<b>&amp;\"引号\"'单引号'，表情😀，生僻字𠮷，结束。"


def _paragraphs(path: Path, count: int) -> list[str]:
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    return [ln for ln in lines if len(ln) >= 40][1 : 1 + count]


def _case(n: int, path: Path, extra: list[str]) -> tuple[list, list[str]]:
    paras = _paragraphs(path, 5)
    anchor = f"case-{n:02d}"
    body = [*paras[1:], *extra]
    blocks = [
        Heading(2, f"案例{n}：{paras[0][:18]}", "heading-2", anchor=anchor),
        Para(f"地区：某省某市　主题：基层治理　来源：{path.name}", "source-line"),
        Box([Para("内容摘要：" + paras[0][:80], "summary", lead="内容摘要：")], "summary-box"),
        Para("关键数据", "card-label"),
        Table(
            ["数据", "原文表述"],
            [["202名", paras[1][:30]], ["70个", paras[2][:30]]],
            widths=[1, 4],
            kind="figures",
        ),
        Para("主要做法", "card-label"),
        ListBlock([p[:24] for p in paras[1:4]]),
        Para("正文", "card-label"),
        Heading(3, "一、工作做法", "heading-3", toc=False),
        *[Para(t, "body") for t in body[:2]],
        Para(body[2], "body", lead=body[2][:8]),
        Heading(4, "（一）成效", "heading-4", toc=False),
        *[Para(t, "body") for t in body[3:]],
        Para("经验启示：" + paras[-1][:40], "lesson"),
    ]
    return blocks, body


def sample_book() -> tuple[Book, dict[str, list[str]]]:
    """The book and, per case anchor, its body paragraphs."""
    files = sorted((ROOT / "input").glob("*.txt"))
    cases: dict[str, list[str]] = {}
    chapters = []
    for c, group in enumerate((files[:2], files[2:4]), start=1):
        blocks: list = [Heading(1, f"第{'一二'[c - 1]}章　主题{c}", "heading-1", anchor=f"ch-{c}")]
        for i, path in enumerate(group):
            n = (c - 1) * 2 + i + 1
            extra = [SPECIAL] if n == 1 else []
            case_blocks, body = _case(n, path, extra)
            blocks += case_blocks
            cases[f"case-{n:02d}"] = body
        chapters.append(Part("chapter", f"第{c}章", blocks, header=f"案例汇编　·　第{c}章"))
    parts = [
        Part(
            "cover",
            "封面",
            [
                Para("基层党建案例汇编", "cover-title"),
                Para("测试分册", "cover-subtitle"),
                Para("编者", "cover-meta"),
            ],
            numbering="none",
        ),
        Part(
            "front",
            "编者说明",
            [
                Heading(1, "编者说明", "heading-1", anchor="preface"),
                Para("本书收录基层党建案例4个。", "preface"),
            ],
            header="案例汇编　·　编者说明",
            numbering="roman",
        ),
        Part("toc", "目录", [TocBlock("目录", 2)], numbering="roman"),
        Part(
            "front",
            "概览",
            [
                Heading(1, "案例概览", "heading-1", anchor="overview"),
                Chart("各主题案例数", [("主题1", 2), ("主题2", 2)]),
                Chart("各省案例数", [("某省", 3), ("另一省", 1)]),
            ],
            header="案例汇编　·　概览",
            numbering="roman",
        ),
        *chapters,
        Part(
            "back",
            "关键词索引",
            [
                Heading(1, "关键词索引", "heading-1", anchor="index-keywords"),
                Index(
                    [
                        IndexEntry("党建引领", 1, [("case-01", "案例1"), ("case-03", "案例3")]),
                        IndexEntry("基层治理", 1, [("case-02", "案例2")]),
                        IndexEntry("某市", 2, [("case-04", "案例4")]),
                    ]
                ),
                PageBreak(),
                Para("附：来源一览", "card-label"),
            ],
            header="案例汇编　·　索引",
        ),
    ]
    meta = BookMeta(
        "基层党建案例汇编", "测试分册", "编者", "2025年7月", "基层党建", ["党建", "基层治理"]
    )
    return Book(meta, parts, case_ids=list(cases)), cases

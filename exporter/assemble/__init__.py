"""Assembly: enriched cases + layout -> book plan (see plan.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from exporter.assemble.cases import case_blocks
from exporter.assemble.grouping import Chapter, group_cases, select_cases
from exporter.assemble.matter import (
    book_stats,
    cover_part,
    keyword_index,
    overview_part,
    preface_part,
    region_index,
    sources_part,
    toc_part,
)
from exporter.assemble.placement import place_cases
from exporter.assemble.plan import Block, Book, BookMeta, Heading, Part
from exporter.layout.model import Layout
from exporter.layout.templates import render
from exporter.model import Compendium
from exporter.textsafe import shown

CHINESE_NUMERALS = "一二三四五六七八九十"


@dataclass
class AssembleOptions:
    title: str = "基层党建案例汇编"
    subtitle: str = ""
    editor: str = ""
    date: str = ""
    group_by: str | None = None  # None = the layout's grouping
    include_off_topic: bool = False
    keywords: list[str] = field(default_factory=list)
    # The editors' placement from the review sheet (章节, 顺序), by case id.
    chapter_of: dict[str, str] = field(default_factory=dict)
    order_of: dict[str, float] = field(default_factory=dict)


def chapter_number(n: int) -> str:
    if n <= 10:
        return CHINESE_NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (
        (CHINESE_NUMERALS[tens - 1] if tens > 1 else "")
        + "十"
        + (CHINESE_NUMERALS[ones - 1] if ones else "")
    )


def _chapter_part(n: int, chapter: Chapter, layout: Layout, meta: BookMeta) -> Part:
    title = f"第{chapter_number(n)}章　{chapter.title}"
    blocks: list[Block] = [Heading(1, title, "heading-1", anchor=f"chapter-{n}")]
    for case in chapter.cases:
        blocks.extend(case_blocks(case, layout))
    header = ""
    if layout.header_footer.header:
        header = render(layout, "header", book=meta, part={"title": title})
    # A chapter opens a page unless the layout's chapter heading runs on (the digest).
    new_page = layout.style("heading-1").page_break_before
    return Part("chapter", title, blocks, header=header, new_page=new_page)


def assemble(comp: Compendium, layout: Layout, options: AssembleOptions | None = None) -> Book:
    """The book plan: the on-topic cases (duplicates once), grouped into chapters and placed
    in the editors' order, with the cover, preface, TOC, charts, indexes and sources the
    layout's parts ask for."""
    opts = options or AssembleOptions()
    group_by = opts.group_by or layout.group_by
    cases, _dupes = select_cases(comp.cases, opts.include_off_topic)
    sources = [s.path for s in comp.sources]
    chapters = place_cases(group_cases(cases, group_by, sources), opts.chapter_of, opts.order_of)
    ordered = [c for ch in chapters for c in ch.cases]
    keywords = opts.keywords or sorted({k for c in ordered for k in c.keywords})[:12]
    meta = BookMeta(  # options may come from undecodable command-line bytes
        shown(opts.title),
        shown(opts.subtitle),
        shown(opts.editor),
        shown(opts.date),
        subject="基层党建案例汇编",
        keywords=keywords,
    )
    stats = book_stats(ordered, chapters, comp, group_by)
    builders = {
        "cover": lambda: [cover_part(meta, layout)],
        "preface": lambda: [preface_part(stats, meta, layout)],
        "toc": lambda: [toc_part(meta, layout)],
        "overview": lambda: [overview_part(ordered, meta, layout)],
        "chapters": lambda: [
            _chapter_part(i, ch, layout, meta) for i, ch in enumerate(chapters, 1)
        ],
        "index_regions": lambda: [region_index(ordered, meta, layout)],
        "index_keywords": lambda: [keyword_index(ordered, meta, layout)],
        "sources": lambda: [sources_part(ordered, comp, meta, layout)],
    }
    parts = [p for name in layout.parts for p in builders[name]()]
    return Book(meta, parts, [c.id for c in ordered])

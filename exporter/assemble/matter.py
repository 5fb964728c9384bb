"""Front and back matter generated from the data: cover, preface, overview, indexes, sources."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from exporter.assemble.cases import case_anchor, case_title
from exporter.assemble.grouping import NO_REGION, PROVINCE_ORDER, Chapter
from exporter.assemble.plan import (
    Block,
    BookMeta,
    Chart,
    Heading,
    Index,
    IndexEntry,
    Para,
    Part,
    Table,
    TocBlock,
)
from exporter.layout.model import Layout
from exporter.layout.templates import render
from exporter.model import Case, Compendium
from exporter.textsafe import shown

GROUPING_NAMES = {"theme": "主题", "region": "省份", "source": "来源"}
COVER_ROLES = {"title": "cover-title", "subtitle": "cover-subtitle", "meta": "cover-meta"}


def cover_part(meta: BookMeta, layout: Layout) -> Part:
    text = render(layout, "cover", book=meta)
    blocks: list[Block] = []
    for line in text.splitlines():
        kind, _, value = line.partition(":")
        value = value.strip()
        if value and kind.strip() in COVER_ROLES:
            blocks.append(Para(value, COVER_ROLES[kind.strip()]))
    return Part("cover", meta.title, blocks, header="", numbering="none")


def book_stats(
    cases: list[Case], chapters: list[Chapter], comp: Compendium, group_by: str
) -> dict[str, Any]:
    provinces = {c.region.province for c in cases if c.region.province}
    return {
        "cases": len(cases),
        "provinces": len(provinces),
        "unknown_region": any(not c.region.province for c in cases),
        "sources": len({c.source for c in cases}),
        "grouping": GROUPING_NAMES[group_by],
        "chapters": len(chapters),
        "per_group": [{"name": ch.title, "count": len(ch.cases)} for ch in chapters],
        "with_lessons": any(c.lessons for c in cases),
        "truncated": sum(1 for c in cases if c.truncated),
        "off_topic_left_out": sum(1 for c in comp.cases if not c.on_topic),
    }


def preface_part(stats: dict[str, Any], meta: BookMeta, layout: Layout) -> Part:
    text = render(layout, "preface", stats=stats, book=meta)
    blocks: list[Block] = [Heading(1, "编者说明", "heading-1", anchor="preface")]
    blocks.extend(Para(line.strip(), "preface") for line in text.splitlines() if line.strip())
    return Part(
        "front", "编者说明", blocks, header=_header(layout, meta, "编者说明"), numbering="roman"
    )


def toc_part(meta: BookMeta, layout: Layout) -> Part:
    return Part("toc", "目录", [TocBlock("目录")], header="", numbering="roman")


def overview_part(cases: list[Case], meta: BookMeta, layout: Layout) -> Part:
    themes = Counter(c.theme or "其他" for c in cases)
    provinces = Counter(c.region.province or NO_REGION for c in cases)
    order = [*PROVINCE_ORDER, NO_REGION]
    by_province = sorted(provinces.items(), key=lambda kv: order.index(kv[0]))
    blocks: list[Block] = [
        Heading(1, "案例概览", "heading-1", anchor="overview"),
        Chart("各主题案例数", sorted(themes.items(), key=lambda kv: -kv[1])),
        Chart("各省（自治区、直辖市）案例数", by_province),
    ]
    return Part(
        "front", "案例概览", blocks, header=_header(layout, meta, "案例概览"), numbering="roman"
    )


def region_index(cases: list[Case], meta: BookMeta, layout: Layout) -> Part:
    """The region index: provinces in division-code order, then cities (or counties), each
    with its cases' titles and their page anchors."""
    tree: dict[str, dict[str, list[Case]]] = {}
    for case in cases:
        province = case.region.province or NO_REGION
        city = case.region.city or case.region.county or "（未注明市县）"
        tree.setdefault(province, {}).setdefault(city, []).append(case)
    order = [*PROVINCE_ORDER, NO_REGION]
    entries: list[IndexEntry] = []
    for province in sorted(tree, key=order.index):
        entries.append(IndexEntry(province, 1))
        for city in sorted(tree[province]):
            entries.append(IndexEntry(city, 2))
            entries.extend(
                IndexEntry(case_title(c), 3, [(case_anchor(c), case_title(c))])
                for c in tree[province][city]
            )
    blocks: list[Block] = [
        Heading(1, "地区索引", "heading-1", anchor="index-regions"),
        Index(entries),
    ]
    return Part("back", "地区索引", blocks, header=_header(layout, meta, "地区索引"))


def keyword_index(cases: list[Case], meta: BookMeta, layout: Layout) -> Part:
    where: dict[str, list[Case]] = {}
    for case in cases:
        for kw in dict.fromkeys(case.keywords):
            where.setdefault(kw, []).append(case)
    entries = [
        IndexEntry(kw, 1, [(case_anchor(c), case_title(c)) for c in where[kw]])
        for kw in sorted(where)
    ]
    blocks: list[Block] = [
        Heading(1, "关键词索引", "heading-1", anchor="index-keywords"),
        Index(entries),
    ]
    return Part("back", "关键词索引", blocks, header=_header(layout, meta, "关键词索引"))


def sources_part(cases: list[Case], comp: Compendium, meta: BookMeta, layout: Layout) -> Part:
    rows = []
    for case in cases:
        original = (
            case.title if not case.title_generated else (case.parent.title if case.parent else "")
        )
        rows.append(
            [
                shown(Path(case.source).name),
                original or "",
                case.byline or "、".join(case.authors),
                case_title(case),
            ]
        )
    blocks: list[Block] = [
        Heading(1, "来源一览", "heading-1", anchor="sources"),
        Table(["来源文件", "原标题", "署名", "本书标题"], rows, "figures-table", [2, 3, 2, 3]),
    ]
    return Part("back", "来源一览", blocks, header=_header(layout, meta, "来源一览"))


def _header(layout: Layout, meta: BookMeta, part_title: str) -> str:
    if not layout.header_footer.header:
        return ""
    return render(layout, "header", book=meta, part={"title": part_title})

"""The book plan built from the seeds: chapters, cases once, preface counts, indexes."""

from __future__ import annotations

import copy
import re

import pytest

from exporter.assemble import AssembleOptions, assemble, chapter_number
from exporter.assemble.cases import case_anchor, region_text
from exporter.assemble.plan import Book, Box, Chart, Heading, Index, Para
from exporter.layout.load import load_layout
from exporter.model import THEMES, Compendium


@pytest.fixture(scope="module")
def book(seed_compendium: Compendium) -> Book:
    return assemble(seed_compendium, load_layout("book"))


def _case_headings(book: Book) -> list[Heading]:
    return [h for h in book.headings() if h.level == 2]


def test_every_on_topic_case_appears_exactly_once(seed_compendium: Compendium, book: Book) -> None:
    on_topic = [c.id for c in seed_compendium.cases if c.on_topic and c.paragraphs()]
    assert sorted(book.case_ids) == sorted(on_topic)
    anchors = [h.anchor for h in _case_headings(book)]
    assert len(anchors) == len(set(anchors)) == len(on_topic)


def test_off_topic_cases_only_on_request(seed_compendium: Compendium) -> None:
    everything = assemble(
        seed_compendium, load_layout("book"), AssembleOptions(include_off_topic=True)
    )
    assert len(everything.case_ids) == len([c for c in seed_compendium.cases if c.paragraphs()])


def test_chapters_follow_the_theme_order(book: Book) -> None:
    chapters = [p for p in book.parts if p.kind == "chapter"]
    names = [p.title.split("　", 1)[1] for p in chapters]
    order = [*THEMES, "其他"]
    assert names == sorted(names, key=order.index)
    assert [p.title.split("　")[0] for p in chapters] == [
        f"第{chapter_number(i)}章" for i in range(1, len(chapters) + 1)
    ]


def test_parts_follow_the_layout(book: Book) -> None:
    kinds = [p.kind for p in book.parts]
    assert kinds[:3] == ["cover", "front", "toc"]
    assert kinds[-3:] == ["back", "back", "back"]
    assert [p.title for p in book.parts if p.kind == "back"] == [
        "地区索引",
        "关键词索引",
        "来源一览",
    ]


def test_preface_counts_match_the_data(seed_compendium: Compendium, book: Book) -> None:
    preface = " ".join(b.text for b in book.parts[1].blocks if isinstance(b, Para))
    n_cases = len(book.case_ids)
    assert f"本书收录基层党建案例{n_cases}个" in preface
    n_chapters = sum(1 for p in book.parts if p.kind == "chapter")
    assert f"分为{n_chapters}章" in preface
    sources = {c.source for c in seed_compendium.cases if c.id in book.case_ids}
    assert f"取自{len(sources)}份来源材料" in preface


def test_overview_charts_count_every_case(book: Book) -> None:
    charts = [b for b in book.blocks() if isinstance(b, Chart)]
    assert len(charts) == 2
    for chart in charts:
        assert sum(v for _label, v in chart.bars) == len(book.case_ids)


def test_index_entries_point_at_existing_cases(book: Book) -> None:
    anchors = {h.anchor for h in book.headings()}
    indexes = [b for b in book.blocks() if isinstance(b, Index)]
    assert len(indexes) == 2
    targets = [t for idx in indexes for e in idx.entries for t, _ in e.targets]
    assert targets and set(targets) <= anchors
    region_index = indexes[0]
    assert {t for e in region_index.entries for t, _ in e.targets} == {
        h.anchor for h in _case_headings(book)
    }


def test_source_line_lists_author_region_theme_and_file(
    seed_compendium: Compendium, book: Book
) -> None:
    by_anchor = {case_anchor(c): c for c in seed_compendium.cases}
    blocks = book.blocks()
    for i, block in enumerate(blocks):
        if isinstance(block, Heading) and block.level == 2:
            case = by_anchor[block.anchor or ""]
            line = blocks[i + 2] if case.subtitle else blocks[i + 1]
            assert isinstance(line, Para) and line.role == "source-line"
            assert f"来源：{case.source.split('/')[-1]}" in line.text
            if case.authors:
                assert "作者：" + "、".join(case.authors) in line.text
            if region_text(case.region):
                assert "地区：" + region_text(case.region) in line.text


def test_body_paragraphs_are_the_cases_text_verbatim(
    seed_compendium: Compendium, book: Book
) -> None:
    body = [b.text for b in book.blocks() if isinstance(b, Para) and b.role == "body"]
    for case in seed_compendium.cases:
        if case.id in book.case_ids:
            for p in case.paragraphs():
                assert p.text in body


def test_generated_titles_are_marked(seed_compendium: Compendium, book: Book) -> None:
    generated = {
        case_anchor(c)
        for c in seed_compendium.cases
        if c.id in book.case_ids and (c.title_generated or not c.title)
    }
    for h in _case_headings(book):
        assert h.generated == (h.anchor in generated)
        assert h.text.endswith("（编者拟）") == h.generated


def test_duplicate_article_in_two_inputs_appears_once(seed_compendium: Compendium) -> None:
    doubled = copy.deepcopy(seed_compendium)
    twin = copy.deepcopy(seed_compendium.cases[-1])
    twin.id, twin.source = "copy-01", "other/copy.txt"
    doubled.cases.append(twin)
    book = assemble(doubled, load_layout("book"))
    assert "copy-01" not in book.case_ids


def test_brief_layout_has_no_body_and_groups_by_region(seed_compendium: Compendium) -> None:
    brief = assemble(seed_compendium, load_layout("brief"))
    assert not [b for b in brief.blocks() if isinstance(b, Para) and b.role == "body"]
    assert any(isinstance(b, Box) for b in brief.blocks()) == any(
        c.summary for c in seed_compendium.cases
    )
    chapter_titles = [p.title for p in brief.parts if p.kind == "chapter"]
    assert all(re.match(r"第.+章　", t) for t in chapter_titles)


def test_chapter_numbers_in_chinese() -> None:
    assert [chapter_number(n) for n in (1, 10, 11, 20, 23)] == [
        "一",
        "十",
        "十一",
        "二十",
        "二十三",
    ]

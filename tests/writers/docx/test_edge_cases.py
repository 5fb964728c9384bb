"""Odd plans still give a valid DOCX: empty parts, empty tables and lists, control
characters, duplicate anchors, unknown roles, names-only fonts."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter.assemble.plan import (
    Block,
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
from exporter.layout.load import load_layout
from exporter.writers.docx import write_docx


def _odd_book() -> Book:
    blocks: list[Block] = [
        Heading(1, "第一章", "heading-1", anchor="dup"),
        Heading(2, "同名锚点", "heading-2", anchor="dup"),
        Heading(7, "深层标题", "heading-9"),
        Heading(3, "三级标题", "heading-3"),
        Para("控制字符\x0c与\x00已删除\t制表\n换行", "no-such-role"),
        Para("", "body"),
        Box([], "summary-box"),
        Table([], []),
        Table(["只有表头"], []),
        ListBlock([]),
        Chart("空图", []),
        Index([IndexEntry("无目标", 1), IndexEntry("坏目标", 2, [("missing", "")])]),
        PageBreak(),
        PageBreak(),
    ]
    parts = [
        Part("toc", "目录", [TocBlock("目录", 3)], numbering="roman"),
        Part("chapter", "空部分", [], header="页眉"),
        Part("chapter", "第一章", blocks, header="页眉", new_page=False),
    ]
    return Book(BookMeta("边界", date="not a date"), parts)


@pytest.mark.parametrize("embed", [True, False])
def test_odd_plan_writes_a_readable_docx(tmp_path: Path, embed: bool) -> None:
    out = tmp_path / "odd.docx"
    result = write_docx(_odd_book(), load_layout("brief"), out, embed_fonts=embed)
    doc = docx.Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert "控制字符与已删除\t制表\n换行" in texts
    assert result.path == out and result.format == "docx"
    xml = doc.element.xml
    names = [n for n in xml.split('w:name="')[1:] if n.startswith("a_dup")]
    assert len({n.split('"')[0] for n in names}) == len(names) == 2  # bookmarks stay unique
    assert len(doc.sections) == 2  # the part that runs on shares its predecessor's section
    toc = [
        p
        for p in doc.paragraphs
        if p.text.startswith("三级标题") and p.style is not None and p.style.name != "Heading 3"
    ]
    assert (
        len(toc) == 1 and toc[0].style is not None and toc[0].style.name.startswith("toc")
    )  # no toc-3 role: deepest TOC


def test_empty_book(tmp_path: Path) -> None:
    out = tmp_path / "empty.docx"
    write_docx(Book(BookMeta(""), []), load_layout("book"), out)
    assert len(docx.Document(str(out)).sections) == 1


_XML_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
    | st.sampled_from("\t\n<>&\"'　𠮷😀"),
    min_size=1,
    max_size=60,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(_XML_TEXT, min_size=1, max_size=4))
def test_any_text_round_trips(tmp_path: Path, texts: list[str]) -> None:
    book = Book(BookMeta("往返"), [Part("chapter", "章", [Para(t, "body") for t in texts])])
    out = tmp_path / "rt.docx"
    write_docx(book, load_layout("book"), out, embed_fonts=False)
    got = [p.text for p in docx.Document(str(out)).paragraphs]
    assert got == texts

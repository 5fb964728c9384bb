"""Index blocks of any size: an entry whose page numbers fill more than a column (a word
found in thousands of cases) continues in the next column and on the next pages."""

from __future__ import annotations

import re
from pathlib import Path

from exporter.assemble.plan import Book, BookMeta, Heading, Index, IndexEntry, PageBreak, Part

from .conftest import build

CASES = 800  # one case a page: the big entry's numbers run over two columns


def _book() -> Book:
    blocks: list = []
    for i in range(CASES):
        blocks += [Heading(2, f"案例{i}", "heading-2", anchor=f"c{i}"), PageBreak()]
    entries = [IndexEntry("大户", 1, [(f"c{i}", "") for i in range(CASES)])]
    entries += [IndexEntry(f"条目{i}", 2, [(f"c{i % CASES}", "")]) for i in range(300)]
    index = [Heading(1, "索引", "heading-1", anchor="ix"), Index(entries)]
    chapter = Part("chapter", "章", blocks, header="章")
    return Book(BookMeta("测试"), [chapter, Part("back", "索引", index, header="索引")])


def test_an_entry_taller_than_a_page_continues_on_the_next_columns(tmp_path: Path) -> None:
    built = build(_book(), "book", tmp_path / "index.pdf")
    first_index_page = CASES + 1
    text = built.text(first=first_index_page)
    numbers = {int(n) for n in re.findall(r"\d+", text)}
    assert set(range(1, CASES + 1)) <= numbers  # every case page is listed
    assert text.count("大户（续）") >= 1
    listed = {int(n) for n in re.findall(r"条目\s*(\d+)", text)}
    assert listed == set(range(300))  # every entry after the big one is printed

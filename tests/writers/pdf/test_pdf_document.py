"""The PDF as a reader sees it: text, fonts, outline, TOC and index numbers, metadata, grid."""

from __future__ import annotations

import itertools
import re
import subprocess
from pathlib import Path

from pypdf import PdfReader

from exporter.assemble.plan import Book, BookMeta, Para, Part
from exporter.layout.model import MM

from .conftest import SPECIAL, Built, build, small_book

WS = re.compile(r"\s+")


def squash(text: str) -> str:
    return WS.sub("", text)


def page_texts(built: Built) -> list[str]:
    return built.text().split("\f")[: built.result.pages]


def test_special_characters_are_drawn_or_reported(small_pdf: Built) -> None:
    text = squash(small_pdf.text())
    reported = {m.char for m in small_pdf.result.missing_glyphs}
    for ch in "𠮷㘎鿏喆😀<>&\"'":
        assert ch in text or ch in reported, ch
    for literal in ("AT&T", "<党建>", "《A&B》"):
        assert literal in text


def test_a_character_no_font_has_is_reported_not_dropped(tmp_path: Path) -> None:
    from exporter.coverage import uncovered
    from exporter.layout.load import load_layout

    layout = load_layout("book")
    odd = "\U0001faea"  # an emoji newer than every font in fonts/
    assert uncovered(layout.fonts["serif"], odd) == [odd]
    book = Book(BookMeta("缺字"), [Part("chapter", "章", [Para(f"党建{odd}工作", "body")])])
    built = build(book, "book", tmp_path / "missing.pdf")
    assert [(m.char, m.codepoint) for m in built.result.missing_glyphs] == [(odd, "U+1FAEA")]
    assert "党建" in squash(built.text())


def test_every_font_is_embedded_and_subset(small_pdf: Built) -> None:
    out = subprocess.run(["pdffonts", str(small_pdf.path)], capture_output=True, text=True)
    rows = out.stdout.splitlines()[2:]
    assert rows
    for row in rows:
        cols = row.split()
        assert "+" in cols[0] and cols[-5:-2] == ["yes", "yes", "yes"], row
    assert "Helvetica" not in out.stdout


def test_metadata_and_language(small_pdf: Built) -> None:
    reader = PdfReader(small_pdf.path)
    meta = reader.metadata
    assert meta is not None
    assert (meta.title, meta.author, meta.subject) == ("测试汇编", "编者", "基层党建")
    assert meta.get("/Keywords") == "党建, 治理" and "exporter" in (meta.creator or "")
    assert reader.root_object["/Lang"] == "zh-CN"


def test_same_input_gives_identical_bytes(tmp_path: Path) -> None:
    a = build(small_book(SPECIAL), "book", tmp_path / "a.pdf")
    b = build(small_book(SPECIAL), "book", tmp_path / "b.pdf")
    assert a.path.read_bytes() == b.path.read_bytes()


def test_builds_in_parallel_threads_give_the_same_bytes(tmp_path: Path) -> None:
    import threading

    serial = build(small_book(SPECIAL), "book", tmp_path / "serial.pdf").path.read_bytes()
    outs = [tmp_path / f"t{i}.pdf" for i in range(3)]
    threads = [
        threading.Thread(target=build, args=(small_book(SPECIAL), "book", out)) for out in outs
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(out.read_bytes() == serial for out in outs)


def _outline(reader: PdfReader) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []

    def walk(items: list, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title))

    walk(reader.outline, 0)
    return out


def test_outline_lists_chapters_and_cases(seed_book_pdf: Built) -> None:
    book = seed_book_pdf.book
    outline = _outline(PdfReader(seed_book_pdf.path))
    expected = [h.text for h in book.headings() if h.outline]
    assert [t for _, t in outline] == expected
    chapters = [
        h.text for h in book.headings() if h.level == 1 and h.anchor and "chapter" in h.anchor
    ]
    cases = [t for d, t in outline if d == 1]
    assert all((0, c) in outline for c in chapters)
    assert len(cases) == len(book.case_ids)


def _footer_label(page: str) -> str:
    lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
    return lines[-1] if lines else ""


def _heading_pages(built: Built, titles: list[str]) -> dict[str, str]:
    """Title -> footer label of the first page outside the TOC that shows it."""
    first, last = _toc_range(built)
    pages = page_texts(built)
    pages = pages[:first] + pages[last + 1 :]
    found: dict[str, str] = {}
    for title in titles:
        key = squash(title)
        for page in pages:
            if any(squash(ln) and key.startswith(squash(ln)) for ln in page.splitlines()[:-1]):
                found[title] = _footer_label(page)
                break
    return found


def _toc_range(built: Built) -> tuple[int, int]:
    pages = page_texts(built)
    first = next(i for i, p in enumerate(pages) if squash(p).startswith("目录"))
    last = first
    while last + 1 < len(pages) and "....." in pages[last + 1]:
        last += 1
    return first, last


def test_toc_numbers_are_the_pages_of_the_headings(seed_book_pdf: Built) -> None:
    first, last = _toc_range(seed_book_pdf)
    toc_lines = [
        squash(ln) for p in page_texts(seed_book_pdf)[first : last + 1] for ln in p.splitlines()
    ]
    entries = [h.text for h in seed_book_pdf.book.headings() if h.toc and h.level <= 2]
    pages = _heading_pages(seed_book_pdf, entries)
    checked = 0
    for title in entries:
        key = squash(title)
        line = next((ln for ln in toc_lines if ln.startswith(key)), None)
        if line is None:  # a title wrapped over two TOC lines
            continue
        number = re.sub(r"^.*?\.{3,}", "", line)
        assert number == pages[title], (title, number, pages[title])
        checked += 1
    assert checked >= len(entries) * 0.8


def test_index_numbers_are_the_pages_of_the_cases(seed_book_pdf: Built) -> None:
    from exporter.assemble.plan import Heading, Index

    book = seed_book_pdf.book
    titles = {b.anchor: b.text for b in book.blocks() if isinstance(b, Heading) and b.anchor}
    pages = _heading_pages(seed_book_pdf, list(titles.values()))
    index_parts = [p for p in book.parts if any(isinstance(b, Index) for b in p.blocks)]
    assert index_parts
    text_pages = page_texts(seed_book_pdf)
    numbers = [i for i, p in enumerate(text_pages) if _is_index_page(p, index_parts)]
    index_text = [ln for i in numbers for ln in _column_lines(seed_book_pdf.path, i + 1)]
    checked = 0
    for part in index_parts:
        for block in part.blocks:
            if not isinstance(block, Index):
                continue
            for entry in block.entries:
                if not entry.targets:
                    continue
                want = sorted({pages[titles[a]] for a, _ in entry.targets}, key=int)
                key = squash(entry.text)
                line = next((ln for ln in index_text if ln.startswith(key + ".")), None)
                if line is None:
                    continue
                got = re.sub(r"^.*?\.{3,}", "", line).split("，")
                assert got == want, (entry.text, got)
                checked += 1
    assert checked > 10


def _column_lines(pdf: Path, page: int) -> list[str]:
    """Text lines of a two-column page: the left column top to bottom, then the right."""
    xml = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', xml)
    width = float(re.search(r'<page width="([\d.]+)"', xml).group(1))  # type: ignore[union-attr]
    rows: dict[tuple[int, int], list[tuple[float, str]]] = {}
    for x, y, word in words:
        col = 0 if float(x) < width / 2 else 1
        rows.setdefault((col, round(float(y))), []).append((float(x), word))
    return ["".join(w for _, w in sorted(rows[k])) for k in sorted(rows)]


def _is_index_page(page: str, parts: list[Part]) -> bool:
    return any(p.header and squash(p.header) in squash(page) for p in parts)


def test_running_header_names_the_chapter(seed_book_pdf: Built) -> None:
    chapters = [p for p in seed_book_pdf.book.parts if p.kind == "chapter"]
    text = squash(seed_book_pdf.text())
    assert all(squash(p.header) in text for p in chapters if p.header)


def test_gongwen_pages_measure_22_lines_of_28_characters(seed_gongwen_pdf: Built) -> None:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    def chars(layout_obj):
        if isinstance(layout_obj, LTChar):
            yield layout_obj
        elif hasattr(layout_obj, "__iter__"):
            for child in layout_obj:
                yield from chars(child)

    page = seed_gongwen_pdf.layout.page
    left, width = page.inner_mm * MM, page.text_width_mm * MM
    bottom, height = page.bottom_mm * MM, page.text_height_mm * MM
    pitch, line_pitch = width / 28, height / 22
    grids = []
    footer_ok = 0
    for number, pg in enumerate(extract_pages(seed_gongwen_pdf.path, page_numbers=range(8, 40))):
        body = [c for c in chars(pg) if abs(c.size - 16) < 0.6 and "Serif" in c.fontname]
        rows: dict[float, list] = {}
        for c in body:
            rows.setdefault(round(c.y0), []).append(c)
        ys = sorted(rows, reverse=True)
        steady = all(abs((a - b) - line_pitch) < 0.6 for a, b in itertools.pairwise(ys))
        if len(ys) == 22 and steady:
            grids.append(rows)
        numbers = [c for c in chars(pg) if c.y1 < bottom and c.get_text() in "—0123456789"]
        if numbers:
            top = max(c.y1 for c in numbers)
            right = max(c.x1 for c in numbers)
            odd = (number + 9) % 2 == 1
            below = bottom - top
            outer = right > left + width * 0.8 if odd else right < left + width * 0.2
            footer_ok += abs(below - 7 * MM) < 2.0 and outer
    assert len(grids) >= 5  # full body pages: 22 lines on the line pitch
    best = grids[0]
    ys = sorted(best, reverse=True)
    assert ys[0] < bottom + height and ys[-1] > bottom
    full = [sorted(r, key=lambda c: c.x0) for r in best.values() if len(r) == 28]
    assert len(full) >= 10
    for row in full:
        assert abs(row[0].x0 - left) < 0.5 and abs(row[-1].x1 - (left + width)) < 0.6
        if all("\u4e00" <= c.get_text() <= "\u9fff" for c in row):
            steps = [b.x0 - a.x0 for a, b in itertools.pairwise(row)]
            assert all(abs(s - pitch) < 0.05 for s in steps)
    assert footer_ok == 32  # every page: `— n —` 7 mm below the type area, outer side


def test_odd_blocks_and_text_do_not_break_the_build(tmp_path: Path) -> None:
    from exporter.assemble.plan import (
        Block,
        Box,
        Chart,
        Heading,
        Index,
        IndexEntry,
        ListBlock,
        PageBreak,
        Table,
        TocBlock,
    )

    url = "https://example.org/" + "abcdefghij" * 20 + "/x-y-z"
    blocks: list[Block] = [
        PageBreak(),
        Heading(1, "", "heading-1", anchor="empty"),
        Para("", "body"),
        Para("换行\n制表\t换页\x0c零宽\u200b完", "body"),
        Para(url, "body"),
        Para("——" * 40, "body"),
        Table([], [], "figures-table"),
        Table(["a"], [["x"] * 3, []], "figures-table"),
        Chart("空", []),
        Index([IndexEntry("无目标", 1, []), IndexEntry("坏目标", 2, [("nowhere", "x")])]),
        ListBlock([], True),
        Box([Box([Para("嵌套", "summary")])]),
        TocBlock("目录", 3),
        Para("x", "no-such-role"),
    ]
    book = Book(BookMeta(""), [Part("chapter", "", blocks), Part("back", "", [])])
    built = build(book, "gongwen", tmp_path / "odd.pdf")
    text = squash(built.text())
    assert built.result.missing_glyphs == []
    assert "换行制表换页零宽完" in text and "嵌套" in text and "坏目标" in text
    assert url.replace("/", "") in text.replace("/", "")
    assert squash(built.text(1, 1))  # no blank first page


def test_toc_links_jump_to_the_heading_pages(small_pdf: Built) -> None:
    reader = PdfReader(small_pdf.path)
    pages = page_texts(small_pdf)
    titles = [h.text for h in small_pdf.book.headings() if h.toc and h.level <= 2]
    toc = next(i for i, p in enumerate(pages) if squash(p).startswith("目录"))
    targets: list[int] = []
    for annot in reader.pages[toc].get("/Annots", []):
        dest = annot.get_object()["/Dest"]
        page = reader.get_page_number(dest[0].get_object())
        assert page is not None
        targets.append(page)
    assert len(targets) == len(titles)
    for title, page in zip(titles, targets, strict=True):
        assert squash(title) in squash(pages[page]), (title, page)

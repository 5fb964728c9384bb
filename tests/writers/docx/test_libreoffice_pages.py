"""Issue 15: LibreOffice shows what our PDF shows. The seed corpus is built in every layout
as our PDF and as DOCX, LibreOffice renders the DOCX (one soffice run), and poppler reads
both renderings back: TOC numbers, chapter numbering and headers, index page numbers,
page-number sides, page counts and the overview chart's bars."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from exporter.assemble.plan import Book, Chart, Heading, Part
from exporter.layout.load import load_layout
from exporter.writers.docx import write_docx

from . import render
from .conftest import LAYOUTS

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")


@dataclass
class Rendered:
    book: Book
    docx: Path
    ours: list[render.Page]  # our PDF
    lo: list[render.Page]  # LibreOffice's rendering of the DOCX
    ours_pdf: Path
    lo_pdf: Path


@pytest.fixture(scope="module")
def rendered(seed_compendium, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    from exporter.assemble import assemble
    from exporter.writers.pdf.writer import write_pdf

    out = tmp_path_factory.mktemp("lo-pages")
    made = {}
    for name in LAYOUTS:
        layout = load_layout(name)
        book = assemble(seed_compendium, layout)
        write_pdf(book, layout, out / f"{name}-ours.pdf")
        write_docx(book, layout, out / f"{name}.docx")
        made[name] = book
    assert SOFFICE is not None
    render.convert(SOFFICE, [out / f"{n}.docx" for n in LAYOUTS], out)
    return {
        n: Rendered(
            made[n],
            out / f"{n}.docx",
            render.pages(out / f"{n}-ours.pdf"),
            render.pages(out / f"{n}.pdf"),
            out / f"{n}-ours.pdf",
            out / f"{n}.pdf",
        )
        for n in LAYOUTS
    }


@pytest.mark.parametrize("name", LAYOUTS)
def test_toc_numbers_are_the_pages_libreoffice_shows(
    rendered: dict[str, Rendered], name: str
) -> None:
    r = rendered[name]
    wrong, total = render.wrong_toc_entries(r.docx, r.lo_pdf)
    assert total >= 30
    assert len(wrong) <= 0.05 * total, wrong


@pytest.mark.parametrize("name", LAYOUTS)
def test_page_count_within_3_percent_of_our_pdf(rendered: dict[str, Rendered], name: str) -> None:
    """3 %, and one page for a short book: below 34 pages 3 % is less than a page, which
    would ask two renderers to break every page alike (the 17-page brief moved by one page
    when a single summary grew by a line)."""
    r = rendered[name]
    allowed = max(1.0, 0.03 * len(r.ours))
    assert abs(len(r.lo) - len(r.ours)) <= allowed, (len(r.lo), len(r.ours))


def _first_chapter(book: Book) -> tuple[Part, Heading]:
    part = next(p for p in book.parts if p.kind == "chapter")
    heading = next(b for b in part.blocks if isinstance(b, Heading))
    return part, heading


@pytest.mark.parametrize("name", LAYOUTS)
def test_chapters_numbered_in_arabic_from_1_with_their_header(
    rendered: dict[str, Rendered], name: str
) -> None:
    r = rendered[name]
    part, heading = _first_chapter(r.book)
    skip = render.toc_pages(r.lo)
    at = render.landing_pages(r.lo, [heading.text], skip)[0]
    assert at is not None
    assert r.lo[at].label == "1"
    labels = [p.label for p in r.lo[at:] if p.label]
    assert labels[:5] == ["1", "2", "3", "4", "5"]
    if part.header:  # the running header names the chapter
        assert re.sub(r"\s", "", part.header) == r.lo[at].header
        assert re.sub(r"\s", "", part.header) == r.lo[at + 1].header


def test_book_indexes_print_page_numbers_in_two_columns(rendered: dict[str, Rendered]) -> None:
    r = rendered["book"]
    index = [p for p in r.lo if p.header.endswith("·关键词索引")]  # by running header
    lines = [ln for p in index for ln in p.lines[1:-1]]  # no header, no number
    entries = [ln for ln in lines if "..." in ln]
    # Two entries a line, each "keyword …… 3，7": pages, not case titles.
    assert len(entries) > 20
    assert sum(len(re.findall(r"\.{3,}\s*\d+(?:，\d+)*", ln)) == 2 for ln in entries) > 0.6 * len(
        entries
    )


def _number_sides(pdf: Path, pages: int) -> list[str]:
    """Per page, where its printed number is: left, right or centre of the page."""
    out = []
    for n in range(1, pages + 1):
        box = subprocess.run(
            ["pdftotext", "-bbox", "-f", str(n), "-l", str(n), str(pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        words = re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<', box
        )
        numbers = [w for w in words if re.fullmatch(r"[ivxlcdm]+|\d+", w[3])]
        low = max(numbers, key=lambda w: float(w[1]), default=None)
        if low is None or float(low[1]) < 750:  # no number in the foot of the page
            out.append("")
            continue
        middle = (float(low[0]) + float(low[2])) / 2
        out.append("left" if middle < 200 else "right" if middle > 395 else "centre")
    return out


@pytest.mark.parametrize("name", ["book", "gongwen"])
def test_page_numbers_on_the_sides_our_pdf_puts_them(
    rendered: dict[str, Rendered], name: str
) -> None:
    r = rendered[name]
    n = min(len(r.ours), len(r.lo), 12)
    ours, theirs = _number_sides(r.ours_pdf, n), _number_sides(r.lo_pdf, n)
    assert {"left", "right"} <= set(ours)
    assert theirs == ours


def _bar_rows(png: Path, colour: tuple[int, int, int]) -> int:
    """Bands of rows holding a long run (a bar, not a glyph stroke) of the bar colour."""
    img = Image.open(png).convert("RGB")
    w, h = img.size
    px = img.load()

    def has_bar(y: int) -> bool:
        run = 0
        for x in range(w):
            near = sum(abs(a - b) for a, b in zip(px[x, y], colour, strict=True)) < 60
            run = run + 1 if near else 0
            if run >= 15:
                return True
        return False

    rows = [has_bar(y) for y in range(h)]
    return sum(1 for y in range(1, h) if rows[y] and not rows[y - 1])


def test_overview_charts_show_every_bar(rendered: dict[str, Rendered], tmp_path: Path) -> None:
    r = rendered["book"]
    charts = [b for b in r.book.blocks() if isinstance(b, Chart)]
    bars = sum(len(c.bars) for c in charts)
    skip = render.toc_pages(r.lo)
    at = render.landing_pages(r.lo, [charts[0].title], skip)[0]
    assert at is not None
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", str(at + 1), "-l", str(at + 1), str(r.lo_pdf),
         str(tmp_path / "chart")],
        check=True,
    )  # fmt: skip
    (png,) = tmp_path.glob("chart*.png")
    colour = tuple(int(load_layout("book").style("chart").color[i : i + 2], 16) for i in (1, 3, 5))
    assert _bar_rows(png, colour) == bars  # type: ignore[arg-type]

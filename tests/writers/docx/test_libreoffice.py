"""LibreOffice reads our DOCX: converts every layout, uses the embedded fonts, keeps the text.

One soffice start converts all layouts (it is slow); skipped where LibreOffice is missing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from exporter.assemble.plan import Heading, Para
from exporter.layout.load import load_layout
from exporter.writers.docx import write_docx

from .conftest import LAYOUTS, Built, cached

SEED_CASES: dict[str, list[str]] = {}  # case anchor -> body paragraphs of the seed book
SEED_HEADERS: set[str] = set()
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")


@pytest.fixture(scope="module")
def seed_book(seed_compendium, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The seed corpus as our PDF and as our DOCX (book layout)."""
    from exporter.assemble import assemble
    from exporter.writers.pdf.writer import write_pdf

    out = tmp_path_factory.mktemp("seed")
    layout = load_layout("book")
    book = assemble(seed_compendium, layout)
    write_pdf(book, layout, out / "ours.pdf")
    write_docx(book, layout, out / "seed.docx")
    cases: dict[str, list[str]] = {}
    current = None
    for block in book.blocks():
        if isinstance(block, Heading) and block.level == 2:
            current = cases.setdefault(block.anchor or block.text, [])
        elif isinstance(block, Para) and block.role == "body" and current is not None:
            current.append(block.text)
    SEED_CASES.update(cases)
    SEED_HEADERS.update(re.sub(r"\s", "", p.header) for p in book.parts if p.header)
    return out / "ours.pdf", out / "seed.docx"


@pytest.fixture(scope="module")
def converted(
    tmp_path_factory: pytest.TempPathFactory, seed_book: tuple[Path, Path]
) -> dict[str, tuple[Built, Path]]:
    out = tmp_path_factory.mktemp("lo")
    builds = {name: cached(tmp_path_factory, name, True) for name in LAYOUTS}
    profile = (out / "profile").as_uri()  # own profile: parallel soffice runs do not clash
    docs = [*(str(b.path) for b in builds.values()), str(seed_book[1])]
    cmd = [
        str(SOFFICE),
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        *docs,
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    return {name: (b, out / (b.path.stem + ".pdf")) for name, b in builds.items()}


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    return int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))  # type: ignore[union-attr]


def test_page_count_close_to_our_pdf(
    converted: dict[str, tuple[Built, Path]], seed_book: tuple[Path, Path]
) -> None:
    ours, docx_path = seed_book
    lo_pdf = next(iter(converted.values()))[1].parent / (docx_path.stem + ".pdf")
    a, b = _pages(ours), _pages(lo_pdf)
    assert abs(a - b) <= 0.15 * a, (a, b)


def _pdftotext(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def _recall(expected: str, got: Counter[str]) -> float:
    want = Counter(c for c in expected if not c.isspace())
    hit = sum(min(n, got[c]) for c, n in want.items())
    return hit / max(sum(want.values()), 1)


@pytest.mark.parametrize("name", LAYOUTS)
def test_libreoffice_converts_and_keeps_every_case_text(
    converted: dict[str, tuple[Built, Path]], name: str
) -> None:
    built, pdf = converted[name]
    assert pdf.is_file() and pdf.stat().st_size > 10_000
    got = Counter(c for c in _pdftotext(pdf) if not c.isspace())
    for anchor, paragraphs in built.cases.items():
        assert _recall("".join(paragraphs), got) >= 0.999, anchor
    for heading in built.book.headings():
        assert _recall(heading.text, got) == 1.0


@pytest.mark.parametrize("name", LAYOUTS)
def test_libreoffice_uses_the_embedded_fonts(
    converted: dict[str, tuple[Built, Path]], name: str
) -> None:
    _, pdf = converted[name]
    listing = subprocess.run(
        ["pdffonts", str(pdf)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    names = [line.split()[0].split("+")[-1] for line in listing]
    # Noto Serif/Sans SC are not installed on this machine: they can only come from the DOCX.
    assert any(n.startswith("NotoSerifSC") for n in names)
    assert any(n.startswith("NotoSansSC") for n in names)
    assert all(line.split()[-5] == "yes" for line in listing)  # every font embedded in the PDF


def _flowing_text(pdf: Path, headers: set[str]) -> str:
    """The PDF's text without running headers and page numbers, whitespace removed."""
    layout_text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = layout_text.split("\f")
    kept = []
    for page in pages:
        lines = [ln for ln in page.splitlines() if ln.strip()]
        lines = [ln for ln in lines if re.sub(r"\s", "", ln) not in headers]
        lines = [ln for ln in lines if not re.fullmatch(r"[—\s]*([ivxlcdm]+|\d+)[—\s]*", ln)]
        kept.append("".join(lines))
    return re.sub(r"\s", "", "".join(kept))


def test_libreoffice_keeps_every_seed_case_body_in_order(
    converted: dict[str, tuple[Built, Path]], seed_book: tuple[Path, Path]
) -> None:
    lo_pdf = next(iter(converted.values()))[1].parent / (seed_book[1].stem + ".pdf")
    flowing = _flowing_text(lo_pdf, SEED_HEADERS)
    assert len(SEED_CASES) >= 5
    for anchor, paragraphs in SEED_CASES.items():
        total = sum(len(p) for p in paragraphs)
        found = sum(len(p) for p in paragraphs if re.sub(r"\s", "", p) in flowing)
        assert found >= 0.999 * total, (anchor, found, total)

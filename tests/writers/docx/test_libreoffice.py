"""LibreOffice reads our DOCX: converts every layout, uses the embedded fonts, keeps the text.

One soffice start converts all layouts (it is slow); skipped where LibreOffice is missing.
"""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from .conftest import LAYOUTS, Built, cached

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Built, Path]]:
    out = tmp_path_factory.mktemp("lo")
    builds = {name: cached(tmp_path_factory, name, True) for name in LAYOUTS}
    profile = (out / "profile").as_uri()  # own profile: parallel soffice runs do not clash
    cmd = [
        str(SOFFICE),
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        *(str(b.path) for b in builds.values()),
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=240)
    return {name: (b, out / (b.path.stem + ".pdf")) for name, b in builds.items()}


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

"""What LibreOffice made of a DOCX, read back from its PDF with poppler: the text and
printed page label of every page, and where each TOC entry of the DOCX really landed."""

from __future__ import annotations

import re
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
_LABEL = re.compile(r"[—\-\s]*([ivxlcdm]+|\d+)[—\-\s]*")
_SPACE = re.compile(r"\s")


def convert(soffice: str, docs: list[Path], out: Path) -> list[Path]:
    """DOCX files -> PDFs in `out`, one soffice run with its own profile."""
    profile = (out / "profile").as_uri()  # parallel soffice runs must not share one
    cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run(
        [*cmd, "--outdir", str(out), *map(str, docs)], check=True, capture_output=True, timeout=600
    )
    return [out / (d.stem + ".pdf") for d in docs]


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    found = re.search(r"Pages:\s+(\d+)", info.stdout)
    assert found, info.stdout
    return int(found.group(1))


@dataclass
class Page:
    lines: list[str]  # non-empty lines, as pdftotext -layout sets them

    @property
    def label(self) -> str:
        """The printed page number (the last line when it is one), or ""."""
        if self.lines and (m := _LABEL.fullmatch(self.lines[-1])):
            return m.group(1)
        return ""

    @property
    def header(self) -> str:
        """The first line, whitespace removed (the running header, where there is one)."""
        return _SPACE.sub("", self.lines[0]) if self.lines else ""

    def flat(self) -> str:
        return _SPACE.sub("", "".join(self.lines))


def pages(pdf: Path) -> list[Page]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    chunks = text.split("\f")
    if chunks and not chunks[-1].strip():
        chunks.pop()
    return [Page([ln for ln in c.splitlines() if ln.strip()]) for c in chunks]


@dataclass
class TocEntry:
    text: str
    page: str  # the number pre-filled in the TOC field


def toc_entries(docx: Path) -> list[TocEntry]:
    """The TOC paragraphs of the DOCX: heading text and the cached PAGEREF result."""
    with zipfile.ZipFile(docx) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    out = []
    for p in root.iter(f"{{{W}}}p"):
        style = p.find("w:pPr/w:pStyle", NS)
        if style is None or not re.fullmatch(r"TOC\d", style.get(f"{{{W}}}val", "")):
            continue
        title, number, in_page = [], [], False
        for node in p.iter(f"{{{W}}}t", f"{{{W}}}tab", f"{{{W}}}instrText"):
            if node.tag == f"{{{W}}}instrText" and "PAGEREF" in (node.text or ""):
                in_page = True
            elif node.tag == f"{{{W}}}t":
                (number if in_page else title).append(node.text or "")
        if title:
            out.append(TocEntry("".join(title), "".join(number)))
    return out


def landing_pages(rendered: list[Page], texts: list[str], skip: set[int]) -> list[int | None]:
    """Index of the page where each text (in order) first appears, each search starting at
    the page the previous one was found on, pages in `skip` (the TOC's) left out."""
    found: list[int | None] = []
    at = 0
    flat = [p.flat() for p in rendered]
    for text in texts:
        want = _SPACE.sub("", text)
        hit = None
        for probe in (want, want[:12]):  # a heading broken over two pages: its first half
            hit = next(
                (i for i in range(at, len(flat)) if i not in skip and probe in flat[i]), None
            )
            if hit is not None:
                break
        found.append(hit)
        if hit is not None:
            at = hit
    return found


def toc_pages(rendered: list[Page]) -> set[int]:
    """The table of contents: the first run of pages whose lines are mostly dot leaders
    (key figures and index entries have leaders too, among other lines)."""

    def mostly_leaders(p: Page) -> bool:
        return sum("....." in ln for ln in p.lines) * 2 > len(p.lines)

    leaders = [i for i, p in enumerate(rendered) if mostly_leaders(p)]
    out: set[int] = set()
    at = leaders[0] if leaders else -1
    while at in leaders:
        out.add(at)
        at += 1
    return out


def wrong_toc_entries(docx: Path, pdf: Path) -> tuple[list[str], int]:
    """TOC entries whose pre-filled number is not the label of the page the heading is
    on in LibreOffice's rendering, and the number of entries."""
    entries = toc_entries(docx)
    rendered = pages(pdf)
    where = landing_pages(rendered, [e.text for e in entries], toc_pages(rendered))
    wrong = [
        f"{e.text[:16]}: toc {e.page} page {rendered[w].label if w is not None else '?'}"
        for e, w in zip(entries, where, strict=True)
        if w is None or rendered[w].label != e.page
    ]
    return wrong, len(entries)

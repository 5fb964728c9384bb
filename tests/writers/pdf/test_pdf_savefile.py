"""Streaming save: the file written piece by piece is byte for byte what reportlab's own
in-memory save makes, and reportlab's collector class is put back afterwards."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from exporter.writers.pdf import savefile


def _drawn(path: Path) -> Canvas:
    canv = Canvas(str(path), invariant=1)
    for n in range(3):
        canv.drawString(72, 720, f"page {n}")
        canv.bookmarkPage(f"p{n}")
        canv.addOutlineEntry(f"page {n}", f"p{n}")
        canv.showPage()
    canv.drawString(72, 720, "unfinished last page")  # save must finish it
    return canv


def test_streamed_file_equals_reportlab_save(tmp_path: Path) -> None:
    ours, theirs = tmp_path / "ours.pdf", tmp_path / "theirs.pdf"
    savefile.save(_drawn(ours), ours)
    _drawn(theirs).save()
    assert ours.read_bytes() == theirs.read_bytes()
    reader = PdfReader(ours)
    assert len(reader.pages) == 4  # the unfinished page was finished
    assert "unfinished last page" in reader.pages[3].extract_text()
    assert pdfdoc.PDFFile.__name__ == "PDFFile"  # the collector class is restored

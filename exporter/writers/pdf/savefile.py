"""Writing the finished document to its file piece by piece.

reportlab's `Canvas.save` formats every PDF object into one in-memory list, joins it into
one bytes object and only then writes the file: at save time the whole PDF existed twice
in memory (+87 MiB for the 1,300-page benchmark book, ~10× that at 10,000 cases). Here the
collector it formats into writes each object to the file as soon as it is formatted. The
bytes are the same; only where they go changes.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.pdfbase import pdfdoc

# The collector class is looked up by name in reportlab's module while a document is
# formatted; builds on other threads of the process must not see it swapped.
_LOCK = threading.Lock()


def _sink_class(out: BinaryIO) -> type[pdfdoc.PDFFile]:
    class _FileSink(pdfdoc.PDFFile):
        """reportlab's output collector, writing through to `out` (offsets kept as is)."""

        def __init__(self, *args: Any) -> None:
            super().__init__(*args)  # collects the file header
            header: list[bytes] = self.strings
            out.write(b"".join(header))
            self.strings: list[bytes] = []
            self.write = out.write

        def format(self, document: Any) -> bytes:
            return b""  # everything is in the file already

    return _FileSink


def save(canv: Any, path: Path) -> None:
    """Finish `canv` (reportlab Canvas) and write its document to `path`."""
    if canv._code:
        canv.showPage()
    with _LOCK, open(path, "wb") as out:
        collector = pdfdoc.PDFFile
        pdfdoc.PDFFile = _sink_class(out)
        try:
            rest = canv._doc.GetPDFData(canv)
        finally:
            pdfdoc.PDFFile = collector
        out.write(rest)

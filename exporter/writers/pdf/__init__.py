"""The PDF writer: our own CLREQ line breaker and line drawing on reportlab.

Public entry point: `write_pdf(book, layout, out) -> WriteResult`.
"""

from exporter.writers.pdf import tounicode
from exporter.writers.pdf.writer import write_pdf

tounicode.install()

__all__ = ["write_pdf"]

"""The PDF writer: our own CLREQ line breaker and line drawing on reportlab.

Public entry point: `write_pdf(book, layout, out) -> WriteResult`.
"""

from exporter.writers.pdf.writer import write_pdf

__all__ = ["write_pdf"]

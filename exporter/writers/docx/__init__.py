"""DOCX writer: a book plan as an editable Word file on named styles, with subset,
obfuscated embedded fonts (ECMA-376 Part 1 §17.8.1) and reproducible bytes."""

from exporter.writers.docx.writer import write_docx

__all__ = ["write_docx"]

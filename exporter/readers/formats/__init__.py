"""Front parts for files that are not plain text: Word, web pages, PDF pages.

Each converter turns its file into Markdown lines that carry what the format knows (a Word
heading or a page's `<h1>` is a `#` heading, a bold lead stays bold, a table row is a line)
and lists the furniture it left out (headers, footers, navigation, captions) as dropped
lines. The same line rules, repair and case building then run as for `.md` files. Line
numbers of cases refer to the converted text; `exporter inspect --explain` prints it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Converted:
    text: str  # Markdown for the line rules
    format: str  # docx | html | pdf
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (text, reason)


Converter = Callable[[Path], Converted]


def _docx(path: Path) -> Converted:
    from exporter.readers.formats.docx_in import convert

    return convert(path)


def _html(path: Path) -> Converted:
    from exporter.readers.formats.html_in import convert

    return convert(path)


def _pdf(path: Path) -> Converted:
    from exporter.readers.formats.pdf_in import convert

    return convert(path)


def _doc(path: Path) -> Converted:
    from exporter.errors import InputError

    advice = "a Word 97-2003 .doc file: save it as .docx in Word or WPS and read that"
    raise InputError(advice, str(path))


# Suffix -> converter; imported lazily so plain-text builds never load lxml or PDFium.
CONVERTERS: dict[str, Converter] = {
    ".docx": _docx,
    ".doc": _doc,
    ".html": _html,
    ".htm": _html,
    ".pdf": _pdf,
}

"""Word files (申报材料 arrive as .docx): paragraphs with their outline level, bold lead
phrases, list items and tables as text rows; headers and footers are page furniture; the
footnotes are kept after the text.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from exporter.errors import InputError
from exporter.readers.formats import Converted

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
CELL_SEP = "　"  # a full-width space between the cells of a table row


def _level(paragraph: Any) -> int:
    """Outline level 1-6 from the style (Heading N, 标题 N, Title) or the paragraph's own
    outline level; 0 for body text."""
    name = (paragraph.style.name or "") if paragraph.style is not None else ""
    if name.lower() in ("title", "标题"):
        return 1
    m = _HEADING_STYLE.match(name)
    if m:
        return min(int(m.group(1)), 6)
    lvl = paragraph._p.find(f"{_W}pPr/{_W}outlineLvl")
    if lvl is not None and lvl.get(f"{_W}val", "").isdigit():
        value = int(lvl.get(f"{_W}val")) + 1
        return value if value <= 6 else 0
    return 0


def _bold_lead(paragraph: Any) -> str:
    """`**一是建强组织。**其余文字`: the runs that open the paragraph in bold, marked."""
    runs = [r for r in paragraph.runs if r.text]
    lead = ""
    for run in runs:
        if not run.bold:
            break
        lead += run.text
    text = paragraph.text
    if not lead.strip() or len(lead) >= len(text):
        return f"**{text.strip()}**" if lead.strip() and len(text) <= 40 else text
    return f"**{lead.strip()}**{text[len(lead) :]}"


def _is_list(paragraph: Any) -> bool:
    return paragraph._p.find(f"{_W}pPr/{_W}numPr") is not None


def _paragraph_line(paragraph: Any) -> str:
    text = paragraph.text.strip()
    if not text:
        return ""
    level = _level(paragraph)
    if level:
        return "#" * level + " " + text
    if _is_list(paragraph):
        return "- " + text
    return _bold_lead(paragraph).strip()


def _blocks(doc: Any) -> Iterator[str]:
    """The body's paragraphs and table rows, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in doc.element.body.iterchildren():
        if child.tag == f"{_W}p":
            yield _paragraph_line(Paragraph(child, doc))
        elif child.tag == f"{_W}tbl":
            for row in Table(child, doc).rows:
                cells = [c.text.strip() for c in row.cells]
                row_text = CELL_SEP.join(dict.fromkeys(c for c in cells if c))
                yield f"- {row_text}" if row_text else ""  # a row is an item of the text


def _furniture(doc: Any) -> list[tuple[str, str]]:
    """Header and footer texts of every section, listed as dropped."""
    out: list[tuple[str, str]] = []
    for section in doc.sections:
        for part, reason in ((section.header, "page_header"), (section.footer, "page_footer")):
            text = " ".join(p.text.strip() for p in part.paragraphs if p.text.strip())
            if text and (text, reason) not in out:
                out.append((text, reason))
    return out


def _footnotes(path: Path) -> list[str]:
    """Footnote texts (python-docx does not read them): kept after the body."""
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        if "word/footnotes.xml" not in z.namelist():
            return []
        root = etree.fromstring(z.read("word/footnotes.xml"))
    notes = []
    for note in root.iter(f"{_W}footnote"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator"):
            continue
        text = "".join(t.text or "" for t in note.iter(f"{_W}t")).strip()
        if text:
            notes.append(f"注：{text}")
    return notes


def convert(path: Path) -> Converted:
    """A .docx file as Markdown lines, one paragraph a line with a blank line between."""
    import docx

    try:
        doc = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a damaged package
        reason = f"not a readable Word .docx file ({type(exc).__name__})"
        raise InputError(reason, str(path)) from exc
    lines = [line for line in _blocks(doc) if line]
    lines += _footnotes(path)
    if not lines:
        raise InputError("the Word file holds no text", str(path))
    return Converted("\n\n".join(lines) + "\n", "docx", _furniture(doc))

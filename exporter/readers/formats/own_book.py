"""A compendium this tool wrote, read back as input (an editor's corrected Word file, or
one book's cases taken into another): its case titles, authors, inner headings and text,
and none of the furniture the book added around them (cover, TOC, summaries, key-figure
lines, practices lists, indexes), which is listed as dropped.

Recognised by the styles our DOCX writer gives its case cards; the style ids are the ones
`writers/docx/styles.py` compiles for the layout roles.
"""

from __future__ import annotations

import re
from typing import Any

from exporter.readers.bylines import unit_line

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Styles only our case cards use: a file with both is one of our books.
MARKERS = {"SourceLine", "SummaryInSummaryBox"}
CASE_TITLE = "Heading2"
INNER = {"Heading3": "## ", "Heading4": "### "}
TEXT = {"BodyText"}
_GENERATED = re.compile(r"[（(]编者拟[）)]$")  # the label a generated title is printed with
_AUTHORS = re.compile(r"作者[:：]\s*([^\s　]+)")  # fields are set apart by spaces


def is_own_book(used_styles: set[str]) -> bool:
    return MARKERS <= used_styles


def _text(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(f"{_W}t")).strip()


def _style(p: Any) -> str:
    st = p.find(f"{_W}pPr/{_W}pStyle")
    return st.get(f"{_W}val", "") if st is not None else ""


def _line(style: str, text: str) -> str | None:
    """The Markdown line a card paragraph gives, or None when it is book furniture."""
    if style == CASE_TITLE:
        return "# " + _GENERATED.sub("", text).strip()
    if style in INNER:
        return INNER[style] + text
    if style in TEXT:
        return text
    if style == "SourceLine":
        m = _AUTHORS.search(text)
        if not m:
            return None
        # A submitting unit stands alone under the title, as compendia print it.
        return m.group(1) if unit_line(m.group(1)) else f"作者：{m.group(1)}"
    return None


def own_book_lines(body: Any) -> tuple[list[str], list[tuple[str, str]]]:
    """(Markdown lines, dropped furniture) of one of our books, in document order."""
    lines: list[str] = []
    dropped: list[tuple[str, str]] = []
    for p in body.iter(f"{_W}p"):
        text = _text(p)
        if not text:
            continue
        style = _style(p)
        line = _line(style, text)
        if line is None or style == "SourceLine":  # region and theme there are derived
            dropped.append((text[:200], "compendium_furniture"))
        if line is not None:
            lines.append(line)
    return lines, dropped

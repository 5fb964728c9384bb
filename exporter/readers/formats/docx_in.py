"""Word files (申报材料 arrive as .docx): paragraphs with their outline level, bold lead
phrases, list items and tables as text rows; headers and footers are page furniture; the
footnotes are kept after the text.

The package's XML is read with lxml directly (python-docx builds a full object model per
file, about 20 times slower for reading alone); style names and outline levels come from
styles.xml, so `Heading 2`, `标题 2` and a custom style with an outline level all count.
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
LEAD_LINE_MAX = 40  # a bold paragraph this short is a bold heading line
# Heading levels by (CRC, size of styles.xml, styles used): submissions made from one
# template share their styles, and parsing a template's styles costs most of a file's time.
_LEVELS_SEEN: dict[tuple[int, int, frozenset[str]], dict[str, int]] = {}
LEVELS_SEEN_MAX = 256


def _style_levels(z: zipfile.ZipFile, used: set[str]) -> dict[str, int]:
    """Style id -> outline level (1-6) of the heading and title styles the body uses (a
    template defines hundreds; only the used ones are looked at)."""
    from lxml import etree

    if not used or "word/styles.xml" not in z.namelist():
        return {}
    info = z.getinfo("word/styles.xml")
    key = (info.CRC, info.file_size, frozenset(used))  # files made from one template
    if key in _LEVELS_SEEN:
        return _LEVELS_SEEN[key]
    levels: dict[str, int] = {}
    for style in etree.fromstring(z.read("word/styles.xml")).iter(f"{_W}style"):
        sid = style.get(f"{_W}styleId") or ""
        if sid not in used:
            continue
        name_el = style.find(f"{_W}name")
        name = name_el.get(f"{_W}val", "") if name_el is not None else ""
        lvl = style.find(f"{_W}pPr/{_W}outlineLvl")
        m = _HEADING_STYLE.match(name)
        if name.lower() in ("title", "标题"):
            levels[sid] = 1
        elif m:
            levels[sid] = min(int(m.group(1)), 6)
        elif lvl is not None and (lvl.get(f"{_W}val") or "").isdigit():
            value = int(lvl.get(f"{_W}val") or "9") + 1
            if value <= 6:
                levels[sid] = value
    if len(_LEVELS_SEEN) < LEVELS_SEEN_MAX:
        _LEVELS_SEEN[key] = levels
    return levels


def _level(p: Any, levels: dict[str, int]) -> int:
    own = p.find(f"{_W}pPr/{_W}outlineLvl")
    if own is not None and (own.get(f"{_W}val") or "").isdigit():
        value = int(own.get(f"{_W}val") or "9") + 1
        return value if value <= 6 else 0
    style = p.find(f"{_W}pPr/{_W}pStyle")
    return levels.get(style.get(f"{_W}val", ""), 0) if style is not None else 0


def _runs(p: Any) -> list[tuple[str, bool]]:
    """(text, bold) of the paragraph's runs, tabs and breaks as spaces."""
    out = []
    for r in p.iter(f"{_W}r"):
        text = "".join(
            t.text or "" if t.tag == f"{_W}t" else " "
            for t in r
            if t.tag in (f"{_W}t", f"{_W}tab", f"{_W}br")
        )
        b = r.find(f"{_W}rPr/{_W}b")
        bold = b is not None and b.get(f"{_W}val", "true") not in ("0", "false")
        out.append((text, bold))
    return out


def _paragraph_line(p: Any, levels: dict[str, int]) -> str:
    runs = _runs(p)
    text = "".join(t for t, _ in runs).strip()
    if not text:
        return ""
    level = _level(p, levels)
    if level:
        return "#" * level + " " + text
    if p.find(f"{_W}pPr/{_W}numPr") is not None:
        return "- " + text
    lead = ""
    for t, bold in runs:
        if not bold:
            break
        lead += t
    lead = lead.strip()
    if not lead:
        return text
    if len(lead) >= len(text):
        return f"**{text}**" if len(text) <= LEAD_LINE_MAX else text
    return f"**{lead}**{text[len(lead) :].lstrip()}"


def _cell_text(tc: Any) -> str:
    return "".join(t.text or "" for t in tc.iter(f"{_W}t")).strip()


def _blocks(body: Any, levels: dict[str, int]) -> Iterator[str]:
    """The body's paragraphs and table rows, in document order."""
    for child in body:
        if child.tag == f"{_W}p":
            yield _paragraph_line(child, levels)
        elif child.tag == f"{_W}tbl":
            for tr in child.iter(f"{_W}tr"):
                cells = [_cell_text(tc) for tc in tr.iter(f"{_W}tc")]
                row = CELL_SEP.join(dict.fromkeys(c for c in cells if c))
                yield f"- {row}" if row else ""  # a row is an item of the text


def _part_texts(z: zipfile.ZipFile, prefix: str, reason: str) -> list[tuple[str, str]]:
    """Texts of the header or footer parts, listed as dropped."""
    from lxml import etree

    out: list[tuple[str, str]] = []
    for name in sorted(n for n in z.namelist() if n.startswith(f"word/{prefix}")):
        root = etree.fromstring(z.read(name))
        text = " ".join(
            "".join(t.text or "" for t in p.iter(f"{_W}t")).strip() for p in root.iter(f"{_W}p")
        ).strip()
        if text and (text, reason) not in out:
            out.append((text, reason))
    return out


def _footnotes(z: zipfile.ZipFile) -> list[str]:
    """Footnote texts, kept after the body as `注：…` paragraphs."""
    from lxml import etree

    if "word/footnotes.xml" not in z.namelist():
        return []
    notes = []
    for note in etree.fromstring(z.read("word/footnotes.xml")).iter(f"{_W}footnote"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator"):
            continue
        text = "".join(t.text or "" for t in note.iter(f"{_W}t")).strip()
        if text:
            notes.append(f"注：{text}")
    return notes


def convert(path: Path) -> Converted:
    """A .docx file as Markdown lines, one paragraph a line with a blank line between."""
    from lxml import etree

    try:
        with zipfile.ZipFile(path) as z:
            body = etree.fromstring(z.read("word/document.xml")).find(f"{_W}body")
            used = {s.get(f"{_W}val", "") for s in body.iter(f"{_W}pStyle")}
            levels = _style_levels(z, used)
            lines = [line for line in _blocks(body, levels) if line] + _footnotes(z)
            dropped = _part_texts(z, "header", "page_header")
            dropped += _part_texts(z, "footer", "page_footer")
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, AttributeError) as exc:
        reason = f"not a readable Word .docx file ({type(exc).__name__})"
        raise InputError(reason, str(path)) from exc
    if not lines:
        raise InputError("the Word file holds no text", str(path))
    return Converted("\n\n".join(lines) + "\n", "docx", dropped)

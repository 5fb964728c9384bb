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
from exporter.readers.formats.own_book import is_own_book, own_book_lines

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


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Not the paragraph's own text: tracked deletions and moved-away text, text boxes (read as
# paragraphs of their own) and the VML copy Word keeps of a shape for old readers.
_NOT_OWN = {f"{_W}del", f"{_W}moveFrom", f"{_W}txbxContent", f"{_MC}Fallback", f"{_W}pPr"}
_RUN = f"{_W}r"
_TEXT_BOX = f"{_W}txbxContent"


def _own_runs(el: Any) -> Iterator[Any]:
    """The runs of a paragraph in order, inside insertions, links, fields and inline
    content controls too, but not the ones of `_NOT_OWN`."""
    for child in el:
        tag = child.tag
        if tag == _RUN:
            yield child
        elif tag not in _NOT_OWN and isinstance(tag, str):
            yield from _own_runs(child)


def _text_boxes(el: Any) -> Iterator[Any]:
    """The outermost text boxes anchored in a paragraph (each once: not the VML copy)."""
    for child in el:
        tag = child.tag
        if tag == _TEXT_BOX:
            yield child
        elif tag != f"{_MC}Fallback" and isinstance(tag, str):
            yield from _text_boxes(child)


def _runs(p: Any) -> list[tuple[str, bool]]:
    """(text, bold) of the paragraph's runs, tabs and breaks as spaces."""
    out = []
    for r in _own_runs(p):
        text = "".join(
            t.text or "" if t.tag == f"{_W}t" else " "
            for t in r
            if t.tag in (f"{_W}t", f"{_W}tab", f"{_W}br")
        )
        b = r.find(f"{_W}rPr/{_W}b")
        bold = b is not None and b.get(f"{_W}val", "true") not in ("0", "false")
        out.append((text, bold))
    return out


def _paragraph_line(p: Any, levels: dict[str, int], numbers: Numbering | None = None) -> str:
    """One paragraph as a Markdown line: a heading by its outline level, a list item,
    or body text with its bold lead phrase marked; "" when it holds no text."""
    runs = _runs(p)
    text = "".join(t for t, _ in runs).strip()
    if not text:
        return ""
    level = _level(p, levels)
    label = numbers.label(p) if numbers is not None else None
    if label:  # Word's automatic number, as the author sees it: `一、`, `（二）`, `3.`
        text = label + ("" if label[-1] in _TIGHT else " ") + text
        runs = [(label, False), *runs]
    if level:
        return "#" * level + " " + text
    if label is None and p.find(f"{_W}pPr/{_W}numPr") is not None:
        return "- " + text  # a bullet
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


_CONTENT = (f"{_W}sdt", f"{_W}customXml", f"{_W}smartTag")


def _blocks(body: Any, levels: dict[str, int], numbers: Numbering | None = None) -> Iterator[str]:
    """The body's paragraphs and table rows, in document order; a block content control's
    paragraphs in their place and a text box's after the paragraph it is anchored in."""
    for child in body:
        if child.tag == f"{_W}p":
            yield _paragraph_line(child, levels, numbers)
            for box in _text_boxes(child):
                yield from _blocks(box, levels, numbers)
        elif child.tag == f"{_W}tbl":
            for tr in child.iter(f"{_W}tr"):
                cells = [_cell_text(tc) for tc in tr.iter(f"{_W}tc")]
                row = CELL_SEP.join(dict.fromkeys(c for c in cells if c))
                yield f"- {row}" if row else ""  # a row is an item of the text
        elif child.tag in _CONTENT:
            content = child.find(f"{_W}sdtContent") if child.tag == f"{_W}sdt" else child
            if content is not None:
                yield from _blocks(content, levels, numbers)


_TIGHT = "、.．)）:："  # a number label ending so is set close to the text


def _chinese(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (numbers in Word lists)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if not rest else ("零" + _chinese(rest) if rest < 10 else _chinese(rest))
    if 10 <= rest < 20:
        tail = "一" + tail
    return digits[n // 100 % 10] + "百" + tail if n < 1000 else str(n)


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


_ROMAN = [
    (int(v), sym)
    for v, sym in (
        x.split(":")
        for x in "1000:M 900:CM 500:D 400:CD 100:C 90:XC 50:L 40:XL 10:X 9:IX 5:V 4:IV 1:I".split()
    )
]


def _roman(n: int) -> str:
    out = ""
    for value, sym in _ROMAN:
        while n >= value:
            out, n = out + sym, n - value
    return out


def _format(n: int, fmt: str) -> str | None:
    """A counter in Word's number format; None for a bullet or an unknown format."""
    if fmt in ("decimal", "decimalZero"):
        return str(n) if fmt == "decimal" else f"{n:02d}"
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified"):
        return _chinese(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return "甲乙丙丁戊己庚辛壬癸"[n - 1]
    if fmt in ("upperLetter", "lowerLetter"):
        return _letters(n) if fmt == "upperLetter" else _letters(n).lower()
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    return None


class Numbering:
    """Word's automatic numbers: numbering.xml's levels (format, text such as `%1、`, start)
    and a counter per list, counted in document order; a paragraph takes its list from its
    own `w:numPr` or from its style's."""

    def __init__(self, lists: dict[str, Levels], styles: dict[str, tuple[str, int]]) -> None:
        self.lists = lists  # numId -> level -> (format, text, start)
        self.styles = styles  # style id -> (numId, level) of styles that number
        self.counts: dict[str, dict[int, int]] = {}

    def label(self, p: Any) -> str | None:
        """The paragraph's number label (`一、`), counting it; None if it has none."""
        num_pr = p.find(f"{_W}pPr/{_W}numPr")
        num_id, ilvl = None, 0
        style = p.find(f"{_W}pPr/{_W}pStyle")
        if style is not None and style.get(f"{_W}val", "") in self.styles:
            num_id, ilvl = self.styles[style.get(f"{_W}val", "")]
        if num_pr is not None:
            nid = num_pr.find(f"{_W}numId")
            lvl = num_pr.find(f"{_W}ilvl")
            num_id = nid.get(f"{_W}val", "") if nid is not None else num_id
            ilvl = int(lvl.get(f"{_W}val", "0")) if lvl is not None else ilvl
        levels = self.lists.get(num_id or "")
        if not levels or ilvl not in levels:
            return None
        counts = self.counts.setdefault(num_id or "", {})
        fmt, text, start = levels[ilvl]
        counts[ilvl] = counts.get(ilvl, start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        if _format(counts[ilvl], fmt) is None:
            return None

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lf = levels.get(k, ("decimal", "", 1))
            return _format(counts.get(k, lf[2]), lf[0]) or ""

        label = re.sub(r"%(\d)", number, text).strip()
        return label or None


Levels = dict[int, tuple[str, str, int]]
# Numbering tables by (CRC, size) of numbering.xml and styles.xml: like the heading levels,
# the same for every file made from one template.
_NUMBERING_SEEN: dict[tuple[int, int, int, int], tuple[dict[str, Levels], dict]] = {}


def _lists(numbering: Any) -> dict[str, Levels]:
    """numId -> its abstract list's levels: (number format, level text, start)."""
    abstract: dict[str, Levels] = {}
    for a in numbering.iter(f"{_W}abstractNum"):
        lvls: Levels = {}
        for lvl in a.iter(f"{_W}lvl"):
            fmt = lvl.find(f"{_W}numFmt")
            text = lvl.find(f"{_W}lvlText")
            start = lvl.find(f"{_W}start")
            lvls[int(lvl.get(f"{_W}ilvl", "0"))] = (
                fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                text.get(f"{_W}val", "") if text is not None else "",
                int(start.get(f"{_W}val", "1")) if start is not None else 1,
            )
        abstract[a.get(f"{_W}abstractNumId", "")] = lvls
    lists: dict[str, Levels] = {}
    for num in numbering.iter(f"{_W}num"):
        ref = num.find(f"{_W}abstractNumId")
        if ref is not None:
            lists[num.get(f"{_W}numId", "")] = abstract.get(ref.get(f"{_W}val", ""), {})
    return lists


def _style_numbers(z: zipfile.ZipFile) -> dict[str, tuple[str, int]]:
    """Style id -> (numId, level) of the styles that carry a number (numbered headings)."""
    from lxml import etree

    styles: dict[str, tuple[str, int]] = {}
    if "word/styles.xml" not in z.namelist():
        return styles
    for style in etree.fromstring(z.read("word/styles.xml")).iter(f"{_W}style"):
        nid = style.find(f"{_W}pPr/{_W}numPr/{_W}numId")
        if nid is not None:
            lvl = style.find(f"{_W}pPr/{_W}numPr/{_W}ilvl")
            level = int(lvl.get(f"{_W}val", "0")) if lvl is not None else 0
            styles[style.get(f"{_W}styleId", "")] = (nid.get(f"{_W}val", ""), level)
    return styles


def _numbering(z: zipfile.ZipFile, body: Any, used: set[str]) -> Numbering | None:
    """The document's numbering, when a paragraph or a style it uses is numbered."""
    from lxml import etree

    names = z.namelist()
    if "word/numbering.xml" not in names:
        return None
    num = z.getinfo("word/numbering.xml")
    sty = z.getinfo("word/styles.xml") if "word/styles.xml" in names else num
    key = (num.CRC, num.file_size, sty.CRC, sty.file_size)
    if key not in _NUMBERING_SEEN:
        tables = (_lists(etree.fromstring(z.read("word/numbering.xml"))), _style_numbers(z))
        if len(_NUMBERING_SEEN) >= LEVELS_SEEN_MAX:
            _NUMBERING_SEEN.clear()
        _NUMBERING_SEEN[key] = tables
    lists, styles = _NUMBERING_SEEN[key]
    if not used & styles.keys() and body.find(f".//{_W}numPr") is None:
        return None
    return Numbering(lists, styles)


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
            if is_own_book(used):  # a compendium of ours: its cases, not its furniture
                lines, dropped = own_book_lines(body)
                return Converted("\n\n".join(lines) + "\n", "docx", dropped)
            levels = _style_levels(z, used)
            numbers = _numbering(z, body, used)
            lines = [line for line in _blocks(body, levels, numbers) if line] + _footnotes(z)
            dropped = _part_texts(z, "header", "page_header")
            dropped += _part_texts(z, "footer", "page_footer")
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, AttributeError) as exc:
        reason = f"not a readable Word .docx file ({type(exc).__name__})"
        raise InputError(reason, str(path)) from exc
    if not lines:
        raise InputError("the Word file holds no text", str(path))
    return Converted("\n\n".join(lines) + "\n", "docx", dropped)

"""All raw WordprocessingML of the DOCX writer, in one place.

python-docx covers packaging, parts and a few proxies; everything it has no API for
(East Asian fonts, character-unit indents, kinsoku switches, fields, bookmarks, hyperlinks,
numbering restarts, repeating header rows, document grid, embedded fonts) is built here.
Child elements are emitted in the order the ECMA-376 schema requires, because Word rejects
out-of-order children that LibreOffice accepts.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import IO, TypeAlias

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser, parse_xml
from lxml import etree

Element: TypeAlias = etree._Element
_make = oxml_parser.makeelement
_sub = etree.SubElement
TWIPS_PER_PT = 20
# Characters XML 1.0 cannot carry; python-docx raises on them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@cache
def _tag(tag: str) -> tuple[str, dict[str, str]]:
    """Clark name and namespace declaration of a prefixed tag (parsed once per tag)."""
    prefix = tag.partition(":")[0]
    return qn(tag), {prefix: nsmap[prefix]}


@cache
def _attr(key: str) -> str:
    return qn(key if ":" in key else f"w:{key}")


def el(tag: str, attrs: dict[str, str] | None = None, *children: Element | None) -> Element:
    """A `w:`-namespaced (or other prefixed) element with attributes given without prefix
    for `w:` and with prefix otherwise."""
    clark, decl = _tag(tag)
    attrib = {_attr(k): v for k, v in attrs.items()} if attrs else None
    # The same factory as python-docx's OxmlElement, without re-parsing the tag each time.
    node = _make(clark, attrib=attrib, nsmap=decl)
    for child in children:
        if child is not None:
            node.append(child)
    return node


def sub(parent: Element, tag: str, attrs: dict[str, str] | None = None) -> Element:
    """A child element appended to `parent`: cheaper than `el` for the hot paths (runs,
    paragraphs), as the child takes its namespace from the parent."""
    attrib = {_attr(k): v for k, v in attrs.items()} if attrs else None
    return _sub(parent, _tag(tag)[0], attrib)


def val(tag: str, value: str | int) -> Element:
    return el(tag, {"val": str(value)})


def clean_text(text: str) -> str:
    return _XML_INVALID.sub("", text)


def twips(pt: float) -> str:
    return str(round(pt * TWIPS_PER_PT))


# --------------------------------------------------------------------------- styles


@dataclass
class Fonts:
    """The four rFonts slots; Chinese text uses `east_asia`."""

    east_asia: str
    latin: str


@dataclass
class Border:
    color: str  # RRGGBB
    size_eighths: int = 6  # line width in eighths of a point
    space_pt: int = 4
    sides: tuple[str, ...] = ("top", "left", "bottom", "right")


@dataclass
class ParaProps:
    keep_next: bool = False
    page_break_before: bool = False
    border: Border | None = None
    shading: str | None = None  # RRGGBB fill
    tabs: list[tuple[str, int, str]] = field(default_factory=list)  # (align, pos twips, leader)
    cjk_breaking: bool = True
    snap_to_grid: bool | None = None
    line_twips: int | None = None  # exact line height
    before_twips: int = 0
    after_twips: int = 0
    first_line_chars: float = 0.0
    left_chars: float = 0.0
    right_chars: float = 0.0
    char_twips: int = 210  # one character's width, for the twips fallback of char indents
    align: str | None = None  # left | center | right | both
    outline_level: int | None = None  # 0-based; 9 = body text


@dataclass
class RunProps:
    fonts: Fonts | None = None
    bold: bool | None = None
    italic: bool | None = None
    color: str | None = None  # RRGGBB
    size_half_pts: int | None = None
    spacing_twips: int | None = None
    lang_east_asia: str | None = None


@dataclass
class StyleDef:
    style_id: str
    name: str
    kind: str = "paragraph"  # paragraph | character | table
    based_on: str | None = None
    next_id: str | None = None
    ui_priority: int | None = None
    quick: bool = True
    ppr: ParaProps | None = None
    rpr: RunProps | None = None
    table_border: str | None = None  # RRGGBB for table styles
    default: bool = False


def rfonts(fonts: Fonts) -> Element:
    """rFonts without any theme attribute (theme fonts would win over names)."""
    return el(
        "w:rFonts",
        {
            "ascii": fonts.latin,
            "hAnsi": fonts.latin,
            "eastAsia": fonts.east_asia,
            "cs": fonts.latin,
            "hint": "eastAsia",
        },
    )


def run_props(props: RunProps) -> Element:
    rpr = el("w:rPr")
    if props.fonts is not None:
        rpr.append(rfonts(props.fonts))
    for flag, tags in ((props.bold, ("w:b", "w:bCs")), (props.italic, ("w:i", "w:iCs"))):
        if flag is not None:
            for tag in tags:
                rpr.append(el(tag) if flag else val(tag, "0"))
    if props.color:
        rpr.append(val("w:color", props.color))
    if props.spacing_twips:
        rpr.append(val("w:spacing", props.spacing_twips))
    if props.size_half_pts:
        rpr.append(val("w:sz", props.size_half_pts))
        rpr.append(val("w:szCs", props.size_half_pts))
    if props.lang_east_asia:
        rpr.append(el("w:lang", {"val": "en-US", "eastAsia": props.lang_east_asia}))
    return rpr


def _border_el(border: Border) -> Element:
    node = el("w:pBdr")
    for side in border.sides:
        node.append(
            el(
                f"w:{side}",
                {
                    "val": "single",
                    "sz": str(border.size_eighths),
                    "space": str(border.space_pt),
                    "color": border.color,
                },
            )
        )
    return node


def _ind_el(p: ParaProps) -> Element | None:
    if not (p.first_line_chars or p.left_chars or p.right_chars):
        return el("w:ind", {"left": "0", "leftChars": "0", "firstLine": "0", "firstLineChars": "0"})
    attrs: dict[str, str] = {}
    for key, chars in (("left", p.left_chars), ("right", p.right_chars)):
        if chars:
            attrs[key] = str(round(chars * p.char_twips))
            attrs[f"{key}Chars"] = str(round(chars * 100))
    if p.first_line_chars:
        attrs["firstLine"] = str(round(p.first_line_chars * p.char_twips))
        attrs["firstLineChars"] = str(round(p.first_line_chars * 100))
    return el("w:ind", attrs)


def para_props(p: ParaProps, style_id: str | None = None) -> Element:
    ppr = el("w:pPr")
    if style_id:
        ppr.append(val("w:pStyle", style_id))
    if p.keep_next:
        ppr.append(el("w:keepNext"))
    if p.page_break_before:
        ppr.append(el("w:pageBreakBefore"))
    if p.border:
        ppr.append(_border_el(p.border))
    if p.shading:
        ppr.append(el("w:shd", {"val": "clear", "color": "auto", "fill": p.shading}))
    if p.tabs:
        tabs = el("w:tabs")
        for align, pos, leader in p.tabs:
            tabs.append(el("w:tab", {"val": align, "leader": leader, "pos": str(pos)}))
        ppr.append(tabs)
    if p.cjk_breaking:
        # Chinese line breaking: no closing mark at line start, punctuation may overhang
        # by compression, automatic space between Han and Latin/digits.
        for tag in ("w:kinsoku", "w:overflowPunct", "w:autoSpaceDE", "w:autoSpaceDN"):
            ppr.append(el(tag))
    if p.snap_to_grid is not None:
        ppr.append(val("w:snapToGrid", "1" if p.snap_to_grid else "0"))
    spacing = {"before": str(p.before_twips), "after": str(p.after_twips)}
    if p.line_twips:
        spacing.update(line=str(p.line_twips), lineRule="exact")
    ppr.append(el("w:spacing", spacing))
    ppr.append(_ind_el(p))
    if p.align:
        ppr.append(val("w:jc", p.align))
    if p.outline_level is not None:
        ppr.append(val("w:outlineLvl", p.outline_level))
    return ppr


def _table_style_props(color: str) -> Element:
    borders = el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(el(f"w:{side}", {"val": "single", "sz": "4", "space": "0", "color": color}))
    margins = el(
        "w:tblCellMar",
        {},
        el("w:left", {"w": "85", "type": "dxa"}),
        el("w:right", {"w": "85", "type": "dxa"}),
    )
    return el("w:tblPr", {}, borders, margins)


def style_element(d: StyleDef) -> Element:
    attrs = {"type": d.kind, "styleId": d.style_id}
    if d.default:
        attrs["default"] = "1"
    node = el("w:style", attrs, val("w:name", d.name))
    if d.based_on:
        node.append(val("w:basedOn", d.based_on))
    if d.next_id:
        node.append(val("w:next", d.next_id))
    if d.ui_priority is not None:
        node.append(val("w:uiPriority", d.ui_priority))
    if d.quick:
        node.append(el("w:qFormat"))
    if d.ppr is not None:
        node.append(para_props(d.ppr))
    if d.rpr is not None:
        node.append(run_props(d.rpr))
    if d.table_border:
        node.append(_table_style_props(d.table_border))
    return node


def doc_defaults(fonts: Fonts, size_half_pts: int) -> Element:
    rpr = run_props(RunProps(fonts=fonts, size_half_pts=size_half_pts, lang_east_asia="zh-CN"))
    ppr = el("w:pPr", {}, el("w:spacing", {"after": "0", "line": "240", "lineRule": "auto"}))
    return el(
        "w:docDefaults",
        {},
        el("w:rPrDefault", {}, rpr),
        el("w:pPrDefault", {}, ppr),
    )


def replace_styles(styles_root: Element, defaults: Element, styles: Sequence[Element]) -> None:
    """Drop the template's styles (theme fonts, colours) and write ours; keep latent styles."""
    for child in list(styles_root):
        if child.tag in (qn("w:style"), qn("w:docDefaults")):
            styles_root.remove(child)
    styles_root.insert(0, defaults)
    for node in styles:
        styles_root.append(node)


# --------------------------------------------------------------------------- runs, paragraphs


def run(text: str, char_style: str | None = None) -> Element:
    """A run of plain text; tabs and line feeds become w:tab / w:br."""
    node = el("w:r")
    if char_style:
        sub(sub(node, "w:rPr"), "w:rStyle", {"val": char_style})
    for i, line in enumerate(clean_text(text).split("\n")):
        if i:
            sub(node, "w:br")
        for j, piece in enumerate(line.split("\t")):
            if j:
                sub(node, "w:tab")
            if piece:
                t = sub(node, "w:t")
                t.text = piece
                if piece != piece.strip():
                    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return node


def tab_run() -> Element:
    return el("w:r", {}, el("w:tab"))


def paragraph(
    style_id: str,
    runs: Iterable[Element] = (),
    *,
    page_break_before: bool = False,
    outline_level: int | None = None,
    num: tuple[int, int] | None = None,
) -> Element:
    """A paragraph naming its style; only structural properties are set directly."""
    node = el("w:p")
    ppr = sub(node, "w:pPr")
    sub(ppr, "w:pStyle", {"val": style_id})
    if page_break_before:
        sub(ppr, "w:pageBreakBefore")
    if num is not None:
        numpr = sub(ppr, "w:numPr")
        sub(numpr, "w:ilvl", {"val": str(num[1])})
        sub(numpr, "w:numId", {"val": str(num[0])})
    if outline_level is not None:
        sub(ppr, "w:outlineLvl", {"val": str(outline_level)})
    node.extend(runs)
    return node


def bookmark(p: Element, name: str, ident: int) -> None:
    """Wrap a paragraph's content in a bookmark (a link and PAGEREF target)."""
    start = el("w:bookmarkStart", {"id": str(ident), "name": name})
    end = el("w:bookmarkEnd", {"id": str(ident)})
    ppr = p.find(qn("w:pPr"))
    p.insert(1 if ppr is not None else 0, start)
    p.append(end)


def hyperlink(anchor: str, runs: Iterable[Element]) -> Element:
    node = el("w:hyperlink", {"anchor": anchor, "history": "1"})
    for r in runs:
        node.append(r)
    return node


def field_runs(instruction: str, cached: Sequence[Element]) -> list[Element]:
    """A complex field: begin, instruction, separate, cached result runs, end."""
    return [
        *field_open(instruction),
        *cached,
        field_close(),
    ]


def field_open(instruction: str) -> list[Element]:
    instr = el("w:instrText")
    instr.text = f" {instruction} "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return [
        el("w:r", {}, el("w:fldChar", {"fldCharType": "begin", "dirty": "false"})),
        el("w:r", {}, instr),
        el("w:r", {}, el("w:fldChar", {"fldCharType": "separate"})),
    ]


def field_close() -> Element:
    return el("w:r", {}, el("w:fldChar", {"fldCharType": "end"}))


def page_break_run() -> Element:
    return el("w:r", {}, el("w:br", {"type": "page"}))


def renumber_drawings(root: Element, start: int = 1) -> int:
    """Give every drawing a unique id (Word repairs files with duplicates); python-docx
    numbers pictures from the attached tree, and ours are attached part by part. Returns
    the next free number."""
    n = start
    for node in root.iter(qn("wp:docPr"), qn("pic:cNvPr")):
        node.set("id", str(n))
        if node.tag == qn("wp:docPr"):
            node.set("name", f"Picture {n}")
        n += 1
    return n


def drawing_run(inline: Element, description: str) -> Element:
    """Wrap python-docx's `wp:inline` picture in a run, with alt text for screen readers."""
    doc_pr = inline.find(qn("wp:docPr"))
    if doc_pr is not None:
        doc_pr.set("descr", clean_text(description))
    return el("w:r", {}, el("w:drawing", {}, inline))


# --------------------------------------------------------------------------- tables


def table(
    style_id: str,
    widths_twips: Sequence[int],
    rows: Sequence[Sequence[Element]],
    header_rows: int = 1,
    header_fill: str | None = None,
) -> Element:
    """A fixed-width table; the first `header_rows` rows repeat on every page."""
    node = table_start(style_id, widths_twips)
    for i, cells in enumerate(rows):
        node.append(table_row(widths_twips, cells, i < header_rows, header_fill))
    return node


def table_start(style_id: str, widths_twips: Sequence[int]) -> Element:
    """A table's properties and grid, without rows."""
    total = sum(widths_twips)
    tbl_pr = el(
        "w:tblPr",
        {},
        val("w:tblStyle", style_id),
        el("w:tblW", {"w": str(total), "type": "dxa"}),
        el("w:tblLayout", {"type": "fixed"}),
        el(
            "w:tblLook",
            {
                "val": "04A0",
                "firstRow": "1",
                "lastRow": "0",
                "firstColumn": "0",
                "lastColumn": "0",
                "noHBand": "1",
                "noVBand": "1",
            },
        ),
    )
    grid = el("w:tblGrid", {}, *(el("w:gridCol", {"w": str(w)}) for w in widths_twips))
    return el("w:tbl", {}, tbl_pr, grid)


def table_row(
    widths_twips: Sequence[int],
    cells: Sequence[Element],
    is_header: bool = False,
    header_fill: str | None = None,
) -> Element:
    """One row that never splits over pages; a header row repeats on every page."""
    tr = el("w:tr")
    tr_pr = el("w:trPr", {}, el("w:cantSplit"))
    if is_header:
        tr_pr.append(el("w:tblHeader"))
    tr.append(tr_pr)
    for width, content in zip(widths_twips, cells, strict=False):
        tc_pr = el("w:tcPr", {}, el("w:tcW", {"w": str(width), "type": "dxa"}))
        if is_header and header_fill:
            tc_pr.append(el("w:shd", {"val": "clear", "color": "auto", "fill": header_fill}))
        tr.append(el("w:tc", {}, tc_pr, content))
    return tr


# --------------------------------------------------------------------------- numbering


def abstract_num(ident: int, fmt: str, text: str, suffix: str = "space") -> Element:
    """One-level list definition; indents come from the paragraph style, not the list."""
    lvl = el(
        "w:lvl",
        {"ilvl": "0"},
        val("w:start", 1),
        val("w:numFmt", fmt),
        val("w:suff", suffix),
        val("w:lvlText", text),
        val("w:lvlJc", "left"),
    )
    return el(
        "w:abstractNum",
        {"abstractNumId": str(ident)},
        val("w:multiLevelType", "singleLevel"),
        lvl,
    )


def num(ident: int, abstract_id: int) -> Element:
    """A list instance that restarts at 1 (one per list block)."""
    return el(
        "w:num",
        {"numId": str(ident)},
        val("w:abstractNumId", abstract_id),
        el("w:lvlOverride", {"ilvl": "0"}, val("w:startOverride", 1)),
    )


def replace_numbering(root: Element, abstracts: Sequence[Element], nums: Sequence[Element]) -> None:
    for child in list(root):
        root.remove(child)
    for node in [*abstracts, *nums]:
        root.append(node)


# --------------------------------------------------------------------------- sections


@dataclass
class SectionDef:
    width_twips: int
    height_twips: int
    top: int
    bottom: int
    left: int
    right: int
    header: int
    footer: int
    headers: dict[str, str] = field(default_factory=dict)  # default|even|first -> rId
    footers: dict[str, str] = field(default_factory=dict)
    new_page: bool = True
    page_format: str | None = None  # decimal | lowerRoman; None = no numbers
    restart: bool = False
    grid_pitch_twips: int | None = None
    grid_char_space: int | None = None
    title_page: bool = False


def section_props(s: SectionDef) -> Element:
    node = el("w:sectPr")
    for kind, rid in s.headers.items():
        node.append(el("w:headerReference", {"type": kind, "r:id": rid}))
    for kind, rid in s.footers.items():
        node.append(el("w:footerReference", {"type": kind, "r:id": rid}))
    node.append(val("w:type", "nextPage" if s.new_page else "continuous"))
    node.append(el("w:pgSz", {"w": str(s.width_twips), "h": str(s.height_twips)}))
    node.append(
        el(
            "w:pgMar",
            {
                "top": str(s.top),
                "right": str(s.right),
                "bottom": str(s.bottom),
                "left": str(s.left),
                "header": str(s.header),
                "footer": str(s.footer),
                "gutter": "0",
            },
        )
    )
    if s.page_format:
        attrs = {"fmt": s.page_format}
        if s.restart:
            attrs["start"] = "1"
        node.append(el("w:pgNumType", attrs))
    node.append(el("w:cols", {"space": "425"}))
    if s.title_page:
        node.append(el("w:titlePg"))
    if s.grid_pitch_twips:
        attrs = {
            "type": "linesAndChars" if s.grid_char_space is not None else "lines",
            "linePitch": str(s.grid_pitch_twips),
        }
        if s.grid_char_space is not None:
            attrs["charSpace"] = str(s.grid_char_space)
        node.append(el("w:docGrid", attrs))
    else:  # no grid: line heights are the styles' own
        node.append(el("w:docGrid", {"linePitch": "360"}))
    return node


def attach_section(last_paragraph: Element, sect_pr: Element) -> None:
    """A section other than the last ends with its properties in its last paragraph."""
    ppr = last_paragraph.find(qn("w:pPr"))
    if ppr is None:
        ppr = el("w:pPr")
        last_paragraph.insert(0, ppr)
    ppr.append(sect_pr)


def clear_children(node: Element) -> None:
    for child in list(node):
        node.remove(child)


# --------------------------------------------------------------------------- settings, fonts


@dataclass
class SettingsDef:
    embed_fonts: bool
    mirror_margins: bool
    even_odd_headers: bool
    default_tab_twips: int


def fill_settings(root: Element, s: SettingsDef) -> None:
    """Rewrite settings.xml in schema order."""
    clear_children(root)
    root.append(el("w:zoom", {"percent": "100"}))
    if s.embed_fonts:
        root.append(el("w:embedTrueTypeFonts"))
        root.append(el("w:saveSubsetFonts"))
    if s.mirror_margins:
        root.append(el("w:mirrorMargins"))
    root.append(val("w:defaultTabStop", s.default_tab_twips))
    if s.even_odd_headers:
        root.append(el("w:evenAndOddHeaders"))
    # Chinese punctuation compression, as Chinese Word/WPS installs default to.
    root.append(val("w:characterSpacingControl", "compressPunctuation"))
    # Ask Word to refresh the TOC and page references when the file is opened.
    root.append(val("w:updateFields", "true"))
    compat = el(
        "w:compat",
        {},
        el("w:useFELayout"),
        el(
            "w:compatSetting",
            {
                "name": "compatibilityMode",
                "uri": "http://schemas.microsoft.com/office/word",
                "val": "15",
            },
        ),
    )
    root.append(compat)
    root.append(el("w:themeFontLang", {"val": "en-US", "eastAsia": "zh-CN"}))
    root.append(val("w:decimalSymbol", "."))
    root.append(val("w:listSeparator", ","))


@dataclass
class FontEntry:
    name: str
    charset: str = "86"  # GB2312
    alt_name: str = ""  # what to use where the font is neither installed nor embedded
    family: str = "roman"
    embeds: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, rId, {GUID})


def app_properties() -> bytes:
    """docProps/app.xml naming this program (Word recomputes the statistics it omits)."""
    return (
        b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'extended-properties"><Application>exporter</Application>'
        b"<DocSecurity>0</DocSecurity></Properties>"
    )


def fonts_root() -> Element:
    """An empty fontTable.xml root."""
    return parse_xml(f'<w:fonts xmlns:w="{nsmap["w"]}" xmlns:r="{nsmap["r"]}"/>'.encode())


def is_paragraph(node: Element) -> bool:
    return bool(node.tag == qn("w:p"))


def font_table(root: Element, entries: Sequence[FontEntry]) -> None:
    """fontTable.xml: one w:font per family, with w:embedRegular/w:embedBold when embedded."""
    clear_children(root)
    for entry in entries:
        node = el(
            "w:font",
            {"name": entry.name},
            val("w:altName", entry.alt_name) if entry.alt_name else None,
            val("w:charset", entry.charset),
            val("w:family", entry.family),
            val("w:pitch", "variable"),
        )
        for kind, rid, key in entry.embeds:
            node.append(el(f"w:{kind}", {"r:id": rid, "fontKey": key}))
        root.append(node)


# --------------------------------------------------------------------------- streamed body

_NS_DECL = re.compile(rb' xmlns:([A-Za-z0-9]+)="([^"]*)"')


class BodySpool:
    """The document body, serialized part by part into a temporary file, so a long book
    never exists as one element tree (a few hundred bytes of C memory per element).

    Elements are serialized while attached to the document's body, then detached: each
    fragment's start tag repeats the namespace declarations of the document root, which
    are removed, so the spliced file is byte for byte what serializing the whole tree gives.
    """

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile()
        self._drawings = 1
        self._heads: dict[bytes, bytes] = {}  # start tag as serialized -> without root xmlns

    def add(self, body: Element, nodes: Iterable[Element]) -> None:
        """Serialize `nodes` as children of `body` (attached only while serialized)."""
        for node in nodes:
            self._drawings = renumber_drawings(node, self._drawings)
            body.append(node)
            self._write(body, etree.tostring(node, encoding="UTF-8"))
            # Emptied first: detaching a large subtree (a table of a thousand rows) makes
            # lxml redeclare namespaces node by node, which takes quadratic time.
            node.clear()
            body.remove(node)

    def add_table(self, body: Element, start: Element, rows: Iterable[Element]) -> None:
        """A table written row by row (`start` from table_start), so a table of thousands
        of rows is never held whole."""
        body.append(start)
        whole = etree.tostring(start, encoding="UTF-8")
        close = whole.rindex(b"</")
        self._write(body, whole[:close])
        self.add(start, rows)
        self.file.write(whole[close:])
        start.clear()
        body.remove(start)

    def _write(self, body: Element, data: bytes) -> None:
        """Write a fragment without the namespace declarations the document root has."""
        end = data.index(b">")
        head = self._heads.get(data[:end])
        if head is None:  # start tags repeat: a handful of distinct ones per book
            root_ns = {k: v for k, v in body.nsmap.items() if k}
            head = self._heads[data[:end]] = _NS_DECL.sub(
                lambda m: b"" if root_ns.get(m[1].decode()) == m[2].decode() else m[0],
                data[:end],
            )
        self.file.write(head)
        self.file.write(data[end:])

    def write_document(self, document: Element, stream: IO[bytes]) -> None:
        """document.xml: the root as python-docx serializes it, the spooled body first in
        <w:body>."""
        whole = etree.tostring(document, encoding="UTF-8", standalone=True)
        at = whole.index(b"<w:body>") + len(b"<w:body>")
        stream.write(whole[:at])
        self.file.seek(0)
        shutil.copyfileobj(self.file, stream, 1 << 20)
        stream.write(whole[at:])

    def close(self) -> None:
        self.file.close()

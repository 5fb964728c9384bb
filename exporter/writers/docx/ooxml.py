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
    widow_control: bool | None = None  # None: inherited
    border: Border | None = None
    shading: str | None = None  # RRGGBB fill
    tabs: list[tuple[str, int, str]] = field(default_factory=list)  # (align, pos twips, leader)
    cjk_breaking: bool = True
    snap_to_grid: bool | None = None
    line_twips: int | None = None  # exact line height
    line_auto: bool = False  # single spacing that grows with the line's content (a picture)
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
    """`w:pPr` for paragraph properties: style, keeps, breaks, widow control, tabs,
    indents in characters, spacing and line rule, alignment, borders and shading."""
    ppr = el("w:pPr")
    if style_id:
        ppr.append(val("w:pStyle", style_id))
    if p.keep_next:
        ppr.append(el("w:keepNext"))
    if p.page_break_before:
        ppr.append(el("w:pageBreakBefore"))
    if p.widow_control is not None:
        ppr.append(el("w:widowControl") if p.widow_control else val("w:widowControl", "0"))
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
    if p.line_auto:
        spacing.update(line="240", lineRule="auto")
    elif p.line_twips:
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
    # 3 pt around a cell's text, as the PDF pads its table cells (pdf/blocks.CELL_PAD).
    margins = el(
        "w:tblCellMar",
        {},
        el("w:top", {"w": "60", "type": "dxa"}),
        el("w:left", {"w": "60", "type": "dxa"}),
        el("w:bottom", {"w": "60", "type": "dxa"}),
        el("w:right", {"w": "60", "type": "dxa"}),
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
#
# The body is built as XML text, not as element trees: a long book has millions of runs,
# and an lxml element costs a Python proxy, C memory and a serialization pass. The strings
# are exactly what lxml writes for the same elements (escaping, empty-element tags,
# attribute order), so the file is byte for byte the same; tests/writers/docx checks it.

Run: TypeAlias = str  # one serialized w:r (or w:hyperlink) element
_TEXT_SPECIAL = re.compile("[&<>\r]")
_RUN_SPECIAL = re.compile("[&<>\r\n\t]")
_ATTR_SPECIAL = re.compile('[&<>"\r\n\t]')
_TEXT_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;"))
_ATTR_ESCAPES = (*_TEXT_ESCAPES, ('"', "&quot;"), ("\n", "&#10;"), ("\t", "&#9;"))
TAB_RUN = "<w:r><w:tab/></w:r>"
FIELD_CLOSE = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def escape_text(text: str) -> str:
    """Character data as libxml2 writes it."""
    if _TEXT_SPECIAL.search(text):
        for char, entity in _TEXT_ESCAPES:
            text = text.replace(char, entity)
    return text


def escape_attr(value: str) -> str:
    """An attribute value as libxml2 writes it (between double quotes)."""
    if _ATTR_SPECIAL.search(value):
        for char, entity in _ATTR_ESCAPES:
            value = value.replace(char, entity)
    return value


def _t(piece: str) -> str:
    if piece[0].isspace() or piece[-1].isspace():  # == piece != piece.strip()
        return f'<w:t xml:space="preserve">{escape_text(piece)}</w:t>'
    return f"<w:t>{escape_text(piece)}</w:t>"


@cache
def _run_props(char_style: str) -> str:
    return f'<w:rPr><w:rStyle w:val="{escape_attr(char_style)}"/></w:rPr>'


def run(text: str, char_style: str | None = None) -> Run:
    """A run of plain text; tabs and line feeds become w:tab / w:br."""
    return clean_run(clean_text(text), char_style)


def clean_run(text: str, char_style: str | None = None) -> Run:
    """`run` for text already passed through clean_text."""
    props = _run_props(char_style) if char_style else ""
    if not text:
        return f"<w:r>{props}</w:r>" if props else "<w:r/>"
    if not _RUN_SPECIAL.search(text):  # nearly every run: one w:t, nothing to escape
        if text[0].isspace() or text[-1].isspace():
            return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'
        return f"<w:r>{props}<w:t>{text}</w:t></w:r>"
    out = [props]
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                out.append("<w:tab/>")
            if piece:
                out.append(_t(piece))
    inner = "".join(out)
    return f"<w:r>{inner}</w:r>" if inner else "<w:r/>"


def tab_run() -> Run:
    return TAB_RUN


class Para:
    """A w:p under construction: properties, content runs, bookmarks and (for a
    section's last paragraph) the section properties."""

    __slots__ = ("content", "head", "marks", "sect")

    def __init__(self, head: str, content: list[Run]) -> None:
        self.head = head  # "<w:p><w:pPr>" and the properties, without "</w:pPr>"
        self.content = content
        self.marks: list[tuple[int, str]] = []
        self.sect = ""

    def append(self, run: Run) -> None:
        self.content.append(run)

    def xml(self) -> str:
        if not self.marks:
            return f"{self.head}{self.sect}</w:pPr>{''.join(self.content)}</w:p>"
        starts = "".join(
            f'<w:bookmarkStart w:id="{i}" w:name="{escape_attr(n)}"/>' for i, n in self.marks[::-1]
        )
        ends = "".join(f'<w:bookmarkEnd w:id="{i}"/>' for i, _ in self.marks)
        return f"{self.head}{self.sect}</w:pPr>{starts}{''.join(self.content)}{ends}</w:p>"


def paragraph(
    style_id: str,
    runs: Iterable[Run] = (),
    *,
    keep_next: bool = False,
    page_break_before: bool = False,
    outline_level: int | None = None,
    num: tuple[int, int] | None = None,
) -> Para:
    """A paragraph naming its style; only structural properties are set directly."""
    if num is None:
        head = _para_head(style_id, page_break_before, outline_level, keep_next)
        return Para(head, list(runs))
    head = f'<w:p><w:pPr><w:pStyle w:val="{escape_attr(style_id)}"/>'
    if keep_next:
        head += "<w:keepNext/>"
    if page_break_before:
        head += "<w:pageBreakBefore/>"
    head += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if outline_level is not None:
        head += f'<w:outlineLvl w:val="{outline_level}"/>'
    return Para(head, list(runs))


@cache
def _para_head(
    style_id: str, page_break_before: bool, outline_level: int | None, keep_next: bool = False
) -> str:
    head = f'<w:p><w:pPr><w:pStyle w:val="{escape_attr(style_id)}"/>'
    if keep_next:
        head += "<w:keepNext/>"
    if page_break_before:
        head += "<w:pageBreakBefore/>"
    if outline_level is not None:
        head += f'<w:outlineLvl w:val="{outline_level}"/>'
    return head


def bookmark(p: Para, name: str, ident: int) -> None:
    """Wrap a paragraph's content in a bookmark (a link and PAGEREF target)."""
    p.marks.append((ident, name))


def hyperlink(anchor: str, runs: Iterable[Run]) -> Run:
    head = f'<w:hyperlink w:anchor="{escape_attr(anchor)}" w:history="1"'
    inner = "".join(runs)
    return f"{head}>{inner}</w:hyperlink>" if inner else f"{head}/>"


def field_runs(instruction: str, cached: Sequence[Run]) -> list[Run]:
    """A complex field: begin, instruction, separate, cached result runs, end."""
    return [*field_open(instruction), *cached, FIELD_CLOSE]


def field_open(instruction: str) -> list[Run]:
    return [
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="false"/></w:r>',
        f'<w:r><w:instrText xml:space="preserve"> {escape_text(instruction)} </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
    ]


def field_close() -> Run:
    return FIELD_CLOSE


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


def drawing_run(body: Element, inline: Element, description: str, first_id: int) -> tuple[Run, int]:
    """Wrap python-docx's `wp:inline` picture in a run, with alt text for screen readers
    and drawing ids from `first_id` on; returns the run and the next free id. `body` is the
    document's body, which the run is serialized under."""
    doc_pr = inline.find(qn("wp:docPr"))
    if doc_pr is not None:
        doc_pr.set("descr", clean_text(description))
    node = el("w:r", {}, el("w:drawing", {}, inline))
    next_id = renumber_drawings(node, first_id)
    return serialize_under(body, node), next_id


_NS_DECL = re.compile(r' xmlns:([A-Za-z0-9]+)="([^"]*)"')


def serialize_under(parent: Element, node: Element) -> str:
    """`node` as it is written inside `parent`: the start tag without the namespace
    declarations `parent` already makes (attached only while serialized)."""
    parent.append(node)
    data = etree.tostring(node, encoding="unicode")
    parent.remove(node)
    end = data.index(">")
    scope = {k: v for k, v in parent.nsmap.items() if k}
    head = _NS_DECL.sub(lambda m: "" if scope.get(m[1]) == m[2] else m[0], data[:end])
    return head + data[end:]


_WRAP = f'<w:wrap xmlns:w="{nsmap["w"]}" xmlns:r="{nsmap["r"]}">{{}}</w:wrap>'


def to_element(xml: str) -> Element:
    """A serialized element (a paragraph, section properties) as an lxml element, for the
    few places python-docx's parts need one (headers, footers, the body's last sectPr)."""
    return parse_xml(_WRAP.format(xml).encode())[0]


# --------------------------------------------------------------------------- tables


def table_start(style_id: str, widths_twips: Sequence[int]) -> tuple[str, str]:
    """A table's opening (properties and grid) and its closing tag, for rows in between."""
    cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths_twips)
    head = (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{escape_attr(style_id)}"/>'
        f'<w:tblW w:w="{sum(widths_twips)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{cols}</w:tblGrid>"
    )
    return head, "</w:tbl>"


def table_row(
    widths_twips: Sequence[int],
    cells: Sequence[Para],
    is_header: bool = False,
    header_fill: str | None = None,
) -> str:
    """One row that never splits over pages; a header row repeats on every page."""
    out = ["<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if is_header else ROW_START]
    shade = (
        f'<w:shd w:val="clear" w:color="auto" w:fill="{escape_attr(header_fill)}"/>'
        if is_header and header_fill
        else ""
    )
    for width, content in zip(widths_twips, cells, strict=False):
        out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>')
        out.append(content.xml())
        out.append("</w:tc>")
    out.append("</w:tr>")
    return "".join(out)


ROW_START = "<w:tr><w:trPr><w:cantSplit/></w:trPr>"


# --------------------------------------------------------------------------- numbering


@dataclass
class ListIndent:
    left_chars: float
    first_line_chars: float
    char_twips: int  # one character's width, for the twips fallback


def abstract_num(
    ident: int, fmt: str, text: str, ind: ListIndent, suffix: str = "space"
) -> Element:
    """One-level list definition with its role's indents (a list's indents win over the
    paragraph style's in Word and LibreOffice alike)."""
    lvl = el(
        "w:lvl",
        {"ilvl": "0"},
        val("w:start", 1),
        val("w:numFmt", fmt),
        val("w:suff", suffix),
        val("w:lvlText", text),
        val("w:lvlJc", "left"),
        el("w:pPr", {}, _ind_el(ParaProps(
            left_chars=ind.left_chars, first_line_chars=ind.first_line_chars,
            char_twips=ind.char_twips,
        ))),
    )  # fmt: skip
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
    columns: int = 1
    column_gap: int = 425


def section_props(s: SectionDef) -> str:
    """`w:sectPr` for one section: header and footer references, break type, page size and
    margins, columns, page numbering, the document grid and odd/even titles."""
    out = ["<w:sectPr>"]
    for kind, rid in s.headers.items():
        out.append(f'<w:headerReference w:type="{kind}" r:id="{escape_attr(rid)}"/>')
    for kind, rid in s.footers.items():
        out.append(f'<w:footerReference w:type="{kind}" r:id="{escape_attr(rid)}"/>')
    out.append(f'<w:type w:val="{"nextPage" if s.new_page else "continuous"}"/>')
    out.append(f'<w:pgSz w:w="{s.width_twips}" w:h="{s.height_twips}"/>')
    out.append(
        f'<w:pgMar w:top="{s.top}" w:right="{s.right}" w:bottom="{s.bottom}" '
        f'w:left="{s.left}" w:header="{s.header}" w:footer="{s.footer}" w:gutter="0"/>'
    )
    if s.page_format:
        start = ' w:start="1"' if s.restart else ""
        out.append(f'<w:pgNumType w:fmt="{s.page_format}"{start}/>')
    if s.columns > 1:
        out.append(f'<w:cols w:num="{s.columns}" w:space="{s.column_gap}"/>')
    else:
        out.append('<w:cols w:space="425"/>')
    if s.title_page:
        out.append("<w:titlePg/>")
    if s.grid_pitch_twips:
        kind = "linesAndChars" if s.grid_char_space is not None else "lines"
        chars = f' w:charSpace="{s.grid_char_space}"' if s.grid_char_space is not None else ""
        out.append(f'<w:docGrid w:type="{kind}" w:linePitch="{s.grid_pitch_twips}"{chars}/>')
    else:  # no grid: line heights are the styles' own
        out.append('<w:docGrid w:linePitch="360"/>')
    out.append("</w:sectPr>")
    return "".join(out)


def attach_section(last_paragraph: Para, sect_pr: str) -> None:
    """A section other than the last ends with its properties in its last paragraph."""
    last_paragraph.sect += sect_pr


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
    subset_fonts: bool = True  # the embedded faces hold only the characters used


def fill_settings(root: Element, s: SettingsDef) -> None:
    """Rewrite settings.xml in schema order."""
    clear_children(root)
    root.append(el("w:zoom", {"percent": "100"}))
    if s.embed_fonts:
        root.append(el("w:embedTrueTypeFonts"))
        if s.subset_fonts:
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
    panose: str = ""  # 20 hex digits: the class Word matches a substitute on
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


def font_table(root: Element, entries: Sequence[FontEntry]) -> None:
    """fontTable.xml: one w:font per family, with w:embedRegular/w:embedBold when embedded."""
    clear_children(root)
    for entry in entries:
        node = el(
            "w:font",
            {"name": entry.name},
            val("w:altName", entry.alt_name) if entry.alt_name else None,
            val("w:panose1", entry.panose) if entry.panose else None,
            val("w:charset", entry.charset),
            val("w:family", entry.family),
            val("w:pitch", "variable"),
        )
        for kind, rid, key in entry.embeds:
            node.append(el(f"w:{kind}", {"r:id": rid, "fontKey": key}))
        root.append(node)


# --------------------------------------------------------------------------- streamed body

BodyItem: TypeAlias = Para | str  # a paragraph, or a serialized table


class BodySpool:
    """The document body, serialized part by part into a temporary file, so a long book
    never exists whole in memory."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile()

    def add(self, items: Iterable[BodyItem]) -> None:
        self.file.write(
            "".join([x if isinstance(x, str) else x.xml() for x in items]).encode("utf-8")
        )

    def add_table(self, start: tuple[str, str], rows: Iterable[str], batch: int = 500) -> None:
        """A table written row by row (`start` from table_start), so a table of thousands
        of rows is never held whole."""
        self.file.write(start[0].encode("utf-8"))
        held: list[str] = []
        for row in rows:
            held.append(row)
            if len(held) >= batch:
                self.add(held)
                held = []
        self.add(held)
        self.file.write(start[1].encode("utf-8"))

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

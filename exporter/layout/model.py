"""A validated layout: page geometry, fonts by role, styles by role, book parts.

Loaded from `layouts/<name>/layout.toml` by `exporter.layout.load`. Writers compile it into
their own styles (reportlab ParagraphStyle-like objects, Word styles); nothing else in the
program holds a size or a font name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

MM = 72.0 / 25.4  # points per millimetre


@dataclass
class Grid:
    """A document grid (GB/T 9704: 22 lines x 28 characters)."""

    lines: int
    chars: int


@dataclass
class PageSpec:
    width_mm: float = 210.0
    height_mm: float = 297.0
    top_mm: float = 25.0
    bottom_mm: float = 25.0
    inner_mm: float = 25.0  # binding side (left on odd pages)
    outer_mm: float = 20.0
    header_mm: float = 12.0  # distance of the header baseline area from the paper top
    footer_mm: float = 12.0  # distance of the footer from the paper bottom
    mirror: bool = False  # odd/even pages swap inner/outer margins
    grid: Grid | None = None

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - self.inner_mm - self.outer_mm

    @property
    def text_height_mm(self) -> float:
        return self.height_mm - self.top_mm - self.bottom_mm


@dataclass
class FontRole:
    """One typeface role: files for the PDF (first = main, rest = fallback chain) and
    the family names a Word document references."""

    name: str  # serif | sans | kai | fangsong | title …
    files: list[str]  # file names in fonts/ (regular weight), main font first
    bold_files: list[str] = field(default_factory=list)
    docx_family: str = ""  # East Asian family name written into Word styles
    docx_latin: str = ""  # Latin family name for Word (w:ascii / w:hAnsi)
    docx_alt: str = ""  # stock Windows name Word falls back to (fontTable w:altName)


@dataclass
class Style:
    role: str
    font: str = "serif"  # a FontRole name
    size_pt: float = 10.5
    leading_pt: float = 18.0  # baseline-to-baseline distance
    bold: bool = False
    italic: bool = False
    color: str = "#000000"
    align: str = "justify"  # justify | left | center | right
    first_line_chars: float = 0.0  # first-line indent in characters (2 = 两字)
    left_chars: float = 0.0  # left indent in characters
    space_before_pt: float = 0.0
    space_after_pt: float = 0.0
    keep_with_next: bool = False
    page_break_before: bool = False
    background: str | None = None  # box fill colour
    border: str | None = None  # box rule colour
    letter_spacing_pt: float = 0.0
    padding_em: float = 0.6  # a box's (or a chart picture's) inner margin, in ems of `size`
    label_color: str = "#222222"  # a chart's bar labels and values (DOCX picture)
    axis_color: str = "#CCCCCC"  # a chart's axis line (DOCX picture)


@dataclass
class Labels:
    """The book's own words around a case: part labels, notes and marks (`[labels]`)."""

    summary: str = "内容摘要："  # lead of the summary paragraph
    figures: str = "关键数据"
    figure: str = "数据"  # key-figures table header: the figure column
    figure_label: str = "说明"  # … and the sentence column
    practices: str = "主要做法"
    body: str = "正文"  # only when a case prints more than its body
    lessons: str = "经验启示"
    note: str = "【编者注】"  # before an editor's note (truncated source)
    generated: str = "（编者拟）"  # after a title the tool wrote
    continued: str = "（续）"  # an index entry whose page numbers go on in the next column


@dataclass
class HeaderFooter:
    header: bool = True  # running header on body pages (text comes from the plan's parts)
    header_rule: bool = True
    footer: str = "{page}"  # page-number text; `{page}` is replaced by the number
    footer_align: str = "center"  # center | outer | inner | left | right
    footer_offset_mm: float | None = None  # distance below the type area (GB/T 9704: 7 mm)


@dataclass
class Layout:
    name: str
    description: str
    path: Path  # folder the layout was loaded from
    page: PageSpec
    fonts: dict[str, FontRole]
    styles: dict[str, Style]
    parts: list[
        str
    ]  # cover, preface, toc, overview, chapters, index_regions, index_keywords, sources
    group_by: str = "theme"  # theme | region | source
    case_parts: list[str] = field(
        default_factory=lambda: [
            "source_line",
            "summary",
            "figures",
            "practices",
            "body",
            "lessons",
        ]
    )
    header_footer: HeaderFooter = field(default_factory=HeaderFooter)
    templates: dict[str, str] = field(default_factory=dict)  # fragment name -> template source
    embed_fonts: bool = True  # DOCX: embed subset fonts
    labels: Labels = field(default_factory=Labels)

    def style(self, role: str) -> Style:
        """The style for a role; unknown roles fall back to `body` (validated layouts
        define every role the assembler emits)."""
        return self.styles.get(role) or self.styles["body"]

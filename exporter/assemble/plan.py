"""The book plan: what the book contains, as plain data both writers render.

Every text in a plan is final plain text (templates already applied, punctuation final);
writers only place it. A block names a *role* (`body`, `summary`, `heading-2` …) that the
layout maps to a style; no block carries a font or a size. A block names its *kind* too
(`heading`, `para`, `figures` …, one of KINDS): writers look their handler up by it, never
guess from a block's content how to set it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, TypeAlias


@dataclass
class Heading:
    kind: ClassVar[str] = "heading"
    level: int  # 1 chapter, 2 case title, 3 inner heading, 4 inner sub-heading
    text: str
    role: str  # heading-1 … heading-4
    anchor: str | None = None  # link target id (stable, ASCII)
    toc: bool = True  # listed in the table of contents
    outline: bool = True  # listed in the PDF outline / Word navigation pane
    generated: bool = False  # title written by the tool, not printed in the source


@dataclass
class Para:
    kind: ClassVar[str] = "para"
    text: str
    role: str = "body"
    lead: str | None = None  # a prefix of `text` set in bold (lead phrase)
    anchor: str | None = None


@dataclass
class Box:
    """A framed or shaded group (summary box, case card)."""

    kind: ClassVar[str] = "box"
    blocks: list[Block]
    role: str = "summary-box"


@dataclass
class Table:
    """Rows of cells. Kind `table`: a grid with a header row; kind `figures`: a case's key
    figures, rows of (figure, label), set as leader lines (label …… figure) that fill the
    measure like body lines."""

    header: list[str]
    rows: list[list[str]]
    role: str = "figures-table"
    widths: list[float] = field(default_factory=list)  # relative column widths
    kind: str = "table"  # table | figures


@dataclass
class ListBlock:
    kind: ClassVar[str] = "list"
    items: list[str]
    ordered: bool = True
    role: str = "list-item"


@dataclass
class Chart:
    """A horizontal bar chart both writers draw (PDF: vector; DOCX: an image)."""

    kind: ClassVar[str] = "chart"
    title: str
    bars: list[tuple[str, int]]
    role: str = "chart"


@dataclass
class IndexEntry:
    text: str
    level: int  # 1 province / keyword, 2 city, 3 county …
    targets: list[tuple[str, str]] = field(default_factory=list)  # (anchor, label)


@dataclass
class Index:
    kind: ClassVar[str] = "index"
    entries: list[IndexEntry]
    role: str = "index"


@dataclass
class TocBlock:
    """Where the table of contents goes; writers fill it from the plan's headings."""

    kind: ClassVar[str] = "toc"
    title: str
    max_level: int = 2


@dataclass
class PageBreak:
    kind: ClassVar[str] = "pagebreak"


Block: TypeAlias = Heading | Para | Box | Table | ListBlock | Chart | Index | TocBlock | PageBreak
# Every block kind; each writer has one handler per kind (tests check they are all covered).
KINDS = ("heading", "para", "box", "table", "figures", "list", "chart", "index", "toc", "pagebreak")


@dataclass
class Part:
    kind: str  # cover | front | toc | chapter | back
    title: str
    blocks: list[Block]
    header: str = ""  # running header text for this part's pages ("" = none)
    numbering: str = "arabic"  # none | roman | arabic
    new_page: bool = True


@dataclass
class BookMeta:
    title: str
    subtitle: str = ""
    editor: str = ""
    date: str = ""
    subject: str = ""
    keywords: list[str] = field(default_factory=list)
    language: str = "zh-CN"


@dataclass
class Book:
    meta: BookMeta
    parts: list[Part]
    # Case ids in book order; the JSON and Markdown writers and tests use it.
    case_ids: list[str] = field(default_factory=list)

    def blocks(self) -> list[Block]:
        return [b for p in self.parts for b in p.blocks]

    def headings(self) -> list[Heading]:
        out: list[Heading] = []
        for b in self.blocks():
            if isinstance(b, Heading):
                out.append(b)
        return out

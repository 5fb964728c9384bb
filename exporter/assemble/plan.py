"""The book plan: what the book contains, as plain data both writers render.

Every text in a plan is final plain text (templates already applied, punctuation final);
writers only place it. A block names a *role* (`body`, `summary`, `heading-2` …) that the
layout maps to a style; no block carries a font or a size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeAlias


@dataclass
class Heading:
    level: int  # 1 chapter, 2 case title, 3 inner heading, 4 inner sub-heading
    text: str
    role: str  # heading-1 … heading-4
    anchor: str | None = None  # link target id (stable, ASCII)
    toc: bool = True  # listed in the table of contents
    outline: bool = True  # listed in the PDF outline / Word navigation pane
    generated: bool = False  # title written by the tool, not printed in the source


@dataclass
class Para:
    text: str
    role: str = "body"
    lead: str | None = None  # a prefix of `text` set in bold (lead phrase)
    anchor: str | None = None


@dataclass
class Box:
    """A framed or shaded group (summary box, case card)."""

    blocks: list[Block]
    role: str = "summary-box"


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    role: str = "figures-table"
    widths: list[float] = field(default_factory=list)  # relative column widths


@dataclass
class ListBlock:
    items: list[str]
    ordered: bool = True
    role: str = "list-item"


@dataclass
class Chart:
    """A horizontal bar chart both writers draw (PDF: vector; DOCX: an image)."""

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
    entries: list[IndexEntry]
    role: str = "index"


@dataclass
class TocBlock:
    """Where the table of contents goes; writers fill it from the plan's headings."""

    title: str
    max_level: int = 2


@dataclass
class PageBreak:
    pass


Block: TypeAlias = Heading | Para | Box | Table | ListBlock | Chart | Index | TocBlock | PageBreak


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

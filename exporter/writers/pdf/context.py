"""Per-build state shared by the flowables and the page template.

Page references work in one pass: an anchor drawn before a reference (index entries at the
back of the book) prints its page label directly; a reference drawn before its anchor (the
table of contents) draws a form XObject that is filled in with the label once the whole book
is laid out. Links point at named destinations, which PDF resolves at save time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from exporter.assemble.plan import Part
from exporter.layout.model import Layout
from exporter.writers.pdf.draw import Missing
from exporter.writers.pdf.faces import Encoder
from exporter.writers.pdf.styles import StyleSheet

ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc")]
ROMAN += [(50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def roman(n: int) -> str:
    out = []
    for value, digits in ROMAN:
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def form_name(anchor: str) -> str:
    return "pgref_" + anchor


@dataclass(eq=False)
class Context:
    layout: Layout
    styles: StyleSheet
    known_anchors: set[str]
    missing: Missing = field(default_factory=Missing)
    enc: Encoder | None = None
    anchor_pages: dict[str, str] = field(default_factory=dict)  # anchor -> page label
    forward: dict[str, str] = field(default_factory=dict)  # anchor -> role, referenced early
    current_part: Part | None = None
    page_part: Part | None = None
    page_has_content: bool = False
    page_label: str | None = None
    page: int = 0
    arabic: int = 0
    roman_n: int = 0
    outline_level: int = -1

    def encoder(self, canv: Any) -> Encoder:
        if self.enc is None:
            self.enc = Encoder(canv._doc, canv._escape)
        return self.enc

    def begin_page(self, page: int) -> None:
        self.page = page
        self.page_part = self.current_part
        self.page_has_content = False
        self.page_label = None

    def label(self) -> str:
        """The current page's number as printed (counters advance on first use per page)."""
        if self.page_label is None:
            numbering = self.page_part.numbering if self.page_part else "arabic"
            if numbering == "roman":
                self.roman_n += 1
                self.page_label = roman(self.roman_n)
            elif numbering == "arabic":
                self.arabic += 1
                self.page_label = str(self.arabic)
            else:
                self.page_label = ""
        return self.page_label

    def start_part(self, part: Part) -> None:
        self.current_part = part
        if not self.page_has_content:
            self.page_part = part

    def mark_anchor(self, canv: Any, anchor: str, top: float) -> None:
        canv.bookmarkHorizontal(anchor, 0, top)
        self.anchor_pages[anchor] = self.label()

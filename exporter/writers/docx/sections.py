"""Sections: page geometry from the layout, running headers and page-number footers.

One section per book part. Header and footer parts are shared between sections with the
same content, so a 20-chapter book does not carry 80 copies of the same footer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.document import Document

from exporter.assemble.plan import Part
from exporter.layout.model import Layout
from exporter.writers.docx import ooxml
from exporter.writers.docx.styles import MM_TWIPS, StyleSheet
from exporter.writers.docx.text import TextSetter

PT_TWIPS = 20
PAGE_FORMATS = {"roman": "lowerRoman", "arabic": "decimal"}


def _mm(value: float) -> int:
    return round(value * MM_TWIPS)


def even_odd(layout: Layout) -> bool:
    return layout.header_footer.footer_align in ("outer", "inner")


@dataclass
class SectionMaker:
    doc: Document
    layout: Layout
    sheet: StyleSheet
    setter: TextSetter
    _parts: dict[tuple[str, str, str], str] = field(default_factory=dict)
    _started: set[str] = field(default_factory=set)

    def section(self, part: Part) -> str:
        page = self.layout.page
        sides = ("default", "even") if even_odd(self.layout) else ("default",)
        header_text = part.header if self.layout.header_footer.header else ""
        numbered = part.numbering in PAGE_FORMATS
        fmt = PAGE_FORMATS.get(part.numbering)
        restart = fmt is not None and fmt not in self._started
        if fmt:
            self._started.add(fmt)
        s = ooxml.SectionDef(
            width_twips=_mm(page.width_mm),
            height_twips=_mm(page.height_mm),
            top=_mm(page.top_mm),
            bottom=_mm(page.bottom_mm),
            left=_mm(page.inner_mm),
            right=_mm(page.outer_mm),
            header=_mm(page.header_mm),
            footer=_mm(page.footer_mm),
            headers={side: self._header(header_text, side) for side in sides},
            footers={side: self._footer(numbered, side) for side in sides},
            new_page=part.new_page,
            page_format=fmt,
            restart=restart,
        )
        self._grid(s)
        return ooxml.section_props(s)

    def _grid(self, s: ooxml.SectionDef) -> None:
        """GB/T 9704 grid: N lines per page (characters per line come from the body
        styles' character spacing, see styles.grid_spacing_twips)."""
        grid = self.layout.page.grid
        if grid is not None:
            s.grid_pitch_twips = int(self.layout.page.text_height_mm * MM_TWIPS / grid.lines)

    def _header(self, text: str, side: str) -> str:
        key = ("header", text, "")  # odd and even pages share one header part
        if key not in self._parts:
            part, rid = self.doc.part.add_header_part()
            ooxml.clear_children(part.element)
            # No text, no header style: its rule would draw a line over an empty header.
            style = self.sheet.para("header") if text else "Normal"
            self.setter.where = "header"
            part.element.append(
                ooxml.to_element(ooxml.paragraph(style, self.setter.runs(text, style)).xml())
            )
            self._parts[key] = rid
        return self._parts[key]

    def _footer(self, numbered: bool, side: str) -> str:
        key = ("footer", str(numbered), side)
        if key not in self._parts:
            part, rid = self.doc.part.add_footer_part()
            ooxml.clear_children(part.element)
            style = self.sheet.footer_style(side)
            runs = self._page_number_runs(style) if numbered else []
            part.element.append(ooxml.to_element(ooxml.paragraph(style, runs).xml()))
            self._parts[key] = rid
        return self._parts[key]

    def _page_number_runs(self, style: str) -> list[ooxml.Run]:
        before, _, after = self.layout.header_footer.footer.partition("{page}")
        self.setter.where = "footer"
        # Digits and roman numerals the PAGE field will show must be in the subset.
        self.setter.runs("0123456789ivxlcdm", style)
        return [
            *self.setter.runs(before, style),
            *ooxml.field_runs("PAGE", self.setter.runs("1", style)),
            *self.setter.runs(after, style),
        ]

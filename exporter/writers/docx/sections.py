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
from exporter.writers.docx.grid import column_gap_twips
from exporter.writers.docx.styles import MM_TWIPS, StyleSheet
from exporter.writers.docx.text import TextSetter

PAGE_FORMATS = {"roman": "lowerRoman", "arabic": "decimal"}
HEADING_1 = "heading 1"  # Word's built-in style name (any UI language)


def _side(side: str, swap: bool) -> str:
    """The footer variant for Word's `default` (odd-numbered) or `even` pages."""
    if not swap:
        return side
    return "even" if side == "default" else "default"


def _mm(value: float) -> int:
    return round(value * MM_TWIPS)


def even_odd(layout: Layout) -> bool:
    return layout.header_footer.footer_align in ("outer", "inner")


@dataclass
class SectionPlan:
    """How one section starts: its first part, the break before it, its columns, and
    whether its odd-numbered pages are left-hand pages (a numbering that restarts on an
    even physical page, as the PDF, which alternates by physical page, has it)."""

    part: Part
    new_page: bool = True
    columns: int = 1
    swap_sides: bool = False


@dataclass
class SectionMaker:
    doc: Document
    layout: Layout
    sheet: StyleSheet
    setter: TextSetter
    _parts: dict[tuple[str, str, str], str] = field(default_factory=dict)
    _started: set[str] = field(default_factory=set)

    def section(self, plan: SectionPlan) -> str:
        """The section properties of one planned section: its page numbering (restarted where
        a numbering starts), running header (a STYLEREF field) and footer parts, columns."""
        page, part = self.layout.page, plan.part
        sides = ("default", "even") if even_odd(self.layout) else ("default",)
        header_text = part.header if self.layout.header_footer.header else ""
        numbered = part.numbering in PAGE_FORMATS
        fmt = PAGE_FORMATS.get(part.numbering)
        restart = fmt is not None and fmt not in self._started
        if fmt:
            self._started.add(fmt)
        inner, outer = _mm(page.inner_mm), _mm(page.outer_mm)
        if plan.swap_sides and page.mirror:
            inner, outer = outer, inner
        s = ooxml.SectionDef(
            width_twips=_mm(page.width_mm),
            height_twips=_mm(page.height_mm),
            top=_mm(page.top_mm),
            bottom=_mm(page.bottom_mm),
            left=inner,
            right=outer,
            header=_mm(page.header_mm),
            footer=self._footer_distance(),
            headers={side: self._header(header_text, part.title) for side in sides},
            footers={side: self._footer(numbered, _side(side, plan.swap_sides)) for side in sides},
            new_page=plan.new_page,
            page_format=fmt,
            restart=restart,
            columns=plan.columns,
            column_gap=column_gap_twips(self.layout),
        )
        self._grid(s)
        return ooxml.section_props(s)

    def _footer_distance(self) -> int:
        """Paper bottom to the footer's bottom. With `footer_offset_mm` (GB/T 9704: the
        number 7 mm below the type area) the footer line's top sits that far below it."""
        page, hf = self.layout.page, self.layout.header_footer
        if hf.footer_offset_mm is None:
            return _mm(page.footer_mm)
        line_mm = self.layout.style("footer").leading_pt * 25.4 / 72
        return _mm(max(page.bottom_mm - hf.footer_offset_mm - line_mm, 0.0))

    def _grid(self, s: ooxml.SectionDef) -> None:
        """GB/T 9704 grid: N lines per page (characters per line come from the body
        styles' character spacing, see styles.grid_spacing_twips)."""
        grid = self.layout.page.grid
        if grid is not None:
            s.grid_pitch_twips = int(self.layout.page.text_height_mm * MM_TWIPS / grid.lines)

    def _header(self, text: str, title: str) -> str:
        """A header part; the part's title in it becomes a STYLEREF field to the chapter
        heading, so renaming a chapter renames its header (and one part serves all)."""
        before, found, after = text.partition(title) if title else (text, "", "")
        # LibreOffice (7.4) shows a STYLEREF's cached result: parts are shared only
        # between sections of the same title.
        key = ("header", text, title if found else "")
        if key not in self._parts:
            part, rid = self.doc.part.add_header_part()
            ooxml.clear_children(part.element)
            # No text, no header style: its rule would draw a line over an empty header.
            style = self.sheet.para("header") if text else "Normal"
            self.setter.where = "header"
            runs = self.setter.runs(before, style)
            if found:
                cached = self.setter.runs(title, style)
                runs += ooxml.field_runs(f'STYLEREF "{HEADING_1}"', cached)
                runs += self.setter.runs(after, style)
            part.element.append(ooxml.to_element(ooxml.paragraph(style, runs).xml()))
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

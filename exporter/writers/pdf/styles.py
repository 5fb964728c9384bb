"""The PDF style compiler: a layout's roles -> the measures the PDF writer draws with.

Grid layouts (GB/T 9704: 22 lines x 28 characters) fix the character pitch and the line
pitch from the type area: pitch = width / chars, line = height / lines. Styles set at the
body size get the tracking that makes their characters sit on that pitch, and styles whose
leading is within 1 pt of the line pitch snap to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.colors import Color, HexColor

from exporter.layout.model import MM, Layout, Style
from exporter.writers.pdf.faces import Chain, chain_for

ASCENT = 0.88  # CJK em box: ideographic top 0.88 em above the baseline (Noto, WenKai)


@dataclass(eq=False)
class PStyle:
    role: str
    chain: Chain  # faces for the text (bold chain if the style is bold)
    lead_chain: Chain  # faces for a bold lead phrase
    size: float
    leading: float
    tracking: float  # extra advance per character (pt)
    color: Color
    align: str
    first_indent: float  # pt
    left_indent: float  # pt
    space_before: float
    space_after: float
    keep_with_next: bool
    page_break_before: bool
    background: Color | None
    border: Color | None
    hanging: dict[float, PStyle] = field(default_factory=dict, repr=False)  # list variants

    @property
    def em(self) -> float:
        """The character pitch: one full-width character's advance."""
        return self.size + self.tracking

    @property
    def baseline(self) -> float:
        """Distance from the top of a line slot to its baseline (em box centred in the slot)."""
        return (self.leading - self.size) / 2 + ASCENT * self.size


def _color(value: str | None) -> Color | None:
    return HexColor(value) if value else None


def grid_pitch(layout: Layout) -> tuple[float, float] | None:
    """(character pitch, line pitch) in pt for a grid layout, else None."""
    grid = layout.page.grid
    if grid is None:
        return None
    return layout.page.text_width_mm * MM / grid.chars, layout.page.text_height_mm * MM / grid.lines


def compile_style(layout: Layout, st: Style) -> PStyle:
    """The PDF style of one layout role: font chain, size, leading, colours, spacing,
    indents and keeps, resolved once per role."""
    role = layout.fonts.get(st.font) or layout.fonts[layout.style("body").font]
    size, leading, tracking = st.size_pt, st.leading_pt, st.letter_spacing_pt
    pitches = grid_pitch(layout)
    if pitches is not None:
        char_pitch, line_pitch = pitches
        if abs(size - layout.style("body").size_pt) < 0.01:
            tracking = char_pitch - size
        if abs(leading - line_pitch) < 1.0:
            leading = line_pitch
    em = size + tracking
    chain = chain_for(role, st.bold)
    return PStyle(
        role=st.role,
        chain=chain,
        lead_chain=chain_for(role, True),
        size=size,
        leading=leading,
        tracking=tracking,
        color=_color(st.color) or HexColor("#000000"),
        align=st.align,
        first_indent=st.first_line_chars * em,
        left_indent=st.left_chars * em,
        space_before=st.space_before_pt,
        space_after=st.space_after_pt,
        keep_with_next=st.keep_with_next,
        page_break_before=st.page_break_before,
        background=_color(st.background),
        border=_color(st.border),
    )


class StyleSheet:
    """Compiled styles by role, built on first use."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._cache: dict[str, PStyle] = {}

    def __getitem__(self, role: str) -> PStyle:
        st = self._cache.get(role)
        if st is None:
            st = self._cache[role] = compile_style(self.layout, self.layout.style(role))
            st.role = role
        return st

"""Measures a Word file needs from the layout's grid: index column gaps and the character
spacing that holds GB/T 9704's characters-per-line grid."""

from __future__ import annotations

import math

from exporter.layout.model import Layout, Style


def column_gap_twips(layout: Layout) -> int:
    """The gap between an index's two columns: two body characters, as in the PDF."""
    return round(2 * layout.style("body").size_pt * 20)


def grid_spacing_twips(layout: Layout, st: Style) -> int | None:
    """Character spacing that fits the grid's characters per line at body size
    (GB/T 9704: 28 x 16 pt in 156 mm needs -0.25 pt). A lines-only grid plus this spacing
    gives 28 characters in Word and LibreOffice alike; a character grid does not (LibreOffice
    puts a 16 pt character in two cells of a 15.8 pt grid)."""
    grid = layout.page.grid
    if grid is None or st.size_pt != layout.style("body").size_pt or st.letter_spacing_pt:
        return None
    pitch_pt = layout.page.text_width_mm * 72 / 25.4 / grid.chars
    return math.floor((pitch_pt - st.size_pt) * 20) or None

"""The overview bar chart as a PNG (Word has no vector chart we could write without a
spreadsheet part). Drawn with Pillow, which reportlab already depends on."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

DPI = 200
BAR = (0x8C, 0x2D, 0x2D)
TEXT = (0x22, 0x22, 0x22)
GRID = (0xCC, 0xCC, 0xCC)


def _px(pt: float) -> int:
    return round(pt * DPI / 72)


def bar_chart_png(
    bars: list[tuple[str, int]],
    font_file: Path,
    width_pt: float,
    size_pt: float,
    colour: str | None = None,
) -> tuple[bytes, float, float]:
    """Horizontal bars, one row per (label, value); returns (png, width_pt, height_pt)."""
    font = ImageFont.truetype(str(font_file), _px(size_pt))
    row = _px(size_pt * 2.0)
    pad = _px(size_pt * 0.6)
    label_w = max((font.getlength(label) for label, _ in bars), default=0)
    value_w = max((font.getlength(str(v)) for _, v in bars), default=0)
    width = _px(width_pt)
    height = row * max(len(bars), 1) + 2 * pad
    img = Image.new("RGB", (width, height), (0xFF, 0xFF, 0xFF))
    draw = ImageDraw.Draw(img)
    x0 = int(label_w) + 2 * pad
    span = max(width - x0 - int(value_w) - 3 * pad, 1)
    top = max((v for _, v in bars), default=1) or 1
    fill = tuple(int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)) if colour else BAR
    draw.line([(x0, pad), (x0, height - pad)], fill=GRID, width=2)
    for i, (label, value) in enumerate(bars):
        y = pad + i * row
        mid = y + row // 2
        draw.text((x0 - pad, mid), label, font=font, fill=TEXT, anchor="rm")
        length = round(span * value / top)
        draw.rectangle([x0, y + row // 5, x0 + length, y + row - row // 5], fill=fill)
        draw.text((x0 + length + pad, mid), str(value), font=font, fill=TEXT, anchor="lm")
    out = io.BytesIO()
    img.save(out, format="PNG", dpi=(DPI, DPI), optimize=False)
    return out.getvalue(), width * 72 / DPI, height * 72 / DPI

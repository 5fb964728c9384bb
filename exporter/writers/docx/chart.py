"""The overview bar chart as a PNG (Word has no vector chart we could write without a
spreadsheet part). Drawn with Pillow, which reportlab already depends on."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from exporter.layout.model import Style

DPI = 200


def _px(pt: float) -> int:
    return round(pt * DPI / 72)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def bar_chart_png(
    bars: list[tuple[str, int]], font_file: Path, width_pt: float, st: Style
) -> tuple[bytes, float, float]:
    """Horizontal bars, one row per (label, value), in the chart style's size, colours
    (bars: `color`, labels: `label_color`, axis: `axis_color`) and padding; returns
    (png, width_pt, height_pt)."""
    size_pt = st.size_pt
    font = ImageFont.truetype(str(font_file), _px(size_pt))
    row = _px(size_pt * 2.0)
    pad = _px(size_pt * st.padding_em)
    label_w = max((font.getlength(label) for label, _ in bars), default=0)
    value_w = max((font.getlength(str(v)) for _, v in bars), default=0)
    width = _px(width_pt)
    height = row * max(len(bars), 1) + 2 * pad
    img = Image.new("RGB", (width, height), (0xFF, 0xFF, 0xFF))
    draw = ImageDraw.Draw(img)
    x0 = int(label_w) + 2 * pad
    span = max(width - x0 - int(value_w) - 3 * pad, 1)
    top = max((v for _, v in bars), default=1) or 1
    fill, text = _rgb(st.color), _rgb(st.label_color)
    draw.line([(x0, pad), (x0, height - pad)], fill=_rgb(st.axis_color), width=2)
    for i, (label, value) in enumerate(bars):
        y = pad + i * row
        mid = y + row // 2
        draw.text((x0 - pad, mid), label, font=font, fill=text, anchor="rm")
        length = round(span * value / top)
        draw.rectangle([x0, y + row // 5, x0 + length, y + row - row // 5], fill=fill)
        draw.text((x0 + length + pad, mid), str(value), font=font, fill=text, anchor="lm")
    out = io.BytesIO()
    img.save(out, format="PNG", dpi=(DPI, DPI), optimize=False)
    return out.getvalue(), width * 72 / DPI, height * 72 / DPI

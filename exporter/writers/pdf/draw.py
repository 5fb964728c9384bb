"""Line drawing: one text object per paragraph, one TJ array per line and font run.

Justification, Han–Latin spacing and mark compression are TJ adjustments between glyphs,
so the advance of every glyph stays its own (text extraction sees exact glyph boxes and the
last glyph of a justified line ends on the margin). Tracking is a TJ adjustment too, not
`Tc`: some extractors (pdfminer) drop `Tc` at every TJ boundary, and a line switches TJ
arrays at each font subset. A
character no font of the chain has is drawn as an outlined box and reported.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from exporter.writers.pdf.faces import Chain, Encoder, EncodeTable
from exporter.writers.pdf.linebreak import Line, Prepared


@dataclass
class Missing:
    """Characters drawn as boxes because no font of their chain has them."""

    chars: dict[str, set[str]] = field(default_factory=dict)  # char -> where

    def add(self, char: str, where: str) -> None:
        self.chars.setdefault(char, set()).add(where)


def _num(v: float) -> str:
    out = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if out in ("", "-0") else out


def line_ops(
    pp: Prepared,
    line: Line,
    tab: EncodeTable,
    lead_tab: EncodeTable,
    size_op: str,
    boxes: list[tuple[int, float]],
    tracking: float = 0.0,
) -> list[str]:
    """PDF operators drawing one line from the current text position: one TJ array per font
    subset run, glyphs joined with the line's common adjustment; boundaries inside words and
    with extra space are cut points. Characters without a font are appended to `boxes` as
    (index, x from the line start)."""
    a, e, lead = line.start, line.end, pp.lead
    if e <= a:
        return []
    seg = pp.text[a:e]
    names: tuple[str, ...] | None = None  # per-character font names; None: all in one face
    escs: Sequence[str]
    if a >= lead and tab.in_main_face(seg):  # most lines: one face, no per-char tuples
        font = tab.main_name
        escs = list(map(tab.esc.__getitem__, seg))
    else:
        if a < lead:
            enc = [lead_tab[c] for c in seg[: lead - a]] + [tab[c] for c in seg[lead - a :]]
        else:
            enc = list(map(tab.__getitem__, seg))
        try:
            names, escs = zip(*enc, strict=True)
        except TypeError:  # a character without a font (None)
            return _line_ops_slow(pp, line, tab, lead_tab, size_op, boxes, tracking)
        font = names[0]
    k = -1000.0 / pp.size
    common = line.gap + tracking
    n = e - a
    cuts = _font_cuts(names, font, n)
    special = _special_gaps(pp, line, tracking)
    if special:
        cuts = sorted(set(cuts).union(special))
    cuts.append(n)
    sep = ")" + _num(common * k) + "(" if abs(common) > 1e-6 else ""
    ops = [font + size_op]
    items: list[str] = []
    p = 0
    for q in cuts:
        if p:
            if names is not None and names[p] != font:
                ops.append("[" + "".join(items) + "] TJ")
                items = []
                font = names[p]
                ops.append(font + size_op)
            adj = special.get(p, common)
            if abs(adj) > 1e-6:
                items.append(_num(adj * k))
        items.append("(" + sep.join(escs[p:q]) + ")")
        p = q
    ops.append("[" + "".join(items) + "] TJ")
    return ops


def _font_cuts(names: tuple[str, ...] | None, font: str, n: int) -> list[int]:
    """Offsets in the line where the font changes."""
    if names is None or names.count(font) == n:
        return []
    return [j for j in range(1, n) if names[j] != names[j - 1]]


def _special_gaps(pp: Prepared, line: Line, tracking: float) -> dict[int, float]:
    """Offset in the line -> space before that glyph, where it is not the common gap
    (Han-Latin space, inside unbreakable runs)."""
    a, exc = line.start, pp.exceptions
    special: dict[int, float] = {}
    for i in exc[bisect_right(exc, a) : bisect_left(exc, line.end)]:
        adj = pp.extra.get(i, 0.0) + tracking
        if not pp.fixed[i]:
            adj += line.gap
        special[i - a] = adj
    return special


def _line_ops_slow(
    pp: Prepared,
    line: Line,
    tab: dict[str, tuple[str, str] | None],
    lead_tab: dict[str, tuple[str, str] | None],
    size_op: str,
    boxes: list[tuple[int, float]],
    tracking: float = 0.0,
) -> list[str]:
    """Character by character, for lines with characters no font has (drawn as boxes)."""
    text, fixed, extra, pos = pp.text, pp.fixed, pp.extra, pp.pos
    k = -1000.0 / pp.size
    gap, a, lead = line.gap, line.start, pp.lead
    ops: list[str] = []
    items: list[str] = []
    run: list[str] = []
    font = ""
    pending = 0.0
    for i in range(a, line.end):
        if i > a:
            adj = extra.get(i, 0.0) + tracking
            if not fixed[i]:
                adj += gap
            pending += adj
        t = (lead_tab if i < lead else tab)[text[i]]
        if t is None:
            x = pos[i] - pos[a] + gap * _exp_before(pp, a, i)
            boxes.append((i, x))
            pending += pos[i + 1] - pos[i] - extra.get(i + 1, 0.0) - tracking
            continue
        name, s = t
        if name != font:
            if run:
                items.append("(" + "".join(run) + ")")
                run = []
            if items:
                ops.append("[" + "".join(items) + "] TJ")
                items = []
            ops.append(name + size_op)
            font = name
        if pending:
            if run:
                items.append("(" + "".join(run) + ")")
                run = []
            items.append(_num(pending * k))
            pending = 0.0
        run.append(s)
    if run:
        items.append("(" + "".join(run) + ")")
    if items:
        ops.append("[" + "".join(items) + "] TJ")
    return ops


def _exp_before(pp: Prepared, a: int, i: int) -> int:
    """Expandable boundaries between char a and char i (exclusive of a's left side)."""
    return (i - a) - (pp.fixed_sum[i + 1] - pp.fixed_sum[a + 1])


def draw_paragraph(
    canv: Any,
    enc: Encoder,
    pp: Prepared,
    lines: list[Line],
    chain: Chain,
    lead_chain: Chain,
    color: Any,
    tracking: float,
    top: float,
    leading: float,
    baseline: float,
    missing: Missing,
    where: str,
    left: float = 0.0,
) -> None:
    """Draw `lines` with the first line's slot top at `top` (flowable coordinates)."""
    tab = enc.table(chain)
    lead_tab = enc.table(lead_chain)
    size_op = f" {_num(pp.size)} Tf"
    code: list[str] = ["BT"]
    boxes: list[tuple[int, float, float]] = []
    y = top - baseline
    for line in lines:
        code.append(f"1 0 0 1 {left + line.x:.2f} {y:.2f} Tm")
        found: list[tuple[int, float]] = []
        code.extend(line_ops(pp, line, tab, lead_tab, size_op, found, tracking))
        boxes.extend((i, left + line.x + x, y) for i, x in found)
        y -= leading
    code.append("ET Q")
    canv._code.append(f"q {_rgb(color)} rg " + " ".join(code))
    if boxes:
        canv.saveState()
        canv.setStrokeColor(color)
        canv.setLineWidth(0.4)
        em = pp.size
        for i, x, yb in boxes:
            missing.add(pp.text[i], where)
            canv.rect(x + 0.1 * em, yb - 0.1 * em, 0.8 * em, 0.85 * em, stroke=1, fill=0)
        canv.restoreState()


_RGB: dict[tuple[float, float, float], str] = {}


def _rgb(color: Any) -> str:
    """The colour as `r g b` operands."""
    key = color.rgb()
    out = _RGB.get(key)
    if out is None:
        out = _RGB[key] = " ".join(_num(v) for v in key)
    return out


def draw_text(
    canv: Any,
    enc: Encoder,
    pp: Prepared,
    chain: Chain,
    color: Any,
    x: float,
    y: float,
    tracking: float,
    missing: Missing,
    where: str,
) -> None:
    """Draw a whole prepared text as one unjustified line with its baseline at (x, y)."""
    line = Line(0, len(pp.text), x, 0.0)
    draw_paragraph(
        canv, enc, pp, [line], chain, chain, color, tracking, y, 0.0, 0.0, missing, where
    )


def draw_repeated(
    canv: Any,
    enc: Encoder,
    chain: Chain,
    char: str,
    count: int,
    size: float,
    spacing: float,
    color: Any,
    x: float,
    y: float,
) -> None:
    """`count` copies of `char` (dot leaders) `spacing` apart: one TJ array."""
    t = enc.table(chain)[char]
    if t is None or count < 1:
        return
    name, esc = t
    sep = ")" + _num(-spacing * 1000.0 / size) + "("
    canv._code.append(
        f"q {_rgb(color)} rg BT 1 0 0 1 {x:.2f} {y:.2f} Tm {name} {_num(size)} Tf "
        f"[({sep.join([esc] * count)})] TJ ET Q"
    )

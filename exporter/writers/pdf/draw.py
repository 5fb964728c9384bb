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
    a, e = line.start, line.end
    if e <= a:
        return []
    encoded = _encode(pp, a, e, tab, lead_tab)
    if encoded is None:  # a character without a font (None)
        return _line_ops_slow(pp, line, tab, lead_tab, size_op, boxes, tracking)
    font, names, escs = encoded
    n = e - a
    cuts = _font_cuts(names, font, n)
    special = _special_gaps(pp, line, tracking)
    if special:
        cuts = sorted(set(cuts).union(special))
    cuts.append(n)
    return _tj_ops(pp, line.gap + tracking, font, names, escs, cuts, special, size_op)


def _encode(
    pp: Prepared, a: int, e: int, tab: EncodeTable, lead_tab: EncodeTable
) -> tuple[str, tuple[str, ...] | None, Sequence[str]] | None:
    """(first font, per-character font names or None when one face serves all, escaped
    glyph codes) of text[a:e]; None when a character has no font."""
    seg, lead = pp.text[a:e], pp.lead
    if a >= lead and tab.in_main_face(seg):  # most lines: one face, no per-char tuples
        return tab.main_name, None, list(map(tab.esc.__getitem__, seg))
    if a < lead:
        enc = [lead_tab[c] for c in seg[: lead - a]] + [tab[c] for c in seg[lead - a :]]
    else:
        enc = list(map(tab.__getitem__, seg))
    try:
        names, escs = zip(*enc, strict=True)
    except TypeError:
        return None
    return names[0], names, escs


def _tj_ops(
    pp: Prepared,
    common: float,
    font: str,
    names: tuple[str, ...] | None,
    escs: Sequence[str],
    cuts: list[int],
    special: dict[int, float],
    size_op: str,
) -> list[str]:
    """One TJ array per font run; between cut points the line's common adjustment (or a
    special gap's own), inside runs the glyphs joined with the common adjustment."""
    k = -1000.0 / pp.size
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
    out = _Runs(size_op)
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
        out.glyph(t[0], t[1], _num(pending * k) if pending else "")
        pending = 0.0
    return out.close()


class _Runs:
    """TJ operators built glyph by glyph: a font switch ends the array, a pending
    adjustment ends the string."""

    def __init__(self, size_op: str) -> None:
        self.size_op = size_op
        self.ops: list[str] = []
        self.items: list[str] = []
        self.run: list[str] = []
        self.font = ""

    def _flush_run(self) -> None:
        if self.run:
            self.items.append("(" + "".join(self.run) + ")")
            self.run = []

    def glyph(self, name: str, code: str, adjustment: str) -> None:
        if name != self.font:
            self._flush_run()
            if self.items:
                self.ops.append("[" + "".join(self.items) + "] TJ")
                self.items = []
            self.ops.append(name + self.size_op)
            self.font = name
        if adjustment:
            self._flush_run()
            self.items.append(adjustment)
        self.run.append(code)

    def close(self) -> list[str]:
        self._flush_run()
        if self.items:
            self.ops.append("[" + "".join(self.items) + "] TJ")
        return self.ops


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

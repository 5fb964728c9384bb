"""Chinese line breaking (W3C CLREQ, GB/T 15834) on prefix sums of advance widths.

A paragraph is prepared once: per-character advances (cached per style), the extra space
before characters (¼ em between Han and Latin letters or digits), and which boundaries are
inside an unbreakable run (Latin words, numbers, URLs, `——`, `……`). Breaking a line is then a
bisection on the prefix sums plus a short step back over forbidden break positions, so the
cost per line does not grow with its length.

Rules:
- no line starts with a closing or pause mark (NO_START), none ends with an opening mark
  (NO_END); `——` and `……` never split and never start a line;
- a full-width closing mark may end a line compressed to half width when that makes it fit
  (mainland style); it is never hung wholly past the edge. Adjacent marks inside a line keep
  their full width: a negative advance would overlap glyph boxes, and PDF text extraction
  then cuts the line in two;
- every line but a paragraph's last is justified by spreading the spare space over the
  boundaries between characters outside unbreakable runs.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from exporter.writers.pdf.faces import Chain

NO_START = frozenset(
    "、，；：。！？）》」』】〉〕〗〙〛”’,.;:!?)]}·・ー々〻—―…⋯"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
)
NO_END = frozenset("（《「『【〈〔〖〘〚“‘([{·・")
CLOSE_FW = frozenset("，。、；：）》」』】〉〕〗〙〛”’")  # blank right half: compressible

HAN = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
ALNUM = "A-Za-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
CJK_PUNCT = "\u2e80-\u2fff\u3000-\u303f\ufe30-\ufe4f\uff00-\uffef"
DASHES = "—―…⋯"
# Runs that must not be split: Latin words, numbers, URLs (any non-CJK, non-space run) and
# dash / ellipsis runs.
WORD_RE = re.compile(rf"[^\s{HAN}{CJK_PUNCT}“”‘’·{DASHES}]{{2,}}|[{DASHES}]{{2,}}")
AUTOSPACE_RE = re.compile(rf"(?<=[{HAN}])(?=[{ALNUM}])|(?<=[{ALNUM}])(?=[{HAN}])")
EPS = 0.01  # pt: rounding slack when a line fills the measure exactly

HAN_LATIN_SPACE = 0.25  # em
MAX_PUSH_GAP = 0.15  # em: widest justification gap before a line-end mark is compressed
MIN_FULL_WIDTH = 0.9  # em: a mark narrower than this is not a full-width mark in its font


class _Widths(dict[str, float]):
    """char -> advance in pt for one chain at one size and tracking."""

    def __init__(self, chain: Chain, size: float, tracking: float) -> None:
        super().__init__()
        self._adv = chain.advance
        self._size = size
        self._tracking = tracking

    def __missing__(self, char: str) -> float:
        w = self._adv[char] * self._size + self._tracking
        self[char] = w
        return w


_WIDTHS: dict[tuple[int, float, float], _Widths] = {}


def widths_for(chain: Chain, size: float, tracking: float) -> _Widths:
    key = (id(chain), size, tracking)
    tab = _WIDTHS.get(key)
    if tab is None:
        tab = _WIDTHS[key] = _Widths(chain, size, tracking)
    return tab


@dataclass(slots=True, eq=False)
class Prepared:
    text: str
    lead: int  # characters [0, lead) are set in the bold lead chain
    size: float
    pos: list[float]  # pos[i] = x of char i from the paragraph start, extras folded in
    fixed: list[int]  # fixed[i] = 1 if the boundary before char i is inside an unbreakable run
    fixed_sum: list[int]  # prefix sums of `fixed` (len n + 2)
    extra: dict[int, float]  # extra space before char i (may be negative)
    adv: dict[str, float]  # the chain's advances in em (for compressible marks)
    exceptions: list[int]  # sorted boundaries with extra space or inside an unbreakable run


@dataclass(slots=True)
class Line:
    start: int
    end: int  # content end (exclusive); trailing spaces excluded
    x: float  # left edge of the first glyph, from the flowable's left
    gap: float  # added at every expandable boundary (justification)
    compressed: bool = False  # ends with a closing mark set half width


def clean(text: str) -> str:
    """Text as it is set: whitespace other than U+3000 becomes a space; control and format
    characters and variation selectors (no glyph of their own) are dropped."""
    if text.isprintable():
        return text
    out = []
    for c in text:
        if c.isprintable() or c == "\u3000":
            if not ("\ufe00" <= c <= "\ufe0f" or "\U000e0100" <= c <= "\U000e01ef"):
                out.append(c)
        elif c.isspace():
            out.append(" ")
        elif unicodedata.category(c) not in ("Cc", "Cf", "Cs"):
            out.append(c)
    return "".join(out)


def prepare(
    text: str,
    chain: Chain,
    size: float,
    tracking: float,
    lead: int = 0,
    lead_chain: Chain | None = None,
) -> Prepared:
    """A paragraph's characters measured once: advances per font of the chain, the fixed
    and stretchable boundaries between them, and the lead phrase's extent."""
    n = len(text)
    wtab = widths_for(chain, size, tracking)
    if lead and lead_chain is not None:
        btab = widths_for(lead_chain, size, tracking)
        w = list(map(btab.__getitem__, text[:lead])) + list(map(wtab.__getitem__, text[lead:]))
    else:
        w = list(map(wtab.__getitem__, text))
    adv = chain.advance
    extra: dict[int, float] = {}
    for m in AUTOSPACE_RE.finditer(text):
        extra[m.start()] = HAN_LATIN_SPACE * size
    for i, x in extra.items():
        w[i - 1] += x
    fixed = [0] * (n + 1)
    exceptions = set(extra)
    for m in WORD_RE.finditer(text):
        s, e = m.span()
        fixed[s + 1 : e] = [1] * (e - s - 1)
        exceptions.update(range(s + 1, e))
    return Prepared(
        text=text,
        lead=lead,
        size=size,
        pos=list(accumulate(w, initial=0.0)),
        fixed=fixed,
        fixed_sum=list(accumulate(fixed, initial=0)),
        extra=extra,
        adv=adv,
        exceptions=sorted(exceptions),
    )


def half(pp: Prepared, i: int) -> float:
    """What setting char i half width saves: half its advance if it is a full-width closing
    mark, else 0."""
    c = pp.text[i]
    if c in CLOSE_FW and pp.adv[c] >= MIN_FULL_WIDTH:
        return 0.5 * pp.adv[c] * pp.size
    return 0.0


def can_break(pp: Prepared, p: int) -> bool:
    """May a line end before char p (0 < p < n)?"""
    if pp.fixed[p]:
        return False
    text = pp.text
    before = text[p - 1]
    return text[p] not in NO_START and before not in NO_END and not before.isspace()


def _emergency_break(pp: Prepared, a: int, b: int) -> int:
    """No legal break in (a, b]: break an over-long word after a slash or hyphen, else at b."""
    for p in range(b, a, -1):
        if pp.text[p - 1] in "/-" and pp.text[p] not in NO_START:
            return p
    return b


def natural(pp: Prepared, a: int, e: int) -> float:
    return pp.pos[e] - pp.pos[a] - pp.extra.get(e, 0.0)


def expandable(pp: Prepared, a: int, e: int) -> int:
    """Boundaries inside [a, e) that may take justification space."""
    if e - a < 2:
        return 0
    return (e - a - 1) - (pp.fixed_sum[e] - pp.fixed_sum[a + 1])


def break_lines(
    pp: Prepared,
    width: float,
    first_indent: float = 0.0,
    left_indent: float = 0.0,
    align: str = "justify",
    start: int = 0,
) -> list[Line]:
    """Lines of the paragraph from char `start` (0 = paragraph start, gets the first indent)."""
    text, pos, n = pp.text, pp.pos, len(pp.text)
    lines: list[Line] = []
    a = start
    while a < n and text[a].isspace():
        a += 1
    first = a if start == 0 else -1
    while a < n:
        indent = left_indent + (first_indent if a == first else 0.0)
        measure = width - indent
        b = bisect_right(pos, pos[a] + measure + EPS, a + 1, n + 1) - 1
        if b < n and natural(pp, a, b + 1) <= measure + EPS:
            b += 1
        b = max(b, a + 1)  # at least one character per line, even in a too-narrow measure
        if b >= n:
            lines.append(_finish(pp, a, n, measure, indent, align, last=True, comp=False))
            break
        p = b
        while p > a and not can_break(pp, p):
            p -= 1
        p = p if p > a else _emergency_break(pp, a, b)
        comp = _compress_instead(pp, a, b, p, measure)
        b = b + 1 if comp else p
        last = b >= n
        lines.append(_finish(pp, a, b, measure, indent, align, last=last, comp=comp))
        a = b
        while a < n and text[a].isspace():
            a += 1
    return lines


def _compress_instead(pp: Prepared, a: int, b: int, p: int, measure: float) -> bool:
    """Set the closing mark at b half width at the line end rather than push the line's
    tail to the next line? Only when pushing out would open the line up visibly: a pushed-out
    line keeps every glyph full width, which extraction and the eye both read as flush."""
    saved = half(pp, b)
    if not saved or not (b + 1 == len(pp.text) or can_break(pp, b + 1)):
        return False
    if natural(pp, a, b + 1) - saved > measure + EPS:
        return False
    nexp = expandable(pp, a, p)
    spare = measure - natural(pp, a, p)
    return nexp == 0 or spare / nexp > MAX_PUSH_GAP * pp.size


def _finish(
    pp: Prepared,
    a: int,
    e: int,
    measure: float,
    indent: float,
    align: str,
    last: bool,
    comp: bool,
) -> Line:
    """Close a line: its end, the gap that makes it flush, and a full-width mark at its end
    compressed to half width rather than hung."""
    nat = natural(pp, a, e)
    if comp:
        nat -= half(pp, e - 1)
    spare = measure - nat
    if align == "justify" and not last:
        nexp = expandable(pp, a, e)
        if nexp > 0 and spare > 0:
            return Line(a, e, indent, spare / nexp, comp)
        return Line(a, e, indent, 0.0, comp)
    if align == "center":
        return Line(a, e, indent + max(spare, 0.0) / 2, 0.0, comp)
    if align == "right":
        return Line(a, e, indent + max(spare, 0.0), 0.0, comp)
    return Line(a, e, indent, 0.0, comp)


def justified(pp: Prepared, line: Line, width: float) -> Line:
    """`line` spread to end at `width` (for a last line that must end on the edge)."""
    measure = width - line.x
    return _finish(pp, line.start, line.end, measure, line.x, "justify", False, line.compressed)

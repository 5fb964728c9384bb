"""Leader lines: text, dot leaders and a right-aligned item (TOC and index entries with
their page numbers, key figures with the sentence they come from)."""

from __future__ import annotations

from exporter.writers.pdf.context import Context, form_name
from exporter.writers.pdf.draw import draw_paragraph, draw_repeated, draw_text
from exporter.writers.pdf.flowables import StyledBlock, TextFlow, prepared
from exporter.writers.pdf.linebreak import Line, Prepared, break_lines, justified, natural
from exporter.writers.pdf.links import link_rect
from exporter.writers.pdf.styles import PStyle

LONG_REFS = 0.45  # page numbers wider than this share of the measure go on lines of their own


class LeaderLine(StyledBlock):
    """Text, dot leaders and a right-aligned item on its last line (TOC and index entries,
    key figures). Key-figure sentences fill the whole measure like body lines and the last
    line leaves room for the item, which ends on the right edge; TOC and index entries
    (`narrow`) keep every line clear of the page-number column."""

    content = True
    narrow = False

    def __init__(self, ctx: Context, text: str, st: PStyle, where: str) -> None:
        super().__init__()
        self.ctx, self.st, self.leaders = ctx, st, True
        self.flow = TextFlow(ctx, text, st, where)
        self.width = self.height = 0.0
        self.own_line = False

    def right_width(self) -> float:
        """Room kept for the right-hand item."""
        raise NotImplementedError

    def draw_right(self, right: float, baseline: float) -> float:
        """Draw the right-hand item ending at `right`; return its left edge."""
        raise NotImplementedError

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        if aw != self.width or not self.flow._lines:
            self.width = aw
            st, flow = self.st, self.flow
            room = self.right_width() + 1.5 * st.size
            if self.narrow:  # every line stops short of the item column (TOC, index)
                lines = break_lines(flow.pp, aw - room, st.first_indent, st.left_indent, "left")
            else:
                lines = break_lines(flow.pp, aw, st.first_indent, st.left_indent, "justify")
            lines = lines or [Line(0, 0, st.left_indent, 0.0)]
            last = lines[-1]
            # No room for leaders and the item after the last line: that line is set
            # justified (it is nearly full) and the leaders get a line of their own.
            self.own_line = last.x + natural(flow.pp, last.start, last.end) > aw - room
            if self.own_line:
                lines[-1] = justified(flow.pp, last, aw)
            flow._lines, flow._width = lines, aw
        self.height = (len(self.flow._lines) + self.own_line) * self.st.leading
        self.flow.height = self.height
        return aw, self.height

    def draw(self) -> None:
        st, flow = self.st, self.flow
        flow.canv = self.canv
        flow.draw()
        del flow.canv
        last = flow._lines[-1]
        baseline = self.height - (len(flow._lines) - 1 + self.own_line) * st.leading - st.baseline
        text_end = last.x + natural(flow.pp, last.start, last.end)
        if self.own_line:
            text_end = st.left_indent
        x = self.draw_right(self.width, baseline)
        if self.leaders:
            self._draw_leaders(text_end + st.size * 0.5, x - st.size * 0.5, baseline)

    def _draw_leaders(self, x0: float, x1: float, y: float) -> None:
        ctx, st = self.ctx, self.st
        space = st.size * 0.25  # between the dots
        dot = prepared(ctx, ".", st).pos[-1] + space
        n = int((x1 - x0) // dot)
        if n >= 2:
            enc = ctx.encoder(self.canv)
            draw_repeated(self.canv, enc, st.chain, ".", n, st.size, space, st.color,
                          x1 - n * dot + space, y)  # fmt: skip

    def draw_plain(self, text: str, right: float, y: float, st: PStyle | None = None) -> float:
        ctx, st = self.ctx, st or self.st
        pp = prepared(ctx, text, st)
        x = right - pp.pos[-1]
        draw_text(
            self.canv, ctx.encoder(self.canv), pp, st.chain, st.color, x, y, 0.0,
            ctx.missing, self.flow.where,
        )  # fmt: skip
        return x


class PageRefLine(LeaderLine):
    """A TOC or index entry: text, leaders, page numbers; the entry links to its target."""

    narrow = True

    def __init__(
        self, ctx: Context, text: str, st: PStyle, anchors: list[str], leaders: bool = True
    ) -> None:
        super().__init__(ctx, text, st, "toc")
        self.anchors, self.leaders = anchors, leaders
        self.refs: tuple[Prepared, list[Line], list[tuple[int, int]]] | None = None
        self.final_width: float | None = None

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        """Many page numbers (an index entry found in many cases) do not fit beside the
        entry: they then follow it as an indented paragraph of their own."""
        if self.final_width == aw:
            return aw, self.height
        self.anchors = self._distinct_pages(self.anchors)
        labels = [self.ctx.anchor_pages.get(a) for a in self.anchors]
        # Once every target has its page (index entries come after their cases) or never
        # gets one, the layout cannot change: a column block measures its entries on every
        # page it fills.
        known = self.ctx.known_anchors
        final = all(lab or a not in known for a, lab in zip(self.anchors, labels, strict=True))
        self.final_width = aw if final else None
        self.refs = None
        if len(labels) > 1 and all(labels):
            st = self.st
            text = "，".join(label or "" for label in labels)
            pp = prepared(self.ctx, text, st)
            if pp.pos[-1] + 1.5 * st.size > LONG_REFS * aw:
                spans, start = [], 0
                for label in labels:
                    spans.append((start, start + len(label or "")))
                    start += len(label or "") + 1
                indent = st.left_indent + 2 * st.em
                ref_lines = break_lines(pp, aw, 0.0, indent, "left")
                flow = self.flow
                flow._lines = break_lines(flow.pp, aw, st.first_indent, st.left_indent, "left")
                flow._width = self.width = -1.0  # the leader layout is not cached
                self.refs = (pp, ref_lines, spans)
                self.height = (len(flow._lines) + len(ref_lines)) * st.leading
                self.flow.height = self.height
                return aw, self.height
        return super().wrap(aw, ah)

    def split_refs(self, aw: float, room: float) -> tuple[PageRefLine, PageRefLine] | None:
        """Split an entry whose page numbers run over `room` (a word found in thousands of
        cases): the head keeps the numbers that fit, the tail repeats the entry marked
        continued with the rest. None when no number fits or the numbers are not split."""
        self.wrap(aw, room)
        if self.refs is None or self.height <= room:
            return None
        _, ref_lines, spans = self.refs
        fit = int((room + 0.01) // self.st.leading) - len(self.flow._lines)
        if fit < 1:
            return None
        end = ref_lines[min(fit, len(ref_lines)) - 1].end
        m = sum(1 for _, b in spans if b <= end)
        while m > 0:
            head = PageRefLine(self.ctx, self.flow.text, self.st, self.anchors[:m], self.leaders)
            if head.wrap(aw, room)[1] <= room + 0.01:
                tail_text = self.flow.text + self.ctx.layout.labels.continued  # pages go on
                tail = PageRefLine(self.ctx, tail_text, self.st, self.anchors[m:], self.leaders)
                tail.keep_next = getattr(self, "keep_next", False)
                return head, tail
            m -= 1
        return None

    def _distinct_pages(self, anchors: list[str]) -> list[str]:
        """One target per page: two cases on one page print (and link) one number."""
        seen: set[str] = set()
        out = []
        for a in anchors:
            label = self.ctx.anchor_pages.get(a)
            if label is None or label not in seen:
                out.append(a)
                if label is not None:
                    seen.add(label)
        return out

    def draw(self) -> None:
        if self.refs is None:
            super().draw()
            return
        st, flow, canv, ctx = self.st, self.flow, self.canv, self.ctx
        flow.canv = canv
        flow.draw()
        del flow.canv
        pp, lines, spans = self.refs
        top = self.height - len(flow._lines) * st.leading
        draw_paragraph(canv, ctx.encoder(canv), pp, lines, st.chain, st.chain, st.color, 0.0,
                       top, st.leading, st.baseline, ctx.missing, flow.where)  # fmt: skip
        for anchor, (a, b) in zip(self.anchors, spans, strict=True):
            k = next(i for i, ln in enumerate(lines) if ln.start <= a < max(ln.end, a + 1))
            ln = lines[k]
            x0 = ln.x + pp.pos[a] - pp.pos[ln.start]
            x1 = ln.x + pp.pos[b] - pp.pos[ln.start]
            y = top - k * st.leading - st.baseline
            link_rect(canv, anchor, (x0, y - 0.2 * st.size, x1, y + 0.8 * st.size))

    def right_width(self) -> float:
        digits = prepared(self.ctx, "0000，", self.st).pos[-1]
        return digits * max(1, len(self.anchors))

    def draw_right(self, right: float, baseline: float) -> float:
        """Page numbers right to left; one target links the whole entry, several targets
        link each number to its own page."""
        known = self.ctx.known_anchors
        x = right
        for anchor in reversed(self.anchors):
            left = self._draw_ref(anchor, x, baseline)
            if len(self.anchors) > 1 and anchor in known:
                box = (left, baseline - 0.2 * self.st.size, x, baseline + 0.8 * self.st.size)
                link_rect(self.canv, anchor, box)
            x = left
            if anchor != self.anchors[0]:
                x = self.draw_plain("，", x, baseline)
        if len(self.anchors) == 1 and self.anchors[0] in known:
            link_rect(self.canv, self.anchors[0], (0, 0, self.width, self.height))
        return x

    def _draw_ref(self, anchor: str, right: float, y: float) -> float:
        ctx, canv = self.ctx, self.canv
        label = ctx.anchor_pages.get(anchor)
        if label is not None:
            return self.draw_plain(label, right, y)
        if anchor not in ctx.known_anchors:
            return self.draw_plain("?", right, y)
        ctx.forward.setdefault(anchor, self.st.role)
        canv.saveState()
        canv.translate(right, y)
        canv.doForm(form_name(anchor))
        canv.restoreState()
        return right - prepared(ctx, "000", self.st).pos[-1]


class FigureLine(LeaderLine):
    """A key figure: the sentence it comes from, leaders, the figure in bold on the right."""

    def __init__(
        self, ctx: Context, text: str, figure: str, st: PStyle, fig_st: PStyle, where: str
    ) -> None:
        super().__init__(ctx, text, st, where)
        self.figure, self.fig_st = figure, fig_st

    def right_width(self) -> float:
        return prepared(self.ctx, self.figure, self.fig_st).pos[-1]

    def draw_right(self, right: float, baseline: float) -> float:
        return self.draw_plain(self.figure, right, baseline, self.fig_st)

"""The page template: mirrored frames, running header, page-number footer, one-pass page refs.

Odd and even pages alternate between two page templates (inner margin on the binding side).
Header and footer are drawn when a page ends, from the part that was current at its top.
Page numbers count per part numbering (none / roman / arabic); no "page x of y" canvas
recipe is used, so outline entries and links keep their pages.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate
from reportlab.platypus.frames import Frame

from exporter import fonts
from exporter.assemble.plan import BookMeta
from exporter.layout.model import MM
from exporter.writers.pdf import savefile
from exporter.writers.pdf.context import Context, form_name
from exporter.writers.pdf.draw import draw_text
from exporter.writers.pdf.flate import pack_pages
from exporter.writers.pdf.flowables import draw_label, prepared
from exporter.writers.pdf.styles import ASCENT

CREATOR = "exporter (reportlab, own CLREQ line breaker)"


class TextFrame(Frame):
    """A frame whose available width is exactly the text width on every page. reportlab
    derives it as (x + width) - x, which differs in the last bit between odd and even pages
    (their x differs); line breaks and column measures are cached per width, and a width
    that flips every page made the index re-measure all its entries on every other page."""

    def _geom(self) -> None:
        super()._geom()
        self._aW = self._width - self._leftPadding - self._rightPadding


class BookDoc(BaseDocTemplate):
    def __init__(self, out: Path, ctx: Context, meta: BookMeta) -> None:
        """The page template: frames for odd and even pages (mirrored margins), the running
        header and footer callbacks, and the outline and anchor bookkeeping."""
        self.ctx = ctx
        page = ctx.layout.page
        body_font = ctx.styles["body"].chain.paths[0]
        fonts.load_font(body_font)
        super().__init__(
            str(out),
            pagesize=(page.width_mm * MM, page.height_mm * MM),
            leftMargin=page.inner_mm * MM,
            rightMargin=page.outer_mm * MM,
            topMargin=page.top_mm * MM,
            bottomMargin=page.bottom_mm * MM,
            title=meta.title,
            author=meta.editor,
            subject=meta.subject or meta.subtitle,
            keywords=", ".join(meta.keywords),
            creator=CREATOR,
            producer=CREATOR,
            lang=meta.language,
            initialFontName=fonts.pdf_font_name(body_font),
            invariant=1,
            pageCompression=1,
        )
        self._doSave = 0
        # Page streams are compressed on this thread while layout goes on (see flate).
        self.zlib_pool = ThreadPoolExecutor(1, thread_name_prefix="pdf-flate")
        self.addPageTemplates([self._template("odd", "even"), self._template("even", "odd")])

    def _frame_x(self, odd: bool) -> float:
        page = self.ctx.layout.page
        left_mm = page.inner_mm if odd or not page.mirror else page.outer_mm
        return left_mm * MM

    def _template(self, name: str, nxt: str) -> PageTemplate:
        page = self.ctx.layout.page
        frame = TextFrame(
            self._frame_x(name == "odd"),
            page.bottom_mm * MM,
            page.text_width_mm * MM,
            page.text_height_mm * MM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=name,
        )
        return PageTemplate(
            id=name,
            frames=[frame],
            onPage=self._page_begin,
            onPageEnd=self._page_end,
            autoNextPageTemplate=nxt,
        )

    def _page_begin(self, canv: Any, doc: Any) -> None:
        self.ctx.begin_page(canv.getPageNumber())

    def afterFlowable(self, flowable: Any) -> None:
        if getattr(flowable, "content", False):  # page breaks and markers do not count
            self.ctx.page_has_content = True

    def _page_end(self, canv: Any, doc: Any) -> None:
        """Draw the running header (with its rule) and the page number in the layout's place,
        on the outer or inner side as the page's parity asks."""
        ctx = self.ctx
        label = ctx.label()
        part = ctx.page_part
        hf = ctx.layout.header_footer
        page = ctx.layout.page
        odd = canv.getPageNumber() % 2 == 1
        x0 = self._frame_x(odd)
        width = page.text_width_mm * MM
        if hf.header and part is not None and part.header:
            st = ctx.styles["header"]
            y = page.height_mm * MM - page.header_mm * MM
            draw_label(canv, ctx, st, part.header, _aligned_x(st.align, x0, width, odd), y,
                       _draw_align(st.align, odd))  # fmt: skip
            if hf.header_rule:
                canv.saveState()
                canv.setStrokeColor(st.color)
                canv.setLineWidth(0.5)
                rule_y = y - 0.35 * st.size - 1.5
                canv.line(x0, rule_y, x0 + width, rule_y)
                canv.restoreState()
        if label and hf.footer:
            st = ctx.styles["footer"]
            text = hf.footer.replace("{page}", label)
            if hf.footer_offset_mm is not None:
                y = page.bottom_mm * MM - hf.footer_offset_mm * MM - ASCENT * st.size
            else:
                y = page.footer_mm * MM
            align = hf.footer_align
            inset = st.size if align in ("outer", "inner") else 0.0
            side = _draw_align(align, odd)
            x = _aligned_x(align, x0, width, odd)
            x = x - inset if side == "right" else x + inset if side == "left" else x
            draw_label(canv, ctx, st, text, x, y, side)

    def handle_pageBegin(self) -> None:
        self._packed = pack_pages(self.canv._doc, getattr(self, "_packed", 0), self.zlib_pool)
        super().handle_pageBegin()

    def _endBuild(self) -> None:
        super()._endBuild()
        self._define_page_refs()
        pack_pages(self.canv._doc, getattr(self, "_packed", 0), self.zlib_pool)
        savefile.save(self.canv, Path(self.canv._filename))

    def _define_page_refs(self) -> None:
        """Fill the forms the table of contents drew before its pages were known."""
        canv, ctx = self.canv, self.ctx
        for anchor, role in sorted(ctx.forward.items()):
            label = ctx.anchor_pages.get(anchor, "?")
            st = ctx.styles[role]
            canv.beginForm(form_name(anchor), lowerx=-200, lowery=-20, upperx=10, uppery=60)
            pp = prepared(ctx, label, st)
            draw_text(canv, ctx.encoder(canv), pp, st.chain, st.color, -pp.pos[-1], 0, 0.0,
                      ctx.missing, "toc")  # fmt: skip
            canv.endForm()


def _draw_align(align: str, odd: bool) -> str:
    if align == "outer":
        return "right" if odd else "left"
    if align == "inner":
        return "left" if odd else "right"
    return align if align in ("left", "right") else "center"


def _aligned_x(align: str, x0: float, width: float, odd: bool) -> float:
    side = _draw_align(align, odd)
    return x0 + width if side == "right" else x0 if side == "left" else x0 + width / 2

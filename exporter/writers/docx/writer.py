"""Book plan -> DOCX: one handler per block type, one section per part."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from docx.document import Document

from exporter.assemble.plan import (
    Block,
    Book,
    Box,
    Heading,
    ListBlock,
    PageBreak,
    Para,
    Part,
)
from exporter.layout.model import Layout
from exporter.resources import fonts_dir
from exporter.writers import WriteResult
from exporter.writers.docx import blocks, ooxml
from exporter.writers.docx.blocks import bookmark_name
from exporter.writers.docx.fontfaces import face
from exporter.writers.docx.package import (
    FontInfo,
    FontUse,
    new_document,
    save_reproducible,
    set_core_properties,
    write_font_table,
)
from exporter.writers.docx.paging import estimate_pages
from exporter.writers.docx.sections import PAGE_FORMATS, SectionMaker, SectionPlan, even_odd
from exporter.writers.docx.styles import StyleSheet, compile_styles
from exporter.writers.docx.text import TextSetter


@dataclass
class Builder:
    book: Book
    layout: Layout
    embed: bool
    full: bool = False  # embed whole font files, not subsets
    doc: Document = field(default_factory=new_document)
    body: list[ooxml.BodyItem] = field(default_factory=list)  # current part's paragraphs/tables
    box_role: str | None = None
    break_pending: bool = False
    next_bookmark: int = 1
    nums: list[ooxml.Element] = field(default_factory=list)
    abstracts: dict[tuple[bool, str], ooxml.Element] = field(default_factory=dict)
    next_drawing: int = 1  # drawing ids are unique in the document
    anchors: dict[int, str] = field(default_factory=dict)  # id(heading) -> bookmark name
    used_bookmarks: set[str] = field(default_factory=set)
    held_runs: int = 0  # runs in self.body, a measure of its memory
    plan: SectionPlan | None = None  # the section being filled
    numbered: set[str] = field(default_factory=set)  # page numberings started so far
    swap: bool = False  # odd-numbered pages are left-hand pages (see _maybe_new_section)

    def __post_init__(self) -> None:
        self.sheet: StyleSheet = compile_styles(self.layout, self.embed)
        self.setter = TextSetter(self.sheet)
        self.sections = SectionMaker(self.doc, self.layout, self.sheet, self.setter)
        self.root: ooxml.Element = self.doc.element.body
        self.spool = ooxml.BodySpool()
        self._name_anchors()
        self.estimate = estimate_pages(self.book, self.layout)
        self.figure_style = self.sheet.figure_line()
        self.handlers = self._handlers()

    # ------------------------------------------------------------------ top level

    def build(self, out: Path) -> None:
        ooxml.clear_children(self.root)
        parts = self.book.parts or [Part("front", "", [])]  # a document needs one section
        prev: Part | None = None
        for part in parts:
            self._maybe_new_section(part, prev)
            prev = part
            self.break_pending = False
            self.setter.where = part.title
            for block in part.blocks:
                self.block(block)
                self._spool_some()
        self._end_section(last=True)
        self._finish()
        try:
            save_reproducible(self.doc, out, self.spool)
        finally:
            self.spool.close()

    def _maybe_new_section(self, part: Part, prev: Part | None) -> None:
        """A section per run of parts that share a page numbering and run on: a part that
        runs on (a digest's chapter) is no section of its own, as LibreOffice ignores the
        page settings of a continuous break; its running header follows by STYLEREF."""
        renumbered = prev is not None and part.numbering != prev.numbering
        if prev is not None and not part.new_page and not renumbered:
            return
        if part.numbering in PAGE_FORMATS and part.numbering not in self.numbered:
            self.numbered.add(part.numbering)
            # Word and LibreOffice take odd page numbers for right-hand pages, the PDF odd
            # physical pages: a numbering that starts on an even page swaps the sides.
            self.swap = self.estimate.starts.get(id(part), 1) % 2 == 0
        elif part.numbering not in PAGE_FORMATS:
            self.swap = False
        self._start_section(SectionPlan(part, new_page=prev is not None, swap_sides=self.swap))

    def _start_section(self, plan: SectionPlan) -> None:
        if self.plan is not None:
            self._end_section(last=False)
        self.plan = plan

    def _end_section(self, *, last: bool) -> None:
        """Close the current section: its properties go into its last paragraph (the
        body's last section: at the end of the body)."""
        assert self.plan is not None
        tail = self.body[-1] if self.body else None
        if not isinstance(tail, ooxml.Para):
            tail = ooxml.paragraph(self.sheet.para("body"))
            self.body.append(tail)
        sect = self.sections.section(self.plan)
        if last:
            self.root.append(ooxml.to_element(sect))
        else:
            ooxml.attach_section(tail, sect)
        self.spool.add(self.body)
        self.body = []
        self.held_runs = 0

    def _finish(self) -> None:
        """Write the document-wide parts: list numbering, the compiled styles with the
        body's defaults, settings (font embedding, mirror margins, odd/even headers),
        the font table and the core properties."""
        self.setter.release()
        numbering = self.doc.part.numbering_part.element
        ooxml.replace_numbering(numbering, list(self.abstracts.values()), self.nums)
        body = self.layout.style("body")
        normal = self.sheet.defs["Normal"].rpr
        assert normal is not None and normal.fonts is not None
        ooxml.replace_styles(
            self.doc.styles.element,
            ooxml.doc_defaults(normal.fonts, round(body.size_pt * 2)),
            self.sheet.elements(),
        )
        ooxml.fill_settings(
            self.doc.settings.element,
            ooxml.SettingsDef(
                embed_fonts=self.embed,
                mirror_margins=self.layout.page.mirror,
                even_odd_headers=even_odd(self.layout),
                default_tab_twips=round(body.size_pt * 2 * 20),
                subset_fonts=not self.full,
            ),
        )
        self._write_fonts()
        set_core_properties(self.doc, self.book.meta)

    def _write_fonts(self) -> None:
        used = set()
        for d in self.sheet.defs.values():
            if d.rpr is not None and d.rpr.fonts is not None:
                used |= {d.rpr.fonts.east_asia, d.rpr.fonts.latin}
        families = {n: i for n, i in self._font_infos().items() if n in used}
        families |= {n: FontInfo() for n in sorted(used - families.keys())}
        uses = [FontUse(p, c) for p, c in self.setter.used.items() if c] if self.embed else []
        write_font_table(self.doc, families, uses, full=self.full)

    def _font_infos(self) -> dict[str, FontInfo]:
        """Per family the styles may name: embedded, the file's own family falls back to the
        layout's Office family; named, the Office family falls back to the stock Windows
        one (docx_alt: 仿宋_GB2312 -> 仿宋). Body role first: it wins a shared name."""
        out: dict[str, FontInfo] = {}
        for role_name in [self.layout.style("body").font, *self.layout.fonts]:
            role = self.layout.fonts[role_name]
            sample = fonts_dir() / role.files[0]
            if self.embed:
                out.setdefault(face(sample).family, FontInfo(role.docx_family, sample))
            elif role.docx_family:
                out.setdefault(role.docx_family, FontInfo(role.docx_alt, sample))
        return out

    def _name_anchors(self) -> None:
        """Every heading gets a bookmark (the TOC links to it); plan anchors keep their
        own names so index entries can link to them."""
        used = self.used_bookmarks
        for n, heading in enumerate(self.book.headings(), start=1):
            name = bookmark_name(heading.anchor or f"h{n}")
            if name in used:  # Word keeps only the first of two equal bookmarks
                name = bookmark_name(f"{heading.anchor or 'h'}-{n}")
            used.add(name)
            self.anchors[id(heading)] = name

    # ------------------------------------------------------------------ helpers

    def _style(self, role: str) -> str:
        if self.box_role:
            return self.sheet.boxed(role, self.box_role)
        return self.sheet.para(role)

    def _para(
        self,
        style_id: str,
        runs: list[ooxml.Run],
        *,
        outline_level: int | None = None,
        num: tuple[int, int] | None = None,
        keep_next: bool = False,
    ) -> ooxml.Para:
        """Append a paragraph to the body; it takes a pending page break, and the body is
        spooled to disk once it holds many paragraphs (or runs)."""
        p = ooxml.paragraph(
            style_id,
            runs,
            keep_next=keep_next,
            page_break_before=self.break_pending,
            outline_level=outline_level,
            num=num,
        )
        self.break_pending = False
        self._spool_some()
        self.held_runs += len(runs)  # an index entry may hold a hundred links
        self.body.append(p)
        return p

    def _spool_some(self) -> None:
        """Serialize what the body holds once it is long (an index block alone has
        thousands of paragraphs); the last element stays, as it may end the section or
        the TOC field."""
        if len(self.body) > blocks.SPOOL_EVERY or self.held_runs > blocks.SPOOL_EVERY * 4:
            self.spool.add(self.body[:-1])
            del self.body[:-1]
            self.held_runs = 0

    def _bookmark(self, p: ooxml.Para, name: str) -> None:
        ooxml.bookmark(p, name, self.next_bookmark)
        self.next_bookmark += 1

    # ------------------------------------------------------------------ block handlers

    def block(self, block: Block) -> None:
        handler = self.handlers.get(block.kind)
        if handler is None:
            raise TypeError(f"unknown block kind {block.kind!r}")
        handler(block)

    def _handlers(self) -> dict[str, Callable[[Any], None]]:
        """One handler per block kind (plan.KINDS), as in the PDF writer."""
        return {
            "heading": self.on_heading,
            "para": self.on_para,
            "box": self.on_box,
            "table": partial(blocks.table, self),
            "figures": partial(blocks.figures, self),
            "list": self.on_list,
            "chart": partial(blocks.chart, self),
            "index": partial(blocks.index, self),
            "toc": partial(blocks.toc, self),
            "pagebreak": self.on_pagebreak,
        }

    def on_heading(self, h: Heading) -> None:
        role = h.role if h.role in self.layout.styles else f"heading-{min(max(h.level, 1), 4)}"
        style = self._style(role)
        # Every heading keeps its style's outline level, so the navigation pane shows
        # a case's inner headings too (the TOC field lists levels 1-N only).
        p = self._para(style, self.setter.runs(h.text, style))
        self._bookmark(p, self.anchors[id(h)])
        if h.anchor:
            self.setter.where = h.anchor

    def on_para(self, para: Para) -> None:
        style = self._style(para.role)
        p = self._para(style, self.setter.runs(para.text, style, lead=para.lead))
        name = bookmark_name(para.anchor) if para.anchor else None
        if name and name not in self.used_bookmarks:
            self.used_bookmarks.add(name)
            self._bookmark(p, name)

    def on_box(self, box: Box) -> None:
        outer, self.box_role = self.box_role, box.role
        for inner in box.blocks:
            self.block(inner)
        self.box_role = outer

    def _abstract(self, ordered: bool, role: str) -> int:
        """A list definition per kind and role, carrying the role's indents: Word and
        LibreOffice take a numbered paragraph's indents from its list, not its style."""
        key = (ordered, role)
        if key not in self.abstracts:
            st = self.layout.style(role if role in self.layout.styles else "body")
            ident = len(self.abstracts) + 1
            fmt, text = ("decimal", "%1.") if ordered else ("bullet", "●")
            ind = ooxml.ListIndent(st.left_chars, st.first_line_chars, round(st.size_pt * 20))
            self.abstracts[key] = ooxml.abstract_num(ident, fmt, text, ind)
        return int(self.abstracts[key].get(ooxml.qn("w:abstractNumId")))

    def on_list(self, lst: ListBlock) -> None:
        num_id = len(self.nums) + 1
        abstract = self._abstract(lst.ordered, lst.role)
        self.nums.append(ooxml.num(num_id, abstract))  # a new instance restarts at 1
        style = self._style(lst.role)
        for item in lst.items:
            self._para(style, self.setter.runs(item, style), num=(num_id, 0))

    def on_pagebreak(self, _: PageBreak) -> None:
        self.break_pending = True


EMBED_MODES = ("subset", "full", "none")


def embed_mode(layout: Layout, embed_fonts: bool | str | None) -> str:
    """subset | full | none, from the option (True = subset, False = none) or the layout."""
    if embed_fonts is None:
        embed_fonts = layout.embed_fonts
    if isinstance(embed_fonts, bool):
        return "subset" if embed_fonts else "none"
    if embed_fonts not in EMBED_MODES:
        raise ValueError(f"embed_fonts: expected one of {EMBED_MODES}, got {embed_fonts!r}")
    return embed_fonts


def write_docx(
    book: Book, layout: Layout, out: Path, *, embed_fonts: bool | str | None = None
) -> WriteResult:
    """Write the book as an editable Word file built on named styles. `embed_fonts`:
    subset (True) embeds the characters used, full the whole faces, none (False) names
    Office fonts; None takes the layout's choice."""
    mode = embed_mode(layout, embed_fonts)
    builder = Builder(book, layout, mode != "none", full=mode == "full")
    out = Path(out)
    builder.build(out)
    result = WriteResult(out, "docx")
    result.missing_glyphs = list(builder.setter.missing.values())
    if result.missing_glyphs:
        chars = "".join(m.char for m in result.missing_glyphs)
        result.warnings.append(f"DOCX: no font in the fallback chain has {chars!r}")
    return result

"""The style compiler: a layout's roles become named Word styles.

Content code asks this sheet for a style id by role and never formats runs itself. Each
style is based on Normal and sets what differs from it (font in all four rFonts slots,
size, weight, colour, spacing, indents in characters, alignment, outline level): an editor
who restyles "Body Text" in Word changes every body paragraph and nothing else, and one
who changes Normal's font or size changes every style that shares them.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from exporter.layout.model import Layout, Style
from exporter.resources import fonts_dir
from exporter.writers.docx import ooxml
from exporter.writers.docx.fontfaces import Face, face
from exporter.writers.docx.grid import column_gap_twips, grid_spacing_twips
from exporter.writers.docx.ooxml import Border, Fonts, ParaProps, RunProps, StyleDef

MM_TWIPS = 1440 / 25.4
# Roles that map onto Word's built-in styles (so Word's TOC, navigation pane, header and
# index features recognise them); other roles get a style named after the role.
BUILTIN = {
    "heading-1": ("Heading1", "heading 1"),
    "heading-2": ("Heading2", "heading 2"),
    "heading-3": ("Heading3", "heading 3"),
    "heading-4": ("Heading4", "heading 4"),
    "cover-title": ("Title", "Title"),
    "cover-subtitle": ("Subtitle", "Subtitle"),
    "toc-title": ("TOCHeading", "TOC Heading"),
    "toc-1": ("TOC1", "toc 1"),
    "toc-2": ("TOC2", "toc 2"),
    "toc-3": ("TOC3", "toc 3"),
    "header": ("Header", "header"),
    "footer": ("Footer", "footer"),
    "body": ("BodyText", "Body Text"),
    "index-1": ("Index1", "index 1"),
    "index-2": ("Index2", "index 2"),
    "index-3": ("Index3", "index 3"),
    "chart": ("Caption", "caption"),
    "list-item": ("ListNumber", "List Number"),
}
# Roles an editor applies by hand: shown in Word's style gallery.
QUICK_ROLES = {
    "body",
    "cover-title",
    "cover-subtitle",
    "summary",
    "source-line",
    "card-label",
    "list-item",
    "lesson",
    "note",
    "preface",
}
TABLE_ROLES = ("figures-table", "figures-header")
ALIGN = {"justify": "both", "left": "left", "center": "center", "right": "right"}


def _rgb(colour: str | None) -> str | None:
    return colour.lstrip("#").upper() if colour else None


@cache
def _ids_for(role: str) -> tuple[str, str]:
    if role in BUILTIN:
        return BUILTIN[role]
    words = [w for w in re.split(r"[^A-Za-z0-9]+", role) if w]
    name = " ".join(w.capitalize() for w in words) or "Role"
    return name.replace(" ", ""), name


@dataclass
class StyleFont:
    """What a paragraph style sets its text in: the face chain for coverage/embedding."""

    chain: list[Path]  # main face first, then the fallback files
    bold: bool
    bold_chain: list[Path]  # for bold lead phrases
    regular_chain: list[Path]  # for runs set in regular weight inside a bold style
    has_bold: bool = True  # the role has a bold face (else no bold is synthesised)


@dataclass
class StyleSheet:
    layout: Layout
    embed: bool
    defs: dict[str, StyleDef] = field(default_factory=dict)
    fonts: dict[str, StyleFont] = field(default_factory=dict)  # style id -> font chain
    role_ids: dict[str, str] = field(default_factory=dict)
    char_fonts: dict[str, Path] = field(default_factory=dict)  # fallback char style -> file

    # -------------------------------------------------------------- lookups

    def para(self, role: str) -> str:
        """Style id for a role (unknown roles use the body style, as the layout does)."""
        return self.role_ids.get(role) or self.role_ids["body"]

    def boxed(self, role: str, box_role: str) -> str:
        """A paragraph style for `role` inside a shaded, ruled box of `box_role`."""
        inner = self.para(role)
        box_id = _ids_for(box_role)[0]
        style_id = f"{inner}In{box_id}"
        if style_id not in self.defs:
            base = self.defs[inner]
            box = self.layout.style(box_role)
            ppr = copy.deepcopy(base.ppr) or ParaProps()
            ppr.shading = _rgb(box.background)
            if box.border:
                ppr.border = Border(_rgb(box.border) or "000000")
            ppr.left_chars = max(ppr.left_chars, 0.5)
            ppr.right_chars = 0.5
            # The box's own spacing (a box usually holds one paragraph).
            ppr.before_twips = max(ppr.before_twips, round(box.space_before_pt * 20))
            ppr.after_twips = max(ppr.after_twips, round(box.space_after_pt * 20))
            self.defs[style_id] = StyleDef(
                style_id,
                f"{base.name} ({_ids_for(box_role)[1]})",
                based_on=inner,
                ppr=ppr,
                rpr=copy.deepcopy(base.rpr),
                ui_priority=30,
            )
            self.fonts[style_id] = self.fonts[inner]
        return style_id

    def picture(self, style_id: str) -> str:
        """The paragraph style a picture sits in: `style_id`'s look without its exact line
        height, which would clip the picture to one line (Word and LibreOffice alike)."""
        picture_id = f"{style_id}Picture"
        if picture_id not in self.defs:
            base = self.defs[style_id]
            ppr = copy.deepcopy(base.ppr) or ParaProps()
            ppr.line_auto, ppr.before_twips, ppr.keep_next = True, 0, False
            ppr.snap_to_grid = False  # on a line grid the picture keeps its own height
            self.defs[picture_id] = StyleDef(
                picture_id,
                f"{base.name} (picture)",
                based_on=style_id,
                ppr=ppr,
                ui_priority=99,
                quick=False,
            )
            self.fonts[picture_id] = self.fonts[style_id]
        return picture_id

    def figure_line(self) -> str:
        """A key figure as the PDF sets it: its sentence, a dot leader, the figure on the
        right (the table role's look with its own spacing, which table cells drop)."""
        style_id = "FigureLine"
        if style_id not in self.defs:
            role = "figures-table"
            base = self.defs[self.para(role)]
            st = self.layout.style(role)
            ppr = copy.deepcopy(base.ppr) or ParaProps()
            ppr.before_twips = round(st.space_before_pt * 20)
            ppr.after_twips = round(st.space_after_pt * 20)
            ppr.tabs = [("right", round(self.layout.page.text_width_mm * MM_TWIPS), "dot")]
            ppr.align = "left"
            self.defs[style_id] = StyleDef(
                style_id, "Figure Line", based_on=base.style_id, ppr=ppr, ui_priority=30
            )
            self.fonts[style_id] = self.fonts[base.style_id]
        return style_id

    def fallback(self, path: Path) -> str:
        """Character style that sets a run in a fallback face (characters the main face
        lacks, e.g. CJK Extension B)."""
        f = face(path)
        style_id = "Fallback" + re.sub(r"[^A-Za-z0-9]", "", f.family)
        if style_id not in self.defs:
            self.defs[style_id] = StyleDef(
                style_id,
                f"Fallback {f.family}",
                kind="character",
                quick=False,
                ui_priority=99,
                rpr=RunProps(fonts=Fonts(f.family, f.family)),
            )
            self.char_fonts[style_id] = path
        return style_id

    def elements(self) -> list[ooxml.Element]:
        return [ooxml.style_element(d) for d in self.defs.values()]

    def footer_style(self, side: str) -> str:
        """Footer paragraph style for the `default` (odd) or `even` page."""
        hf = self.layout.header_footer
        align = hf.footer_align
        if align in ("center", "left", "right"):
            return "Footer"
        odd_right = align == "outer"
        right = odd_right if side == "default" else not odd_right
        return "FooterRight" if right else "FooterLeft"


# ------------------------------------------------------------------ compilation


def _font_files(layout: Layout, st: Style) -> tuple[list[Path], bool]:
    role = layout.fonts[st.font]
    names = role.bold_files if st.bold and role.bold_files else role.files
    return [fonts_dir() / n for n in names], st.bold


def _style_font(layout: Layout, st: Style) -> StyleFont:
    chain, bold = _font_files(layout, st)
    role = layout.fonts[st.font]
    bold_chain = [fonts_dir() / n for n in role.bold_files] if role.bold_files else chain
    regular = [fonts_dir() / n for n in role.files]
    return StyleFont(chain, bold, bold_chain, regular, has_bold=bool(role.bold_files) or bold)


def _fonts_for(layout: Layout, st: Style, embed: bool) -> tuple[Fonts, bool, Face]:
    chain, bold = _font_files(layout, st)
    main = face(chain[0])
    if embed:
        # Name the embedded file's own family; a bold-only file (a 小标宋 stand-in)
        # needs bold on, or Word would look for a regular face it does not have.
        return Fonts(main.family, main.family), bold or main.bold, main
    role = layout.fonts[st.font]
    east = role.docx_family or main.family
    return Fonts(east, role.docx_latin or east), bold, main


def _para_props(layout: Layout, st: Style, role: str, text_twips: int) -> ParaProps:
    """Paragraph properties of a role's style from the layout: indents in characters,
    spacing, leading, alignment, keeps, breaks, borders and the index's dot-leader tab."""
    grid = layout.page.grid is not None
    body = layout.style("body")
    p = ParaProps(
        keep_next=st.keep_with_next,
        page_break_before=st.page_break_before,
        line_twips=round(st.leading_pt * 20),
        before_twips=round(st.space_before_pt * 20),
        after_twips=round(st.space_after_pt * 20),
        first_line_chars=st.first_line_chars,
        left_chars=st.left_chars,
        char_twips=round(st.size_pt * 20),
        align=ALIGN.get(st.align, "both"),
        # On a character grid only body-size text snaps; titles keep their own pitch.
        snap_to_grid=(st.size_pt == body.size_pt) if grid else None,
    )
    if role in TABLE_ROLES:  # the table's spacing is not each cell's
        p.before_twips = p.after_twips = 0
    if st.background and role not in TABLE_ROLES:  # cells are shaded by the table
        p.shading = _rgb(st.background)
    if st.border and role not in TABLE_ROLES:
        p.border = Border(_rgb(st.border) or "000000")
    if role.startswith("heading-"):
        p.outline_level = int(role.split("-")[1]) - 1
    if role.startswith("toc-") and role != "toc-title":
        p.tabs = [("right", text_twips, "dot")]
    if role.startswith("index-"):  # page numbers at the end of the index's column
        p.tabs = [("right", (text_twips - column_gap_twips(layout)) // 2, "dot")]
    if role == "header" and layout.header_footer.header_rule:
        p.border = Border("000000", size_eighths=4, space_pt=1, sides=("bottom",))
    return p


def _style_def(layout: Layout, role: str, st: Style, embed: bool, text_twips: int) -> StyleDef:
    """The Word style of one layout role: paragraph and run properties, only what differs
    from Normal where it is based on Normal, and its name as Word shows it."""
    style_id, name = _ids_for(role)
    fonts, bold, _ = _fonts_for(layout, st, embed)
    body = layout.style("body")
    normal_fonts, _, _ = _fonts_for(layout, body, embed)
    size = round(st.size_pt * 2)
    rpr = RunProps(
        # What Normal already sets is inherited, so restyling Normal restyles them too.
        fonts=None if fonts == normal_fonts else fonts,
        bold=bold or None,
        italic=st.italic or None,
        color=_rgb(st.color) if st.color.upper() != "#000000" else None,
        size_half_pts=None if size == round(body.size_pt * 2) else size,
        spacing_twips=round(st.letter_spacing_pt * 20) or grid_spacing_twips(layout, st),
    )
    ppr = _para_props(layout, st, role, text_twips)
    next_id = "BodyText" if role.startswith("heading-") else None
    priority = 9 if role.startswith("heading-") else 20
    return StyleDef(
        style_id,
        name,
        based_on="Normal",
        next_id=next_id,
        ui_priority=priority,
        ppr=ppr,
        rpr=rpr,
        quick=role.startswith("heading-") or role in QUICK_ROLES,
    )


def _base_defs(layout: Layout, embed: bool) -> list[StyleDef]:
    """Normal and the document defaults (East Asian fonts, zh-CN, line breaking), the
    heading and TOC styles Word expects by name."""
    body = layout.style("body")
    fonts, _, _ = _fonts_for(layout, body, embed)
    normal_ppr = ParaProps(
        widow_control=True,  # two lines at least at a page's foot and head, as in print
        line_twips=round(body.leading_pt * 20),
        char_twips=round(body.size_pt * 20),
        align="both",
    )
    return [
        StyleDef(
            "Normal",
            "Normal",
            default=True,
            ppr=normal_ppr,
            rpr=RunProps(fonts=fonts, size_half_pts=round(body.size_pt * 2)),
        ),
        StyleDef(
            "DefaultParagraphFont",
            "Default Paragraph Font",
            kind="character",
            default=True,
            quick=False,
            ui_priority=1,
        ),
        StyleDef("TableNormal", "Normal Table", kind="table", default=True, quick=False),
        StyleDef(
            "LeadPhrase", "Lead Phrase", kind="character", ui_priority=21, rpr=RunProps(bold=True)
        ),
        # Page targets in an index: regular weight even after a bold entry word.
        StyleDef(
            "IndexTarget",
            "Index Target",
            kind="character",
            ui_priority=22,
            rpr=RunProps(bold=False),
        ),
    ]


def compile_styles(layout: Layout, embed: bool) -> StyleSheet:
    sheet = StyleSheet(layout, embed)
    text_twips = round(layout.page.text_width_mm * MM_TWIPS)
    for d in _base_defs(layout, embed):
        sheet.defs[d.style_id] = d
    sheet.fonts["Normal"] = _style_font(layout, layout.style("body"))
    for role, st in layout.styles.items():
        d = _style_def(layout, role, st, embed, text_twips)
        sheet.defs[d.style_id] = d
        sheet.role_ids[role] = d.style_id
        sheet.fonts[d.style_id] = _style_font(layout, st)
    _footer_variants(sheet)
    _table_style(sheet)
    return sheet


def _footer_variants(sheet: StyleSheet) -> None:
    """Left and right footer styles for odd and even pages: the page number one character
    in from the outer edge (GB/T 9704)."""
    base = sheet.defs.get("Footer")
    if base is None:
        return
    for style_id, align, side in (
        ("FooterRight", "right", "right"),
        ("FooterLeft", "left", "left"),
    ):
        ppr = copy.deepcopy(base.ppr) or ParaProps()
        ppr.align = align
        # GB/T 9704: the page number sits one character in from the outer edge.
        if side == "right":
            ppr.right_chars, ppr.left_chars = 1.0, 0.0
        else:
            ppr.left_chars, ppr.right_chars = 1.0, 0.0
        ppr.first_line_chars = 0.0
        sheet.defs[style_id] = StyleDef(
            style_id,
            f"Footer {side.capitalize()}",
            based_on="Footer",
            ppr=ppr,
            rpr=copy.deepcopy(base.rpr),
            ui_priority=99,
        )
        sheet.fonts[style_id] = sheet.fonts["Footer"]


def _table_style(sheet: StyleSheet) -> None:
    st = sheet.layout.style("figures-table")
    sheet.defs["FiguresTableGrid"] = StyleDef(
        "FiguresTableGrid",
        "Figures Table Grid",
        kind="table",
        based_on="TableNormal",
        quick=False,
        ui_priority=59,
        table_border=_rgb(st.border) or "888888",
    )

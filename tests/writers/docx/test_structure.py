"""DOCX structure: named styles, East Asian fonts, outline levels, TOC, sections, cards."""

from __future__ import annotations

import re

import docx
from lxml import etree

from exporter.assemble.plan import Heading, Table

from .conftest import NS, Built, W, style_value

HAN = re.compile(r"[\u3400-\u9fff]")


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _styles(b: Built) -> dict[str, etree._Element]:
    root = b.xml("word/styles.xml")
    return {s.get(w("styleId")): s for s in root.iterfind("w:style", NS)}


def _resolved(styles: dict[str, etree._Element], style_id: str, attr: str) -> str | None:
    """Follow basedOn until a style sets rFonts/@attr."""
    return style_value(styles, style_id, "w:rPr/w:rFonts", attr)


def _all_paragraphs(b: Built) -> list[etree._Element]:
    out = []
    for name in b.names():
        if re.fullmatch(r"word/(document|header\d+|footer\d+)\.xml", name):
            out += b.xml(name).iter(w("p"))
    return out


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def _text_tabs(p: etree._Element) -> str:
    """Run text with run tabs as \\t (tab stops in the properties are no text)."""
    nodes = [n for n in p.iter(w("t"), w("tab")) if n.getparent().tag == w("r")]
    return "".join("\t" if n.tag == w("tab") else n.text or "" for n in nodes)


def _style_of(p: etree._Element) -> str:
    style = p.find("w:pPr/w:pStyle", NS)
    return style.get(w("val")) if style is not None else ""


def _before_tab(node: etree._Element) -> str:
    out = []
    for el in node.iter(w("t"), w("tab")):
        if el.tag == w("tab"):
            break
        out.append(el.text or "")
    return "".join(out)


def _after_tab(node: etree._Element) -> str:
    seen, out = False, []
    for el in node.iter(w("t"), w("tab")):
        if el.tag == w("tab"):
            seen = True
        elif seen:
            out.append(el.text or "")
    return "".join(out)


def test_every_paragraph_names_an_existing_style(built: Built) -> None:
    styles = _styles(built)
    paragraphs = _all_paragraphs(built)
    assert len(paragraphs) > 50
    for p in paragraphs:
        ps = p.find("w:pPr/w:pStyle", NS)
        assert ps is not None, _text(p)
        assert ps.get(w("val")) in styles
    for doc_p in docx.Document(str(built.path)).paragraphs:
        assert doc_p.style is not None and doc_p.style.name


def test_runs_carry_no_fonts_or_sizes(built: Built) -> None:
    body = built.xml("word/document.xml")
    for rpr in body.iter(w("rPr")):
        if rpr.getparent().tag == w("r"):
            assert [c.tag for c in rpr] == [w("rStyle")]


def test_chinese_text_styles_resolve_to_layout_east_asian_fonts(built: Built) -> None:
    from exporter.resources import fonts_dir
    from exporter.writers.docx.fontfaces import face

    styles = _styles(built)
    allowed = {
        face(fonts_dir() / f).family
        for r in built.layout.fonts.values()
        for f in [*r.files, *r.bold_files]
    }
    used = set()
    for p in _all_paragraphs(built):
        if HAN.search(_text(p)):
            used.add(p.find("w:pPr/w:pStyle", NS).get(w("val")))
    assert {"BodyText", "Heading1", "Heading2"} <= used
    for style_id in used:
        east = _resolved(styles, style_id, "eastAsia")
        assert east in allowed, (style_id, east)
    root = built.xml("word/styles.xml")
    xml = etree.tostring(root).decode()
    assert "Theme" not in re.sub(r"<w:latentStyles.*</w:latentStyles>", "", xml)
    lang = root.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(w("eastAsia")) == "zh-CN"


def test_body_style_indents_two_characters_with_chinese_line_breaking(built: Built) -> None:
    body = _styles(built)["BodyText"]
    ind = body.find("w:pPr/w:ind", NS)
    assert ind.get(w("firstLineChars")) == "200"
    for tag in ("kinsoku", "overflowPunct", "autoSpaceDE", "autoSpaceDN"):
        assert body.find(f"w:pPr/w:{tag}", NS) is not None


def test_headings_have_outline_levels(built: Built) -> None:
    styles = _styles(built)
    for level in (1, 2, 3):
        lvl = styles[f"Heading{level}"].find("w:pPr/w:outlineLvl", NS)
        assert lvl is not None and lvl.get(w("val")) == str(level - 1)
    doc = docx.Document(str(built.path))
    names = {p.style.name for p in doc.paragraphs if p.style is not None}
    assert {"Heading 1", "Heading 2", "Heading 3"} <= names


def test_toc_field_prefilled_with_linked_entries(built: Built) -> None:
    root = built.xml("word/document.xml")
    instr = [t.text for t in root.iter(w("instrText"))]
    toc = [i for i in instr if i.strip().startswith("TOC")]
    assert len(toc) == 1 and re.search(r'TOC \\o "1-[23]" \\h \\z \\u', toc[0])
    bookmarks = {b.get(w("name")) for b in root.iter(w("bookmarkStart"))}
    links = [
        h
        for h in root.iter(w("hyperlink"))
        if h.getparent().find("w:pPr/w:pStyle", NS).get(w("val")).startswith("TOC")
    ]
    expected = [h.text for h in built.book.headings() if h.toc and h.level <= 2]
    assert [_before_tab(h) for h in links] == expected
    assert all(h.get(w("anchor")) in bookmarks for h in links)
    # Page numbers are pre-filled (an estimate Word refreshes), never a placeholder.
    pages = [_after_tab(h) for h in links]
    assert all(re.fullmatch(r"[ivxlcdm]+|[1-9]\d*", p) for p in pages), pages
    refs = [[t.text for t in h.iter(w("instrText"))] for h in links]
    assert all(len(r) == 1 and "PAGEREF" in r[0] for r in refs), refs
    settings = built.xml("word/settings.xml")
    assert settings.find("w:updateFields", NS).get(w("val")) == "true"


def _part_for(b: Built, rid: str) -> str:
    rels = etree.fromstring(b.read("word/_rels/document.xml.rels"))
    for rel in rels:
        if rel.get("Id") == rid:
            return "word/" + rel.get("Target")
    raise KeyError(rid)


def test_sections_carry_chapter_headers_and_page_footers(built: Built) -> None:
    root = built.xml("word/document.xml")
    sects = list(root.iter(w("sectPr")))
    assert len(sects) == len(built.book.parts)
    for part, sect in zip(built.book.parts, sects, strict=True):
        ref = sect.find("w:headerReference[@w:type='default']", NS)
        hp = next(built.xml(_part_for(built, ref.get(f"{{{NS['r']}}}id"))).iter(w("p")))
        want = part.header if built.layout.header_footer.header else ""
        assert _text(hp) == want
        style = hp.find("w:pPr/w:pStyle", NS).get(w("val"))
        assert style == ("Header" if want else "Normal")
        fref = sect.find("w:footerReference[@w:type='default']", NS)
        footer = built.xml(_part_for(built, fref.get(f"{{{NS['r']}}}id")))
        has_page = any(t.text.strip() == "PAGE" for t in footer.iter(w("instrText")))
        assert has_page == (part.numbering != "none")
    fmts = [s.find("w:pgNumType", NS) for s in sects]
    assert fmts[1].get(w("fmt")) == "lowerRoman" and fmts[1].get(w("start")) == "1"
    chapter = [p.kind for p in built.book.parts].index("chapter")
    assert fmts[chapter].get(w("fmt")) == "decimal" and fmts[chapter].get(w("start")) == "1"


def test_gongwen_page_setup_grid_and_outer_page_numbers(built_gongwen: Built) -> None:
    b = built_gongwen
    root = b.xml("word/document.xml")
    sect = root.find("w:body/w:sectPr", NS)
    mar = sect.find("w:pgMar", NS)
    assert sect.find("w:pgSz", NS).get(w("w")) == "11906"
    assert (mar.get(w("top")), mar.get(w("left")), mar.get(w("right"))) == ("2098", "1587", "1474")
    grid = sect.find("w:docGrid", NS)
    assert grid.get(w("linePitch")) == "579"
    body = _styles(b)["BodyText"]
    assert style_value(_styles(b), "BodyText", "w:rPr/w:sz", "val") == "32"
    assert body.find("w:rPr/w:spacing", NS).get(w("val")) == "-5"  # 28 chars a line
    settings = b.xml("word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    odd = sect.find("w:footerReference[@w:type='default']", NS).get(f"{{{NS['r']}}}id")
    even = sect.find("w:footerReference[@w:type='even']", NS).get(f"{{{NS['r']}}}id")
    for rid, style, jc in ((odd, "FooterRight", "right"), (even, "FooterLeft", "left")):
        p = next(b.xml(_part_for(b, rid)).iter(w("p")))
        assert p.find("w:pPr/w:pStyle", NS).get(w("val")) == style
        assert _styles(b)[style].find("w:pPr/w:jc", NS).get(w("val")) == jc
        assert re.fullmatch(r"— 1 —", _text(p))


def test_case_card_parts(built_book: Built) -> None:
    root = built_book.xml("word/document.xml")
    for tbl in root.iter(w("tbl")):  # a table's header row repeats on every page
        first = tbl.find("w:tr", NS)
        assert first.find("w:trPr/w:tblHeader", NS) is not None
    # Key figures as the PDF sets them: sentence, dot leader to the right edge, figure.
    lines = [p for p in root.iter(w("p")) if _style_of(p) == "FigureLine"]
    figures = [r for b in built_book.book.blocks() if isinstance(b, Table) for r in b.rows]
    assert len(lines) == len(figures) == 8
    for p, (figure, sentence) in zip(lines, figures, strict=True):
        assert _text_tabs(p).replace("\u2060", "") == f"{sentence}\t{figure}"
    tab = _styles(built_book)["FigureLine"].find("w:pPr/w:tabs/w:tab", NS)
    assert (tab.get(w("val")), tab.get(w("leader"))) == ("right", "dot")
    styles = _styles(built_book)
    boxed = [s for s in styles if s.endswith("InSummaryBox")]
    assert boxed and styles[boxed[0]].find("w:pPr/w:shd", NS) is not None
    # Each practices list restarts: its own w:num with a start override.
    num_ids = []
    for p in root.iter(w("p")):
        n = p.find("w:pPr/w:numPr/w:numId", NS)
        if n is not None and n.get(w("val")) not in num_ids:
            num_ids.append(n.get(w("val")))
    lists = sum(
        1
        for part in built_book.book.parts
        for blk in part.blocks
        if type(blk).__name__ == "ListBlock"
    )
    assert len(num_ids) == lists == 4
    numbering = built_book.xml("word/numbering.xml")
    for n in num_ids:
        num = numbering.find(f"w:num[@w:numId='{n}']", NS)
        assert num.find("w:lvlOverride/w:startOverride", NS).get(w("val")) == "1"
    assert any(n.startswith("word/media/") and n.endswith(".png") for n in built_book.names())
    wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    ids = [d.get("id") for d in root.iter(f"{{{wp}}}docPr")]
    assert len(ids) == 2 and len(set(ids)) == 2  # duplicates make Word repair the file


def test_bookmarks_for_every_heading_and_index_links_resolve(built_book: Built) -> None:
    root = built_book.xml("word/document.xml")
    bookmarks = {b.get(w("name")) for b in root.iter(w("bookmarkStart"))}
    headings = [b for b in built_book.book.headings() if isinstance(b, Heading)]
    assert len(bookmarks) >= len(headings)
    anchors = [h.get(w("anchor")) for h in root.iter(w("hyperlink"))]
    assert anchors and all(a in bookmarks for a in anchors)
    index_links = [
        h
        for h in root.iter(w("hyperlink"))
        if h.getparent().find("w:pPr/w:pStyle", NS).get(w("val")).startswith("Index")
    ]
    assert len(index_links) == 4
    for link in index_links:  # targets in regular weight after a bold entry word
        assert {r.get(w("val")) for r in link.iter(w("rStyle"))} == {"IndexTarget"}


def test_core_properties(built_book: Built) -> None:
    cp = docx.Document(str(built_book.path)).core_properties
    assert cp.title == "基层党建案例汇编"
    assert cp.language == "zh-CN"
    assert "党建" in cp.keywords
    assert cp.author == "编者"
    assert cp.created.year == 2025 and cp.created == cp.modified


def test_raw_ooxml_stays_in_one_module() -> None:
    from pathlib import Path

    import exporter.writers.docx as pkg

    raw = re.compile(r"\b(lxml|etree|docx\.oxml|OxmlElement|qn\(|parse_xml)\b")
    for module in Path(pkg.__file__).parent.glob("*.py"):
        if module.name != "ooxml.py":
            assert not raw.search(module.read_text(encoding="utf-8")), module.name

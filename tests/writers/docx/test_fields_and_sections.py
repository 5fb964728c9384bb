"""The DOCX XML behind what an office suite shows: pictures in paragraphs that fit them,
sections that start pages, STYLEREF headers, PAGEREF indexes, footer offset, widow control,
style inheritance, fonts and their fallbacks."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from exporter.assemble.plan import Index
from exporter.layout.load import load_layout
from exporter.writers.docx import write_docx
from exporter.writers.docx.fontfaces import obfuscate
from exporter.writers.docx.package import build_date

from .conftest import NS, Built, W, build, style_value
from .sample import sample_book


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _styles(b: Built) -> dict[str, etree._Element]:
    return {s.get(w("styleId")): s for s in b.xml("word/styles.xml").iterfind("w:style", NS)}


def _style_of(p: etree._Element) -> str:
    node = p.find("w:pPr/w:pStyle", NS)
    return node.get(w("val")) if node is not None else "Normal"


def test_no_picture_sits_in_an_exact_line_height(built: Built) -> None:
    styles = _styles(built)
    root = built.xml("word/document.xml")
    drawings = list(root.iter(w("drawing")))
    assert drawings
    for d in drawings:
        p = next(d.iterancestors(w("p")))
        rule = style_value(styles, _style_of(p), "w:pPr/w:spacing", "lineRule")
        assert rule != "exact", _style_of(p)


def test_sections_start_pages_where_numbering_changes(built: Built) -> None:
    """A continuous break never carries a new numbering or header (LibreOffice ignores its
    page settings); the first chapter's section starts a page and restarts at 1."""
    root = built.xml("word/document.xml")
    sects = list(root.iter(w("sectPr")))
    prev_fmt = None
    for sect in sects:
        kind = sect.find("w:type", NS).get(w("val"))
        num = sect.find("w:pgNumType", NS)
        fmt = num.get(w("fmt")) if num is not None else None
        if kind == "continuous":
            assert fmt == prev_fmt and (num is None or num.get(w("start")) is None)
        prev_fmt = fmt
    decimal = [s for s in sects if s.find("w:pgNumType", NS) is not None]
    first = next(s for s in decimal if s.find("w:pgNumType", NS).get(w("fmt")) == "decimal")
    assert first.find("w:pgNumType", NS).get(w("start")) == "1"
    assert first.find("w:type", NS).get(w("val")) == "nextPage"


def test_running_headers_are_styleref_fields(built: Built) -> None:
    if not built.layout.header_footer.header:
        pytest.skip("no running header in this layout")
    headers = [n for n in built.names() if re.fullmatch(r"word/header\d+\.xml", n)]
    instr = [t.text.strip() for n in headers for t in built.xml(n).iter(w("instrText"))]
    assert 'STYLEREF "heading 1"' in instr


def test_index_entries_carry_pageref_fields_in_two_columns(tmp_path: Path) -> None:
    book, _ = sample_book()
    index = next(b for b in book.blocks() if isinstance(b, Index))
    index.entries = index.entries * 4  # long enough for two columns
    out = tmp_path / "index.docx"
    write_docx(book, load_layout("book"), out)
    root = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    bookmarks = {b.get(w("name")) for b in root.iter(w("bookmarkStart"))}
    entries = [p for p in root.iter(w("p")) if _style_of(p).startswith("Index")]
    refs = [t.text.split()[1] for p in entries for t in p.iter(w("instrText"))]
    assert refs and set(refs) <= bookmarks
    targets = sum(len(e.targets) for e in index.entries)
    assert len(refs) >= targets // 4  # one per page (distinct pages of an entry)
    for p in entries:
        if list(p.iter(w("instrText"))):
            assert all(r.isdigit() for r in _cached_pagerefs(p))
    cols = [c for c in root.iter(w("cols")) if c.get(w("num")) == "2"]
    assert len(cols) == 1


def _cached_pagerefs(p: etree._Element) -> list[str]:
    out, inside, current = [], False, ""
    for node in p.iter(w("fldChar"), w("t")):
        kind = node.get(w("fldCharType"))
        if kind == "separate":
            inside, current = True, ""
        elif kind == "end" and inside:
            out.append(current)
            inside = False
        elif node.tag == w("t") and inside:
            current += node.text or ""
    return out


def test_gongwen_footer_sits_7mm_below_the_type_area(built_gongwen: Built) -> None:
    page, hf = built_gongwen.layout.page, built_gongwen.layout.header_footer
    line_mm = built_gongwen.layout.style("footer").leading_pt * 25.4 / 72
    want = round((page.bottom_mm - hf.footer_offset_mm - line_mm) * 1440 / 25.4)
    sect = built_gongwen.xml("word/document.xml").find("w:body/w:sectPr", NS)
    assert int(sect.find("w:pgMar", NS).get(w("footer"))) == want


def test_normal_sets_widow_control_and_styles_inherit_its_font(built: Built) -> None:
    styles = _styles(built)
    assert styles["Normal"].find("w:pPr/w:widowControl", NS) is not None
    body = styles["BodyText"]
    assert body.find("w:basedOn", NS).get(w("val")) == "Normal"
    assert body.find("w:rPr/w:rFonts", NS) is None and body.find("w:rPr/w:sz", NS) is None
    heading = styles["Heading1"]  # another face and size: set on the style itself
    assert heading.find("w:rPr/w:sz", NS) is not None


def test_inner_headings_appear_in_the_navigation_pane(built_book: Built) -> None:
    root = built_book.xml("word/document.xml")
    inner = [p for p in root.iter(w("p")) if _style_of(p) in ("Heading3", "Heading4")]
    assert inner
    for p in inner:
        assert p.find("w:pPr/w:outlineLvl", NS) is None  # the style's level applies
    styles = _styles(built_book)
    assert styles["Heading4"].find("w:pPr/w:outlineLvl", NS).get(w("val")) == "3"


def test_creation_date_without_a_book_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert build_date() == dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    today = dt.datetime.now(dt.timezone.utc).date()
    assert build_date().date() == today and build_date().hour == 0


def test_kai_lead_phrase_is_not_synthesised_bold(built_book: Built) -> None:
    root = built_book.xml("word/document.xml")
    boxed = [p for p in root.iter(w("p")) if _style_of(p) == "SummaryInSummaryBox"]
    assert boxed
    for p in boxed:
        assert "LeadPhrase" not in {r.get(w("val")) for r in p.iter(w("rStyle"))}


def _fonts(b: Built) -> dict[str, etree._Element]:
    return {f.get(w("name")): f for f in b.xml("word/fontTable.xml").iterfind("w:font", NS)}


def test_font_table_names_stock_fallbacks(built_book: Built, built_names: Built) -> None:
    embedded = _fonts(built_book)["Noto Serif SC"]
    assert embedded.find("w:altName", NS).get(w("val")) == "宋体"
    assert embedded.find("w:charset", NS).get(w("val")) == "86"
    assert re.fullmatch(r"[0-9A-F]{20}", embedded.find("w:panose1", NS).get(w("val")))
    named = _fonts(built_names)
    assert named["仿宋_GB2312"].find("w:altName", NS).get(w("val")) == "仿宋"
    assert named["楷体_GB2312"].find("w:altName", NS).get(w("val")) == "楷体"


def test_full_embedding_keeps_whole_faces(tmp_path: Path) -> None:
    b = build(tmp_path, "brief", True)
    book, _ = sample_book()
    out = tmp_path / "full.docx"
    write_docx(book, b.layout, out, embed_fonts="full")
    with zipfile.ZipFile(out) as z:
        settings = etree.fromstring(z.read("word/settings.xml"))
        assert settings.find("w:embedTrueTypeFonts", NS) is not None
        assert settings.find("w:saveSubsetFonts", NS) is None
        fonts = [n for n in z.namelist() if n.endswith(".odttf")]
        table = etree.fromstring(z.read("word/fontTable.xml"))
        keys = [e.get(w("fontKey")) for e in table.iter(w("embedRegular"), w("embedBold"))]
        sizes = sorted(len(z.read(n)) for n in fonts)
    assert len(keys) == len(fonts)
    noto = (Path(__file__).resolve().parents[3] / "fonts" / "NotoSerifSC-Regular.ttf").read_bytes()
    assert len(noto) in sizes  # the whole file, not a subset
    assert obfuscate(obfuscate(noto[:64], keys[0]), keys[0]) == noto[:64]
    with pytest.raises(ValueError):
        write_docx(book, b.layout, tmp_path / "bad.docx", embed_fonts="some")

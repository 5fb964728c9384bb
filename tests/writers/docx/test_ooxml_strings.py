"""The body is built as XML text: it must be what lxml itself writes for the same tree
(so the file's bytes do not depend on how it was built) and must carry the text exactly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from exporter.writers.docx import ooxml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
WRAP = f'<w:body xmlns:w="{W}" xmlns:r="{R}">'

# Markup characters, the whitespace run() turns into elements, spaces that need
# xml:space, Han, a non-BMP character and characters XML forbids.
ALPHABET = st.sampled_from(list("&<>\"'\r\n\t \u3000a中，𠀀\x00\x0b\ufffe]"))
TEXT = st.text(ALPHABET, max_size=12)


def _relaxed(fragments: list[str]) -> bytes:
    """Parse the fragments and serialize them again with lxml."""
    root = etree.fromstring(f"{WRAP}{''.join(fragments)}</w:body>".encode())
    return etree.tostring(root, encoding="UTF-8")


def _same_as_lxml(fragments: list[str]) -> bool:
    return _relaxed(fragments) == f"{WRAP}{''.join(fragments)}</w:body>".encode()


def _visible(run_xml: str) -> str:
    """A run's text back from its XML: w:t text, w:tab as a tab, w:br as a line feed."""
    node = etree.fromstring(f"{WRAP}{run_xml}</w:body>".encode())[0]
    out = []
    for child in node:
        name = etree.QName(child).localname
        if name == "t":  # spaces at either end are kept, and only then is it said
            text = child.text or ""
            assert (child.get(XML_SPACE) == "preserve") == (text != text.strip())
        out.append({"t": child.text or "", "tab": "\t", "br": "\n"}.get(name, ""))
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from([None, "LeadPhrase", 'Odd"&<Style']))
def test_runs_are_what_lxml_writes_and_keep_the_text(text: str, char_style: str | None) -> None:
    run = ooxml.run(text, char_style)
    assert _same_as_lxml([run])
    assert _visible(run) == ooxml.clean_text(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(TEXT, max_size=3), TEXT, st.booleans(), st.sampled_from([None, 0, 9]))
def test_paragraphs_links_fields_and_bookmarks_are_what_lxml_writes(
    texts: list[str], anchor: str, page_break: bool, outline: int | None
) -> None:
    runs = [ooxml.run(t) for t in texts]
    link = ooxml.hyperlink(ooxml.clean_text(anchor), runs)
    field = ooxml.field_runs(f"PAGEREF {ooxml.clean_text(anchor)} \\h", runs)
    p = ooxml.paragraph(
        "Body", [link, ooxml.tab_run(), *field], page_break_before=page_break, outline_level=outline
    )
    ooxml.bookmark(p, "a_1", 1)
    ooxml.bookmark(p, "a_2", 2)
    empty = ooxml.paragraph("Body", num=(3, 0))
    assert _same_as_lxml([p.xml(), empty.xml()])
    body = etree.fromstring(f"{WRAP}{p.xml()}</w:body>".encode())
    marks = body.findall(f".//{{{W}}}bookmarkStart")
    assert [m.get(f"{{{W}}}id") for m in marks] == ["2", "1"]  # innermost last
    assert body[0][-1].tag == f"{{{W}}}bookmarkEnd"


def test_tables_and_sections_are_what_lxml_writes() -> None:
    cells = [ooxml.paragraph("Cell", [ooxml.run("甲 & 乙")]), ooxml.paragraph("Cell")]
    head, close = ooxml.table_start("Grid", [1000, 2000])
    rows = [
        ooxml.table_row([1000, 2000], cells, True, "D9D9D9"),
        ooxml.table_row([1000, 2000], cells),
    ]
    section = ooxml.SectionDef(11906, 16838, 1417, 1247, 1417, 1134, 794, 680)
    section.headers = {"default": "rId1"}
    section.page_format, section.restart = "decimal", True
    section.grid_pitch_twips, section.grid_char_space = 579, -10
    last = ooxml.paragraph("Body")
    ooxml.attach_section(last, ooxml.section_props(section))
    assert _same_as_lxml([head, *rows, close, last.xml()])
    element = ooxml.to_element(ooxml.section_props(section))
    assert element.find(f"{{{W}}}headerReference").get(f"{{{R}}}id") == "rId1"

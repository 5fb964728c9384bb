"""Word files, web pages and PDF pages as editors receive them (made here in code): GBK pages
with a meta charset, `<br>` paragraphs, table layouts; Word text boxes, content controls,
numbered headings and tracked changes; PDF pages in three columns with a headline over two
of them and a running footer. Each reads into the same cases as the same text given as plain
text. Damaged, encrypted and empty files are one InputError naming the file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from exporter.errors import InputError
from exporter.model import Case
from exporter.readers import read_file, read_paths, read_text

ROOT = Path(__file__).resolve().parents[2]
TITLE = "河口镇：“红色驿站”暖了新就业群体"
BYLINE = "本报记者 方远 通讯员 陈晓春"
HEAD2 = "一、阵地建在身边"
PARAS = [
    "今年以来，河口镇党委在商圈和物流园设立“红色驿站”12个，为快递员、外卖骑手提供歇脚、充电、饮水等服务。",
    "驿站由社区党组织和入驻企业共同管理，每天开放12小时，累计服务新就业群体4300余人次。",
    "“跑单累了能坐下来喝口热水，心里暖暖的。”骑手小刘说。",
    "下一步，河口镇将推动驿站与社区议事会衔接，邀请骑手参与基层治理。",
]
PLAIN = f"{TITLE}\n\n{BYLINE}\n\n{PARAS[0]}\n\n{PARAS[1]}\n\n{HEAD2}\n\n{PARAS[2]}\n\n{PARAS[3]}\n"

Facts = list[tuple[str | None, list[str], list[str]]]


def _facts(cases: list[Case]) -> Facts:
    return [(c.title, c.authors, [p.text for p in c.paragraphs()]) for c in cases]


@pytest.fixture(scope="module")
def plain() -> Facts:
    _src, cases = read_text(PLAIN, "plain.txt")
    assert len(cases) == 1 and cases[0].title == TITLE
    assert [s.heading for s in cases[0].sections if s.heading] == [HEAD2]
    return _facts(cases)


# -- web pages -----------------------------------------------------------------------------


def _page(body: str, charset: str = "utf-8", meta: str | None = None) -> str:
    head = meta if meta is not None else f'<meta charset="{charset}">'
    return f"<html><head>{head}<title>{TITLE}_新闻中心</title></head><body>{body}</body></html>"


def test_a_gbk_page_with_a_meta_charset(tmp_path: Path, plain: Facts) -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    paras = "".join(f"<p>{p}</p>" for p in [BYLINE, PARAS[0], PARAS[1]])
    rest = "".join(f"<p>{p}</p>" for p in PARAS[2:])
    body = f"<h1>{TITLE}</h1><div class='content'>{paras}<h3>{HEAD2}</h3>{rest}</div>"
    path = tmp_path / "gbk.html"
    path.write_bytes(_page(body, meta=meta).encode("gbk"))
    _src, cases = read_file(path)
    assert _facts(cases) == plain


def test_a_gbk_page_without_a_charset(tmp_path: Path, plain: Facts) -> None:
    paras = "".join(f"<p>{p}</p>" for p in [BYLINE, PARAS[0], PARAS[1]])
    rest = "".join(f"<p>{p}</p>" for p in PARAS[2:])
    body = f"<h1>{TITLE}</h1><div class='content'>{paras}<h3>{HEAD2}</h3>{rest}</div>"
    path = tmp_path / "bare.htm"
    path.write_bytes(_page(body, meta="").encode("gb18030"))
    _src, cases = read_file(path)
    assert _facts(cases) == plain


def test_paragraphs_separated_by_br_in_one_div(tmp_path: Path, plain: Facts) -> None:
    text = "<br>\n".join(["&nbsp;&nbsp;" + p for p in [BYLINE, PARAS[0], PARAS[1]]])
    rest = "<br><br>".join(PARAS[2:])
    body = (
        f"<div class='nav'>首页 | 工作动态</div><h1>{TITLE}</h1>"
        f"<div id='zoom'>{text}<br><br><strong>{HEAD2}</strong><br>{rest}</div>"
        "<div class='footer'>主办单位：某某镇人民政府</div>"
    )
    path = tmp_path / "br.html"
    path.write_text(_page(body), encoding="utf-8")
    _src, cases = read_file(path)
    assert _facts(cases) == plain


def test_a_table_layout_page_with_the_text_in_cells(tmp_path: Path, plain: Facts) -> None:
    cells = "".join(f"<p>{p}</p>" for p in [BYLINE, PARAS[0], PARAS[1]])
    rest = "".join(f"<p>{p}</p>" for p in PARAS[2:])
    body = (
        "<table width='980'><tr><td class='top'><a href='/'>首页</a> <a href='/a'>党建动态</a>"
        "</td></tr><tr><td><table><tr>"
        "<td width='200' class='left'><a href='/b'>通知公告</a><br><a href='/c'>组工信息</a></td>"
        f"<td><table><tr><td align='center'><font size='5'><b>{TITLE}</b></font></td></tr>"
        "<tr><td align='center' class='time'>发布时间：2025-05-06 来源：河口镇党委</td></tr>"
        f"<tr><td>{cells}<p><b>{HEAD2}</b></p>{rest}</td></tr></table></td>"
        "</tr></table></td></tr><tr><td class='bottom'>版权所有 某某市委组织部</td></tr></table>"
    )
    path = tmp_path / "table.html"
    path.write_text(_page(body), encoding="utf-8")
    src, cases = read_file(path)
    assert _facts(cases) == plain
    assert "版权所有" in " ".join(d.text for d in src.dropped)


def test_the_text_of_td_cells_separated_by_br(tmp_path: Path, plain: Facts) -> None:
    text = "<br><br>".join([BYLINE, PARAS[0], PARAS[1], HEAD2, *PARAS[2:]])
    body = (
        f"<table><tr><td class='menu'>首页 新闻</td></tr><tr><td><h2>{TITLE}</h2></td></tr>"
        f"<tr><td class='content'>{text}</td></tr></table>"
    )
    path = tmp_path / "td.html"
    path.write_text(_page(body), encoding="utf-8")
    _src, cases = read_file(path)
    assert _facts(cases) == plain


def test_an_empty_web_page_is_one_input_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.html"
    blank.write_text("<html><head><title></title></head><body></body></html>", "utf-8")
    for path in (empty, blank):
        with pytest.raises(InputError) as info:
            read_file(path)
        assert info.value.path == str(path)


# -- Word ----------------------------------------------------------------------------------


def _docx_doc():
    import docx

    doc = docx.Document()
    doc.add_heading(TITLE, level=1)
    doc.add_paragraph(BYLINE)
    return doc


def test_numbered_headings_tracked_changes_and_content_controls(
    tmp_path: Path, plain: Facts
) -> None:
    from docx.oxml import parse_xml

    doc = _docx_doc()
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    p0 = doc.add_paragraph()
    # A tracked insertion is kept, a tracked deletion is not.
    p0._p.append(parse_xml(f"<w:r {ns}><w:t>{PARAS[0][:10]}</w:t></w:r>"))
    p0._p.append(
        parse_xml(
            f'<w:del {ns} w:id="1" w:author="审核">'
            "<w:r><w:delText>（草稿）</w:delText></w:r></w:del>"
        )
    )
    p0._p.append(
        parse_xml(
            f'<w:ins {ns} w:id="2" w:author="审核"><w:r><w:t>{PARAS[0][10:]}</w:t></w:r></w:ins>'
        )
    )
    # A paragraph inside a block content control.
    sdt = parse_xml(
        f'<w:sdt {ns}><w:sdtPr><w:alias w:val="正文"/></w:sdtPr><w:sdtContent>'
        f"<w:p><w:r><w:t>{PARAS[1]}</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    doc.element.body.insert(len(doc.element.body) - 1, sdt)
    doc.add_heading(HEAD2, level=2)  # `一、` typed in a Heading style
    p2 = doc.add_paragraph()
    p2._p.append(
        parse_xml(
            f"<w:sdt {ns}><w:sdtContent><w:r><w:t>{PARAS[2]}</w:t></w:r></w:sdtContent></w:sdt>"
        )
    )
    doc.add_paragraph(PARAS[3])
    path = tmp_path / "tracked.docx"
    doc.save(str(path))
    _src, cases = read_file(path)
    assert _facts(cases) == plain
    assert [s.heading for s in cases[0].sections if s.heading] == [HEAD2]


def test_auto_numbered_headings_get_their_number(tmp_path: Path, plain: Facts) -> None:
    """`一、` made by Word's numbering (chineseCounting) on a Heading 2, not typed."""
    from docx.oxml import parse_xml

    doc = _docx_doc()
    doc.add_paragraph(PARAS[0])
    doc.add_paragraph(PARAS[1])
    h = doc.add_heading(HEAD2[2:], level=2)
    numbering = doc.part.numbering_part.element
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering.append(
        parse_xml(
            f'<w:abstractNum {ns} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
        )
    )
    numbering.append(parse_xml(f'<w:num {ns} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    h._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {ns}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')
    )
    doc.add_paragraph(PARAS[2])
    doc.add_paragraph(PARAS[3])
    path = tmp_path / "numbered.docx"
    doc.save(str(path))
    _src, cases = read_file(path)
    assert _facts(cases) == plain
    assert [s.heading for s in cases[0].sections if s.heading] == [HEAD2]


def test_text_boxes_are_read_once_after_their_paragraph(tmp_path: Path, plain: Facts) -> None:
    from docx.oxml import parse_xml

    doc = _docx_doc()
    doc.add_paragraph(PARAS[0])
    anchor = doc.add_paragraph()
    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    box = f"<w:txbxContent><w:p><w:r><w:t>{PARAS[1]}</w:t></w:r></w:p></w:txbxContent>"
    anchor._p.append(
        parse_xml(
            f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            f"<wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict>"
            f"<v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>"
        )
    )
    doc.add_heading(HEAD2, level=2)
    doc.add_paragraph(PARAS[2])
    doc.add_paragraph(PARAS[3])
    path = tmp_path / "textbox.docx"
    doc.save(str(path))
    _src, cases = read_file(path)
    assert _facts(cases) == plain


def test_a_truncated_word_file_is_one_input_error_and_others_still_build(tmp_path: Path) -> None:
    doc = _docx_doc()
    for p in PARAS:
        doc.add_paragraph(p)
    good = tmp_path / "good.docx"
    doc.save(str(good))
    bad = tmp_path / "cut.docx"
    bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(InputError) as info:
        read_file(bad)
    assert info.value.path == str(bad)
    comp = read_paths([bad, good])
    errors = {Path(s.path).name: s.error for s in comp.sources}
    assert errors["cut.docx"] and not errors["good.docx"]
    assert [c.title for c in comp.cases] == [TITLE]


def test_a_word_file_without_its_document_part(tmp_path: Path) -> None:
    path = tmp_path / "hollow.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(InputError, match="Word"):
        read_file(path)


# -- PDF -----------------------------------------------------------------------------------


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("Serif", str(ROOT / "fonts" / "NotoSerifSC-Regular.ttf")))
    return "Serif"


def _column(c, x: float, top: float, paras: list[str], chars: int = 13) -> float:
    y = top
    for text in paras:
        c.setFont("Serif", 10.5)
        for k in range(0, len(text), chars):
            c.drawString(x + (21 if k == 0 else 0), y, text[k : k + chars])
            y -= 15
        y -= 4
    return y


OTHER_TITLE = "石桥村党员“包片”解民忧"
OTHER = [
    "石桥村把全村划为8个片区，每名党员包一个片区，定期走访农户。",
    "今年以来，党员累计帮办实事60余件，村民满意度明显提升。",
]


def test_three_columns_with_a_headline_over_two(tmp_path: Path, plain: Facts) -> None:
    """Column 1 holds another article from the top of the page; the headline spans columns
    2 and 3, and its text runs down column 2 into column 3 and on to the next page. Drawn
    column 3 first. A running footer with the paper's name and date sits on both pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _font()
    path = tmp_path / "three.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    _w, h = A4
    x1, x2, x3 = 40, 40 + 180, 40 + 360

    def footer() -> None:
        c.setFont("Serif", 8)
        c.drawString(40, 28, "河口日报 2025年5月6日 星期二")

    footer()
    _column(c, x3, h - 150, [PARAS[2]])
    c.setFont("Serif", 14)
    c.drawString(x3, h - 130, HEAD2)
    c.setFont("Serif", 20)
    c.drawString(x2, h - 70, TITLE)
    c.setFont("Serif", 10.5)
    c.drawString(x2, h - 100, BYLINE)
    _column(c, x2, h - 130, [PARAS[0], PARAS[1]])
    c.setFont("Serif", 16)
    c.drawString(x1, h - 70, OTHER_TITLE[:8])
    c.drawString(x1, h - 92, OTHER_TITLE[8:])
    _column(c, x1, h - 130, OTHER)
    c.showPage()
    footer()
    _column(c, x1, h - 80, [PARAS[3]])
    c.showPage()
    c.save()
    src, cases = read_file(path)
    dropped = {(" ".join(d.text.split()), d.reason) for d in src.dropped}
    assert ("河口日报 2025年5月6日 星期二", "running_header") in dropped
    ours = [c for c in cases if c.title == TITLE]
    assert len(ours) == 1
    assert ours[0].authors == plain[0][1]
    assert [p.text for p in ours[0].paragraphs()] == plain[0][2]
    other = next(c for c in cases if c.title and c.title.startswith("石桥村"))
    assert [p.text for p in other.paragraphs()][: len(OTHER)] == OTHER


def test_an_encrypted_or_damaged_pdf_is_one_input_error(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    _font()
    locked = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(locked), encrypt="pw")
    c.setFont("Serif", 12)
    c.drawString(72, 700, TITLE)
    c.showPage()
    c.save()
    good = tmp_path / "good.pdf"
    c = canvas.Canvas(str(good))
    c.setFont("Serif", 20)
    c.drawString(72, 760, TITLE)
    c.setFont("Serif", 10.5)
    c.drawString(72, 730, BYLINE)
    y = 700.0
    for p in PARAS:
        y = _column(c, 72, y, [p], chars=40)
    c.showPage()
    c.save()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good.read_bytes()[:400])
    with pytest.raises(InputError, match="password") as info:
        read_file(locked)
    assert info.value.path == str(locked)
    with pytest.raises(InputError, match="damaged"):
        read_file(cut)
    comp = read_paths([locked, cut, good])
    errors = {Path(s.path).name: s.error for s in comp.sources}
    assert errors["locked.pdf"] and errors["cut.pdf"] and not errors["good.pdf"]
    assert [c.title for c in comp.cases] == [TITLE]


def test_pdf_text_inside_a_form_xobject_is_placed_on_the_page(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    _font()
    path = tmp_path / "form.pdf"
    c = canvas.Canvas(str(path))
    c.beginForm("body")
    c.setFont("Serif", 10.5)
    c.drawString(0, 0, PARAS[0][:30])
    c.endForm()
    c.setFont("Serif", 20)
    c.drawString(72, 760, TITLE)
    c.saveState()
    c.translate(72, 700)
    c.doForm("body")
    c.restoreState()
    c.showPage()
    c.save()
    from exporter.readers.formats.pdf_in import convert

    text = convert(path).text
    assert text.index(TITLE) < text.index(PARAS[0][:30])


def test_paragraphs_separated_by_br_inside_one_p(tmp_path: Path, plain: Facts) -> None:
    text = "<br>".join([BYLINE, PARAS[0], PARAS[1]])
    rest = "<br/>\n".join(PARAS[2:])
    body = (
        f"<h1>{TITLE}</h1><div class='TRS_Editor'><p>{text}</p><h4>{HEAD2}</h4><p>{rest}</p></div>"
    )
    path = tmp_path / "pbr.html"
    path.write_text(_page(body), encoding="utf-8")
    _src, cases = read_file(path)
    assert _facts(cases) == plain


def test_a_pdf_page_with_a_crop_box_off_the_origin(tmp_path: Path, plain: Facts) -> None:
    """The running head sits in the top margin of the crop box, not of the media box."""
    from reportlab.pdfgen import canvas

    _font()
    path = tmp_path / "crop.pdf"
    c = canvas.Canvas(str(path), pagesize=(700, 1000))
    for page in (1, 2):
        c.setCropBox((50, 100, 645, 942))
        c.setFont("Serif", 9)
        c.drawString(80, 915, "河口日报·党建")
        c.drawString(340, 112, f"第{page}版")
        if page == 1:
            c.setFont("Serif", 20)
            c.drawString(80, 860, TITLE)
            c.setFont("Serif", 10.5)
            c.drawString(80, 830, BYLINE)
            y = 800.0
            for p in PARAS[:2]:
                y = _column(c, 80, y, [p], chars=40)
            c.setFont("Serif", 14)
            c.drawString(80, y - 10, HEAD2)
            y = _column(c, 80, y - 35, [PARAS[2]], chars=40)
        else:
            _column(c, 80, 880, [PARAS[3]], chars=40)
        c.showPage()
    c.save()
    src, cases = read_file(path)
    assert _facts(cases) == plain
    assert {d.reason for d in src.dropped} == {"running_header"}


def test_a_pdf_set_one_character_at_a_time(tmp_path: Path, plain: Facts) -> None:
    """Typesetting systems often place every character on its own (justified, with a little
    letter spacing): the characters are still one line each, and lines one paragraph."""
    from reportlab.pdfgen import canvas

    _font()
    path = tmp_path / "chars.pdf"
    c = canvas.Canvas(str(path))

    def chars(x: float, y: float, text: str, size: float, spacing: float) -> None:
        c.setFont("Serif", size)
        for ch in text:
            c.drawString(x, y, ch)
            x += c.stringWidth(ch, "Serif", size) + spacing

    chars(72, 760, TITLE, 20, 1)
    chars(72, 730, BYLINE, 10.5, 0.5)
    y = 700.0
    for k, p in enumerate(PARAS):
        if k == 2:
            chars(72, y - 6, HEAD2, 14, 0.5)
            y -= 30
        for start in range(0, len(p), 38):
            indent = 21 if start == 0 else 0
            chars(72 + indent, y, p[start : start + 38], 10.5, 0.7)
            y -= 15
        y -= 3
    c.showPage()
    c.save()
    _src, cases = read_file(path)
    assert _facts(cases) == plain


def test_a_pdf_whose_paragraphs_open_with_ideographic_spaces(tmp_path: Path, plain: Facts) -> None:
    """Exported documents indent with `　　` in the text, not by position."""
    from reportlab.pdfgen import canvas

    _font()
    path = tmp_path / "spaces.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Serif", 20)
    c.drawString(72, 760, TITLE)
    c.setFont("Serif", 10.5)
    c.drawString(72, 730, BYLINE)
    y = 700.0
    for k, p in enumerate(PARAS):
        if k == 2:
            c.setFont("Serif", 14)
            c.drawString(72, y, HEAD2)
            c.setFont("Serif", 10.5)
            y -= 22
        for start in range(0, len(p), 38):
            c.drawString(72, y, ("　　" if start == 0 else "") + p[start : start + 38])
            y -= 15  # no space between paragraphs: only the indent tells them apart
    c.showPage()
    c.save()
    _src, cases = read_file(path)
    assert _facts(cases) == plain


def test_a_passage_set_in_as_a_block_stays_one_paragraph(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    from exporter.readers.formats.pdf_in import convert

    _font()
    path = tmp_path / "block.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Serif", 10.5)
    y = 700.0
    for x, chars, text in ((72, 40, PARAS[0]), (93, 36, PARAS[1] * 2), (72, 40, PARAS[3])):
        for k in range(0, len(text), chars):
            indent = 21 if k == 0 and x == 72 else 0
            c.drawString(x + indent, y, text[k : k + chars])
            y -= 15
        y -= 4
    c.showPage()
    c.save()
    paras = convert(path).text.split("\n\n")
    assert PARAS[1] * 2 in [p.strip() for p in paras]

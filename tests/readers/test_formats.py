"""Word, HTML and PDF inputs (made here with python-docx, plain HTML and reportlab) read into
the same cases, titles, bylines and paragraph order as the same text given as plain text."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporter.errors import InputError
from exporter.model import Case
from exporter.readers import read_file, read_text

ROOT = Path(__file__).resolve().parents[2]
TITLE = "青山村：“板凳会”议出振兴路"
BYLINE = "本报记者 林晓 通讯员 郑和平"
HEAD2 = "议事有章法"
PARAS = [
    "近年来，青山村党支部推行“板凳会”议事机制，每月在村口召开一次，村民围坐议事，累计议定事项120余件。",
    "“以前有事找不到人商量，现在坐下来就能说清楚。”村民周大姐说。",
    "村党支部制定议事规则，明确提事、议事、办事、评事四个环节，议定事项张榜公布。",
    "下一步，青山村将把“板凳会”延伸到每个村民小组。",
]
PLAIN = f"{TITLE}\n\n{BYLINE}\n\n{PARAS[0]}\n\n{PARAS[1]}\n\n{HEAD2}\n\n{PARAS[2]}\n\n{PARAS[3]}\n"


def _facts(cases: list[Case]) -> list[tuple[str | None, list[str], list[str]]]:
    return [(c.title, c.authors, [p.text for p in c.paragraphs()]) for c in cases]


@pytest.fixture(scope="module")
def plain() -> list[tuple[str | None, list[str], list[str]]]:
    _src, cases = read_text(PLAIN, "plain.txt")
    assert len(cases) == 1 and cases[0].title == TITLE
    return _facts(cases)


def test_word_file_reads_like_the_plain_text(tmp_path: Path, plain: list) -> None:
    import docx

    doc = docx.Document()
    doc.add_heading(TITLE, level=1)
    doc.add_paragraph(BYLINE)
    doc.add_paragraph(PARAS[0])
    doc.add_paragraph(PARAS[1])
    doc.add_heading(HEAD2, level=2)
    doc.add_paragraph(PARAS[2])
    doc.add_paragraph(PARAS[3])
    doc.sections[0].header.paragraphs[0].text = "某某县基层党建简报 2025年第3期"
    doc.sections[0].footer.paragraphs[0].text = "第 1 页"
    path = tmp_path / "submission.docx"
    doc.save(str(path))
    src, cases = read_file(path)
    assert src.format == "docx"
    assert _facts(cases) == plain
    assert [s.heading for s in cases[0].sections if s.heading] == [HEAD2]
    dropped = {(d.text, d.reason) for d in src.dropped}
    assert ("某某县基层党建简报 2025年第3期", "page_header") in dropped
    assert ("第 1 页", "page_footer") in dropped


def test_a_word_table_and_bold_leads_survive(tmp_path: Path) -> None:
    import docx

    doc = docx.Document()
    doc.add_heading(TITLE, level=1)
    p = doc.add_paragraph()
    p.add_run("一是建强阵地。").bold = True
    p.add_run("村里新建党群服务中心一处，面积300平方米。")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "数量"
    table.cell(1, 0).text, table.cell(1, 1).text = "议事会", "120件"
    path = tmp_path / "t.docx"
    doc.save(str(path))
    _src, cases = read_file(path)
    paras = cases[0].paragraphs()
    assert paras[0].lead == "一是建强阵地。"
    assert any("议事会" in p.text and "120件" in p.text for p in paras)


def test_old_word_files_are_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with pytest.raises(InputError, match=r"save it as \.docx"):
        read_file(path)


HTML = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{TITLE}_基层动态_某某县人民政府</title></head><body>
<div class="nav"><a href="/">首页</a> | <a href="/news">新闻中心</a> |
<a href="/gov">政务公开</a></div>
<div class="article">
<h1>{TITLE}</h1>
<div class="info">2025-04-01 来源：某某县委组织部</div>
<div class="content">
<p>{BYLINE}</p>
<p>{PARAS[0]}</p>
<figure><img src="a.jpg"><figcaption>村民在村口开“板凳会”</figcaption></figure>
<p>{PARAS[1]}</p>
<h3>{HEAD2}</h3>
<p>{PARAS[2]}</p>
<p>{PARAS[3]}</p>
</div></div>
<div class="share">分享到：微信 微博</div>
<div class="footer">版权所有：某某县人民政府 ICP备00000000号</div>
</body></html>"""


def test_web_page_reads_like_the_plain_text(tmp_path: Path, plain: list) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    src, cases = read_file(path)
    assert src.format == "html"
    assert _facts(cases) == plain
    reasons = {d.reason for d in src.dropped}
    assert "photo_caption" in reasons and "page_navigation" in reasons
    texts = " ".join(d.text for d in src.dropped)
    assert "版权所有" in texts and "分享到" in texts and "2025-04-01" in texts


def _pdf(path: Path, right_first: bool) -> None:
    """Headline across the page, byline, two columns (drawn right column first when asked),
    a picture with a small caption, a running header and a page number on two pages."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Serif", str(ROOT / "fonts" / "NotoSerifSC-Regular.ttf")))
    c = canvas.Canvas(str(path), pagesize=A4)
    w, h = A4

    def furniture(page: int) -> None:
        c.setFont("Serif", 9)
        c.drawString(60, h - 40, "某某日报  党建周刊")
        c.drawString(w / 2, 30, str(page))

    def column(x: float, top: float, paras: list[str]) -> None:
        y = top
        for text in paras:
            c.setFont("Serif", 10.5)
            for k in range(0, len(text), 20):
                indent = 21 if k == 0 else 0
                c.drawString(x + indent, y, text[k : k + 20])
                y -= 15
            y -= 4

    furniture(1)
    c.setFont("Serif", 22)
    c.drawString(60, h - 100, TITLE)
    c.setFont("Serif", 10.5)
    c.drawString(60, h - 130, BYLINE)
    left = (60, h - 170, PARAS[:2])
    right = (w / 2 + 10, h - 170, [PARAS[2]])
    for x, top, paras in [right, left] if right_first else [left, right]:
        column(x, top, paras)
    c.setFont("Serif", 14)
    c.drawString(w / 2 + 10, h - 150, HEAD2)
    picture = path.with_suffix(".png")
    Image.new("RGB", (40, 24), (120, 160, 200)).save(picture)
    c.drawImage(str(picture), 60, 200, 200, 120)
    c.setFont("Serif", 8)
    c.drawString(60, 185, "村民在村口开“板凳会”")
    c.showPage()
    furniture(2)
    column(60, h - 100, [PARAS[3]])
    c.showPage()
    c.save()


@pytest.mark.parametrize("right_first", [False, True])
def test_pdf_columns_come_out_in_reading_order(
    tmp_path: Path, plain: list, right_first: bool
) -> None:
    path = tmp_path / "page.pdf"
    _pdf(path, right_first)
    src, cases = read_file(path)
    assert src.format == "pdf"
    assert [c.title for c in cases] == [TITLE]
    assert cases[0].authors == plain[0][1]
    assert [p.text for p in cases[0].paragraphs()] == plain[0][2]
    dropped = {(" ".join(d.text.split()), d.reason) for d in src.dropped}
    assert ("某某日报 党建周刊", "running_header") in dropped
    assert ("村民在村口开“板凳会”", "photo_caption") in dropped


def test_pdf_without_text_is_refused(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(50, 50, 200, 200, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(InputError, match="no text layer"):
        read_file(path)

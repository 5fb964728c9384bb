"""Noise rules: lines that belong to the page, not to any article. Each returns a reason."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from exporter.readers import bylines as by
from exporter.readers.lines import BODY, BYLINE, HEAD, NOISE, Line

if TYPE_CHECKING:
    from exporter.readers.rules import Context

Found = tuple[str, str] | None

_NUM = r"[\d一二三四五六七八九十A-Za-z]{1,4}"
PAGE_JUMP = re.compile(
    rf"^[(（【\[]?\s*(?:下转|上接|转|接|续)\s*(?:第|本报)?\s*{_NUM}\s*(?:版|页|面)"
    r"(?:[^)）】\]]{0,12})?\s*[)）】\]]?$"
)
PAGE_JUMP_TAIL = re.compile(
    rf"[(（]\s*(?:(?:下转|转)\s*(?:第)?\s*{_NUM}\s*(?:版|页)[^)）]{{0,12}}|完|全文完)[)）]\s*$"
)
_STRAY = re.compile(r"^[\s①-⑳❶-❿⑴-⒇㈠-㈩]+$")
_PAGE_NO = re.compile(
    r"^(?:[-—–\s]*\d{1,4}[-—–\s]*|第\s*\d{1,4}\s*[版页]|[A-Z]?\d{1,2}\s*版|"
    r"\d{1,4}\s*/\s*\d{1,4}|Page\s*\d+)$",
    re.I,
)
_CAPTION = re.compile(
    r"^(?:[(（]?(?:上|下|左|右|左上|右上|左下|右下|组)?图\s*[①-⑳\d一二三四五六七八九十]*[)）]?\s*[:：]"
    r"|图为|图片说明|题图)"
)
_CAPTION_INSIDE = re.compile(r"[。！？]\s*图为")
_LAYOUT = re.compile(
    r"^(?:(?:本版|本期)(?:统筹|策划|主编)|(?:本版|本期)?(?:版式设计|版面设计|美术编辑|责任编辑|责任校对|责编|编辑|校对|审核|审校|值班编辑|"
    r"制图|美编|排版|终审|一审|二审|三审|初审|复审|签发|监制|出品|主编|副主编))\s*[:：/|｜]"
)
_DISTRIBUTION = re.compile(r"^(?:分送|报送|抄送|抄报|发送|主送|印发|报|送|发)\s*[:：]")
_RUNNING = re.compile(
    r"(?:\d{4}.{0,12}年度|汇编|选编|展示|专刊|特刊|案例集|内部资料|第\s*\d+\s*期)"
)


_END_MARK = re.compile(r"^[(（【\[]?\s*(?:完|全文完|本文完|未完待续|待续|续完)\s*[)）】\]]?$")


_ORIGINAL_TITLE = re.compile(r"^[【\[]?原(?:标)?题[】\]]?\s*[:：]")


def original_title(line: Line, i: int, ctx: Context) -> Found:
    """`原标题：…`: a reposted item's former headline, metadata rather than text."""
    return (NOISE, "original_title") if _ORIGINAL_TITLE.match(line.text) else None


_ARROW_CAPTION = re.compile(r"^[▲△↑⬆]\s*[^。；;！？]{2,40}$")
_SOCIAL = re.compile(
    r"^(?:END|THE END|-+\s*END\s*-+|往期推荐|往期回顾|推荐阅读|相关阅读|延伸阅读|阅读原文|"
    r"点击(?:上方)?蓝字.{0,8}|关注我们|长按(?:识别)?二维码.{0,12}|扫码关注.{0,12}|"
    r"(?:点个?)?(?:在看|赞|分享)(?:[、，,]?(?:在看|赞|分享|收藏)){0,3}|"
    r"[(（]?(?:本文)?来源[:：].{1,20}?(?:微信公众号|公众号)[)）]?|.{0,12}(?:转载|转自).{0,20}(?:公众号|微信))$",
    re.I,
)


def arrow_caption(line: Line, i: int, ctx: Context) -> Found:
    """`▲网格员入户走访`: a short unpunctuated line under a ▲ describes the photo above it
    (a ▲ bullet with a sentence is body text)."""
    if not _ARROW_CAPTION.match(line.text):
        return None
    prev = ctx.prev_line(i)
    after_image = prev is not None and prev.reason in ("image", "photo_credit")
    return (NOISE, "photo_caption") if ctx.markdown or after_image else None


IMAGE_CAPTION_MAX = 40


def image_caption(line: Line, i: int, ctx: Context) -> Found:
    """`二年级学生参观校史馆` right under a picture: a short line without a sentence mark
    names what the picture shows."""
    text = line.text
    if not ctx.markdown or len(text) > IMAGE_CAPTION_MAX or line.md_level:
        return None  # pictures are Markdown images (`![…](…)`): plain text has none
    if re.search(r"[。！？，；：]", text):
        return None
    prev = ctx.prev_line(i)
    return (NOISE, "photo_caption") if prev is not None and prev.reason == "image" else None


def social_furniture(line: Line, i: int, ctx: Context) -> Found:
    """`往期推荐`, `点击蓝字关注我们`, `END`: a social-media post's furniture."""
    return (NOISE, "social_furniture") if _SOCIAL.match(line.text) else None


_AUTHOR_NOTE = re.compile(r"^[(（]?作者(?:系|为|是)[^()（）]{2,60}[)）]?$")
_PICTURE_SOURCE = re.compile(
    r"^[(（]?(?:(?:图片|照片|配图|资料图)(?:由[^()（）]{1,24}提供|来源[:：][^()（）]{1,24})|资料图片?)[)）]?$"
)


def author_note(line: Line, i: int, ctx: Context) -> Found:
    """`（作者系某某县委组织部部长）`: who the writer is, printed under a commentary."""
    return (NOISE, "author_note") if _AUTHOR_NOTE.match(line.text) else None


def picture_source(line: Line, i: int, ctx: Context) -> Found:
    """`（图片由某某提供）`, `资料图片`: where a picture came from."""
    return (NOISE, "photo_credit") if _PICTURE_SOURCE.match(line.text) else None


def end_marker(line: Line, i: int, ctx: Context) -> Found:
    """`（完）`: closes an article; nothing to keep."""
    return (NOISE, "end_marker") if _END_MARK.match(line.text) else None


def page_jump(line: Line, i: int, ctx: Context) -> Found:
    return (NOISE, "page_jump") if PAGE_JUMP.match(line.text) else None


def stray_number(line: Line, i: int, ctx: Context) -> Found:
    return (NOISE, "stray_number") if _STRAY.match(line.text) else None


def page_number(line: Line, i: int, ctx: Context) -> Found:
    return (NOISE, "page_number") if _PAGE_NO.match(line.text) else None


def ornament(line: Line, i: int, ctx: Context) -> Found:
    """A line with no letter or digit at all (`***`, `——`, `■`)."""
    if line.text[:1].isalnum() or any(ch.isalnum() for ch in line.text):
        return None
    prev = ctx.prev_line(i)
    lone_mark = len(line.text) <= 2 and set(line.text) <= _TAIL_MARKS
    if lone_mark and prev is not None and prev.role == BODY:
        return None  # `。` wrapped onto a line of its own ends the paragraph above
    return NOISE, "ornament"


_TAIL_MARKS = set("。，、；：？！”’）》」』…—.,;:?!)")


def photo_caption(line: Line, i: int, ctx: Context) -> Found:
    """`图①：…`, `…。图为…`. Right under a headline the text is a photo-news item's body;
    so is a closing `图为…` over the item's own credit with nothing after it."""
    text = line.text
    if "图" not in text:
        return None  # every caption form has 图 (a cheap first test)
    if _CAPTION.match(text) or (_CAPTION_INSIDE.search(text) and len(text) < 400):
        if _CAPTION_LABEL.match(text):
            return NOISE, "photo_caption"
        if _under_headline(i, ctx) or _closes_photo_news(i, ctx):
            return None
        return NOISE, "photo_caption"
    return None


def _closes_photo_news(i: int, ctx: Context) -> bool:
    """`图为…` right above a credit that ends the text (the file ends, or front matter or a
    Markdown headline follows): the caption of a photo-news item is its last paragraph."""
    if not ctx.lines[i].text.startswith("图为"):
        return False
    k = next((n for n in range(i + 1, len(ctx.lines)) if ctx.lines[n].text), None)
    if k is None or not by.photo_credit_line(ctx.lines[k].text):
        return False
    after = next((line for line in ctx.lines[k + 1 :] if line.text), None)
    return after is None or after.role == NOISE or after.raw.lstrip().startswith("#")


_CAPTION_LABEL = re.compile(
    r"^[(（]?(?:上|下|左|右|左上|右上|左下|右下|组)?图\s*[①-⑳\d一二三四五六七八九十]*[)）]?\s*[:：]"
)


def _under_headline(i: int, ctx: Context) -> bool:
    prev = ctx.prev_line(i)
    return prev is not None and prev.role in (HEAD, BYLINE)


CAPTION_RUN_MAX = 4  # captions printed one under another above one shared credit
SHORT_CAPTION = 24  # characters of a caption in such a run (`村中小院。`)


def _credit_below(i: int, ctx: Context) -> int | None:
    """Index of the photographer's credit under line i, directly or under a run of short
    captions (`集体村全景。` / `村中小院。` / `以上图片均为某某摄`), else None."""
    lines = ctx.lines
    seen = 0
    for k in range(i + 1, len(lines)):
        text = lines[k].text
        if not text:
            continue
        if by.photo_credit_line(text) or _PICTURE_SOURCE.match(text):
            return k
        seen += 1
        if seen >= CAPTION_RUN_MAX or not _run_caption(text) or not _run_caption(lines[i].text):
            return None
    return None


def _run_caption(text: str) -> bool:
    """A line inside a caption run: a short sentence, or a picture-source note."""
    short = len(text) <= SHORT_CAPTION and text.endswith("。") and "“" not in text
    return short or bool(_PICTURE_SOURCE.match(text))


def _text_goes_on(k: int, ctx: Context) -> bool:
    """After the credit at k the article's text goes on (a long sentence-ending paragraph),
    rather than the page moving to the next headline."""
    lines = ctx.lines
    nxt = next((n for n in range(k + 1, len(lines)) if lines[n].text), None)
    while nxt is not None:
        below = _credit_below(nxt, ctx)  # another caption and its credit: look past them
        if below is None:
            break
        k, nxt = below, next((n for n in range(below + 1, len(lines)) if lines[n].text), None)
    after = ctx.next_text(k)
    return len(after) >= 60 or (len(after) >= 30 and after.endswith(("。", "！", "？", "”")))


def caption_before_credit(line: Line, i: int, ctx: Context) -> Found:
    """A short text right above a photographer's credit describes the photo. Right under a
    headline it is the text of a photo-news item instead, unless the article's text only
    starts after the credit (captions printed between byline and text)."""
    if len(line.text) > 300:
        return None
    k = _credit_below(i, ctx)
    if k is None or by.own_line(line.text):
        return None  # `来源：某某中心` over `图片：某某`: a credit block, not a caption
    if _under_headline(i, ctx) and not _text_goes_on(k, ctx):
        return None
    if _closes_photo_news(i, ctx):
        return None
    return NOISE, "photo_caption"


_CAPTION_CREDIT = re.compile(
    r"[。！]\s*(?:人民网|新华网|新华社|[^\s。]{2,6}网)?\s*\S{2,4}\s*摄(?:影)?$"
)


def caption_with_credit(line: Line, i: int, ctx: Context) -> Found:
    """`同学们聆听讲解。某某网 张三摄`: a caption with its photographer on the same line."""
    text = line.text
    if len(text) > 100 or not text.endswith(("摄", "摄影")):
        return None
    return (NOISE, "photo_caption") if _CAPTION_CREDIT.search(text) else None


def photo_credit(line: Line, i: int, ctx: Context) -> Found:
    return (NOISE, "photo_credit") if by.photo_credit_line(line.text) else None


def layout_credit(line: Line, i: int, ctx: Context) -> Found:
    if _LAYOUT.match(line.text) and len(line.text) <= 60:
        kind = "editor_credit" if "编辑" in line.text[:6] else "layout_credit"
        return NOISE, kind
    return None


_TOC_ENTRY = re.compile(r"^(?:目\s*录|.{2,60}?(?:[.．·…]{3,}|\s{2,}|……)\s*\d{1,4})$")


def table_of_contents(line: Line, i: int, ctx: Context) -> Found:
    """`目录` and `标题……12` entries: the volume's navigation, not its text."""
    text = line.text
    if not (text[-1:].isdecimal() or text.startswith("目") or text.endswith("\n")):
        return None  # both forms end with a page number or are 目录 (a cheap first test)
    return (NOISE, "table_of_contents") if _TOC_ENTRY.match(text) else None


def distribution_list(line: Line, i: int, ctx: Context) -> Found:
    return (NOISE, "distribution_list") if _DISTRIBUTION.match(line.text) else None


_SENTENCE_MARK = re.compile(r"[。！？，,]")
_NUMBER_START = re.compile(r"^[一二三四五六七八九十（(]")
_DIGIT = re.compile(r"\d")


def running_header(line: Line, i: int, ctx: Context) -> Found:
    """Short lines printed on every page: repeated, or naming the volume/series."""
    text = line.text
    if len(text) > 40 or _SENTENCE_MARK.search(text):
        return None
    # Three times: a page header. (Twice may be a table of contents and the title itself.)
    if ctx.counts[text] >= 3 and not _NUMBER_START.match(text):
        return NOISE, "running_header"
    if line.md_level:
        return None  # a Markdown heading is a headline (`# …第17期培训班开班`), not page furniture
    if _RUNNING.search(text) and _DIGIT.search(text) and not ctx.next_text(i).startswith("——"):
        return NOISE, "running_header"
    return None


def strip_jump_tail(line: Line) -> str | None:
    """`…发放健康手册500余份。（下转第3版）`: cut a page jump glued to a body line; return it."""
    if not line.text.rstrip().endswith((")", "）")):
        return None  # the marker closes the line with a bracket (a cheap first test)
    m = PAGE_JUMP_TAIL.search(line.text)
    if not m or m.start() == 0:
        return None
    line.text = line.text[: m.start()].rstrip()
    return m.group(0).strip()


def tail_reason(tail: str) -> str:
    return "end_marker" if "完" in tail else "page_jump"

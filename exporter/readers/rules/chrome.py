"""Page chrome: what a web page, an e-paper page or a CMS export prints around its articles
(addresses, dates and hit counters, copyright and disclaimer notices, navigation, share and
QR-code lines, HTML remnants, page labels). Each rule returns a noise reason.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from exporter.readers import bylines as by
from exporter.readers.lines import NOISE, Line
from exporter.readers.places import PROVINCES

if TYPE_CHECKING:
    from exporter.readers.rules import Context

Found = tuple[str, str] | None

_TAG = re.compile(
    r"</?(?:center|img|br|p|div|span|a|font|strong|b|i|em|u|section|table|tbody|tr|td|th|hr|"
    r"iframe|script|style|figure|figcaption|h[1-6]|ul|ol|li|blockquote|sup|sub)\b[^<>]*>",
    re.I,
)
_ALNUM = re.compile(r"[^\W_]")


def strip_tags(text: str) -> str:
    """HTML tags left in exported text are markup, never words.

    >>> strip_tags("<center>社区议事会</center>")
    '社区议事会'
    >>> strip_tags("<党建>引领")  # not an HTML element: kept as written
    '<党建>引领'
    """
    return _TAG.sub("", text) if "<" in text else text


def plain_text(line: Line, text: str) -> str:
    """`text` stripped, without HTML tags, which are listed on the line as cut markup. A
    line of tags only keeps them, for html_remnant to drop it whole."""
    text = text.strip()
    if "<" not in text:
        return text
    inner = strip_tags(text).strip()
    if not _ALNUM.search(inner):
        return text
    line.cut.append(("".join(_TAG.findall(text)), "html_tag"))
    return inner


def html_remnant(line: Line, i: int, ctx: Context) -> Found:
    """`<center>=====</center>`, `<img src=…>`: HTML with no words of its own.

    >>> html_remnant(Line(1, "<center>====</center>", "<center>====</center>"), 0, None)
    ('noise', 'html_remnant')
    """
    text = line.text
    if "<" not in text or not _TAG.search(text):
        return None
    return None if _ALNUM.search(strip_tags(text)) else (NOISE, "html_remnant")


_ADDRESS = re.compile(
    r"^(?:(?:网址|链接|原文链接|原文地址|文章地址|本文链接|网页地址|URL|url|source)\s*[:：]\s*)?"
    r"(?:https?://|www\.)\S+$"
)


def web_address(line: Line, i: int, ctx: Context) -> Found:
    """`网址: https://…` or a bare address: where the page came from.

    >>> web_address(Line(1, "网址: https://example.org/a", "网址: https://example.org/a"), 0, None)
    ('noise', 'web_address')
    """
    text = line.text
    if "http" not in text and "www." not in text:
        return None  # every form names its scheme or www (a cheap first test)
    return (NOISE, "web_address") if _ADDRESS.match(text) else None


_NOTICE = re.compile(
    r"(?:copyright|all rights reserved|版权所有|版权声明|免责声明|特别声明|ICP备|ICP证|公网安备|"
    r"举报电话|举报邮箱|违法和不良信息|未经授权.{0,8}(?:转载|使用)|"
    r"仅代表.{0,16}(?:观点|立场)|不代表.{0,24}(?:观点|立场)|"
    r"本文为.{0,20}(?:作者|机构|用户).{0,20}(?:上传|发布))",
    re.I,
)
_NOTICE_WORD = re.compile(
    r"(?i:copyright|rights)|版权|声明|ICP|公网安备|举报|违法和不良|未经授权|观点|立场|上传"
)
NOTICE_MAX = 240
NOTICE_SHORT = 100
_NOTICE_OPENERS = (
    "本文",
    "本内容",
    "免责",
    "特别声明",
    "版权",
    "声明",
    "Copyright",
    "©",
)  # characters: notices are short; a paragraph quoting one is text


def notice(line: Line, i: int, ctx: Context) -> Found:
    """Copyright, disclaimer and licence lines (`免责声明：…`, `Copyright © …`).

    >>> notice(Line(1, "版权所有 某某网", "版权所有 某某网"), 0, None)
    ('noise', 'copyright_notice')
    """
    text = line.text
    if len(text) > NOTICE_SHORT and not text.startswith(_NOTICE_OPENERS):
        return None  # a long notice opens with what it is; long body lines are text
    if len(text) > NOTICE_MAX or not _NOTICE_WORD.search(text) or not _NOTICE.search(text):
        return None  # literal words first: the full pattern's gaps are slow on long lines
    return NOISE, "copyright_notice"


_SEPARATED = re.compile(r"\s*(?:\||｜|>>|»|›|>)\s*")
_NAV_MARKS = re.compile(r"[|｜>»›]")
_END = re.compile(r"[。！？]")
NAV_PART_MAX = 14


def navigation(line: Line, i: int, ctx: Context) -> Found:
    """`首页 > 专题 > 某栏目`, `关于我们 | 联系我们 | 网站地图`, `某城>>`: menus and breadcrumbs.

    >>> navigation(Line(1, "首页 > 新闻 > 基层", "首页 > 新闻 > 基层"), 0, None)
    ('noise', 'navigation')
    """
    text = line.text
    if not _NAV_MARKS.search(text) or _END.search(text):
        return None
    parts = [p for p in _SEPARATED.split(text) if p]
    if text.rstrip().endswith((">>", "»")) and len(parts) == 1 and len(parts[0]) <= NAV_PART_MAX:
        return NOISE, "navigation"
    if len(parts) >= 3 and all(len(p) <= NAV_PART_MAX + 16 for p in parts):
        if sum(len(p) <= NAV_PART_MAX for p in parts) >= len(parts) - 1:
            return NOISE, "navigation"
    return None


_META_KEYS = (
    r"(?:发布时间|发布日期|更新时间|时间|日期|浏览次数|浏览量|浏览|阅读量|阅读数|阅读|点击数|"
    r"点击量|点击率|点击|访问量|字体|字号|分享到|分享|打印|收藏|关闭窗口|关闭|来源|信息来源|"
    r"发布机构|发布者|文章来源|编辑|责任编辑|作者)"
)
_PAGE_ONLY = re.compile(
    r"(?:发布时间|发布日期|更新时间|浏览次数|浏览量|阅读量|阅读数|点击数|点击量|访问量|字体|字号|"
    r"分享到|打印本页|关闭窗口)\s*[:：]?"
)
_BULLET_META = re.compile(rf"^[•·●▪◆\-*]\s*{_META_KEYS}\s*[:：]")


def page_meta(line: Line, i: int, ctx: Context) -> Found:
    """`发布时间：2024-06-03 点击数：138 次`, `• 字体: [ ] [ ] [ ]`: the page's own fields.
    A line naming only the source or the author is a credit and is left to the byline rules.

    >>> t = "发布时间：2024-06-03 点击数：138 次"
    >>> page_meta(Line(1, t, t), 0, None)
    ('noise', 'page_meta')
    """
    text = line.text
    if len(text) > 80 or ("：" not in text and ":" not in text and not _BULLET_META.match(text)):
        return None
    if _BULLET_META.match(text) and not re.search(r"作者|记者|通讯员", text):
        return NOISE, "page_meta"
    if _PAGE_ONLY.search(text) and not re.search(r"[。！？]", text):
        return NOISE, "page_meta"
    return None


_DATE = (
    r"(?:\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?|\d{1,2}\.\d{1,2}\.\d{4})"
    r"(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
)
_DATE_LINE = re.compile(rf"^(?P<before>.{{0,12}}?)\s*{_DATE}\s*(?P<after>.{{0,30}})$")
_CREDIT_WORDS = re.compile(r"作者|记者|通讯员|撰稿|摄")
_DIGIT = re.compile(r"\d")
_SENTENCE = re.compile(r"[。！？，,；;]")


def date_line(line: Line, i: int, ctx: Context) -> Found:
    """`2022-05-26 14:27`, `某某日报 2024年06月12日 星期三`, `2021-05-31 来源：某报 收藏`:
    a page's date stamp with at most a few words of metadata around it. Lines that credit a
    person are bylines, left to the byline rules.

    >>> date_line(Line(1, "2022-05-26 14:27", "2022-05-26 14:27"), 0, None)
    ('noise', 'date_line')
    >>> t = "2022年5月26日，某村召开会议。"
    >>> date_line(Line(1, t, t), 0, None)
    """
    text = line.text
    if len(text) > 60 or not _DIGIT.search(text, 0, 20):
        return None
    m = _DATE_LINE.match(text)
    if not m or _SENTENCE.search(text) or _CREDIT_WORDS.search(text):
        return None
    if "》" in text and by.paper_source_line(text):
        return None  # `某某《某某日报》（2025年…第4版）`: a byline
    return NOISE, "date_line"


_PAGE_LABEL = re.compile(r"^第\s*[A-Z]?\d{1,3}\s*版\s*[:：]\s*[\u4e00-\u9fff·]{1,10}$")


def page_label(line: Line, i: int, ctx: Context) -> Found:
    """`第04版：要闻`: an e-paper's page label.

    >>> page_label(Line(1, "第04版：要闻", "第04版：要闻"), 0, None)
    ('noise', 'page_label')
    """
    return (NOISE, "page_label") if _PAGE_LABEL.match(line.text) else None


_SHARE = re.compile(
    r"^(?:扫一扫.{0,12}|扫码.{0,10}|(?:长按)?识别(?:图中)?二维码.{0,10}|.{0,8}二维码.{0,8}|"
    r"分享到.{0,20}|打印本页|关闭窗口|返回顶部|【?(?:打印|关闭|返回)】?|[【\[]PDF版[】\]]|"
    r"[\[【]\s*(?:责任编辑|编辑|责编)\s*[:：][^\]】]{0,20}[\]】]|×|举报|相关链接|相关新闻|相关文章)$"
)


def share_line(line: Line, i: int, ctx: Context) -> Found:
    """`扫一扫在手机打开当前页`, `[责任编辑: 某某 ]`, `【PDF版】`: page furniture.

    >>> share_line(Line(1, "扫一扫分享本页", "扫一扫分享本页"), 0, None)
    ('noise', 'share_line')
    """
    return (NOISE, "share_line") if _SHARE.match(line.text) else None


_PLACE_ONLY = re.compile(f"^(?:{'|'.join(PROVINCES)})(?:省|市)?$")


def dateline_place(line: Line, i: int, ctx: Context) -> Found:
    """`北京` alone under a page's date stamp: where the item was filed, page metadata.

    >>> ls = [Line(1, "2022-05-26 14:27", "2022-05-26 14:27"), Line(2, "北京", "北京")]
    >>> ls[0].role, ls[0].reason = NOISE, "date_line"
    >>> from exporter.readers.rules import Context
    >>> dateline_place(ls[1], 1, Context(ls))
    ('noise', 'dateline_place')
    """
    if len(line.text) > 4 or not _PLACE_ONLY.match(line.text):
        return None
    prev = ctx.prev_line(i)
    return (NOISE, "dateline_place") if prev is not None and prev.reason == "date_line" else None


CHROME_RULES = [
    html_remnant,
    web_address,
    notice,
    navigation,
    page_meta,
    date_line,
    page_label,
    share_line,
    dateline_place,
]
LONG_LINE = 100  # characters: beyond this only HTML, addresses and notices are chrome
SENTENCE_LINE = 40  # a line this long ending a sentence is text, unless it is a notice


def page_chrome(line: Line, i: int, ctx: Context) -> Found:
    """The chrome rules in order; a long line skips those that only match short ones."""
    text = line.text
    long_line = len(text) > LONG_LINE or (len(text) > SENTENCE_LINE and text[-1] in "。！？”")
    if long_line and "<" not in text and "http" not in text:
        return notice(line, i, ctx)
    for rule in CHROME_RULES:
        found = rule(line, i, ctx)
        if found:
            return found
    return None


_LINKS_HEAD = re.compile(
    r"^(?:相关链接|相关新闻|相关文章|相关阅读|推荐阅读|延伸阅读|热点推荐|往期回顾)$"
)
LINK_MAX = 80  # a related-link line is a headline, not a paragraph


def _headline_like(line: Line) -> bool:
    return bool(line.text) and len(line.text) <= LINK_MAX and not re.search(r"[。！？]$", line.text)


def mark_link_lists(lines: list[Line]) -> None:
    """The headlines listed under `相关链接` are other pages' titles: noise up to the first
    paragraph or Markdown heading. A copyright notice ends the page: the short lines after it
    (app badges, QR labels) are its footer.

    >>> ls = [Line(n, t, t) for n, t in enumerate(["相关链接", "某地开展活动", "另一条新闻"], 1)]
    >>> ls[0].role, ls[0].reason = NOISE, "share_line"
    >>> mark_link_lists(ls)
    >>> [line.reason for line in ls]
    ['share_line', 'related_links', 'related_links']
    """
    reason = ""
    for line in lines:
        if not line.text:
            continue
        if line.role == NOISE:
            if _LINKS_HEAD.match(line.text):
                reason = "related_links"
            elif line.reason == "copyright_notice":
                reason = reason or "page_footer"
            continue
        limit = LINK_MAX if reason == "related_links" else 30
        if reason and not line.md_level and _headline_like(line) and len(line.text) <= limit:
            line.role, line.reason = NOISE, reason
        else:
            reason = ""

"""Heading-like lines: titles, kickers, subtitles, rubrics and inner headings.

These rules only say "this line is printed as a heading" (role HEAD); whether it is an article
title or an inner heading depends on where it stands and is decided by the segmenter. A short
line that is really the first half of a paragraph split by a page break is not a heading.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from exporter.readers.lines import BODY, HEAD, Line
from exporter.readers.sentences import ends_sentence, is_fragment_end
from exporter.vocab import EDITORS_NOTE_WORDS

if TYPE_CHECKING:
    from exporter.readers.rules import Context

Found = tuple[str, str] | None

MAX_HEADING = 48  # code points; longer lines are body text however they end
NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|"
    r"第[一二三四五六七八九十]{1,3}[章节部分篇]|\d{1,2}[.、．](?!\d))\s*\S"
)
# `【主要做法】`: a compendium entry's part, printed in brackets instead of numbered.
PART_LABEL = re.compile(
    r"^[【\[〔［](?:[一二三四五六七八九十\d]{1,2}[、.．]?)?[^】\]〕］]{0,6}"
    r"(?:背景|情况|做法|举措|成效|效果|启示|体会|思考|点评|评析|概况)"
    r"[^】\]〕］]{0,4}[】\]〕］]$"
)
DASH = re.compile(r"^(?:——|—|－－|--|──)\s*\S")
# A line may not start a heading with these: it continues the previous line.
_CONTINUATION_START = re.compile(
    r"^(?:[、，,。；;：:”’）)》」』】%％的地得了着过们]|[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f][、，,；;。：:”’》）)]"
    r"|[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{2}[”’》）)])"
)
_PAIRS = (("“", "”"), ("《", "》"), ("（", "）"), ("(", ")"), ("‘", "’"), ("【", "】"))
# Paragraphs open with these connectives; headings do not.
_CONNECTIVE = re.compile(
    r"^(?:与此同时|同时|此外|另外|因此|其中|目前|据了解|据悉|据介绍|为此|对此|随后)[，,]"
)


_STOP_INSIDE = re.compile(r"[。！？!?；;][^”’）)」』]")
_PAUSE = re.compile(r"[。；;，,]")
_PAUSE_OR_LIST = re.compile(r"[，,、。；;]")


def _inner_stop(text: str) -> bool:
    """A sentence end inside the line (not at its end) marks a paragraph, not a heading."""
    return bool(_STOP_INSIDE.search(text.rstrip("。！？!?；; ")))


def unbalanced(text: str) -> bool:
    """An opening quote or bracket left open: the line breaks off inside it."""
    return any(text.count(a) > text.count(b) for a, b in _PAIRS)


def numbered(line: Line, i: int, ctx: Context) -> Found:
    text = line.text
    if NUMBERED.match(text) and len(text) <= MAX_HEADING and not _inner_stop(text):
        if text.endswith(("。", "；", ";")) or unbalanced(text):
            return None
        if not _continues(i, ctx):
            return HEAD, "numbered_heading"
    return None


# `——某某中学学生王某某`: who said the quoted words above, not a heading.
_SIGNATURE = re.compile(
    r"^(?:——|—)\s*(?!记)[^，,。：:；;！？]{2,30}?(?:学生|教师|老师|医生|护士|研究员|工程师|书记|主任|"
    r"党员|村民|居民|干部|职工|员工|代表|战士|志愿者|校长|院长|社长|队长)\s*[\u4e00-\u9fff·]{2,4}$"
)


def dash(line: Line, i: int, ctx: Context) -> Found:
    """`——记某县的一名驻村书记` under a headline or over a part: a heading. A dash line
    naming a person by their post (`——某中学学生王某某`) signs the words above it and
    stays with the text."""
    text = line.text
    if DASH.match(text) and len(text) <= 60 and not _inner_stop(text):
        prev = ctx.prev_line(i)
        if _SIGNATURE.match(text) and prev is not None and prev.role == BODY:
            return BODY, "dash_signature"
        return HEAD, "dash_heading"
    return None


_NOTE_LABEL = re.compile(rf"^[【\[]?(?:{EDITORS_NOTE_WORDS})[】\]]?[:：]?$")


def note_label(line: Line, i: int, ctx: Context) -> Found:
    """`编者按` on its own line labels the editor's note below it."""
    return (HEAD, "note_label") if _NOTE_LABEL.match(line.text) else None


def markdown(line: Line, i: int, ctx: Context) -> Found:
    if line.md_level and line.text:
        return HEAD, "markdown_heading"
    if line.md_bold_line and len(line.text) <= MAX_HEADING and not _inner_stop(line.text):
        return HEAD, "markdown_bold_heading"
    return None


def _heading_follows(i: int, ctx: Context) -> bool:
    """A kicker (`新城区：`) stands over a main title: a short line that ends no sentence."""
    nxt = ctx.next_text(i)
    return bool(nxt) and len(nxt) <= MAX_HEADING and not ends_sentence(nxt)


def _continues(i: int, ctx: Context) -> bool:
    nxt = ctx.next_text(i)
    return bool(_CONTINUATION_START.match(nxt)) and not NUMBERED.match(nxt)


def _question_headline(text: str) -> bool:
    """`“小积分”如何撬动“大治理”？`: a short headline may end with ？ or ！ (a quotation ends
    with a closing quote instead)."""
    return text.endswith(("？", "！", "?", "!")) and len(text) <= 30 and not _PAUSE.search(text)


def headline_like(line: Line, i: int, ctx: Context) -> Found:
    """Short, unterminated, not a fragment: printed as a heading of some kind."""
    text = line.text
    if len(text) > MAX_HEADING or line.list_item:
        return None
    if ctx.wrap_width and len(text) >= ctx.wrap_width - 1:
        return None  # a full line of hard-wrapped text
    if ends_sentence(text) and not _question_headline(text):
        return None
    if text.endswith(("：", ":")) and (
        len(text) > 20 or _PAUSE_OR_LIST.search(text) or not _heading_follows(i, ctx)
    ):
        return None  # a sentence leading into a list or quotation, not a kicker
    if _inner_stop(text) or is_fragment_end(text) or _continues(i, ctx) or _CONNECTIVE.match(text):
        return None
    if unbalanced(text) or _whole_quotation(text):
        return None
    return HEAD, "headline_like"


def _whole_quotation(text: str) -> bool:
    """`“党的政策好，日子越过越红火”`: a quoted remark standing as its own paragraph."""
    return text.startswith("“") and text.endswith("”") and text.count("“") == 1 and len(text) > 12

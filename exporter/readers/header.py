"""Header runs: the heading-like lines between two stretches of body text.

A header run either opens a new article (rubric, kicker, title, subtitle, byline, possibly
preceded by an orphan headline that has no body) or holds the inner headings of the current
article. `opens_article` decides which from structural cues only; `parse_header` splits an
opening run into its parts.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from exporter.readers import bylines as by
from exporter.readers.lines import BYLINE, HEAD
from exporter.readers.places import locality_at_start
from exporter.readers.repair import Unit
from exporter.readers.rules.headings import DASH, NUMBERED, PART_LABEL
from exporter.readers.webtitle import strip_site_names

RUBRIC_MAX = 6  # column labels (潮头观澜, 基层实践, 新时代新作为) are this short
# A label standing alone over a text (no headline) is shorter still; 5-6 character lines
# alone are more often inner headings (织密组织网络).
LONE_RUBRIC_MAX = 4
_BRACKETED = re.compile(r"^[【\[〔［].{1,20}[】\]〕］]$")
_SERIES = re.compile(r"[·|｜]")
_VOLUME = re.compile(r"汇编|选编|案例集|专刊|特刊|专栏|系列")
_LEDE = re.compile(
    r"^(?:近日|日前|近期|近年来|今年以来|去年以来|\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月|"
    r"(?:本报|本刊|新华社)[^，,。]{0,12}[讯电])"
)
_SPLIT_HEADLINE = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f”》]{2,}\s+[“《\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{2,}"
)


_PAUSE = re.compile(r"[，,；;]")
_PAUSE_OR_LIST = re.compile(r"[，,、。；;]")
_ANY_MARK = re.compile(r"[，,。：:；;！？]")

BULLETS = "◆◇▲△■□●○★☆▶►•◎❖"


def strip_bullet(text: str) -> str:
    """`◆红石镇推行…`: a bulletin's item glyph is layout, not part of the headline."""
    return text.lstrip(BULLETS).lstrip() or text


def lead_bullet(text: str) -> str | None:
    return text[0] if text and text[0] in BULLETS else None


KICKER_MAX = 40  # characters of a `……——` kicker line


def is_kicker(u: Unit) -> bool:
    """`新城区：`, a bare locality line, or a line ending with `——` (`某市抓实某事——`)
    printed over the main title."""
    t = u.text
    if u.role == HEAD and t.endswith("——") and len(t) <= KICKER_MAX:
        return True
    if u.role != HEAD or len(t) > 24 or _PAUSE_OR_LIST.search(t):
        return False
    return t.endswith(("：", ":")) or locality_at_start(t) == t


def is_rubric_like(u: Unit) -> bool:
    t = u.text
    if u.role != HEAD or NUMBERED.match(t) or DASH.match(t) or PART_LABEL.match(t):
        return False
    if u.md_level >= 3:
        return False
    if _BRACKETED.match(t):
        return True
    return len(t) <= RUBRIC_MAX and not _ANY_MARK.search(t)


# The first part of a compendium entry: `一、背景`, `【基本情况】`.
FIRST_PART = re.compile(
    r"^(?:一、|[【\[〔［](?:一[、.．]?)?[^】\]〕］]{0,4}(?:背景|情况|概况)[】\]〕］])"
)


def is_inner_heading(u: Unit) -> bool:
    t = u.text
    return u.role == HEAD and bool(NUMBERED.match(t) or DASH.match(t) or PART_LABEL.match(t))


def is_dash(u: Unit) -> bool:
    return u.role == HEAD and bool(DASH.match(u.text))


def promote_bare_names(run: list[Unit]) -> None:
    """A names-only line right after a heading line is that headline's byline."""
    for i, u in enumerate(run):
        if i == 0 or u.role != HEAD or run[i - 1].role != HEAD:
            continue
        if not any(h.role == HEAD and not is_inner_heading(h) for h in run[:i]):
            continue
        found = by.bare_names(u.text)
        if found:
            u.role, u.byline, u.reason = BYLINE, found, "bare_name_byline"


@dataclass
class Situation:
    """What the segmenter knows around a header run."""

    prev_body: Unit | None
    next_body: Unit | None
    typical_gap: int = 1
    noise_between: bool = False
    md_title_level: int = 2  # Markdown heading level of article titles in this file
    in_roundup: bool = False  # the current article is a roundup: its sub-heads are themes
    credit_after: bool = False  # a photographer's line follows the next paragraph (photo news)
    new_subject: int = 0  # the next text opens with a place the article has not named (0-2)
    has_inner: bool = False  # the current article already has inner headings
    title_bullet: str | None = None  # the glyph the current article's headline opens with
    bylined: bool = False  # the current article has a byline of its own
    restart: bool = False  # the run opens its parts again (`一、背景` a second time)
    page_bylined: bool = False  # two or more articles of this file open with a byline
    md_titled: bool = False  # two or more articles of this file open with a Markdown heading


def opens_article(run: list[Unit], sit: Situation) -> bool:
    """Whether a header run starts a new article rather than heading a part of the current one."""
    prev_body, next_body = sit.prev_body, sit.next_body
    if prev_body is None:
        return True
    heads = [u for u in run if u.role == HEAD]
    if any(u.role == BYLINE and not is_end_byline(u) for u in run):
        return True
    if sit.restart and any(not is_inner_heading(u) for u in heads):
        return True  # a headline over parts numbered from the start again: the next entry
    if sit.title_bullet and any(lead_bullet(u.text) == sit.title_bullet for u in heads):
        return True  # a sibling item of a bulletin list
    if _inside_bylined(sit) and not _lone_label(heads) and not _md_title(heads, sit):
        return False
    if any(is_kicker(u) for u in heads[:-1]):
        return True
    md_heads = [u for u in heads if u.md_level]
    if any(u.md_level <= sit.md_title_level and not is_inner_heading(u) for u in md_heads):
        return True
    if md_heads and len(md_heads) == len(heads):
        return False  # deeper Markdown headings are inner headings
    if sit.md_titled and not md_heads:
        return False  # where articles open with `# headline`, plain heading lines are inner
    if sit.in_roundup:
        return False
    if len(heads) == 1 and is_rubric_like(heads[0]):
        lone = heads[0].text
        return len(lone) <= LONE_RUBRIC_MAX or bool(_BRACKETED.match(lone))
    plain = [u for u in heads if not is_inner_heading(u)]
    if not plain:
        return False
    if len(plain) >= 2 and all(not u.bold_line for u in plain):
        return True
    if _title_with_subtitle(heads):
        return True
    if by.inline_suffix(prev_body.text) or (next_body and by.inline_prefix(next_body.text)):
        return True
    lede = bool(next_body and _LEDE.match(next_body.text))
    score = 0
    score += any(_SPLIT_HEADLINE.search(u.text) for u in plain)
    score += run[0].gap_before > sit.typical_gap
    score += lede
    score += sit.noise_between
    score += sit.credit_after
    # On a page whose articles carry bylines, a byline-less run is more often an inner heading.
    strong = not sit.has_inner and not sit.bylined
    score += min(sit.new_subject, 2 if strong else 1)
    if strong:
        closing = bool(_CLOSING.search(prev_body.text))
        score += 2 * (closing and any(_QUOTED.search(u.text) and len(u.text) >= 8 for u in plain))
    return score >= 2


def _lone_label(heads: list[Unit]) -> bool:
    """`基层实践`, `【典型案例】`: a column label alone over the next text."""
    if len(heads) != 1 or not is_rubric_like(heads[0]):
        return False
    return len(heads[0].text) <= LONE_RUBRIC_MAX or bool(_BRACKETED.match(heads[0].text))


def _md_title(heads: list[Unit], sit: Situation) -> bool:
    return any(0 < u.md_level <= sit.md_title_level for u in heads)


def _inside_bylined(sit: Situation) -> bool:
    """On a page whose articles open with bylines, a heading run without one inside a
    bylined article is that article's inner heading (`廉洁自律` / `一送一拒，…`), unless a
    photographer's credit marks the text under it as a photo-news item or dropped page
    furniture (captions, layout credits) lies between the article and the run."""
    if not (sit.page_bylined and sit.bylined) or sit.credit_after or sit.noise_between:
        return False
    return not (sit.next_body and by.inline_prefix(sit.next_body.text))  # `本报讯（记者…）`


# How news texts end: an outlook (`下一步，…`) or a quoted voice (`…。”居民王大爷说。`).
_CLOSING = re.compile(r"^(?:下一步|今后|接下来|未来)[，,]|”[^“”。]{1,16}(?:说|表示|介绍|感慨)。$")
# Headlines quote their brand term; inner headings of a plain report rarely do.
_QUOTED = re.compile(r"“[^”]{1,12}”")


def _title_with_subtitle(heads: list[Unit]) -> bool:
    """A short headline directly over a `——` line is a title and its subtitle (an inner
    heading over a sub-point is a long sentence with commas)."""
    for head, nxt in itertools.pairwise(heads):
        t = head.text
        if is_dash(nxt) and not is_inner_heading(head) and len(t) <= 24:
            if not _PAUSE.search(t):
                return True
    return False


def is_end_byline(u: Unit) -> bool:
    """`（X供稿）`, `来源：X`: a credit printed after the body it belongs to."""
    return bool(
        u.role == BYLINE
        and u.byline
        and u.byline.credits  # a source line without names (`《某报》（…）`) heads its article
        and all(c.role in ("供稿单位", "来源") for c in u.byline.credits)
    )


@dataclass
class TitleBlock:
    title: str | None = None
    title_units: list[Unit] = field(default_factory=list)
    subtitle: str | None = None
    rubric: str | None = None
    rubric_unit: Unit | None = None
    byline: by.Byline | None = None
    byline_unit: Unit | None = None


@dataclass
class ParsedHeader:
    block: TitleBlock
    orphans: list[list[Unit]] = field(default_factory=list)  # headlines without a body
    inner: list[Unit] = field(default_factory=list)  # headings after the title block


def _title_block(heads: list[Unit], orphans: list[list[Unit]], bylined: bool) -> TitleBlock:
    block = TitleBlock()
    units = list(heads)
    subtitles: list[Unit] = []
    while len(units) > 1 and is_dash(units[-1]):
        subtitles.insert(0, units.pop())
    if len(units) == 1 and is_rubric_like(units[0]) and not subtitles and not bylined:
        block.rubric, block.rubric_unit = units[0].text, units[0]
        return block
    if not units:
        return block
    if len(units) >= 2 and units[-1].text in units[-2].text:
        orphans.append([units.pop()])  # a CMS prints the headline again under the full title
    main = [units.pop()]
    if units and is_kicker(units[-1]):
        main.insert(0, units.pop())
    if units and _over_title(units[-1]):
        main.insert(0, units.pop())  # `实现某某与某某互融互进` over the headline: its kicker
    if units:
        block.rubric_unit = units.pop()
        block.rubric = block.rubric_unit.text
    if units:
        orphans.append(units)
    block.title_units = main + subtitles
    block.title = strip_site_names(join_title([u.text for u in main]))
    label = _ENTRY_LABEL.match(block.title)
    if label and label.end() < len(block.title):
        # `案例1：标题`: the entry number is a label over the title, like a column name.
        if block.rubric is None:
            block.rubric = label.group(1)
        block.title = block.title[label.end() :]
    if subtitles:
        block.subtitle = " ".join(u.text for u in subtitles)
    return block


_ENTRY_LABEL = re.compile(
    r"^((?:典型)?案例(?:之)?[一二三四五六七八九十\d]{1,3}|[【\[]案例[一二三四五六七八九十\d]{1,3}[】\]])"
    r"\s*[：:、．.\s\u3000]?\s*"
)


def _over_title(u: Unit) -> bool:
    """A line over the headline too long for a column label and not a heading of its own."""
    t = u.text
    if len(t) <= RUBRIC_MAX + 2 or _BRACKETED.match(t) or is_inner_heading(u):
        return False
    if _SERIES.search(t) or _VOLUME.search(t):
        return False  # `奋进新征程·伟大变革`, `某某案例选编`: a series or the volume's name
    return not by.own_line(t) and not re.search(r"[:：]\S", t[:8])


def join_title(parts: list[str]) -> str:
    out = ""
    for p in map(strip_bullet, parts):
        out = p if not out else out + ("" if out.endswith((":", "：")) else " ") + p
    return out


def parse_header(run: list[Unit]) -> ParsedHeader:
    """Split an article-opening run into orphans, the title block and inner headings."""
    orphans: list[list[Unit]] = []
    segments: list[list[Unit]] = [[]]
    for u in run:
        segments[-1].append(u)
        if u.role == BYLINE:
            segments.append([])
    tail = segments.pop()  # units after the last byline (or the whole run without one)
    if segments:
        merged: list[list[Unit]] = []
        for seg in segments:  # a byline line without a headline continues the one before
            if merged and not any(u.role == HEAD for u in seg):
                merged[-1].extend(seg)
            else:
                merged.append(seg)
        *before, last = merged
        for seg in before:
            if any(u.role == HEAD for u in seg):
                orphans.append(seg)
            else:
                last = seg + last
        heads = [u for u in last if u.role == HEAD]
        bylines = [u for u in last if u.role == BYLINE]
        block = _title_block(heads, orphans, bylined=True)
        block.byline_unit = bylines[0]
        block.byline = _merge_bylines(bylines)
        return ParsedHeader(block, orphans, tail)
    lead: list[Unit] = []
    inner: list[Unit] = []
    for u in tail:
        if inner or (is_inner_heading(u) and not (is_dash(u) and lead)):
            inner.append(u)
        else:
            lead.append(u)
    return ParsedHeader(_title_block(lead, orphans, bylined=False), orphans, inner)


def _merge_bylines(units: list[Unit]) -> by.Byline | None:
    found = [u.byline for u in units if u.byline]
    if not found:
        return None
    first = found[0]
    for other in found[1:]:
        first = by.Byline(f"{first.raw} {other.raw}", first.credits + other.credits)
    return first

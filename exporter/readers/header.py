"""Header runs: the heading-like lines between two stretches of body text.

A header run either opens a new article (rubric, kicker, title, subtitle, byline, possibly
preceded by an orphan headline that has no body) or holds the inner headings of the current
article. `openers.decide_opening` decides which from named structural cues; `parse_header` splits an
opening run into its parts.
"""

from __future__ import annotations

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
BRACKETED = re.compile(r"^[【\[〔［].{1,20}[】\]〕］]$")
_SERIES = re.compile(r"[·|｜]")
_VOLUME = re.compile(r"汇编|选编|案例集|专刊|特刊|专栏|系列")


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
    if BRACKETED.match(t):
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
    parallel: frozenset[int] = frozenset()  # first lines of headings cast in one mould


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
    """A title block from the heading lines over a text: `——` subtitles off the end, the
    last line the headline (with its kicker), a line above it the rubric, anything higher an
    orphan headline; `案例1：` labels move to the rubric."""
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
    if len(t) <= RUBRIC_MAX + 2 or BRACKETED.match(t) or is_inner_heading(u):
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

"""Roundups (综述): one article that strings together blocks about different localities.

A roundup is recognised by its credits (`策划`/`撰稿`) or its title words (综述, 巡礼…) and is cut
into one case per locality block per thematic section. A block starts at a paragraph whose
subject is a locality not named in the block so far; paragraphs before the first block of a
section are that section's intro and stay with the roundup (its furniture), not with a case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from exporter.readers.bylines import Byline, bare_names
from exporter.readers.places import (
    date_led_locality,
    locality_at_start,
    mentions,
    organisation_at_start,
    short_name,
)
from exporter.readers.repair import Unit
from exporter.readers.sentences import first_sentence
from exporter.readers.titles import lower_subject, make_title

_ROUNDUP_WORDS = re.compile(r"综述|巡礼|扫描|掠影|集锦|纵览|一览|采撷|速览|撷英|荟萃|^各地")
MIN_BLOCKS = 2


@dataclass
class Block:
    place: str
    section: str | None
    paragraphs: list[Unit] = field(default_factory=list)
    heading: Unit | None = None  # a printed locality sub-head (`江西南昌：“红色物业”…`)


@dataclass
class Split:
    intro: list[Unit]
    section_intros: list[tuple[Unit | None, list[Unit]]]
    blocks: list[Block]


def looks_like_roundup(title: str | None, subtitle: str | None, byline: Byline | None) -> bool:
    if byline and any(c.role in ("撰稿", "策划") for c in byline.credits):
        return True
    return any(_ROUNDUP_WORDS.search((t or "").lstrip("—－- ")) for t in (title, subtitle))


_ENTRY_PART = re.compile(
    r"^[一二三四五六七八九十]{1,2}、.{0,6}(?:背景|情况|做法|成效|启示|体会|经验)"
)


def compendium_entry(headings: list[Unit]) -> bool:
    """`一、背景 / 二、主要做法 / 三、经验启示`: an award compendium's entry, never a roundup."""
    return sum(1 for h in headings if _ENTRY_PART.match(h.text)) >= 2


_NATIONAL = re.compile(r"各地|全国|多地|各省|各行各业")
_EVENT = re.compile(r"活动|庆祝|纪念|仪式|典礼|集会")


def national_overview(heading: str, byline: Byline | None) -> bool:
    """`各地开展活动庆祝…`: a headline about one kind of event held across the country is
    one overview, not a roundup to cut into places (each block would print the same event).
    A roundup of practices (`各地探索…新路径`) or one with 撰稿/策划 credits is still cut.

    >>> national_overview("各地组织开展纪念章颁发活动", None)
    True
    >>> national_overview("各地探索党建促进乡村振兴新路径", None)
    False
    """
    if byline and any(c.role in ("撰稿", "策划") for c in byline.credits):
        return False
    return bool(_NATIONAL.search(heading) and _EVENT.search(heading))


STRUCTURAL_MIN_BLOCKS = 3


def structural_roundup(split: Split, title: str) -> bool:
    """An uncredited roundup: three or more places each open a block, none of them named in
    the headline, and the blocks hold most of the text."""
    names = {short_name(b.place) for b in split.blocks}
    if len(split.blocks) < STRUCTURAL_MIN_BLOCKS or len(names) < STRUCTURAL_MIN_BLOCKS:
        return False
    if any(mentions(title, b.place) for b in split.blocks):
        return False
    in_blocks = sum(len(b.paragraphs) for b in split.blocks)
    outside = len(split.intro) + sum(len(ps) for _, ps in split.section_intros)
    return outside <= 0.4 * (in_blocks + outside)


@lru_cache(maxsize=1 << 14)
def block_place(paragraph: str) -> str | None:
    """The place or body a paragraph's first sentence opens with (memoised: the segmenter
    and the roundup splitter ask about the same paragraphs)."""
    sentence = first_sentence(paragraph)
    return (
        locality_at_start(sentence)
        or date_led_locality(sentence)
        or organisation_at_start(sentence)
        or lower_subject(sentence)
    )


_LEAD_PLACE = re.compile(r"^([\u3400-\u4dbf\u4e00-\u9fff]{2,8})[：:]")


def lead_place(paragraph: str) -> str | None:
    """`上海静安：成立…`: a roundup block led by a short place name and a colon (not a
    speaker's name)."""
    m = _LEAD_PLACE.match(paragraph)
    if not m or bare_names(m.group(1)) or m.group(1).endswith(("说", "表示", "指出")):
        return None
    return m.group(1)


def split_roundup(sections: list[tuple[Unit | None, list[Unit]]]) -> Split | None:
    """Cut sections (heading, paragraphs) into locality blocks; None if it is not a roundup."""
    intro: list[Unit] = []
    section_intros: list[tuple[Unit | None, list[Unit]]] = []
    blocks: list[Block] = []
    theme: str | None = None
    for n, (heading, paras) in enumerate(sections):
        current: Block | None = None
        own_intro: list[Unit] = []
        head_place = block_place(heading.text) if heading else None
        if heading and head_place and paras:
            blocks.append(Block(head_place, theme, list(paras), heading))
            continue
        theme = heading.text if heading else theme
        for p in paras:
            place = block_place(p.text)
            lead = lead_place(p.text)
            if lead and (place is None or lead.startswith(place)):
                place = lead  # the name as printed before the colon (`上海静安`, not `上海`)
            seen = "".join(q.text for q in current.paragraphs) if current else ""
            if place and (current is None or not mentions(seen, place)):
                current = Block(place, theme, [p])
                blocks.append(current)
            elif current is not None:
                current.paragraphs.append(p)
            else:
                own_intro.append(p)
        if n == 0 and heading is None:
            intro = own_intro
        else:
            section_intros.append((heading, own_intro))
    if len(blocks) < MIN_BLOCKS:
        return None
    return Split(intro, section_intros, blocks)


def generated_title(block: Block) -> str:
    """`黔东南州：深化“组团式”党建服务`: the block's place and what it did."""
    return make_title(block.place, block.paragraphs[0].text)

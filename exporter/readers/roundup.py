"""Roundups (综述): one article that strings together blocks about different localities.

A roundup is recognised by its credits (`策划`/`撰稿`) or its title words (综述, 巡礼…) and is cut
into one case per locality block per thematic section. A block starts at a paragraph whose
subject is a locality not named in the block so far; paragraphs before the first block of a
section are that section's intro and stay with the roundup (its furniture), not with a case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from exporter.readers.bylines import Byline
from exporter.readers.places import (
    date_led_locality,
    locality_at_start,
    mentions,
    organisation_at_start,
    short_name,
)
from exporter.readers.repair import Unit
from exporter.readers.text import first_sentence

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
    return bool(_ROUNDUP_WORDS.search(f"{title or ''}{subtitle or ''}"))


def block_place(paragraph: str) -> str | None:
    sentence = first_sentence(paragraph)
    return (
        locality_at_start(sentence)
        or date_led_locality(sentence)
        or organisation_at_start(sentence)
    )


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


_LOWER_UNIT = re.compile(
    r"^[\u3400-\u4dbf\u4e00-\u9fff]{2,8}?(?:街道|镇|乡|村|社区)(?![\u4e00-\u9fff]{0,2}(?:委|党))"
)
# A practice named by a verb and a quoted slogan: 开展“党建共建·健康同行”主题活动.
_SLOGAN = re.compile(
    r"(?:推行|推动|探索|打造|开展|实施|深化|建立|构建|创新|创建|坚持|推进|发挥|启动|举办|组织|"
    r"出台|实行|聚焦|围绕|以)[^，,。；;“]{0,6}“[^”]{1,18}”[^，,。；;“]{0,6}"
)
_ORG = re.compile(
    r"^[\u3400-\u4dbf\u4e00-\u9fff]{0,8}?(?:公安局|局|厅|委员会|公司|集团|医院|学校|中心|协会)"
    r"(?:党委|党组|党总支|党支部)?"
)
_TITLE_MAX = 22


def generated_title(block: Block) -> str:
    """`黔东南州：深化“组团式”党建服务`: the block's place and what it did."""
    text = block.paragraphs[0].text
    pos = text.find(block.place)
    rest = text[pos + len(block.place) :] if pos >= 0 else text
    is_org = organisation_at_start(block.place) == block.place
    name = block.place if is_org else short_name(block.place)
    while lower := _LOWER_UNIT.match(rest):
        name, rest = lower.group(0), rest[lower.end() :]
    rest = rest.lstrip("，,、 ")
    org = _ORG.match(rest)
    if org and len(org.group(0)) <= 10:
        name, rest = name + org.group(0), rest[org.end() :]
    sentence = first_sentence(rest)
    slogan = _SLOGAN.search(sentence)
    if slogan:
        phrase = slogan.group(0)
    else:
        phrase = re.split(r"[，,。；;！？：:]", re.sub(r"^(?:党委|党工委|委|的)", "", rest))[0]
    phrase = _trim(phrase.strip())
    return f"{name}：{phrase}" if phrase else name


def _trim(phrase: str) -> str:
    """Cut an over-long phrase after its last pause or quoted term, never inside a quote."""
    if len(phrase) <= _TITLE_MAX:
        return phrase
    cut = phrase[:_TITLE_MAX]
    end = max(cut.rfind("”") + 1, cut.rfind("、"))
    if cut.count("“") > cut.count("”"):
        end = min(end, cut.rfind("“")) if end > 0 else cut.rfind("“")
    if end <= 8:  # no quote or pause to cut at: stop before a particle or preposition
        end = max((cut.rfind(ch) for ch in "的为在于并和与及对向将把"), default=-1)
    return (cut[:end] if end > 8 else cut).rstrip("、和与及的")

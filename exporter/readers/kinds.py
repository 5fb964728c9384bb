"""Kind of item: case (a practice), news (an event), overview (synthesis), commentary (opinion)."""

from __future__ import annotations

import re

from exporter.readers.places import locality_at_start, provinces_in
from exporter.readers.text import first_sentence

_COMMENTARY_RUBRIC = re.compile(r"评论|观澜|短评|时评|杂谈|随笔|锐评|言论|微言|论语|议论|评说|快评")
# Column names that carry opinion as often as reportage: commentary only without a place as
# the first paragraph's subject.
_OPINION_RUBRIC = re.compile(r"论坛|观察|声音|视点|说道|感言|手记")
_VISIT = re.compile(
    r"(?:书记|市长|省长|县长|区长|州长|旗长|主席|部长)[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{2,3}"
    r"(?:赴|到|来到|深入|前往)[^。]{0,40}?(?:调研|视察|考察|检查|督导|慰问|走访)"
)
_MODAL = re.compile(r"要|必须|应当|务必")
# An event as the subject: a meeting, ceremony or launch held.
_EVENT = re.compile(
    r"(?:召开|举行|举办|启动|开幕|闭幕|揭牌)了?[^。]{0,30}?"
    r"(?:会议|大会|仪式|座谈会|推进会|发布会|启动会|开班式|论坛|现场会|观摩会)"
)
EVENT_MAX_PARAGRAPHS = 3
OVERVIEW_PROVINCES = 4
NEWS_MAX_CHARS = 400
# A short item still reports a practice when its headline or lead names a method it runs.
_PRACTICE = re.compile(
    r"推行|探索|建立|构建|打造|实施|创新|推出|实行|深化|织密|做实|激活|赋能|破解|盘活|培育|"
    r"健全|完善|搭建|创建|用好|建强|开展“|“[^”]{1,12}”(?:工作法|模式|机制|清单|制度|品牌|体系)"
)
# A short item is news when an occasion is its subject.
_OCCASION = re.compile(r"召开|举行|举办|开班|开幕|闭幕|启动仪式|签约|揭牌|颁发|表彰|慰问|调研|视察")


def kind_of(
    paragraphs: list[str],
    rubric: str | None,
    has_headings: bool,
    submitted: bool,
    photo_credit: bool,
    in_roundup: bool = False,
    title: str | None = None,
) -> str:
    body = "".join(paragraphs)
    first = paragraphs[0] if paragraphs else ""
    if rubric and _COMMENTARY_RUBRIC.search(rubric):
        return "commentary"
    if rubric and _OPINION_RUBRIC.search(rubric) and not locality_at_start(first):
        return "commentary"
    if photo_credit:
        return "news"
    if len(provinces_in(body)) >= OVERVIEW_PROVINCES and not submitted and not in_roundup:
        return "overview"
    if not (submitted or in_roundup) and _national(title, first):
        return "overview"
    if _VISIT.search(first[:120]):
        return "news"
    if not in_roundup and len(paragraphs) <= EVENT_MAX_PARAGRAPHS and _EVENT.search(first[:100]):
        return "news"
    if len(paragraphs) == 1 and len(body) <= NEWS_MAX_CHARS and not (submitted or in_roundup):
        return "case" if _short_practice(title, first) else "news"
    if not has_headings and not submitted and _is_opinion(paragraphs):
        return "commentary"
    return "case"


# Dated text (`6月1日`, 近日, 日前): two patterns, each led by what it starts with, so the
# search skips ahead at C speed (an alternation led by a repeat is tried at every character).
_DATE_NUMBERS = re.compile(r"\d\d?月\d{1,2}日")
_DATE_WORDS = re.compile(r"近日|日前")
_TIME_OPENER = re.compile(r"^(?:近年来|今年以来|目前|截至目前)[，,]")


def _is_opinion(paragraphs: list[str]) -> bool:
    """No locality as any paragraph's subject and argued with 要/必须: an opinion piece."""
    if any(locality_at_start(p) for p in paragraphs):
        return False
    if any(_DATE_NUMBERS.search(p) or _DATE_WORDS.search(p) for p in paragraphs):
        return False
    return len(_MODAL.findall("".join(paragraphs))) >= 3 and len(paragraphs) >= 3


def _short_practice(title: str | None, first: str) -> bool:
    head = f"{title or ''}。{first_sentence(first)}"
    return bool(_PRACTICE.search(head)) and not _OCCASION.search(head)


_NATIONAL = re.compile(r"^(?:全国|各地|各级|中央)")
_SOURCE_LEAD = re.compile(r"^(?:记者)?(?:从|据)[^，,。]{2,20}(?:获悉|了解到|悉)[，,]")


def _national(title: str | None, first: str) -> bool:
    """A national or all-localities synthesis: the headline or the lead's subject is 全国/各地."""
    if title and _NATIONAL.match(title):
        return True
    lead = _SOURCE_LEAD.sub("", first_sentence(first))
    lead = _TIME_OPENER.sub("", lead)
    return bool(_NATIONAL.match(lead)) and not locality_at_start(lead)

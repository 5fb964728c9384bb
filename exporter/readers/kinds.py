"""Kind of item: case (a practice), news (an event), overview (synthesis), commentary (opinion).

Decided by named cues, each voting for one kind with a weight (all weights in `WEIGHTS`);
the kind with the highest total wins, `case` on a tie. `explain_kind` lists the cues that
fired, for `exporter inspect --explain`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from exporter.readers import bylines as by
from exporter.readers.places import locality_at_start, provinces_in
from exporter.readers.sentences import first_sentence
from exporter.vocab import CJK

_H = CJK
_COMMENTARY_RUBRIC = re.compile(r"评论|观澜|短评|时评|杂谈|随笔|锐评|言论|微言|论语|议论|评说|快评")
# Column names that carry opinion as often as reportage: commentary only without a place as
# the first paragraph's subject.
_OPINION_RUBRIC = re.compile(r"论坛|观察|声音|视点|说道|感言|手记")
# A column named in brackets after the headline: `（某某论坛）`, `（某某潮声·系列谈③）`.
_TITLE_COLUMN = re.compile(
    r"[（(][^（）()]*(?:论坛|潮声|评论|短评|时评|系列谈|漫谈|随笔)[^（）()]*[)）]$"
)
_VISIT = re.compile(
    rf"(?:书记|市长|省长|县长|区长|州长|旗长|主席|部长)[{_H}]{{2,3}}"
    r"(?:赴|到|来到|深入|前往)[^。]{0,40}?(?:调研|视察|考察|检查|督导|慰问|走访)"
)
# 要 as a demand, not inside 重要/主要/需要/只要/要求/要点.
_MODAL = re.compile(r"(?<![重主需只将想紧必纲])要(?![求素闻点件])|必须|应当|务必")
# Every _MODAL match holds one of these: fewer of them than needed means fewer matches.
_MODAL_WORDS = ("要", "必须", "应当", "务必")
# An event as the subject: a meeting, ceremony or launch held.
_EVENT = re.compile(
    r"(?:召开|举行|举办|启动|开幕|闭幕|揭牌)了?[^。]{0,30}?"
    r"(?:会议|大会|仪式|座谈会|推进会|发布会|启动会|开班式|论坛|现场会|观摩会)"
)
# A headline about what a body did on one occasion: a visit, a training, a theme day.
_EVENT_TITLE = re.compile(
    r"赴|前往|走进|参观|举办|举行|召开|开班|开幕|培训班|集中培训|主题党日|座谈会|讲党课|宣讲|"
    r"开展[^，。！]{0,16}活动|学习活动|志愿服务活动|纪念|表彰|慰问|迎新"
)
# A short item still reports a practice when its headline or lead names a method it runs.
_PRACTICE = re.compile(
    r"推行|探索|建立|构建|打造|实施|创新|推出|实行|深化|织密|做实|激活|赋能|破解|盘活|培育|"
    r"健全|完善|搭建|创建|用好|建强|开展“|“[^”]{1,12}”(?:工作法|模式|机制|清单|制度|品牌|体系)"
)
# A short item is news when an occasion is its subject.
_OCCASION = re.compile(r"召开|举行|举办|开班|开幕|闭幕|启动仪式|签约|揭牌|颁发|表彰|慰问|调研|视察")
_PROFILE = re.compile(rf"^([{_H}]{{2,3}})[：:]")
_DATE_NUMBERS = re.compile(r"\d\d?月\d{1,2}日")
_DATE_WORDS = re.compile(r"近日|日前")
_TIME_OPENER = re.compile(r"^(?:近年来|今年以来|目前|截至目前)[，,]")
_NATIONAL = re.compile(r"^(?:全国|各地|各级|中央)")
_SOURCE_LEAD = re.compile(r"^(?:记者)?(?:从|据)[^，,。]{2,20}(?:获悉|了解到|悉)[，,]")

EVENT_MAX_PARAGRAPHS = 3
OVERVIEW_PROVINCES = 4
NEWS_MAX_CHARS = 400
OPINION_MODALS = 3
# One place for every cue's weight: how strongly it votes for its kind.
WEIGHTS: dict[str, float] = {
    "commentary_rubric": 10,
    "opinion_rubric": 6,
    "photo_news": 8,
    "title_column": 5,
    "many_provinces": 5,
    "national_subject": 5,
    "leader_visit": 5,
    "event_lead": 5,
    "short_item_practice": 3,
    "short_item_occasion": 3,
    "opinion_body": 3,
    "reported_event": 2,
    "event_headline": 2,
    "person_profile": 2,
    "practice_headline": 1.5,
    "place_headline": 2,
    "default": 1,
}


@dataclass(frozen=True)
class KindFacts:
    paragraphs: list[str]
    rubric: str | None
    title: str | None
    has_headings: bool
    submitted: bool
    photo_credit: bool
    in_roundup: bool

    @cached_property
    def body(self) -> str:
        return "".join(self.paragraphs)

    @property
    def first(self) -> str:
        return self.paragraphs[0] if self.paragraphs else ""

    @property
    def own(self) -> bool:
        """Not a submitted compendium entry or a block of a roundup (their form is fixed)."""
        return not (self.submitted or self.in_roundup)


def _short(f: KindFacts) -> bool:
    return len(f.paragraphs) == 1 and len(f.first) <= NEWS_MAX_CHARS and f.own


def _short_practice(f: KindFacts) -> bool:
    head = f"{f.title or ''}。{first_sentence(f.first)}"
    return bool(_PRACTICE.search(head)) and not _OCCASION.search(head)


def _is_opinion(f: KindFacts) -> bool:
    """Argued with 要/必须 in its own voice across the text (in a third of its paragraphs
    or more, not in a speaker's words: `某某强调，要…` is reported), no place as any
    paragraph's subject, dated at most once (a commentary may open with the day it is
    pegged to): an opinion piece. Inner headings are allowed when nothing is dated. A
    headline naming a unit at an event (`某支部赴某馆开展主题党日`) is a report instead."""
    ps = f.paragraphs
    if f.submitted or len(ps) < 3 or _UNIT_EVENT.search(f.title or ""):
        return False
    if sum(map(f.body.count, _MODAL_WORDS)) < OPINION_MODALS:
        return False  # the cheapest test first (C-level counts): most reports make no demands
    if sum(1 for _ in itertools.islice(_MODAL.finditer(f.body), OPINION_MODALS)) < OPINION_MODALS:
        return False
    dated = sum(1 for p in ps if _DATE_NUMBERS.search(p) or _DATE_WORDS.search(p))
    if dated > 1 or (f.has_headings and dated):
        return False
    arguing = sum(1 for p in ps if _own_demand(p))
    if arguing < 2 or arguing * 3 < len(ps):
        return False
    return not (any(locality_at_start(p) for p in ps) or _place_headline(f))


# `…——某学院党支部赴某馆开展主题党日`: a headline naming a unit at an event reports it.
_UNIT_EVENT = re.compile(
    r"(?:党支部|党总支|党委|党工委|党组|团委|支部)[^，。！？\s]{0,4}?"
    r"(?:赴|前往|走进|参观|举办|举行|召开|开展|组织)"
)
_REPORTING = re.compile(r"(?:强调|指出|表示|要求|希望|提出|号召|勉励|寄语|说|讲到|谈到)[，：:“]")


def _own_demand(paragraph: str) -> bool:
    """A sentence of the paragraph demands (要/必须) without reporting someone's words."""
    return any(
        _MODAL.search(s) and not _REPORTING.search(s) for s in re.split(r"(?<=[。！？])", paragraph)
    )


def _reported_event(f: KindFacts) -> bool:
    """`11月10日，某局党支部开展…活动`: the lead reports what a body did on one day."""
    lead = first_sentence(f.first)
    dated = bool(_DATE_NUMBERS.search(lead[:40]) or _DATE_WORDS.search(lead[:20]))
    return f.own and dated and bool(_EVENT_TITLE.search(lead))


def _national(f: KindFacts) -> bool:
    """A national or all-localities synthesis: the headline or the lead's subject is 全国/各地."""
    if not f.own:
        return False
    if f.title and _NATIONAL.match(f.title):
        return True
    lead = _TIME_OPENER.sub("", _SOURCE_LEAD.sub("", first_sentence(f.first)))
    return bool(_NATIONAL.match(lead)) and not locality_at_start(lead)


def _profile(f: KindFacts) -> bool:
    """`某某某：扎根讲台二十年`: a person's name as the kicker, named again in the text."""
    m = _PROFILE.match(f.title or "")
    if not m or not f.own or by.bare_names(m.group(1)) is None:
        return False  # `玉泉区：`: a place, not a person
    return f.body.count(m.group(1)) >= 2


def _place_headline(f: KindFacts) -> bool:
    """`某某县某某村：抢抓农时`: a headline led by a place reports that place's practice."""
    t = f.title or ""
    head = re.split(r"[：:]", t, maxsplit=1)[0] if re.search(r"[：:]", t[:20]) else ""
    return bool(head) and locality_at_start(head) is not None


def _event_headline(f: KindFacts) -> bool:
    t = f.title or ""
    return bool(_EVENT_TITLE.search(t)) and not _PRACTICE.search(t) and f.own


Test = Callable[[KindFacts], bool]
# (cue, kind it votes for, test). Their weights are in WEIGHTS.
CUES: list[tuple[str, str, Test]] = [
    (
        "commentary_rubric",
        "commentary",
        lambda f: bool(f.rubric and _COMMENTARY_RUBRIC.search(f.rubric)),
    ),
    (
        "opinion_rubric",
        "commentary",
        lambda f: bool(
            f.rubric and _OPINION_RUBRIC.search(f.rubric) and not locality_at_start(f.first)
        ),
    ),
    ("title_column", "commentary", lambda f: bool(f.title and _TITLE_COLUMN.search(f.title))),
    ("photo_news", "news", lambda f: f.photo_credit),
    (
        "many_provinces",
        "overview",
        lambda f: f.own and len(provinces_in(f.body)) >= OVERVIEW_PROVINCES,
    ),
    ("national_subject", "overview", _national),
    ("leader_visit", "news", lambda f: bool(_VISIT.search(f.first[:120]))),
    (
        "event_lead",
        "news",
        lambda f: (
            not f.in_roundup
            and len(f.paragraphs) <= EVENT_MAX_PARAGRAPHS
            and bool(_EVENT.search(f.first[:100]))
        ),
    ),
    ("short_item_practice", "case", lambda f: _short(f) and _short_practice(f)),
    ("short_item_occasion", "news", lambda f: _short(f) and not _short_practice(f)),
    ("opinion_body", "commentary", _is_opinion),
    ("reported_event", "news", _reported_event),
    ("event_headline", "news", _event_headline),
    ("person_profile", "news", _profile),
    ("practice_headline", "case", lambda f: bool(f.title and _PRACTICE.search(f.title))),
    ("place_headline", "case", _place_headline),
    ("default", "case", lambda f: True),
]


def explain_kind(facts: KindFacts) -> list[tuple[str, str, float]]:
    """The cues that fired: (cue, kind, weight), strongest first."""
    fired = [(name, kind, WEIGHTS[name]) for name, kind, test in CUES if test(facts)]
    return sorted(fired, key=lambda c: -c[2])


def decide_kind(facts: KindFacts) -> str:
    """The kind with the most weight behind it; `case` wins a tie.

    >>> facts = KindFacts(["某村推行“积分制”管理。"], None, "某村：积分制", *[False] * 4)
    >>> decide_kind(facts)
    'case'
    """
    totals: dict[str, float] = dict.fromkeys(KINDS, 0.0)
    for (_name, kind, test), left in zip(_BY_WEIGHT, _LEFT, strict=True):
        if _settled(totals, left):
            break  # the cues not yet tried cannot change the winner: skip them
        if test(facts):
            totals[kind] += WEIGHTS[_name]
    best = max(totals.values())
    return "case" if totals["case"] == best else max(totals, key=lambda k: totals[k])


def _settled(totals: dict[str, float], left: float) -> bool:
    """The leader is ahead of every other kind by more than the weight still untried."""
    ranked = sorted(totals.values(), reverse=True)
    return ranked[0] - ranked[1] > left


KINDS = ("case", "news", "overview", "commentary")
_BY_WEIGHT = sorted(CUES, key=lambda c: -WEIGHTS[c[0]])  # strongest cues first
# Weight of the cues after each position, itself included: what could still change.
_LEFT = [sum(WEIGHTS[c[0]] for c in _BY_WEIGHT[k:]) for k in range(len(_BY_WEIGHT))]


def kind_of(
    paragraphs: list[str],
    rubric: str | None,
    has_headings: bool,
    submitted: bool,
    photo_credit: bool,
    in_roundup: bool = False,
    title: str | None = None,
) -> str:
    facts = KindFacts(paragraphs, rubric, title, has_headings, submitted, photo_credit, in_roundup)
    return decide_kind(facts)

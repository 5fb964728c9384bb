"""Who acts: the subject of a report's opening statements, read from POS tags.

`subject_unit()` returns the noun phrase before the first verb of a clause when it names a
unit (`公共管理学院推出…` → `公共管理学院`, `市审计局机关党员志愿者联合…` → `市审计局机关`), after
time adverbials, purpose clauses and datelines are set aside. The organization enricher
prefers such a subject over a body merely mentioned (`在学校党委领导下`, the partner in
`A联合B`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from exporter.enrich.gazetteer import gazetteer
from exporter.enrich.pos import is_noun, is_verb, tag
from exporter.enrich.text import clauses
from exporter.model import Case
from exporter.vocab import CONNECTIVE, TIME_OPENER

SUBJECT_MAX = 30
# rule unit_tail: the subject names a unit — a party body, an organ, an institution, an area.
UNIT_TAIL = re.compile(
    r"(?:党委|党工委|党支部|党总支|党组|党小组|委员会|组织部|机关|学院|大学|党校|医院|法院|检察院|"
    r"分局|局|公司|集团|中心|协会|社区|街道|村|镇|乡|县|区|市|州|盟|旗)$"
)
# rule not_a_unit: words that end like a unit but are a group of people or a generic body.
_GENERIC = re.compile(r"^(?:全|各|该|本|我|其|市|县|区|镇|乡|村|社区|街道|小区|城市|农村|地区)$")
_PLACE_END = re.compile(r"[省市州盟县区旗镇乡村]$")
_PLACE_AHEAD = re.compile(r"\S{1,6}?(?:乡|镇|村|县|街道|社区)")
_PLACE_START = re.compile(r"^\S{1,6}?(?:省|市|州|盟|县|区|旗|镇|乡|村|街道|社区)$")
_SPACED = re.compile(r"(?<=[\d年月日])[ \u3000]+|[ \u3000]+(?=[\d年月日])")  # 4 月 9 日
_MEANS = frozenset(("以", "通过", "依托", "用"))
_AT = frozenset(("于", "在"))
_JOINT = frozenset(("携手", "联合", "会同", "与", "和", "及", "同"))
_PARTY_END = re.compile(r"(?:党委|党工委|党支部|党总支|党组|委员会)$")
_TITLE_WORD = re.compile(r"(?:书记|副书记|主任|部长|局长|队长|站长|院长|校长|负责人|委员|工作人员)")
_ENUMERATOR = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、是])")
_SUBJECT_TAGS = ("ns", "nt", "b", "m", "q", "zg", "j", "i", "l")
_PURPOSE = re.compile(r"^(?:为了?|按照|根据|围绕|面对|针对|随着|在)")
_PEOPLE = re.compile(r"(?:党员|干部|志愿者|居民|群众|同学|师生|学生|职工|人员|们)")
_STAFF = re.compile(r"(?:专家|团队|医护|工作组|代表)")


def _subject_words(clause: str) -> tuple[str, str]:
    """The nouns before the clause's first verb, and the longest of their word-boundary
    prefixes that names a unit (`滕州市|靶向|发力` → (`滕州市靶向`, `滕州市`))."""
    out, unit = "", ""
    places = True  # every word so far a place name (陕西|渭南): a place subject
    for word, t in tag(clause[: SUBJECT_MAX + 6]):
        if out and word in _MEANS and places:
            return out, out  # 陕西渭南|以村企联建破解…: the means after a place subject
        if unit and word in _AT and out == unit:
            return out, unit  # 公共管理学院|于|某中心开展…: the place of the act follows
        if unit and word == "、" and out == unit:
            out += word  # 公共管理学院、体育学院分党校: units listed as one subject
            continue
        if (is_verb(t) and t != "vn") or word in _JOINT:
            # a place and a one-character "verb" is a misread name (雷山县|达地水族乡)
            lone = len(word) == 1 and bool(_PLACE_END.search(unit))
            misread = lone and bool(_PLACE_AHEAD.match(clause, len(out)))
            return ("", "") if misread else (out, unit)
        if not (is_noun(t) or t in _SUBJECT_TAGS or word in "（）“”"):
            return "", ""
        out += word
        places = places and t == "ns"
        if len(out) > SUBJECT_MAX:
            return "", ""
        if (UNIT_TAIL.search(out) or places) and not _PARTY_END.search(unit):
            unit = out  # the longest unit, but a party body ends it (…党委|携手…医院)
    return "", ""


def _place_chain(clause: str, end: int) -> bool:
    """A place name starts where the subject seemed to end."""
    return any(m.start == 0 for m in gazetteer().scan(clause[end : end + 12]))


@lru_cache(maxsize=1 << 14)
def subject_unit(sentence: str) -> str | None:
    """The unit that is the subject of a sentence's first statement, or None.

    >>> subject_unit("近日，公共管理学院推出“党员责任田”工作机制。")
    '公共管理学院'
    >>> subject_unit("陕西渭南以村企联建破解产业发展瓶颈")
    '陕西渭南'
    >>> subject_unit("4月7日，甲学院、乙学院党校举行培训班。")
    '甲学院、乙学院党校'
    >>> subject_unit("4 月 23 日，公共管理学院于学生活动中心开展学习活动。")
    '公共管理学院'
    >>> subject_unit("在学校党委领导下，全校各级党组织及时组织学习。")
    """
    for part in clauses(sentence)[:6]:
        part = _SPACED.sub("", part.strip().rstrip("，,。；"))
        part = CONNECTIVE.sub("", TIME_OPENER.sub("", part)).lstrip("，, ")
        if not part or _PURPOSE.match(part):
            continue
        words, unit = _subject_words(_ENUMERATOR.sub("", part))
        rest = words[len(unit) :]
        if _PLACE_START.match(rest) or _place_chain(part, len(words)):
            continue  # 雷山县|达地水族乡小乌村: a place list, not a subject and its verb
        if _TITLE_WORD.match(rest) or _STAFF.match(rest):
            return None  # 中心主任刘某…: a person's unit, not the actor
        # what follows the unit is its members (审计局机关|党员志愿者) or a short adverb
        if unit and (len(rest) <= 4 or _PEOPLE.match(rest)):
            if not _GENERIC.match(unit) and len(unit) >= 3:
                return unit
        if words:
            return None  # the first statement has another subject: no actor here
    return None


LEAD_PARAGRAPHS = 2
_PLACE_SUFFIX = re.compile(r"(?:市|县|区|旗|州|盟|镇|乡|街道|村|社区)$")


def setting_named(case: Case) -> bool:
    """The case's deepest place is where it happens: named in the title, byline or opening
    paragraphs, or in two paragraphs or more (rule setting_not_passing: a trip's destination
    named in one paragraph deep in a university's story is no setting).

    >>> from exporter.model import Paragraph, Region, Section, Span
    >>> c = Case(id="x", source="x", kind="case", title="某大学：党史学习")
    >>> c.sections = [Section(None, 1, [Paragraph(t, Span("x", 1, 1), None) for t in
    ...     ("学校党委组织学习。", "各院系开展活动。", "师生赴平山县参观平山县纪念馆。")],
    ...     Span("x", 1, 3))]
    >>> c.region = Region(county="平山县")
    >>> setting_named(c)
    False
    """
    place = case.region.deepest() or ""
    stem = _PLACE_SUFFIX.sub("", place) or place
    if not stem:
        return False
    paras = [p.text for p in case.paragraphs()]
    head = " ".join([case.title or "", case.byline or "", *paras[:LEAD_PARAGRAPHS]])
    return stem in head or sum(stem in p for p in paras) >= 2

"""Locality names at the start of a sentence: the cue that a roundup moves to a new place.

Only general knowledge is used: the province-level names and the suffixes of administrative
units. A locality is recognised where a paragraph's subject starts (after a lead-in clause such
as a date or `在…下`), never anywhere in running text.
"""

from __future__ import annotations

import re

from exporter.vocab import PROVINCES as VOCAB_PROVINCES

# Province-level short names (北京, 内蒙古 …), from the shared vocabulary.
PROVINCES = list(VOCAB_PROVINCES)
_PROVINCE = "|".join(sorted(PROVINCES, key=len, reverse=True))
# One administrative unit: a name plus its suffix. Names are 1-8 characters; the short-name
# bound on 区 keeps `小区`/`东区` inside estate names from counting.
_UNIT = (
    rf"(?:(?:{_PROVINCE})(?:省|市|(?:维吾尔|壮族|回族)?自治区)?"
    r"|[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{2,7}?(?:自治州|地区|盟)"
    r"|[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{2,5}?(?<![全本该各我此两])市(?!长(?![\u4e00-\u9fff]{1,2}[区县])|民|场|直)"
    r"|[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{1,5}?(?<![全本该各我此两])州(?![市区县])"
    r"|[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{1,9}?自治县|[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{1,3}(?<![全本该各我此])[县旗](?!长|城)"
    r"|[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{2,3}(?<![小社园厂矿营校片景])区(?!长))"
)
_CHAIN = re.compile(rf"^(?:{_UNIT})+")
_NOT_PLACE = set("委党全本该各我此这那其每某个项名年月日时")
# Lead-in clauses that may precede the subject: dates, times, circumstances, purposes.
_LEAD_IN = re.compile(
    r"^(?:近日|日前|近期|近年来|今年以来|去年以来|\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:以来)?|"
    r"\d{1,2}月\d{1,2}日(?:上午|下午|晚)?|为[^，,。]{2,40}|在[^，,。]{1,40}[下中上里后时]|"
    r"在[^，,。]{1,30}(?:方面|期间|过程中|基础上)|[^，,。]{2,30}之际|据[^，,。]{1,20})[，,]"
)


_SET_OFF = re.compile(r"[^，,。]{0,12}[，,]")
_DATE_CLAUSE = re.compile(r"(?:\d{1,2}月\d{1,2}日|近日|日前)[，,]")
_UNIT_RE = re.compile(_UNIT)
_UNIT_SUFFIX = re.compile(r"(省|市|自治州|州|盟|地区|自治县|县|旗|区|自治区)$")


def locality_at_start(sentence: str) -> str | None:
    """The administrative place a sentence opens with (after lead-in clauses), if any."""
    s = sentence[:160]  # a lead-in plus a place chain is never longer
    for _ in range(6):
        m = _LEAD_IN.match(s)
        if not m:
            break
        s = s[m.end() :]
    m = _CHAIN.match(s[:48])
    if not m and s.startswith("在"):
        # `在某某县某某镇，…`: the place set off by a comma is the paragraph's subject.
        m = _CHAIN.match(s[1:49])
        if m and not _SET_OFF.match(s[1 + m.end() :]):
            m = None
    if not m:
        return None
    place = m.group(0)
    if set(place[:2]) & _NOT_PLACE or place[0] in "省市州县区旗镇乡村在从向对把为以据由经按将老":
        return None
    return place


_ORG_START = re.compile(
    r"^(?:中共|中国)?[\u3400-\u4dbf\u4e00-\u9fff]{2,14}?"
    r"(?:公司|集团|银行|医院|大学|学院|学校|研究院|管理局)(?:党委|党组|党总支|党支部)?"
)


def organisation_at_start(sentence: str) -> str | None:
    """An enterprise or institution as the sentence's subject (`国网某某供电公司党委…`)."""
    s = sentence[:160]
    for _ in range(6):
        m = _LEAD_IN.match(s)
        if not m:
            break
        s = s[m.end() :]
    m = _ORG_START.match(s[:40])
    if not m or set(m.group(0)[:2]) & _NOT_PLACE or set(m.group(0)) & _NOT_IN_NAME:
        return None
    return m.group(0)


# Words that never stand inside an institution's name: `学生在某大学…`, `除了某大学…`,
# `某铜人是某大学…` mention the institution in passing; it is not their subject.
_NOT_IN_NAME = set("在是的了和与及除虽把被对向")


def date_led_locality(sentence: str) -> str | None:
    """A locality right after a date clause anywhere in the first sentence (news ledes)."""
    for m in _DATE_CLAUSE.finditer(sentence[:200]):
        place = locality_at_start(sentence[m.end() :])
        if place:
            return place
    return None


def short_name(place: str) -> str:
    """The most specific unit of a chain, for generated titles (`贵州省黔东南州` -> `黔东南州`)."""
    units = _UNIT_RE.findall(place)
    return units[-1] if units else place


def mentions(text: str, place: str) -> bool:
    """Whether text names the place (or its most specific unit, suffix-insensitive)."""
    unit = short_name(place)
    core = _UNIT_SUFFIX.sub("", unit)
    return unit in text or (len(core) >= 2 and core in text)


def provinces_in(text: str) -> set[str]:
    """The provinces a text names. One scan finds every mention not overlapped by an earlier
    one (江西 in 江西藏); the few names such an overlap can hide are looked up directly."""
    found = {m.group(0) for m in _PROVINCE_RE.finditer(text)}
    found.update(p for p in _HIDEABLE if p in text)
    return found


def _hideable(names: list[str]) -> tuple[str, ...]:
    """Names whose mention can start inside another name's (a tail of one opens the other)."""
    tails = {(q, q[k:]) for q in names for k in range(1, len(q))}
    return tuple(p for p in names if any(q != p and (p.startswith(t) or p in t) for q, t in tails))


_PROVINCE_RE = re.compile(_PROVINCE)
_HIDEABLE = _hideable(PROVINCES)

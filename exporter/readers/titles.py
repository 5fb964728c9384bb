"""Generated titles for items printed without a headline: `<place or body>：<key practice>`.

The practice is, in order of preference, a quoted brand or method term with its verb
(`推行“党建+妇建”工作法`), else the main predicate clause of the lead sentence once dates,
openers, the subject and partners are stripped. The phrase is at most TITLE_MAX code points
and is only ever cut at a word boundary (a pause, a closing quote, a conjunction).
"""

from __future__ import annotations

import re

from exporter.readers.places import locality_at_start, organisation_at_start, short_name
from exporter.vocab import CJK

TITLE_MAX = 24
_H = CJK
_LOWER_UNIT = re.compile(
    rf"^(?!推行|推动|实施|开展|探索|建立|组织|带领|发动|引导|全|各|每|本|该)[{_H}]{{2,8}}?"
    r"(?:街道|镇|乡|村|社区)(?!党|委|两委|级|民|务|里|内|干部|集体|组织)"
)
# A body attached to the place: `市直机关党组织`, `公安局党委`, `县委组织部`.
_ORG = re.compile(
    rf"^[{_H}]{{0,8}}?(?:公安局|局|厅|委员会|公司|集团|医院|学校|中心|协会|市直机关|直属机关|机关|"
    r"委组织部|组织部|委社会工作部|社会工作部)(?:党组织|党工委|党委|党组|党总支|党支部)?"
)
_PARTY_ORGAN = re.compile(r"(?:党委|党组|党工委|党总支|党支部|党组织|工委)$")
_OPENER = re.compile(
    r"^(?:近日|日前|近期|近年来|今年以来|去年以来|目前|当前|\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:以来)?|"
    r"\d{1,2}月\d{1,2}日(?:上午|下午|晚)?)[，,]?"
)
# Circumstance and purpose clauses before the predicate (`为进一步…`, `在…下`, `…之际`).
_SETTING = re.compile(
    r"^(?:在[^，,。]{1,40}[下中]|[^，,。]{2,30}之际|据[^，,。]{1,20}|"
    r"为(?=[^，,。]*(?:进一步|加强|推动|深化|提升|促进|庆祝|纪念|落实|贯彻|更好|切实|有效|破解|"
    r"解决|打通|激发|助力|推进|满足|营造|确保|做好|扎实))[^，,。]{2,40}|"
    r"以[^，,。]{2,30}为(?:抓手|载体|引领|重点|突破口|切入点|目标|导向|核心|主线|依托)|"
    r"通过[^，,。]{2,40}|(?:坚持|聚焦|围绕|立足|紧扣)[^，,。]{2,16})$"
)
_ADVERB = re.compile(
    r"^(?:党委|党工委|党组|委|的|近日|日前|还|也|都|先后|紧紧|积极|不断|持续|大力|深入|着力|始终|全面|"
    rf"扎实|主动|充分|进一步|坚持|高位|精心)+(?=[{_H}“])"
)
_PARTNER = re.compile(
    r"^(?:携手|联合|会同|联手)[^，,。]{2,28}?(?=开展|举办|举行|签订|共同|推进|启动|组织)"
)
_VISIT = re.compile(
    rf"^[^，,。]{{0,24}}?(?:书记|市长|县长|区长|州长|主任|部长|局长)[{_H}]{{2,3}}?"
    r"(?:赴|到|来到|深入|前往)[^，,。]{0,16}?(?=调研|视察|考察|检查|督导|走访|慰问)"
)
_HELD = re.compile(
    rf"^(?P<event>[^，,。]{{2,20}}?)(?:近日|日前)?在[{_H}]{{1,12}}(?P<verb>举行|举办|召开)$"
)
_VERBS = (
    "推行|打造|探索|实施|深化|建立|构建|创新|创建|推出|推进|开展|实行|建设|组建|成立|搭建|用好|"
    "做实|做强|推广|建强|启动|深耕|升级|首创|设立|开通|上线"
)
_BRAND = re.compile(
    rf"(?P<verb>(?:{_VERBS})[{_H}]{{0,2}}?)?“(?P<term>[^“”，,。；;！？]{{2,12}})”"
    rf"(?P<tail>的?[{_H}+]{{0,8}})"
)
_METHOD = re.compile(
    r"工作法|模式|机制|体系|品牌|行动|工程|服务|平台|清单|制度|模型|计划|项目|驿站|联盟"
)
_YEAR = re.compile(r"\d{4}年度?|\d{1,2}月\d{1,2}日|近日|日前")
# Words a title can do without when it is too long.
_FILLER = re.compile(
    r"曾经|已经|先后|大大小小|积极|主动|不断|持续|进一步|全面|切实|有效|认真|扎实|同时|"
    r"深入(?=开展|推进|实施)|首批|\d+[个名位家项]"
)
# `为某某授流动红旗`: the giving is the practice; the long recipient can go.
_GIVE = re.compile(r"^为[^，,。]{6,}?(?=授予?|颁发|颁授|发放|赠送|送上)")
_SETTING_PLACE = re.compile(r"^([^，,。]{0,10})[，,]")
_WITH = re.compile(r"^(?:与|和|同)")
_PARTICLE = re.compile(r"[的了和与及并在]")
_LONG_QUOTE = re.compile(r"“[^”]{9,}”")
_CUT_BEFORE = "和与及并为在"


def clauses(text: str) -> list[str]:
    """Split at clause punctuation outside quotes."""
    out: list[str] = []
    buf: list[str] = []
    depth = 0
    for ch in text:
        if ch in "“《（(":
            depth += 1
        elif ch in "”》）)" and depth:
            depth -= 1
        if ch in "，,。；;：:！？!?" and depth == 0:
            out.append("".join(buf))
            buf = []
            if ch in "。！？!?":
                out.append("。")
            continue
        buf.append(ch)
    if buf:
        out.append("".join(buf))
    return [c for c in (c.strip() for c in out) if c]


# `北京` + `航空航天大学…`: the place begins an institution's name, which is the subject.
_ADMIN_SUFFIXES = ("省", "市", "县", "区", "州", "旗", "盟", "镇", "乡", "村", "街道", "社区")
_INSTITUTION = re.compile(
    rf"^[{_H}]{{0,10}}?(?:大学|学院|学校|中学|小学|医院|研究院|研究所|博物馆|图书馆|纪念馆)"
)


def subject(place: str, text: str) -> tuple[str, str]:
    """The display name of the acting body and the text after it."""
    pos = text.find(place)
    rest = text[pos + len(place) :] if pos >= 0 else text
    if pos == 0 and rest.startswith(("：", ":")):  # `上海静安：…`: the name as printed
        return place, rest[1:].lstrip()
    # Only a bare name (no 省/市/县/区) can begin an institution's name: `北京航空航天大学`.
    institution = None if place.endswith(_ADMIN_SUFFIXES) else _INSTITUTION.match(rest)
    if institution:
        return place + institution.group(0), rest[institution.end() :]
    is_org = organisation_at_start(place) == place
    name = place if is_org else short_name(place)
    while lower := _LOWER_UNIT.match(rest):
        name, rest = lower.group(0), rest[lower.end() :]
    setting = _SETTING_PLACE.match(rest) if text[:pos].endswith("在") else None
    if setting:  # `在某市工业园区，…`: the place and the rest of its name set the scene
        name, rest = name + setting.group(1), rest[setting.end() :]
    topic = rest.startswith(("，", ","))  # `某村，党群服务中心…`: the place is a topic
    rest = rest.lstrip("，,、 ")
    org = None if topic else _ORG.match(rest)
    if org and len(org.group(0)) <= 12:
        name, rest = name + org.group(0), rest[org.end() :]
    name = _PARTY_ORGAN.sub("", name) or name
    partner = _WITH.match(rest)
    if partner:
        other = locality_at_start(rest[1:])
        if other:
            name = f"{name}与{short_name(other)}"
            rest = rest[1 + len(other) :]
            lower = _LOWER_UNIT.match(rest)
            if lower:
                name = f"{name.rsplit('与', 1)[0]}与{lower.group(0)}"
                rest = rest[lower.end() :]
    return name, rest


def _brand(sentence: str) -> str | None:
    """The best quoted method term with its verb and head noun."""
    best: tuple[int, str] | None = None
    for m in _BRAND.finditer(sentence):
        term, verb, tail = m.group("term"), m.group("verb") or "", m.group("tail")
        score = 2 * bool(verb) + bool(_METHOD.search(tail)) - ("、" in term)
        if not verb and not _METHOD.search(tail):
            continue
        tail = tail[1:] if tail.startswith("的") and _METHOD.match(tail[1:]) else tail
        tail = _cut_tail(tail)
        phrase = f"{verb}“{term}”{tail}"
        if len(phrase) > TITLE_MAX:
            phrase = f"“{term}”{tail}"
        if len(phrase) <= TITLE_MAX and (best is None or score > best[0]):
            best = (score, phrase)
    return best[1] if best and best[0] >= 1 else None


def _cut_tail(tail: str) -> str:
    """A noun run after a quote ends before a particle (`党建服务` of `党建服务的`)."""
    m = _PARTICLE.search(tail)
    return tail[: m.start()] if m else tail


def _predicate(rest: str) -> str:
    parts = [c for c in clauses(rest) if c != "。"]
    means = ""
    for n, clause in enumerate(parts):
        if n + 1 < len(parts) and _SETTING.match(clause):
            brand = _MEANS.match(clause)
            means = brand.group(1) if brand else means
            continue
        clause = _strip_openers(clause)
        if len(clause) >= 4:
            # `以“红色物业”为抓手，推动…` -> `“红色物业”推动…`: the brand leads the practice.
            return means + clause if len(means + clause) <= TITLE_MAX else clause
    return ""


_MEANS = re.compile(r"^以([^，,。]{0,4}“[^”]{1,10}”[^，,。]{0,4}?)为[^，,。]{1,4}$")


def _strip_openers(clause: str) -> str:
    for _ in range(4):
        before = clause
        clause = _OPENER.sub("", clause, count=1)
        clause = _PARTNER.sub("", clause, count=1)
        clause = _VISIT.sub("", clause, count=1)
        clause = _ADVERB.sub("", clause, count=1)
        if clause == before:
            break
    held = _HELD.match(clause)
    if held:
        clause = held.group("verb") + held.group("event").removesuffix("的")
    return clause.lstrip("的，,、 ")


def shorten(phrase: str) -> str:
    """At most TITLE_MAX code points, cut only at a word boundary."""
    phrase = _YEAR.sub("", phrase)
    for step in (lambda p: _FILLER.sub("", p), lambda p: _GIVE.sub("", p)):
        if len(phrase) <= TITLE_MAX:
            return phrase
        phrase = step(phrase)
    if len(phrase) <= TITLE_MAX:
        return phrase
    dropped = _LONG_QUOTE.sub("", phrase)
    if 4 <= len(dropped) <= TITLE_MAX:
        return dropped
    cut = phrase[: TITLE_MAX + 1]
    stops = [i for i, ch in enumerate(cut) if ch in _CUT_BEFORE and i >= 6]
    stops += [i + 1 for i, ch in enumerate(cut) if ch in "”、》" and i + 1 <= TITLE_MAX]
    if cut.count("“") > cut.count("”"):
        stops = [s for s in stops if s <= cut.rfind("“")]
    stops = [s for s in stops if 6 <= s <= TITLE_MAX]
    end = max(stops, default=TITLE_MAX)
    return phrase[:end].rstrip("、和与及的并为在")


# What may stand before the acting body that opens a sentence: lead-in clauses (dates,
# 为…, 在…下, 近年来 …) and, right before the name, a date or the 在 of a setting.
_LEAD_CLAUSE = re.compile(
    r"(?:近日|日前|近期|近年来|今年以来|去年以来|\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|"
    r"\d{1,2}月\d{1,2}日(?:上午|下午|晚)?|为.{2,30}|在.{1,30}[下中]|进一步.{2,20}|.{2,20}之际)"
)
_LEAD_TAIL = re.compile(
    r"(?:在|\d{1,2}月\d{1,2}日(?:上午|下午|晚)?|\d{4}年\d{1,2}月\d{1,2}日|近日|日前)?"
)


def subject_position(sentence: str, place: str) -> bool:
    """The place opens the sentence, after at most a date, time or purpose lead-in
    (`以及某大学…`, `针灸铜人是某大学…`, `学生在某馆…` mention it instead).

    >>> subject_position("6月5日，某某县推行积分制。", "某某县")
    True
    >>> subject_position("学生在某某大学参观。", "某某大学")
    False
    """
    pos = sentence.find(place)
    if pos <= 0:
        return pos == 0
    *clauses, tail = re.split(r"[，,]", sentence[:pos])
    return bool(_LEAD_TAIL.fullmatch(tail)) and all(_LEAD_CLAUSE.fullmatch(c) for c in clauses)


def make_title(place: str, text: str) -> str:
    """`黔东南州：深化“组团式”党建服务` from a block's place and its first paragraph; the
    practice alone when the place does not open the text (a passing mention)."""
    if not subject_position(text, place):
        return practice_phrase(text)
    name, rest = subject(place, text)
    first = rest[: rest.find("。") + 1] if "。" in rest else rest
    phrase = _brand(first) or _predicate(rest)
    phrase = shorten(phrase.strip())
    if phrase and not usable_phrase(phrase):
        phrase = ""
    return f"{name}：{phrase}" if phrase else name


# A title phrase opens with what the body did, never with a connective, a preposition
# left from a cut clause, or a copula (`为深入实施`, `是第49个…`, `以及…`, `此前…`).
_BAD_OPENING = re.compile(
    r"^(?:为(?=进一步|深入|加强|推动|切实|更好|全面|贯彻|落实|庆祝|纪念|提高|提升|促进|确保|帮助|"
    r"激发|营造|响应|坚定)|是|以及|及|和|与|并|或|而|但|在|由|被|据|因|除了|此前|虽|即|又|也|还|都|则|这|那|"
    r"其|该|今天|尊敬|亲爱|踏入|进一步|切实)"
)


_QUESTION = re.compile(r"什么|怎么|吗|呢|？|\?")


def usable_phrase(phrase: str) -> bool:
    """Whether a generated phrase can stand as a title's practice.

    >>> usable_phrase("推行“楼栋议事”机制")
    True
    >>> usable_phrase("为深入实施")
    False
    """
    if len(phrase) < PHRASE_MIN or _BAD_OPENING.match(phrase):
        return False
    quoted = phrase.startswith("“") and phrase.endswith("”")  # someone's words, not a practice
    return not quoted and not _QUESTION.search(phrase)


_LOWER_SUBJECT = re.compile(
    rf"^[{_H}]{{2,8}}?(?:街道|镇|乡|村|社区)(?=党工委|党委|[{_H}]{{0,2}}(?:探索|坚持|推行|构建|建立|打造|开展|实施|推进|创新|以|把|通过|聚焦|围绕|积极|持续|不断))"
)


def lower_subject(sentence: str) -> str | None:
    """A street, township, village or community opening a sentence as its subject."""
    m = _LOWER_SUBJECT.match(_OPENER.sub("", sentence, count=1))
    return m.group(0) if m else None


_PRONOUN_SUBJECT = re.compile(
    r"^(?:同时|此外|另外|与此同时)?[，,]?(?:该|本|全)(?:省|市|州|县|区|旗|镇|乡|街道|村|社区|公司|单位)"
    r"(?:党委|党工委|党组)?(?:还|也|又)?"
)
PHRASE_MIN = 6  # shorter phrases say too little to stand as a title


def practice_phrase(text: str) -> str:
    """The key practice of a text that names no place (`该县还建立…` -> `建立…`), or ''."""
    first = text[: text.find("。") + 1] if "。" in text else text
    stripped = _PRONOUN_SUBJECT.sub("", _OPENER.sub("", first, count=1), count=1)
    phrase = shorten((_brand(stripped) or _predicate(stripped)).strip())
    return phrase if usable_phrase(phrase) else ""

"""Bylines and credits: who wrote, reported, photographed or submitted an item.

Recognised forms (each a small pattern, tried in order):
  own line      `本报记者 X`, `●本报记者 X 通讯员 Y`, `本报实习记者 X`, `文/本刊记者 X`,
                `作者：X`, `策划：X 撰稿：Y Z`, bare names `X Y` (only where a byline may stand)
  submitted     `中共X委组织部申报`, `（X供稿）`, `来源：X`
  inline prefix `本报讯(记者 X 通讯员 Y)`, `新华社北京6月1日电（记者 X）`
  inline suffix `■本报记者 X 摄`, `（X 摄）`
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from exporter.model import Credit
from exporter.readers.credit_fields import field_credits
from exporter.readers.names import COMPOUND_SURNAMES as _COMPOUND_SURNAMES
from exporter.readers.names import SURNAMES as _SURNAMES
from exporter.readers.names import split_glued
from exporter.readers.places import PROVINCES
from exporter.vocab import CJK

_HAN = CJK
NAME = rf"[{_HAN}][{_HAN}·•]{{1,7}}"
_BULLET = r"[●■◆▲★•◇□▪◎]"
_OUTLET = r"(?:本报|本刊|本台|本网|新华社|人民网|中新社)"
# Longest first so 实习记者 wins over 记者.
_ROLES = (
    "特约通讯员",
    "特约记者",
    "实习记者",
    "见习记者",
    "融媒体记者",
    "全媒体记者",
    "新媒体记者",
    "融媒记者",
    "首席记者",
    "通讯员",
    "实习生",
    "评论员",
    "记者",
    "作者",
    "撰稿人",
    "撰稿",
    "撰文",
    "文字",
    "策划",
    "统筹",
    "摄影",
    "摄像",
    "责任编辑",
    "编审",
    "审核人",
    "审核",
    "审校",
    "校对",
    "责编",
    "编辑",
    "文",
    "图",
)
# Roles that name a person directly after them (`通讯员张三`): long enough never to be the
# end of a name. One-character roles (文, 图) need a separator.
_GLUED_ROLES = ("特约通讯员", "特约记者", "实习记者", "见习记者", "通讯员", "实习生", "记者")
_ROLE_NORMAL = {
    "特约通讯员": "通讯员",
    "特约记者": "记者",
    "见习记者": "实习记者",
    "实习生": "实习记者",
    "融媒记者": "记者",
    "融媒体记者": "记者",
    "全媒体记者": "记者",
    "新媒体记者": "记者",
    "首席记者": "记者",
    "评论员": "作者",
    "撰文": "作者",
    "责任编辑": "编辑",
    "编审": "编辑",
    "审核人": "编辑",
    "审核": "编辑",
    "审校": "编辑",
    "校对": "编辑",
    "责编": "编辑",
    "文字": "作者",
    "文": "作者",
    "统筹": "策划",
    "撰稿人": "撰稿",
    "图": "摄影",
    "摄像": "摄影",
}
# Roles whose names are the item's authors (the photographer only when nobody else is).
AUTHOR_ROLES = ("记者", "实习记者", "通讯员", "作者", "撰稿", "申报单位", "供稿单位")
_SPACED_ROLE = re.compile(r"(策|撰|记|作|摄|统|编)\s+(划|稿|者|影|筹|辑)")
_ROLE_RE = re.compile(
    rf"{_OUTLET}(?:{'|'.join(_ROLES)})|(?:{'|'.join(_ROLES)})(?=\s*[:：/|｜]|\s)"
    rf"|(?:{'|'.join(_GLUED_ROLES)})(?=[{_HAN}])"
)
_SEP = re.compile(r"[\s、，,;；:：/|｜]+")
_SUBMITTED = re.compile(rf"^(?:{_BULLET}\s*)?(?P<unit>.{{2,40}}?)\s*(?P<verb>申报|推荐|报送)$")
_SUPPLIED = re.compile(r"^[（(]?(?P<unit>[^（()）]{2,40}?)\s*(?P<verb>供稿)[)）]?$")
_SOURCE = re.compile(r"^[（(]?(?:来源|稿源)\s*[:：]\s*(?P<unit>[^（()）]{2,40})[)）]?$")
_LABELLED_UNIT = re.compile(
    r"^[（(]?(?P<label>申报单位|推荐单位|报送单位|供稿单位|供稿|作者单位|选送单位)\s*[:：]\s*"
    r"(?P<unit>[^（()）]{2,40}?)[)）]?$"
)
_LABEL_ROLE = {
    "申报单位": "申报单位",
    "推荐单位": "申报单位",
    "报送单位": "申报单位",
    "选送单位": "申报单位",
}
# Endings of organisation names (the longest alternatives first where they share a tail).
_UNIT_END = (
    r"(?:委组织部|组织部|宣传部|统战部|社会工作部|党工委|工委|党委|党组|党总支|总支部?|党支部|支部|"
    r"委员会|管委会|村委会|居委会|局|厅|办公室|街道办事处|办事处|政府|中心|公司|集团|医院|学校|大学|"
    r"学院|研究院|协会|联合会|科|处|股)"
)
_UNIT_LINE = re.compile(
    rf"^(?:中共|中国共产党)?[{_HAN}（）()]{{2,28}}?{_UNIT_END}"
    rf"(?:[\s、]+(?:中共)?[{_HAN}（）()]{{2,28}}?{_UNIT_END}){{0,3}}$"
)
_PREFIX = re.compile(
    rf"^(?P<raw>(?:本报|本刊|本网|新华社|人民网|中新社|[{_HAN}]{{2,12}}(?:网|报|社|台))"
    r"[^，,。(（]{0,16}?[讯电]\s*"
    r"[(（](?P<inner>[^()（）]{2,60})[)）])"
)
_SUFFIX = re.compile(
    rf"(?P<raw>(?:{_BULLET}\s*|[(（])(?:{_OUTLET}?(?:记者|通讯员|实习记者))?\s*"
    rf"(?P<names>{NAME}(?:\s+{NAME}){{0,3}})\s*摄(?:影)?[)）]?)\s*$"
)
# `（影像中国）`, `（人民视觉）`: the picture agency printed after the photographer's 摄.
_AGENCY = r"(?:\s*[(（][^()（）]{2,12}[)）])?"
_PHOTO_LINE = re.compile(
    rf"^(?:{_BULLET}\s*)?(?:(?:以上|上|下|左|右|本版)?(?:图片|照片)?均?为)?"
    rf"(?:{_OUTLET}?(?:记者|通讯员))?\s*(?P<names>{NAME}(?:\s+{NAME}){{0,3}})"
    rf"\s*[/／]?\s*摄(?:影)?{_AGENCY}$"
    r"|^[(（]?(?:摄影|图片|供图)\s*[:：/]\s*(?P<names2>[^()（）]{2,30})[)）]?$"
    r"|^[(（](?P<names3>[^()（）]{2,30}?)\s*(?:供图|摄)[)）]$"
)
_OUTLET_RE = re.compile(_OUTLET)
_PLACE_NAME = re.compile(f"(?:{'|'.join(PROVINCES)})(?:省|市)?")
# `王  菲摄`: a two-character name spaced out to the width of a three-character one.
_SPACED_NAME = re.compile(rf"(?<![{_HAN}])([{_HAN}])\s+([{_HAN}])(?=摄|[^{_HAN}]|$)")
_NAME_RE = re.compile(NAME)
_DOTTED_NAME = re.compile(rf"[{_HAN}]{{1,6}}[·•][{_HAN}]{{1,8}}")
_PLAIN_NAME = re.compile(rf"[{_HAN}]{{2,4}}")
_STOP = re.compile(r"[。！？]")
_LEAD_BULLET = re.compile(rf"^{_BULLET}\s*")
_SENTENCE_LIKE = re.compile(rf"[。！？，,；;]|[{_HAN}]{{9,}}")
_UNIT_SEP = re.compile(r"[\s、]+")
_SUBMISSION_ENDS = ("申报", "推荐", "报送", "供稿", "供稿)", "供稿）")
# Words that look like two- or three-character names but are column labels or headings.
_NOT_NAME_CHARS = set("的了是在和与及之其党政区县市省镇乡村街道社组织委会部局厅")


@dataclass
class Byline:
    raw: str
    credits: list[Credit] = field(default_factory=list)
    position: str = "own_line"  # own_line | own_line_end | inline_prefix | inline_suffix

    @property
    def authors(self) -> list[str]:
        names = [c.name for c in self.credits if c.role in AUTHOR_ROLES]
        if not names:
            names = [c.name for c in self.credits if c.role == "摄影"]
        return list(dict.fromkeys(names))


def _credits_from(body: str, default_role: str = "作者") -> list[Credit]:
    """Split `记者 X Y 通讯员 Z` style text into credits; names without a role get default."""
    body = _SPACED_ROLE.sub(r"\1\2", body.strip(" *_"))
    credits: list[Credit] = []
    role = default_role
    pos = 0
    for m in _ROLE_RE.finditer(body):
        credits.extend(_names(body[pos : m.start()], role))
        word = _OUTLET_RE.sub("", m.group(0))
        role = _ROLE_NORMAL.get(word, word)
        pos = m.end()
    credits.extend(_names(body[pos:], role))
    return credits


_NOT_NAMES = {"报道", "摄影", "摄", "文", "图", "电", "讯", "供稿", "整理", "编辑"}


def _tokens(chunk: str) -> list[str]:
    """Split on separators, re-joining names padded with spaces for alignment (`王 伟`)."""
    toks = [t for t in _SEP.split(chunk) if t]
    out: list[str] = []
    for tok in toks:
        if out and len(tok) == 1 and len(out[-1]) == 1:
            out[-1] += tok
        else:
            out.append(tok)
    return out


def _names(chunk: str, role: str) -> list[Credit]:
    out: list[Credit] = []
    for tok in _tokens(chunk):
        tok = tok.strip("()（）[]【】*_ ")
        shot = len(tok) > 2 and tok.endswith("摄")  # `于东东摄`: the last name took the photo
        tok = tok[:-1] if shot else tok
        if tok and tok not in _NOT_NAMES and _NAME_RE.fullmatch(tok):
            names = split_glued(tok)
            out.extend(Credit(name, role) for name in names[:-1])
            out.append(Credit(names[-1], "摄影" if shot else role))
    return out


_FIELD_START = re.compile(r"^[（(]?\s*(?:供稿|来源|作者|撰稿|文字|主办)\s*[:：｜|]")
_FUNCTION_CHARS = set("的了是在和与及之其到着过")  # a role word opening a sentence, not a name


def _glued_name(name: str) -> bool:
    """A name printed right after its role on a line of its own starts with a surname."""
    return name[:1] in _SURNAMES and not set(name) & _FUNCTION_CHARS


_GLUED_START = re.compile(rf"^(?:{'|'.join(_GLUED_ROLES)})[{_HAN}]")


def _is_name(tok: str) -> bool:
    if "·" in tok or "•" in tok:
        return bool(_DOTTED_NAME.fullmatch(tok))
    if not _PLAIN_NAME.fullmatch(tok):
        return False
    if len(tok) == 4 and tok[:2] not in _COMPOUND_SURNAMES:
        return False
    return not (set(tok) & _NOT_NAME_CHARS)


def bare_names(text: str) -> Byline | None:
    """`马孝`, `潘江平 杨振强`: only names, separated by spaces (caller checks the position)."""
    toks = text.split()
    if len(toks) == 1 and _PLACE_NAME.fullmatch(text):
        return None  # `北京`: a dateline place, not a person
    if 2 <= len(toks) <= 3 and all(len(t) == 1 for t in toks):
        toks = ["".join(toks)]  # `肖　岩`: a two-character name spaced out to the column width
    elif len(toks) in (4, 6) and all(len(t) == 1 for t in toks):
        toks = ["".join(toks[k : k + 2]) for k in range(0, len(toks), 2)]  # `邱  月  张  庆`
    if not toks or len(toks) > 6 or not all(_is_name(t) for t in toks):
        return None
    return Byline(text, [Credit(t, "作者") for t in toks])


# `《某某日报》（2025年06月17日第 19 版）`: the paper, date and page a byline line ends with.
_PAPER_SOURCE = re.compile(
    r"\s*[《〈][^》〉]{2,12}[报刊][》〉]\s*[(（][^()（）]{4,30}(?:版|期)\s*[)）]\s*$"
)


def paper_source_line(text: str) -> Byline | None:
    """A byline ending with the paper it was printed in: the names before it are the
    authors, and the source alone (no names) is still the article's byline.

    >>> line = "本报记者  王  伟  李小红《某某日报》（2025年01月02日第 3 版）"
    >>> [c.name for c in paper_source_line(line).credits]
    ['王伟', '李小红']
    >>> paper_source_line("《某某日报》（2025年01月02日第 3 版）").credits
    []
    """
    m = _PAPER_SOURCE.search(text)
    if not m:
        return None
    rest = text[: m.start()].strip()
    if not rest or not _SEP.sub("", _ROLE_RE.sub("", rest)):
        return Byline(text.strip(), [])  # the paper alone, or `本报记者` without names
    found = own_line(rest) or bare_names(rest)
    return Byline(text.strip(), found.credits) if found else None


def own_line(text: str) -> Byline | None:
    """A line that is a byline by its own wording (role words or 申报/供稿), else None."""
    stripped = text.strip()
    if len(stripped) > 80:
        return None
    if stripped.endswith(("）", ")")):
        paper = paper_source_line(stripped) if "》" in stripped else None
        if paper is not None:
            return paper
        dateline = _PREFIX.fullmatch(stripped)  # `某某网5月2日电（通讯员 某某）` alone
        if dateline:
            return Byline(stripped, _credits_from(dateline.group("inner")))
    # the three forms end with their verb (申报…, 供稿) or open with 来源/稿源
    if stripped.endswith(_SUBMISSION_ENDS) or "源" in stripped[:3]:
        for pattern, role in ((_SUBMITTED, "申报单位"), (_SUPPLIED, "供稿单位"), (_SOURCE, "来源")):
            m = pattern.match(stripped)
            if m and not _STOP.search(m.group("unit")):
                unit = _LEAD_BULLET.sub("", m.group("unit")).strip()
                return Byline(stripped, [Credit(unit, role)])
    fields = field_credits(stripped) if _FIELD_START.match(stripped) else None
    if fields:
        return Byline(stripped, fields)
    labelled = _LABELLED_UNIT.match(stripped)
    if labelled:
        role = _LABEL_ROLE.get(labelled.group("label"), "供稿单位")
        return Byline(stripped, [Credit(labelled.group("unit").strip(), role)])
    body = _LEAD_BULLET.sub("", stripped).strip("*_ ")
    if body.startswith(("（", "(")) and body.endswith(("）", ")")):
        body = body[1:-1].strip()  # `（记者 张三）` printed after the body
        names = None if _ROLE_RE.search(body) else bare_names(body)
        if names is not None:  # `（张  三）`: the writer's name closing the text
            return Byline(stripped, names.credits)
    joined = _SPACED_ROLE.sub(r"\1\2", body)
    if not _ROLE_RE.match(joined) or _SENTENCE_LIKE.search(_ROLE_RE.sub(" ", joined)):
        return None
    credits = _credits_from(body)
    if _GLUED_START.match(joined) and credits and not _glued_name(credits[0].name):
        return None  # `记者节到了`, `记者短评`: a role word opening a phrase, not a byline
    leftover = _ROLE_RE.sub("", joined)
    leftover = _SEP.sub("", leftover)
    named = "".join(c.name for c in credits)
    if not credits or len(leftover) > len(named) + 2:
        return None
    return Byline(stripped, credits)


def unit_line(text: str) -> Byline | None:
    """`中共某某区委组织部`: an organisation's name alone on a line. Only a byline where one
    may stand (between a headline and its text); the caller checks the position."""
    stripped = text.strip()
    body = _LEAD_BULLET.sub("", stripped).strip("*_ ")
    if len(body) > 60 or not _UNIT_LINE.match(body):
        return None
    units = [u for u in _UNIT_SEP.split(body) if u]
    return Byline(stripped, [Credit(u, "申报单位") for u in units])


def photo_credit_line(text: str) -> list[str] | None:
    """`孙凯芳 摄`, `摄影：X`: the photographer names, else None."""
    stripped = text.strip()
    if "摄" not in stripped and "图" not in stripped:
        return None  # every form names 摄(影), 图片 or 供图: most lines need no pattern
    m = _PHOTO_LINE.match(_SPACED_NAME.sub(r"\1\2", stripped))
    if not m:
        return None
    names = m.group("names") or m.group("names2") or m.group("names3") or ""
    return [t for t in _SEP.split(names) if t]


_BARE_PREFIX = re.compile(r"^(?P<raw>(?:本报|本刊|本网)讯)(?:\s+|[:：])(?=\S)")


def inline_prefix(paragraph: str) -> Byline | None:
    m = _PREFIX.match(paragraph)
    if not m:
        bare = _BARE_PREFIX.match(paragraph)  # `本报讯 某某镇近日…`: the dateline, no names
        return Byline(bare.group("raw"), [], "inline_prefix") if bare else None
    credits = _credits_from(m.group("inner"))
    return Byline(m.group("raw"), credits, "inline_prefix")


_CREDIT_SUFFIX = re.compile(
    r"(?<=[。！？!?”])\s*(?P<raw>[(（](?P<inner>(?:本报|本刊)?(?:记者|通讯员|实习记者|特约记者|作者)"
    r"[^()（）]{1,40}|[^()（）]{2,30}供稿)[)）])\s*$"
)


def inline_suffix(paragraph: str) -> Byline | None:
    """A credit glued to the end of the last paragraph: `■本报记者 X 摄`, `…。（记者 X）`."""
    m = _SUFFIX.search(paragraph)
    if m and m.start() > 0:
        credits = [Credit(n, "摄影") for n in _tokens(m.group("names"))]
        return Byline(m.group("raw"), credits, "inline_suffix")
    m = _CREDIT_SUFFIX.search(paragraph)
    if m:
        inner = m.group("inner")
        if inner.endswith("供稿"):
            credits = [Credit(inner[:-2].strip(), "供稿单位")]
        else:
            credits = _credits_from(inner)
        if credits:
            return Byline(m.group("raw"), credits, "inline_suffix")
    return None

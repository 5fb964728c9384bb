"""Credit lines of web pages and WeChat posts: several `label：value` fields on one line.

    作者:某某  审核人:某某  责任编辑:某某
    （供稿：某某党支部 某某  审核：某某）
    供稿｜某某办公室
    来源:某某社区作者:某某2017-01-18 11:10:31

Each field gives credits by its label: units for 供稿/来源/主办, people for 作者/撰稿/文字,
editors for 编辑/审核/主编 (credits, not authors). A unit glued to a person's name
(`某某学院张三`) gives the person as the author.
"""

from __future__ import annotations

import re

from exporter.model import Credit
from exporter.vocab import CJK

_H = CJK
# Label -> role of its value. Longest first where one label ends another.
LABELS: dict[str, str] = {
    "责任编辑": "编辑",
    "副主编": "编辑",
    "审核人": "编辑",
    "供稿单位": "供稿单位",
    "主编": "编辑",
    "编辑": "编辑",
    "责编": "编辑",
    "审核": "编辑",
    "编审": "编辑",
    "校对": "编辑",
    "主办": "来源",
    "来源": "来源",
    "供稿": "供稿单位",
    "作者": "作者",
    "撰稿": "撰稿",
    "文字": "作者",
    "图片": "摄影",
    "摄影": "摄影",
}
_LABEL = re.compile(rf"({'|'.join(LABELS)})\s*[:：｜|]\s*")
_DATETIME = re.compile(r"\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?")
_UNIT_END = (
    r"(?:学院|大学|党总支|党支部|党委|支部|办公室|中心|委员会|局|部|科|处|社区|街道|村|医院)"
)
_UNIT_THEN_NAME = re.compile(rf"^(?P<unit>[{_H}]{{2,24}}?{_UNIT_END})\s*(?P<name>[{_H}]{{2,3}})$")
_PERSON = re.compile(rf"^[{_H}][{_H}·]{{1,5}}$")
_SENTENCE = re.compile(r"[。！？，,；;]")
UNIT_ROLES = ("供稿单位", "来源")


def _unit_credits(value: str, role: str) -> list[Credit]:
    """`某某党支部 某某`, `某某学院某某`: the unit, and the person who wrote for it."""
    m = _UNIT_THEN_NAME.match(value.replace("\u00a0", " ").strip())
    if m:
        # The writer is the author; the unit is where they write from.
        return [Credit(m.group("unit"), "来源"), Credit(m.group("name"), "作者")]
    return [Credit(value, role)] if value else []


def _person_credits(value: str, role: str) -> list[Credit]:
    names = [n for n in re.split(r"[\s、，,/]+", value) if n]
    return [Credit(n, role) for n in names if _PERSON.match(n)]


def field_credits(text: str) -> list[Credit] | None:
    """Credits of a line made only of labelled fields, else None.

    >>> [(c.name, c.role) for c in field_credits("作者:王一  审核人:李二  责任编辑:赵三")]
    [('王一', '作者'), ('李二', '编辑'), ('赵三', '编辑')]
    >>> [(c.name, c.role) for c in field_credits("供稿：某某学院张三")]
    [('某某学院', '来源'), ('张三', '作者')]
    >>> field_credits("作者：今年以来，全县推行积分制。") is None
    True
    """
    body = text.strip().strip("（）()").strip()
    parts = _LABEL.split(_DATETIME.sub(" ", body))
    if parts[0].strip() or len(parts) < 3:
        return None  # the line must open with a label
    credits: list[Credit] = []
    for label, value in zip(parts[1::2], parts[2::2], strict=True):
        value = value.strip(" \u00a0")
        if _SENTENCE.search(value) or len(value) > 40:
            return None
        role = LABELS[label]
        found = _unit_credits if role in UNIT_ROLES else _person_credits
        credits.extend(found(value, role))
    if not any(c.role not in ("编辑", "摄影") for c in credits):
        return None  # editors and photographers alone: page furniture, not a byline
    return credits

"""Which cases go in the book, in which chapters, in which order."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from exporter.model import THEMES, Case
from exporter.textsafe import shown

# Provinces in the order of the national administrative-division codes (GB/T 2260).
PROVINCE_ORDER = (
    "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省",
    "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省",
    "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省",
    "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区",
    "台湾省", "香港特别行政区", "澳门特别行政区",
)  # fmt: skip
NO_REGION = "地区未注明"
NO_THEME = "其他"
_NONWORD = re.compile(r"[\W_]+")


@dataclass
class Chapter:
    key: str  # theme, province or source path
    title: str  # printed chapter name
    cases: list[Case]


def body_fingerprint(case: Case) -> str:
    """Same article in two inputs -> same fingerprint (letters and digits of the body)."""
    bare = _NONWORD.sub("", case.body_text())
    return hashlib.sha1(bare.encode("utf-8")).hexdigest()


def select_cases(cases: list[Case], include_off_topic: bool) -> tuple[list[Case], list[Case]]:
    """Cases for the book (on-topic unless asked, duplicates once) and the duplicates left out."""
    kept: list[Case] = []
    dupes: list[Case] = []
    seen: set[str] = set()
    for case in cases:
        if not (case.on_topic or include_off_topic) or not case.paragraphs():
            continue
        fp = body_fingerprint(case)
        if fp in seen:
            dupes.append(case)
            continue
        seen.add(fp)
        kept.append(case)
    return kept, dupes


def _order_key(case: Case, source_rank: dict[str, int]) -> tuple[int, int]:
    line = case.span.first_line if case.span else 0
    return source_rank.get(case.source, 0), line


def group_cases(cases: list[Case], group_by: str, sources: list[str]) -> list[Chapter]:
    """Chapters in a stable order: themes in the fixed theme list, provinces in division-code
    order, sources in input order; unknowns last. Cases keep input order inside a chapter."""
    rank = {path: i for i, path in enumerate(sources)}
    groups: dict[str, list[Case]] = {}
    for case in sorted(cases, key=lambda c: _order_key(c, rank)):
        groups.setdefault(_group_key(case, group_by), []).append(case)
    order = _group_order(group_by, sources)
    keys = sorted(groups, key=lambda k: (order.index(k) if k in order else len(order), k))
    return [Chapter(k, _group_title(k, group_by), groups[k]) for k in keys]


def _group_key(case: Case, group_by: str) -> str:
    if group_by == "region":
        return case.region.province or NO_REGION
    if group_by == "source":
        return case.source
    return case.theme or NO_THEME


def _group_order(group_by: str, sources: list[str]) -> list[str]:
    if group_by == "region":
        return [*PROVINCE_ORDER, NO_REGION]
    if group_by == "source":
        return list(sources)
    return [*THEMES, NO_THEME]


def _group_title(key: str, group_by: str) -> str:
    if group_by == "source":
        return shown(Path(key).stem)
    return key

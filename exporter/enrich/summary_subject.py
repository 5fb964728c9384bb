"""Who the summary is about: the acting body, its names and the printed places above it."""

from __future__ import annotations

import re

from exporter.enrich.actor import setting_named
from exporter.enrich.gazetteer import gazetteer
from exporter.enrich.summary_rules import ACTION, NOT_UNIT, UNIT_TAIL
from exporter.model import Case
from exporter.vocab import CJK, PROVINCES


def subject_of(case: Case) -> str:
    region = case.region
    org = case.organization or ""
    # rule setting_not_passing (actor.setting_named): a place passed through acts for nobody
    place = (region.deepest() or "") if setting_named(case) else ""
    if org and place and place not in org and not org.startswith("中共"):
        return place + org if len(place + org) <= 20 else org
    if org.startswith("中共") and org.endswith("委") and place:
        return place
    return org or place


def names_of(case: Case) -> list[str]:
    """Strings that show a clause names the acting body or its place."""
    out = [x for x in (case.organization, *_region_values(case)) if x]
    gz = gazetteer()
    for value in list(out):
        out.extend(m.text for m in gz.scan(value))
    stems = [_ORG_SUFFIX.sub("", x) for x in out]
    # a fixed order (longest first), so ties never depend on the process's hash seed
    return sorted((x for x in {*out, *stems} if len(x) >= 2), key=lambda x: (-len(x), x))


_ORG_SUFFIX = re.compile(r"(党委|党工委|党支部|党总支|党组织|委)$")


def _region_values(case: Case) -> list[str]:
    r = case.region
    return [v for v in (r.village, r.township, r.county, r.city) if v]


def opens_with_org(text: str, names: list[str]) -> bool:
    """The clause opens with the short form of the acting body (`社区党委` for `东山社区党委`)."""
    return any(
        text.startswith(n[k:]) for n in names for k in range(1, len(n) - 3) if n.endswith("委")
    )


def subject_end(clause: str, names: list[str]) -> int:
    """Length of the place-and-body prefix of a clause (`青海省海东市互助土族自治县红崖子沟乡`)."""
    pos = 0
    mentions = {m.start: m.end for m in gazetteer().scan(clause[:40])}
    longest_first = sorted(names, key=len, reverse=True)
    while True:
        hit = next((n for n in longest_first if clause.startswith(n, pos)), None)
        if hit:
            pos += len(hit)
            continue
        if pos in mentions:
            pos = mentions[pos]
            continue
        tail = UNIT_TAIL.match(clause[pos:]) if pos else None
        unit = tail.group(0) if tail else ""
        if unit and len(unit) <= 8 and not NOT_UNIT.search(unit) and not ACTION.search(unit):
            pos += len(unit)
            continue
        return pos


SHORT_FORM_REACH = 16  # characters: a short form of the body this early is the clause's subject


def _short_form_inside(first: str, org: str) -> int:
    """Where a short form of the body (`社区党委` of `晏家湾社区党委`, ≥ 4 characters) stands in
    the opening of a clause after a time or frame phrase, or -1."""
    if not org.endswith(("党委", "党工委", "党支部", "党总支")):
        return -1
    for k in range(1, len(org) - 3):
        at = first.find(org[k:], 1, SHORT_FORM_REACH + len(org) - k)
        if at > 0 and not first[:at].endswith(org[:k][-1:]):
            return at
    return -1


def with_subject(first: str, case: Case, names: list[str]) -> str:
    org = case.organization or ""
    for k in range(len(org) - 3, 0, -1):  # 市公交公司党委… → 辽源市公交公司党委…
        tail = org[k:]
        if len(tail) >= 3 and first.startswith(tail):
            return org + first[len(tail) :]
    short = _short_form_inside(first, org)
    if short >= 0:  # 自2013年社区党委组建… → 自2013年晏家湾社区党委组建…: named where it acts
        tail = next(org[k:] for k in range(1, len(org) - 2) if first.startswith(org[k:], short))
        return first[:short] + org + first[short + len(tail) :]
    if any(n in first[:20] for n in names):
        return first
    subject = subject_of(case)
    if not subject or _province_only(subject) or first.startswith(("我", _bare(subject))):
        # rule no_province_actor: a province is not the acting body of a local case, and a
        # subject already named (广东省社保局… after 广东省) or a first person is not renamed
        return first
    # `该县推行…`, `全区已建成…`: the pointer or the whole-area word gives way to the name.
    m = _POINTER.match(first)
    if m and subject.endswith(m.group(1)):
        return subject + first[m.end() :]
    return subject + first


_POINTER = re.compile(rf"^[该全本]([县区市旗镇乡村])(?=[{CJK}])")


def with_places(first: str, case: Case) -> str:
    """`东山社区党委…` → `辽源市西安区东山社区党委…`: the printed places above the subject.

    Only levels the case itself prints (none inferred) and only those above the unit the
    clause opens with, so the summary says where without adding what the article does not say.
    """
    r = case.region
    levels = [
        ("province", r.province),
        ("city", r.city),
        ("county", r.county),
        ("township", r.township),
        ("village", r.village),
    ]
    printed = [(lv, v) for lv, v in levels if v and lv not in r.inferred]
    org = case.organization or ""
    opening = None
    for i, (_lv, value) in enumerate(printed):
        if first.startswith(value) or (org.startswith(value) and first.startswith(org)):
            opening = i
    if opening is None:
        return first
    head = first[:30]
    prefix = "".join(v for _, v in printed[:opening] if _bare_place(v) not in head)
    return prefix + first


def _bare_place(name: str) -> str:
    return re.sub(r"(省|自治区|市|州|盟|县|区|旗|镇|乡|街道|村|社区)$", "", name)


def _province_only(name: str) -> bool:
    return name in PROVINCES.values() or name in PROVINCES


_LEVEL_SUFFIX = re.compile(r"(?:壮族自治区|回族自治区|维吾尔自治区|自治区|省|市|州|盟|县|区|旗)$")


def _bare(name: str) -> str:
    return _LEVEL_SUFFIX.sub("", name) or name

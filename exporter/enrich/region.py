"""Region enricher: where the acting body is, filled upward from the gazetteer.

Evidence order: the head — title kicker, subtitle (`——广东省深圳市龙华区…纪实`), byline and
申报/供稿 unit (`中共辽源市西安区委组织部申报`) — names the acting body's place; otherwise the
first place chain of the first paragraph (`宁夏银川市金凤区…`); otherwise a level mentioned with
exactly one distinct value in the whole case. Ambiguous names (`新城区`) are resolved by the
other places of the same case (its parent roundup section included), then of the same source
file, and left at the certain level when neither decides. Levels not printed are filled with
the official name and listed in `Region.inferred`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from exporter.enrich.gazetteer import Division, Gazetteer, Mention, gazetteer
from exporter.enrich.options import EnrichOptions
from exporter.model import Case, Compendium, Region
from exporter.vocab import HAN

_LEVEL_RANK = {"province": 0, "city": 1, "county": 2, "township": 3, "village": 4}
_HAN = HAN
_TOWNSHIP = re.compile(rf"^({_HAN}{{2,7}}?(?:街道|镇|乡))")
_VILLAGE = re.compile(rf"^({_HAN}{{2,8}}?(?:社区|村))")
_ORG_UNIT = re.compile(
    rf"({_HAN}{{2,8}}?(?:街道|镇|乡|社区|村))(?:党工委|党委|党总支|党支部|居委会|村委会|两委)"
)
_GENERIC_STEM = re.compile(
    r"^(?:各|全|该|本|每|农|城|所在|辖区|相关|周边|附近|乡|一个|两个|以|在|为|把|将|对|从|由|"
    r"通过|按照|围绕|坚持|采取|实施|推动|推进|开展|组织|建立|深化|积极|不断|持续|共|有|是|和|与|的)"
)
_NOT_NAME = re.compile(
    r"和|的|与|及|开展|实施|推进|建设|深入|常态化|全面|加强|组织|发展|服务|打造|推动|创建|构建|"
    r"探索|建立|成立|依托|围绕|聚焦|实现|提升|强化|每个|各个|所有"
)
_KICKER = re.compile(r"^(.{2,30}?)[:：]")
PARENT_ZONE = 3


@dataclass
class _Found:
    div: Division
    text: str
    zone: int  # 0 title/subtitle/byline, 1 first paragraph, 2 later body, 3 parent roundup
    pos: int


def _resolve(m: Mention, context: Counter[str], gz: Gazetteer) -> Division | None:
    if len(m.candidates) == 1:
        return m.candidates[0]
    scored = []
    for cand in m.candidates:
        chain = gz.chain(cand)
        support = sum(context[d.code] for lvl, d in chain.items() if d.code != cand.code)
        scored.append((support, cand))
    scored.sort(key=lambda x: -x[0])
    if scored[0][0] > 0 and scored[0][0] > scored[1][0]:
        return scored[0][1]
    return None


@lru_cache(maxsize=1 << 15)
def _unambiguous(text: str, gz: Gazetteer) -> tuple[tuple[str, int], ...]:
    """Codes (with counts) of the places a text names without ambiguity, and their parents."""
    out: Counter[str] = Counter()
    for m in gz.scan(text):
        if len(m.candidates) == 1:
            for d in gz.chain(m.candidates[0]).values():
                out[d.code] += 1
    return tuple(out.items())


_UNIT_ROLES = ("申报单位", "供稿单位", "来源")
_UNIT_LINE = re.compile(
    r"^[（(【\[]?(?:(?:来源|供稿|申报单位|供稿单位)[:：](?:中共)?[\u4e00-\u9fff]{2,30}|"
    r"(?:中共)?[\u4e00-\u9fff]{2,30}?(?:委组织部|党委|党工委|[县区市旗州]委)(?:供稿|申报|提供)?|"
    r"(?:中共)?[\u4e00-\u9fff]{2,30}?(?:供稿|申报))[）)】\]]?$"
)


@lru_cache(maxsize=1 << 15)
def _unit_line(text: str) -> bool:
    """A paragraph that is only a submitting unit's line (asked several times per case)."""
    return bool(_UNIT_LINE.match(text.strip()))


def _head_text(case: Case) -> str:
    """Title, subtitle (`——广东省深圳市龙华区…纪实`), byline and submitting-unit credits."""
    parts = [] if case.title_generated else [case.title]
    parts += [case.subtitle, case.byline]
    parts += [c.name for c in case.credits if c.role in _UNIT_ROLES]
    # a submitting-unit line the reader left in the body (`（中共某县委组织部供稿）`)
    parts += [p.text for p in case.paragraphs() if _unit_line(p.text)]
    return " ".join(x for x in parts if x)


def _headline(case: Case) -> str:
    """Title and subtitle only: a byline's `区委组织部` submits, it does not name the body."""
    title = "" if case.title_generated else case.title or ""
    return title + " " + (case.subtitle or "")


def _parent_text(case: Case) -> str:
    p = case.parent
    return " ".join(x for x in (p.title, p.section, p.subtitle) if x) if p else ""


def _zones(case: Case) -> list[tuple[int, str]]:
    """Texts by weight: 0 head, 1 first paragraph, 2 later body, 3 the parent roundup."""
    paras = [p.text for p in case.paragraphs()]
    out = [(0, _head_text(case))]
    if paras:
        out.append((1, paras[0]))
    out.extend((2, p) for p in paras[1:])
    parent = _parent_text(case)
    if parent:
        out.append((PARENT_ZONE, parent))
    return out


def _collect(case: Case, source_ctx: Counter[str], gz: Gazetteer) -> list[_Found]:
    zones = _zones(case)
    ctx = Counter(source_ctx)
    for zone, text in zones:
        weight = 3 if zone == PARENT_ZONE else 10  # the case's own places outweigh the file's
        for code, n in _unambiguous(text, gz):
            ctx[code] += weight * n
    found: list[_Found] = []
    for zone, text in zones:
        for m in gz.scan(text):
            div = _resolve(m, ctx, gz)
            if div is not None:
                found.append(_Found(div, m.text, zone, m.start))
    return found


def _runs(found: list[_Found], gz: Gazetteer) -> list[Division]:
    """Deepest division of each run of adjacent nested mentions (贵州省黔东南州雷山县)."""
    runs: list[Division] = []
    end = -10
    for f in found:
        nested = bool(runs) and runs[-1].code in {d.code for d in gz.chain(f.div).values()}
        if runs and nested and f.pos - end <= 1 and f.div != runs[-1]:
            runs[-1] = f.div
        elif not runs or f.div != runs[-1]:
            runs.append(f.div)
        end = f.pos + len(f.text)
    return runs


def _first_chain(found: list[_Found], gz: Gazetteer) -> Division | None:
    """The first paragraph's first place, deepened by a later run inside it.

    `在贵州省委……下，六盘水市钟山区…` starts with a province and is deepened to the county.
    """
    runs = _runs([f for f in found if f.zone == 1], gz)
    if not runs:
        return None
    base = runs[0]
    for div in runs[1:]:
        chain = gz.chain(div)
        if chain.get(base.level) == base and div != base:
            return div
    return base


def _spans_counties(base: Division, found: list[_Found], gz: Gazetteer) -> bool:
    """The case ranges over several other counties of the same city: the body is above them."""
    city = gz.chain(base).get("city")
    others = {
        f.div.code
        for f in found
        if f.div.level == "county" and f.div != base and gz.chain(f.div).get("city") == city
    }
    return city is not None and len(others) >= 2


def _single(found: list[_Found], level: str) -> Division | None:
    divs = {f.div.code: f.div for f in found if f.div.level == level}
    return next(iter(divs.values())) if len(divs) == 1 else None


def _kicker_depth(case: Case) -> int:
    """How deep the title kicker (`银川市黄河东路街道：`) names a place: township/village → 3."""
    if not case.title or case.title_generated:
        return -1
    m = _KICKER.match(case.title)
    kicker = m.group(1) if m else ""
    return 3 if re.search(rf"{_HAN}{{2,}}(?:街道|镇|乡|村|社区)", kicker) else -1


def _base(case: Case, found: list[_Found], gz: Gazetteer) -> Division | None:
    """The division the case is about: the deepest one named where the text introduces its
    subject (title, kicker, source line), else the most named one in the body."""
    anchors = [f for f in found if f.zone == 0]
    if anchors:
        base = max(anchors, key=lambda f: (_LEVEL_RANK[f.div.level], -f.pos)).div
        base = _short_form_in_head(case, base, found, gz) or base
        if base.level == "city" and _kicker_depth(case) >= 3:
            body = [f.div for f in found if f.zone > 0 and f.div.level == "county"]
            inside = [d for d in body if gz.chain(d).get("city") == base]
            if inside:
                return inside[0]
        return base
    chain = _first_chain(found, gz)
    if chain is not None and chain.level == "county":
        if not _spans_counties(chain, found, gz):
            return chain
        return gz.parent(chain)
    single = _single(found, "county")
    if single is not None and (chain is None or gz.chain(single).get(chain.level) == chain):
        return single
    if chain is not None:
        return chain
    return _single(found, "city") or _single(found, "province")


_DIVISION_SUFFIX = re.compile(r"(?:市|县|区|旗)$")


def _short_form_in_head(
    case: Case, base: Division, found: list[_Found], gz: Gazetteer
) -> Division | None:
    """A head that names a deeper place of the body by its short form (`江西井冈山：…` over
    a text about 井冈山市, `山东滕州：` over 滕州市): that place, not the province. Only a
    county or city inside the head's place whose name without its suffix is in the head.

    Rule head_short_form; the gazetteer only matches full names, and short forms alone are
    too ambiguous (井冈山 is also a mountain) to be looked up anywhere else.
    """
    if base.level not in ("province", "city"):
        return None
    head = _head_text(case)
    deeper = [
        f.div
        for f in found
        if f.zone > 0
        and _LEVEL_RANK[f.div.level] > _LEVEL_RANK[base.level]
        and f.div.level in ("city", "county")
        and gz.chain(f.div).get(base.level) == base
    ]
    for div in sorted(set(deeper), key=lambda d: (-_LEVEL_RANK[d.level], d.code)):
        stem = _DIVISION_SUFFIX.sub("", div.name)
        if len(stem) >= 2 and stem in head and div.name not in head:
            return div
    return None


def _printed_form(level: str, div: Division, found: list[_Found]) -> str | None:
    forms = [f.text for f in found if f.div.code == div.code]  # one Division per code
    if not forms:
        return None
    if level == "province":
        return div.name
    return max(forms, key=len)


def _lower_levels(case: Case, base: Division, found: list[_Found]) -> tuple[str | None, ...]:
    """Township and village printed right after the base place, in the kicker or as a unit."""
    zones = _zones(case)
    body = "\n".join(text for _, text in zones)
    forms = sorted({f.text for f in found if f.div == base}, key=lambda x: (-len(x), x))
    # A head naming the place with no unit after it (`——…龙华区新就业群体党建工作纪实`) says
    # the body is the county's: a street the reporter walks into later is not the acting body.
    head_county = False
    for zone, text in zones:
        for form in forms:
            i = text.find(form)
            if i < 0:
                continue
            township, village = _units_after(text[i + len(form) :])
            if zone == 0 and not (township or village) and form in _headline(case):
                head_county = True
            # Beyond the opening, only a unit the article keeps coming back to is its own.
            if zone > 1 or (zone > 0 and head_county):
                township = township if township and body.count(township) >= 3 else None
                village = village if village and body.count(village) >= 3 else None
            if township or village:
                return township, village
    return (None, None) if head_county else _unit_of_body(zones)


def _unit_of_body(zones: list[tuple[int, str]]) -> tuple[str | None, str | None]:
    """`东山社区党委…` opening the article: the acting body's own township or village."""
    for zone, text in zones[:2]:
        for m in _ORG_UNIT.finditer(text):
            name = m.group(1)
            start = m.start(1)
            # the unit name begins the text or follows punctuation or a place name
            if start and text[start - 1] not in "，,。、 ：:县区市旗" and zone:
                continue
            if not _unit_name(name, ""):
                continue
            if name.endswith(("社区", "村")):
                return None, name
            return name, None
    return None, None


def _units_after(rest: str) -> tuple[str | None, str | None]:
    township = village = None
    t = _TOWNSHIP.match(rest)
    if t and _unit_name(t.group(1), rest[len(t.group(1)) :]):
        township = t.group(1)
        rest = rest[len(township) :]
    v = _VILLAGE.match(rest)
    if v and _unit_name(v.group(1), rest[len(v.group(1)) :]):
        village = v.group(1)
    return township, village


def _unit_name(name: str, after: str) -> bool:
    """`谷陇镇` is a unit; `住房和城乡`, `深入实施乡`(村振兴), `常态化开展村` are not."""
    if _GENERIC_STEM.match(name) or _NOT_NAME.search(name):
        return False
    return not (name.endswith("乡") and after[:1] in "村镇建")


def region_of(case: Case, source_ctx: Counter[str] | None = None) -> Region:
    gz = gazetteer()
    found = _collect(case, source_ctx or Counter(), gz)
    base = _base(case, found, gz)
    region = Region()
    if base is None:
        return region
    for level, div in gz.chain(base).items():
        printed = _printed_form(level, div, found)
        setattr(region, level, printed or div.name)
        if printed is None:
            region.inferred.append(level)
    region.inferred.sort(key=lambda lv: _LEVEL_RANK[lv])
    if base.level == "county":
        region.township, region.village = _lower_levels(case, base, found)
    elif region.county is None:
        region.county = _new_area(case, base, found, gz)
    return region


def _new_area(case: Case, base: Division, found: list[_Found], gz: Gazetteer) -> str | None:
    """A state-level new area named with its parent (`四川天府新区`) where the case opens."""
    forms = {f.text for f in found if f.div in gz.chain(base).values()}
    if not forms:
        return None
    longest_first = sorted(forms, key=len, reverse=True)
    for _, text in _zones(case)[:2]:
        first = text[:120]
        if "新区" not in first:
            continue
        # the leftmost place form (longest first) followed by a new area's name; one fixed
        # pattern for the name, as a pattern per set of forms costs a compile each time
        for pos in range(len(first)):
            for form in longest_first:
                if first.startswith(form, pos):
                    m = _NEW_AREA_NAME.match(first, pos + len(form))
                    if m:
                        return first[pos : m.end()]
    return None


_NEW_AREA_NAME = re.compile(rf"{_HAN}{{2,4}}?新区")


def source_context(cases: list[Case]) -> Counter[str]:
    gz = gazetteer()
    ctx: Counter[str] = Counter()
    for case in cases:
        for _, text in _zones(case):
            for code, n in _unambiguous(text, gz):
                ctx[code] += n
    return ctx


def enrich_region(comp: Compendium, options: EnrichOptions) -> None:
    by_source: dict[str, list[Case]] = {}
    for case in comp.cases:
        by_source.setdefault(case.source, []).append(case)
    contexts = {src: source_context(cases) for src, cases in by_source.items()}
    for case in comp.cases:
        case.region = region_of(case, contexts[case.source])

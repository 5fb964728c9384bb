"""Organization enricher: the acting body (`呼伦贝尔市公安局党委`, `东山社区党委`).

Looks for a party-organisation name in the title, byline and first paragraph, preferring one
that names the case's region; otherwise derives the usual name of the party committee of the
deepest region level (`中共东辽县委`, `红崖子沟乡党委`). National overviews and commentary have
no acting body.
"""

from __future__ import annotations

import re
from functools import lru_cache

from exporter.enrich.actor import setting_named, subject_unit
from exporter.enrich.gazetteer import gazetteer
from exporter.enrich.options import EnrichOptions
from exporter.enrich.text import sentences
from exporter.model import Case, Compendium, Paragraph
from exporter.vocab import CJK

_HAN = f"[{CJK}“”]"
ORG = re.compile(
    rf"((?:中共)?{_HAN}{{2,16}}?(?:党工委|党委|党总支|党支部|党组织|党组|委组织部|行业党委|"
    rf"(?<=[县区市州旗])委))(?![{CJK}]{{0,1}}(?:书记|委员|副))"
)
_UNDER_LEAD = re.compile(r"的?(?:领导|指导|带领|部署|统筹)下")
_VERB_BEFORE = re.compile(
    r".*(?:在|由|为|将|向|对|与|及|、|是|了|的|以|把|让|近日|今年以来|近年来)"
)
_NOT_BODY = re.compile(
    r"^(?:各级|基层|全|各|该|本|上级|所在|村级|乡镇|社区|村|我们|小区|有关|相关|部分|一些|多家|"
    r"[州县市区省])"
)
_LOCAL = re.compile(rf"(?<![{CJK}])([市县区]{_HAN}{{2,12}}?(?:党委|党工委|党组织|党组|委组织部))")
_UNIT = re.compile(
    r"(?:村|社区|街道|镇|乡|公司|局|医院|学校|协会|机关|集团|中心|行业|商圈|企业|院|所|站|队)"
    r"(?:党工委|党委|党总支|党支部|党组织|党组|行业党委)$"
)
_VERBISH = re.compile(r"加强|推进|实施|抓住|增强|建设|发挥|提升|健全|完善|打造|坚持|带领|依托|引领")


def _clean(raw: str) -> str | None:
    gz = gazetteer()
    name = raw.strip("“”")
    places = gz.scan(name)
    if places:
        start = places[0].start
        name = ("中共" if name[:start].endswith("中共") else "") + name[start:]
        if places[0].candidates[0].level == "province" and len(places) > 1:
            name = name.replace(places[0].text, "", 1)
    else:
        name = _VERB_BEFORE.sub("", name)
    if len(name) < 4 or _NOT_BODY.match(name) or _VERBISH.search(name):
        return None
    if not places and not _UNIT.search(name):
        return None
    return name


def _candidates(text: str) -> list[str]:
    """Party bodies named in a text, not one under whose lead others act (rule
    leader_is_mention: `在学校党委领导下，各级党组织…` names no actor)."""
    return list(_candidates_of(text))


@lru_cache(maxsize=1 << 14)
def _candidates_of(text: str) -> tuple[str, ...]:
    # memoised: titles and opening sentences recur across cases
    return tuple(
        n
        for m in ORG.finditer(text)
        if not _UNDER_LEAD.match(text, m.end()) and (n := _clean(m.group(1)))
    )


def _local(text: str, case: Case) -> list[str]:
    """`市公交公司党委` inside a case about one city names that city's body: add the city."""
    out = []
    for m in _LOCAL.finditer(text):
        level = {"市": "city", "县": "county", "区": "county"}[m.group(1)[0]]
        place = getattr(case.region, level)
        if place and place.endswith(m.group(1)[0]):
            out.append(place + m.group(1)[1:])
    return out


def _derived(case: Case) -> str | None:
    r = case.region
    if r.village:
        return r.village + ("党委" if r.village.endswith("社区") else "党支部")
    if r.township:
        return r.township + ("党工委" if r.township.endswith("街道") else "党委")
    for level in ("county", "city"):
        name = getattr(r, level)
        if name and level not in r.inferred and not name.endswith("新区"):
            return _cpc_name(name, level)
    return None


def _cpc_name(place: str, level: str) -> str | None:
    """`中共延安市委` for a city printed as `延安` (rule full_cpc_name: never `中共延安委`); a
    county printed without its suffix has none we could be sure of."""
    named = _cpc_of(place)  # the gazetteer's own form first: 苏州 is 苏州市, not a 州
    if named:
        return named
    return f"中共{place}市委" if level == "city" else None


_PLACE_SUFFIX = re.compile(r"(市|县|区|旗|州|镇|乡|街道|村|社区)$")


def organization_of(case: Case) -> str | None:
    """The acting body: the subject of the title or of the opening statements (rule
    subject_first), else a party body named in them, else the region's usual committee."""
    if case.kind in ("overview", "commentary"):
        return None
    paras = case.paragraphs()
    first = " ".join(sentences(paras[0].text)[:2]) if paras else ""
    title = case.title if case.title and not case.title_generated else ""
    acting = _acting_subject(case, title, paras)
    if acting and not acting.startswith("中共"):
        return acting  # a party body or an institution as the subject
    texts = [title, first]
    place = case.region.deepest() or ""
    stem = _PLACE_SUFFIX.sub("", place)
    found = [c for t in texts for c in _candidates(t) + _local(t, case)]
    for name in found:
        if stem and stem in name:
            return name
    if found:
        return found[0]
    if acting:
        return acting
    # rule derived_needs_setting: no committee made up from a place the text passes through
    if setting_named(case):
        return _derived(case)
    return frequent_institution(title, [p.text for p in paras])


# An institution that can act for itself (not a museum or hall one visits).
_INSTITUTION = re.compile(r"大学|学院|医院|法院|检察院|研究院|研究所|公司|集团")
INSTITUTION_MENTIONS = 3
_NAME_CHARS = (2, 3, 4, 5, 6)  # characters before the suffix that may belong to the name


def frequent_institution(title: str, paras: list[str]) -> str | None:
    """The institution a text keeps naming, when it names it in its title or opening (rule
    frequent_institution: a university's story names the university again and again).

    >>> frequent_institution("党旗映照校园", ["师生考察某某大学时说。", "某某大学党委部署。",
    ...     "某某大学把学习与实践结合。"])
    '某某大学'
    """
    text = "\n".join(paras)
    counts: dict[str, int] = {}
    for m in _INSTITUTION.finditer(text):
        for k in _NAME_CHARS:
            name = text[max(0, m.start() - k) : m.end()]
            if len(name) == k + len(m.group(0)) and re.fullmatch(f"[{CJK}]+", name):
                counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    top = max(counts.values())
    name = max((n for n, c in counts.items() if c == top), key=len)
    head = title + "".join(paras[:2])
    return name if top >= INSTITUTION_MENTIONS and name in head else None


def enrich_organization(comp: Compendium, options: EnrichOptions) -> None:
    for case in comp.cases:
        case.organization = organization_of(case)


_TITLE_SPLIT = re.compile(r"[：:｜|]|——|\s-\s|_")
_PARTY_TAIL = re.compile(r"(?:党工委|党委|党总支|党支部|党组织|党组|委组织部|[县区市州旗]委)$")
_PLACE_BODY = (
    ("社区", "党委"),
    ("村", "党支部"),
    ("街道", "党工委"),
    ("镇", "党委"),
    ("乡", "党委"),
)
_LEVEL_ORGAN = re.compile(rf"^[市县区][{CJK}]{{1,8}}?(?:局|院|委员会|中心)(?:机关)?$")
_GENERIC_UNIT = re.compile(r"^(?:社区|村|街道|镇|乡)(?:党委|党工委|党支部|党总支)$")


def _acting_subject(case: Case, title: str, paras: list[Paragraph]) -> str | None:
    """The first unit that is the subject of the title or of one of the first sentences."""
    texts = [part for part in _TITLE_SPLIT.split(title) if part.strip()][:2]
    for p in paras[:2]:
        texts.extend(sentences(p.text)[:2])
    for text in texts[:5]:
        unit = subject_unit(text)
        if unit and (name := _as_body(unit, case)):
            return name
    return None


def _as_body(unit: str, case: Case) -> str | None:
    """A subject unit as an organization name (`滕州市` → `中共滕州市委`, `社区党委` with the
    case's community → `晏家湾社区党委`); None for a generic unit nobody can place."""
    unit = re.sub(r"^(?:我院|我校|我局|本院)", "", unit)
    if _GENERIC_UNIT.match(unit):
        village = case.region.village or _credited_place(case, unit)
        return village + unit[len(unit.split("党")[0]) :] if village else None
    if _PARTY_TAIL.search(unit):
        return _clean(unit)
    if not re.search(r"[县区市州盟旗镇乡村]$|街道$|社区$", unit):  # an institution: 公共管理学院
        # `市审计局机关`: an organ named after its level is printed as the text names it
        organ = _LEVEL_ORGAN.match(unit)
        if len(unit) < 4 or (_NOT_BODY.match(unit) and not organ):
            return None
        return _without_province(unit)
    if not _places_the_case(unit, case):
        return None
    for tail, body in _PLACE_BODY:
        if unit.endswith(tail):
            return unit + body
    return _cpc_of(unit)


def _places_the_case(place: str, case: Case) -> bool:
    """A place as the actor only when it is the case's own deepest level, or the region
    stops at the province (rule no_passing_place: a county named in a city's case is not
    the actor), and only a place the gazetteer knows."""
    known = gazetteer().scan(place)
    if not known or known[-1].end < len(place) - 2:
        return False
    deepest = case.region.deepest() or ""
    if not deepest or deepest == case.region.province:
        return True
    return _bare(deepest) in place


def _bare(name: str) -> str:
    return re.sub(r"(市|县|区|旗|州|镇|乡|街道|村|社区)$", "", name)


def _without_province(name: str) -> str:
    """`浙江省金华市民政局` → `金华市民政局`: a lower level names the body well enough."""
    places = gazetteer().scan(name)
    if places and places[0].candidates[0].level == "province" and len(places) > 1:
        return name[places[1].start :]
    return name


def _credited_place(case: Case, unit: str) -> str:
    """The community or village a source line names (`来源：某街道晏家湾社区`), for a generic
    `社区党委` the text leaves unnamed."""
    level = "社区" if unit.startswith("社区") else "村" if unit.startswith("村") else ""
    credits = " ".join([case.byline or "", *(c.name for c in case.credits)])
    if not level:
        return ""
    for lead in ("街道|镇|乡", "[：:]"):  # the unit right under its street or township first
        m = re.search(rf"(?:{lead})([{CJK}]{{2,6}}?{level})", credits)
        if m:
            return m.group(1)
    return ""


def _cpc_of(place: str) -> str | None:
    """`滕州市` → `中共滕州市委` (the province before it dropped: the body is the city's).

    >>> _cpc_of("苏州")
    '中共苏州市委'
    """
    place = _without_province(place)
    if len(place) < 2:
        return None
    # rule full_cpc_name: `苏州` is printed as the division it names (中共苏州市委), never
    # 中共苏州委 (a city's name may end in 州 without being a prefecture)
    known = [m for m in gazetteer().scan(place) if m.text == place and m.candidates]
    full = known[0].candidates[0].name if known else ""
    if full.startswith(place) and full != place:
        return f"中共{full}委"
    return f"中共{place}委" if re.search(r"[省市州盟县区旗]$", place) else None

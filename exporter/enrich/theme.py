"""Theme enricher: one primary theme, secondary themes, and the terms that decided them.

Each theme has a lexicon of general domain vocabulary (no place or case names). A term counts
more in the title and in headings or lead phrases than in running text, and its body count is
capped so one repeated word cannot decide alone. National overviews and commentary are 综合;
so is a case whose evidence is spread evenly over three or more themes.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import chain

from exporter.enrich.options import EnrichOptions
from exporter.model import Case, Compendium
from exporter.vocab import THEMES as VOCAB_THEMES

LEXICON: dict[str, tuple[str, ...]] = {
    "基层治理": (
        "基层治理",
        "社区治理",
        "城市治理",
        "乡村治理",
        "治理体系",
        "治理效能",
        "治理能力",
        "网格",
        "网格员",
        "网格化",
        "议事",
        "协商",
        "物业",
        "业委会",
        "小区",
        "楼栋",
        "楼栋长",
        "单元长",
        "矛盾纠纷",
        "调解",
        "自治",
        "法治",
        "德治",
        "三治",
        "共建共治共享",
        "接诉即办",
        "减负",
        "居民",
        "社区党委",
        "街道党工委",
        "微治理",
        "治理",
    ),
    "乡村振兴": (
        "乡村振兴",
        "产业",
        "集体经济",
        "村集体",
        "合作社",
        "农户",
        "农民",
        "种植",
        "养殖",
        "土地流转",
        "流转",
        "增收",
        "致富",
        "特色产业",
        "乡村旅游",
        "和美乡村",
        "人居环境",
        "农村",
        "村民",
        "脱贫",
        "共同富裕",
        "电商",
        "农产品",
        "茶园",
        "蔬菜",
        "产业园",
        "软弱涣散",
        "美丽乡村",
    ),
    "新兴领域": (
        "两新",
        "非公企业",
        "非公有制",
        "社会组织",
        "新就业群体",
        "新业态",
        "快递员",
        "快递",
        "外卖",
        "外卖员",
        "网约车",
        "骑手",
        "商圈",
        "园区",
        "楼宇",
        "商务楼宇",
        "个体工商户",
        "行业党委",
        "平台企业",
        "互联网企业",
        "协会",
        "新兴领域",
        "小哥",
        "商户",
        "商家",
    ),
    "民生服务": (
        "志愿服务",
        "志愿者",
        "为民服务",
        "便民",
        "养老",
        "关爱",
        "帮扶",
        "困难群众",
        "老人",
        "儿童",
        "就医",
        "义诊",
        "急难愁盼",
        "微心愿",
        "民生",
        "服务群众",
        "妇女",
        "留守",
        "残疾",
        "慰问",
        "惠民",
        "暖心",
        "孤寡",
        "送温暖",
        "市民",
        "宜居",
        "绿化",
        "公园",
        "健身",
    ),
    "机关企事业": (
        "机关",
        "机关党建",
        "国企",
        "国有企业",
        "公司",
        "企业党建",
        "党建与业务",
        "业务融合",
        "生产经营",
        "学校",
        "医院",
        "公安",
        "事业单位",
        "职工",
        "模范机关",
        "中心工作",
        "安全生产",
        "高质量发展",
        "民警",
        "辅警",
        "教师",
        "师生",
        "窗口",
    ),
    "队伍建设": (
        "党员教育",
        "干部队伍",
        "带头人",
        "头雁",
        "村党组织书记",
        "后备力量",
        "培训",
        "党员管理",
        "理论学习",
        "理论武装",
        "警示教育",
        "党纪学习",
        "党课",
        "发展党员",
        "主题党日",
        "组织生活",
        "三会一课",
        "入党誓词",
        "党性",
        "年轻干部",
        "选优配强",
        "人才",
        "队伍建设",
        "教育培训",
        "初心",
        "理想信念",
        "书记",
        "老党员",
        "学习教育",
        "政治学习",
        "党的理论",
        "头雁队伍",
        "干部",
        "送学",
        "充电",
        "宣讲",
        "向心力",
        "廉洁",
        "廉政",
        "家风",
        "作风",
        "纪律",
        "纪检",
        "监察",
        "党章",
        "入党积极分子",
    ),
}
THEMES = VOCAB_THEMES
assert THEMES == (*LEXICON, "综合"), "the theme lexicon and exporter.vocab.THEMES disagree"
_PATTERNS = {
    theme: re.compile("|".join(sorted(map(re.escape, terms), key=len, reverse=True)))
    for theme, terms in LEXICON.items()
}
_NORM = {theme: math.sqrt(len(terms)) for theme, terms in LEXICON.items()}  # per theme
TITLE_WEIGHT = 4.0
HEAD_WEIGHT = 2.0
BODY_CAP = 4
VILLAGE_PRIOR = TITLE_WEIGHT
_VILLAGE_ORG = re.compile(r"村(?:党支部|党总支|党委|两委)$")
# Who acts decides the field first (rule body_type), what it did second (rule practice_type).
# Each: (pattern over the acting body's text, theme, weight added to the theme's normalised
# lexicon score). Weights live here only.
BODY_TYPE: tuple[tuple[re.Pattern[str], str, float], ...] = (
    # a school, hospital, court, bureau, organ or company acts: 机关企事业
    (
        re.compile(
            r"大学|学院|学校|高校|中学|小学|医院|法院|检察院|(?<![格布结大全当开])局(?![面势部])|"
            r"机关|集团|公司|国企|我院"
        ),
        "机关企事业",
        2.5,
    ),
    # a community or street committee acts: 基层治理
    (re.compile(r"社区|街道|小区"), "基层治理", 1.0),
)
PRACTICE_TYPE: tuple[tuple[re.Pattern[str], str, float], ...] = (
    # cadre and member training or discipline education named in the title: 队伍建设
    (
        re.compile(
            r"培训|党课|入党积极分子|党章学习|廉洁|廉政|警示教育|党纪|家风|作风|书记.{0,4}班"
        ),
        "队伍建设",
        2.5,
    ),
)
# 综合 for an overview or commentary unless one theme leads the next by this factor.
SYNTHESIS_LEAD = 2.0
SYNTHESIS_LEAD_UNNAMED = 2.5  # the same when neither title nor actor names the field


def _weighted_text(case: Case) -> list[tuple[float, str]]:
    out: list[tuple[float, str]] = []
    if case.title:
        out.append((TITLE_WEIGHT if not case.title_generated else HEAD_WEIGHT, case.title))
    for sec in case.sections:
        if sec.heading:
            out.append((HEAD_WEIGHT, sec.heading))
        for p in sec.paragraphs:
            if p.lead:
                out.append((HEAD_WEIGHT, p.lead))
            out.append((1.0, p.text))
    return out


def _village_body(case: Case) -> bool:
    """The acting body is a village (`青塘村`, `石马村党支部`), not an urban community."""
    village = case.region.village or ""
    org = case.organization or ""
    return village.endswith("村") or bool(_VILLAGE_ORG.search(org))


def _actor_text(case: Case) -> str:
    """Where the acting body is named: organization, printed title, opening words (these
    only when no organization was found: an opening often names partners too)."""
    paras = case.paragraphs()
    title = case.title if case.title and not case.title_generated else ""
    reported = case.kind in ("case", "news")  # an opinion piece's opening names no actor
    opening = paras[0].text[:24] if paras and reported and not case.organization else ""
    return " ".join((case.organization or "", title, opening))


def _prior(case: Case, theme: str) -> float:
    """The body-type and practice-type weights a case gives a theme.

    `呼伦贝尔市公安局党委` → 机关企事业; `晏家湾社区党委` → 基层治理; a title on a
    `村党组织书记培训班` → 队伍建设.
    """
    return _priors(case)[theme]


def _priors(case: Case) -> dict[str, float]:
    """`_prior` of every theme, the actor's text and the title built once for all."""
    actor = _actor_text(case)
    title = case.title if case.title and not case.title_generated else ""
    return {
        theme: sum(w for pat, t, w in BODY_TYPE if t == theme and pat.search(actor))
        + sum(w for pat, t, w in PRACTICE_TYPE if t == theme and pat.search(title))
        for theme in LEXICON
    }


@lru_cache(maxsize=1 << 14)
def _matches(text: str) -> tuple[tuple[str, ...], ...]:
    """Per theme (in `_PATTERNS` order), the terms found in a text (memoised: paragraphs,
    headings and titles recur across cases)."""
    return tuple(tuple(pattern.findall(text)) for pattern in _PATTERNS.values())


def theme_scores(case: Case) -> dict[str, tuple[float, Counter[str]]]:
    """Per theme, its score and the terms that gave it: title, lead and practices weigh more
    than the running text; the acting body's type and its practice add their weights."""
    scores: dict[str, tuple[float, Counter[str]]] = {}
    parts = _weighted_text(case)
    strong_parts = [(weight, _matches(text)) for weight, text in parts if weight > 1]
    # The running text is scanned paragraph by paragraph: no term spans a line break, so
    # their matches in order are the matches of the joined text.
    body_parts = [_matches(text) for weight, text in parts if weight <= 1]
    title = case.title if case.title and not case.title_generated else ""
    priors = _priors(case)
    for k, theme in enumerate(_PATTERNS):
        strong: dict[str, float] = {}
        for weight, found in strong_parts:
            for term in found[k]:
                strong[term] = strong.get(term, 0.0) + weight
        body = Counter(chain.from_iterable(found[k] for found in body_parts))
        total = sum(strong.values()) + sum(min(n, BODY_CAP) for n in body.values())
        if title and theme in title:
            total += 4 * TITLE_WEIGHT  # the title names the field outright (…助力乡村振兴)
        if theme == "乡村振兴" and _village_body(case):
            total += VILLAGE_PRIOR  # a village acting body leans rural
        terms = body  # body's counts are summed up: it becomes the evidence
        for term, w in strong.items():
            terms[term] += round(w)
        scores[theme] = (total / _NORM[theme] + priors[theme], terms)
    return scores


def _local(case: Case) -> bool:
    """The piece is about one county or a place below it (rule local_not_synthesis: 综合 is
    for national or cross-domain pieces), or a reporter files it from one."""
    r = case.region
    printed = [lv for lv in ("county", "township", "village") if getattr(r, lv)]
    reported = re.search(r"记者|通讯员", " ".join(x for x in (case.byline, case.title) if x))
    return bool([lv for lv in printed if lv not in r.inferred]) or bool(reported)


def classify(case: Case) -> tuple[str, list[str], list[str]]:
    """(theme, secondary themes, evidence terms). An overview or commentary is 综合 unless
    its title or actor names one field and that field leads (rule synthesis)."""
    scores = theme_scores(case)
    ranked = sorted(scores, key=lambda t: -scores[t][0])
    top = ranked[0]
    best = scores[top][0]
    secondary = [t for t in ranked[1:] if best and scores[t][0] >= 0.45 * best][:3]
    evidence = [term for term, _ in scores[top][1].most_common(5)]
    if best == 0:
        return "综合", [], evidence
    if case.kind in ("overview", "commentary") and not _local(case):
        second = scores[ranked[1]][0]
        lead = SYNTHESIS_LEAD if _prior(case, top) else SYNTHESIS_LEAD_UNNAMED
        if best < lead * second:  # national or cross-domain: 综合
            return "综合", [t for t in ranked[:3] if scores[t][0] > 0], evidence
    close = [t for t in ranked[1:] if scores[t][0] >= 0.8 * best]
    if len(close) >= 2:
        return "综合", [top, *close][:3], evidence
    return top, secondary, evidence


def enrich_theme(comp: Compendium, options: EnrichOptions) -> None:
    for case in comp.cases:
        case.theme, case.theme_secondary, case.theme_evidence = classify(case)

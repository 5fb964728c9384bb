"""Key-figures enricher: up to six quantitative facts, outcomes and scale before dates.

A figure is a number (Arabic or Chinese, `余`/`多`/`近` stripped from the value) followed by a
measure word (`个`, `名`, `万元`, `%`…). Dates, ordinals, document numbers and formula-like
names (`1+5+N`, `三级联动`) are skipped. Candidates are scored by what they count (people,
organisations, money, rates), by an outcome verb in their clause (`累计`, `建成`, `覆盖`) and by
size; the best six are kept in reading order, each with its own short label
(`exporter.enrich.figure_label`).

Not quantities, so never figures (rule `not_a_quantity`): round-number idioms (`百家宴`,
`千家万户`), ages and thresholds (`40岁以下`, `3个工作日内`, `10万元以上的`), numbers
inside first-person quoted speech (`“我家一年有100块钱的收入”`) and inside a short quoted
name (`“365天不打烊”`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from exporter.enrich.figure_label import label
from exporter.enrich.numbers import to_arabic
from exporter.enrich.options import EnrichOptions
from exporter.enrich.text import strip_markup
from exporter.model import Case, Compendium, KeyFigure

_UNITS = (
    "个百分点 平方公里 平方米 人次 场次 户次 公里 千米 千克 公斤 小时 % 个 名 人 家 户 "
    "亩 元 条 处 次 项 支 件 座 米 吨 册 位 块 类 种 场 所 间 套 辆 台 倍 本 期 批 "
    "轮 天 株 棵 份 张 篇 部 岗 单 组 队 栋 幢 斤 岁 届 起 宗 笔 场次"
).split()
_UNITS.sort(key=len, reverse=True)
_NUM = r"(?:\d+(?:[.,]\d+)*|[零〇一二两三四五六七八九十百千]+)"
# 4000余万元, 1.8万余辆, 25.5万个: the value is the number, the unit keeps 万/亿 (`万元`).
_FIGURE = re.compile(
    rf"(?P<pre>近|约|超过|超)?(?P<num>{_NUM})(?P<approx>余|多)?(?P<mult>万|亿)?(?P<approx2>余|多)?"
    rf"(?P<unit>{'|'.join(map(re.escape, _UNITS))})"
)
_PEOPLE = {"名", "人", "位", "人次", "户", "万人", "万名", "万人次", "户次", "万户"}
_ORGS = {"个", "家", "支", "所", "万个", "万家", "队", "组"}
_MONEY = {"万元", "亿元", "元"}
_RATE = {"%", "个百分点", "倍"}
_AMOUNT = {
    "亩",
    "起",
    "宗",
    "笔",
    "万亩",
    "条",
    "处",
    "件",
    "座",
    "米",
    "吨",
    "册",
    "块",
    "株",
    "万株",
    "平方米",
    "万平方米",
    "公里",
    "千米",
    "套",
    "辆",
    "场次",
    "场",
    "次",
    "项",
    "平方公里",
}
_OUTCOME = re.compile(
    r"累计|共计|共有|共|达到|达|建成|组建|建立|覆盖|解决|化解|帮扶|服务|吸纳|新增|完成|实现|提供|"
    r"带动|培育|发展|选派|储备|成立|设立|惠及|受益|引进|流转|提高|提升|增长|下降|创建|打造|招聘|"
    r"聘请|发放|开展|组织|参与|捐助|选树|注册|召开"
)
_CLAUSE_END_RE = re.compile(r"[，。；！？,;!?：:\n]")


@dataclass
class _Candidate:
    value: str
    unit: str
    context: tuple[str, str, str]  # clause before the figure, clause after it, as printed
    pos: int
    score: float


def _clause(start: int, end: int, stops: list[int], size: int) -> tuple[int, int]:
    """The bounds of the comma-level clause around [start, end). `stops` are the offsets of
    the text's clause ends, in order; `size` the text's length."""
    k = bisect.bisect_left(stops, start)
    a = stops[k - 1] + 1 if k else 0  # just after the last clause end before the figure
    k = bisect.bisect_left(stops, end)
    b = stops[k] if k < len(stops) else size  # the first clause end after it
    return a, b


# After a figure: it bounds a category or a deadline instead of counting (40岁以下, 3天内).
_THRESHOLD = re.compile(
    r"[^，。；]{0,3}?(?:(?:以上|以下)的|以下|以内|之内|工作日|(?<=[时天日周])内)"
)
_DURATION = re.compile(r"(?:为期|历时|连续|持续|长达)$")
_NAME_UNIT = re.compile(r"(?<=部)[队门署]|(?<=期)间|(?<=位)置|(?<=条)件")
_IDIOM_DIGITS = "十百千万"  # 百家宴, 千家万户: a numeral of these alone names no count
_FIRST_PERSON = re.compile(r"我(?!们)|咱")
# Next to a figure: a sequence, formula or date mark (第3批, 1+5+N, 2023年); "" at either
# end of the text counts too (`"" in s` holds).
_BEFORE_MARK = "第+＋-—/.．"
_AFTER_MARK = "+＋-/.年月日号时级届"


def _in_first_person_quote(text: str, pos: int) -> bool:
    """The figure stands in an open quotation spoken in the first person."""
    opened = text.rfind("“", 0, pos)
    if opened < 0 or text.rfind("”", 0, pos) > opened:
        return False
    close = text.find("”", pos)
    quote = text[opened : close if close >= 0 else len(text)]
    return bool(_FIRST_PERSON.search(quote))


NAME_QUOTE_MAX = 12  # characters: a quoted phrase this short without a pause is a name


def _in_quoted_name(text: str, start: int, end: int) -> bool:
    """The figure stands inside a short quoted phrase with no pause in it: a slogan or a
    brand's name (`“365天不打烊”服务`, `“10分钟服务圈”`), not a count of anything.

    >>> _in_quoted_name("推行“365天不打烊”模式", 3, 7)
    True
    >>> _in_quoted_name("建成“党群服务站”24个", 9, 12)
    False
    """
    opened = text.rfind("“", max(0, start - NAME_QUOTE_MAX), start)
    if opened < 0 or "”" in text[opened:start]:
        return False
    close = text.find("”", end, opened + NAME_QUOTE_MAX + 2)
    return close >= 0 and not _PAUSE.search(text, opened, close)


_PAUSE = re.compile(r"[，。；！？：、,;!?]")


def _skip(text: str, m: re.Match[str], value: str) -> bool:
    """Not a count of results. The tests are independent: the cheap ones go first."""
    start, end = m.span()
    before, after = text[max(0, start - 1) : start], text[end : end + 1]
    if before in _BEFORE_MARK or after in _AFTER_MARK or before.isdigit():
        return True
    num, approx, mult, unit = m.group("num", "approx", "mult", "unit")
    if (not approx and not num.strip(_IDIOM_DIGITS)) or unit == "岁" or unit == "届":
        return True
    if not num[0].isdigit():
        # Chinese numerals below ten name things (三级联动, 五类项目) rather than count them.
        if float(value) < 10 and not (approx or mult):
            return True
    if float(value) == 0 or _THRESHOLD.match(text, end) or _NAME_UNIT.match(text, end):
        return True
    # 为期6天 is a duration, 731部队 a name: no count of results
    return (
        bool(_DURATION.search(text, max(0, start - 3), start))
        or _in_first_person_quote(text, start)
        or _in_quoted_name(text, start, end)
    )


def _score(value: str, unit: str, clause: str, m: re.Match[str], pos: int) -> float:
    """How much a number matters as a key figure: people, money and rates first, then
    organisations; larger counts and measure verbs around it add, dates and ordinals subtract."""
    v = float(value)
    score = 1.0
    if unit in _PEOPLE:
        score += 2
    elif unit in _MONEY or unit in _RATE:
        score += 2
    elif unit in _ORGS:
        score += 1.5
    elif unit in _AMOUNT:
        score += 1
    if _OUTCOME.search(clause):
        score += 2
    score += (v >= 10) + (v >= 100)
    if v < 2:
        score -= 2
    if m.group("approx") or m.group("approx2"):
        score += 0.5
    if unit in ("岁", "天", "小时", "期", "轮", "届"):
        score -= 1.5
    return score - pos * 0.0002


# Where a figure can start: its 近/约/超 or the first character of its number. The pattern
# opens with an optional group, which keeps re from skipping to such places by itself.
_FIGURE_START = re.compile(r"[近约超\d零〇一二两三四五六七八九十百千]")


def _figures(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_FIGURE.finditer(text)`, each tried only where a figure can start."""
    pos = 0
    while (start := _FIGURE_START.search(text, pos)) is not None:
        m = _FIGURE.match(text, start.start())
        if m:
            yield m
            pos = m.end()
        else:
            pos = start.start() + 1


def _printed(m: re.Match[str], value: str) -> str:
    """The figure as the label prints it: Arabic digits, 余/多 and 万/亿 kept (290余起)."""
    approx = m.group("approx") or m.group("approx2") or ""
    return (
        value
        + (m.group("approx") or "")
        + (m.group("mult") or "")
        + ("" if m.group("approx") else approx)
        + m.group("unit")
    )


_arabic = lru_cache(maxsize=1 << 12)(to_arabic)  # the same numbers recur


def candidates(text: str) -> list[_Candidate]:
    text = strip_markup(text)
    out: list[_Candidate] = []
    stops: list[int] | None = None
    for m in _figures(text):
        value = _arabic(m.group("num"))
        if value is None or _skip(text, m, value):
            continue
        unit = (m.group("mult") or "") + m.group("unit")
        if stops is None:
            stops = [s.start() for s in _CLAUSE_END_RE.finditer(text)]
        a, b = _clause(m.start(), m.end(), stops, len(text))
        clause = text[max(a, m.start() - 24) : b]  # the words near the figure say what it is
        score = _score(value, unit, clause, m, m.start())
        context = (text[a : m.start()], text[m.end() : b], _printed(m, value))
        out.append(_Candidate(value, unit, context, m.start(), score))
    return out


def key_figures(case: Case, limit: int = 6) -> list[KeyFigure]:
    body = "\n".join(p.text for p in case.paragraphs())
    chosen: dict[tuple[str, str], tuple[_Candidate, str]] = {}
    # best first; a label is built only for a figure that would be kept (labels cost tagging)
    for cand in sorted(candidates(body), key=lambda c: (-c.score, c.pos)):
        key = (cand.value, cand.unit)
        if key in chosen:
            continue
        text = label(*cand.context)
        if text is None:  # nothing in its clause says what it counts
            continue
        chosen[key] = (cand, text)
        if len(chosen) == limit:
            break
    kept = sorted(chosen.values(), key=lambda x: x[0].pos)
    return [KeyFigure(c.value, c.unit, text) for c, text in kept]


def enrich_figures(comp: Compendium, options: EnrichOptions) -> None:
    for case in comp.cases:
        case.key_figures = key_figures(case, options.max_key_figures)

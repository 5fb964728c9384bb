"""Summary enricher: two lines saying who did what where, with what result.

Extractive-compressive. The main sentence is the first early sentence that names the acting
body and an action; its opener (`近年来，`, dates, `为……，` purpose clauses) and stock phrases
(`充分发挥……作用`) are dropped. Then the strongest practice and result clauses of the rest of
the article (figures with an outcome verb, named measures in quotes, concrete action verbs) are
added in reading order until the target length. The acting body is prefixed when the chosen
text lacks it. Output: full-width punctuation, ends with `。`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from exporter.enrich.gazetteer import gazetteer
from exporter.enrich.options import EnrichOptions
from exporter.enrich.text import clauses, fullwidth, sentences, strip_markup
from exporter.model import Case, Compendium

TARGET = 84
# Clause-selection weights (set on the seed gold summaries; see bench/summaries.py).
W = {
    "figure": 2.0,
    "figure_size": 0.67,
    "quote": 0.3,
    "action_start": 1.5,
    "action": 1.0,
    "fluff": 1.2,
    "position": 0.06,
    "background": 1.0,
    "relevance": 0.5,
    "centrality": 1.0,
}

_OPENER = re.compile(
    r"^(?:近年来|近期|近日|今年以来|去年以来|\d{4}年以来|自\S{0,12}以来|目前|同时|此外|另外|与此同时|"
    r"截至\S{0,10}|\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日|\d{4}年|在此基础上|为此|对此|"
    r"据(?:了解|介绍|悉|统计)|记者(?:了解到|获悉)|其中)[，,：:]?"
)
_PURPOSE = re.compile(r"^(?:为了?|面对|面临|针对|随着|按照|根据|围绕|对标|聚焦于|立足)[^，,]*[，,]")
_FLUFF = re.compile(
    r"充分发挥|积极探索|大胆创新|抢抓机遇|科学谋划|狠抓落实|深入学习贯彻|认真贯彻|以人民为中心|"
    r"习近平|总书记|重要论述|重要指示|二十大|十九大|十八大|战斗堡垒作用|先锋模范作用|"
    r"高质量发展|提质增效|新征程|新时代|不断增强|不断提升|全力以赴|一以贯之|"
    r"重大现实意义|重要意义|深远意义|必然要求|题中应有之义"
)
# Adverbs that open a clause without adding content (着力构建… → 构建…).
_ADVERB = re.compile(
    r"^(?:着力|持续|不断|切实|扎实|积极|进一步|深入|全面|大力|充分|始终|努力|认真|常态化)+(?=\S{2})"
)
_PURPOSE_ONLY = re.compile(
    r"^为了?(?:加强|推动|推进|进一步|庆祝|深入|贯彻|落实|提升|切实|更好|确保|让|使|解决|满足|营造)"
)
_FRAME_GOAL = re.compile(r"为(?:核心|重点|关键|抓手|主线|引领|目标|导向|指导|宗旨|统领|载体)$")
_ACTION = re.compile(
    r"推行|创建|构建|打造|实施|开展|建立|深化|探索|推动|组建|选派|成立|设立|培育|引进|建成|完成|"
    r"解决|帮扶|覆盖|储备|聘请|提供|组织|签订|出台|推广|整合|吸纳|发放|建设|划分|选拔|配备|落实|"
    r"坚持|聚焦|围绕|创新|实行|引导|带动|推进|颁发|授予|举办|举行|召开|签约|启动|实现|调研|"
    r"践行|推出|筹建|开通|改造|整治"
)
_SPEECH = re.compile(r"(?:说|表示|介绍|谈到|感慨|笑着)[，,：:。]?$|^“|”$|：“")
_FIGURE = re.compile(
    r"\d+(?:\.\d+)?(?:余|多)?(?:万|亿)?(?:个|名|人|家|户|亩|%|元|条|处|次|项|支|件|座|位|场|所)"
)
_NUMBERED = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．是要])"
)
_ANECDOTE = re.compile(r"^(?:走进|来到|步入|漫步|在[^，,]{0,12}(?:现场|门口|家中|里))")
_TRAIL_CONNECTIVE = re.compile(
    r"^(?:并|还|也|便|就|又|则|而|但|却|且|同时|此外|另外|进而|从而|目前|通过)(?=\S{3})"
)
_DANGLING = re.compile(
    r"^(?:在|从|当|自|随着).*(?:上|中|下|里|时|后|前|间|之际)$|^(?:这|该|此|其|他|她|他们)"
)


@dataclass
class _Clause:
    text: str
    sent: int
    order: int
    score: float


def _clean_clause(text: str) -> str:
    text = strip_markup(text).strip().rstrip("，,；;。！？!?：:")
    for _ in range(3):
        new = _ADVERB.sub("", _OPENER.sub("", text).strip())
        if new == text:
            break
        text = new
    return text


def _drop_split_frames(parts: list[str]) -> list[str]:
    """`坚持以旗帜举起来、阵地强起来，组织动起来…为目标`: a frame cut in two by a comma."""
    out: list[str] = []
    i = 0
    while i < len(parts):
        p = parts[i]
        nxt = parts[i + 1] if i + 1 < len(parts) else ""
        if re.search(r"(?:坚持|始终)?以[^为]*$", p) and "以" in p and _FRAME_GOAL.search(nxt):
            head = p[: p.rfind("以")]
            head = re.sub(r"(?:坚持|始终|紧紧)$", "", head)
            if head:
                out.append(head)
            i += 2
            continue
        out.append(p)
        i += 1
    return out


def _balanced(text: str) -> bool:
    return (
        text.count("“") == text.count("”")
        and text.count("（") == text.count("）")
        and (text.count("(") == text.count(")"))
    )


def _clause_score(text: str, sent_index: int, in_background: bool) -> float:
    score = 0.0
    figure = _FIGURE.search(text)
    if figure:
        digits = re.match(r"[\d.]+", figure.group(0))
        value = float(digits.group(0)) if digits and digits.group(0) != "." else 1.0
        score += W["figure"] + min(2.0, math.log10(max(value, 1.0)) * W["figure_size"])
    if re.match(r"其中|下设|包括|分别", text):
        score -= 1.5
    if _DANGLING.search(text) or _PURPOSE_ONLY.match(text):
        score -= 3
    if "“" in text:
        score += W["quote"]
    if _ACTION.search(text[:6]):
        score += W["action_start"]
    elif _ACTION.search(text):
        score += W["action"]
    score -= W["fluff"] * len(_FLUFF.findall(text))
    if len(text) < 6:
        score -= 2
    if len(text) > 45:
        score -= 1.5
    if _SPEECH.search(text):
        score -= 4
    if in_background:
        score -= W["background"]
    return score - W["position"] * sent_index


def _grams(text: str) -> set[str]:
    text = re.sub(r"[\W\d_]+", "", text)
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _topic_grams(case: Case) -> dict[str, float]:
    """Character bigrams of the title, headings and lead phrases: what the article is about."""
    weights: dict[str, float] = {}
    heads = [case.title or ""] if not case.title_generated else []
    heads += [s.heading or "" for s in case.sections]
    heads += [p.lead or "" for p in case.paragraphs()]
    for text in heads:
        for g in _grams(text):
            weights[g] = weights.get(g, 0.0) + 1.0
    return weights


def _centroid(case: Case) -> dict[str, float]:
    """How often each bigram recurs in the body: recurring content is central content."""
    counts: dict[str, float] = {}
    for p in case.paragraphs():
        for g in _grams(p.text):
            counts[g] = counts.get(g, 0.0) + 1.0
    return {g: math.log(n) for g, n in counts.items() if n > 1}


def _centrality(text: str, centroid: dict[str, float]) -> float:
    grams = _grams(text)
    if not grams:
        return 0.0
    return W["centrality"] * sum(centroid.get(g, 0.0) for g in grams) / len(grams)


def _relevance(text: str, topic: dict[str, float]) -> float:
    grams = _grams(text)
    if not grams or not topic:
        return 0.0
    hit = sum(min(topic.get(g, 0.0), 2.0) for g in grams)
    return W["relevance"] * hit / math.sqrt(len(grams))


def _subject(case: Case) -> str:
    region = case.region
    org = case.organization or ""
    place = region.deepest() or ""
    if org and place and place not in org and not org.startswith("中共"):
        return place + org if len(place + org) <= 20 else org
    if org.startswith("中共") and org.endswith("委") and place:
        return place
    return org or place


def _names(case: Case) -> list[str]:
    """Strings that show a clause names the acting body or its place."""
    out = [x for x in (case.organization, *_region_values(case)) if x]
    gz = gazetteer()
    for value in list(out):
        out.extend(m.text for m in gz.scan(value))
    stems = [re.sub(r"(党委|党工委|党支部|党总支|党组织|委)$", "", x) for x in out]
    return [x for x in {*out, *stems} if len(x) >= 2]


def _region_values(case: Case) -> list[str]:
    r = case.region
    return [v for v in (r.village, r.township, r.county, r.city) if v]


def _sentence_list(case: Case) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for sec in case.sections:
        background = bool(sec.heading and "背景" in sec.heading)
        for p in sec.paragraphs:
            out.extend((s, background) for s in sentences(strip_markup(p.text)))
    return out


_FRAME = re.compile(
    r"(?:始终|坚持|紧紧|立足)?(?:以[^，,]{1,40}?为"
    r"(?:核心|重点|关键|抓手|主线|引领|目标|导向|指导|宗旨|统领|载体|突破口|切入点|出发点)|"
    r"(?:紧紧)?围绕[^，,]{2,40}(?:思路|要求|总要求|目标|主线|部署|战略|任务)|"
    r"针对[^，,]{2,24}(?:特点|问题|难题|现状)|面对[^，,]{2,24}|不断探索尝试|积极探索|大胆创新)$"
)
_SCENE = re.compile(r"现有|位于|地处|坐落|是一个|是一座|不足|曾经|过去|原来|如今|映入眼帘|一片")


def _main_score(i: int, sentence: str, names: list[str]) -> float:
    score = -0.35 * i
    if _ANECDOTE.match(sentence) or sentence.startswith("“") or re.search(r"[说道]：?“", sentence):
        return score - 6
    parts = _main_clauses(sentence, names)
    first = parts[0] if parts else ""
    org = _org_tail(first, names)
    named = org or any(n in first[:16] for n in names)
    acts = bool(_ACTION.search(first))
    score += 3 if named and acts else 1.5 if named else 0
    score += 1 if acts else 0
    score -= 0.8 * len(_FLUFF.findall("".join(parts)))
    if _SCENE.search(first):
        score -= 2
    return score


def _org_tail(text: str, names: list[str]) -> bool:
    """The clause opens with the short form of the acting body (`社区党委` for `东山社区党委`)."""
    return any(
        text.startswith(n[k:]) for n in names for k in range(1, len(n) - 3) if n.endswith("委")
    )


def _main_sentence(sents: list[tuple[str, bool]], names: list[str]) -> int:
    scores = [_main_score(i, s, names) for i, (s, _) in enumerate(sents[:14])]
    return max(range(len(scores)), key=lambda i: (scores[i], -i))


def _leading_noise(part: str, names: list[str]) -> bool:
    if _PURPOSE.match(part + "，"):
        return True
    return not (_ACTION.search(part) or any(n in part for n in names) or _FIGURE.search(part))


def _start(parts: list[str], names: list[str]) -> int:
    """Index of the clause where the main statement starts (subject or first real action)."""
    named = next((i for i, p in enumerate(parts[:6]) if any(n in p[:16] for n in names)), None)
    acting = next(
        (
            i
            for i, p in enumerate(parts[:6])
            if _ACTION.search(p[:14]) and not _PURPOSE.match(p + "，") and not _FRAME.fullmatch(p)
        ),
        None,
    )
    if named is not None and (_ACTION.search(parts[named]) or not _SCENE.search(parts[named])):
        return named
    if acting is not None:
        return acting
    return named or 0


_NOT_UNIT = re.compile(
    r"^[以在为把将对从由与和及向]|加强|推进|建设|坚持|围绕|聚焦|抓|紧紧|不断|着力"
)
_UNIT_TAIL = re.compile(
    r"^[\u4e00-\u9fff]{0,10}?(?:党委|党工委|党支部|党总支|党组织|街道|社区|镇|乡|村)"
)


def _subject_end(clause: str, names: list[str]) -> int:
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
        tail = _UNIT_TAIL.match(clause[pos:]) if pos else None
        unit = tail.group(0) if tail else ""
        if unit and len(unit) <= 8 and not _NOT_UNIT.search(unit) and not _ACTION.search(unit):
            pos += len(unit)
            continue
        return pos


def _main_clauses(sentence: str, names: list[str]) -> list[str]:
    parts = [_NUMBERED.sub("", _clean_clause(c)) for c in clauses(sentence)]
    parts = _drop_split_frames([p for p in parts if p])
    if not parts:
        return []
    parts = parts[_start(parts, names) :]
    while len(parts) > 1 and _leading_noise(parts[0], names):
        parts = parts[1:]
    cut = _subject_end(parts[0], names)
    if len(parts) > 1 and cut and (_FRAME.fullmatch(parts[0][cut:]) or not parts[0][cut:]):
        rest = [p for p in parts[1:] if not _FLUFF.search(p) and not _FRAME.fullmatch(p)]
        if rest:
            parts = [parts[0][:cut] + rest[0], *parts[parts.index(rest[0]) + 1 :]]
    keep = [parts[0]]
    for p in parts[1:]:
        if _FRAME.fullmatch(p):
            continue
        if not _FLUFF.search(p) or _FIGURE.search(p) or "“" in p:
            keep.append(_TRAIL_CONNECTIVE.sub("", p))
    return keep


def _with_subject(first: str, case: Case, names: list[str]) -> str:
    org = case.organization or ""
    for k in range(len(org) - 3, 0, -1):  # 市公交公司党委… → 辽源市公交公司党委…
        tail = org[k:]
        if len(tail) >= 3 and first.startswith(tail):
            return org + first[len(tail) :]
    if any(n in first[:20] for n in names):
        return first
    subject = _subject(case)
    return subject + first if subject else first


def _with_places(first: str, case: Case) -> str:
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


def _title_method(case: Case, chosen: list[str], names: list[str]) -> list[str]:
    """A verb-first title (`推行“一核五化三共”工作法 构建和谐新社区`) names the method.

    The subject of the main sentence is kept; its own first clause follows unless it repeats
    the title's method.
    """
    if not case.title or case.title_generated:
        return chosen
    main = re.split(r"[:：]", case.title)[-1].strip()
    head = re.split(r"[\s，,]+", main)[0]
    if len(head) < 6 or not _ACTION.match(head) or _FLUFF.search(head):
        return chosen
    cut = _subject_end(chosen[0], names)
    subject = chosen[0][:cut] if cut else _subject(case)
    if not subject:
        return chosen
    rest = chosen[0][cut:] if cut else chosen[0]
    if _overlap(head, rest) > 0.5:
        return chosen
    others = [rest, *chosen[1:]]
    keep = [
        p for p in others if len(p) >= 6 and not _FRAME.fullmatch(p) and _overlap(head, p) <= 0.5
    ]
    return [subject + head, *keep]


def _join(parts: list[str]) -> str:
    text = "，".join(p for p in parts if p)
    return fullwidth(text).rstrip("，、；：") + "。"


def _overlap(a: str, b: str) -> float:
    grams_a = {a[i : i + 2] for i in range(len(a) - 1)}
    grams_b = {b[i : i + 2] for i in range(len(b) - 1)}
    if not grams_a or not grams_b:
        return 0.0
    return len(grams_a & grams_b) / min(len(grams_a), len(grams_b))


def summarize(case: Case, target: int = TARGET, limit: int = 100, minimum: int = 60) -> str | None:
    sents = _sentence_list(case)
    if not sents:
        return None
    names = _names(case)
    main = _main_sentence(sents, names)
    chosen = _main_clauses(sents[main][0], names)
    trimmed: list[str] = []
    for part in chosen:  # keep the main sentence to about two thirds of the budget
        if len(trimmed) >= 2 and len("，".join([*trimmed, part])) > int(target * 0.6):
            break
        trimmed.append(part)
    chosen = trimmed or chosen[:1]
    if chosen:
        chosen[0] = _with_subject(chosen[0], case, names)
        chosen = _title_method(case, chosen, names)
        chosen[0] = _with_places(chosen[0], case)
    if case.kind == "commentary" and chosen:
        chosen[0] = "评论指出，" + chosen[0]
    topic = _topic_grams(case)
    centroid = _centroid(case)
    pool: list[_Clause] = []
    order = 0
    for i, (s, background) in enumerate(sents):
        if i == main or _ANECDOTE.match(s) or s.startswith("“"):
            continue
        for c in clauses(s):
            text = _TRAIL_CONNECTIVE.sub("", _NUMBERED.sub("", _clean_clause(c)))
            if len(text) >= 6 and _balanced(text):
                score = _clause_score(text, i, background) + _relevance(text, topic)
                score += _centrality(text, centroid)
                pool.append(_Clause(text, i, order, score))
                order += 1
    extra = _select(pool, chosen, target, limit)
    parts = [chosen[0], *(p for p in chosen[1:] if _balanced(p))] if chosen else []
    parts += [e.text for e in extra]
    if len(_join(parts)) < minimum:
        for more in sorted(pool, key=lambda x: x.order):
            if len(_join(parts)) >= minimum:
                break
            if more not in extra and len(_join([*parts, more.text])) <= limit:
                parts.append(more.text)
    return _fit(parts, limit + 20)


def _select(pool: list[_Clause], chosen: list[str], target: int, limit: int) -> list[_Clause]:
    """Best-scoring clauses that fit, skipping near-repeats, returned in reading order."""
    extra: list[_Clause] = []
    length = len("，".join(chosen))
    for cand in sorted(pool, key=lambda c: (-c.score, c.order)):
        if cand.score <= 0 or length >= target:
            break
        if length + len(cand.text) + 1 > limit:
            continue
        if any(_overlap(cand.text, x) > 0.4 for x in chosen + [e.text for e in extra]):
            continue
        extra.append(cand)
        length += len(cand.text) + 1
    return sorted(extra, key=lambda c: c.order)


def _fit(parts: list[str], hard: int) -> str:
    """Join clauses; past the hard limit drop trailing clauses, then cut at a comma or pause."""
    while len(parts) > 1 and len(_join(parts)) > hard:
        parts = parts[:-1]
    text = _join(parts)
    if len(text) <= hard:
        return text
    cut = max(text.rfind(mark, 0, hard) for mark in "，；、")
    return text[:cut].rstrip("，、；：") + "。" if cut > 40 else text[: hard - 1] + "。"


def enrich_summary(comp: Compendium, options: EnrichOptions) -> None:
    for case in comp.cases:
        limit = min(100, options.summary_max)
        case.summary = summarize(case, limit=limit, minimum=options.summary_min)

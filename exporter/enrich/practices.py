"""Practices and lessons enricher.

Practices: the case's key measures as short headlines, taken from paragraph lead phrases
(`Paragraph.lead`, or a short opening sentence of a paragraph that the reader did not mark),
numbered items (`（一）…`), and otherwise the strongest practice sentences shortened. Editorial
furniture sections (记者手记, 编者按, 相关链接 …) are the paper's voice, not measures: left out.
Lessons: the items of an `经验启示` section (`一要坚持党组织领导`), else the closing outlook
sentences (`下一步…`), else nothing.
"""

from __future__ import annotations

import re

from exporter.enrich.options import EnrichOptions
from exporter.enrich.text import clauses, fullwidth, is_editorial, sentences, strip_markup
from exporter.model import Case, Compendium, Paragraph

MAX_ITEMS = 6
MAX_LEN = 40
_NUMBERED = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．])\s*"
)
_FRAME_HEADING = re.compile(r"背景|做法|成效|启示|经验|体会|基本情况|概况|下一步")
_LESSON_HEADING = re.compile(r"启示|经验|体会")
_ITEM_SPLIT = re.compile(r"(?=[一二三四五六七八九十](?:是|要|在于)[^，。；])")
_OPENER = re.compile(
    r"^(?:近年来|近日|今年以来|目前|同时|此外|另外|其中|\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|"
    r"\d{1,2}月\d{1,2}日)[，,]?|^该[县区市旗镇乡村](?=[\u4e00-\u9fff]{4})"
)
_PURPOSE = re.compile(r"^(?:为了?|面对|随着|按照|根据|在[^，,]{0,12}(?:下|中|上))")
_SPEECH = re.compile(r"(?:说|表示|指出|强调|介绍)[，,：:]|：“")
_OUTLOOK = re.compile(r"^(?:下一步|今后|接下来|未来|下阶段|下一阶段|展望)")
_ACTION = re.compile(
    r"推行|创建|构建|打造|实施|开展|建立|深化|探索|推动|组建|成立|培育|健全|完善|强化|聚焦"
)


def _headline(text: str) -> str:
    text = fullwidth(_NUMBERED.sub("", strip_markup(text))).strip().lstrip("—-－ ")
    text = text.rstrip("。；;，,：:")
    if len(text) > MAX_LEN:
        parts = clauses(text)
        text = parts[0].rstrip("，,；;") if parts else text[:MAX_LEN]
    return text[:MAX_LEN] if len(text) > MAX_LEN else text


def _case_paragraphs(case: Case) -> list[Paragraph]:
    """Paragraphs about the case itself: editorial furniture sections left out."""
    return [p for sec in case.sections if not is_editorial(sec.heading) for p in sec.paragraphs]


def _implicit_lead(p: Paragraph) -> str | None:
    """A short first sentence followed by more text reads as the paragraph's lead phrase."""
    sents = sentences(strip_markup(p.text))
    if len(sents) < 2 or not sents[0].endswith("。") or re.search(r"\d|说|表示", sents[0]):
        return None
    halves = clauses(sents[0])
    # `储备力量“常态化”，深挖头雁潜力。`: two short balanced halves, like a printed sub-head
    if len(halves) == 2 and all(4 <= len(h.rstrip("，,。")) <= 14 for h in halves):
        return sents[0]
    return None


def practices_of(case: Case) -> list[str]:
    out: list[str] = []
    for sec in case.sections:
        heading = sec.heading or ""
        if is_editorial(heading):
            continue
        if heading and not _FRAME_HEADING.search(heading) and not _LESSON_HEADING.search(heading):
            out.append(_headline(heading))
        if _LESSON_HEADING.search(heading):
            continue
        for p in sec.paragraphs:
            if p.lead:
                out.append(_headline(p.lead))
            elif _NUMBERED.match(p.text):
                out.append(_headline(sentences(p.text)[0]))
    if not out:
        leads = [lead for p in _case_paragraphs(case) if (lead := _implicit_lead(p))]
        if len(leads) >= 2:
            out = [_headline(x) for x in leads]
    if not out:
        out = _strong_sentences(case)
    seen: list[str] = []
    for item in out:
        if item and item not in seen:
            seen.append(item)
    return seen[:MAX_ITEMS]


def _action_clause(sentence: str) -> str | None:
    """The first clause of a sentence that starts with what was done (`建立…机制`)."""
    if sentence.startswith("“") or _SPEECH.search(sentence) or _OUTLOOK.match(sentence):
        return None
    for part in clauses(sentence)[:4]:
        text = _OPENER.sub("", part.strip().rstrip("，,；;。")).strip()
        if _PURPOSE.match(text) or not 8 <= len(text) <= MAX_LEN:
            continue
        if _ACTION.search(text[:8]):
            return text
    return None


def _strong_sentences(case: Case) -> list[str]:
    scored: list[tuple[float, int, str]] = []
    for i, p in enumerate(_case_paragraphs(case)):
        for s in sentences(strip_markup(p.text)):
            clause = _action_clause(s)
            if clause is None:
                continue
            score = len(_ACTION.findall(s)) + ("“" in clause) - 0.1 * i
            scored.append((score, len(scored), _headline(clause)))
    best = sorted(scored, key=lambda x: -x[0])[:4]
    return [h for _, _, h in sorted(best, key=lambda x: x[1])]


def lessons_of(case: Case) -> list[str]:
    out: list[str] = []
    for sec in case.sections:
        if not (sec.heading and _LESSON_HEADING.search(sec.heading)):
            continue
        for p in sec.paragraphs:
            items = [x for x in _ITEM_SPLIT.split(strip_markup(p.text)) if x.strip()]
            if len(items) <= 1:
                items = [p.lead or sentences(p.text)[0]]
            out.extend(_headline(sentences(x)[0]) for x in items if x.strip())
    if out:
        return out[:MAX_ITEMS]
    paras = _case_paragraphs(case)
    for p in paras[-2:]:
        for s in sentences(strip_markup(p.text)):
            if _OUTLOOK.match(s):
                out.append(_outlook(s))
    return out[:MAX_ITEMS]


def _outlook(sentence: str) -> str:
    text = fullwidth(sentence).rstrip("。；")
    if len(text) > 60:
        parts = clauses(text)
        acc = ""
        for part in parts:
            if len(acc + part) > 60:
                break
            acc += part
        text = acc.rstrip("，,；;") or text[:60]
    return text


def enrich_practices(comp: Compendium, options: EnrichOptions) -> None:
    for case in comp.cases:
        case.practices = practices_of(case)
        case.lessons = lessons_of(case)

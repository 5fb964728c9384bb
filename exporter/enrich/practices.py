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
from functools import lru_cache

from exporter.enrich.measures import measure, printed_measure
from exporter.enrich.options import EnrichOptions
from exporter.enrich.text import clauses, fullwidth, is_editorial, sentences, strip_markup
from exporter.model import Case, Compendium, Paragraph
from exporter.vocab import CJK, MEASURE_VERB_RE

MAX_ITEMS = 5
MAX_LEN = 40
_NUMBERED = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．])\s*"
)
_FRAME_HEADING = re.compile(r"背景|做法|成效|启示|经验|体会|基本情况|概况|下一步")
_LESSON_HEADING = re.compile(r"启示|经验|体会")
_ITEM_SPLIT = re.compile(r"(?=[一二三四五六七八九十](?:是|要|在于)[^，。；])")
_PURPOSE = re.compile(r"^(?:为了?|面对|随着|按照|根据|在[^，,]{0,12}(?:下|中|上))")
_SPEECH = re.compile(r"(?:说|表示|指出|强调|介绍)[，,：:]|：“")
_OUTLOOK = re.compile(r"^(?:下一步|今后|接下来|未来|下阶段|下一阶段|展望)")


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
    return _implicit_lead_of(p.text)


@lru_cache(maxsize=1 << 14)
def _implicit_lead_of(text: str) -> str | None:
    # memoised: paragraphs recur across cases
    sents = sentences(strip_markup(text))
    if len(sents) < 2 or not sents[0].endswith("。") or re.search(r"\d|说|表示", sents[0]):
        return None
    halves = clauses(sents[0])
    # `储备力量“常态化”，深挖头雁潜力。`: two short balanced halves, like a printed sub-head
    if len(halves) == 2 and all(4 <= len(h.rstrip("，,。")) <= 14 for h in halves):
        return sents[0]
    return None


@lru_cache(maxsize=1 << 14)
def _measure_of(text: str) -> str | None:
    """The printed phrase as a measure: whole, else its first clause that is one."""
    whole = printed_measure(text)
    if whole:
        return whole
    for part in clauses(strip_markup(text))[:3]:
        if found := measure(part):
            return found
    return None


def _printed_items(case: Case) -> list[str]:
    """Headings, lead phrases and numbered items, those that state a measure (rule
    printed_measures: `建立“两张清单”减负机制` yes, `清单怎么来？` or a slogan no)."""
    out: list[str] = []
    for sec in case.sections:
        heading = sec.heading or ""
        if is_editorial(heading) or _LESSON_HEADING.search(heading):
            continue
        if heading and not _FRAME_HEADING.search(heading):
            out.append(heading)
        for p in sec.paragraphs:
            if p.lead:
                out.append(p.lead)
            elif _NUMBERED.match(p.text):
                out.append(sentences(p.text)[0])
            elif lead := _implicit_lead(p):
                out.append(lead)
    return [m for x in out if (m := _measure_of(x))]


def practices_of(case: Case) -> list[str]:
    """2–5 measures: the printed ones first, then measure clauses of the sentences (rule
    sentence_measures) so that a text full of measures never gets an empty list."""
    items = _dedupe(_printed_items(case))
    if len(items) < 2:
        items = _dedupe(items + _strong_sentences(case))
    if not items:
        items = _strong_sentences(case, loose=True)
    if not items and case.title and not case.title_generated:
        # rule title_measure: an event report's headline states what was done
        main = re.split(rf"[：:]|——|\s-\s|(?<=[{CJK}])-(?=[{CJK}])", case.title)
        items = [m for part in main if (m := measure(part, loose=True))][:1]
    return items[:MAX_ITEMS]


def _dedupe(items: list[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item and not any(item in x or x in item for x in seen):
            seen.append(item)
    return seen


def _action_clause(sentence: str, loose: bool = False) -> str | None:
    """The first of a sentence's first four clauses that states a measure (`建立…机制`)."""
    if sentence.startswith("“") or _SPEECH.search(sentence) or _OUTLOOK.match(sentence):
        return None
    for part in clauses(sentence)[:4]:
        if _PURPOSE.match(part):
            continue
        if found := measure(part, loose):
            return found
    return None


def _strong_sentences(case: Case, loose: bool = False) -> list[str]:
    scored: list[tuple[float, int, str]] = []
    for i, p in enumerate(_case_paragraphs(case)):
        for weight, clause in _actions(p.text, loose):
            scored.append((weight - 0.1 * i, len(scored), clause))
    best = sorted(scored, key=lambda x: -x[0])[:4]
    return [h for _, _, h in sorted(best, key=lambda x: x[1])]


@lru_cache(maxsize=1 << 14)
def _actions(text: str, loose: bool) -> tuple[tuple[int, str], ...]:
    """Per sentence of a paragraph that states a measure: its measure verbs (and 1 for a
    quoted name in the measure), and the measure (memoised: paragraphs recur)."""
    out: list[tuple[int, str]] = []
    for s in sentences(strip_markup(text)):
        clause = _action_clause(s, loose)
        if clause is not None:
            out.append((len(MEASURE_VERB_RE.findall(s)) + ("“" in clause), clause))
    return tuple(out)


def lessons_of(case: Case) -> list[str]:
    """The items of a printed 经验启示 section; nothing otherwise (rule no_plans_as_lessons:
    `下一步…将…` is a plan, not a lesson, and an editor deletes it)."""
    out: list[str] = []
    for sec in case.sections:
        if not (sec.heading and _LESSON_HEADING.search(sec.heading)):
            continue
        for p in sec.paragraphs:
            items = [x for x in _ITEM_SPLIT.split(strip_markup(p.text)) if x.strip()]
            if len(items) <= 1:
                items = [p.lead or sentences(p.text)[0]]
            out.extend(_headline(sentences(x)[0]) for x in items if x.strip())
    return [x for x in out if not _OUTLOOK.match(x)][:MAX_ITEMS]


def enrich_practices(comp: Compendium, options: EnrichOptions) -> None:
    for case in comp.cases:
        case.practices = practices_of(case)
        case.lessons = lessons_of(case)

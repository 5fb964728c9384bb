"""Cases that stop short: mid-sentence, at a page jump (`下转…`), or before the parts the
file's other entries have (a compendium entry without its lessons part)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from exporter.model import Case
from exporter.readers.sentences import ends_sentence

_CHINESE_NUMBERED = re.compile(r"^[一二三四五六七八九十]{1,3}、")


@dataclass
class FileFacts:
    """What case building needs to know about the whole file."""

    path: str
    page_jumps: list[int] = field(default_factory=list)  # line numbers of 下转 markers
    max_top_headings: int = 0  # most numbered top-level headings any article has (compendia)
    closing_cases: int = 0  # articles whose numbered parts end with a lessons/outlook part


def top_headings(case: Case) -> int:
    return sum(1 for s in case.sections if s.heading and _CHINESE_NUMBERED.match(s.heading))


# The part a compendium entry closes with: lessons, reflections, outlook.
_CLOSING = re.compile(r"启示|体会|思考|启发|展望|下一步|结语|评析|点评|经验")


def has_closing(case: Case) -> bool:
    return any(
        s.heading and _CHINESE_NUMBERED.match(s.heading) and _CLOSING.search(s.heading)
        for s in case.sections
    )


def _missing_sections(case: Case, top: int, facts: FileFacts) -> bool:
    """Numbered parts stop short: the file's entries end with a lessons part and this one has
    none, or (no such pattern) it has fewer parts than the file's entries usually have."""
    if top == 0:
        return False
    if facts.closing_cases >= 2:
        return top >= 2 and not has_closing(case)
    return top < facts.max_top_headings and facts.max_top_headings >= 3


def mark_truncation(case: Case, facts: FileFacts, next_start: int) -> None:
    """Flag a case that stops mid-sentence, at a page jump, or before its announced parts."""
    paras = case.paragraphs()
    if not paras or case.span is None:
        return
    last = case.span.last_line
    nxt = next_start
    top = top_headings(case)
    k = bisect.bisect_left(facts.page_jumps, last)
    if k < len(facts.page_jumps) and facts.page_jumps[k] < nxt:
        case.truncated, case.truncation = True, "continued_elsewhere"
    elif not ends_sentence(paras[-1].text):
        case.truncated, case.truncation = True, "mid_sentence"
    elif _missing_sections(case, top, facts):
        case.truncated, case.truncation = True, "missing_sections"

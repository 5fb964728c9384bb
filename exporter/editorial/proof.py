"""Proofreading suggestions for the 校对 column: the reader's checks (readers/checks.py),
each turned into a concrete `原文→改为` fix an editor can accept, change or delete."""

from __future__ import annotations

import re
from collections.abc import Iterable

from exporter.editorial.columns import FIX_ARROW
from exporter.model import Case
from exporter.readers.checks import check_line

_TRAD = re.compile(r"traditional '(.)' \(simplified '(.)'\)")
_ENGLISH = re.compile(r"English '(\w+)'")
_DOUBLE_WORD = re.compile(r"(\w{2})\1")
_DOUBLE_CHAR = re.compile(r"(\w)\1")
# The plain Chinese word an English connective spliced into Chinese text stands for.
ENGLISH_WORDS = {
    "and": "和", "or": "或", "with": "与", "of": "的", "for": "为", "to": "至",
    "in": "在", "on": "在", "by": "由", "from": "从", "but": "但", "the": "",
}  # fmt: skip


def _fix(code: str, message: str) -> tuple[str, str] | None:
    """(snippet, corrected snippet) for one reader warning, or None when it has no fix."""
    head, _, snippet = message.partition(": ")
    if not snippet:
        return None
    if code == "traditional_char" and (m := _TRAD.search(head)):
        return snippet, snippet.replace(m.group(1), m.group(2))
    if code == "duplicated_word":
        return snippet, _DOUBLE_WORD.sub(r"\1", snippet, count=1)
    if code == "duplicated_char":
        return snippet, _DOUBLE_CHAR.sub(r"\1", snippet, count=1)
    if code == "spliced_english" and (m := _ENGLISH.search(head)):
        word = m.group(1)
        chinese = ENGLISH_WORDS.get(word.lower(), "")
        return snippet, re.sub(rf"\s*\b{re.escape(word)}\b\s*", chinese, snippet, count=1)
    return None


def _texts(case: Case) -> Iterable[str]:
    if case.title:
        yield case.title
    for p in case.paragraphs():
        yield p.text


def suggestions(case: Case) -> list[str]:
    """`原文→改为` lines for the case's title and body, each once, in text order."""
    out: dict[str, None] = {}
    for text in _texts(case):
        for w in check_line(0, text):
            fix = _fix(w.code, w.message)
            if fix and fix[0] != fix[1]:
                out[f"{fix[0]}{FIX_ARROW}{fix[1]}"] = None
    return list(out)


def parse_fix(line: str) -> tuple[str, str] | None:
    """`原文→改为` (or `->`) as a pair; None when the line has no arrow or no 原文."""
    for arrow in (FIX_ARROW, "->"):
        old, sep, new = line.partition(arrow)
        if sep and old.strip():
            return old.strip(), new.strip()
    return None

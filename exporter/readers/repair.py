"""Paragraph repair: rejoin paragraphs a page or column break split mid-sentence or mid-word.

A body line that does not end a sentence continues on the next body line (blank lines and
dropped noise lines in between do not matter). Two real paragraphs are never joined: a line
that ends a sentence, a Markdown list item, or a next line that opens a numbered point
(`（二）`, `二、`, `一是`) keeps its paragraph break.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from exporter.readers.bylines import Byline
from exporter.readers.lines import BODY, BYLINE, HEAD, NOISE, Line
from exporter.readers.sentences import ends_clause

_NEW_POINT = re.compile(
    r"^(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、是]"
    r"|\d{1,2}[.、．](?!\d))"
)


@dataclass
class Unit:
    """One logical line: a whole paragraph, a heading or a byline, with its source lines."""

    role: str
    text: str
    lines: list[int]
    md_level: int = 0
    bold_line: bool = False
    lead: str | None = None
    list_item: bool = False
    reason: str = ""
    byline: Byline | None = None
    gap_before: int = 0  # blank lines before the unit's first line
    joined: list[int] = field(default_factory=list)  # line numbers where a break was repaired

    @property
    def first(self) -> int:
        return self.lines[0]

    @property
    def last(self) -> int:
        return self.lines[-1]


def should_join(prev: Unit, nxt: Line) -> bool:
    if prev.role != BODY or nxt.role != BODY or prev.list_item or nxt.list_item:
        return False
    if ends_clause(prev.text):
        return False
    return not _NEW_POINT.match(nxt.text)


_INDENT = re.compile(r"^(?:\u3000|\s{2,})")
INDENTED_MIN = 3  # indented and unindented body lines needed to call a file hard-wrapped


def hard_wrapped(lines: list[Line]) -> bool:
    """Paragraphs open with an indent and run on over unindented lines with no blank line
    between them: the unindented lines are continuations whatever they end with."""
    body = [line for line in lines if line.role == BODY]
    indented = sum(1 for line in body if _INDENT.match(line.raw))
    run_on = sum(
        1
        for prev, line in itertools.pairwise(lines)
        if prev.role == BODY and line.role == BODY and not _INDENT.match(line.raw)
    )
    return indented >= INDENTED_MIN and run_on >= INDENTED_MIN


def build_units(lines: list[Line]) -> list[Unit]:
    """Classified lines -> units, repairing split paragraphs. Noise lines are skipped."""
    units: list[Unit] = []
    gap = 0
    wrapped = hard_wrapped(lines)
    for line in lines:
        if line.blank:
            gap += 1
            continue
        if line.role == NOISE:
            continue
        last = units[-1] if units else None
        run_on = (
            wrapped
            and gap == 0
            and last is not None
            and last.role == BODY == line.role
            and not _INDENT.match(line.raw)
            and not last.list_item
        )
        if last is not None and (run_on or should_join(last, line)):
            last.joined.append(last.last)
            last.text += line.text
            last.lines.append(line.no)
            gap = 0
            continue
        role = line.role if line.role in (HEAD, BYLINE) else BODY
        units.append(
            Unit(
                role=role,
                text=line.text,
                lines=[line.no],
                md_level=line.md_level,
                bold_line=line.md_bold_line,
                lead=line.lead,
                list_item=line.list_item,
                reason=line.reason,
                byline=line.byline,
                gap_before=gap,
            )
        )
        gap = 0
    return units

"""Byline rule: a line that is a byline by its wording (role words, 申报, 供稿)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from exporter.model import Credit
from exporter.readers import bylines as by
from exporter.readers.lines import BYLINE, HEAD, Line
from exporter.readers.rules.headings import NUMBERED, PART_LABEL
from exporter.readers.sentences import ends_sentence

if TYPE_CHECKING:
    from exporter.readers.rules import Context


def own_line_byline(line: Line, i: int, ctx: Context) -> tuple[str, str] | None:
    found = by.own_line(line.text)
    if found is None:
        found = _unit_under_headline(line, i, ctx)
    if found is None:
        return None
    found.raw = line.raw.strip()  # as printed, Markdown emphasis included
    line.byline = found
    return BYLINE, "byline"


def _unit_under_headline(line: Line, i: int, ctx: Context) -> by.Byline | None:
    """An organisation's name alone between a headline and the text is the submitting unit
    (`中共某某区委组织部` under a compendium entry's title); `（某某党委）` after a text is
    the unit that supplied it."""
    text = line.text
    if text.startswith(("（", "(")) and text.endswith(("）", ")")):
        prev = ctx.prev_line(i)
        found = by.unit_line(text[1:-1])
        if found is None or prev is None or prev.role == HEAD:
            return None
        found.credits = [Credit(c.name, "供稿单位") for c in found.credits]
        return found
    prev = ctx.prev_line(i)
    if prev is None or prev.role != HEAD or NUMBERED.match(prev.text):
        return None
    nxt = ctx.next_text(i)
    if not nxt or by.unit_line(nxt):
        return None
    if not (NUMBERED.match(nxt) or PART_LABEL.match(nxt) or ends_sentence(nxt) or len(nxt) > 48):
        return None
    return by.unit_line(text)

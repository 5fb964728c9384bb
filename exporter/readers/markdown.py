"""Markdown line markup: headings, emphasis, lists, quotes, images and rules.

Only the line-level constructs that occur in exported news text are understood; markup is
removed from the text and what it meant is kept on the Line (heading level, bold lead phrase,
list item). Images and rules become noise lines.
"""

from __future__ import annotations

import html
import re

from exporter.readers.lines import Line
from exporter.readers.rules.chrome import plain_text

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s*(.*?)\s*#*\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_IMAGE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
_INLINE_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_QUOTE = re.compile(r"^\s{0,3}(>\s?)+")
_BULLET = re.compile(r"^\s{0,3}[-*+]\s+")
_ORDERED = re.compile(r"^\s{0,3}\d{1,3}[.)]\s+")
_BOLD_LEAD = re.compile(r"^(\*\*|__)(.+?)\1")
_BOLD = re.compile(r"\*\*|__")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])")
_CODE = re.compile(r"`+")


_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")
_BREAK = re.compile(r"<br\s*/?>", re.I)
# Escaped characters are parked in the private use area while emphasis is removed.
_PARK = 0xF0000


def strip_inline(text: str) -> str:
    if any(_PARK <= ord(c) < _PARK + 128 for c in text):
        text = _ESCAPE.sub(r"\1", text)  # parking would be ambiguous: keep it simple
        return _CODE.sub("", _ITALIC.sub(r"\1", _BOLD.sub("", text)))
    text = _ESCAPE.sub(lambda m: chr(_PARK + ord(m.group(1))), text)
    text = _INLINE_IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _BOLD.sub("", text)
    text = _ITALIC.sub(r"\1", text)
    text = _CODE.sub("", text)
    text = html.unescape(_BREAK.sub("", text))
    return "".join(chr(ord(c) - _PARK) if _PARK <= ord(c) < _PARK + 128 else c for c in text)


_TARGET = re.compile(r"\]\(([^)\s]+)[^)]*\)")


def parse_line(line: Line) -> None:
    """Fill text and markup facts of a Markdown line in place. Link and image addresses are
    markup too, but they are kept on the line (`cut`) so the reader lists them."""
    raw = line.raw
    if "](" in raw:
        line.cut = [(url, "link_target") for url in _TARGET.findall(raw)]
    if _IMAGE.match(raw):
        line.text = raw.strip()
        line.role, line.reason = "noise", "image"
        return
    if _RULE.match(raw):
        line.text = raw.strip()
        line.role, line.reason = "noise", "rule"
        return
    body = _QUOTE.sub("", raw)
    heading = _HEADING.match(body)
    if heading:
        line.md_level = len(heading.group(1))
        body = heading.group(2)
    else:
        stripped = _BULLET.sub("", body, count=1)
        if stripped == body:
            stripped = _ORDERED.sub("", body, count=1)
        line.list_item = stripped != body
        body = stripped
    body = plain_text(line, body)
    lead = _BOLD_LEAD.match(body)
    if lead:
        phrase = strip_inline(lead.group(2)).strip()
        if lead.end() >= len(body.rstrip()):
            line.md_bold_line = True
        else:
            line.lead = phrase
            # The space that set the bold phrase apart is markup too.
            line.text = phrase + strip_inline(body[lead.end() :]).strip()
            return
    line.text = strip_inline(body).strip()

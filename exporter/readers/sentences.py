"""Small text predicates shared by the rules: sentence ends, fragments, first sentences."""

from __future__ import annotations

import re

_TERMINAL = "。！？!?；;…"
_CLOSERS = "”’）)」』】》\"'"
# Characters that cannot end a heading or a paragraph: particles, prepositions, conjunctions
# and openers. A line ending with one continues on the next line.
_FRAGMENT_END = set(
    "的了和与及并在对把被将从向以于而或之其是有也都就还又让使给由按据至个着过地得且、，,“‘（(《「『【"
)


def ends_sentence(text: str) -> bool:
    """True when the text ends a sentence (。！？；… possibly followed by closing quotes)."""
    s = text.rstrip()
    while s and s[-1] in _CLOSERS:
        s = s[:-1]
    return bool(s) and s[-1] in _TERMINAL


def ends_clause(text: str) -> bool:
    """A paragraph may stop here without running on: sentence end or a colon."""
    s = text.rstrip()
    return ends_sentence(s) or s.endswith(("：", ":"))


def is_fragment_end(text: str) -> bool:
    s = text.rstrip()
    return bool(s) and s[-1] in _FRAGMENT_END


_SENTENCE_END = re.compile(r"[。！？!?]")


def first_sentence(text: str) -> str:
    m = _SENTENCE_END.search(text)
    return text[: m.end()] if m else text


LONG_LINE = 600  # code points; a "line" this long with paragraph gaps inside holds many paragraphs
# A paragraph gap inside such a line: two or more spaces (an indent), or one ideographic space
# after a sentence end.
_GAP = re.compile(r"[ \t\u3000]*\u3000{2,}[ \t\u3000]*|[ \t]{2,}|(?<=[。！？”])\u3000")


def unfold_long_lines(text: str) -> str:
    """Text saved without line breaks (paragraphs set apart by indents only) gets a line break
    at each paragraph gap, so it reads like any other file. Other lines are untouched."""
    if len(text) < LONG_LINE:
        return text
    lines = text.split("\n")
    if max(map(len, lines)) < LONG_LINE:
        return text  # no long line: nothing to unfold (the usual case)
    out = []
    for line in lines:
        if len(line) >= LONG_LINE and len(_GAP.findall(line.strip())) >= 2:
            line = _GAP.sub("\n", line.strip())
        out.append(line)
    return "\n".join(out)

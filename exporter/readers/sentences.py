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


# Words whose last character is otherwise a function word: `精准结对`, `力量所在` end a phrase.
_WORD_ENDS = frozenset(
    "结对 配对 面对 应对 核对 比对 绝对 相对 成对 所在 存在 实在 现在 自在 潜在 内在".split()
)


def is_fragment_end(text: str) -> bool:
    """The line stops on a function word, so its sentence goes on in the next line.

    >>> is_fragment_end("在推进工作的"), is_fragment_end("头雁领衔精准结对")
    (True, False)
    """
    s = text.rstrip()
    return bool(s) and s[-1] in _FRAGMENT_END and s[-2:] not in _WORD_ENDS


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

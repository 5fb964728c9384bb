"""Small text helpers shared by the enrichers: punctuation width, sentences, clauses."""

from __future__ import annotations

import re

_MD = re.compile(r"\*\*|__|(?<!\*)\*(?!\*)|`")
# Half-width punctuation printed in Chinese text; a comma or colon between digits stays.
_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}
_HALF_PUNCT = re.compile(r"(?<!\d)[,:](?!\d)|[;()!?]|(?<=\d)[,:](?!\d)|(?<!\d)[,:](?=\d)")
_SENT_END = "。！？；"
MAX_QUOTE = 120
_CLOSERS = "”’」』）)"
# Editorial furniture headings: the paper's voice about the case, not the case's measures.
EDITORIAL = re.compile(
    r"^[\s【\[（(]*(?:记者手记|采访手记|采访札记|编者按|编者的话|短评|快评|点评|专家点评|记者观察|"
    r"相关链接|背景链接|链接|延伸阅读|小贴士|后记|图片新闻)[】\]）):：\s]*$"
)


def is_editorial(heading: str | None) -> bool:
    return bool(heading and EDITORIAL.match(strip_markup(heading).strip()))


def strip_markup(text: str) -> str:
    return _MD.sub("", text)


def fullwidth(text: str) -> str:
    """Editor-style full-width punctuation for text we print ourselves."""
    out = _HALF_PUNCT.sub(lambda m: _FULL[m.group(0)], strip_markup(text))
    return out.strip()


def sentences(text: str, ends: str = _SENT_END) -> list[str]:
    """Split on sentence-final marks outside quotes; closing quotes stay with their sentence."""
    out: list[str] = []
    buf: list[str] = []
    depth = 0
    opened = 0
    i = 0
    while i < len(text):
        ch = text[i]
        buf.append(ch)
        if ch in "“「『":
            depth += 1
            opened = i
        elif ch in "”」』" and depth:
            depth -= 1
        elif depth and i - opened > MAX_QUOTE:
            depth = 0  # an unclosed quote must not swallow the rest of the paragraph
        if ch in ends and depth == 0:
            while i + 1 < len(text) and text[i + 1] in _CLOSERS:
                i += 1
                buf.append(text[i])
            out.append("".join(buf).strip())
            buf = []
        i += 1
    tail = "".join(buf).strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]


def clauses(sentence: str) -> list[str]:
    """Comma-level pieces of a sentence (full or half width), quotes kept whole."""
    return sentences(sentence, ends="，,；;")

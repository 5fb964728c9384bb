"""Small text helpers shared by the enrichers: punctuation width, sentences, clauses."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from exporter.vocab import CJK

_MD = re.compile(r"\*\*|__|(?<!\*)\*(?!\*)|`")
# Half-width punctuation printed in Chinese text; a comma or colon between digits stays.
_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}
_HALF_MARK = re.compile(r"[,:;()!?]")
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


@lru_cache(maxsize=1 << 16)
def strip_markup(text: str) -> str:
    if "*" not in text and "_" not in text and "`" not in text:
        return text  # nearly every paragraph: no regular expression needed
    return _MD.sub("", text)


def fullwidth(text: str) -> str:
    """Editor-style full-width punctuation for text we print ourselves.

    >>> fullwidth('推行"三联"工作法,成效明显')
    '推行“三联”工作法，成效明显'
    """
    text = _curly_quotes(strip_markup(text))
    if not _HALF_MARK.search(text):
        return text.strip()  # nothing to convert (a class-first search skips ahead fast)
    return _HALF_PUNCT.sub(lambda m: _FULL[m.group(0)], text).strip()


def _curly_quotes(text: str) -> str:
    """Straight double quotes in Chinese text, paired in order, as “ and ” (GB/T 15834); an
    odd one out is left alone rather than guessed."""
    if '"' not in text or text.count('"') % 2:
        return text
    parts = text.split('"')
    return "".join(p + ("“" if i % 2 == 0 else "”") for i, p in enumerate(parts[:-1])) + parts[-1]


_OPENERS = "“「『"
_QUOTE_CLOSE = "”」』"


@cache
def _tokens(ends: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(_OPENERS + _QUOTE_CLOSE + ends) + "]")


def sentences(text: str, ends: str = _SENT_END) -> list[str]:
    """Split on sentence-final marks outside quotes; closing quotes stay with their sentence.

    An unclosed quote stops protecting its text MAX_QUOTE characters after it opened, so a
    missing `”` cannot swallow the rest of a paragraph. Memoised: every enricher splits the
    same paragraphs.
    """
    if "." in text:
        text = _ASCII_STOP.sub("。", text)
    return list(_split(text, ends))


# `…他感慨地说.自2013年…`: a half-width full stop between Chinese characters ends a sentence.
_ASCII_STOP = re.compile(rf"(?<=[{CJK}”])\.(?=[{CJK}“])")


@lru_cache(maxsize=1 << 16)
def _split(text: str, ends: str) -> tuple[str, ...]:
    # Only quote marks and end marks matter, so the loop runs over them, not over every char.
    """Split at the end marks outside quotation marks (a quote ends with its sentence when
    its closing mark follows an end mark)."""
    out: list[str] = []
    start = depth = opened = 0
    prev = -1
    skip_to = 0
    for m in _tokens(ends).finditer(text):
        i = m.start()
        if i < skip_to:
            continue
        if depth and max(prev + 1, opened + MAX_QUOTE + 1) < i:
            depth = 0  # a plain character past the quote limit reset it
        prev = i
        ch = text[i]
        if ch in _OPENERS:
            depth += 1
            opened = i
        elif ch in _QUOTE_CLOSE and depth:
            depth -= 1
        elif depth and i - opened > MAX_QUOTE:
            depth = 0
        if ch in ends and depth == 0:
            j = i + 1
            while j < len(text) and text[j] in _CLOSERS:
                j += 1
            piece = text[start:j].strip()
            if piece:
                out.append(piece)
            start = skip_to = j
            prev = j - 1
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return tuple(out)


def clauses(sentence: str) -> list[str]:
    """Comma-level pieces of a sentence (full or half width), quotes kept whole."""
    return sentences(sentence, ends="，,；;")

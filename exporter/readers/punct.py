"""GB/T 15834 punctuation: half-width marks in Chinese text become full-width, once.

A mark is converted only in Chinese context (a CJK character or full-width mark on either side)
and never inside numbers (`1,300`, `10:30`), Latin words or URLs. Parentheses are converted as
a pair when their content or their left neighbour is Chinese. Spaces that only padded the
half-width mark are dropped.
"""

from __future__ import annotations

import re

_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
_CJKISH = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’—…·《》]")
# Start-anchored runs (lookbehind) keep the scan linear on long Latin or digit runs.
_URL = re.compile(
    r"(?:https?|ftp)://[!-~]+|(?<![!-~])www\.[!-~]+"
    r"|(?<![A-Za-z0-9.+-])[A-Za-z0-9.+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.]+"
)


def _cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJKISH.match(ch))


def _neighbours(s: str, i: int) -> tuple[str, str]:
    j = i - 1
    while j >= 0 and s[j] == " ":
        j -= 1
    k = i + 1
    while k < len(s) and s[k] == " ":
        k += 1
    return (s[j] if j >= 0 else ""), (s[k] if k < len(s) else "")


def _convert_marks(s: str) -> str:
    out: list[str] = []
    pos = 0
    for m in _MARK.finditer(s):  # only the marks are looked at, not every character
        i = m.start()
        ch = s[i]
        before, after = _neighbours(s, i)
        if before.isdigit() and after.isdigit() and ch in ",:":
            continue  # 1,300 and 10:30 stay
        if _cjk(before) or _cjk(after):
            out.append(s[pos:i])
            out.append(_FULL[ch])  # a Chinese character on either side: Chinese text
            pos = i + 1
    out.append(s[pos:])
    return "".join(out)


_MARK = re.compile(r"[,;:!?]")
_PAREN = re.compile(r"[()]")


def _convert_parens(s: str) -> str:
    """Convert matching ( ) pairs whose content or left neighbour is Chinese (one pass)."""
    chars = list(s)
    stack: list[int] = []
    for m in _PAREN.finditer(s):
        i = m.start()
        ch = s[i]
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            start = stack.pop()
            left = s[start - 1] if start else ""
            right = s[i + 1] if i + 1 < len(s) else ""
            inner = s[start + 1 : i]
            if _cjk(left) or _CJKISH.search(inner) or (not left and _cjk(right)):
                chars[start], chars[i] = "（", "）"
    return "".join(chars)


_PADDED_MARK = re.compile(r" *([，；：！？（）]) *")


def _tidy_spaces(s: str) -> str:
    # A space next to a full-width mark only compensated for the half-width one.
    if " " not in s:
        return s  # no space: every mark would be replaced by itself
    return _PADDED_MARK.sub(r"\1", s)


_FULL_DIGIT = re.compile("[０-９]")
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_DECIMAL = re.compile(r"(?<=\d)．(?=\d)")


def half_width_digits(text: str) -> str:
    """GB/T 15835: Arabic numerals are set half-width (`２０２４` -> `2024`, `３．２` -> `3.2`)."""
    if not _FULL_DIGIT.search(text):
        return text
    return _DECIMAL.sub(".", text.translate(_DIGITS))


_HALF_MARK = re.compile(r"[,;:!?()]")


def normalize(text: str) -> str:
    if not text:
        return text
    text = half_width_digits(text)
    if not _HALF_MARK.search(text):
        return text  # most text: no half-width mark to convert (URLs are kept whole anyway)
    pieces: list[str] = []
    pos = 0
    for m in _URL.finditer(text):
        pieces.append(_normalize_plain(text[pos : m.start()]))
        pieces.append(m.group(0))
        pos = m.end()
    pieces.append(_normalize_plain(text[pos:]))
    return "".join(pieces)


def _normalize_plain(s: str) -> str:
    if not s or not _HALF_MARK.search(s):
        return s
    return _tidy_spaces(_convert_parens(_convert_marks(s)))

"""Chinese and Arabic numerals → Arabic strings (三十 → 30, 两万 → 20000, 1.5 → 1.5)."""

from __future__ import annotations

DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_HALF = str.maketrans("０１２３４５６７８９．", "0123456789.")
CHINESE_NUMERAL = "零〇一二两三四五六七八九十百千万亿"


def chinese_to_int(text: str) -> int | None:
    """Value of a Chinese numeral such as 三十五, 一百零八, 两万三千; None if malformed."""
    if not text or any(ch not in CHINESE_NUMERAL for ch in text):
        return None
    total = section = digit = 0
    seen_digit = False
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
            seen_digit = True
        elif ch in SMALL_UNITS:
            section += (digit if seen_digit else 1) * SMALL_UNITS[ch]
            digit, seen_digit = 0, False
        else:
            total += (section + digit) * BIG_UNITS[ch]
            section = digit = 0
            seen_digit = False
    return total + section + digit


def to_arabic(text: str) -> str | None:
    """Arabic form of a printed number; half-width digits and commas allowed (1,300 → 1300)."""
    t = text.replace(",", "").replace("，", "")
    t = t.translate(_HALF)
    if t.replace(".", "", 1).isdigit():
        return t
    value = chinese_to_int(t)
    return None if value is None else str(value)

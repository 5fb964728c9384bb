"""Warnings about the text that the reader reports but never silently rewrites.

spliced_english   a Latin word between Chinese characters (`棚户区 and 老旧小区`)
duplicated_word   a character or two-character word printed twice (`更更优`, `创业创业`)
traditional_char  a traditional character in simplified text (`獎`, `祿`)
"""

from __future__ import annotations

import re

from exporter.model import Warning_

_SPLICED = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]\s*\b(and|or|the|of|with|for|to|in|on|by|from|but)\b\s*[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]",
    re.I,
)
# Doubling these (adverbs, particles, prepositions) is always a slip: `更更优`, `的的`. Content
# characters double legitimately too often (勃勃, 婆婆, 钉钉子) to be flagged without a lexicon.
_NEVER_DOUBLED = set(
    "更最很太都也就还又再的了和与在是对把被将从向以于为及并而或之其不没这那该此所让使由按据"
)
# Words that are both a compound noun's tail and a verb (`党组织组织党员`).
_NOUN_VERBS = {"组织", "领导", "服务", "管理", "指导", "宣传", "教育", "培训", "规划", "监督"}
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]")
# Only doubled characters that are always slips are reported, so only they are searched for:
# a class of a few characters lets the search skip all others at C speed.
_DOUBLE_CHAR = re.compile("([" + "".join(sorted(_NEVER_DOUBLED)) + r"])\1")
_DOUBLE_WORD = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{2})\1")
# Any two characters printed twice: twice as fast to rule out as the Han-only pattern, and
# every Han doubling is one of these, so lines without any skip the Han search.
_ANY_DOUBLE = re.compile(r"(..)\1")
# Traditional-only forms mapped to their simplified forms (a common subset).
_TRAD = dict(
    zip(
        "獎祿國們這說會來時對從學發經體將與為開關區縣鄉鎮黨員幹務動廣東華業書記後歲農貧"
        "環設質參創聯點義實現專幫導護衛區產個長門問間陽難愛處傳頭爲於圖過還進邊運達選"
        "協歷歡樂樹機構權標準規劃營銷積極隊幣價據測網絡紅綠藍線練組織級續織總統計認識語讀"
        "談調論請議讓財貨質資贊趕車軍農辦鐵錢鏈鋼長陣陸隨雙雞電靈韓頂領顧風飛養館驗髮鬥",
        "奖禄国们这说会来时对从学发经体将与为开关区县乡镇党员干务动广东华业书记后岁农贫"
        "环设质参创联点义实现专帮导护卫区产个长门问间阳难爱处传头为于图过还进边运达选"
        "协历欢乐树机构权标准规划营销积极队币价据测网络红绿蓝线练组织级续织总统计认识语读"
        "谈调论请议让财货质资赞赶车军农办铁钱链钢长阵陆随双鸡电灵韩顶领顾风飞养馆验发斗",
        strict=True,
    )
)


_TRAD_RE = re.compile("[" + "".join(sorted(t for t, s in _TRAD.items() if t != s)) + "]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z]")  # a class first: the search skips ahead fast


def _snippet(text: str, start: int, end: int) -> str:
    return text[max(0, start - 4) : end + 4]


MAX_PER_LINE = 3  # per code: enough to point an editor at the line


def check_line(no: int, text: str) -> list[Warning_]:
    found = _check_line(no, text)
    seen: dict[str, int] = {}
    out = []
    for w in found:
        seen[w.code] = seen.get(w.code, 0) + 1
        if seen[w.code] <= MAX_PER_LINE:
            out.append(w)
    return out


def _check_line(no: int, text: str) -> list[Warning_]:
    """Warnings for one line: English spliced into Chinese, doubled words (`更更优`),
    traditional characters; each with its line number and the proposed fix."""
    out: list[Warning_] = []
    # The spliced-English pattern tries every Han character as a start: skip lines with no
    # Latin word at all (nearly all of them).
    for m in _SPLICED.finditer(text) if _LATIN_WORD.search(text) else ():
        word = m.group(1)
        out.append(
            Warning_(
                no,
                "spliced_english",
                f"English '{word}' between Chinese characters: "
                f"{_snippet(text, m.start(), m.end())}",
            )
        )
    in_words: set[int] = set()
    for m in _DOUBLE_WORD.finditer(text) if _ANY_DOUBLE.search(text) else ():
        in_words.update(range(m.start(), m.end()))
        if m.group(1) in _NOUN_VERBS and m.start() > 0 and _HAN.match(text[m.start() - 1]):
            continue  # `党组织组织党员`: a compound noun's tail followed by the same verb
        out.append(
            Warning_(
                no, "duplicated_word", f"word printed twice: {_snippet(text, m.start(), m.end())}"
            )
        )
    for m in _DOUBLE_CHAR.finditer(text):
        ch = m.group(1)
        if m.start() in in_words:
            continue
        out.append(
            Warning_(
                no,
                "duplicated_char",
                f"character '{ch}' printed twice: {_snippet(text, m.start(), m.end())}",
            )
        )
    for m in _TRAD_RE.finditer(text):
        ch, i = m.group(), m.start()
        out.append(
            Warning_(
                no,
                "traditional_char",
                f"traditional '{ch}' (simplified '{_TRAD[ch]}'): {_snippet(text, i, i + 1)}",
            )
        )
    return out

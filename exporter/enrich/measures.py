"""Is a phrase a measure someone took? The test behind 主要做法.

A measure is a verb–object phrase headed by an action verb (`建立“两张清单”减负机制`,
`组建小区党支部147个`). `measure()` returns the phrase as a practice item, or None; the named
rules below say what it strips and what it refuses, each with an example.
"""

from __future__ import annotations

import re
from functools import lru_cache

from exporter.enrich.pos import is_noun, tag
from exporter.enrich.text import fullwidth, strip_markup
from exporter.vocab import (
    CJK,
    CONNECTIVE,
    DEMONSTRATIVE,
    EXHORTATION,
    GOAL_VERBS,
    MEASURE_VERB_RE,
    MEASURE_VERBS,
    RESULT,
    TIME_OPENER,
)

MIN_LEN = 6
MAX_LEN = 40
SUBJECT_MAX = 24  # the acting body before the verb (`黄河东路街道党工委`)
_VERBS = frozenset(MEASURE_VERBS)
# 发展 heads a measure only after a manner adverb (大力发展茶叶种植); alone it is mostly a noun.
_ADVERB_VERBS = _VERBS | {"发展"}
# rule strip_enumerator: `一是`, `（一）`, `1.`, `——` open a list item, not the measure.
_ENUMERATOR = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[是、.．]|\d+[、.．]|[—－-]+)\s*"
)
# rule strip_adverb: manner adverbs before the verb add nothing (着力构建… → 构建…).
_ADVERB = re.compile(
    r"^(?:着力|持续|不断|切实|扎实|积极|进一步|深入|全面|大力|充分|认真|先后|率先|创新|"
    r"探索|逐步|已|已经|还|都|均|共|累计|在全[省市县区]|全面)+"
)
# rule refuse_not_done: goals, slogans and framing words that do not say what was done.
_REFUSE = re.compile(
    r"[？?]$|[A-Za-z]{2,}|这样的|必须|应当|务必|是(?:重点|关键|基础|前提|保障|核心)$|能力和水平$|"
    r"新征程|再出发|^(?:为了?|如何|怎样|怎么|只有|唯有)|体现$|意义$|成为|"
    r"以[^，]{1,20}为(?:核心|主|引领|抓手|载体|重点|主线)$"
)
# rule refuse_modifier: `共建的“兄弟连”式`: the verb modifies a noun, no measure is stated.
_MODIFIER = re.compile(r"^\S{2,3}[的、]")
# Web and WeChat copy spaces out numbers and quotes (组织 64 名学生党员): not in an item.
_SPACE = re.compile(rf"(?<=[\d“”])[ \u3000]+(?=[{CJK}])|(?<=[{CJK}])[ \u3000]+(?=[\d“”])")
# rule refuse_slogan_pair: two phrases set apart by spaces (`发挥银发力量  续写新的光荣`).
_SLOGAN_GAP = re.compile(rf"[{CJK}][ \u3000]+[{CJK}]|[：:]")
# rule refuse_nominal: a verb glued to a noun suffix is a noun (创建率, 建立者).
_NOUN_AFTER_VERB = re.compile(r"^\S{2}[率者员性]")
# rule strip_pointer_subject: `该县推行…`: the pointer names the body of the text, not a new one.
_POINTER = re.compile(r"^该(?:县|区|市|旗|镇|乡|村|街道|社区)(?=\S{4})")
_MANNER_END = re.compile(r"(?:大力|积极|着力|持续|不断|加快)$")
_NOT_DONE = re.compile(r"要|将|应|需|能|可以|希望|如何|是否|说|表示|指出|强调")
_TRAILING = "，,；;。：:！!、 "


# 创新/探索 modify a verb (创新开展…) or are the verb themselves (创新活动载体).
_VERB_OR_ADVERB = ("创新", "探索")


def _without_adverb(text: str) -> str:
    """`着力构建…` → `构建…`; `创新活动载体` keeps its verb (no measure verb follows).

    >>> _without_adverb("创新开展志愿服务"), _without_adverb("创新活动载体")
    ('开展志愿服务', '创新活动载体')
    """
    m = _ADVERB.match(text)
    if not m:
        return text
    head, rest = text[: m.end()], text[m.end() :]
    if head.endswith(_VERB_OR_ADVERB) and not rest.startswith(tuple(_VERBS)):
        return head[-2:] + rest  # the last "adverb" is the measure's verb
    return rest


def _strip_openers(text: str) -> str:
    """rule strip_opener: `自今年…以来，`, `近年来`, `同时`, `一是` before the measure go.

    >>> _strip_openers("一是近年来，同时着力构建网格体系")
    '构建网格体系'
    """
    for _ in range(4):
        new = _POINTER.sub("", _ENUMERATOR.sub("", text))
        new = TIME_OPENER.sub("", new).lstrip("，, ")
        new = CONNECTIVE.sub("", new).lstrip("，, ")
        new = _without_adverb(new)
        if new == text:
            break
        text = new
    return text


def _verb_start(text: str) -> int | None:
    """Where the measure verb starts: at once, or after a subject of nouns (rule
    strip_subject: `黄河东路街道党工委建立…` → `建立…`).

    >>> _verb_start("社区党委组建志愿服务队")
    4
    """
    pos, subject = 0, 0
    for word, t in tag(text[: SUBJECT_MAX + 8]):
        if _heads(word, t) or _spans(text, pos, word):
            return pos if subject <= SUBJECT_MAX else None
        adverb = _ADVERB.match(word)
        if adverb and word[adverb.end() :] in _ADVERB_VERBS:  # one dictionary word: 大力发展
            return pos + adverb.end() if subject <= SUBJECT_MAX else None
        if t == "d" or _ADVERB.fullmatch(word):
            pos += len(word)  # 青塘村|大力|发展…: the adverb goes with the subject
            continue
        if not (is_noun(t) or t in ("ns", "nt", "b", "zg") or word in "“”（）、"):
            return None
        pos += len(word)
        subject = pos
    return None


def _spans(text: str, pos: int, word: str) -> bool:
    """A measure verb the tagger cut in two (配|强 for 配强), at a word boundary both ends."""
    m = MEASURE_VERB_RE.match(text, pos)
    return m is not None and len(word) < len(m.group()) and m.group().startswith(word)


def _heads(word: str, t: str) -> bool:
    """A measure verb as a word (建立, 组建起), not a noun that starts like one (创建率)."""
    if word in _VERBS:
        return True
    return bool(MEASURE_VERB_RE.match(word)) and t[:1] in ("v", "l", "i")


def _verb_inside(text: str) -> int | None:
    """rule loose_verb (used only when no strict measure was found): the first measure verb
    anywhere in the clause, unless a future or modal word comes before it
    (`两个党支部联合走进博物馆开展主题党日活动` → `开展主题党日活动`)."""
    pos = 0
    for word, t in tag(text):
        if _heads(word, t):
            return None if _NOT_DONE.search(text[:pos]) else pos
        pos += len(word)
    return None


def measure(text: str, loose: bool = False) -> str | None:
    """The measure a clause states, as a practice item, or None (memoised).

    >>> measure("自今年开展“光语”议事工作以来")
    >>> measure("要健全基层群众自治机制")
    >>> measure("清单怎么来？")
    >>> measure("石马村换了新颜")
    >>> measure("黄河东路街道党工委建立“两张清单”减负机制。")
    '建立“两张清单”减负机制'
    """
    return _measure(text, loose)


@lru_cache(maxsize=1 << 15)
def _measure(text: str, loose: bool) -> str | None:
    """The measure a clause states (`建立“两张清单”减负机制`), stripped of openers and
    adverbs, or None for slogans, exhortations, goals and results."""
    text = _SPACE.sub("", fullwidth(strip_markup(text))).strip().rstrip(_TRAILING)
    if not MEASURE_VERB_RE.search(text) and "发展" not in text:
        return None  # the cheap test first: no measure verb anywhere, no tagging
    if not text or _SLOGAN_GAP.search(text) or EXHORTATION.match(text) or _REFUSE.search(text):
        return None
    stripped = _strip_openers(text)
    # 大力发展林下种植: with its adverb gone, 发展 still heads the measure
    manner = stripped.startswith("发展") and _MANNER_END.search(text[: len(text) - len(stripped)])
    text = stripped
    if EXHORTATION.match(text) or DEMONSTRATIVE.match(text) or RESULT.search(text):
        return None
    start = 0 if manner else _verb_start(text)
    if start is None and loose:
        start = _verb_inside(text)
    if start is None:
        return None
    item = text[start:].rstrip(_TRAILING)
    if _MODIFIER.match(item) or _NOUN_AFTER_VERB.match(item):
        return None
    if not MIN_LEN <= len(item) <= MAX_LEN or item.count("“") != item.count("”"):
        return None
    return item


def printed_measure(text: str) -> str | None:
    """A printed lead phrase or heading as a practice item (rule printed_verb_object): a
    measure by `measure()`, or a phrase whose first half opens with a verb and its object by
    the POS tags (`储备力量“常态化”，深挖头雁潜力`) — the author's own list of measures.

    >>> printed_measure("储备力量“常态化”，深挖头雁潜力。")
    '储备力量“常态化”，深挖头雁潜力'
    >>> printed_measure("驿站连成服务网")
    """
    found = measure(text)
    if found:
        return found
    text = _strip_openers(fullwidth(strip_markup(text)).strip().rstrip(_TRAILING))
    if not MIN_LEN <= len(text) <= MAX_LEN or _REFUSE.search(text) or EXHORTATION.match(text):
        return None
    if _SLOGAN_GAP.search(text) or text.count("，") != 1:
        return None  # only the paired lead (`…“常态化”，深挖…`) is read by its tags alone
    for half in text.split("，"):
        words = tag(half[:12])
        if len(words) >= 2 and words[0][1] in ("v", "vn") and words[0][0] not in GOAL_VERBS:
            if is_noun(words[1][1]) and words[1][1] != "vn" and len(words[0][0]) >= 2:
                return text
    return None

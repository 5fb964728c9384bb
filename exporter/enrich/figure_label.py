"""Short labels for key figures: what a number counts, in the words of its clause.

A label is a verb–object or noun phrase of the figure's own clause followed by the figure as
printed: `组建小区党支部 147个`, `化解矛盾纠纷 290余起`, `党组织覆盖率 100%`. It is built from
the POS tags of the clause (`exporter.enrich.pos`): the last verb before the number with the
nouns after the measure word (`建成147个党群服务站` → `建成党群服务站 147个`), else the
noun phrase just before the number. Labels are at most LABEL_MAX characters, never start
with a connective and never leave a quote open.
"""

from __future__ import annotations

import re
from functools import lru_cache

from exporter.enrich.pos import is_noun, is_verb, tag
from exporter.vocab import CONNECTIVE, MEASURE_VERBS, TIME_OPENER

LABEL_MAX = 20
PHRASE_MIN = 2
_AFTER_MAX = 10
_BEFORE_MAX = 18
# Verbs that only link a subject to its number (覆盖率达100%): dropped from the label's end.
_LINK = re.compile(
    r"(?:达到|达|为|是|有|约|(?<![接将])近|超过|超|共计|共有|共|累计|总计|合计|计|占比|占|至|到|了|"
    r"在|已|都|均)$"
)
# A place or collective word alone (全区 127名) says where, not what the figure counts.
_WHERE_ONLY = re.compile(r"^(?:全|各|本|我)?[国省市县区镇乡村]里?$")
_CAUSATIVE = frozenset("让使令")
MEASURE_VERB_SET = frozenset(MEASURE_VERBS)
_BLOCK = {"m", "q", "uj", "ul", "c", "p"}
_STOP_TAGS = {"x", "p", "c", "u", "uj", "ul", "d", "r", "m", "q", "f", "y", "zg"}


def _nounish(word: str, t: str) -> bool:
    return word in "“”" or ((is_noun(t) or t in ("a", "b", "ns", "nt")) and not is_verb(t))


def _words_after(after: str) -> str:
    """The noun phrase right after the measure word (`147个|小区党支部，…`); place words and
    adverbs may sit inside it (`规上非公企业`), not at its end."""
    words: list[tuple[str, str]] = []
    tagged = tag(after[1:] if after.startswith("的") else after)
    for i, (word, t) in enumerate(tagged):
        # a verb that only qualifies the noun after it (3390名|在职|党员, 退休|干部)
        modifier = not words and is_verb(t) and i + 1 < len(tagged) and is_noun(tagged[i + 1][1])
        if not modifier and (
            not (_nounish(word, t) or t in ("f", "d"))
            or len("".join(w for w, _ in words) + word) > _AFTER_MAX
        ):
            break
        words.append((word, t))
    while words and not _nounish(*words[-1]):
        words.pop()
    return _balance("".join(w for w, _ in words))


def _object(words: list[tuple[str, str]]) -> str:
    """The noun run that ends at the number (`组建|小区（楼栋）党支部|147个`); after a number, a
    list mark or a particle only the words behind it (`选拔楼栋长441名、|单元长|1125名`)."""
    blockers = [i for i, (w, t) in enumerate(words) if t in _BLOCK or w in "、，"]
    tail = words[blockers[-1] + 1 :] if blockers else words
    return "".join(w for w, _ in tail) if all(_nounish(*x) for x in tail) else ""


def _acts(words: list[tuple[str, str]], i: int, loose: bool) -> bool:
    """Word i heads a verb–object phrase: a verb by its tag or a measure verb by the shared
    vocabulary (jieba tags 选派 as a noun); `loose`, also a verbal noun with an object."""
    word, t = words[i]
    if _LINK.fullmatch(word) or word in _CAUSATIVE:
        return False
    if t in ("v", "vd", "vi") or word in MEASURE_VERB_SET:
        return True
    return loose and t == "vn" and i + 1 < len(words) and is_noun(words[i + 1][1])


def _tail_from_verb(before: str) -> tuple[str, str, str]:
    """The clause text before the number split at its last verb: (verb, object, subject). A verbal
    noun heads the phrase only when no real verb does (开展|志愿服务活动, not 服务|活动)."""
    words = list(tag(before))
    for loose in (False, True):
        for i in range(len(words) - 1, -1, -1):
            if _acts(words, i, loose):
                subject = _noun_before("".join(w for w, _ in words[:i]))
                return words[i][0], _object(words[i + 1 :]) or "", subject
    return "", "", ""


def _noun_before(before: str) -> str:
    """The noun phrase ending just before the number (`党组织覆盖率|达100%`)."""
    words = list(tag(_LINK.sub("", before)))
    out = ""
    for word, t in reversed(words):
        if (t in _STOP_TAGS and word not in "“”") or (is_verb(t) and t != "vn"):
            break
        out = word + out
    return out


def _balance(text: str) -> str:
    """Drop quote marks left unpaired by the cut."""
    if text.count("“") != text.count("”"):
        text = text.replace("“", "").replace("”", "")
    return text.strip("、，；： ")


def _fit(verb: str, obj: str, room: int) -> str:
    """Verb and object within `room` characters: the object's start gives way first
    (`化解辖区各类矛盾纠纷` → `化解矛盾纠纷`)."""
    words = [w for w, _ in tag(obj)]
    while words and len(verb) + len("".join(words)) > room:
        words.pop(0)
    return verb + "".join(words)


@lru_cache(maxsize=1 << 15)
def phrase_for(before: str, after: str, room: int = LABEL_MAX) -> str:
    """What a figure counts, from its clause before and after the figure.

    >>> phrase_for("三穗县组织", "快递员、外卖员建立服务队")
    '组织快递员'
    >>> phrase_for("党组织覆盖率达", "")
    '党组织覆盖率'
    >>> phrase_for("其中共", "")
    ''
    >>> phrase_for("覆盖", "")
    '覆盖'
    >>> phrase_for("社区注册登记的志愿者已有", "")
    '志愿者'
    >>> phrase_for("全区", "")
    ''
    >>> phrase_for("国内生产总值比重接近", "")
    '国内生产总值比重接近'
    """
    # the words nearest the figure say what it counts; tagging more only costs time
    before = TIME_OPENER.sub("", CONNECTIVE.sub("", before.strip()))[-_BEFORE_MAX:]
    after = after[: _AFTER_MAX + 2]
    noun_after = _words_after(after)
    verb, obj, subject = _tail_from_verb(before)
    obj = _balance(_LINK.sub("", obj))
    if verb and (obj or noun_after):
        text = _fit(verb, obj or noun_after, room)
    elif verb and len(subject) >= 2:  # 参保率提高至|98%: the subject says what rose
        text = _fit("", subject, room - len(verb)) + verb
    else:  # what a bare number counts is the noun after its measure word (57位|党员)
        text = noun_after or _noun_before(before) or (verb if len(verb) >= 2 else "")
    text = _balance(_unlinked(text))
    return text if len(text) >= PHRASE_MIN and not _WHERE_ONLY.match(text) else ""


def _unlinked(text: str) -> str:
    """Link words off the end until none is left (`志愿者已有` → `志愿者`)."""
    while (new := _LINK.sub("", text)) != text:
        text = new
    return text


def label(before: str, after: str, printed: str) -> str | None:
    """`phrase figure` within LABEL_MAX characters, or None when nothing says what it counts."""
    phrase = phrase_for(before, after, LABEL_MAX - len(printed) - 1)
    return f"{phrase} {printed}" if phrase else None

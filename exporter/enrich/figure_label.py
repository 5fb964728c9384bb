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
from exporter.vocab import CONNECTIVE, GOAL_VERBS, MEASURE_VERBS, TIME_OPENER

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
# A verb of aim (推动, 带动…) and no object: neither the verb nor its subject says what the
# figure counts (`某市推动|169家…`). Verbs that change a measure (收入提高) are no aims.
CHANGE_VERBS = frozenset("提高 提升 增强 增长 增加 上升 下降 降低 减少 扩大 缩短".split())
AIM_VERBS = frozenset(GOAL_VERBS) - CHANGE_VERBS
# A subject that is a place or a body names who acted (`某市开展|50场`), not what is counted
# (`科普活动开展|50场`, `志愿者已有|365名`).
_ACTOR_END = re.compile(
    r"(?:[省市州县区旗镇乡村局厅部办院校]|街道|社区|党委|党组|党工委|支部|党总支|委员会|政府|公司|中心)$"
)
# `由56%提高至98%`, `从46岁下降至40岁`: the starting value between the subject and its verb.
_FROM_VALUE = re.compile(r"(?:由|从)[\d.]+(?:万|亿)?(?:%|个百分点|[个名人家户岁元件次项])?")
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
        # a verb that only qualifies the noun after it (3390名|在职|党员, 169家|共|驻|单位)
        modifier = (
            all(wt in ("f", "d") for _, wt in words)
            and is_verb(t)
            and i + 1 < len(tagged)
            and is_noun(tagged[i + 1][1])
        )
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
    for k in range(len(words) - 1, -1, -1):
        word, t = words[k]
        if out and word in _JOINS and k and _in_noun_run(*words[k - 1]):
            out = word + out  # 高中|及|以上学历: two nouns joined are one phrase
            continue
        if not _in_noun_run(word, t):
            break
        out = word + out
    return out


_JOINS = ("及", "和", "与")


def _in_noun_run(word: str, t: str) -> bool:
    return not ((t in _STOP_TAGS and word not in "“”") or (is_verb(t) and t != "vn"))


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
    >>> phrase_for("某市推动", "")
    ''
    >>> phrase_for("科普活动开展", "")
    '科普活动开展'
    >>> phrase_for("高中及以上学历占比由56%提高至", "")
    '高中及以上学历提高'
    """
    # the words nearest the figure say what it counts; tagging more only costs time
    before = TIME_OPENER.sub("", CONNECTIVE.sub("", before.strip()))
    before = _FROM_VALUE.sub("", before)[-_BEFORE_MAX:]
    after = after[: _AFTER_MAX + 2]
    noun_after = _words_after(after)
    verb, obj, subject = _tail_from_verb(before)
    obj = _balance(_LINK.sub("", obj))
    if verb and (obj or noun_after):
        text = _fit(verb, obj or noun_after, room)
    elif verb and verb not in AIM_VERBS and len(subject) >= 2 and not _ACTOR_END.search(subject):
        text = _fit("", subject, room - len(verb)) + verb
    else:  # what a bare number counts is the noun after its measure word (57位|党员)
        bare_verb = verb if len(verb) >= 2 and verb not in AIM_VERBS else ""
        text = noun_after or _noun_before(before) or bare_verb
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

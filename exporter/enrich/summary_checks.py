"""What may stand in a summary: named rules over the clauses of a chosen sentence.

A summary is made of whole sentences, or sentences trimmed at clause boundaries; these rules
say which clauses go (an exhortation, a background statement, a dangling tail) and which
sentences cannot be used at all (a pronoun without its antecedent, a demonstrative opener,
an ellipsis of a rhetorical list). General wording only: no place, person or case names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from exporter.vocab import CJK, EXHORTATION

# Verbs of results and services a summary may carry after its main statement.
# rule no_pronoun: 他/她/它(们) need an antecedent a one- or two-sentence summary lacks.
PRONOUN = re.compile(r"(?<![其吉])[他她它]们?")
# rule no_demonstrative_opener: `这/此/其…` points back to a sentence that is not there.
# `这几个月，` `这些年来，` are time adverbials, not pointers.
DEMONSTRATIVE_OPENER = re.compile(
    r"^(?:这(?![几些两半一]?个?(?:年|月|天|周|段时间))|此(?!外)|其(?!中|他|实)|该(?![县区市旗镇乡村]))"
)
# rule no_background: `X是…的…` says what something is, not what was done.
BACKGROUND = re.compile(r"是[^，]{2,30}的[^，]{0,8}$")
# rule no_modifier_tail: `…的背景下进行的`: a clause ending in 的 is the tail of a 是…的
# sentence or a modifier whose noun is elsewhere, no statement; a colon opens a list.
MODIFIER_END = re.compile(r"的$|[：:]")  # and `三个特点：一是…`: a list's introduction
# rule no_dangling_tail: a short closing fragment or a stock evaluation (…的生动体现).
EVALUATION_END = re.compile(r"(?:体现|举措|意义|缩影|写照|典范)$")
# rule no_bare_stat: `志愿者61人`: a noun and a number, no verb and no actor.
BARE_STAT = re.compile(rf"^[{CJK}]{{0,6}}?(?:党员|居民|志愿者|人员|人口|农户|住户|用户)\d")
# rule no_opening_function_word: a summary cannot open on these; the actor goes first.
SUBJECTLESS = re.compile(r"^(?:得益于|以|通过|已|成立|从|由|累计|共|据|还|更|并|为|让|使|在)")
# rule no_question: a rhetorical question (开放式社区如何精细管理？) states nothing.
QUESTION = re.compile(r"如何|怎么|怎样|为什么|为何|什么|吗$|[？?]")
ELLIPSIS = re.compile(r"……|\.\.\.")
DANGLING_MAX = 8


def usable_sentence(text: str) -> bool:
    """A sentence may feed a summary (rules no_pronoun, no_demonstrative_opener, ellipsis).

    >>> usable_sentence("更让他们感受到组织的关怀")
    False
    >>> usable_sentence("社区党委组建志愿服务队5支")
    True
    """
    return not (PRONOUN.search(text) or DEMONSTRATIVE_OPENER.match(text) or ELLIPSIS.search(text))


@lru_cache(maxsize=1 << 16)
def keep_clause(clause: str, first: bool) -> bool:
    """A clause of a chosen sentence that stays (rules no_exhortation, no_background,
    no_bare_stat; the first clause carries the actor and is judged by the sentence).

    >>> keep_clause("要坚持创新驱动", first=False)
    False
    >>> keep_clause("是老工业区的缩影", first=False)
    False
    >>> keep_clause("开放式社区如何精细管理", first=False)
    False
    >>> keep_clause("开展大走访的背景下进行的", first=False)
    False
    >>> keep_clause("培训呈现出三个特点：一是领导重视", first=False)
    False
    """
    if EXHORTATION.match(clause) or PRONOUN.search(clause) or ELLIPSIS.search(clause):
        return False
    if QUESTION.search(clause):
        return False
    if first:
        return True
    return not (BACKGROUND.search(clause) or BARE_STAT.match(clause) or MODIFIER_END.search(clause))


def dangling(clause: str) -> bool:
    """A closing clause an editor deletes: ≤ 8 characters without a figure, or a stock
    evaluation (`深化举措的生动体现`)."""
    short = len(clause) <= DANGLING_MAX and not re.search(r"\d", clause)
    return short or bool(EVALUATION_END.search(clause))


def trim(parts: list[str]) -> list[str]:
    """The clauses of a sentence that may stay, cut at the first one that may not: dropping a
    clause from the middle would splice its neighbours into a sentence the text never wrote."""
    out: list[str] = []
    for i, part in enumerate(parts):
        if not keep_clause(part, first=i == 0):
            break
        out.append(part)
    while len(out) > 1 and dangling(out[-1]):
        out.pop()
    return out


# rule standalone: a clause from another sentence may follow the main statement unless it
# leans on words that are not there: a pronoun, a demonstrative, a preposition or connective
# opener (为他颁发…, 更让他们…, 得益于…), or it is an exhortation, background or bare stat.
LEANING_OPENER = re.compile(
    r"^(?:让|使|更|得益于|由|从|对|在|据|以|通过|随着|面对|而|但|却|可|且|则|就|便|即|不仅)"
)


@lru_cache(maxsize=1 << 16)
def standalone(clause: str) -> bool:
    """A clause of another sentence that reads on after the main statement.

    >>> standalone("组建志愿服务队5支")
    True
    >>> standalone("全区堡垒支部创建率达87.5%")
    True
    >>> standalone("为他颁发纪念章")
    False
    >>> standalone("为老党员送学上门")
    True
    >>> standalone("更让居民感受到关爱")
    False
    """
    if not keep_clause(clause, first=False) or DEMONSTRATIVE_OPENER.match(clause):
        return False
    return not LEANING_OPENER.match(clause)

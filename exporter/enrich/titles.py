"""Generated titles (编者拟): `acting body：its practice or brand`, at most TITLE_MAX characters.

The reader writes a title for an item printed without one from its opening sentence. That
title is kept when an editor could print it; otherwise it is rebuilt from the acting body
and the first measure among the practices (`黄河东路街道：打造“党建+服务”新模式`). Never a
background or anecdote sentence (digits, `是…`, `曾经…`), never a phrase cut mid-sentence.
"""

from __future__ import annotations

import re

from exporter.enrich.options import EnrichOptions
from exporter.enrich.summary_commentary import commentary_title
from exporter.model import Case, Compendium
from exporter.vocab import CJK

TITLE_MAX = 26
# rule no_background_title: a copied lead or anecdote sentence, not a practice or brand.
_SENTENCE = re.compile(r"\d|^[是在]|曾经|正[在迎]|有个|聚集了|^[-—]")
_CPC = re.compile(r"^中共(.+?)委$")
_PARTY_SUFFIX = re.compile(r"(?:党工委|党委|党总支|党支部|党组织|党组)$")


def title_prefix(case: Case) -> str:
    """The acting body as a title names it: `中共黔东南州委` → `黔东南州`, `黄河东路街道党工委`
    → `黄河东路街道`; else the deepest printed region below the province (rule
    no_province_actor: a province is not the actor of a local case)."""
    org = case.organization or ""
    m = _CPC.match(org)
    name = m.group(1) if m else _PARTY_SUFFIX.sub("", org)
    if len(name) >= 2:
        return name
    r = case.region
    return next((v for v in (r.village, r.township, r.county, r.city) if v), "")


# rule practice_as_title: `开展了一场声势浩大的誓师大会` → `开展誓师大会`: the aspect mark
# after the verb and a counted modifier go; a phrase of two clauses is no title.
_ASPECT = re.compile(rf"^([{CJK}]{{2}})了")
_COUNTED = re.compile(rf"(?:一场|一次|一堂|一系列|一批|一个)[{CJK}]{{0,8}}?的")


def title_phrase(item: str) -> str | None:
    """A practice as the part of a title after the colon, or None.

    >>> title_phrase("开展了一场声势浩大的志愿者誓师大会")
    '开展志愿者誓师大会'
    >>> title_phrase("参观结束后，党支部开展集体学习研讨") is None
    True
    """
    if "，" in item or "," in item:
        return None
    return _COUNTED.sub("", _ASPECT.sub(r"\1", item)) or None


def _repeats(text: str) -> bool:
    grams = [text[i : i + 2] for i in range(len(text) - 1)]
    return len(grams) != len(set(grams))


def printable(title: str, case: Case) -> bool:
    """An editor prints it: short, led by the actor, a practice rather than a sentence."""
    prefix, _, body = title.partition("：")
    if not body or len(title) > TITLE_MAX or _SENTENCE.search(body) or _repeats(body):
        return False
    names = [case.organization or "", *(v for v in _region_values(case))]
    return any(prefix in n or n in prefix for n in names if n)


def _region_values(case: Case) -> list[str]:
    r = case.region
    return [v for v in (r.province, r.city, r.county, r.township, r.village) if v]


def _headline_like(title: str) -> bool:
    """A phrase, not a sentence: short, no clause or sentence marks, no quoted opening.

    >>> _headline_like("举行村党组织书记培训班结业典礼")
    True
    >>> _headline_like("“从彩陶纹路里，我读懂了先民的智")
    False
    """
    return len(title) <= TITLE_MAX and not re.search(r"[，,。；！？]|^[“「]", title)


def generated_title(case: Case) -> str | None:
    """The reader's title if printable, else `prefix：practice` from the first fitting
    measure (rule actor_and_practice), or that measure alone when the text names no actor
    below the province, else the reader's title unchanged."""
    if case.title and printable(case.title, case):
        return case.title
    if case.kind == "commentary":  # rule point_as_title: an argument has no acting body
        return commentary_title(case, TITLE_MAX - 4) or case.title
    prefix = title_prefix(case)
    phrases = [p for p in map(title_phrase, case.practices) if p]
    if not prefix:  # rule practice_alone: nobody to name; a headline-like title or the measure
        if case.title and _headline_like(case.title):
            return case.title
        bare = (p for p in phrases if len(p) <= TITLE_MAX - 4 and not _SENTENCE.search(p))
        return next(bare, case.title)
    for phrase in phrases:
        title = f"{prefix}：{phrase}"
        if printable(title, case):
            return title
    return case.title


def enrich_titles(comp: Compendium, options: EnrichOptions) -> None:
    for case in comp.cases:
        if case.title_generated:
            case.title = generated_title(case)

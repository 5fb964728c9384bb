"""Generated titles (编者拟): `acting body：its practice or brand`, at most TITLE_MAX characters.

The reader writes a title for an item printed without one from its opening sentence. That
title is kept when an editor could print it; otherwise it is rebuilt from the acting body
and the first measure among the practices (`黄河东路街道：打造“党建+服务”新模式`). Never a
background or anecdote sentence (digits, `是…`, `曾经…`), never a phrase cut mid-sentence.
"""

from __future__ import annotations

import re

from exporter.enrich.options import EnrichOptions
from exporter.model import Case, Compendium

TITLE_MAX = 26
# rule no_background_title: a copied lead or anecdote sentence, not a practice or brand.
_SENTENCE = re.compile(r"\d|^[是在]|曾经|正[在迎]|有个|聚集了|^[-—]")
_CPC = re.compile(r"^中共(.+?)委$")
_PARTY_SUFFIX = re.compile(r"(?:党工委|党委|党总支|党支部|党组织|党组)$")


def title_prefix(case: Case) -> str:
    """The acting body as a title names it: `中共黔东南州委` → `黔东南州`, `黄河东路街道党工委`
    → `黄河东路街道`; else the deepest printed region."""
    org = case.organization or ""
    m = _CPC.match(org)
    name = m.group(1) if m else _PARTY_SUFFIX.sub("", org)
    if len(name) >= 2:
        return name
    return case.region.deepest() or ""


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


def generated_title(case: Case) -> str | None:
    """The reader's title if printable, else `prefix：practice` from the first fitting
    measure (rule actor_and_practice), else the reader's title unchanged."""
    if case.title and printable(case.title, case):
        return case.title
    prefix = title_prefix(case)
    if not prefix:
        return case.title
    for item in case.practices:
        title = f"{prefix}：{item}"
        if printable(title, case):
            return title
    return case.title


def enrich_titles(comp: Compendium, options: EnrichOptions) -> None:
    for case in comp.cases:
        if case.title_generated:
            case.title = generated_title(case)

"""The sentences and clauses a summary is made of, cleaned (split out of summary.py).

A unit line left in the body (`中共某区委组织部`), a photo caption or column label never
counts as a sentence; a clause loses its opener (`近年来，`), manner adverb and a speaker
attribution (`县委组织部有关负责人介绍，`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from exporter.enrich.summary_rules import (
    ADVERB,
    ATTRIBUTION,
    FRAGMENT,
    FRAGMENT_MAX,
    FRAME_GOAL,
    NUMBERED,
    OPENER,
    TRAIL_CONNECTIVE,
)
from exporter.enrich.text import clauses, is_editorial, sentences, strip_markup
from exporter.model import Case

_OPEN_FRAME = re.compile(r"(?:坚持|始终)?以[^为]*$")
_FRAME_VERB = re.compile(r"(?:坚持|始终|紧紧)$")


@lru_cache(maxsize=1 << 16)
def _clean_clause(text: str) -> str:
    text = strip_markup(text).strip().rstrip("，,；;。！？!?：:")
    if ATTRIBUTION.match(text):
        return ""
    for _ in range(3):
        new = ADVERB.sub("", OPENER.sub("", text).strip())
        if new == text:
            break
        text = new
    return text


def _drop_split_frames(parts: list[str]) -> list[str]:
    """`坚持以旗帜举起来、阵地强起来，组织动起来…为目标`: a frame cut in two by a comma."""
    out: list[str] = []
    i = 0
    while i < len(parts):
        p = parts[i]
        nxt = parts[i + 1] if i + 1 < len(parts) else ""
        if "以" in p and _OPEN_FRAME.search(p) and FRAME_GOAL.search(nxt):
            head = p[: p.rfind("以")]
            head = _FRAME_VERB.sub("", head)
            if head:
                out.append(head)
            i += 2
            continue
        out.append(p)
        i += 1
    return out


def _fragment(text: str) -> bool:
    return len(text) <= FRAGMENT_MAX and bool(FRAGMENT.match(text))


def _balanced(text: str) -> bool:
    return (
        text.count("“") == text.count("”")
        and text.count("（") == text.count("）")
        and (text.count("(") == text.count(")"))
    )


# rule no_caption: a photo caption (工作人员（左）…) or a column label (【执纪者说】) left in
# the body says nothing of the case.
_CAPTION = re.compile(r"[（(][左右中][一二三四]?[)）]|^【|摄$|（资料图）")


def _sentence_list(case: Case) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    own = [sec for sec in case.sections if not is_editorial(sec.heading)]
    for sec in own or case.sections:
        background = bool(sec.heading and "背景" in sec.heading)
        for p in sec.paragraphs:
            out.extend((s, background) for s in _paragraph_sentences(p.text))
    return out


@lru_cache(maxsize=1 << 15)
def _paragraph_sentences(text: str) -> tuple[str, ...]:
    """The sentences of a paragraph that may feed a summary (memoised: paragraphs recur)."""
    text = strip_markup(text).strip()
    # a unit line the reader left in the body (`中共某区委组织部`) is no sentence
    return tuple(
        s
        for s in sentences(text)
        if not _fragment(s.rstrip("。！？；").strip()) and not _CAPTION.search(s)
    )


@lru_cache(maxsize=1 << 15)
def _candidates(sentence: str) -> tuple[str, ...]:
    """The cleaned clauses of a sentence that may join a summary."""
    out = []
    for c in clauses(sentence):
        text = TRAIL_CONNECTIVE.sub("", NUMBERED.sub("", _clean_clause(c)))
        if len(text) >= 6 and _balanced(text):
            out.append(text)
    return tuple(out)

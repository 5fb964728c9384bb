"""How much a clause is worth in a summary: content signals, topic relevance, centrality."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from exporter.enrich.summary_rules import (
    ACTION,
    DANGLING,
    FIGURE,
    FLUFF,
    PURPOSE_ONLY,
    SPEECH,
    W,
)
from exporter.model import Case

_NOT_LETTER = re.compile(r"[\W\d_]+")
_DIGITS = re.compile(r"[\d.]+")
_PART_OF = re.compile(r"其中|下设|包括|分别")


@lru_cache(maxsize=1 << 16)
def _grams(text: str) -> frozenset[str]:
    """Character bigrams of the letters of a text (memoised: clauses recur across cases)."""
    text = _NOT_LETTER.sub("", text)
    return frozenset(map(str.__add__, text, text[1:]))


def topic_grams(case: Case) -> dict[str, float]:
    """Character bigrams of the title, headings and lead phrases: what the article is about.

    Each weight is capped at 2 so a word repeated in every heading cannot dominate.
    """
    weights: Counter[str] = Counter()
    heads = [case.title or ""] if not case.title_generated else []
    heads += [s.heading or "" for s in case.sections]
    heads += [p.lead or "" for p in case.paragraphs()]
    for text in heads:
        weights.update(_grams(text))
    return {g: min(float(n), 2.0) for g, n in weights.items()}


def centroid_of(case: Case) -> Counter[str]:
    """In how many paragraphs each bigram occurs: recurring content is central content."""
    counts: Counter[str] = Counter()
    for p in case.paragraphs():
        counts.update(_grams(p.text))
    return counts


@lru_cache(maxsize=4096)
def _log(n: int) -> float:
    return math.log(n)


def _weight_sum(grams: frozenset[str], weights: dict[str, float]) -> float:
    # Only the shared grams are looked at (a C-level set intersection); fsum is exact, so
    # the (hash-seeded) order of the set cannot change the last digit.
    return math.fsum(map(weights.__getitem__, weights.keys() & grams))


def pool_score(
    text: str, sent_index: int, in_background: bool, topic: dict[str, float], centroid: Counter[str]
) -> float:
    """clause_score + relevance + centrality, with one bigram lookup (the summary's hot loop)."""
    score = clause_score(text, sent_index, in_background)
    grams = _grams(text)
    if not grams:
        return score
    if topic:
        score += W["relevance"] * _weight_sum(grams, topic) / math.sqrt(len(grams))
    common = centroid.keys() & grams
    logs = math.fsum(map(_log, map(centroid.__getitem__, common)))
    return score + W["centrality"] * logs / len(grams)


@lru_cache(maxsize=1 << 16)
def _raw_grams(text: str) -> frozenset[str]:
    return frozenset(map(str.__add__, text, text[1:]))


def overlap(a: str, b: str) -> float:
    grams_a = _raw_grams(a)
    grams_b = _raw_grams(b)
    if not grams_a or not grams_b:
        return 0.0
    return len(grams_a & grams_b) / min(len(grams_a), len(grams_b))


def clause_score(text: str, sent_index: int, in_background: bool) -> float:
    score = _content_score(text)
    if in_background:
        score -= W["background"]
    return score - W["position"] * sent_index


@lru_cache(maxsize=1 << 16)
def _content_score(text: str) -> float:
    """What the clause itself carries, wherever it stands."""
    score = 0.0
    figure = FIGURE.search(text)
    if figure:
        digits = _DIGITS.match(figure.group(0))
        value = float(digits.group(0)) if digits and digits.group(0) != "." else 1.0
        score += W["figure"] + min(2.0, math.log10(max(value, 1.0)) * W["figure_size"])
    if _PART_OF.match(text):
        score -= 1.5
    if DANGLING.search(text) or PURPOSE_ONLY.match(text):
        score -= 3
    if "“" in text:
        score += W["quote"]
    if ACTION.search(text[:6]):
        score += W["action_start"]
    elif ACTION.search(text):
        score += W["action"]
    score -= W["fluff"] * len(FLUFF.findall(text))
    if len(text) < 6:
        score -= 2
    if len(text) > 45:
        score -= 1.5
    if SPEECH.search(text):
        score -= 4
    return score

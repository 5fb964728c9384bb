"""How much a clause is worth in a summary: content signals, topic relevance, centrality."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from itertools import chain

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
    return _letter_grams(_NOT_LETTER.sub("", text))


@lru_cache(maxsize=1 << 15)
def _letter_grams(letters: str) -> frozenset[str]:
    # a second level: texts that differ only in their numbers share one set
    return frozenset(map(str.__add__, letters, letters[1:]))


def topic_grams(case: Case) -> dict[str, float]:
    """Character bigrams of the title, headings and lead phrases: what the article is about.

    Each weight is capped at 2 so a word repeated in every heading cannot dominate.
    """
    heads = [case.title or ""] if not case.title_generated else []
    heads += [s.heading or "" for s in case.sections]
    heads += [p.lead or "" for p in case.paragraphs()]
    weights = Counter(chain.from_iterable(map(_grams, heads)))
    return {g: min(float(n), 2.0) for g, n in weights.items()}


def centroid_of(case: Case) -> dict[str, float]:
    """log of the number of paragraphs a bigram occurs in, for bigrams in more than one.

    Recurring content is central content (a bigram seen once would add log 1 = 0).
    """
    return _centroid(tuple(_grams(p.text) for p in case.paragraphs()))


@lru_cache(maxsize=1 << 12)
def _centroid(paragraphs: tuple[frozenset[str], ...]) -> dict[str, float]:
    # memoised: versions of an article that differ only in their numbers share one (the
    # dict is shared, so callers only read it)
    counts = Counter(chain.from_iterable(paragraphs))
    logs = _logs(len(paragraphs))
    return {g: logs[n] for g, n in counts.items() if n > 1}


def _logs(n: int) -> list[float]:
    """math.log of 0..n (index 0 unused), extended on demand."""
    while len(_LOGS) <= n:
        _LOGS.append(math.log(len(_LOGS)))
    return _LOGS


_LOGS: list[float] = [0.0]


ClauseFacts = tuple[float, frozenset[str], int, float]


@lru_cache(maxsize=1 << 16)
def clause_facts(text: str) -> ClauseFacts:
    """Content score, bigrams, their number and its square root (memoised per clause)."""
    grams = _grams(text)
    return _content_score(text), grams, len(grams), math.sqrt(len(grams))


def _combined(
    facts: ClauseFacts,
    sent_index: int,
    in_background: bool,
    relevance: Callable[[frozenset[str]], float] | None,
    centrality: Callable[[frozenset[str]], float],
) -> float:
    """Content, position, relevance and centrality of a clause; `relevance` and
    `centrality` weigh the clause's bigrams (relevance None: the case has no headings)."""
    content, grams, n, root = facts
    score = content
    if in_background:
        score -= _W_BACKGROUND
    score = score - _W_POSITION * sent_index
    if not n:
        return score
    if relevance is not None:
        score += _W_RELEVANCE * relevance(grams) / root
    return score + _W_CENTRALITY * centrality(grams) / n


def pool_score(
    text: str,
    sent_index: int,
    in_background: bool,
    topic: dict[str, float],
    centroid: dict[str, float],
) -> float:
    """Content, position, relevance to the headings and centrality of a summary clause.

    Only the bigrams a clause shares with the headings or the centroid are looked at (a
    C-level set intersection); fsum is exact, so the hash-seeded order of a set cannot change
    the last digit.
    """
    return pool_scorer(topic, centroid, fast=False)(text, sent_index, in_background)


def pool_scorer(
    topic: dict[str, float], centroid: dict[str, float], fast: bool = True
) -> Callable[[str, int, bool], float]:
    """`pool_score` with one case's topic and centroid bound: the same scores, faster."""
    score = facts_scorer(topic, centroid, fast)

    def score_of(text: str, sent_index: int, in_background: bool) -> float:
        return score(clause_facts(text), sent_index, in_background)

    return score_of


def facts_scorer(
    topic: dict[str, float], centroid: dict[str, float], fast: bool = True
) -> Callable[[ClauseFacts, int, bool], float]:
    """`pool_scorer` over a clause's `clause_facts`.

    The topic weights of `topic_grams` are 1.0 or 2.0, so their exact sum is the number of
    shared bigrams plus the number of those weighing 2.0 (two C-level intersections).
    """
    fsum = math.fsum
    relevance: Callable[[frozenset[str]], float] | None = None
    if topic and fast and set(topic.values()) <= {1.0, 2.0}:
        t_all = frozenset(topic)
        t_two = frozenset(g for g, w in topic.items() if w == 2.0)
        relevance = lambda grams: len(t_all & grams) + len(t_two & grams)  # noqa: E731
    elif topic:
        relevance = lambda grams: fsum(map(topic.__getitem__, topic.keys() & grams))  # noqa: E731
    shared, weight = centroid.keys(), centroid.__getitem__

    def centrality(grams: frozenset[str]) -> float:
        return fsum(map(weight, shared & grams))

    def score_of(facts: ClauseFacts, sent_index: int, in_background: bool) -> float:
        return _combined(facts, sent_index, in_background, relevance, centrality)

    return score_of


_W_BACKGROUND = W["background"]
_W_POSITION = W["position"]
_W_RELEVANCE = W["relevance"]
_W_CENTRALITY = W["centrality"]


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

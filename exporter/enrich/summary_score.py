"""How much a clause is worth in a summary: content signals, topic relevance, centrality."""

from __future__ import annotations

import math
import re

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


def _grams(text: str) -> set[str]:
    text = re.sub(r"[\W\d_]+", "", text)
    return {text[i : i + 2] for i in range(len(text) - 1)}


def topic_grams(case: Case) -> dict[str, float]:
    """Character bigrams of the title, headings and lead phrases: what the article is about."""
    weights: dict[str, float] = {}
    heads = [case.title or ""] if not case.title_generated else []
    heads += [s.heading or "" for s in case.sections]
    heads += [p.lead or "" for p in case.paragraphs()]
    for text in heads:
        for g in _grams(text):
            weights[g] = weights.get(g, 0.0) + 1.0
    return weights


def centroid_of(case: Case) -> dict[str, float]:
    """How often each bigram recurs in the body: recurring content is central content."""
    counts: dict[str, float] = {}
    for p in case.paragraphs():
        for g in _grams(p.text):
            counts[g] = counts.get(g, 0.0) + 1.0
    return {g: math.log(n) for g, n in counts.items() if n > 1}


def centrality(text: str, centroid: dict[str, float]) -> float:
    grams = _grams(text)
    if not grams:
        return 0.0
    return W["centrality"] * sum(centroid.get(g, 0.0) for g in grams) / len(grams)


def relevance(text: str, topic: dict[str, float]) -> float:
    grams = _grams(text)
    if not grams or not topic:
        return 0.0
    hit = sum(min(topic.get(g, 0.0), 2.0) for g in grams)
    return W["relevance"] * hit / math.sqrt(len(grams))


def overlap(a: str, b: str) -> float:
    grams_a = {a[i : i + 2] for i in range(len(a) - 1)}
    grams_b = {b[i : i + 2] for i in range(len(b) - 1)}
    if not grams_a or not grams_b:
        return 0.0
    return len(grams_a & grams_b) / min(len(grams_a), len(grams_b))


def clause_score(text: str, sent_index: int, in_background: bool) -> float:
    score = 0.0
    figure = FIGURE.search(text)
    if figure:
        digits = re.match(r"[\d.]+", figure.group(0))
        value = float(digits.group(0)) if digits and digits.group(0) != "." else 1.0
        score += W["figure"] + min(2.0, math.log10(max(value, 1.0)) * W["figure_size"])
    if re.match(r"其中|下设|包括|分别", text):
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
    if in_background:
        score -= W["background"]
    return score - W["position"] * sent_index

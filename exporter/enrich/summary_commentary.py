"""Summary of a commentary: its argument, in its own whole sentences, framed as the author's.

A commentary has no acting body: what it does is argue. Its summary states the thesis and
what it asks for (`评论指出，家风连着作风；党员干部要严家教、正家风。`). The exhortations a
case summary must never state as fact are the substance here, attributed by the frame. No
place is put before a sentence (a place a commentary mentions is an example, not its actor).

Sentences are scored by named cues (`THESIS_CUES`, weights in `COMMENTARY_W`): a short
paragraph of one sentence (a sub-thesis standing alone), a judgment (`…是…`, `关键在于`), a
call on a group (`党员干部要…`), relevance to the title; an anecdote, quotation, question,
date, figure or a sentence leaning on the one before loses. The best fit the limit and are
printed in reading order, joined by `；`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exporter.enrich.summary_checks import DEMONSTRATIVE_OPENER, ELLIPSIS, PRONOUN, QUESTION
from exporter.enrich.summary_clauses import _balanced
from exporter.enrich.summary_rules import ANECDOTE, OPENER
from exporter.enrich.summary_score import overlap
from exporter.enrich.text import fullwidth, sentences, strip_markup
from exporter.model import Case
from exporter.vocab import EXHORTATION

COMMENTARY_W = {
    "sub_thesis": 2.0,  # a paragraph that is one short sentence
    "judgment": 1.5,
    "call": 1.2,
    "relevance": 3.0,  # share of the title's bigrams the sentence repeats
    "leaning": 2.5,
    "anecdote": 3.0,
    "figure": 1.0,
    "reported": 2.0,  # `某某指出，…`: someone else's words, not the piece's own point
    "long": 1.0,
    "position": 0.02,
}
SUB_THESIS_MAX = 32  # characters of a one-sentence paragraph that states a point
SENTENCE_MIN, SENTENCE_MAX = 8, 70
MAX_SENTENCES = 3  # more, joined by `；`, read as a list rather than an argument
FILL_SLACK = 10  # stop adding once the summary is this close to its limit

# `X是Y`, `而是`, `关键在于`: a judgment, the form a thesis takes.
# `特别是` `还是` `但是` are no copula.
JUDGMENT = re.compile(
    r"(?<![不别其或还但可于凡总要只若])是(?!否)|在于|关键|根本|核心|本质|连着|离不开|决定了"
)
# `党员干部要…`, `各级党组织应…`: what the commentary asks of whom.
CALL = re.compile(
    r"^[^，,]{0,12}?(?:党员|干部|党组织|我们|各地|各级)[^，,]{0,6}?(?:要|应|须|必须|务必|当)"
)
# A sentence that leans on the one before it cannot open or stand in a summary.
LEANING = re.compile(
    r"^(?:然而|但是?|可是|因此|所以|于是|其结果|结果|同样|当然|或许|比如|例如|譬如|就像|正如|"
    r"唯有如此|只有这样|如此|这样|此外|另外|同时|而且|并且|甚至|更(?!是)|也|还)"
)
# `本质上，`, `事实上，`: a stance adverb that opens a sentence without adding to it.
_STANCE = re.compile(
    r"^(?:本质上|归根到底|归根结底|说到底|总之|总而言之|事实上|实际上|可以说)[，,]"
)
_REPORTED_SPEECH = re.compile(r"^[^，,]{0,14}?(?:指出|强调|表示|要求|作出重要指示)")
_DATE = re.compile(r"^\d|^(?:近日|近期|日前|当前|目前|今年|去年|前不久|近段时间)")
_FIGURE = re.compile(r"\d")
THESIS_CUES = ("sub_thesis", "judgment", "call", "relevance")


@dataclass(frozen=True)
class _Sentence:
    text: str
    order: int
    score: float


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _relevance(text: str, title: set[str]) -> float:
    return len(_bigrams(text) & title) / len(title) if title else 0.0


def sentence_score(text: str, alone: bool, title: set[str], order: int) -> float:
    """How well a sentence states the commentary's argument.

    >>> t = _bigrams("讲亲情也不能逾越底线")
    >>> thesis = sentence_score("家风连着作风", True, t, 0)
    >>> thesis > sentence_score("或许有人觉得如此", False, t, 0)
    True
    """
    w = COMMENTARY_W
    score = w["sub_thesis"] if alone and len(text) <= SUB_THESIS_MAX else 0.0
    score += w["judgment"] if JUDGMENT.search(text) else 0.0
    score += w["call"] if CALL.match(text) else 0.0
    score += w["relevance"] * _relevance(text, title)
    if LEANING.match(text) or PRONOUN.search(text[:4]) or DEMONSTRATIVE_OPENER.match(text):
        score -= w["leaning"]
    if ANECDOTE.match(text) or "“" in text[:2] or _DATE.match(text):
        score -= w["anecdote"]
    if _REPORTED_SPEECH.match(text):
        score -= w["reported"]
    if _FIGURE.search(text):
        score -= w["figure"]
    if len(text) > 50:
        score -= w["long"]
    return score - w["position"] * order


def _usable(text: str) -> bool:
    if not SENTENCE_MIN <= len(text) <= SENTENCE_MAX or not _balanced(text):
        return False
    if QUESTION.search(text) or ELLIPSIS.search(text) or "：“" in text:
        return False
    # rule call_has_subject: `必须…` without who must reads as the summary's own command
    return not any(EXHORTATION.match(c) for c in re.split(r"[，,；;]", text))


def _head(text: str) -> str:
    """A long sentence cut after its last whole clause within SENTENCE_MAX (rule
    clause_boundary_trim: the clauses that stay still read as one sentence).

    >>> _head("各级党组织和广大党员干部要贯彻组织路线，" + "坚持思想建党" * 12 + "，走好赶考路")
    '各级党组织和广大党员干部要贯彻组织路线'
    """
    if len(text) <= SENTENCE_MAX:
        return text
    cut = text.rfind("，", 0, SENTENCE_MAX)
    return text[:cut] if cut >= SENTENCE_MIN * 2 else text


def _scored(case: Case) -> list[_Sentence]:
    title = _bigrams(re.sub(r"[（(].*?[)）]", "", case.title or ""))
    out: list[_Sentence] = []
    for p in case.paragraphs():
        parts = sentences(strip_markup(p.text).strip())
        for s in parts:
            text = _STANCE.sub("", OPENER.sub("", fullwidth(s))).rstrip("。！；;")
            text = _head(text)
            if _usable(text) and not text.startswith("是"):  # `5月18日是…` without its date
                score = sentence_score(text, len(parts) == 1, title, len(out))
                out.append(_Sentence(text, len(out), score))
    return out


def commentary_summary(case: Case, frame: str, limit: int, hard: int) -> str | None:
    """The commentary's best sentences that fit `limit` (at most `hard`), in reading order,
    behind `frame` (`评论指出，`); None when no sentence states a point."""
    chosen: list[_Sentence] = []
    length = len(frame) + 1
    ranked = sorted(_scored(case), key=lambda s: (-s.score, s.order))
    calls = [s for s in ranked if CALL.match(s.text) and s.score > 0]
    if calls and ranked[0] is not calls[0]:  # rule thesis_and_call: what it claims, what it asks
        ranked = [ranked[0], calls[0], *(s for s in ranked[1:] if s is not calls[0])]
    for cand in ranked:
        if cand.score <= 0 or length >= limit - FILL_SLACK or len(chosen) == MAX_SENTENCES:
            break
        if length + len(cand.text) + 1 > limit:
            continue
        if any(overlap(cand.text, c.text) > 0.4 for c in chosen):
            continue
        chosen.append(cand)
        length += len(cand.text) + 1
    if not chosen:
        return None
    text = frame + "；".join(c.text for c in sorted(chosen, key=lambda s: s.order)) + "。"
    text = fullwidth(text)
    return text if len(text) <= hard else None


def commentary_title(case: Case, limit: int) -> str | None:
    """The best-stated point short enough to head an untitled commentary, its comma a space
    (`创新活动载体 让老文物不再“躺平”`), or None."""
    fits = [s for s in _scored(case) if s.score > 0 and len(s.text) <= limit]
    if not fits:
        return None
    best = max(fits, key=lambda s: (s.score, -s.order))
    return re.sub(r"[，,]", " ", best.text)

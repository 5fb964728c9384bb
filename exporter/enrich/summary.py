"""Summary enricher: one or two statements of who did what where, with what result.

The main sentence is the early sentence that best names the acting body and an action; it is
trimmed only at clause boundaries (its opener, purpose clause and stock phrases go; it is cut
at the first exhortation, background or pronoun clause: `summary_checks.trim`) and led by the
acting body as the text names it. Then the strongest clauses of the rest of the article
(figures with an outcome verb, named measures in quotes, concrete action verbs) that stand
alone with that actor as subject (`summary_checks.standalone`) follow in reading order; short
of the minimum, whole further sentences. Sentences and clauses come cleaned from
`summary_clauses`. Output: full-width punctuation, ends with `。`, at most `summary_max`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from exporter.enrich.actor import subject_unit
from exporter.enrich.options import EnrichOptions
from exporter.enrich.summary_checks import (
    ELLIPSIS,
    SUBJECTLESS,
    dangling,
    standalone,
    trim,
    usable_sentence,
)
from exporter.enrich.summary_clauses import (
    _balanced,
    _candidates,
    _clean_clause,
    _drop_split_frames,
    _sentence_list,
)
from exporter.enrich.summary_commentary import commentary_summary
from exporter.enrich.summary_rules import (
    ACTION,
    ANECDOTE,
    FIGURE,
    FLUFF,
    FRAME,
    METAPHOR,
    NUMBERED,
    PURPOSE,
    SCENE,
    TARGET,
    TRAIL_CONNECTIVE,
    W,
)
from exporter.enrich.summary_score import (
    ClauseFacts,
    centroid_of,
    clause_facts,
    facts_scorer,
    overlap,
    topic_grams,
)
from exporter.enrich.summary_subject import (
    names_of,
    opens_with_org,
    subject_end,
    subject_of,
    with_places,
    with_subject,
)
from exporter.enrich.text import clauses, fullwidth
from exporter.model import Case, Compendium
from exporter.vocab import EXHORTATION, PROVINCES

_QUOTED_SPEECH = re.compile(r"[说道]：?“")


@dataclass
class _Clause:
    text: str
    sent: int
    order: int
    score: float


SUMMARY_MAX = 120  # an editor's summary is 60–120 characters (EDITING.md)
SOFT_MAX = 105  # clauses are added up to this; the gold summaries average about 95
MAIN_MAX = 4.0  # named and acting (3) plus acting (1); penalties only lower it
MAIN_POSITION = 0.35  # per sentence: the lead states the case unless a later one names more
OPENING_SHARE = 0.75  # of the target: the main sentence's clauses, the rest from the pool
MAIN_MIN = 16  # characters: a shorter sentence cannot say who did what with what result
_LEANS_BACK = re.compile(r"也不例外|亦是如此|同样如此|也是如此|莫不如此")


def _main_score(i: int, sentence: str, names: list[str]) -> float:
    return -MAIN_POSITION * i + _main_content(sentence, tuple(names))


@lru_cache(maxsize=1 << 14)
def _main_content(sentence: str, names_key: tuple[str, ...]) -> float:
    """How well a sentence states who did what, wherever it stands (memoised)."""
    if ANECDOTE.match(sentence) or sentence.startswith("“") or _QUOTED_SPEECH.search(sentence):
        return -6.0
    if not usable_sentence(sentence) or EXHORTATION.match(sentence):
        return -5.0  # rules no_pronoun, no_demonstrative_opener, no_exhortation
    if len(sentence) < MAIN_MIN or _LEANS_BACK.search(sentence):
        return -3.0  # rule main_stands_alone: `某社区也不例外。` says nothing by itself
    names = list(names_key)
    parts = _main_clauses(sentence, names)
    first = parts[0] if parts else ""
    org = opens_with_org(first, names)
    named = org or any(n in first[:16] for n in names)
    acts = bool(ACTION.search(first))
    score = 3.0 if named and acts else 1.5 if named else 0.0
    score += 1 if acts else 0
    if not named and acts and subject_unit(sentence):
        score += 1  # rule unit_subject: a unit the text names does something (≤ MAIN_MAX)
    score -= 0.8 * len(FLUFF.findall("".join(parts)))
    if SCENE.search(first):
        score -= 2
    return score


def _main_sentence(sents: list[tuple[str, bool]], names: list[str]) -> int:
    """The best-scoring of the first 14 sentences, the earliest on a tie.

    A sentence's content score is at most MAIN_MAX, so once the position penalty alone puts
    that bound at or below the best score so far, no later sentence can win.
    """
    best, best_i = -math.inf, 0
    for i, (s, _) in enumerate(sents[:14]):
        if -MAIN_POSITION * i + MAIN_MAX <= best:
            break
        score = _main_score(i, s, names)
        if score > best:
            best, best_i = score, i
    return best_i


def _leading_noise(part: str, names: list[str]) -> bool:
    if PURPOSE.match(part + "，"):
        return True
    return not (ACTION.search(part) or any(n in part for n in names) or FIGURE.search(part))


def _start(parts: list[str], names: list[str]) -> int:
    """Index of the clause where the main statement starts (subject or first real action)."""
    named = next((i for i, p in enumerate(parts[:6]) if any(n in p[:16] for n in names)), None)
    acting = next(
        (
            i
            for i, p in enumerate(parts[:6])
            if ACTION.search(p[:14]) and not PURPOSE.match(p + "，") and not FRAME.fullmatch(p)
        ),
        None,
    )
    if named is not None and (ACTION.search(parts[named]) or not SCENE.search(parts[named])):
        return named
    if acting is not None:
        return acting
    return named or 0


def _main_clauses(sentence: str, names: list[str]) -> list[str]:
    return list(_main_clauses_of(sentence, tuple(names)))


@lru_cache(maxsize=1 << 14)
def _main_clauses_of(sentence: str, names_key: tuple[str, ...]) -> tuple[str, ...]:
    """The main statement of a sentence as clauses (memoised per sentence and names)."""
    names = list(names_key)
    parts = [NUMBERED.sub("", _clean_clause(c)) for c in clauses(sentence)]
    parts = _drop_split_frames([p for p in parts if p])
    if not parts:
        return ()
    parts = parts[_start(parts, names) :]
    while len(parts) > 1 and _leading_noise(parts[0], names):
        parts = parts[1:]
    cut = subject_end(parts[0], names)
    if len(parts) > 1 and cut and (FRAME.fullmatch(parts[0][cut:]) or not parts[0][cut:]):
        rest = [p for p in parts[1:] if not FLUFF.search(p) and not FRAME.fullmatch(p)]
        if rest:
            parts = [parts[0][:cut] + rest[0], *parts[parts.index(rest[0]) + 1 :]]
    keep = [parts[0]]
    for p in parts[1:]:
        if FRAME.fullmatch(p):
            continue
        if METAPHOR.search(p) and not FIGURE.search(p):
            continue  # `绘就城市幸福家园新图景`: an image, not a measure or a result
        if not FLUFF.search(p) or FIGURE.search(p) or "“" in p:
            keep.append(TRAIL_CONNECTIVE.sub("", p))
    return tuple(keep)


def _title_method(case: Case, chosen: list[str], names: list[str]) -> list[str]:
    """A verb-first title (`推行“一核五化三共”工作法 构建和谐新社区`) names the method.

    The subject of the main sentence is kept; its own first clause follows unless it repeats
    the title's method.
    """
    if not case.title or case.title_generated:
        return chosen
    main = re.split(r"[:：]", case.title)[-1].strip()
    head = re.split(r"[\s，,]+", main)[0]
    if len(head) < 6 or not ACTION.match(head) or FLUFF.search(head):
        return chosen
    cut = subject_end(chosen[0], names)
    subject = chosen[0][:cut] if cut else subject_of(case)
    if not subject:
        return chosen
    rest = chosen[0][cut:] if cut else chosen[0]
    if overlap(head, rest) > 0.5:
        return chosen
    others = [rest, *chosen[1:]]
    keep = [p for p in others if len(p) >= 6 and not FRAME.fullmatch(p) and overlap(head, p) <= 0.5]
    return [subject + head, *keep]


_REPORTED = re.compile(r"记者|通讯员")
COMMENTARY_FRAME = "评论指出，"  # rule genre_frame: a commentary's claims are its author's


def _credit_text(case: Case) -> str:
    return " ".join(x for x in (case.byline, case.title, *(c.role for c in case.credits)) if x)


def _with_actor(first: str, case: Case, names: list[str]) -> str:
    """The acting body leads: named as the text names it, and put before an opener that
    cannot start a summary (rule actor_first: `成立…协会党支部` → `东丰县成立…`)."""
    if SUBJECTLESS.match(first) and subject_end(first, names) == 0:
        subject = subject_of(case)
        if subject and not first.startswith(subject) and subject not in PROVINCES.values():
            return subject + first
    return with_subject(first, case, names)


def _join(parts: list[str]) -> str:
    text = "，".join(p for p in parts if p)
    return fullwidth(text).rstrip("，、；：") + "。"


def summarize(
    case: Case, target: int = TARGET, limit: int = 100, minimum: int = 60, hard: int = 120
) -> str | None:
    """The main statement of the acting body, then the strongest clauses of the rest that
    stand alone with it as their subject (`summary_checks.standalone`), in reading order;
    short of `minimum`, whole further sentences. Never longer than `hard` characters."""
    if case.kind == "commentary" and not _REPORTED.search(_credit_text(case)):
        argued = commentary_summary(case, COMMENTARY_FRAME, limit, hard)
        if argued and len(argued) >= minimum:
            return argued
    sents = _sentence_list(case)
    if not sents:
        return None
    names = names_of(case)
    main = _main_sentence(sents, names)
    chosen = _opening(case, sents[main][0], names, target)
    for i, (s, _) in enumerate(sents):  # the best one trimmed away: the first that stays
        if chosen:
            break
        main, chosen = i, _opening(case, s, names, target)
    if not chosen:
        return None
    pool = _pool(case, sents, main, names)
    extra = _select(pool, chosen, target, limit)
    parts = [chosen[0], *(p for p in chosen[1:] if _balanced(p))]
    for more in sorted(pool, key=lambda x: x.order):  # short of the minimum: in reading order
        if len(_join(parts + [e.text for e in extra])) >= minimum:
            break
        if more not in extra and len(_join([*parts, *(e.text for e in extra), more.text])) <= limit:
            extra.append(more)
    parts += [e.text for e in sorted(extra, key=lambda c: c.order)]
    if len(_join(parts)) < minimum and not extra:
        parts = _main_rest(parts, sents[main][0], names, limit)
    while len(parts) > 1 and dangling(parts[-1]):
        parts = parts[:-1]
    text = _fit(parts, hard)
    if len(text) < minimum:
        text = _fill(text, sents, main, names, minimum, hard)
    return text


def _main_rest(parts: list[str], sentence: str, names: list[str], limit: int) -> list[str]:
    """Short of the minimum with nothing else to add: the main sentence's own further
    clauses, in order, as far as they go (rule main_sentence_whole)."""
    rest = trim(_main_clauses(sentence, names))[len(parts) :]
    for part in rest:
        if len(_join([*parts, part])) > limit:
            break
        parts = [*parts, part]
    return parts


def _opening(case: Case, sentence: str, names: list[str], target: int) -> list[str]:
    """The main sentence's clauses, trimmed to about two thirds of the target, led by the
    acting body as the text names it."""
    chosen = trim(_main_clauses(sentence, names))
    trimmed: list[str] = []
    for part in chosen:
        if len(trimmed) >= 2 and len("，".join([*trimmed, part])) > int(target * OPENING_SHARE):
            break
        trimmed.append(part)
    chosen = trimmed or chosen[:1]
    if chosen:
        chosen[0] = _with_actor(chosen[0], case, names)
        chosen = _title_method(case, chosen, names)
        chosen[0] = with_places(chosen[0], case)
    if case.kind == "commentary" and chosen and not _REPORTED.search(_credit_text(case)):
        chosen[0] = COMMENTARY_FRAME + chosen[0]  # rule genre_frame: never for a reporter's piece
    return chosen


def _pool(case: Case, sents: list[tuple[str, bool]], main: int, names: list[str]) -> list[_Clause]:
    """The clauses of the other sentences that may follow the main statement, scored."""
    topic = topic_grams(case) if W["relevance"] else {}  # weight 0: not worth computing
    score_of = facts_scorer(topic, centroid_of(case))
    named = tuple(names)
    pool: list[_Clause] = []
    order = 0
    for i, (s, background) in enumerate(sents):
        parts = None if i == main else _pool_parts(s)
        if parts is None:
            continue
        for text, facts in parts:
            if text.startswith(named):  # the case's own names: judged again once removed
                text = _unnamed(text, names)
                facts = clause_facts(text) if text and standalone(text) else None
            if facts is not None:
                pool.append(_Clause(text, i, order, score_of(facts, i, background)))
            order += 1
    return pool


@lru_cache(maxsize=1 << 15)
def _pool_parts(sentence: str) -> tuple[tuple[str, ClauseFacts | None], ...] | None:
    """A sentence's candidate clauses, each with its `clause_facts` if it stands alone; None
    for a sentence whose clauses never join (memoised: sentences recur across cases)."""
    if ANECDOTE.match(sentence) or sentence.startswith("“") or ELLIPSIS.search(sentence):
        return None
    return tuple((c, clause_facts(c) if standalone(c) else None) for c in _candidates(sentence))


def _unnamed(clause: str, names: list[str]) -> str:
    """A clause that restarts with the actor's name loses the name (rule no_repeated_subject:
    `新城区坚持主抓…` after `新城区深化…` → `坚持主抓…`); `""` when what is left is no
    predicate."""
    if not clause.startswith(tuple(names)):
        return clause
    rest = clause[subject_end(clause, names) :]
    return rest if len(rest) >= 6 and ACTION.match(rest) else ""


def _fill(
    text: str, sents: list[tuple[str, bool]], main: int, names: list[str], minimum: int, hard: int
) -> str:
    """Whole sentences after the main one (trimmed at clause boundaries) until `minimum`:
    each stands alone, so nothing is spliced (rule whole_sentence_fill)."""
    for s, _ in sents[main + 1 :] + sents[:main]:
        if len(text) >= minimum:
            break
        if ANECDOTE.match(s) or s.startswith("“") or _QUOTED_SPEECH.search(s):
            continue
        parts = list(_candidates(s))
        if not parts or not usable_sentence(parts[0]) or SUBJECTLESS.match(parts[0]):
            continue
        cut = subject_end(parts[0], names)
        if cut and names and any(parts[0].startswith(n) for n in names):
            parts[0] = parts[0][cut:]  # the actor is named once (rule no_repeated_subject)
        parts = trim([p for p in parts if p])
        while parts and len(text) + len(_join(parts)) > hard:
            parts = parts[:-1]
        if parts and len("".join(parts)) >= 10 and overlap("".join(parts), text) <= 0.4:
            text += _join(parts)
    return text


def _select(pool: list[_Clause], chosen: list[str], target: int, limit: int) -> list[_Clause]:
    """Best-scoring clauses that fit, skipping near-repeats, returned in reading order."""
    extra: list[_Clause] = []
    length = len("，".join(chosen))
    for cand in sorted(pool, key=lambda c: (-c.score, c.order)):
        if cand.score <= 0 or length >= target:
            break
        if length + len(cand.text) + 1 > limit:
            continue
        if any(overlap(cand.text, x) > 0.4 for x in chosen + [e.text for e in extra]):
            continue
        extra.append(cand)
        length += len(cand.text) + 1
    return sorted(extra, key=lambda c: c.order)


def _fit(parts: list[str], hard: int) -> str:
    """Join clauses; past the hard limit drop trailing clauses, then cut at a comma or pause."""
    while len(parts) > 1 and len(_join(parts)) > hard:
        parts = parts[:-1]
    text = _join(parts)
    if len(text) <= hard:
        return text
    cut = max(text.rfind(mark, 0, hard) for mark in "，；、")
    return text[:cut].rstrip("，、；：") + "。" if cut > 40 else text[: hard - 1] + "。"


def enrich_summary(comp: Compendium, options: EnrichOptions) -> None:
    for case in comp.cases:
        hard = min(SUMMARY_MAX, options.summary_max)
        limit = min(SOFT_MAX, hard)
        case.summary = summarize(case, limit=limit, minimum=options.summary_min, hard=hard)

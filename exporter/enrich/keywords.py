"""Keywords enricher: 3–8 index terms per case.

Named measures in quotes (`“铁三角”`, `“党建+志愿服务”`) that recur or sit in the title come
first, then TF-IDF terms over the `segment` word list (jieba's IDF table). Numbers, single
characters, place names of the case's own region and generic words of the genre are left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import chain
from operator import mul, neg

from exporter.enrich.gazetteer import gazetteer
from exporter.enrich.options import EnrichOptions
from exporter.enrich.segment import idf, run_words, runs
from exporter.enrich.text import strip_markup
from exporter.model import Case, Compendium

STOP = frozenset(
    "工作 开展 推进 推动 加强 进一步 不断 持续 积极 全面 深入 有效 实现 提升 打造 建设 发展 "
    "通过 坚持 围绕 聚焦 落实 强化 完善 健全 创新 探索 活动 群众 我们 他们 大家 一个 一批 "
    "同时 目前 近年来 今年以来 以来 方面 情况 问题 作用 能力 水平 机制 体系 措施 举措 "
    "全市 全县 全区 全省 全国 各类 相关 重要 重点 基层 组织 服务 党员 党建 党组织 干部 "
    "引领 社会 领导 主要 成效 做法 背景 经验 启示 新闻 记者 本报 通讯员 部分 内容 时间 "
    "负责人 书记 表示 介绍 说道 看到 走进 现在 已经 这些 这个 那些 其中 以及 还有 一天 着力 "
    "广大 身边 干事 行动 合力 传承 脉络 唤醒 攻坚 抢抓 党委 支部 精准度 加速度 新路径 新模式 "
    "新格局 新篇章 新动能 新活力 实效 成果 效果 形式 载体 品牌 特色 模式 理念 深化 创建 形成 "
    "切实 单位 融入 构建 出台 方案 双方 常态 调研 有人 会议 创业 带头 政治 有力 优势 严密 "
    "企业 联动 难题 文化 和谐 争当 身边 有效 确保 助力 赋能 激发 夯实 筑牢 扎实 精准 "
    "常态化 多元化 规范化 标准化 一体化 全覆盖 零距离 最后一公里".split()
)
_QUOTED = re.compile(r"“([^“”]{2,10})”")
_SENTENCE_MARK = re.compile(r"[，。！？,!?]")
_PLACE_SUFFIX = re.compile(r"(省|市|县|区|州|自治区)$")
_PLACE_END = re.compile(r"(?:村|镇|乡|县|市)$")
_NUMBER_REST = re.compile(r"[余多近第每]")
_DIGIT = re.compile(r"[\d０-９一二三四五六七八九十百千万亿]+[个名人次家户年月日]?$")


def _quoted_terms(case: Case, pieces: list[str]) -> list[str]:
    """Quoted names that recur or sit in the title; `pieces` are the title and paragraphs
    without markup (markup never spans a line, so stripping piece by piece is the same)."""
    text = "\n".join(pieces)
    counts: dict[str, int] = {}
    for m in _QUOTED.finditer(text):
        term = m.group(1)
        if not _SENTENCE_MARK.search(term):
            counts[term] = counts.get(term, 0) + 1
    title = case.title or ""
    keep = [t for t, n in counts.items() if n >= 2 or t in title]
    return sorted(keep, key=lambda t: (-(t in title), -counts[t]))[:3]


@cache
def _place_stems() -> frozenset[str]:
    """Division names without their suffix (丹寨, 黄陵): places, not index terms."""
    names = (d.name for d in gazetteer().by_code.values())
    stems = {re.sub(r"(自治县|自治州|自治旗|地区|县|区|市|州|旗|盟|省)$", "", n) for n in names}
    return frozenset(s for s in stems if len(s) >= 2)


@lru_cache(maxsize=1 << 16)
def _term(term: str) -> bool:
    """A possible index term whatever the case: no stop word, place stem or number left."""
    return (
        len(term) >= 2
        and term not in STOP
        and term not in _place_stems()
        and not _PLACE_END.search(term)
        and not _NUMBER_REST.match(term)  # 余人次, 第一: what is left of a number
        and not _DIGIT.match(term)
        and not any(ch.isdigit() for ch in term)
    )


@lru_cache(maxsize=1 << 16)
def _run_terms(run: str) -> tuple[str, ...]:
    """The words of a run that may be index terms in any case (memoised per run)."""
    return tuple(w for w in run_words(run) if len(w) <= 8 and _term(w))


def _ok(term: str, exclude: set[str]) -> bool:
    return _term(term) and term not in _joined(exclude)


def _joined(exclude: set[str]) -> str:
    """One string holding every excluded name: `term in` it tests all of them at C speed."""
    return "\n".join(sorted(exclude))


@lru_cache(maxsize=1 << 15)
def _piece_terms(piece: str) -> tuple[str, ...]:
    """The possible index terms of a title or paragraph, in order (memoised per text)."""
    return tuple(chain.from_iterable(map(_run_terms, runs(piece))))


@lru_cache(maxsize=1 << 17)
def _idf(word: str) -> float:
    """A word's IDF (the median for unknown words), memoised per word."""
    return idf(word)


def _tfidf(pieces: list[str], exclude: set[str]) -> Iterator[str]:
    """TF-IDF over the segmentation of the Chinese runs of the texts (runs never cross from
    one text to the next, so counting per text is counting over their concatenation).

    Scores are computed by C-level maps; excluded names are skipped as the ranking is read
    (the order is total, so filtering before or after ranking gives the same sequence).
    """
    counts = Counter(chain.from_iterable(map(_piece_terms, pieces)))
    words = list(counts)
    scores = list(map(mul, counts.values(), map(_idf, words)))
    banned = _joined(exclude)
    return (w for w in _ranked(words, scores) if w not in banned)


def _ranked(words: list[str], scores: list[float], head: int = 32) -> Iterator[str]:
    """Words by falling score (ties by the word). The words scoring at least the head-th best
    score are sorted first; the rest only if the reader runs past them."""
    if len(scores) <= head:
        yield from (w for _, w in sorted(zip(map(neg, scores), words, strict=True)))
        return
    cut = sorted(scores, reverse=True)[head - 1]
    pairs = zip(words, scores, strict=True)
    yield from (w for _, w in sorted([(-s, w) for w, s in pairs if s >= cut]))
    pairs = zip(words, scores, strict=True)
    yield from (w for _, w in sorted([(-s, w) for w, s in pairs if s < cut]))


def keywords_of(case: Case, limit: int = 8) -> list[str]:
    pieces = [strip_markup(t) for t in (case.title or "", *(p.text for p in case.paragraphs()))]
    r = case.region
    exclude = {v for v in (r.province, r.city, r.county, r.township, r.village) if v}
    exclude |= {_PLACE_SUFFIX.sub("", v) for v in exclude}
    gz = gazetteer()  # 观山 of 观山湖区 is no index term; scans are memoised per paragraph
    exclude |= {m.text for t in pieces for m in gz.scan(t)}
    out = [t for t in _quoted_terms(case, pieces) if _ok(t, exclude)]
    for tag in _tfidf(pieces, exclude):
        if len(out) >= limit:
            break
        if tag not in out and not any(tag in o for o in out):
            out.append(tag)
    return out[:limit]


def enrich_keywords(comp: Compendium, options: EnrichOptions) -> None:
    for case in comp.cases:
        case.keywords = keywords_of(case, options.max_keywords)

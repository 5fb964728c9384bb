"""Word segmentation for the keyword index: cheap, deterministic, offline.

Words come from jieba's IDF table (shipped inside the jieba package; jieba itself is never
initialised, so its 9 MB prefix dictionary is not loaded) plus the theme vocabulary. Each run
of Chinese characters is cut along its cheapest path, a word costing its IDF: a rarer word
is a less likely reading, which is how jieba routes through its frequency dictionary. Runs
are memoised (the same phrases recur across the cases of a compendium) and numbers between
runs never reach the segmenter. The parsed IDF table is cached in the user's cache folder
(`$XDG_CACHE_HOME/exporter`, else `~/.cache/exporter`, else the temp dir), never in the
package or the input folders.
"""

from __future__ import annotations

import importlib.util
import marshal
import re
from array import array
from functools import cache, lru_cache
from pathlib import Path

from exporter.cache import cache_dir, write_atomic

_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
UNKNOWN_CHAR_COST = 15.0  # above every IDF in the table: a lone unknown character comes last
MAX_WORD = 8


def _idf_path() -> Path:
    spec = importlib.util.find_spec("jieba")  # located, not imported
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("jieba")
    return Path(spec.origin).parent / "analyse" / "idf.txt"


Buckets = dict[str, tuple[str, bytes]]


@cache
def _idf_buckets() -> tuple[Buckets, float]:
    """jieba's IDF table by first character (the words newline-joined, their IDFs as packed
    doubles) and its median: the cache file's content, read from it after the first run.

    A character's words become a dict only when a text has that character, and lookups go
    to the small dict of one character instead of the table of 270k words.
    """
    path = _idf_path()
    stat = path.stat()
    cached = cache_dir() / f"jieba-idf-{stat.st_size}-{int(stat.st_mtime)}.v3.marshal"
    try:
        buckets, median = marshal.loads(cached.read_bytes())
        return buckets, median
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table: dict[str, float] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            word, _, freq = line.rstrip("\n").partition(" ")
            if freq and word:
                table[word] = float(freq)
    values = sorted(table.values())
    median = values[len(values) // 2]
    grouped: dict[str, list[str]] = {}
    for word in table:
        grouped.setdefault(word[0], []).append(word)
    buckets = {
        ch: ("\n".join(ws), array("d", map(table.__getitem__, ws)).tobytes())
        for ch, ws in grouped.items()
    }
    write_atomic(cached, marshal.dumps((buckets, median)))
    return buckets, median


def idf_median() -> float:
    """The IDF of a word the table does not know."""
    return _idf_buckets()[1]


@cache
def idf_bucket(first: str) -> dict[str, float]:
    """IDFs of the words that start with the character `first` (built on first use)."""
    entry = _idf_buckets()[0].get(first)
    if entry is None:
        return {}
    words, packed = entry
    costs = array("d")
    costs.frombytes(packed)
    return dict(zip(words.split("\n"), costs, strict=True))


def idf(word: str) -> float:
    """A word's IDF; the median for a word the table does not know."""
    return idf_bucket(word[:1]).get(word, idf_median())


@cache
def _theme_terms() -> dict[str, list[str]]:
    """The theme vocabulary kept whole by the segmenter (3+ characters), by first character."""
    from exporter.enrich.theme import LEXICON

    out: dict[str, list[str]] = {}
    for terms in LEXICON.values():
        for term in terms:
            if len(term) >= 3:
                out.setdefault(term[0], []).append(term)
    return out


@cache
def lexicon_bucket(first: str) -> dict[str, float]:
    """Word → cost for the words starting with `first`: their IDFs, with the theme vocabulary
    at no more than the median cost."""
    costs = idf_bucket(first)
    terms = _theme_terms().get(first)
    if terms:
        median = idf_median()
        costs = dict(costs)
        for term in terms:
            costs[term] = min(costs.get(term, median), median)
    return costs


def idf_table() -> tuple[dict[str, float], float]:
    """The whole IDF table and its median (every character's words at once)."""
    table: dict[str, float] = {}
    for first in _idf_buckets()[0]:
        table.update(idf_bucket(first))
    return table, idf_median()


def lexicon() -> dict[str, float]:
    """The whole segmentation lexicon: the IDF table plus the theme vocabulary."""
    costs: dict[str, float] = {}
    for first in _idf_buckets()[0].keys() | _theme_terms().keys():
        costs.update(lexicon_bucket(first))
    return costs


@lru_cache(maxsize=1 << 16)
def _run_words(run: str) -> tuple[str, ...]:
    n = len(run)
    best = [0.0] * (n + 1)
    step = [1] * (n + 1)
    for i in range(n - 1, -1, -1):  # cheapest segmentation of run[i:], right to left
        costs = lexicon_bucket(run[i])  # every word tried here starts with run[i]
        choice = costs.get(run[i], UNKNOWN_CHAR_COST) + best[i + 1]
        size = 1
        for k in range(2, min(MAX_WORD, n - i) + 1):
            cost = costs.get(run[i : i + k])
            if cost is not None and cost + best[i + k] < choice:
                choice, size = cost + best[i + k], k
        best[i], step[i] = choice, size
    out = []
    i = 0
    while i < n:
        out.append(run[i : i + step[i]])
        i += step[i]
    return tuple(out)


def runs(text: str) -> list[str]:
    """The runs of two or more Chinese characters of a text."""
    return _RUN.findall(text)


def run_words(run: str) -> tuple[str, ...]:
    """The words of one run (memoised)."""
    return _run_words(run)


def words(text: str) -> list[str]:
    """The words of the Chinese runs of a text, in order."""
    out: list[str] = []
    for run in _RUN.findall(text):
        out.extend(_run_words(run))
    return out

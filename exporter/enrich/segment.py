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


@cache
def idf_table() -> tuple[dict[str, float], float]:
    """jieba's IDF table and its median, read from our cache after the first run.

    The cache holds the words as one newline-joined string and the IDFs as packed doubles:
    splitting and zipping them back is faster than unmarshalling 270k separate entries.
    """
    path = _idf_path()
    stat = path.stat()
    cached = cache_dir() / f"jieba-idf-{stat.st_size}-{int(stat.st_mtime)}.v2.marshal"
    try:
        words, packed, median = marshal.loads(cached.read_bytes())
        costs = array("d")
        costs.frombytes(packed)
        return dict(zip(words.split("\n"), costs, strict=True)), median
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            word, _, freq = line.rstrip("\n").partition(" ")
            if freq:
                table[word] = float(freq)
    values = sorted(table.values())
    median = values[len(values) // 2]
    packed = array("d", table.values()).tobytes()
    write_atomic(cached, marshal.dumps(("\n".join(table), packed, median)))
    return table, median


@cache
def lexicon() -> dict[str, float]:
    """Word → cost: the IDF table plus the theme vocabulary, kept whole at the median cost."""
    from exporter.enrich.theme import LEXICON

    table, median = idf_table()
    costs = dict(table)
    for terms in LEXICON.values():
        for term in terms:
            if len(term) >= 3:
                costs[term] = min(costs.get(term, median), median)
    return costs


@lru_cache(maxsize=1 << 16)
def _run_words(run: str) -> tuple[str, ...]:
    costs = lexicon()
    n = len(run)
    best = [0.0] * (n + 1)
    step = [1] * (n + 1)
    for i in range(n - 1, -1, -1):  # cheapest segmentation of run[i:], right to left
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

"""jieba word segmentation, loaded once per process, with caches that keep it cheap.

jieba keeps a marshalled copy of its prefix dictionary on disk; it goes to the user's cache
folder (`$XDG_CACHE_HOME/exporter`, else `~/.cache/exporter`, else the temp dir), never into
the package or the input folders. jieba's IDF table is cached there the same way. Text is
segmented run by run of Chinese characters and each run's words are memoised: the same
phrases recur across the cases of a compendium, and numbers between runs (which change from
case to case) never reach the segmenter.
"""

from __future__ import annotations

import marshal
import os
import re
import tempfile
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


@cache
def cache_dir() -> Path:
    """A writable folder for derived data (created on first use)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    for folder in (Path(base) / "exporter", Path(tempfile.gettempdir()) / "exporter-cache"):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if os.access(folder, os.W_OK):
                return folder
        except OSError:
            continue
    return Path(tempfile.gettempdir())


@cache
def jieba_ready() -> Any:
    """jieba with its dictionary loaded and the theme vocabulary kept whole (乡村振兴)."""
    import jieba

    from exporter.enrich.theme import LEXICON

    jieba.setLogLevel(60)
    jieba.dt.tmp_dir = str(cache_dir())
    jieba.initialize()
    for terms in LEXICON.values():
        for term in terms:
            if len(term) >= 3:
                jieba.add_word(term, freq=2000)
    return jieba


@cache
def idf_table() -> tuple[dict[str, float], float]:
    """jieba's IDF table and its median, read from our marshal cache after the first run."""
    import jieba

    path = Path(jieba.__file__).parent / "analyse" / "idf.txt"
    stat = path.stat()
    cached = cache_dir() / f"jieba-idf-{stat.st_size}-{int(stat.st_mtime)}.marshal"
    try:
        table, median = marshal.loads(cached.read_bytes())
        return table, median
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
    _write_atomic(cached, marshal.dumps((table, median)))
    return table, median


def _write_atomic(path: Path, data: bytes) -> None:
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        pass  # no cache this time; the table was built in memory anyway


@lru_cache(maxsize=1 << 16)
def _run_words(run: str) -> tuple[str, ...]:
    return tuple(jieba_ready().lcut(run, HMM=False))


def words(text: str) -> list[str]:
    """Dictionary words of the Chinese runs of a text (no HMM: fast and deterministic)."""
    out: list[str] = []
    for run in _RUN.findall(text):
        out.extend(_run_words(run))
    return out

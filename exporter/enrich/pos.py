"""Part-of-speech tags from jieba's own tagged lexicon, without initialising jieba.

`jieba.posseg` routes a sentence through jieba's dictionary (`dict.txt`: word, frequency,
POS tag) along the most probable path and reads each word's tag from the same file. That is
what this module does too, but lazily: the dictionary is split by first character into a
marshal cache in the user's cache folder, a character's words are decoded only when a text
has that character, and clauses are memoised. jieba's start-up (its 9 MB prefix dictionary
and the HMM tables, about a second) would cost more than the whole enrich stage of a
1,000-case compendium. Words jieba does not know keep a tag guessed from their last
characters (`…党工委` nt, `…街道` ns), which is what its HMM would mostly do for such names.

Tags are jieba's (ICTCLAS): v verb, vn verbal noun, n noun, ns place, nt organisation,
nr person, m numeral, q measure word, p preposition, c conjunction, d adverb, r pronoun,
x punctuation and other non-Han text.
"""

from __future__ import annotations

import importlib.util
import marshal
import math
import re
from array import array
from functools import cache, lru_cache
from pathlib import Path

from exporter.cache import cache_dir, stamp, write_atomic
from exporter.vocab import CJK

MAX_WORD = 8
_TOKEN = re.compile(rf"[{CJK}]+|\d+(?:[.,]\d+)*%?|[A-Za-z]+|\s+|.")
_HAN_START = re.compile(f"[{CJK}]")
_ORG_TAIL = re.compile(
    r"(?:党工委|党委|党总支|党支部|党组|委员会|组织部|公司|集团|局|医院|学校|大学|中心)$"
)
_PLACE_TAIL = re.compile(r"(?:省|市|州|盟|县|区|旗|镇|乡|村|街道|社区|嘎查)$")
# One-character suffixes that make a noun of the word before (快递员, 志愿者, 服务站).
_NOUN_SUFFIX = frozenset("员者站点队师长工户")
Tagged = tuple[tuple[str, str], ...]


def _dict_path() -> Path:
    spec = importlib.util.find_spec("jieba")  # located, not imported
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("jieba")
    return Path(spec.origin).parent / "dict.txt"


@cache
def _buckets() -> tuple[dict[str, tuple[str, bytes, str]], float]:
    """First character → (words, packed log-probabilities, tags), and the log-probability of
    an unknown character: the cache file's content after the first run."""
    path = _dict_path()
    cached = cache_dir() / f"jieba-pos-{stamp(path)}-{stamp(Path(__file__))}.marshal"
    try:
        buckets, floor = marshal.loads(cached.read_bytes())
        return buckets, floor
    except (OSError, ValueError, EOFError, TypeError):
        pass
    rows: dict[str, list[tuple[str, float, str]]] = {}
    total = 0.0
    with path.open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2 or not parts[1].isdigit() or int(parts[1]) <= 0:
                continue
            word, freq = parts[0], parts[1]
            tag = parts[2] if len(parts) > 2 else "x"
            if word:
                rows.setdefault(word[0], []).append((word, float(freq), tag))
                total += float(freq)
    log_total = math.log(total)
    buckets = {
        ch: (
            "\n".join(w for w, _, _ in ws),
            array("d", (math.log(f) - log_total for _, f, _ in ws)).tobytes(),
            "\n".join(t for _, _, t in ws),
        )
        for ch, ws in rows.items()
    }
    floor = math.log(1.0) - log_total
    write_atomic(cached, marshal.dumps((buckets, floor)))
    return buckets, floor


@cache
def _bucket(first: str) -> dict[str, tuple[float, str]]:
    entry = _buckets()[0].get(first)
    if entry is None:
        return {}
    words, packed, tags = entry
    logp = array("d")
    logp.frombytes(packed)
    return dict(zip(words.split("\n"), zip(logp, tags.split("\n"), strict=True), strict=True))


def _guess(word: str) -> str:
    """The tag of a word the lexicon does not have, from its ending."""
    if _ORG_TAIL.search(word):
        return "nt"
    if _PLACE_TAIL.search(word):
        return "ns"
    return "n" if len(word) > 1 else "x"


@lru_cache(maxsize=1 << 15)
def _run(run: str) -> Tagged:
    """The most probable path through a run of Han characters (jieba's route), tagged."""
    n, floor = len(run), _buckets()[1]
    best = [0.0] * (n + 1)
    step = [1] * (n + 1)
    for i in range(n - 1, -1, -1):
        words = _bucket(run[i])
        hit = words.get(run[i])
        best[i] = (hit[0] if hit else floor) + best[i + 1]
        for k in range(2, min(MAX_WORD, n - i) + 1):
            hit = words.get(run[i : i + k])
            if hit is not None and hit[0] + best[i + k] > best[i]:
                best[i], step[i] = hit[0] + best[i + k], k
    out: list[tuple[str, str]] = []
    i = 0
    while i < n:
        word = run[i : i + step[i]]
        hit = _bucket(word[0]).get(word)
        out.append((word, hit[1] if hit else _guess(word)))
        i += step[i]
    return _merge_unknown(out)


def _merge_unknown(words: list[tuple[str, str]]) -> Tagged:
    """Single characters jieba does not know glue to the next word (黄河东路 + 街道 …): a run of
    them is a name the lexicon lacks, as jieba's HMM would read it."""
    out: list[tuple[str, str]] = []
    for word, tag in words:
        if out and word in _NOUN_SUFFIX and out[-1][1] not in ("x", "m", "p", "c", "u", "uj"):
            out[-1] = (out[-1][0] + word, "n")  # 快递 + 员: a person or unit noun
            continue
        if out and out[-1][1] == "x" and len(out[-1][0]) == 1:
            prev = out.pop()[0]
            word = prev + word
            tag = _guess(word) if tag == "x" else tag
        out.append((word, tag))
    return tuple(out)


@lru_cache(maxsize=1 << 15)
def tag(text: str) -> Tagged:
    """(word, tag) pairs of a text; digits are m, other non-Han tokens x (memoised).

    >>> tag("组建小区党支部147个")
    (('组建', 'v'), ('小区', 'n'), ('党支部', 'j'), ('147', 'm'), ('个', 'q'))
    """
    out: list[tuple[str, str]] = []
    for tok in _TOKEN.findall(text):
        if tok[0].isdigit():
            out.append((tok, "m"))
        elif _HAN_START.match(tok):
            out.extend(_run(tok))
        else:
            out.append((tok, "x"))
    return tuple(out)


def is_verb(tag_: str) -> bool:
    return tag_ in ("v", "vn", "vd", "vi")


def is_noun(tag_: str) -> bool:
    return tag_[:1] == "n" or tag_ in ("j", "l", "vn", "nz", "i")

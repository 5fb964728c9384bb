"""Stable case ids: derived from the case's own text, not from its file name or position.

An editor's review sheet and scripted corrections name cases by id, so the id has to
survive renaming, reordering and re-reading the input files. It is a short hash of the
normalised opening of the body (letters and digits only, NFKC), written in an alphabet
without look-alikes (no 0/o, 1/l/i) and opening with a letter so that no spreadsheet
reads it as a number. Cases whose openings hash alike each get a suffix from a hash of
their whole text (`-k7m`), so the suffix does not depend on file names or order either;
only identical texts are then numbered (`-k7m-2`) in reading order — the book prints one of
them and an edit applies to all (editorial/apply.py). A new input whose opening collides
with an earlier case's changes that case's id: the build then reports the old id as
unknown, naming the new ones, and never applies an edit to the wrong case.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Sequence

from exporter.model import Case, Compendium

LETTERS = "abcdefghjkmnpqrstuvwxyz"
ALPHABET = "23456789" + LETTERS
ID_CHARS = 6  # 23 × 31⁵ ≈ 6.6 × 10⁸ ids: a collision in 10,000 cases is rare, and handled
OPENING_CHARS = 60  # about two sentences: survives later edits far into the text
_NONWORD = re.compile(r"[\W_]+")


# The characters that keep Chinese text from being NFKC-normal, each with its compatibility
# decomposition: a character replaced by its own decomposition normalises the same.
_FOLDS = tuple((c, unicodedata.normalize("NFKC", c)) for c in "，：；！？（）％\u3000…")


def nfkc(text: str) -> str:
    """unicodedata.normalize("NFKC", text), about 20 times faster on Chinese text: the
    common full-width marks are replaced first (`str.replace`, C speed), after which most
    texts pass the quick normal-form check and need no normalising at all.

    >>> nfkc("共３个党支部，覆盖率１００％…")
    '共3个党支部,覆盖率100%...'
    """
    for wide, narrow in _FOLDS:
        if wide in text:
            text = text.replace(wide, narrow)
    if unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


@functools.lru_cache(maxsize=4096)
def _bare(text: str) -> str:
    """Letters and digits only, width-folded. Cached: ids are given per file and again
    across files, and a collision hashes the whole text."""
    return _NONWORD.sub("", nfkc(text))


def _digest(text: str) -> int:
    return int.from_bytes(hashlib.sha1(text.encode("utf-8")).digest()[:8], "big")


def _opening(text: str) -> str:
    """The first OPENING_CHARS letters and digits, folding only as much of the text as it
    takes (folding a whole body per case cost more than the rest of reading it)."""
    k = 4 * OPENING_CHARS
    while True:
        bare = _bare(text[:k])
        if len(bare) >= OPENING_CHARS or k >= len(text):
            return bare[:OPENING_CHARS]
        k *= 4


def base_id(case: Case) -> str:
    """The id from the first OPENING_CHARS letters and digits of the body (the title when
    there is no body)."""
    opening = _opening(case.body_text()) or _bare(case.title or "")
    n = _digest(opening)
    n, first = divmod(n, len(LETTERS))
    return LETTERS[first] + _code(n, ID_CHARS - 1)


def _code(n: int, chars: int) -> str:
    out = []
    for _ in range(chars):
        n, k = divmod(n, len(ALPHABET))
        out.append(ALPHABET[k])
    return "".join(out)


SUFFIX_CHARS = 3  # 31³ ≈ 30,000: two texts of one opening seldom share one


def _suffix(case: Case) -> str:
    """From the whole text (the printed title and the body): the same case gets the same
    suffix. A generated title is left out: enrichment may write a better one, and ids must
    not depend on whether they are given before or after it (serial and parallel reads)."""
    title = "" if case.title_generated else (case.title or "")
    return _code(_digest(_bare(title + case.body_text())), SUFFIX_CHARS)


def assign_ids(cases: Sequence[Case]) -> None:
    """Give every case its id, suffixed where openings collide."""
    _assign(cases, [base_id(case) for case in cases])


def _assign(cases: Sequence[Case], bases: list[str]) -> None:
    """Ids from the cases' base ids: alone in its group a case keeps the base, else it is
    suffixed from its whole text and identical texts are numbered in reading order."""
    groups: dict[str, list[Case]] = {}
    for case, base in zip(cases, bases, strict=True):
        groups.setdefault(base, []).append(case)
    for base, group in groups.items():
        if len(group) == 1:
            group[0].id = base
            continue
        seen: dict[str, int] = {}
        for case in group:  # reading order numbers identical texts only
            sid = f"{base}-{_suffix(case)}"
            seen[sid] = seen.get(sid, 0) + 1
            case.id = sid if seen[sid] == 1 else f"{sid}-{seen[sid]}"


def unique_ids(comp: Compendium) -> None:
    """Make ids unique across files (each file's reader numbered only its own cases), and
    point the sources' case lists and roundup containers at the new ids."""
    old = [(c.source, c.id) for c in comp.cases]
    bases = [i.split("-", 1)[0] for _, i in old]  # each file's reader gave the base ids
    if len(set(bases)) == len(old):
        return  # the usual case: no two openings alike, nothing to rename
    _assign(comp.cases, bases)
    renamed = {key: c.id for key, c in zip(old, comp.cases, strict=True)}
    for src in comp.sources:
        src.cases = [renamed.get((src.path, i), i) for i in src.cases]
        for box in src.containers:
            box.cases = [renamed.get((src.path, i), i) for i in box.cases]

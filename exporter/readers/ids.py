"""Stable case ids: derived from the case's own text, not from its file name or position.

An editor's review sheet and scripted corrections name cases by id, so the id has to
survive renaming, reordering and re-reading the input files. It is a short hash of the
normalised opening of the body (letters and digits only, NFKC), written in an alphabet
without look-alikes (no 0/o, 1/l/i) and opening with a letter so that no spreadsheet
reads it as a number. Cases whose openings hash alike get `-2`, `-3` … in the order of a
hash of their whole text, so the suffix does not depend on file names or order either.
"""

from __future__ import annotations

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


def _bare(text: str) -> str:
    return _NONWORD.sub("", unicodedata.normalize("NFKC", text))


def _digest(text: str) -> int:
    return int.from_bytes(hashlib.sha1(text.encode("utf-8")).digest()[:8], "big")


def base_id(case: Case) -> str:
    """The id from the first OPENING_CHARS letters and digits of the body (the title when
    there is no body)."""
    opening = _bare(case.body_text())[:OPENING_CHARS] or _bare(case.title or "")
    n = _digest(opening)
    n, first = divmod(n, len(LETTERS))
    out = [LETTERS[first]]
    for _ in range(ID_CHARS - 1):
        n, k = divmod(n, len(ALPHABET))
        out.append(ALPHABET[k])
    return "".join(out)


def _whole_key(case: Case) -> tuple[int, str]:
    """Orders cases of one base id: by their whole text, then their title."""
    return _digest(_bare((case.title or "") + case.body_text())), case.title or ""


def assign_ids(cases: Sequence[Case]) -> None:
    """Give every case its id, suffixed where openings collide (cases of one file)."""
    groups: dict[str, list[Case]] = {}
    for case in cases:
        groups.setdefault(base_id(case), []).append(case)
    for base, group in groups.items():
        # A stable sort: identical texts keep their reading order.
        for n, case in enumerate(sorted(group, key=_whole_key), 1):
            case.id = base if n == 1 else f"{base}-{n}"


def unique_ids(comp: Compendium) -> None:
    """Make ids unique across files (each file's reader numbered only its own cases), and
    point the sources' case lists and roundup containers at the new ids."""
    old = [(c.source, c.id) for c in comp.cases]
    if len({i for _, i in old}) == len(old):
        return  # the usual case: nothing to rename
    assign_ids(comp.cases)
    renamed = {key: c.id for key, c in zip(old, comp.cases, strict=True)}
    for src in comp.sources:
        src.cases = [renamed.get((src.path, i), i) for i in src.cases]
        for box in src.containers:
            box.cases = [renamed.get((src.path, i), i) for i in box.cases]

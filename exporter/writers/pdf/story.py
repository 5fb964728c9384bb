"""The story as reportlab's layout loop consumes it, with O(1) work at the front.

`BaseDocTemplate.build` takes the next flowable with `del flowables[0]` and puts split parts
back with `flowables[0:0] = parts` or `insert(0, f)`. On a Python list each of those moves
the whole rest of the story, so a 10,000-case book (280,000 flowables) spent more time
shifting the list than laying out text. This queue keeps the items reversed in a list:
the front is the list's end. It takes the story as an iterator and pulls from it only when
the front runs out, so the flowables of the whole book never exist at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any


class FrontQueue:
    """The list operations the layout loop uses on its story, each O(1) at the front."""

    CHUNK = 256  # flowables pulled from the story at a time

    def __init__(self, items: Iterable[Any]) -> None:
        self._rev: list[Any] = []
        self._source: Iterator[Any] | None = iter(items)

    def _ensure(self, count: int) -> list[Any]:
        """The reversed items, with at least `count` of them pulled from the story if it
        has that many (more are appended at the back, which is the list's start)."""
        rev = self._rev
        while len(rev) < count and self._source is not None:
            chunk = list(islice(self._source, max(self.CHUNK, count - len(rev))))
            if not chunk:
                self._source = None
            chunk.reverse()
            rev[0:0] = chunk
        return rev

    def __len__(self) -> int:
        """Items pulled and not laid out yet; 0 only once the story is exhausted (the
        layout loop asks only whether any are left)."""
        return len(self._ensure(1))

    def __getitem__(self, key: int | slice) -> Any:
        if isinstance(key, slice):
            if key.start not in (None, 0) or key.step is not None or key.stop is None:
                raise NotImplementedError(f"story slice {key}")
            rev = self._ensure(key.stop)
            stop = min(key.stop, len(rev))
            return rev[len(rev) - stop :][::-1]
        if key < 0:
            raise NotImplementedError("the story's length is not known in advance")
        rev = self._ensure(key + 1)
        if key >= len(rev):
            raise IndexError("story index out of range")
        return rev[-1 - key]

    def __delitem__(self, key: int | slice) -> None:
        rev = self._rev
        if isinstance(key, slice):
            if key.start not in (None, 0) or key.step is not None or key.stop is None:
                raise NotImplementedError(f"story slice {key}")
            if key.stop > 0:
                del rev[max(len(rev) - key.stop, 0) :]
            return
        if key != 0:
            raise NotImplementedError("only the front of the story is removed")
        rev.pop()

    def __setitem__(self, key: slice, items: Iterable[Any]) -> None:
        if not (isinstance(key, slice) and key.start in (None, 0) and key.stop == 0):
            raise NotImplementedError(f"story assignment {key}")
        self._rev.extend(reversed(list(items)))

    def insert(self, index: int, item: Any) -> None:
        if index != 0:
            raise NotImplementedError("only the front of the story takes insertions")
        self._rev.append(item)

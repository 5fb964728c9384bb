"""The story as reportlab's layout loop consumes it, with O(1) work at the front.

`BaseDocTemplate.build` takes the next flowable with `del flowables[0]` and puts split parts
back with `flowables[0:0] = parts` or `insert(0, f)`. On a Python list each of those moves
the whole rest of the story, so a 10,000-case book (280,000 flowables) spent more time
shifting the list than laying out text. This queue keeps the items reversed in a list:
the front is the list's end.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


class FrontQueue:
    """The list operations the layout loop uses on its story, each O(1) at the front."""

    def __init__(self, items: Iterable[Any]) -> None:
        self._rev = list(items)
        self._rev.reverse()

    def __len__(self) -> int:
        return len(self._rev)

    def __getitem__(self, key: int | slice) -> Any:
        rev = self._rev
        if isinstance(key, slice):
            if key.start not in (None, 0) or key.step is not None:
                raise NotImplementedError(f"story slice {key}")
            stop = len(rev) if key.stop is None else min(key.stop, len(rev))
            return rev[len(rev) - stop :][::-1]
        if key < 0:
            key += len(rev)
        if not 0 <= key < len(rev):
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

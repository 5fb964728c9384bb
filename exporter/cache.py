"""A per-user cache folder for data derived from shipped files (parsed word lists, font
code-point sets). Never the package folder or the input folders; losing it only costs time."""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import cache
from pathlib import Path


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


def write_atomic(path: Path, data: bytes) -> None:
    """Best effort: a cache that cannot be written is simply not used next time."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        pass


def stamp(path: Path) -> str:
    """A file's identity for cache keys: name, size and a hash of its head and tail. Not the
    modification time, so copies of the same file (a reinstall, a test's temp folder) share
    one cache entry instead of adding a new one each time. For fonts the head holds the
    table directory with every table's checksum, so any edit changes the key."""
    size = path.stat().st_size
    with path.open("rb") as f:
        digest = hashlib.blake2b(f.read(_EDGE), digest_size=8)
        if size > _EDGE:
            f.seek(max(_EDGE, size - _EDGE))
            digest.update(f.read(_EDGE))
    return f"{path.stem}-{size}-{digest.hexdigest()}"


_EDGE = 1 << 16  # bytes hashed at each end of a file by stamp()

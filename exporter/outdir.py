"""The output folder: checked writable, locked for one build at a time, and every output
written to a temporary file beside it that only the main process renames into place.

The lock (`.exporter.lock`, an flock held for the whole build) keeps two builds into one
folder from leaving a mixed set of outputs or reporting each other's hashes; holding it,
a build may remove the temporary files a killed build left behind.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from exporter.errors import OutputError

LOCK = ".exporter.lock"
# mkstemp names of `temp_beside` (".compendium.pdf.k3j_a9x2.tmp") and of the probe.
_DEBRIS = re.compile(r"^\.(.+\.(pdf|docx|json|md)\.[\w]+\.tmp|probe-[\w]+)$")


def prepare(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-", delete=True)
        probe.close()
    except OSError as exc:
        raise OutputError(
            f"output folder cannot be written: {exc.strerror or exc}", str(folder)
        ) from None


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the folder's build lock; refuse at once (exit 3) if another build holds it."""
    fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EACCES):
                raise
            raise OutputError(
                "another build is writing into this folder; run again when it has finished",
                str(folder),
            ) from None
        _remove_debris(folder)
        yield
    finally:
        os.close(fd)  # releases the lock


def _remove_debris(folder: Path) -> None:
    """Temporary files of builds that were killed (we hold the lock: nobody writes them)."""
    for entry in os.scandir(folder):
        if _DEBRIS.match(entry.name) and entry.is_file(follow_symlinks=False):
            try:
                os.unlink(entry.path)
            except OSError:
                pass  # left for the next build; never a reason to fail this one


def temp_beside(final: Path) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
    os.close(fd)
    return Path(name)


def publish(tmp: Path, final: Path) -> None:
    """Rename a finished temporary file into place, with ordinary file permissions."""
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600
    os.replace(tmp, final)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

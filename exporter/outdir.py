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

from exporter.errors import OutputError, UsageError
from exporter.procs import on_hard_exit
from exporter.textsafe import printable

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
    try:
        fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    except OSError as exc:
        raise OutputError(f"cannot create {LOCK}: {exc.strerror or exc}", str(folder)) from None
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
        with on_hard_exit(lambda: _remove_debris(folder)):
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


MAX_NAME_BYTES = 200  # the stem; + ".docx" and the temporary name's extras stay < 255


def check_name(name: str) -> None:
    """An output file stem: one plain file name inside the output folder."""
    problem = None
    if not name or name in (".", "..") or "/" in name or "\\" in name:
        problem = "must be a file name, without a folder"
    elif any(ord(c) < 32 or ord(c) == 127 for c in name):
        problem = "must not contain control characters"
    elif len(name.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES:
        problem = f"longer than {MAX_NAME_BYTES} bytes"
    if problem:
        raise UsageError(f"--name {printable(name)!r}: {problem}")


def temp_beside(final: Path) -> Path:
    # The temporary name keeps at most 100 bytes of the stem, so it never overflows the
    # file system's 255-byte limit when the final name is close to it.
    stem = final.stem.encode("utf-8", "surrogateescape")[:100].decode("utf-8", "ignore")
    prefix = f".{stem}{final.suffix}."
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=final.parent)
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

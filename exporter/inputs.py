"""Which input files a command reads, and the verdict on each, shared by every command.

`build`, `check` and `inspect` name the same files, report the same errors and so exit
with the same code. Anything that cannot be read as a regular file is reported before a
read is tried: opening a named pipe (FIFO) would block forever, and a folder scan must not
skip a FIFO, a dangling or a looping symbolic link silently.
"""

from __future__ import annotations

import errno
import stat
from collections.abc import Sequence
from pathlib import Path

from exporter.model import Compendium

# Larger inputs are refused with a clear error rather than exhausting memory: a newspaper
# page is ~20 KB, a whole year of a paper's party-building pages a few MB.
MAX_INPUT_BYTES = 20 * 1024 * 1024

_KINDS = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


def not_regular(path: Path) -> str | None:
    """Why `path` is not a regular file or folder to read, or None (a missing path too:
    the reader reports it)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return "a dangling symbolic link" if path.is_symlink() else None
    except OSError as exc:
        return "a symbolic link loop" if exc.errno == errno.ELOOP else None
    if stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode):
        return None
    return _KINDS.get(stat.S_IFMT(st.st_mode), "not a regular file")


def _inside(path: Path, folder: Path | None) -> bool:
    if folder is None:
        return False
    real = path.resolve()
    return real == folder or folder in real.parents


def _skipped_in_folder(folder: Path, found: list[Path], exclude: Path | None) -> list[str]:
    """Errors for the text-named entries of `folder` the reader's scan passed over."""
    from exporter.readers import TEXT_SUFFIXES

    seen = set(found)
    errors = []
    for q in sorted(folder.rglob("*")):
        if q.suffix.lower() not in TEXT_SUFFIXES or q in seen:
            continue
        reason = not_regular(q)
        if reason and not _inside(q.parent, exclude):
            errors.append(f"{q}: skipped: {reason}, not a text file")
    return errors


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # reported by the reader
        return 0


def _one_path(path: Path, skip: Path | None) -> tuple[list[Path], list[str]]:
    from exporter.readers import expand_paths

    reason = not_regular(path)
    if reason:
        return [], [f"{path}: not read: {reason}, not a text file"]
    found = list(expand_paths([path], skip))
    if not path.is_dir():
        return found, []
    errors = _skipped_in_folder(path, found, skip)
    if not found and not errors:
        if _inside(path, skip):
            errors.append(f"{path}: is the output folder (-o), whose files are never read")
        else:
            errors.append(f"{path}: folder has no text, Markdown, Word, HTML or PDF files")
    return found, errors


def input_files(paths: Sequence[str | Path], exclude: Path | None) -> tuple[list[Path], list[str]]:
    """Files to read (folders expanded by the reader's rule, our own output folder skipped),
    and an error for each path that cannot be read: over-large, not a regular file, a
    folder without text files."""
    skip = exclude.resolve() if exclude else None
    files: list[Path] = []
    errors: list[str] = []
    for path in map(Path, paths):
        found, errs = _one_path(path, skip)
        errors += errs
        for f in found:
            size = _size(f)
            if size > MAX_INPUT_BYTES:
                mib = size / 1024 / 1024
                errors.append(f"{f}: file too large ({mib:.0f} MB; limit 20 MB), not read")
            else:
                files.append(f)
    return files, errors


def input_errors(comp: Compendium, path_errors: list[str]) -> list[str]:
    """Every input error, in the words every command prints: paths that yielded no file,
    files that could not be read, and files without any article text."""
    errors = path_errors + [f"{s.path}: {s.error}" for s in comp.sources if s.error]
    return errors + [
        f"{s.path}: no article text found (only headings or noise lines)"
        for s in comp.sources
        if not s.error and not s.cases
    ]

"""Whole-process measurement: wall time, CPU time and peak RSS of a command and its children."""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass
class ProcRun:
    cmd: list[str]
    wall: float  # seconds, monotonic clock around fork/exec ... wait
    cpu: float  # user + sys of the process and every child it waited for
    peak_mib: float  # ru_maxrss: the largest single process of the tree
    tree_mib: float  # the most the whole tree held at once: sampled sum of PSS (see TreeMemory)
    rc: int
    stdout: str
    stderr: str

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["stdout"] = d["stdout"][-2000:]
        d["stderr"] = d["stderr"][-2000:]
        return d


def run(cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> ProcRun:
    """Run `cmd` to completion; wait4 gives the rusage of exactly this child tree."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.monotonic()
        p = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            cwd=cwd,
            env={**os.environ, **(env or {})},
        )
        sampler = TreeMemory(p.pid)
        sampler.start()
        _pid, status, usage = os.wait4(p.pid, 0)
        wall = time.monotonic() - t0
        sampler.stop()
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return ProcRun(
            cmd=cmd,
            wall=wall,
            cpu=usage.ru_utime + usage.ru_stime,
            peak_mib=usage.ru_maxrss / 1024.0,
            tree_mib=sampler.peak_mib,
            rc=p.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
        )


class TreeMemory(threading.Thread):
    """Samples the memory of a process and all its descendants every 20 ms. Each process
    counts its proportional set size (PSS, /proc/PID/smaps_rollup): pages a forked writer
    still shares with its parent are split between them rather than counted twice, so the
    sum is what the tree takes from the machine. ru_maxrss only gives the largest single
    process, which understates a build whose writers run in parallel processes."""

    def __init__(self, root: int, interval: float = 0.02) -> None:
        super().__init__(daemon=True)
        self.root, self.interval = root, interval
        self.peak_mib = 0.0
        self.peak_parts: list[float] = []  # per process at the peak, largest first
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            parts = [_pss_kib(pid) / 1024.0 for pid in _tree(self.root)]
            if sum(parts) > self.peak_mib:
                self.peak_mib, self.peak_parts = sum(parts), sorted(parts, reverse=True)
            self._done.wait(self.interval)

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(root: int) -> list[int]:
    """`root` and its descendants, from /proc/*/stat parent links."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def _pss_kib(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:  # exited between the listing and the read
        return 0
    for line in text.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


def pdf_pages(path: Path) -> int | None:
    """Page count from pdfinfo (poppler), or None when it cannot tell."""
    try:
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=False)
    except OSError:
        return None
    for line in info.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return None

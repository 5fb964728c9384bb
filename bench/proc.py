"""Whole-process measurement: wall time, CPU time and peak RSS of a command and its children."""

from __future__ import annotations

import os
import subprocess
import tempfile
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
        _pid, status, usage = os.wait4(p.pid, 0)
        wall = time.monotonic() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return ProcRun(
            cmd=cmd,
            wall=wall,
            cpu=usage.ru_utime + usage.ru_stime,
            peak_mib=usage.ru_maxrss / 1024.0,
            rc=p.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
        )


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

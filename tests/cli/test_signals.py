"""Issue 17 items 13-15: a build killed, terminated or interrupted while its writers run
leaves no writer process, publishes nothing, and leaves no temporary file a later build
does not remove; two builds into one folder never mix. Every process here is started by
the test, signalled by its pid, and killed by pid at the end if still alive."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from exporter.cli import main
from exporter.outdir import LOCK, locked

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "input").glob("*.txt"))
DIGITS = "0123456789"
DEADLINE = 60.0


@pytest.fixture(scope="module")
def big_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 distinct files (digits permuted, so no case is a duplicate): a book of some
    hundred pages whose writers run long enough to be caught at work."""
    folder = tmp_path_factory.mktemp("big")
    for i in range(12):
        table = str.maketrans(DIGITS, DIGITS[i % 10 :] + DIGITS[: i % 10])
        for seed in SEEDS:
            text = seed.read_text(encoding="utf-8").translate(table)
            (folder / f"{i:02d}_{seed.name}").write_text(text + f"\n（{i}）\n", encoding="utf-8")
    return folder


def _children(pid: int) -> set[int]:
    out: set[int] = set()
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as f:
                out |= {int(c) for c in f.read().split()}
    except OSError:
        pass
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie is dead
    except OSError:
        return False


def _wait_until(check: object, timeout: float = DEADLINE) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.01)
    return False


@pytest.fixture()
def started() -> Iterator[list[int]]:
    """Pids this test started (the build and its writers), killed by pid afterwards."""
    pids: list[int] = []
    yield pids
    for pid in pids:
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)


def _start_build(
    big: Path, out: Path, started: list[int]
) -> tuple[subprocess.Popen[bytes], set[int]]:
    cmd = [sys.executable, "-m", "exporter", "build", str(big), "-o", str(out), "-j", "2"]
    # Output to a file, not a pipe: a surviving writer would hold a pipe open forever.
    with open(out.parent / "stderr.txt", "wb") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
    started.append(proc.pid)

    def writing() -> bool:
        temps = any(p.name.endswith(".tmp") for p in out.glob(".compendium.*"))
        return temps and len(_children(proc.pid)) >= 2  # the PDF and the DOCX writer

    assert _wait_until(writing), "the build never started its writers"
    workers = _children(proc.pid)
    started.extend(workers)
    return proc, workers


def _assert_nothing_left(out: Path, workers: set[int]) -> None:
    assert _wait_until(lambda: not any(_alive(w) for w in workers), 10), "orphan writers"
    time.sleep(1.5)  # a writer that survived would publish about now
    names = sorted(p.name for p in out.iterdir())
    assert not [n for n in names if n.startswith("compendium.")], names


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_build_leaves_no_writer_and_publishes_nothing(
    big_input: Path, tmp_path: Path, started: list[int], sig: signal.Signals
) -> None:
    out = tmp_path / "out"
    proc, workers = _start_build(big_input, out, started)
    os.kill(proc.pid, sig)
    code = proc.wait(DEADLINE)
    assert code == (-9 if sig == signal.SIGKILL else 143), (tmp_path / "stderr.txt").read_text()
    _assert_nothing_left(out, workers)
    if sig == signal.SIGTERM:
        assert not list(out.glob("*.tmp")) and not list(out.glob(".*.tmp"))
    # Whatever a killed build left, the next build removes.
    res = CliRunner().invoke(main, ["build", str(big_input), "-o", str(out), "--format", "json"])
    assert res.exit_code in (0, 1), res.output
    assert not list(out.glob(".*.tmp")), list(out.iterdir())


def test_ctrl_c_exits_130_and_leaves_no_temporary_file(
    big_input: Path, tmp_path: Path, started: list[int]
) -> None:
    out = tmp_path / "out"
    proc, workers = _start_build(big_input, out, started)
    os.kill(proc.pid, signal.SIGINT)
    assert proc.wait(DEADLINE) == 130
    _assert_nothing_left(out, workers)
    assert not list(out.glob(".*.tmp")), list(out.iterdir())


def test_a_second_build_into_a_locked_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with locked(out):  # as a build running in another process or thread holds it
        (out / ".compendium.json.abc123.tmp").write_text("being written", encoding="utf-8")
        res = CliRunner().invoke(main, ["build", str(SEEDS[0]), "-o", str(out), "--format", "json"])
        assert res.exit_code == 3 and "another build is writing" in res.output
        assert (out / ".compendium.json.abc123.tmp").exists()  # not the refused build's to remove
    res = CliRunner().invoke(main, ["build", str(SEEDS[0]), "-o", str(out), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert (out / LOCK).exists() and not (out / ".compendium.json.abc123.tmp").exists()


def test_a_killed_batch_leaves_no_job_or_writer_process(
    big_input: Path, tmp_path: Path, started: list[int]
) -> None:
    jobs = tmp_path / "jobs.toml"
    jobs.write_text(
        "".join(
            f'[[jobs]]\nname = "{n}"\ninputs = ["{big_input}"]\noutput = "out-{n}"\n\n'
            for n in ("a", "b")
        ),
        encoding="utf-8",
    )
    cmd = [sys.executable, "-m", "exporter", "batch", str(jobs), "--jobs", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started.append(proc.pid)
    outs = [tmp_path / "out-a", tmp_path / "out-b"]

    def descendants() -> set[int]:
        kids = _children(proc.pid)
        return kids | {g for k in kids for g in _children(k)}

    def writing() -> bool:
        temps = all(any(out.glob(".compendium.*.tmp")) for out in outs)
        return temps and len(descendants()) >= 4  # two job processes, their writers

    assert _wait_until(writing), "the jobs never started their writers"
    family = descendants()
    started.extend(family)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(DEADLINE)
    for out in outs:
        _assert_nothing_left(out, family)


_STUCK = """
import sys, time
from pathlib import Path
from exporter import procs
procs.GRACE_SECONDS = 1.0
clean = lambda: Path(sys.argv[1]).write_text("cleaned")
with procs.sigterm_as_exception(), procs.on_hard_exit(clean):
    Path(sys.argv[2]).write_text("ready")
    while True:  # a build stuck where the signal's exception is swallowed
        try:
            time.sleep(0.05)
        except BaseException:
            pass
"""


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_build_stuck_after_a_stop_signal_still_exits_and_cleans_up(
    tmp_path: Path, started: list[int], sig: signal.Signals, code: int
) -> None:
    marker, ready = tmp_path / "cleaned", tmp_path / "ready"
    proc = subprocess.Popen([sys.executable, "-c", _STUCK, str(marker), str(ready)])
    started.append(proc.pid)
    assert _wait_until(ready.exists), "the stuck process never started"
    os.kill(proc.pid, sig)
    assert proc.wait(DEADLINE) == code
    assert marker.read_text() == "cleaned"

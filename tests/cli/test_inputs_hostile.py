"""Issue 17, input side: non-regular files, empty and noise-only files, unreadable files,
the output folder as input, all-off-topic input, a folder shadowing a built-in layout
(items 6, 10, 11, 17, 20)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from exporter.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED = sorted((ROOT / "input").glob("*.txt"))[0]
FAST = ["--format", "json"]


def _run(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return res.exit_code, res.output


def _exporter(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """In a subprocess with a deadline: a read that blocks must fail the test, not hang it."""
    cmd = [sys.executable, "-m", "exporter", *args]
    return subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=60)


def test_a_fifo_on_the_command_line_is_an_error_at_once(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    shutil.copy(SEED, tmp_path / "good.txt")
    res = _exporter(tmp_path, "build", "pipe.txt", "good.txt", "-o", "out", *FAST)
    assert res.returncode == 1, res.stderr
    assert "error: pipe.txt: not read: a named pipe (FIFO)" in res.stderr
    assert (tmp_path / "out" / "compendium.json").is_file()


def test_a_folder_scan_reports_fifos_dangling_and_looping_links(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    shutil.copy(SEED, news / "good.txt")
    os.mkfifo(news / "pipe.txt")
    os.symlink("nowhere.txt", news / "dangling.txt")
    os.symlink("loop.md", news / "loop.md")
    res = _exporter(tmp_path, "build", "news", "-o", "out", *FAST)
    assert res.returncode == 1, res.stderr
    for name, reason in [
        ("pipe.txt", "a named pipe (FIFO)"),
        ("dangling.txt", "a dangling symbolic link"),
        ("loop.md", "a symbolic link loop"),
    ]:
        assert f"error: news/{name}: skipped: {reason}" in res.stderr
    assert (tmp_path / "out" / "compendium.json").is_file()


@pytest.fixture()
def bad_inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\n\t \n", encoding="utf-8")
    (folder / "noise.txt").write_text("（下转第3版）\n责任编辑：张三\n", encoding="utf-8")
    return folder


def test_check_inspect_and_build_give_the_same_verdict(tmp_path: Path, bad_inputs: Path) -> None:
    out = str(tmp_path / "out")
    codes = {}
    for cmd in (["build", "-o", out, *FAST], ["check"], ["inspect"], ["check", "--json"]):
        res = CliRunner().invoke(main, [*cmd, str(bad_inputs)], catch_exceptions=False)
        codes[cmd[0] + cmd[-1]] = res.exit_code
        for name in ("empty.txt", "blank.txt", "noise.txt"):
            assert f"{name}: no article text found" in res.output, (cmd, res.output)
    assert set(codes.values()) == {1}, codes
    report = CliRunner().invoke(main, ["check", "--json", str(bad_inputs)]).stdout
    assert len(json.loads(report)["errors"]) == 3


def test_an_unreadable_file_on_the_command_line_fails_alone(tmp_path: Path) -> None:
    """Unreadable even for root: a link to /proc/self/mem, whose read fails with EIO."""
    bad = tmp_path / "bad.txt"
    os.symlink("/proc/self/mem", bad)
    good = tmp_path / "good.txt"
    shutil.copy(SEED, good)
    code, out = _run("build", str(bad), str(good), "-o", str(tmp_path / "out"), *FAST)
    assert code == 1
    assert f"error: {bad}: cannot read: Input/output error" in out
    assert (tmp_path / "out" / "compendium.json").is_file()


def test_the_output_folder_as_input_says_so(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "a.txt")
    code, out = _run("build", str(tmp_path), "-o", str(tmp_path), *FAST)
    assert code == 1 and "is the output folder (-o)" in out
    assert "no text, Markdown, Word, HTML or PDF files" not in out


def test_all_off_topic_input_is_no_silent_empty_book(tmp_path: Path) -> None:
    text = "今日天气\n\n今天本市晴转多云，最高气温二十五度，最低气温十五度，东南风三到四级。\n"
    (tmp_path / "weather.txt").write_text(text * 3, encoding="utf-8")
    code, out = _run("build", str(tmp_path / "weather.txt"), "-o", str(tmp_path / "o"), *FAST)
    assert code == 1 and "off topic" in out
    assert not (tmp_path / "o" / "compendium.json").exists()
    code, out = _run(
        "build", str(tmp_path / "weather.txt"), "-o", str(tmp_path / "o"), *FAST,
        "--include-off-topic",
    )  # fmt: skip
    assert code == 0, out


@pytest.mark.parametrize("name", ["gongwen", "book"])
def test_a_folder_named_like_a_builtin_layout_does_not_shadow_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    shutil.copy(SEED, tmp_path / "a.txt")
    (tmp_path / name).mkdir()  # say an earlier `-o gongwen`
    (tmp_path / name / "compendium.json").write_text("{}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out = _run("build", "a.txt", "-o", "out", *FAST, "--layout", name, "--verbose")
    assert code == 0, out
    assert f"layout: {ROOT / 'layouts' / name}" in out
    data = json.loads((tmp_path / "out" / "compendium.json").read_text(encoding="utf-8"))
    assert data["book"]["layout"] == name

"""Issue 17 items 8 and 18: file names that are not UTF-8 or hold a newline, output names
that leave the folder or are too long, a title that would break the Markdown front matter."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from exporter.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED = sorted((ROOT / "input").glob("*.txt"))[0]
ALL = ["--format", "pdf,docx,json,md"]


def _run(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, list(args))
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    return res.exit_code, res.output


def test_a_file_name_that_is_not_utf8_builds_every_format(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    raw = os.fsencode(news) + b"/bad\xff\xfename.txt"
    shutil.copy(SEED, raw)
    out = tmp_path / "out"
    code, output = _run("build", str(news), "-o", str(out), *ALL, "--group-by", "source")
    assert code == 0, output
    assert sorted(p.name for p in out.glob("compendium.*")) == [
        "compendium.docx", "compendium.json", "compendium.md", "compendium.pdf",
    ]  # fmt: skip
    data = json.loads((out / "compendium.json").read_text(encoding="utf-8"))
    path = data["sources"][0]["path"]
    assert os.fsencode(path) == raw  # carried with surrogate escapes: it opens the file
    md = (out / "compendium.md").read_text(encoding="utf-8")
    assert "bad\ufffd\ufffdname" in md  # shown with replacement characters
    code, output = _run("check", str(news), "--json")
    assert code == 0 and json.loads(output)["files"] == 1


def test_a_newline_in_a_file_name_cannot_forge_an_error_line(tmp_path: Path) -> None:
    evil = tmp_path / "x.txt\nerror: forged.txt"
    evil.write_bytes(b"\x00\x01binary\x00")
    good = tmp_path / "good.txt"
    shutil.copy(SEED, good)
    code, output = _run(
        "build", str(evil), str(good), "-o", str(tmp_path / "out"), "--format", "json"
    )
    assert code == 1
    error_lines = [line for line in output.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 1 and "x.txt\\nerror: forged.txt" in error_lines[0], output


@pytest.mark.parametrize("name", ["../x", "a/b", "..", "", "x\ny", "名" * 80])
def test_bad_output_names_are_refused(tmp_path: Path, name: str) -> None:
    out = tmp_path / "out"
    code, output = _run("build", str(SEED), "-o", str(out), "--format", "json", "--name", name)
    assert code == 2 and "--name" in output
    assert not (tmp_path / "x.json").exists() and not list(tmp_path.glob("**/*.json"))


def test_a_name_near_the_file_system_limit_builds(tmp_path: Path) -> None:
    name = "名" * 66  # 198 bytes: + ".docx" fits, the temporary name must too
    out = tmp_path / "out"
    code, output = _run("build", str(SEED), "-o", str(out), "--format", "json,docx", "--name", name)
    assert code == 0, output
    assert (out / f"{name}.docx").is_file() and (out / f"{name}.json").is_file()


def test_a_title_with_quotes_and_newlines_keeps_the_front_matter_valid(tmp_path: Path) -> None:
    title = 'A "quoted"\ntitle: evil\n---\n#'
    out = tmp_path / "out"
    code, output = _run("build", str(SEED), "-o", str(out), "--format", "md", "--title", title)
    assert code == 0, output
    md = (out / "compendium.md").read_text(encoding="utf-8")
    head = md.split("\n---\n", 1)[0].removeprefix("---\n")
    lines = head.splitlines()
    assert [line.split(":", 1)[0] for line in lines] == ["title", "lang"], lines
    assert json.loads(lines[0].removeprefix("title: ")) == title  # YAML double-quoted

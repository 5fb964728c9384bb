"""`exporter build` through click's runner with real files: outputs, bad inputs, exit codes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from exporter.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "input" / "004_0251cab32248a4b7.txt"
FAST = ["--format", "json,md"]


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _build(runner: CliRunner, *args: str) -> tuple[int, str]:
    res = runner.invoke(main, ["build", *args], catch_exceptions=False)
    return res.exit_code, res.output


def test_build_writes_json_and_markdown(runner: CliRunner, tmp_path: Path) -> None:
    code, out = _build(runner, str(SEED), "-o", str(tmp_path), *FAST)
    assert code == 0, out
    data = json.loads((tmp_path / "compendium.json").read_text(encoding="utf-8"))
    assert data["schema"] == "exporter.compendium/1"
    assert data["book"]["case_ids"] and data["cases"]
    md = (tmp_path / "compendium.md").read_text(encoding="utf-8")
    assert md.startswith("---\ntitle:") and "\n## " in md
    assert "compendium.json" in out and "cases;" in out


def test_json_report_lists_inputs_outputs_hashes_and_timings(
    runner: CliRunner, tmp_path: Path
) -> None:
    code, out = _build(runner, str(SEED), "-o", str(tmp_path), *FAST, "--json")
    assert code == 0
    report = json.loads(out)
    assert report["schema"] == "exporter.build-report/1" and report["ok"] is True
    assert {"outputs", "files", "errors", "warnings", "timings", "cases", "exit_code"} <= set(
        report
    )
    fmt = {o["format"]: o for o in report["outputs"]}
    assert set(fmt) == {"json", "md"}
    assert len(fmt["json"]["sha256"]) == 64
    assert fmt["json"]["bytes"] == (tmp_path / "compendium.json").stat().st_size
    assert report["files"][0]["path"].endswith(SEED.name)
    assert {"read", "enrich", "assemble", "json", "md"} <= set(report["timings"])


def test_missing_path_is_named_and_the_good_input_still_builds(
    runner: CliRunner, tmp_path: Path
) -> None:
    out_dir = tmp_path / "out"
    code, out = _build(runner, str(SEED), str(tmp_path / "nope.txt"), "-o", str(out_dir), *FAST)
    assert code == 1
    assert "nope.txt" in out
    assert (out_dir / "compendium.json").exists()


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("empty.txt", b"", "empty.txt"),
        ("binary.txt", bytes(range(256)) * 8, "binary.txt"),
        ("noise.txt", "(下转3版)\n\n图①:会场一角\n\n责任编辑:王某\n".encode(), "noise.txt"),
    ],
)
def test_bad_file_gets_one_line_error_and_others_build(
    runner: CliRunner, tmp_path: Path, name: str, content: bytes, needle: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    out_dir = tmp_path / "out"
    code, out = _build(runner, str(SEED), str(bad), "-o", str(out_dir), *FAST)
    assert code == 1
    errors = [line for line in out.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and needle in errors[0]
    assert json.loads((out_dir / "compendium.json").read_text(encoding="utf-8"))["cases"]


def test_huge_file_is_refused_with_its_size(runner: CliRunner, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    code, out = _build(runner, str(SEED), str(big), "-o", str(tmp_path / "o"), *FAST)
    assert code == 1 and "big.txt" in out and "too large" in out


def test_huge_file_inside_a_folder_is_refused_too(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    with (folder / "big.txt").open("wb") as f:
        f.truncate(30 * 1024 * 1024)
    code, out = _build(runner, str(folder), "-o", str(tmp_path / "o"), *FAST)
    assert code == 1 and "big.txt" in out and "too large" in out
    assert (tmp_path / "o" / "compendium.json").exists()


def test_folder_without_text_files(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out = _build(runner, str(empty), "-o", str(tmp_path / "o"), *FAST)
    assert code == 1
    assert "empty" in out and "no text, Markdown, Word, HTML or PDF files" in out


def test_unreadable_file(runner: CliRunner, tmp_path: Path) -> None:
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "does-not-exist.txt")
    code, out = _build(runner, str(SEED), str(dangling), "-o", str(tmp_path / "o"), *FAST)
    assert code == 1 and "gone.txt" in out


def test_output_folder_not_writable_exits_3(runner: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    res = runner.invoke(main, ["build", str(SEED), "-o", str(blocker / "sub"), *FAST])
    assert res.exit_code == 3
    assert "output folder cannot be written" in res.output


def test_strict_turns_input_errors_into_failure(runner: CliRunner, tmp_path: Path) -> None:
    out_dir = tmp_path / "o"
    code, _ = _build(
        runner, str(SEED), str(tmp_path / "nope.txt"), "-o", str(out_dir), *FAST, "--strict"
    )
    assert code == 1
    assert not (out_dir / "compendium.json").exists()


def test_failing_writer_leaves_previous_output_untouched(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _ = _build(runner, str(SEED), "-o", str(tmp_path), *FAST)
    assert code == 0
    before = (tmp_path / "compendium.md").read_bytes()

    def explode(*_args: object, **_kw: object) -> None:
        raise RuntimeError("injected failure")

    monkeypatch.setattr("exporter.writers.md_writer.write_md", explode)
    code, out = _build(runner, str(SEED), "-o", str(tmp_path), *FAST)
    assert code == 1 and "injected failure" in out
    assert (tmp_path / "compendium.md").read_bytes() == before
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
    assert (tmp_path / "compendium.json").exists()


def test_unknown_format_and_layout_are_usage_errors(runner: CliRunner, tmp_path: Path) -> None:
    res = runner.invoke(main, ["build", str(SEED), "-o", str(tmp_path), "--format", "pdf,epub"])
    assert res.exit_code == 2 and "epub" in res.output
    res = runner.invoke(main, ["build", str(SEED), "-o", str(tmp_path), "--layout", "nope"])
    assert res.exit_code == 2 and "no layout named" in res.output


def test_never_reads_its_own_output_inside_an_input_folder(
    runner: CliRunner, tmp_path: Path
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / SEED.name)
    out_dir = src / "build"
    for _ in range(2):
        code, _out = _build(runner, str(src), "-o", str(out_dir), *FAST)
        assert code == 0
    data = json.loads((out_dir / "compendium.json").read_text(encoding="utf-8"))
    assert [s["path"] for s in data["sources"]] == [str(src / SEED.name)]


def test_config_file_and_environment_supply_defaults(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("exporter.toml").write_text('[build]\nformats = "json"\nname = "book1"\n', "utf-8")
    monkeypatch.setenv("EXPORTER_OUTPUT", str(tmp_path / "envout"))
    code, out = _build(runner, str(SEED))
    assert code == 0, out
    assert (tmp_path / "envout" / "book1.json").exists()


def test_help_shows_examples(runner: CliRunner) -> None:
    res = runner.invoke(main, ["build", "--help"])
    assert res.exit_code == 0 and "exporter build input/ -o out" in res.output

"""Issue 17, batch side: jobs files that would scan `/`, collide or crash, and faults in
one job that must fail that job only (items 1, 2, 3, 12, 20)."""

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


def _news(tmp_path: Path, name: str = "a") -> Path:
    folder = tmp_path / "news" / name
    folder.mkdir(parents=True)
    shutil.copy(SEED, folder / SEED.name)
    return folder


def _batch(jobs: Path, *args: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, ["batch", str(jobs), *args])
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    return res.exit_code, res.output


JOB = '[[jobs]]\nname = "j"\ninputs = ["news/a"]\noutput = "out"\nformats = ["json"]\n'


@pytest.mark.parametrize(
    ("replace", "key"),
    [
        ('inputs = ["news/a"]', "inputs"),  # the string "news/a" once scanned `/`
        ('output = "out"', "output"),
        ('formats = ["json"]', "formats"),
        ('name = "j"', "name"),
    ],
)
def test_wrong_typed_job_keys_exit_2_naming_the_key(tmp_path: Path, replace: str, key: str) -> None:
    _news(tmp_path)
    bad = {
        "inputs": 'inputs = "news/a"',
        "output": "output = 5",
        "formats": 'formats = "json"',
        "name": "name = 3",
    }[key]
    jobs = tmp_path / "jobs.toml"
    jobs.write_text(JOB.replace(replace, bad), encoding="utf-8")
    code, out = _batch(jobs)
    assert code == 2 and f"'{key}'" in out and "jobs.toml" in out
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "line", ['strict = "false"', 'group_by = "city"', "title = []", 'formats = ["json", "j"]']
)
def test_wrong_values_exit_2(tmp_path: Path, line: str) -> None:
    _news(tmp_path)
    jobs = tmp_path / "jobs.toml"
    jobs.write_text(JOB.replace('formats = ["json"]', line), encoding="utf-8")
    code, out = _batch(jobs)
    assert code == 2 and line.split(" ")[0] in out


def test_two_jobs_one_output_folder_exit_2_before_anything_runs(tmp_path: Path) -> None:
    _news(tmp_path)
    _news(tmp_path, "b")
    jobs = tmp_path / "jobs.toml"
    second = JOB.replace('"j"', '"k"').replace("news/a", "news/b").replace('"out"', '"./out/"')
    jobs.write_text(JOB + "\n" + second, encoding="utf-8")
    code, out = _batch(jobs)
    assert code == 2 and "both write to" in out
    assert not (tmp_path / "out").exists()


def test_output_inside_inputs_exit_2(tmp_path: Path) -> None:
    _news(tmp_path)
    jobs = tmp_path / "jobs.toml"
    jobs.write_text(JOB.replace('"out"', '"news/a/out"'), encoding="utf-8")
    code, out = _batch(jobs)
    assert code == 2 and "inside the input" in out


def _io_error_file(folder: Path) -> Path:
    """A .txt whose every read fails with EIO even for root (chmod 000 does not stop root):
    a symbolic link to this process's /proc/self/mem, unreadable at offset 0."""
    bad = folder / "bad.txt"
    os.symlink("/proc/self/mem", bad)
    with pytest.raises(OSError):
        bad.read_bytes()
    return bad


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_unreadable_file_fails_its_job_with_a_file_error(tmp_path: Path, workers: str) -> None:
    _io_error_file(_news(tmp_path))
    _news(tmp_path, "b")
    jobs = tmp_path / "jobs.toml"
    second = JOB.replace('"j"', '"k"').replace("news/a", "news/b").replace('"out"', '"out2"')
    jobs.write_text(JOB + "\n" + second, encoding="utf-8")
    res = CliRunner().invoke(main, ["batch", str(jobs), "--json", "--jobs", workers])
    assert res.exit_code == 1, res.output
    report = {j["name"]: j for j in json.loads(res.stdout)["jobs"]}
    assert report["k"]["status"] == "ok"
    errors = report["j"]["errors"]
    assert any("bad.txt: cannot read: Input/output error" in e for e in errors), errors
    assert (tmp_path / "out" / "compendium.json").is_file()  # the readable file was built


def _user_layout(tmp_path: Path) -> Path:
    base = tmp_path / "base"
    shutil.copytree(ROOT / "layouts" / "book", base)
    mine = tmp_path / "mine"
    (mine / "templates").mkdir(parents=True)
    (mine / "layout.toml").write_text('extends = "../base"\nname = "mine"\n', encoding="utf-8")
    return base


@pytest.mark.parametrize("change", ["parent_toml", "parent_template"])
def test_skip_sees_changes_in_the_extends_chain(tmp_path: Path, change: str) -> None:
    base = _user_layout(tmp_path)
    _news(tmp_path)
    jobs = tmp_path / "jobs.toml"
    jobs.write_text(JOB + 'layout = "mine"\n', encoding="utf-8")
    first = json.loads(_batch(jobs, "--json")[1])["jobs"][0]["status"]
    again = json.loads(_batch(jobs, "--json")[1])["jobs"][0]["status"]
    assert (first, again) == ("ok", "skipped")
    if change == "parent_toml":
        toml = base / "layout.toml"
        toml.write_text(toml.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    else:
        cover = base / "templates" / "cover.j2"
        cover.write_text(cover.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert json.loads(_batch(jobs, "--json")[1])["jobs"][0]["status"] == "ok"


def test_batch_layout_path_is_relative_to_the_jobs_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _user_layout(tmp_path)
    _news(tmp_path)
    jobs = tmp_path / "jobs.toml"
    jobs.write_text(JOB + 'layout = "mine"\n', encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "mine").mkdir(parents=True)  # a decoy without a layout.toml
    monkeypatch.chdir(elsewhere)
    code, out = _batch(jobs, "--json")
    assert code == 0, out
    book = json.loads((tmp_path / "out" / "compendium.json").read_text(encoding="utf-8"))
    assert book["book"]["layout"] == "mine"


def test_the_stamp_covers_the_fonts_a_layout_names() -> None:
    from exporter.layout.load import layout_files, load_layout
    from exporter.resources import fonts_dir

    own, fonts = layout_files("gongwen")
    assert own[0].name == "layout.toml" and any(p.suffix == ".j2" for p in own)
    named = {f for role in load_layout("gongwen").fonts.values() for f in role.files}
    assert named and {fonts_dir() / n for n in named} <= set(fonts)

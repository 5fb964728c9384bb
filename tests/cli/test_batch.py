"""`exporter batch`: parallel jobs, one broken job, skipping unchanged jobs, Dask executor."""

from __future__ import annotations

import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from exporter.batch import load_jobs, run_batch
from exporter.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "input").glob("*.txt"))


def _jobs_file(tmp_path: Path) -> Path:
    for i, seed in enumerate(SEEDS[:2]):
        (tmp_path / f"in{i}").mkdir()
        shutil.copy(seed, tmp_path / f"in{i}" / seed.name)
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "bad.txt").write_bytes(b"\x00\xff\xfe\x00" * 100)
    (tmp_path / "jobs.toml").write_text(
        '[defaults]\nformats = ["json", "md"]\n\n'
        '[[jobs]]\nname = "one"\ninputs = ["in0"]\noutput = "out/one"\ntitle = "第一册"\n\n'
        '[[jobs]]\nname = "two"\ninputs = ["in1"]\noutput = "out/two"\n\n'
        '[[jobs]]\nname = "bad"\ninputs = ["broken"]\noutput = "out/bad"\n',
        encoding="utf-8",
    )
    return tmp_path / "jobs.toml"


def test_batch_reports_two_ok_one_failed_then_skips_unchanged(tmp_path: Path) -> None:
    jobs = _jobs_file(tmp_path)
    runner = CliRunner()
    res = runner.invoke(main, ["batch", str(jobs), "--jobs", "2", "--json"])
    assert res.exit_code == 1
    report = {j["name"]: j for j in json.loads(res.output)["jobs"]}
    assert [report[n]["status"] for n in ("one", "two", "bad")] == ["ok", "ok", "failed"]
    assert "bad.txt" in " ".join(report["bad"]["errors"])
    book = json.loads((tmp_path / "out/one/compendium.json").read_text(encoding="utf-8"))
    assert book["book"]["title"] == "第一册"

    again = json.loads(runner.invoke(main, ["batch", str(jobs), "--json"]).output)["jobs"]
    assert [j["status"] for j in again] == ["skipped", "skipped", "failed"]

    (tmp_path / "in1" / SEEDS[1].name).write_text(
        "社区党支部开展主题党日活动\n\n某社区党支部组织党员开展主题党日活动，党员志愿者为群众办实事。\n",
        encoding="utf-8",
    )
    changed = json.loads(runner.invoke(main, ["batch", str(jobs), "--json"]).output)["jobs"]
    assert [j["status"] for j in changed] == ["skipped", "ok", "failed"]
    forced = json.loads(runner.invoke(main, ["batch", str(jobs), "--json", "--force"]).output)
    assert [j["status"] for j in forced["jobs"]] == ["ok", "ok", "failed"]


def test_batch_summary_table(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["batch", str(_jobs_file(tmp_path))])
    assert res.exit_code == 1
    assert "2 ok, 0 skipped, 1 failed" in res.output


def test_runner_accepts_any_executor(tmp_path: Path) -> None:
    specs = load_jobs(_jobs_file(tmp_path))
    with ThreadPoolExecutor(2) as pool:
        results = run_batch(specs, pool)
    assert [r.status for r in results] == ["ok", "ok", "failed"]


def test_jobs_file_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "jobs.toml"
    bad.write_text('[[jobs]]\nname = "x"\ninputs = ["a"]\noutput = "o"\nlayuot = "book"\n', "utf-8")
    res = CliRunner().invoke(main, ["batch", str(bad)])
    assert res.exit_code == 2 and "jobs.toml" in res.output and "layuot" in res.output


def test_batch_on_a_local_dask_cluster(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    jobs = _jobs_file(tmp_path)
    # A real scheduler and worker on loopback TCP, in this process (no external network).
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=2,
        processes=False,
        protocol="tcp://",
        host="127.0.0.1",
        scheduler_port=0,
        dashboard_address=None,
    ) as cluster:
        res = CliRunner().invoke(
            main, ["batch", str(jobs), "--scheduler", cluster.scheduler_address, "--json"]
        )
    statuses = [j["status"] for j in json.loads(res.output)["jobs"]]
    assert statuses == ["ok", "ok", "failed"] and res.exit_code == 1

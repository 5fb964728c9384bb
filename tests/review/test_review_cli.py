"""`exporter review` on the command line: report, exit codes, errors naming the file."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from exporter.cli import main
from exporter.editorial.columns import BY_KEY, SHEET_TITLE

REPO = Path(__file__).resolve().parents[2]
SEED = sorted((REPO / "input").glob("*.txt"))[1]


def test_review_json_report_and_missing_input(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    res = CliRunner().invoke(
        main, ["review", str(SEED), str(tmp_path / "nope.txt"), "-o", str(out), "--json"]
    )
    report = json.loads(res.stdout)
    assert res.exit_code == 1 and report["schema"] == "exporter.review-report/1"
    assert report["rows"] == report["cases"] > 0 and out.is_file()
    assert any("nope.txt" in e for e in report["errors"])


def test_unwritable_sheet_is_exit_3(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    res = CliRunner().invoke(main, ["review", str(SEED), "-o", str(blocker / "r.xlsx")])
    assert res.exit_code == 3 and f"{blocker / 'r.xlsx'}: cannot write" in res.output


def test_a_file_that_is_no_sheet_is_not_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    out.write_text("not a workbook", encoding="utf-8")
    res = CliRunner().invoke(main, ["review", str(SEED), "-o", str(out)])
    assert res.exit_code == 3 and "cannot update the review sheet" in res.output
    assert out.read_text(encoding="utf-8") == "not a workbook"


def test_read_only_change_and_stale_id_are_reported(tmp_path: Path) -> None:
    sheet = tmp_path / "r.xlsx"
    assert CliRunner().invoke(main, ["review", str(SEED), "-o", str(sheet)]).exit_code == 0
    wb = openpyxl.load_workbook(sheet)
    ws = wb[SHEET_TITLE]
    header = [c.value for c in ws[1]]
    ws.cell(2, header.index(BY_KEY["lines"].header) + 1).value = "1–2"
    real = ws.cell(3, 1).value
    ws.cell(3, 1).value = real.split("-")[0] + "-zzz"  # an id whose opening still exists
    ws.cell(3, header.index(BY_KEY["title"].header) + 1).value = "改过"
    wb.save(sheet)
    res = CliRunner().invoke(
        main,
        [
            "build",
            str(SEED),
            "-o",
            str(tmp_path / "o"),
            "--format",
            "json",
            "--json",
            "--edits",
            str(sheet),
        ],
    )
    warnings = json.loads(res.stdout)["warnings"]
    assert any("row 2, column 行号: read-only" in w for w in warnings)
    stale = [w for w in warnings if "-zzz" in w]
    assert len(stale) == 1 and "row 3" in stale[0] and "unknown case id" in stale[0]

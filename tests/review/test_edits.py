"""Corrections from TOML/JSON and from the sheet: every problem named, nothing skipped."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from exporter import inspect, review
from exporter.batch import load_jobs, run_batch
from exporter.cli import main
from exporter.editorial.columns import BY_KEY, SHEET_TITLE, VANISHED

REPO = Path(__file__).resolve().parents[2]
SEED = sorted((REPO / "input").glob("*.txt"))[3]


@pytest.fixture(scope="module")
def cases() -> list[Any]:
    return [c for c in inspect([SEED]).cases if c.on_topic]


def _build(args: list[str], cwd: Path | None = None) -> tuple[int, dict[str, Any], Any]:
    old = Path.cwd()
    os.chdir(cwd or old)
    try:
        res = CliRunner().invoke(main, ["build", str(SEED), "--format", "json", "--json", *args])
        report = json.loads(res.output)
        outputs = [Path(o["path"]) for o in report["outputs"]]
        book = json.loads(outputs[0].read_text(encoding="utf-8")) if outputs else {}
    finally:
        os.chdir(old)
    return res.exit_code, report, book


def test_toml_edits_apply_and_problems_name_file_edit_and_key(
    tmp_path: Path, cases: list[Any]
) -> None:
    a, b = cases[0].id, cases[1].id
    edits = tmp_path / "edits.toml"
    edits.write_text(
        f'[[edits]]\nid = "{a}"\n"标题" = "脚本改的标题"\nkey_figures = ["12个｜新建站点12个"]\n'
        f'[[edits]]\nid = "{b}"\ntheme = "党建工作"\norder = "第一"\n',
        encoding="utf-8",
    )
    code, report, book = _build(["-o", str(tmp_path / "o"), "--edits", str(edits)])
    assert code == 0
    first = next(c for c in book["cases"] if c["id"] == a)
    assert first["title"] == "脚本改的标题"
    assert first["key_figures"] == [{"value": "12", "unit": "个", "text": "新建站点12个"}]
    assert {(e["id"], e["field"]) for e in report["edits"]} == {(a, "title"), (a, "key_figures")}
    problems = [w for w in report["warnings"] if str(edits) in w]
    assert any("edit 2, key theme: unknown theme '党建工作'" in w for w in problems)
    assert any("edit 2, key order: order '第一' is not a number" in w for w in problems)
    code, _report, _book = _build(["-o", str(tmp_path / "s"), "--edits", str(edits), "--strict"])
    assert code == 1


def test_malformed_cells_are_warnings_with_sheet_row_and_column(
    tmp_path: Path, cases: list[Any]
) -> None:
    sheet = tmp_path / "r.xlsx"
    review([SEED], sheet)
    wb = openpyxl.load_workbook(sheet)
    ws = wb[SHEET_TITLE]
    header = [c.value for c in ws[1]]
    ws.cell(2, header.index(BY_KEY["include"].header) + 1).value = "也许"
    ws.cell(3, header.index(BY_KEY["key_figures"].header) + 1).value = "很多个站点"
    wb.save(sheet)
    code, report, _book = _build(["-o", str(tmp_path / "o"), "--edits", str(sheet)])
    assert code == 0 and report["edits"] == []
    where = f"{sheet} [{SHEET_TITLE}]"
    assert any(
        f"{where} row 2, column 收录: '也许' is not 是 or 否" in w for w in report["warnings"]
    )
    assert any(f"{where} row 3, column 关键数据: key figure" in w for w in report["warnings"])


def test_missing_edits_file_is_a_usage_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(
        main, ["build", str(SEED), "-o", str(tmp_path), "--edits", "nope.xlsx"]
    )
    assert res.exit_code == 2 and "nope.xlsx: edits file not found" in res.output


def test_edits_from_exporter_toml_and_from_a_batch_job(tmp_path: Path, cases: list[Any]) -> None:
    edits = tmp_path / "edits.json"
    edits.write_text(
        json.dumps({"edits": [{"id": cases[0].id, "summary": "配置文件给的摘要。"}]}),
        encoding="utf-8",
    )
    (tmp_path / "exporter.toml").write_text(f'[build]\nedits = "{edits.name}"\n', encoding="utf-8")
    _code, report, book = _build(["-o", "o"], cwd=tmp_path)
    assert report["edits"][0]["field"] == "summary"
    assert book["cases"][0]["summary"] == "配置文件给的摘要。"
    jobs = tmp_path / "jobs.toml"
    jobs.write_text(
        f'[[jobs]]\nname = "j"\ninputs = ["{SEED}"]\noutput = "jo"\nformats = ["json"]\n'
        f'edits = "{edits.name}"\n',
        encoding="utf-8",
    )
    [result] = run_batch(load_jobs(jobs))
    assert result.status == "ok"
    data = json.loads((tmp_path / "jo" / "compendium.json").read_text(encoding="utf-8"))
    assert data["cases"][0]["summary"] == "配置文件给的摘要。"
    edits.write_text(json.dumps([{"id": cases[0].id, "summary": "改了。"}]), encoding="utf-8")
    [again] = run_batch(load_jobs(jobs))
    assert again.status == "ok"  # a changed edits file is not "unchanged": rebuilt


def test_review_updates_an_existing_sheet(tmp_path: Path) -> None:
    files = sorted((REPO / "input").glob("*.txt"))
    sheet = tmp_path / "r.xlsx"
    first = review(files[:2], sheet)
    wb = openpyxl.load_workbook(sheet)
    ws = wb[SHEET_TITLE]
    header = [c.value for c in ws[1]]
    title_col = header.index(BY_KEY["title"].header) + 1
    source_col = header.index(BY_KEY["source"].header) + 1
    row = next(r for r in range(2, ws.max_row + 1) if files[1].name in ws.cell(r, source_col).value)
    ws.cell(row, title_col).value = "编辑保留的标题"
    edited_id = ws.cell(row, 1).value
    wb.save(sheet)
    again = review([files[1], files[2]], sheet)  # files[0] gone, files[2] new
    assert again.updated and again.kept_edits == 1
    assert again.added > 0 and again.vanished > 0
    assert again.rows == first.rows + again.added
    ws = openpyxl.load_workbook(sheet)[SHEET_TITLE]
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    status = header.index(BY_KEY["status"].header)
    assert rows[edited_id][title_col - 1] == "编辑保留的标题"
    assert sum(r[status] == VANISHED for r in rows.values()) == again.vanished


def test_chapter_order_and_bringing_in_an_off_topic_case(tmp_path: Path) -> None:
    comp = inspect([REPO / "input"])
    off = next(c for c in comp.cases if not c.on_topic and c.paragraphs())
    on = [c for c in comp.cases if c.on_topic]
    edits = tmp_path / "edits.json"
    records = [
        {"id": off.id, "收录": "是"},
        {"id": on[0].id, "chapter": "编辑部推荐", "order": 0},
        {"id": on[1].id, "chapter": "编辑部推荐", "order": -1},
    ]
    edits.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    res = CliRunner().invoke(
        main,
        [
            "build",
            str(REPO / "input"),
            "-o",
            str(tmp_path),
            "--format",
            "json",
            "--edits",
            str(edits),
        ],
    )
    assert res.exit_code == 0, res.output
    data = json.loads((tmp_path / "compendium.json").read_text(encoding="utf-8"))
    ids = data["book"]["case_ids"]
    assert off.id in ids and data["book"]["chapters"][-1].endswith("编辑部推荐")
    assert ids[-2:] == [on[1].id, on[0].id]  # the new chapter comes last, in the editors' order


def test_untouched_rows_of_vanished_cases_are_quiet_duplicated_ids_are_not(tmp_path: Path) -> None:
    files = sorted((REPO / "input").glob("*.txt"))
    sheet = tmp_path / "r.xlsx"
    review(files[:2], sheet)
    wb = openpyxl.load_workbook(sheet)
    ws = wb[SHEET_TITLE]
    ws.cell(ws.max_row + 1, 1).value = ws.cell(2, 1).value  # the first id once more
    wb.save(sheet)
    code, report, _book = _build(["-o", str(tmp_path / "o"), "--edits", str(sheet)])
    problems = [w for w in report["warnings"] if str(sheet) in w]
    assert code == 0 and len(problems) == 1 and "again (also" in problems[0]
    assert report["edits"] == []

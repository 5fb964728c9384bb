"""The sheet itself: header, drop-downs, frozen panes, proofreading fixes, LibreOffice."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from exporter import build, review
from exporter.editorial.columns import BY_KEY, COLUMNS, SHEET_TITLE
from exporter.model import THEMES

REPO = Path(__file__).resolve().parents[2]
INPUT = REPO / "input"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# Calc is a package of its own (libreoffice-calc): without it soffice cannot load a workbook.
HAS_CALC = SOFFICE is not None and (Path(SOFFICE).resolve().parent / "libsclo.so").exists()
HEADERS = ["编号", "收录", "标题", "摘要", "主题", "省", "市", "县", "实施主体", "主要做法"]
HEADERS += ["关键数据", "经验启示", "章节", "顺序"]


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sheet") / "review.xlsx"
    review([INPUT], path)
    return path


def test_header_validation_and_frozen_pane(sheet: Path) -> None:
    wb = openpyxl.load_workbook(sheet)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    assert ws.title == SHEET_TITLE and header[: len(HEADERS)] == HEADERS
    assert ws.freeze_panes == "B2" and wb["原值"].sheet_state == "hidden"
    lists = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    theme_letter = openpyxl.utils.get_column_letter(header.index("主题") + 1)
    assert lists[f"{theme_letter}2"] == '"' + ",".join(THEMES) + '"'
    assert all(ws.cell(2, i + 1).alignment.wrap_text for i in range(len(COLUMNS)))


def test_off_topic_cases_are_listed_as_not_included(sheet: Path) -> None:
    from exporter import inspect

    comp = inspect([INPUT])
    ws = openpyxl.load_workbook(sheet).worksheets[0]
    include = {r[0]: r[1] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert set(include) == {c.id for c in comp.cases}
    off = [c.id for c in comp.cases if not c.on_topic]
    assert off and all(include[i] == "否" for i in off)


def _with_proof(sheet: Path, tmp: Path) -> tuple[Path, dict[str, str]]:
    """Accept the 校对 fixes of every row that has one except the first."""
    wb = openpyxl.load_workbook(sheet)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    proof, ok = header.index("校对") + 1, header.index(BY_KEY["proof_ok"].header) + 1
    rows = [r for r in range(2, ws.max_row + 1) if ws.cell(r, proof).value]
    for r in rows[1:]:
        ws.cell(r, ok).value = "是"
    out = tmp / "proof.xlsx"
    wb.save(out)
    fixes = {ws.cell(r, 1).value: ws.cell(r, proof).value for r in rows}
    return out, fixes


def test_only_accepted_proofreading_fixes_are_applied(sheet: Path, tmp_path: Path) -> None:
    edited, fixes = _with_proof(sheet, tmp_path)
    assert any("獎" in f and "奖" in f for f in fixes.values())
    res = build([INPUT], output=tmp_path / "o", formats=("json",), edits=edited)
    data = json.loads((tmp_path / "o" / "compendium.json").read_text(encoding="utf-8"))
    cases: dict[str, Any] = {c["id"]: c for c in data["cases"] + data["excluded_cases"]}
    first, *accepted = list(fixes)
    for case_id in accepted:
        body = "".join(p for s in cases[case_id]["sections"] for p in s["paragraphs"])
        for line in fixes[case_id].split("\n"):
            old, new = line.split("→")
            assert old not in body and new in body
    old = fixes[first].split("\n")[0].split("→")[0]
    assert old in "".join(p for s in cases[first]["sections"] for p in s["paragraphs"])
    assert {e["id"] for e in res.edits} == set(accepted)


@pytest.mark.skipif(not HAS_CALC, reason="LibreOffice Calc (soffice) not installed")
def test_libreoffice_reads_the_same_rows(sheet: Path, tmp_path: Path) -> None:
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation={profile}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path), str(sheet)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    with (tmp_path / "review.csv").open(encoding="utf-8", newline="") as f:
        got = list(csv.reader(f))
    ws = openpyxl.load_workbook(sheet).worksheets[0]
    want = [["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)]
    assert len(got) == len(want)
    assert [r[:3] for r in got] == [r[:3] for r in want]  # ids, 收录, titles
    assert [r[HEADERS.index("摘要")] for r in got] == [r[HEADERS.index("摘要")] for r in want]

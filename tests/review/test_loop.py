"""The editors' review loop end to end: sheet -> edits in openpyxl -> build -> every output."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from exporter import build, review
from exporter.editorial.columns import BY_KEY, SHEET_TITLE

REPO = Path(__file__).resolve().parents[2]
INPUT = REPO / "input"
NEW_TITLE = "编辑审定的新标题"
NEW_SUMMARY = "这是编辑改写后的摘要，替换了工具生成的内容。"
UNKNOWN = "zz9999"


def _col(ws: Any, key: str) -> int:
    header = [c.value for c in ws[1]]
    return header.index(BY_KEY[key].header) + 1


def _edit_sheet(path: Path) -> dict[str, Any]:
    """Change a title and a summary, exclude a case, change a theme, add an unknown row."""
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET_TITLE]
    ids = [ws.cell(r, 1).value for r in range(2, ws.max_row + 1)]
    theme_col, title_col = _col(ws, "theme"), _col(ws, "title")
    ws.cell(2, title_col).value = NEW_TITLE
    ws.cell(3, _col(ws, "summary")).value = NEW_SUMMARY
    ws.cell(4, _col(ws, "include")).value = "否"
    excluded_title = ws.cell(4, title_col).value
    old_theme = ws.cell(5, theme_col).value
    new_theme = "乡村振兴" if old_theme != "乡村振兴" else "新兴领域"
    ws.cell(5, theme_col).value = new_theme
    last = ws.max_row + 1
    ws.cell(last, 1).value = UNKNOWN
    ws.cell(last, title_col).value = "不存在的案例"
    wb.save(path)
    return {
        "titled": ids[0],
        "summarised": ids[1],
        "excluded": ids[2],
        "excluded_title": excluded_title,
        "themed": ids[3],
        "theme": new_theme,
    }


def _bare(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pdf_text(pdf: Path) -> str:
    run = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True)
    return _bare(run.stdout)


def _docx_text(docx: Path) -> str:
    with zipfile.ZipFile(docx) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return _bare(re.sub(r"<[^>]+>", "", xml))


@pytest.fixture(scope="module")
def loop(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("loop")
    sheet = root / "review.xlsx"
    result = review([INPUT], sheet)
    assert result.rows == result.cases > 20
    edited = _edit_sheet(sheet)
    res = build([INPUT], output=root / "out", formats=("pdf", "docx", "json", "md"), edits=sheet)
    return {"root": root, "sheet": sheet, "result": res, **edited}


def test_the_json_carries_every_edit(loop: dict[str, Any]) -> None:
    data = json.loads((loop["root"] / "out" / "compendium.json").read_text(encoding="utf-8"))
    cases = {c["id"]: c for c in data["cases"]}
    assert cases[loop["titled"]]["title"] == NEW_TITLE
    assert cases[loop["summarised"]]["summary"] == NEW_SUMMARY
    assert cases[loop["themed"]]["theme"] == loop["theme"]
    assert cases[loop["themed"]]["edited"] == ["theme"]
    assert loop["excluded"] not in cases and loop["excluded"] not in data["book"]["case_ids"]
    reasons = {c["id"]: c["reason"] for c in data["excluded_cases"]}
    assert reasons[loop["excluded"]] == "excluded_by_editor"


def test_pdf_docx_and_md_carry_the_edits(loop: dict[str, Any]) -> None:
    out = loop["root"] / "out"
    md = _bare((out / "compendium.md").read_text(encoding="utf-8"))
    for text in (_pdf_text(out / "compendium.pdf"), _docx_text(out / "compendium.docx"), md):
        assert NEW_TITLE in text and NEW_SUMMARY in text
        assert _bare(loop["excluded_title"]) not in text


def test_unknown_id_is_reported_by_name_and_edits_listed(loop: dict[str, Any]) -> None:
    res = loop["result"]
    unknown = [w for w in res.warnings if UNKNOWN in w]
    assert len(unknown) == 1 and "review.xlsx [案例审核] row" in unknown[0]
    applied = {(e["id"], e["field"]) for e in res.edits}
    assert applied == {
        (loop["titled"], "title"),
        (loop["summarised"], "summary"),
        (loop["excluded"], "include"),
        (loop["themed"], "theme"),
    }
    assert res.exit_code == 0


def _book(out: Path) -> dict[str, Any]:
    data = json.loads((out / "compendium.json").read_text(encoding="utf-8"))
    drop = {"source", "span", "sections"}
    cases = [{k: v for k, v in c.items() if k not in drop} for c in data["cases"]]
    return {"book": data["book"], "cases": cases}


def test_same_sheet_on_renamed_reordered_inputs_gives_the_same_book(
    loop: dict[str, Any], tmp_path: Path
) -> None:
    files = sorted(INPUT.iterdir())
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    for n, f in enumerate(reversed(files)):  # reversed names: another reading order
        shutil.copy(f, renamed / f"{n:02d}_{f.stem[::-1]}{f.suffix}")
    again = build([renamed], output=tmp_path / "out", formats=("json", "md"), edits=loop["sheet"])
    assert again.exit_code == 0
    assert _book(tmp_path / "out") == _book(loop["root"] / "out")
    # The printed book too: the same text but for the source files' names.
    assert _unnamed(tmp_path / "out") == _unnamed(loop["root"] / "out")


def _unnamed(out: Path) -> str:
    text = (out / "compendium.md").read_text(encoding="utf-8")
    return re.sub(r"[\w\\-]+\.(txt|md)\b", "FILE", text)


def test_strict_turns_edit_problems_into_errors(loop: dict[str, Any], tmp_path: Path) -> None:
    res = build(
        [INPUT], output=tmp_path / "out", formats=("json",), edits=loop["sheet"], strict=True
    )
    assert res.exit_code == 1 and any(UNKNOWN in e for e in res.errors)


def test_the_rethemed_case_moves_to_its_theme_chapter(loop: dict[str, Any]) -> None:
    md = (loop["root"] / "out" / "compendium.md").read_text(encoding="utf-8")
    chapter = None
    for line in md.splitlines():
        if line.startswith("# 第"):
            chapter = line
        if line.startswith("## ") and f"{{#case-{loop['themed']}}}" in line:
            break
    else:
        pytest.fail("the re-themed case is not in the book")
    assert chapter is not None and f"　{loop['theme']} " in chapter

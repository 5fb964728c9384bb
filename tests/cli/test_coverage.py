"""Characters no font can draw are reported with file, case and code point; never silent."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from exporter.cli import main
from exporter.coverage import missing_glyphs
from exporter.layout.load import load_layout
from exporter.pipeline import read_inputs

TEXT = (
    "社区党委推行“红色管家”工作法\n\n本报记者 王明\n\n"
    "今年以来，某街道党工委推动小区党支部、物业和业委会同向发力，𠮷祥社区居民点赞。"
    "党员志愿者还用\U0010fffd符号做了标记，协调解决问题186件。\n"
)


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "rare.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_uncovered_character_is_traced_to_its_case(tmp_path: Path) -> None:
    comp, _ = read_inputs([_write(tmp_path)])
    missing = missing_glyphs(comp, load_layout("book"))
    chars = {m.char for m in missing}
    assert "\U0010fffd" in chars  # a private-use character no font has
    assert "𠮷" not in chars  # Extension B: drawn from the fallback chain
    hit = next(m for m in missing if m.char == "\U0010fffd")
    assert hit.codepoint == "U+10FFFD" and hit.file.endswith("rare.txt")
    assert hit.case == comp.cases[0].id


def test_build_log_and_json_report_missing_glyphs(tmp_path: Path) -> None:
    src = _write(tmp_path)
    res = CliRunner().invoke(
        main, ["build", str(src), "-o", str(tmp_path / "o"), "--format", "pdf,json", "-v"]
    )
    assert res.exit_code == 0, res.output
    assert "glyph_missing" in res.output and "U+10FFFD" in res.output
    data = json.loads((tmp_path / "o" / "compendium.json").read_text(encoding="utf-8"))
    codes = [w["code"] for s in data["sources"] for w in s["warnings"]]
    assert "glyph_missing" in codes


def test_fonts_command_lists_roles_and_uncovered(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["fonts", str(_write(tmp_path))])
    assert res.exit_code == 1
    assert "NotoSerifSC-Regular.ttf" in res.output and "U+10FFFD" in res.output

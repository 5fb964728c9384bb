"""`exporter inspect --explain`: per line its role and rule, per article the opening cue."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from exporter.cli import main

from .conftest import FIXTURES


def test_explain_names_each_lines_rule_and_why_articles_open() -> None:
    res = CliRunner().invoke(main, ["inspect", "--explain", str(FIXTURES / "epaper_page.txt")])
    assert res.exit_code == 0, res.output
    out = res.output.splitlines()
    assert any("page_label" in line and "第03版" in line for line in out)
    assert any("photo_caption" in line and "社区议事会现场" in line for line in out)
    opened = [line for line in out if "▸ article" in line]
    assert len(opened) == 2
    assert "first_text" in opened[0] and "own_byline" in opened[1]
    # The inner headings of the first article are kept in it, and say why.
    assert sum("kind cues" in line for line in out) == 2
    assert any("commentary" in line and "title_column" in line for line in out)


def test_explain_shows_the_weighted_evidence_when_no_cue_decides(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "社区开起议事会\n\n某某社区党委组织居民议事，解决停车难题。\n\n"
        "下一步，社区将继续推进。\n\n\n\n“微心愿”点亮乡村\n\n"
        "近日，某某村党支部发动党员认领群众心愿80个。\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(main, ["inspect", "--explain", str(page)])
    assert res.exit_code == 0, res.output
    evidence = [line for line in res.output.splitlines() if "evidence" in line]
    assert evidence and "lede 1" in evidence[0] and "needs 2" in evidence[0]


def test_explain_reports_an_unreadable_file_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 50)
    res = CliRunner().invoke(main, ["inspect", "--explain", str(bad)])
    assert res.exit_code == 1
    assert "bad.txt" in res.output

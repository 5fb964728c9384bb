"""The writer registry is the one list of formats: the CLI help, the `--format` check, the
batch jobs check and the build all follow it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from exporter.batch_jobs import load_jobs
from exporter.cli import main
from exporter.errors import UsageError
from exporter.writers import WriteResult, registry

ROOT = Path(__file__).resolve().parents[2]


def _write_titles(book, layout, comp, out: Path, embed) -> WriteResult:  # type: ignore[no-untyped-def]
    out.write_text(book.meta.title + "\n", encoding="utf-8")
    return WriteResult(out, "titles")


@pytest.fixture
def titles() -> Iterator[registry.Writer]:
    writer = registry.register(registry.Writer("titles", "title.txt", _write_titles))
    yield writer
    registry.unregister("titles")


def _jobs(tmp_path: Path, fmt: str) -> Path:
    jobs = tmp_path / "jobs.toml"
    jobs.write_text(
        f'[[jobs]]\ninputs = ["{ROOT / "input"}"]\noutput = "out"\nformats = ["{fmt}"]\n',
        encoding="utf-8",
    )
    return jobs


def test_builtin_formats_are_listed_in_order() -> None:
    assert registry.formats()[:4] == ("pdf", "docx", "json", "md")
    assert registry.heavy(registry.formats()) == ["pdf", "docx"]
    help_text = CliRunner().invoke(main, ["build", "--help"]).output
    assert "pdf, docx, json, md" in " ".join(help_text.split())


def test_a_registered_format_is_in_help_cli_and_batch(
    titles: registry.Writer, tmp_path: Path
) -> None:
    help_text = " ".join(CliRunner().invoke(main, ["build", "--help"]).output.split())
    assert "json, md, titles." in help_text
    assert load_jobs(_jobs(tmp_path, "titles"))[0].options["formats"] == ["titles"]
    out = tmp_path / "build"
    res = CliRunner().invoke(
        main, ["build", str(ROOT / "input"), "-o", str(out), "--format", "titles", "-q"]
    )
    assert res.exit_code in (0, 1), res.output
    assert (out / "compendium.title.txt").read_text(encoding="utf-8") == "基层党建案例汇编\n"


def test_an_unregistered_format_is_refused_everywhere(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["build", "--format", "titles"])
    assert res.exit_code == 2 and "choose from pdf, docx, json, md" in res.output
    with pytest.raises(UsageError, match="'formats': unknown"):
        load_jobs(_jobs(tmp_path, "titles"))

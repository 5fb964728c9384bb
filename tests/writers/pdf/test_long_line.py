"""Issue 17 item 19: one very long line (a paragraph over hundreds of pages) is broken into
lines once, not once per page: the PDF writer's time stays linear in the text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from exporter.pipeline import BuildOptions, build
from exporter.writers.pdf import flowables

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "input" / "004_0251cab32248a4b7.txt"


def test_a_paragraph_over_many_pages_is_broken_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    body = "".join(line.strip() for line in lines if len(line.strip()) > 40)
    text = (body * (150_000 // len(body) + 1))[:150_000]
    src = tmp_path / "long.txt"
    src.write_text("党支部建设经验交流\n\n" + text + "\n", encoding="utf-8")
    calls: list[int] = []
    real = flowables.break_lines

    def counting(pp: Any, width: float, *args: Any, **kwargs: Any) -> Any:
        calls.append(len(pp.text))
        return real(pp, width, *args, **kwargs)

    monkeypatch.setattr(flowables, "break_lines", counting)
    result = build([src], BuildOptions(output=tmp_path / "out", formats=("pdf",), jobs=1))
    assert result.ok, result.errors
    pages = result.outputs[0].pages or 0
    assert pages > 50
    long_calls = [n for n in calls if n > 100_000]
    assert 1 <= len(long_calls) <= 3, (len(long_calls), pages)  # was one per page

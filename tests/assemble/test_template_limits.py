"""Issue 17 item 7: hostile templates (loops, recursion, huge strings, run-time errors,
includes) fail fast as a layout error naming the template and line, exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = sorted((ROOT / "input").glob("*.txt"))[0]

HOSTILE = {
    "endless_loop": (
        "{% for i in range(1000000) %}{% for j in range(1000000) %}{% endfor %}{% endfor %}",
        "took longer than",
    ),
    "huge_output": ('{% for i in range(100000) %}{{ "x" * 1000 }}{% endfor %}', "output longer"),
    "huge_repeat": ('{{ "x" * 100000 * 100000 }}', "repeats a value"),
    "doubling": (
        '{% set ns = namespace(s="x") %}{% for i in range(60) %}'
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}",
        "builds a value",
    ),
    "big_power": ("{{ 10 ** 64 ** 64 ** 64 ** 64 }}", "too large"),
    "recursion": ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "recursion"),
    "range_too_big": ("{{ range(10 ** 8) | list | length }}", "too large"),
    "wide_filter": ('{{ "x" | center(1000000000) }}', "too large"),
    "division_by_zero": ("{{ 1 // 0 }}", "division"),
    "include": ('{% include "other.j2" %}', "cannot include"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_template_is_a_layout_error_with_file_and_line(tmp_path: Path, case: str) -> None:
    body, reason = HOSTILE[case]
    layout = tmp_path / "hostile"
    (layout / "templates").mkdir(parents=True)
    (layout / "layout.toml").write_text('extends = "book"\nname = "hostile"\n', encoding="utf-8")
    cover = "title: {{ book.title }}\n" + body + "\n"
    (layout / "templates" / "cover.j2").write_text(cover, encoding="utf-8")
    cmd = [sys.executable, "-m", "exporter", "build", str(SEED), "-o", str(tmp_path / "out")]
    cmd += ["--format", "json", "--layout", str(layout)]
    # A subprocess with a deadline (and a memory cap): a template that hangs or eats memory
    # fails the test instead of stalling or swapping the machine.
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=60, preexec_fn=_limit_memory)
    assert res.returncode == 2, res.stderr[-2000:]
    assert "Traceback" not in res.stderr
    assert "cover.j2" in res.stderr and reason in res.stderr, res.stderr
    if case in ("division_by_zero", "huge_repeat", "include", "wide_filter"):
        assert "cover.j2:2:" in res.stderr, res.stderr
    assert not (tmp_path / "out" / "compendium.json").exists()


def _limit_memory() -> None:
    import resource

    gib = 4 * 1024**3
    resource.setrlimit(resource.RLIMIT_AS, (gib, gib))

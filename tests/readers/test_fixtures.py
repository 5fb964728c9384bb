"""Golden fixtures: small inputs next to the expected model facts (`X.expected.json`).

Each expected file lists, per case in reading order, only the fields it pins down; the test
compares exactly those. Inputs vary encodings (UTF-8 with BOM, GB18030 with CRLF, UTF-16),
formats (plain text, Markdown) and genres (page, roundup, compendium, bulletin).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from exporter.model import Case, SourceFile
from exporter.readers import read_file

from .conftest import FIXTURES

CASES = sorted(p for p in FIXTURES.iterdir() if p.name.endswith(".expected.json"))


def _input_for(expected: Path) -> Path:
    stem = expected.name.removesuffix(".expected.json")
    matches = [p for p in FIXTURES.iterdir() if p.stem == stem and p != expected]
    assert len(matches) == 1, f"one input for {expected.name}"
    return matches[0]


def _check_case(case: Case, want: dict[str, Any]) -> None:
    paras = case.paragraphs()
    body = "".join(p.text for p in paras)
    for key, value in want.items():
        if key == "paragraphs":
            assert len(paras) == value, [p.text[:20] for p in paras]
        elif key == "first":
            assert paras[0].text.startswith(value), paras[0].text[:40]
        elif key == "last":
            assert paras[-1].text.endswith(value), paras[-1].text[-40:]
        elif key == "headings":
            got = [[s.heading, s.level] for s in case.sections if s.heading]
            assert got == value
        elif key == "leads":
            assert [p.lead for p in paras if p.lead] == value
        elif key == "contains":
            for snippet in value:
                assert snippet in body
        elif key == "parent":
            assert case.parent is not None
            assert vars(case.parent) == value
        elif key == "credits":
            assert [vars(c) for c in case.credits] == value
        else:
            assert getattr(case, key) == value, key


def _check_source(src: SourceFile, want: dict[str, Any]) -> None:
    for key in ("encoding", "newline", "format"):
        if key in want:
            assert getattr(src, key) == want[key]
    got = {(d.text, d.reason) for d in src.dropped}
    for d in want.get("dropped", []):
        assert (d["text"], d["reason"]) in got, sorted(got)
    if "containers" in want:
        assert len(src.containers) == want["containers"]


@pytest.mark.parametrize("expected", CASES, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_fixture(expected: Path) -> None:
    want = json.loads(expected.read_text(encoding="utf-8"))
    src, cases = read_file(_input_for(expected))
    assert src.error is None
    _check_source(src, want)
    assert len(cases) == len(want["cases"]), [c.title for c in cases]
    for case, case_want in zip(cases, want["cases"], strict=True):
        _check_case(case, case_want)
    assert src.cases == [c.id for c in cases]
    assert all(c.span is not None and c.span.first_line <= c.span.last_line for c in cases)

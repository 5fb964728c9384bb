"""The reader on real third-party pages (../shared/realdev, read at run time, never copied).

Skipped where the development set is absent. The thresholds are the real-text reader's
acceptance figures; the scorer is the set's own.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from exporter import inspect
from exporter.model import to_dict

REALDEV = Path(__file__).resolve().parents[3] / "shared" / "realdev"

pytestmark = pytest.mark.skipif(not (REALDEV / "score_real.py").exists(), reason="no realdev")


def _scores(tmp_path: Path) -> dict[str, float]:
    inputs = sorted(REALDEV.glob("d*.txt")) + sorted(REALDEV.glob("d*.md"))
    out = tmp_path / "out.json"
    out.write_text(json.dumps(to_dict(inspect(inputs)), ensure_ascii=False), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("score_real", REALDEV / "score_real.py")
    assert spec and spec.loader
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        scorer.main([str(out)])
    summary = next(line for line in buf.getvalue().splitlines() if line.startswith("SUMMARY"))
    fields = dict(item.split("=", 1) for item in summary.split()[1:])
    leaked, total = fields.pop("noise_leaked").split("/")
    found = {k: float(v) for k, v in fields.items()}
    found["noise_leaked"] = int(leaked) / int(total)
    return found


def test_real_pages_are_read_into_the_cases_an_editor_sees(tmp_path: Path) -> None:
    s = _scores(tmp_path)
    assert s["exactF1"] >= 0.90
    assert s["noise_leaked"] <= 0.05
    assert s["title_lenient"] >= 0.90
    assert s["authors"] >= 0.85
    assert s["paragraphs"] >= 0.85
    assert s["kind"] >= 0.70
    assert s["retained"] >= 0.995

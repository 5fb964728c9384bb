"""Stable case ids: from the case's text, unchanged by renaming, reordering, re-reading."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from exporter.readers import read_paths, read_text

from .conftest import REPO

INPUT = REPO / "input"
ID = re.compile(r"^[a-hjkmnp-z][2-9a-hjkmnp-z]{5}(-[2-9a-hjkmnp-z]{3}(-[2-9]\d*)?)?$")


def _ids_by_text(folder: Path) -> dict[str, str]:
    comp = read_paths([folder])
    return {c.body_text(): c.id for c in comp.cases}


def test_ids_survive_renaming_and_reordering(tmp_path: Path) -> None:
    before = _ids_by_text(INPUT)
    # Reversed names reverse the reading order too.
    files = sorted(INPUT.glob("*.txt")) + sorted(INPUT.glob("*.md"))
    for n, f in enumerate(files):
        shutil.copy(f, tmp_path / f"{len(files) - n:02d}_renamed{f.suffix}")
    after = _ids_by_text(tmp_path)
    assert after == before
    assert all(ID.match(i) for i in before.values())
    assert len(set(before.values())) == len(before)


def test_colliding_openings_get_a_suffix_independent_of_order() -> None:
    # The same opening paragraph, longer than the part the id is made from.
    a = (
        "党支部书记带领党员开展入户走访，收集群众意见建议一百二十条，逐条建立台账限时办结，"
        "并在每月的主题党日上向群众公开办理进度，接受党员群众的监督和评议。"
    )
    text_one = f"标题一\n\n{a}\n\n第一篇的结尾不同。\n\n标题二\n\n{a}\n\n第二篇的结尾也不同。\n"
    text_two = f"标题二\n\n{a}\n\n第二篇的结尾也不同。\n\n标题一\n\n{a}\n\n第一篇的结尾不同。\n"
    _, one = read_text(text_one, "one.txt")
    _, two = read_text(text_two, "two.txt")
    ids_one = {c.body_text(): c.id for c in one}
    ids_two = {c.body_text(): c.id for c in two}
    assert len(one) == 2 and ids_one == ids_two
    bases = {i.split("-")[0] for i in ids_one.values()}
    assert len(bases) == 1 and all(ID.match(i) and "-" in i for i in ids_one.values())


def test_same_article_in_two_files_gets_two_ids(tmp_path: Path) -> None:
    src = next(iter(sorted(INPUT.glob("*.txt"))))
    shutil.copy(src, tmp_path / "a.txt")
    shutil.copy(src, tmp_path / "b.txt")
    comp = read_paths([tmp_path])
    ids = [c.id for c in comp.cases]
    assert len(set(ids)) == len(ids)
    for s in comp.sources:
        assert s.cases == [c.id for c in comp.cases if c.source == s.path]
        for box in s.containers:
            assert set(box.cases) <= set(s.cases)

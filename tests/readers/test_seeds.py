"""The built-in corpus (input/): structure the reader must keep getting right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exporter.model import Case, Compendium, from_dict, to_dict
from exporter.readers import read_paths

from .conftest import REPO

INPUT = REPO / "input"


@pytest.fixture(scope="module")
def comp() -> Compendium:
    if not INPUT.is_dir():
        pytest.skip("input/ corpus not present")
    return read_paths([INPUT])


def _cases(comp: Compendium, prefix: str) -> list[Case]:
    return [c for c in comp.cases if Path(c.source).name.startswith(prefix)]


def test_case_counts_per_file(comp: Compendium) -> None:
    counts = {s.path.rsplit("/", 1)[-1][:3]: len(s.cases) for s in comp.sources}
    assert counts == {"000": 9, "001": 7, "002": 4, "003": 7, "004": 6}
    assert all(s.encoding == "utf-8" and s.error is None for s in comp.sources)


def test_roundup_cut_into_locality_cases(comp: Compendium) -> None:
    cases = _cases(comp, "000")
    assert all(c.title_generated and c.parent is not None for c in cases)
    parents = [c.parent for c in cases if c.parent is not None]
    assert parents[0].title == "新时代党建工作的生动图景"
    assert [(p.section or "")[:8] for p in parents].count("党建引领基层治理") == 2
    assert all(c.authors and "张海燕" not in c.authors for c in cases)  # 撰稿, not 策划
    assert cases[-1].truncation == "continued_elsewhere"
    assert [c.kind for c in cases].count("news") == 1
    box = comp.sources[0].containers[0]
    assert box.cases == [c.id for c in cases] and len(box.sections) == 4


def test_page_titles_kickers_rubrics_and_bylines(comp: Compendium) -> None:
    hohhot = _cases(comp, "004")
    assert hohhot[0].title == "新城区：以高质量党建赋能乡村振兴新征程"
    untitled = hohhot[1]  # only a column label: the title is generated from the text
    assert untitled.rubric == "基层实践" and untitled.title_generated
    assert untitled.title is not None and untitled.title.startswith("兴安南路街道：")
    assert hohhot[2].byline == "本报讯(记者 宋向华)"
    assert not hohhot[2].paragraphs()[0].text.startswith("本报讯")
    assert hohhot[5].kind == "news" and hohhot[5].authors == ["祁晓燕"]
    assert not hohhot[5].paragraphs()[-1].text.endswith("摄")
    people = _cases(comp, "002")
    assert [c.kind for c in people] == ["case", "case", "overview", "commentary"]
    assert people[0].rubric == "新时代新作为" and people[0].authors == ["王锦涛"]


def test_compendium_sections_and_truncation(comp: Compendium) -> None:
    cases = _cases(comp, "003")
    assert all(c.credits[0].role == "申报单位" for c in cases)
    assert [c.truncation for c in cases] == [
        None,
        "mid_sentence",
        "missing_sections",
        None,
        "missing_sections",
        None,
        None,
    ]
    assert [s.heading for s in cases[0].sections] == [
        "一、背景",
        "二、主要做法与成效",
        "三、经验启示",
    ]


def test_markdown_page(comp: Compendium) -> None:
    cases = _cases(comp, "001")
    assert cases[0].subtitle == "——青海省西宁市城北区着力构建“三治”融合的基层治理体系"
    assert cases[0].authors == ["马孝"]
    assert cases[4].title == "内蒙古和林格尔县：精准发力推动文明创建提质增效"
    reasons = {d.reason for d in comp.sources[1].dropped}
    assert {"photo_caption", "photo_credit"} <= reasons


def test_every_dropped_line_has_a_reason(comp: Compendium) -> None:
    for src in comp.sources:
        assert all(d.reason and d.text for d in src.dropped)


def test_json_round_trip(comp: Compendium) -> None:
    data = to_dict(comp)
    again = to_dict(from_dict(json.loads(json.dumps(data, ensure_ascii=False))))
    assert again == data

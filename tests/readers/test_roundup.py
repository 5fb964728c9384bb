"""Roundup splitting: locality cues, intros, generated titles."""

from __future__ import annotations

import pytest

from exporter.readers import read_text
from exporter.readers.places import locality_at_start
from exporter.readers.roundup import block_place


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("贵州省黔东南州深化“组团式”党建服务。", "贵州省黔东南州"),
        ("6月27日,宁夏银川市金凤区黄河东路街道为首批小区党支部授旗。", "宁夏银川市金凤区"),
        (
            "为庆祝建党104周年,深入践行宗旨,6月27日,内蒙古自治区呼伦贝尔市公安局党委开展活动。",
            "内蒙古自治区呼伦贝尔市",
        ),
        ("在省委社会工作部的协调下,六盘水市钟山区马戛村与宇虹社区签约。", "六盘水市钟山区"),
        ("浙江杭州推行“街巷长”制度。", "浙江杭州"),
    ],
)
def test_block_place(sentence: str, place: str) -> None:
    assert block_place(sentence) == place


@pytest.mark.parametrize(
    "sentence",
    [
        "城市社区是党联系服务群众的最前沿。",
        "湖畔嘉苑东区社区嘉和苑党支部依托党建品牌开展服务。",
        "市委市直机关工委书记出席活动。",
        "全市机关党员参加培训。",
        "王凤朝来到四川天府新区调研。",
        "在农村,以抓党建促乡村振兴为抓手。",
    ],
)
def test_no_block_place(sentence: str) -> None:
    assert locality_at_start(sentence) is None


ROUNDUP = """各地党建引领乡村振兴综述

撰稿：甲乙 丙丁

今年以来，全国已有1200余个村成立强村公司，带动村集体增收30亿元，惠及农户200万户。

湖南省浏阳市推行“党支部+合作社”模式，村集体收入年均增长12%。

浏阳市还建立了村干部擂台赛机制。

四川省成都市郫都区探索“农商文旅”融合发展，带动农民人均增收3000元。
"""


def test_substantive_intro_becomes_an_overview_case() -> None:
    src, cases = read_text(ROUNDUP, "r.txt")
    assert [c.kind for c in cases] == ["overview", "case", "case"]
    assert cases[0].title == "各地党建引领乡村振兴综述"
    assert [len(c.paragraphs()) for c in cases] == [1, 2, 1]
    assert cases[1].title == "浏阳市：推行“党支部+合作社”模式" and cases[1].title_generated
    assert all(c.authors == ["甲乙", "丙丁"] for c in cases)
    assert src.containers[0].intro == [] and src.containers[0].cases == [c.id for c in cases]


def test_framing_intro_stays_with_the_roundup() -> None:
    text = ROUNDUP.replace(
        "今年以来，全国已有1200余个村成立强村公司，带动村集体增收30亿元，惠及农户200万户。",
        "乡村振兴，关键在党。各地党组织积极探索，形成了一批好经验。",
    )
    src, cases = read_text(text, "r.txt")
    assert [c.kind for c in cases] == ["case", "case"]
    assert src.containers[0].intro[0].text.startswith("乡村振兴，关键在党")


def test_enterprise_blocks() -> None:
    text = (
        "国企党建巡礼\n\n撰稿：甲乙\n\n"
        "国网浙江省电力有限公司党委推行“党员服务队”模式，服务群众2万余户。\n\n"
        "该公司还建立了党员责任区。\n\n"
        "中国石化某某分公司党委开展“红色引擎”工程，推动党建与生产深度融合。\n"
    )
    _, cases = read_text(text, "o.txt")
    assert [(c.title, len(c.paragraphs())) for c in cases] == [
        ("国网浙江省电力有限公司：推行“党员服务队”模式", 2),
        ("中国石化某某分公司：开展“红色引擎”工程", 1),
    ]


def test_a_column_label_over_a_roundup_headline_is_kept_on_its_cases() -> None:
    text = (
        "党建要闻\n\n各地创新党建引领基层治理综述\n\n本报记者 何平\n\n"
        "今年以来，各地坚持党建引领，在城市社区治理中探索出不少好做法。\n\n"
        "江西南昌：“红色物业”提升居民幸福指数\n\n南昌市东湖区推动物业服务企业成立党组织。\n\n"
        "目前，全区已有46家物业企业建立党组织。\n\n浙江宁波：“网格连心”打通服务末梢\n\n"
        "宁波市海曙区把党支部建在网格上，组建网格党支部120个。\n\n网格员每周入户走访。\n"
    )
    _src, cases = read_text(text, "page.txt")
    assert len(cases) == 2
    assert all(c.rubric == "党建要闻" for c in cases)

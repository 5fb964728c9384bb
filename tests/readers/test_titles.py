"""Generated titles: `<place or body>：<key practice>`, short and cut only between words."""

from __future__ import annotations

import pytest

from exporter.readers.titles import TITLE_MAX, clauses, make_title, shorten


@pytest.mark.parametrize(
    ("place", "text", "title"),
    [
        # A quoted method term with its verb wins over the first clause.
        (
            "某某县",
            "某某县紧紧围绕“党建带群建、群建促党建”的工作思路，推行“党建+群建”的工作法，成效明显。",
            "某某县：推行“党建+群建”工作法",
        ),
        # Dates, purpose clauses and the partner named with 携手 are stripped.
        (
            "某某市",
            "为庆祝建党节，进一步推动工作融合，6月27日，某某市公安局党委携手某某医院党委开展"
            "爱警暖警讲座义诊活动，为民警送健康。",
            "某某市公安局：开展爱警暖警讲座义诊活动",
        ),
        # A leader's visit: the title keeps what was inspected, not who went where.
        (
            "某某市",
            "6月27日，某某市委副书记、市长张某某赴某某新区调研社区基层治理工作，强调要抓实抓细。",
            "某某市：调研社区基层治理工作",
        ),
        # A two-party item names both; an event held somewhere becomes 举行…
        (
            "甲乙市丙丁区",
            "甲乙市丙丁区某某村与戊己市庚辛区宇宙社区的党建联建签约活动近日在庚辛区举行。",
            "某某村与宇宙社区：举行党建联建签约活动",
        ),
        # Over-long slogans and years are dropped before anything is cut.
        (
            "某某市",
            "某某市市直机关党组织开展“党建赋能促发展 服务群众在身边”2025年主题党日示范活动。",
            "某某市市直机关：开展主题党日示范活动",
        ),
    ],
)
def test_make_title(place: str, text: str, title: str) -> None:
    assert make_title(place, text) == title


def test_titles_are_short_and_never_cut_inside_a_quote() -> None:
    long = "建立“网格党组织+专职网格员+楼栋长+单元长+志愿者”五级联动工作体系和考评办法"
    got = shorten(long)
    assert len(got) <= TITLE_MAX
    assert got.count("“") == got.count("”")


def test_clauses_split_outside_quotes_only() -> None:
    assert clauses("推行“议事，办事”机制，效果好。") == ["推行“议事，办事”机制", "效果好", "。"]


def test_a_verb_is_not_taken_for_a_village() -> None:
    assert make_title("某某市", "某某市推行村级党组织星级评定，晋位升级。").startswith(
        "某某市：推行村级"
    )


def test_a_brand_in_the_means_clause_leads_the_practice() -> None:
    text = "某省某某市东城区以“红色物业”为抓手，推动物业企业党组织全覆盖。"
    assert make_title("某省某某市东城区", text).endswith("：“红色物业”推动物业企业党组织全覆盖")


def test_a_scene_setting_place_keeps_the_rest_of_its_name() -> None:
    text = "在江苏省苏州市工业园区，一座座“邻里中心”成为居民家门口的服务综合体。"
    assert make_title("江苏省苏州市", text).startswith("苏州市工业园区：")

"""Practices are measures: verb–object phrases, never openers, goals, results or questions."""

import pytest

from exporter.enrich.measures import measure, printed_measure
from exporter.enrich.practices import practices_of

from .helpers import make_case


@pytest.mark.parametrize(
    "text",
    [
        "自去年开展“红色议事”工作以来",  # time adverbial alone
        "要健全小区业主议事机制",  # exhortation
        "议事清单从哪里来？",  # question
        "古镇老街换了新颜",  # result
        "这样的便民服务随处可见",  # demonstrative, statement
        "奋进新征程，扬帆再出发",  # slogan
        "共建的“连心桥”式",  # modifier, no measure
    ],
)
def test_not_measures(text: str) -> None:
    assert measure(text) is None


def test_measure_drops_subject_openers_and_adverbs() -> None:
    assert measure("近年来，河湾街道党工委着力推行“楼栋议事”制度。") == "推行“楼栋议事”制度"
    assert measure("一是组建小区党支部36个") == "组建小区党支部36个"
    assert measure("该镇大力发展林下种植") == "发展林下种植"


def test_printed_lead_with_verb_object_is_kept_whole() -> None:
    assert printed_measure("配强骨干“专业化”，激活治理动能。") == "配强骨干“专业化”，激活治理动能"
    assert printed_measure("服务之花开遍小区") is None


def test_text_full_of_measures_never_gets_an_empty_list() -> None:
    case = make_case(
        [
            "今年以来，河湾街道党工委坚持服务为先。街道党工委组建红色物业联盟，吸纳物业企业12家。",
            "街道还建立“居民点单、党员接单”机制，累计办结群众诉求300余件。",
        ]
    )
    items = practices_of(case)
    assert items == ["组建红色物业联盟", "建立“居民点单、党员接单”机制"]

from exporter.enrich.theme import THEMES, classify
from exporter.enrich.topic import is_on_topic

from .helpers import make_case


def test_theme_with_evidence_terms() -> None:
    case = make_case(
        [
            "街道党工委在138个网格建立党支部，配备专职网格员，选拔楼栋长，推动居民议事协商。",
            "社区治理中矛盾纠纷调解成功率明显提升，基层治理效能不断增强。",
        ],
        title="街道：“铁三角”机制激活基层治理“末梢神经”",
    )
    theme, secondary, evidence = classify(case)
    assert theme == "基层治理"
    assert theme not in secondary
    assert "基层治理" in evidence and any(t in evidence for t in ("网格", "网格员"))


def test_rural_theme() -> None:
    case = make_case(
        ["村党支部领办合作社，流转土地发展特色产业，壮大村集体经济，带动农户增收致富。"],
        title="党建引领乡村振兴",
    )
    assert classify(case)[0] == "乡村振兴"


def test_overview_is_comprehensive() -> None:
    case = make_case(["各地基层党组织加强政治建设，发展乡村产业，推进网格治理。"], kind="overview")
    theme, _, _ = classify(case)
    assert theme == "综合" and theme in THEMES


def test_on_topic_needs_party_building_content() -> None:
    greening = make_case(
        ["县城以增绿提质为主线推进绿美城市建设，实施滨河大道绿化美化项目，新增绿地3600平方米。"]
    )
    party = make_case(
        ["社区党委组织党员开展主题党日活动，党支部书记带头为居民服务，党员积极参与。"]
    )
    assert not is_on_topic(greening)
    assert is_on_topic(party)

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


def test_village_acting_body_leans_rural_against_volunteering_words() -> None:
    case = make_case(
        [
            "村党总支组建志愿服务队，志愿者为老人和儿童开展志愿服务，便民服务进家门。",
            "村里发展特色产业，农产品进城销售，带动村民增收。",
        ],
        title="“党建+志愿服务”助力乡村振兴",
    )
    case.region.village = "石桥村"
    theme, _, evidence = classify(case)
    assert theme == "乡村振兴"
    assert evidence  # the deciding terms are kept


def test_party_member_learning_at_home_is_team_building() -> None:
    case = make_case(
        [
            "社区党支部开展“送学上门”活动，把党的理论学习送到老党员家中。",
            "活动为老党员及时“充电”，增强了党组织的凝聚力和向心力。",
        ],
        title="送学上门传党音",
    )
    assert classify(case)[0] == "队伍建设"


def test_theme_follows_the_acting_body_and_its_practice() -> None:
    from exporter.enrich.theme import classify

    school = make_case(
        ["学院党委组织师生党员参观校史馆，开展主题党日活动，重温入党誓词。"],
        title="某某学院党委开展主题党日活动",
    )
    assert classify(school)[0] == "机关企事业"
    training = make_case(
        ["全县120名村党组织书记参加培训，围绕乡村振兴、基层党建开展专题学习。"],
        title="某某县举办村党组织书记培训班",
    )
    assert classify(training)[0] == "队伍建设"


def test_commentary_is_synthesis_unless_one_field_leads() -> None:
    from exporter.enrich.theme import classify

    broad = make_case(
        ["各级党组织要在机关、企业、农村、社区和新兴领域全面加强组织建设。"], kind="commentary"
    )
    assert classify(broad)[0] == "综合"


def test_a_local_piece_is_never_synthesis() -> None:
    from exporter.enrich.theme import classify
    from exporter.model import Region

    case = make_case(
        ["县纪委监委查处村干部虚报冒领补贴问题，开展警示教育，严明纪律作风。"], kind="commentary"
    )
    case.region = Region(province="甘肃省", county="河湾县")
    assert classify(case)[0] == "队伍建设"

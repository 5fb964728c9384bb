"""The acting body is the subject of the opening statements, not a body merely mentioned."""

from exporter.enrich.actor import subject_unit
from exporter.enrich.organization import organization_of
from exporter.model import Region

from .helpers import make_case


def test_subject_unit_reads_the_subject_before_the_first_verb() -> None:
    text = "5月8日，河湾区民政局机关党员志愿者走进老旧小区开展服务。"
    assert subject_unit(text) == "河湾区民政局机关"
    assert subject_unit("为提升服务水平，青禾学院党委推出“楼栋导师”制度。") == "青禾学院党委"
    assert subject_unit("在学院党委领导下，各支部及时组织学习。") is None  # a mention, no subject
    assert subject_unit("中心主任王某带领队员走访农户。") is None  # a person's unit


def test_subject_before_a_partner_named_after_it() -> None:
    case = make_case(["青禾大学化学学院党支部联合河湾医院党支部开展主题党日活动，参观校史馆。"])
    assert organization_of(case) == "青禾大学化学学院党支部"


def test_a_derived_city_committee_keeps_its_suffix() -> None:
    case = make_case(["延安各地持续开展党员志愿服务。"])  # the place is named: the setting
    case.region = Region(province="陕西省", city="延安")
    assert organization_of(case) == "中共延安市委"


def test_an_organ_named_after_its_level_is_the_actor() -> None:
    case = make_case(["11月2日，市民政局机关党员志愿者走进河湾小区，开展“双报到”志愿服务。"])
    assert organization_of(case) == "市民政局机关"


def test_a_generic_community_committee_takes_the_community_its_source_line_names() -> None:
    case = make_case(["去年以来，社区党委组建党员巡逻队，开展义务巡逻80余次。"])
    case.byline = "来源：河湾街道青禾社区"
    assert organization_of(case) == "青禾社区党委"


def test_a_body_under_whose_lead_others_act_is_not_the_actor() -> None:
    from exporter.enrich.organization import _candidates

    assert _candidates("在河湾学院党委领导下，各级党组织及时组织学习。") == []
    assert _candidates("河湾学院党委组织师生开展学习。") == ["河湾学院党委"]

from exporter.enrich.gazetteer import gazetteer
from exporter.enrich.options import EnrichOptions
from exporter.enrich.region import enrich_region, region_of

from .helpers import comp_of, make_case


def test_city_fills_province_as_inferred() -> None:
    case = make_case(["攀枝花市市直机关党组织开展主题党日示范活动，推动党建与业务深度融合。"])
    r = region_of(case)
    assert (r.province, r.city, r.county) == ("四川省", "攀枝花市", None)
    assert r.inferred == ["province"]


def test_county_fills_city_and_province() -> None:
    case = make_case(
        ["东辽县不断探索尝试，紧紧抓住社区党组织核心。"],
        title="打造区域化城市基层党建联盟",
        byline="中共东辽县委组织部申报",
    )
    r = region_of(case)
    assert (r.province, r.city, r.county) == ("吉林省", "辽源市", "东辽县")
    assert r.inferred == ["province", "city"]


def test_short_province_is_normalised_to_official_name() -> None:
    case = make_case(["内蒙古和林格尔县以志愿服务推进文明城市创建。"])
    r = region_of(case)
    assert r.province == "内蒙古自治区"
    assert r.city == "呼和浩特市" and "city" in r.inferred
    assert r.county == "和林格尔县"


def test_autonomous_prefecture_short_form_keeps_printed_name() -> None:
    case = make_case(["贵州省黔东南州深化“组团式”党建服务，推动新兴领域建群建。"])
    r = region_of(case)
    assert (r.province, r.city, r.county) == ("贵州省", "黔东南州", None)
    assert r.inferred == []


def test_ambiguous_district_resolved_from_other_cases_of_the_source() -> None:
    ambiguous = make_case(["新城区以提升组织力为重点，持续深化支部标准化建设。"], case_id="a")
    other = make_case(["呼和浩特市快递行业党委深化行业党建品牌。"], case_id="b")
    comp = comp_of(ambiguous, other)
    enrich_region(comp, EnrichOptions())
    r = comp.cases[0].region
    assert (r.province, r.city, r.county) == ("内蒙古自治区", "呼和浩特市", "新城区")


def test_ambiguous_district_without_context_stays_at_certain_level() -> None:
    assert len(gazetteer().lookup("新城区")) >= 2
    comp = comp_of(make_case(["新城区以提升组织力为重点，持续深化支部标准化建设。"]))
    enrich_region(comp, EnrichOptions())
    r = comp.cases[0].region
    assert r.province is None and r.city is None


def test_case_spanning_several_counties_stays_at_city_level() -> None:
    case = make_case(
        [
            "贵州省黔东南州雷山县达地水族乡小乌村，党群服务中心曾经挂了40多块牌子。",
            "黔东南州在黎平县、台江县、天柱县推广“三元同理”治理模式。",
        ]
    )
    r = region_of(case)
    assert (r.city, r.county) == ("黔东南州", None)


def test_township_and_village_after_the_county() -> None:
    case = make_case(["走进贵州省黄平县谷陇镇青塘村党建示范基地的千亩白茶园。"])
    r = region_of(case)
    assert (r.county, r.township, r.village) == ("黄平县", "谷陇镇", "青塘村")
    assert r.city == "黔东南苗族侗族自治州" and "city" in r.inferred


def test_street_names_and_generic_words_are_not_places() -> None:
    names = [m.text for m in gazetteer().scan("兴安南路街道推进三治融合，城区环境提升。")]
    assert names == []


def test_a_county_named_in_the_head_by_its_short_form_is_the_region() -> None:
    case = make_case(
        [
            "近年来，犍为县推行“接诉即办”，群众诉求当天响应。",
            "犍为县还在各乡镇设立服务点，方便群众就近办事。",
        ],
        title="四川犍为：诉求有回音",
    )
    r = region_of(case)
    assert (r.province, r.city, r.county) == ("四川省", "乐山市", "犍为县")
    assert r.inferred == ["city"]


def test_a_short_form_in_the_head_needs_the_place_in_the_body() -> None:
    case = make_case(["四川各地推行“接诉即办”，群众诉求当天响应。"], title="四川犍为：诉求有回音")
    assert region_of(case).county is None

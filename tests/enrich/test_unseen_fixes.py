"""Fixes found on unseen files: topic evidence, subtitle places, editorial headings, summaries."""

from exporter.enrich.practices import lessons_of, practices_of
from exporter.enrich.region import region_of
from exporter.enrich.summary import summarize
from exporter.enrich.topic import is_on_topic
from exporter.model import Credit, Parent

from .helpers import make_case


def test_short_brief_with_organisation_department_and_first_secretaries_is_on_topic() -> None:
    case = make_case(
        [
            "记者近日从某省某市获悉，该县推行村级集体经济发展“三张表”，全县村集体收入全部过万元。",
            "县委组织部有关负责人介绍，县里选派80名机关干部担任驻村第一书记，帮助村里发展茶产业。",
        ],
        title="“三张表”激活村级集体经济",
    )
    assert is_on_topic(case)


def test_one_passing_mention_in_a_long_report_stays_off_topic() -> None:
    body = "县城实施滨河绿化美化项目，新增绿地和口袋公园，市民休闲空间明显增加。" * 20
    case = make_case([body + "县委书记到现场察看项目进度。"], title="建设绿美城市 共享美好生活")
    assert not is_on_topic(case)


def test_subtitle_names_the_region_and_resolves_an_ambiguous_district() -> None:
    case = make_case(
        [
            "走进龙华区观湖街道的驿站，充电柜、饮水机一应俱全。",
            "龙华区在快递企业中排查流动党员，建立党组织32个。",
        ],
        title="让党旗在“快递小哥”身边飘扬",
    )
    case.subtitle = "——广东省深圳市龙华区新就业群体党建工作纪实"
    r = region_of(case)
    assert (r.province, r.city, r.county) == ("广东省", "深圳市", "龙华区")
    assert r.township is None  # the street the reporter walks into is not the acting body


def test_submitting_unit_credit_and_parent_section_are_region_evidence() -> None:
    credited = make_case(["社区党委组建楼栋党小组，推动居民议事协商。"], title="小区里的红色议事厅")
    credited.credits = [Credit("中共杭州市西湖区委组织部", "申报单位")]
    r = region_of(credited)
    assert (r.city, r.county) == ("杭州市", "西湖区")
    child = make_case(["社区党委组建楼栋党小组，推动居民议事协商。"], title="小区里的红色议事厅")
    child.parent = Parent("基层党建案例选编", "浙江省丽水市松阳县篇")
    r = region_of(child)
    assert (r.province, r.city, r.county) == ("浙江省", "丽水市", "松阳县")


def test_editorial_headings_are_not_practices_or_lessons() -> None:
    case = make_case(
        [],
        sections=[
            (None, ["区委组建流动党员服务站12个，把流动党员纳入组织管理。"]),
            ("驿站连成服务网", ["全区建成“小哥驿站”136个，服务新就业群体50万人次。"]),
            ("记者手记", ["下一步，新就业群体将成为基层治理的生力军。"]),
            ("相关链接", ["新就业群体是城市运行的“毛细血管”。"]),
        ],
    )
    practices = practices_of(case)
    assert practices == ["组建流动党员服务站12个", "建成“小哥驿站”136个"]
    assert not any(p in ("记者手记", "相关链接", "驿站连成服务网") for p in practices)
    assert lessons_of(case) == []


def test_summary_skips_a_unit_line_and_a_speaker_attribution() -> None:
    case = make_case(
        [
            "中共某某市某某区委组织部",
            "某某区委组织部有关负责人介绍，全区已建成党群服务驿站136个，累计服务群众50万人次。",
            "区里选派125名机关干部担任驻村第一书记，帮助村里盘活闲置农房，发展民宿和茶产业。",
        ]
    )
    text = summarize(case)
    assert text is not None and text.endswith("。")
    assert not text.startswith("中共某某市某某区委组织部，")
    assert "负责人介绍" not in text
    assert "136个" in text


def test_summary_drops_a_means_frame_and_keeps_the_measure() -> None:
    case = make_case(
        [
            "渭源县坚持把党建引领作为推动乡村振兴的重要抓手，在全县12个乡镇推行“党支部+合作社+农户”模式，"
            "发展特色产业。",
            "全县共组建产业党小组136个，带动1.2万户农户增收，村集体经济收入全部达到10万元以上。",
        ]
    )
    case.region = region_of(case)
    text = summarize(case)
    assert text is not None
    assert "抓手" not in text
    assert "推行“党支部+合作社+农户”模式" in text


def test_summary_never_opens_with_a_unit_name_sentence() -> None:
    case = make_case(
        [
            "中共某某县委组织部。全县选派125名机关干部担任驻村第一书记，帮助村里发展茶产业。",
            "全县401个行政村集体经济收入全部超过15万元，总收入达2.1亿元，同比增长18.6%。",
        ]
    )
    text = summarize(case)
    assert text is not None
    assert not text.startswith("中共某某县委组织部")
    assert "125名" in text


def test_supplied_by_line_left_in_the_body_is_region_evidence() -> None:
    case = make_case(
        [
            "社区党委组建楼栋党小组，推动居民议事协商，解决停车难等问题120件。",
            "（中共杭州市西湖区委组织部供稿）",
        ],
        title="小区里的红色议事厅",
    )
    r = region_of(case)
    assert (r.province, r.city, r.county) == ("浙江省", "杭州市", "西湖区")

import re

from exporter.enrich.practices import lessons_of, practices_of
from exporter.enrich.summary import summarize

from .helpers import make_case

PARAS = [
    "近年来，托克托县以实施村党组织“头雁队伍”为抓手，聚焦“三化三力”，打造村党支部书记储备、培训、"
    "激励新机制，为乡村振兴注入红色动能。",
    "储备力量“常态化”，深挖头雁潜力。全县现有村党组织书记储备后备力量278名，其中年龄40岁以下的共125人。",
    "培训覆盖“精准化”，提升头雁能力。通过“书记带着书记学”方式，累计培训村干部1200余人次。",
    "下一步，托克托县将持续深化头雁队伍建设，为乡村振兴提供坚强组织保证。",
]


def test_summary_length_punctuation_and_opener() -> None:
    text = summarize(make_case(PARAS, title="托克托县：“三化三力”建强乡村振兴“头雁队伍”"))
    assert text is not None
    assert 60 <= len(text) <= 150
    assert text.endswith("。")
    assert not re.search(r"[,;:()!?]", text)  # full-width punctuation only
    assert not text.startswith("近年来")
    assert text.startswith("托克托县")
    assert "278名" in text or "三化三力" in text


def test_summary_adds_the_place_when_missing() -> None:
    case = make_case(
        [
            "社区党委探索打造“党建有灵魂”的党建工作品牌，夯实党员信仰根基。",
            "社区党委遍访辖区内的70名党员，寄送慰问品150余次，成立党员志愿者服务队。",
        ]
    )
    case.organization = "东山社区党委"
    text = summarize(case)
    assert text is not None and text.startswith("东山社区党委")


def test_practices_from_leads_and_no_plan_as_lesson() -> None:
    case = make_case(
        PARAS, leads={2: "储备力量“常态化”，深挖头雁潜力。", 3: "培训覆盖“精准化”，提升头雁能力。"}
    )
    assert practices_of(case) == [
        "储备力量“常态化”，深挖头雁潜力",
        "培训覆盖“精准化”，提升头雁能力",
    ]
    assert lessons_of(case) == []  # 下一步… is a plan (EDITING.md), not a lesson


def test_lessons_from_experience_section_and_numbered_practices() -> None:
    case = make_case(
        [],
        sections=[
            ("一、背景", ["面对城市党建力量分散等难题，县委探索城市基层党建联盟。"]),
            (
                "二、主要做法与成效",
                ["（一）社区特色品牌融入城市基层治理。打造“一核双联”党建模式。"],
            ),
            (
                "三、经验启示",
                ["一要坚持党组织领导。建强组织堡垒。二要整合资源。形成合力。"],
            ),
        ],
    )
    # the numbered item states no measure; the measure sentences do (EDITING.md)
    assert practices_of(case) == ["探索城市基层党建联盟", "打造“一核双联”党建模式"]
    assert lessons_of(case) == ["一要坚持党组织领导", "二要整合资源"]


def test_strong_sentence_practice_drops_a_pointer_subject() -> None:
    case = make_case(
        [
            "记者近日获悉，该县推行村级集体经济发展“四张清单”，村集体收入全部过万元。",
            "县里选派125名机关干部担任驻村第一书记，帮助村里发展茶产业。",
        ]
    )
    practices = practices_of(case)
    assert practices and practices[0].startswith("推行")
    assert not any(p.startswith("该县") for p in practices)


def test_summary_never_states_an_exhortation_a_pronoun_or_a_dangling_opener() -> None:
    case = make_case(
        [
            "近日，河湾街道党工委在滨江社区召开议事协商推进会，推行“楼栋议事”制度。",
            "会上，街道党工委书记指出，要坚持问题导向，必须把议事成果落到实处。",
            "街道为他颁发“议事能手”证书，更让他们感受到组织关怀。",
            "街道组建楼栋议事会36个，累计解决停车难等问题120余件，居民满意率达到98%。",
        ]
    )
    case.organization = "河湾街道党工委"
    text = summarize(case)
    assert text is not None and text.startswith("河湾街道党工委")
    assert not re.search(r"[他她它]|要坚持|必须|为他|更让", text)
    assert "120余件" in text or "36个" in text
    assert len(text) <= 120


def test_a_province_is_never_put_before_the_summary_as_its_actor() -> None:
    from exporter.model import Region

    case = make_case(
        [
            "河湾省人社厅党委推行“窗口党员先锋岗”，在12个服务大厅设岗，办结群众事项3000余件。",
            "在历史展馆里，党员们接受了一次深刻的党性教育，并组织参观了红色教育基地。",
        ]
    )
    case.region = Region(province="湖北省")
    text = summarize(case)
    assert text is not None and not text.startswith("湖北省")


def test_a_one_sentence_article_keeps_its_own_clauses_and_no_question() -> None:
    case = make_case(
        [
            "小区怎样管好？今年以来，河湾县深化党建引领接诉即办改革，创新服务品牌，"
            "推出“小板凳”服务在前、“小铃铛”宣传在前的“两小工作法”。"
        ]
    )
    text = summarize(case)
    assert text is not None and "两小工作法" in text
    assert "怎样" not in text and "？" not in text

"""Generated titles: `acting body：practice`, never a background sentence."""

from exporter.enrich.titles import generated_title, printable

from .helpers import make_case


def test_background_title_is_rebuilt_from_actor_and_practice() -> None:
    case = make_case(["河湾村党群服务中心曾经挂了30多块牌子。"])
    case.title, case.title_generated = "河湾村：党群服务中心曾经挂了30多块牌子", True
    case.organization = "河湾街道党工委"
    case.practices = ["组建楼栋党小组12个", "推行“楼栋议事”制度"]
    title = generated_title(case)
    assert title == "河湾街道：推行“楼栋议事”制度"  # the item with a digit is a statistic
    assert title is not None and len(title) <= 26 and printable(title, case)


def test_a_printable_generated_title_is_kept() -> None:
    case = make_case(["河湾街道党工委推行“楼栋议事”制度。"])
    case.title, case.title_generated = "河湾街道：推行“楼栋议事”制度", True
    case.organization = "河湾街道党工委"
    assert generated_title(case) == "河湾街道：推行“楼栋议事”制度"


def test_a_practice_loses_its_aspect_mark_and_counted_modifier_in_a_title() -> None:
    case = make_case(["青禾社区党委开展了一场热烈的志愿者誓师大会。"])
    case.title, case.title_generated = "青禾社区党委开展了一场热烈的志愿者誓师大会", True
    case.organization = "青禾社区党委"
    case.practices = ["开展了一场热烈的志愿者誓师大会"]
    assert generated_title(case) == "青禾社区：开展志愿者誓师大会"


def test_a_province_is_no_title_prefix_and_a_phrase_of_two_clauses_no_title() -> None:
    from exporter.model import Region

    case = make_case(["“我读懂了先民的智慧，”一位党员说。"])
    case.title, case.title_generated = "“我读懂了先民的智慧，”一位党员说", True
    case.region = Region(province="甘肃省")
    case.practices = ["参观结束后，支部开展研讨", "组织党员撰写参观感想"]
    assert generated_title(case) == "组织党员撰写参观感想"


def test_an_untitled_commentary_is_headed_by_its_point() -> None:
    case = make_case(
        ["近日，某地举办文物展。", "创新活动载体，让老文物不再沉睡。", "或许有人觉得如此。"],
        kind="commentary",
    )
    case.title, case.title_generated = "近日，某地举办文物展", True
    assert generated_title(case) == "创新活动载体 让老文物不再沉睡"


def test_a_city_named_like_a_prefecture_gets_its_full_committee_name() -> None:
    from exporter.enrich.organization import _cpc_of

    assert _cpc_of("苏州") == "中共苏州市委"
    assert _cpc_of("黔东南州") == "中共黔东南州委"

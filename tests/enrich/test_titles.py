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

from exporter.enrich.figures import key_figures
from exporter.enrich.numbers import chinese_to_int, to_arabic

from .helpers import make_case


def test_chinese_numerals() -> None:
    assert chinese_to_int("三十五") == 35
    assert chinese_to_int("一百零八") == 108
    assert chinese_to_int("两万三千") == 23000
    assert to_arabic("1,300") == "1300"
    assert to_arabic("87.5") == "87.5"


def test_figures_strip_approximation_and_keep_unit_and_snippet() -> None:
    case = make_case(
        ["组织2000余名志愿者参与抗洪抢险，共建成党群服务站三十余个，交易额4000多万元。"]
    )
    figs = {(f.value, f.unit): f.text for f in key_figures(case)}
    assert figs[("2000", "名")] == "组织志愿者 2000余名"
    assert figs[("30", "个")] == "建成党群服务站 30余个"  # printed in Arabic digits
    assert ("4000", "万元") in figs
    for (value, _), text in figs.items():
        assert value in text


def test_dates_ordinals_and_formula_names_are_skipped() -> None:
    case = make_case(
        ["2024年6月27日，第3次会议推行“1+5+N”模式，建立三级联动体系，服务群众1500人次。"]
    )
    values = [(f.value, f.unit) for f in key_figures(case)]
    assert values == [("1500", "人次")]


def test_at_most_six_and_outcomes_first() -> None:
    text = "，".join(f"组建服务队{n}支" for n in range(11, 20)) + "，其中2人年龄40岁。"
    figs = key_figures(make_case([text]))
    assert len(figs) == 6
    assert all(f.unit == "支" for f in figs)


def test_ten_thousands_stay_in_the_unit() -> None:
    case = make_case(
        ["电动车累计登记挂牌1.8万余辆，会员企业实现线上交易4000余万元，两万余名党员参与。"]
    )
    figs = {(f.value, f.unit) for f in key_figures(case)}
    assert {("1.8", "万辆"), ("4000", "万元"), ("2", "万名")} <= figs


def _labels(text: str) -> dict[str, str]:
    return {f.value: f.text for f in key_figures(make_case([text]))}


def test_each_figure_has_its_own_short_label() -> None:
    labels = _labels("全县选派195名党员干部组成70个工作组，其中40岁以下干部占比达到60%。")
    assert labels["195"] == "选派党员干部 195名"
    assert labels["70"] == "组成工作组 70个"
    assert "40" not in labels  # an age bound, not a count
    assert len(set(labels.values())) == len(labels)
    for text in labels.values():
        assert len(text) <= 20
        assert not text.startswith(("其中", "同时", "并"))


def test_idioms_thresholds_and_first_person_speech_are_no_figures() -> None:
    labels = _labels(
        "村里办起百家宴，服务千家万户，3个工作日内办结，"
        "老李笑着说：“我一年多了2000块钱收入。”村党支部发展党员12名。"
    )
    assert list(labels) == ["12"]
    assert labels["12"].endswith("发展党员 12名")


def test_label_keeps_quotes_balanced_and_drops_an_enumeration_before_it() -> None:
    labels = _labels("社区选拔楼栋长441名、单元长1125名，打造“红色驿站”12个。")
    assert labels["1125"] == "选拔单元长 1125名"
    assert labels["12"] == "打造“红色驿站” 12个"


def test_durations_and_numbered_names_are_no_figures() -> None:
    labels = _labels("为期6天的培训班开班，学员参观731部队罪证陈列馆，推动3390名在职党员下沉社区。")
    assert labels == {"3390": "推动在职党员 3390名"}

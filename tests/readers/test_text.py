"""Normalisation, warnings, paragraph repair and heavy text."""

from __future__ import annotations

import pytest

from exporter.readers import read_text
from exporter.readers.checks import check_line
from exporter.readers.punct import normalize


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("近期,西部多地以庆祝", "近期，西部多地以庆祝"),
        ("村(社区)挂牌;落实到位!", "村（社区）挂牌；落实到位！"),
        ("总书记指出:“我们", "总书记指出：“我们"),
        ("他说:好吗?", "他说：好吗？"),
        ("云南省双江县: 建设绿美城市", "云南省双江县：建设绿美城市"),
        ("1,300人", "1,300人"),
        ("10:30开会", "10:30开会"),
        ("5.8博爱周", "5.8博爱周"),
        ("配备AED设备", "配备AED设备"),
        ("Hello, world (test)!", "Hello, world (test)!"),
        ("见 http://a.cn/x?a=1,2 网址", "见 http://a.cn/x?a=1,2 网址"),
    ],
)
def test_punctuation_normalised_in_chinese_context_only(raw: str, want: str) -> None:
    assert normalize(raw) == want


def test_normalised_once_at_the_reader() -> None:
    _, cases = read_text(
        "标题:副题\n\n本报记者 张三\n\n今年以来,全县1,300名党员(含预备党员)参加。", "a.txt"
    )
    para = cases[0].paragraphs()[0].text
    assert para == "今年以来，全县1,300名党员（含预备党员）参加。"
    assert cases[0].byline == "本报记者 张三"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("推进棚户区 and 老旧小区改造", "spliced_english"),
        ("以更更优的网格服务", "duplicated_char"),
        ("激发干事创业创业热情", "duplicated_word"),
        ("获得二等獎", "traditional_char"),
    ],
)
def test_warnings(line: str, code: str) -> None:
    found = check_line(7, line)
    assert [w.code for w in found] == [code]
    assert found[0].line == 7


@pytest.mark.parametrize(
    "line", ["大家清清爽爽过新年", "人人参与，天天见效", "钉钉子精神", "生机勃勃"]
)
def test_no_warning_for_normal_reduplication(line: str) -> None:
    assert check_line(1, line) == []


def test_warnings_carry_line_numbers_and_text_is_not_rewritten() -> None:
    text = "标题\n\n本报记者 张三\n\n第一段。\n\n推进棚户区 and 老旧小区改造,成效明显。"
    src, cases = read_text(text, "a.txt")
    assert [(w.line, w.code) for w in src.warnings] == [(7, "spliced_english")]
    assert "棚户区 and 老旧小区" in cases[0].paragraphs()[-1].text


def test_split_paragraphs_rejoined_real_ones_kept() -> None:
    text = (
        "标题\n\n作者：张三\n\n"
        "在31个社区全覆盖落实“穿警服的社区副\n\n书记”工作,化解矛盾290余起。\n\n"
        "正在采茶的杨阿娜高兴\n\n地说道。\n\n"
        "这是完整的一段。\n\n这是另一段完整的话。\n\n"
        "（一）第一点内容。（二）第二点内容没有写完\n\n（三）第三点。"
    )
    _, cases = read_text(text, "a.txt")
    paras = [p.text for p in cases[0].paragraphs()]
    assert paras == [
        "在31个社区全覆盖落实“穿警服的社区副书记”工作，化解矛盾290余起。",
        "正在采茶的杨阿娜高兴地说道。",
        "这是完整的一段。",
        "这是另一段完整的话。",
        "（一）第一点内容。（二）第二点内容没有写完",
        "（三）第三点。",
    ]
    assert cases[0].paragraphs()[0].span.first_line == 5
    assert cases[0].paragraphs()[0].span.last_line == 7


def test_hard_wrapped_lines_and_crlf() -> None:
    text = "标题\r\n\r\n作者：李四\r\n\r\n第一行没有结束，\r\n第二行接着写完。\r\n新的一段。\r\n"
    _, cases = read_text(text.replace("\r\n", "\n"), "a.txt")
    assert [p.text for p in cases[0].paragraphs()] == [
        "第一行没有结束，第二行接着写完。",
        "新的一段。",
    ]


def test_twenty_thousand_character_paragraph() -> None:
    sentence = "基层党组织坚持以人民为中心，推动各项工作落地见效，群众满意度持续提升。"
    huge = (sentence * (20000 // len(sentence) + 1))[:20000]
    huge = huge[:-1] + "。"
    _, cases = read_text(f"长文标题\n\n本报记者 王五\n\n{huge}\n\n结尾一段。", "big.txt")
    paras = cases[0].paragraphs()
    assert len(paras) == 2
    assert len(paras[0].text) == 20000
    assert cases[0].title == "长文标题"


def test_long_heading_like_line_is_body() -> None:
    unterminated = "坚持党建引领" + "、".join(["深化基层治理创新实践"] * 29)
    assert len(unterminated) > 290
    text = f"标题\n\n本报记者 王五\n\n第一段。\n\n{unterminated}\n\n最后一段。"
    _, cases = read_text(text, "a.txt")
    case = cases[0]
    assert [s.heading for s in case.sections] == [None]
    assert any(unterminated in p.text for p in case.paragraphs())


def test_hard_wrapped_file_keeps_full_lines_as_body() -> None:
    paras = [
        "近年来，某某县坚持党建引领基层治理，推动组织力量下沉一线，建立网格党支部120个，"
        "选派党员干部800余名到社区报到服务，群众满意度明显提升，基层治理效能不断增强。",
        "该县还建立了“红色议事厅”，每月召开居民议事会，协商解决停车难、环境差等问题200余件，"
        "形成了共建共治共享的良好局面，得到了群众的广泛好评。",
        "下一步，该县将继续深化党建引领，推动基层治理体系和治理能力现代化。",
    ]
    wrapped = "\n".join(p[i : i + 24] for p in paras for i in range(0, len(p), 24))
    _, cases = read_text(f"党建引领基层治理见实效\n\n本报记者 张三\n\n{wrapped}\n", "w.txt")
    assert [s.heading for s in cases[0].sections] == [None]
    assert [p.text for p in cases[0].paragraphs()] == paras


@pytest.mark.parametrize("note", ["编者按\n\n", "编者按："])
def test_editor_note_is_furniture_not_a_case(note: str) -> None:
    text = (
        f"{note}基层党组织是党的全部工作和战斗力的基础。本版今起推出系列报道。\n\n"
        "红色物业暖民心\n\n本报记者 张三\n\n近年来，某某区推行红色物业。\n"
    )
    src, cases = read_text(text, "n.txt")
    assert [c.title for c in cases] == ["红色物业暖民心"]
    assert src.containers[0].intro[0].text.endswith("本版今起推出系列报道。")


def test_caption_above_credit_dropped_photo_news_credited() -> None:
    text = (
        "标题一\n\n本报记者 张三\n\n正文一段。\n\n"
        "5月20日，志愿者在社区为老人理发。\n\n新华社记者 王五 摄\n\n"
        "送学上门暖人心\n\n近日，某社区党支部开展送学上门活动。\n\n李四 摄\n"
    )
    src, cases = read_text(text, "c.txt")
    assert [(d.text, d.reason) for d in src.dropped] == [
        ("5月20日，志愿者在社区为老人理发。", "photo_caption"),
        ("新华社记者 王五 摄", "photo_credit"),
    ]
    photo = cases[1]
    assert (photo.kind, photo.authors, photo.byline) == ("news", ["李四"], "李四 摄")
    assert [c.role for c in photo.credits] == ["摄影"]


def test_title_with_dash_subtitle_opens_an_article() -> None:
    text = (
        "标题一\n\n本报记者 张三\n\n正文一段。\n\n"
        "红色物业暖民心\n\n——某某区党建引领物业服务纪实\n\n近年来，某某区推行红色物业。\n"
    )
    _, cases = read_text(text, "n.txt")
    assert [(c.title, c.subtitle) for c in cases] == [
        ("标题一", None),
        ("红色物业暖民心", "——某某区党建引领物业服务纪实"),
    ]


def test_photo_news_with_figure_sentence_keeps_its_body() -> None:
    text = (
        "标题一\n\n本报记者 张三\n\n正文一段。\n\n送学上门暖人心\n\n"
        "近日，某社区党支部开展送学上门活动。图为活动现场。\n\n李四 摄\n"
    )
    src, cases = read_text(text, "c.txt")
    assert [c.title for c in cases] == ["标题一", "送学上门暖人心"]
    assert cases[1].paragraphs()[0].text.endswith("图为活动现场。")
    assert cases[1].authors == ["李四"] and src.dropped == []


def test_bare_locality_line_is_a_kicker() -> None:
    text = (
        "标题一\n\n本报记者 张三\n\n正文一段。\n\n托克托县\n\n“三化三力”建强头雁队伍\n\n"
        "本报记者 李四\n\n托克托县以实施村党组织“头雁队伍”为抓手。\n"
    )
    _, cases = read_text(text, "k.txt")
    assert [(c.title, c.rubric) for c in cases] == [
        ("标题一", None),
        ("托克托县 “三化三力”建强头雁队伍", None),
    ]


def test_full_width_digits_become_half_width() -> None:
    from exporter.readers.punct import normalize

    assert normalize("累计参学３．２万人次，每周２期。") == "累计参学3.2万人次，每周2期。"
    assert normalize("共计126。2024年") == "共计126。2024年"


def test_long_single_line_is_read_at_its_indents() -> None:
    from exporter.readers.sentences import unfold_long_lines

    para = "某某县推行积分制管理，成效明显。" * 20
    text = f"标题\u3000\u3000{para}\u3000\u3000{para}\u3000\u3000结尾段落。"
    assert unfold_long_lines(text).split("\n") == ["标题", para, para, "结尾段落。"]
    short = "本报记者\u3000钱丽娟"
    assert unfold_long_lines(short) == short


def test_compound_tail_followed_by_the_same_verb_is_no_duplicate() -> None:
    from exporter.readers.checks import check_line

    assert not check_line(1, "全县126个村党组织组织党员集中收看。")
    assert [w.code for w in check_line(1, "鼓励创业创业带动就业。")] == ["duplicated_word"]

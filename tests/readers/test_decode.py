"""Decoding: encodings detected and recorded, newlines normalised, bad files reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporter.errors import InputError
from exporter.readers import read_file, read_paths
from exporter.readers.decode import decode

TEXT = "新城区：\n以党建引领乡村振兴\n\n近年来，新城区持续深化支部建设。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_encodings_detected_and_recorded(data: bytes, encoding: str) -> None:
    decoded = decode(data, "x.txt")
    assert decoded.encoding == encoding
    assert decoded.text == TEXT


def test_gbk_rare_characters_decode() -> None:
    text = "獎勵祿位：江西上栗县东源乡桥头村"
    assert decode(text.encode("gb18030")).text == text


@pytest.mark.parametrize(
    ("data", "newline"),
    [(b"a\r\nb\r\n", "CRLF"), (b"a\rb\r", "CR"), (b"a\nb\n", "LF")],
)
def test_newlines_normalised(data: bytes, newline: str) -> None:
    decoded = decode(data)
    assert decoded.newline == newline
    assert decoded.text == "a\nb\n"


def test_control_characters_removed_but_lines_kept() -> None:
    decoded = decode("第一段\x0c内容\x07。\n第二段\u200b。".encode())
    assert decoded.text == "第一段内容。\n第二段。"
    assert decoded.text.count("\n") == 1


def test_binary_file_is_an_error_with_offset() -> None:
    with pytest.raises(InputError) as err:
        decode(b"PK\x03\x04\x00\x00binary", "a.zip")
    assert "a.zip" in str(err.value)
    assert "offset 4" in str(err.value)


def test_broken_utf8_reports_the_bad_byte() -> None:
    good = "基层党组织是党的全部工作和战斗力的基础。".encode()
    with pytest.raises(InputError) as err:
        decode(good + b"\xff\xfe\xfd" + good, "bad.txt")
    assert f"offset {len(good)}" in str(err.value)


def test_read_paths_keeps_going_after_a_bad_file(tmp_path: Path) -> None:
    (tmp_path / "a_bad.txt").write_bytes(b"\x00\x01\x02\x03" * 20)
    (tmp_path / "b_good.txt").write_text(
        "标题\n\n本报记者 张三\n\n正文第一段。\n", encoding="utf-8"
    )
    comp = read_paths([tmp_path])
    assert [s.path.endswith("a_bad.txt") for s in comp.sources] == [True, False]
    bad, good = comp.sources
    assert bad.error is not None and "offset 0" in bad.error
    assert good.error is None and good.encoding == "utf-8"
    assert [c.title for c in comp.cases] == ["标题"]
    assert comp.cases[0].authors == ["张三"]


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        read_file(tmp_path / "nope.txt")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_mark_is_recognised(codec: str) -> None:
    decoded = decode(TEXT.encode(codec))
    assert decoded.encoding == codec
    assert decoded.text == TEXT


def test_big5_is_not_misread_as_gb18030() -> None:
    text = "基層黨組織是黨的全部工作和戰鬥力的基礎。近年來，各地堅持黨建引領，推動基層治理。\n"
    decoded = decode(text.encode("big5"))
    assert decoded.encoding == "big5"
    assert decoded.text == text


def test_short_utf8_first_line_over_a_gbk_body_decodes_both_and_warns(tmp_path: Path) -> None:
    head = "社区简报\n".encode()
    body = "红旗社区党委推行“楼栋议事”，解决居民急难愁盼问题三十余件。\n".encode("gbk")
    path = tmp_path / "pasted.txt"
    path.write_bytes(head + body * 3)
    src, cases = read_file(path)
    assert src.error is None and src.encoding == "utf-8+gb18030"
    text = "".join(p.text for c in cases for p in c.paragraphs())
    assert "红旗社区党委推行" in text
    assert "社区简报" in f"{cases[0].title}{cases[0].rubric}"  # the UTF-8 line, read right
    note = [w for w in src.warnings if w.code == "mixed_encoding"]
    assert note and f"byte offset {len(head)}" in note[0].message


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_mark_with_zero_low_bytes_is_not_binary(codec: str) -> None:
    # 一 开 最 需 have a zero byte in their UTF-16 code units: no byte half is zero-free.
    text = "一开最需：基层一线需要最开阔的视野。\n党员一心为民。\n"
    decoded = decode(text.encode(codec))
    assert decoded.encoding == codec
    assert decoded.text == text

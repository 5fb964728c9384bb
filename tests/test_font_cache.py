"""The parsed-font cache: a face rebuilt from the user cache folder must be the face reportlab
parses from the file, and a cache copied to another path of the same font must be shared."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from exporter import cache, fonts
from exporter.resources import fonts_dir


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cache.cache_dir.cache_clear()
    fonts.load_font.cache_clear()
    try:
        yield tmp_path
    finally:
        cache.cache_dir.cache_clear()
        fonts.load_font.cache_clear()


@pytest.mark.parametrize("name", ["NotoSansSC-Regular.ttf", "DejaVuSans.ttf"])  # 1000 / 2048 upm
def test_cached_face_equals_parsed_face(fresh_cache: Path, name: str) -> None:
    path = fonts_dir() / name
    assert fonts._cached_font("X", path) is None  # nothing cached yet
    parsed = fonts._parse_font("X", path)
    cached = fonts._cached_font("X", path)
    assert cached is not None
    reference = TTFont("X", str(path), validate=False)
    for attr in ("charToGlyph", "charWidths", "glyphPos", "hmetrics", "defaultWidth", "name"):
        ours, theirs = getattr(cached.face, attr), getattr(reference.face, attr)
        assert (list(ours) if attr == "glyphPos" else ours) == theirs  # glyphPos: an array
        assert getattr(parsed.face, attr) == theirs
    assert cached.face._pdfScale(500) == reference.face._pdfScale(500)
    # The subset program (what the PDF embeds) comes out byte for byte the same.
    codes = [ord(c) for c in "党建引领基层治理ABCé"]
    codes = [c for c in codes if c in reference.face.charToGlyph]
    assert codes
    assert cached.face.makeSubset(codes) == reference.face.makeSubset(codes)


def test_copies_of_a_font_share_one_cache_entry(fresh_cache: Path) -> None:
    src = fonts_dir() / "DejaVuSans.ttf"
    copy = fresh_cache / "elsewhere" / "DejaVuSans.ttf"
    copy.parent.mkdir()
    shutil.copyfile(src, copy)
    assert cache.stamp(src) == cache.stamp(copy)
    fonts._parse_font("DejaVuSans", src)
    assert fonts._cached_font("DejaVuSans", copy) is not None


def test_a_torn_cache_file_falls_back_to_parsing(fresh_cache: Path) -> None:
    path = fonts_dir() / "DejaVuSans.ttf"
    fonts._face_cache(path).write_bytes(b"\x80\x05not a pickle")
    font = fonts.load_font(path)
    assert font.face.charToGlyph[ord("A")] > 0

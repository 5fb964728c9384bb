"""Embedded fonts (ECMA-376 §17.8.1), family-name mode, reproducible bytes, exact text."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from fontTools.ttLib import TTFont
from lxml import etree

from exporter.writers.docx import write_docx
from exporter.writers.docx.fontfaces import obfuscate

from .conftest import NS, Built, R, W, style_value
from .sample import SPECIAL


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _embedded(b: Built) -> dict[tuple[str, str], TTFont]:
    """(family, embed kind) -> de-obfuscated font."""
    table = b.xml("word/fontTable.xml")
    rels = etree.fromstring(b.read("word/_rels/fontTable.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    fonts = {}
    for font in table.iterfind("w:font", NS):
        for emb in font:
            if not emb.tag.startswith(w("embed")):
                continue
            data = b.read("word/" + targets[emb.get(f"{{{R}}}id")])
            clear = obfuscate(data, emb.get(w("fontKey")))
            fonts[(font.get(w("name")), emb.tag.split("}")[1])] = TTFont(io.BytesIO(clear))
    return fonts


def _document_text(b: Built) -> str:
    text = []
    for name in b.names():
        if re.fullmatch(r"word/(document|header\d+|footer\d+)\.xml", name):
            text += [t.text or "" for t in b.xml(name).iter(w("t"))]
    return "".join(text)


def test_embedded_fonts_are_valid_and_cover_the_document(built: Built) -> None:
    fonts = _embedded(built)
    assert fonts, "no embedded fonts"
    settings = built.xml("word/settings.xml")
    assert settings.find("w:embedTrueTypeFonts", NS) is not None
    covered: set[int] = set()
    for font in fonts.values():
        assert font["glyf"] is not None and font["name"].getBestFamilyName()
        covered |= set(font.getBestCmap())
    missing = {m.char for m in built.result.missing_glyphs}
    # The word joiner (kept figures whole) is default-ignorable: it needs no glyph.
    text = {c for c in _document_text(built) if not c.isspace() and c != "\u2060"}
    assert "𠮷" in text and ord("𠮷") in covered  # Extension B from the fallback chain
    assert {c for c in text if ord(c) not in covered} == missing
    with zipfile.ZipFile(built.path) as z:
        types = z.read("[Content_Types].xml").decode()
    assert "application/vnd.openxmlformats-officedocument.obfuscatedFont" in types


def test_body_font_embedded_under_its_family_with_body_characters(built_book: Built) -> None:
    fonts = _embedded(built_book)
    body = fonts[("Noto Serif SC", "embedRegular")]
    cmap = body.getBestCmap()
    paragraphs = [p for body in built_book.cases.values() for p in body]
    chars = {c for p in paragraphs for c in p if c not in "😀𠮷" and not c.isspace()}
    assert all(ord(c) in cmap for c in chars)
    assert ("Noto Sans SC", "embedBold") in fonts  # bold headings
    table = built_book.xml("word/fontTable.xml")
    serif = table.find("w:font[@w:name='Noto Serif SC']", NS)
    assert serif.find("w:altName", NS).get(w("val")) == "宋体"  # where embedding is ignored
    assert serif.find("w:charset", NS).get(w("val")) == "86"
    assert len(cmap) < 6000  # subset, not the 30,000-character font


def test_family_names_mode_references_office_fonts(built_names: Built) -> None:
    b = built_names
    assert b.xml("word/settings.xml").find("w:embedTrueTypeFonts", NS) is None
    assert not [n for n in b.names() if n.endswith(".odttf")]
    styles = {s.get(w("styleId")): s for s in b.xml("word/styles.xml").iterfind("w:style", NS)}
    east = style_value(styles, "BodyText", "w:rPr/w:rFonts", "eastAsia")
    assert east == "仿宋_GB2312"
    office_names = {r.docx_family for r in b.layout.fonts.values()}
    for style_id in ("BodyText", "Heading1", "Heading2", "Heading3", "Summary", "Header"):
        east = style_value(styles, style_id, "w:rPr/w:rFonts", "eastAsia")
        assert east in office_names, style_id
    names = {f.get(w("name")) for f in b.xml("word/fontTable.xml").iterfind("w:font", NS)}
    assert {"仿宋_GB2312", "方正小标宋简体"} <= names


def test_same_input_gives_same_bytes(built_book: Built, tmp_path: Path) -> None:
    again = tmp_path / "again.docx"
    write_docx(built_book.book, built_book.layout, again, embed_fonts=True)
    assert again.read_bytes() == built_book.path.read_bytes()
    with zipfile.ZipFile(again) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_special_characters_round_trip_exactly(built: Built) -> None:
    texts = [p.text for p in docx.Document(str(built.path)).paragraphs]
    assert SPECIAL in texts


def test_same_bytes_in_another_process(built_book: Built, tmp_path: Path) -> None:
    """No dependence on hash seeds, caches or the clock."""
    import os
    import subprocess
    import sys

    out = tmp_path / "other.docx"
    code = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[2]);"
        "from writers.docx.sample import sample_book;"
        "from exporter.layout.load import load_layout;"
        "from exporter.writers.docx import write_docx;"
        "write_docx(sample_book()[0], load_layout('book'), Path(sys.argv[1]), embed_fonts=True)"
    )
    tests_dir = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", code, str(out), tests_dir], check=True, env=env)
    assert out.read_bytes() == built_book.path.read_bytes()


def test_subset_cache_on_disk_gives_the_same_font(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A subset read back from the user cache equals a fresh one and has the characters."""
    from exporter import cache
    from exporter.resources import fonts_dir
    from exporter.writers.docx import fontfaces

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache.cache_dir.cache_clear()
    fontfaces._subset_cached.cache_clear()
    path = fonts_dir() / "DejaVuSans.ttf"
    try:
        fresh = fontfaces.subset_font(path, set("Ωé"))
        assert list((tmp_path / "exporter").glob("subset-*.ttf"))
        fontfaces._subset_cached.cache_clear()
        again = fontfaces.subset_font(path, set("Ωé"))
    finally:
        cache.cache_dir.cache_clear()
        fontfaces._subset_cached.cache_clear()
    assert again == fresh
    cmap = TTFont(io.BytesIO(again)).getBestCmap()
    assert {ord("Ω"), ord("é"), ord("A")} <= set(cmap)


def test_spooling_the_body_in_small_pieces_changes_no_byte(
    built_book: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The body is serialized piece by piece; the pieces' size must not show in the file."""
    from exporter.writers.docx import blocks

    monkeypatch.setattr(blocks, "SPOOL_EVERY", 2)
    again = tmp_path / "spooled.docx"
    write_docx(built_book.book, built_book.layout, again, embed_fonts=True)
    assert again.read_bytes() == built_book.path.read_bytes()

"""Layouts are data: loading, inheritance, validation messages, sandboxed templates."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporter.errors import LayoutError
from exporter.layout.load import list_layouts, load_layout
from exporter.layout.templates import render


@pytest.mark.parametrize("name", ["book", "gongwen", "brief"])
def test_builtin_layouts_load_with_every_required_role(name: str) -> None:
    layout = load_layout(name)
    for role in ("body", "heading-1", "heading-2", "summary", "source-line", "footer"):
        assert role in layout.styles
    assert layout.fonts["serif"].files[0].endswith(".ttf")


def test_book_body_is_wuhao_song_with_two_character_indent() -> None:
    body = load_layout("book").styles["body"]
    assert body.size_pt == 10.5 and body.font == "serif" and body.first_line_chars == 2


def test_gongwen_follows_gbt9704_geometry() -> None:
    layout = load_layout("gongwen")
    page = layout.page
    assert (page.top_mm, page.inner_mm) == (37, 28)
    assert (page.text_width_mm, page.text_height_mm) == (156, 225)
    assert page.grid is not None and (page.grid.lines, page.grid.chars) == (22, 28)
    assert layout.styles["body"].size_pt == 16 and layout.styles["body"].font == "fangsong"
    assert layout.styles["heading-2"].size_pt == 22  # 2号 title
    assert layout.header_footer.footer == "— {page} —"
    assert layout.fonts["fangsong"].docx_family == "仿宋_GB2312"


def test_brief_inherits_book_and_groups_by_region() -> None:
    brief, book = load_layout("brief"), load_layout("book")
    assert brief.group_by == "region"
    assert brief.case_parts == ["source_line", "summary", "figures"]
    assert brief.styles["body"] == book.styles["body"]  # inherited untouched


def _user_layout(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "layout.toml").write_text(body, encoding="utf-8")
    return folder


def test_user_layout_extends_book_changing_only_body_size_and_paper(tmp_path: Path) -> None:
    folder = _user_layout(
        tmp_path,
        'extends = "book"\nname = "mine"\n[page]\nsize = "B5"\n[styles.body]\nsize = "小四"\n',
    )
    layout = load_layout(folder)
    assert layout.name == "mine"
    assert (layout.page.width_mm, layout.page.height_mm) == (176, 250)
    assert layout.styles["body"].size_pt == 12
    assert layout.styles["body"].font == "serif"  # everything else inherited
    assert layout.styles["heading-1"] == load_layout("book").styles["heading-1"]


def test_typo_key_is_reported_with_file_and_dotted_key(tmp_path: Path) -> None:
    folder = _user_layout(tmp_path, 'extends = "book"\n[styles.body]\nsise = 12\n')
    with pytest.raises(LayoutError) as err:
        load_layout(folder)
    assert "layout.toml" in err.value.message and "styles.body.sise" in err.value.message


def test_bad_size_is_reported(tmp_path: Path) -> None:
    folder = _user_layout(tmp_path, 'extends = "book"\n[styles.body]\nsize = "七号半"\n')
    with pytest.raises(LayoutError, match=r"styles\.body\.size"):
        load_layout(folder)


def test_bad_paper_and_unknown_layout_name(tmp_path: Path) -> None:
    folder = _user_layout(tmp_path, 'extends = "book"\n[page]\nsize = "A9"\n')
    with pytest.raises(LayoutError, match=r"page\.size"):
        load_layout(folder)
    with pytest.raises(LayoutError, match="no layout named"):
        load_layout("no-such-layout")


def test_template_cannot_reach_python_internals(tmp_path: Path) -> None:
    folder = _user_layout(tmp_path, 'extends = "book"\n')
    (folder / "templates").mkdir()
    (folder / "templates" / "header.j2").write_text("{{ ''.__class__.__mro__ }}", encoding="utf-8")
    layout = load_layout(folder)
    with pytest.raises(LayoutError, match="template error"):
        render(layout, "header", book={}, part={"title": "x"})


def test_template_undefined_variable_is_an_error(tmp_path: Path) -> None:
    folder = _user_layout(tmp_path, 'extends = "book"\n')
    (folder / "templates").mkdir()
    (folder / "templates" / "header.j2").write_text("{{ no_such_thing }}", encoding="utf-8")
    with pytest.raises(LayoutError, match="undefined"):
        render(load_layout(folder), "header", book={}, part={"title": "x"})


def test_case_text_is_data_not_template_source() -> None:
    layout = load_layout("book")
    case = {
        "original_title": None,
        "authors": ["{{ 7*7 }}"],
        "region": "",
        "theme": "",
        "source_name": "a.txt",
    }
    assert "{{ 7*7 }}" in render(layout, "source_line", case=case)


def test_list_layouts_includes_builtins_and_a_user_folder(tmp_path: Path) -> None:
    _user_layout(tmp_path, 'extends = "book"\nname = "mine"\ndescription = "my own"\n')
    names = {name for name, _desc, _path in list_layouts(tmp_path)}
    assert {"book", "gongwen", "brief", "mine"} <= names

"""Folder expansion: text files sorted, the build's own output folder skipped, links followed
to where they point."""

from pathlib import Path

from exporter.readers import expand_paths


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("正文。\n", encoding="utf-8")
    return path


def test_folders_give_their_text_files_sorted_and_files_pass_as_given(tmp_path: Path) -> None:
    b = _touch(tmp_path / "in" / "b.txt")
    a = _touch(tmp_path / "in" / "sub" / "a.MD")
    word = _touch(tmp_path / "in" / "notes.docx")  # Word, HTML and PDF files are read too
    _touch(tmp_path / "in" / "sheet.xlsx")
    given = tmp_path / "given.dat"
    assert list(expand_paths([tmp_path / "in", given])) == [b, word, a, given]


def test_the_output_folder_inside_an_input_folder_is_skipped(tmp_path: Path) -> None:
    kept = _touch(tmp_path / "in" / "case.txt")
    _touch(tmp_path / "in" / "out" / "compendium.md")
    _touch(tmp_path / "in" / "out" / "deeper" / "x.txt")
    assert list(expand_paths([tmp_path / "in"], tmp_path / "in" / "out")) == [kept]
    # the same folder named through a relative path with `..` is still recognised
    odd = tmp_path / "in" / "out" / ".." / "out"
    assert list(expand_paths([tmp_path / "in"], odd)) == [kept]


def test_links_count_where_they_point(tmp_path: Path) -> None:
    out = tmp_path / "in" / "out"
    written = _touch(out / "compendium.md")
    outside = _touch(tmp_path / "elsewhere" / "case.txt")
    (tmp_path / "in" / "to-out.md").symlink_to(written)
    inside = out / "to-outside.txt"
    inside.symlink_to(outside)
    linked = tmp_path / "in" / "to-outside.txt"
    linked.symlink_to(outside)
    # a link to a file in the output folder is skipped; one pointing out of it is read
    assert list(expand_paths([tmp_path / "in"], out)) == [inside, linked]

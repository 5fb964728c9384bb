"""Issue 17 item 16: wrong-typed or absurd layout values fail at load with the dotted key
(exit 2), and font files must be fonts inside the fonts folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from exporter.cli import main
from exporter.errors import LayoutError
from exporter.layout import checks
from exporter.layout.load import load_layout
from exporter.resources import fonts_dir

ROOT = Path(__file__).resolve().parents[2]
SEED = sorted((ROOT / "input").glob("*.txt"))[0]

BAD = {
    "embed_fonts_string": ('embed_fonts = "false"', "embed_fonts"),
    "mirror_string": ('[page]\nmirror = "no"', "page.mirror"),
    "nan_size": ("[styles.body]\nsize = nan", "styles.body.size"),
    "inf_leading": ("[styles.body]\nleading = inf", "styles.body.leading"),
    "zero_size": ("[styles.body]\nsize = 0\nleading = 0", "styles.body.size"),
    "zero_grid": ("[page]\ngrid = {lines = 0, chars = 28}", "page.grid.lines"),
    "float_grid": ("[page]\ngrid = {lines = 22.5, chars = 28}", "page.grid.lines"),
    "tiny_page": (
        "[page]\nwidth_mm = 1\nheight_mm = 1\ntop_mm = 0\nbottom_mm = 0",
        "page.width_mm",
    ),
    "huge_page": ("[page]\nwidth_mm = 10000\nheight_mm = 10000", "page.width_mm"),
    "negative_margin": ("[page]\ntop_mm = -5", "page.top_mm"),
    "nan_margin": ("[page]\ninner_mm = nan", "page.inner_mm"),
    "bold_string": ('[styles.body]\nbold = "false"', "styles.body.bold"),
    "header_string": ('[header_footer]\nheader = "off"', "header_footer.header"),
    "footer_number": ("[header_footer]\nfooter = 5", "header_footer.footer"),
    "styles_not_table": ("styles = 5", "styles"),
    "page_not_table": ("page = 5", "page"),
    "parts_string": ('parts = "cover"', "parts"),
    "name_number": ("name = 5", "name"),
    "font_outside": ('[fonts.serif]\nfiles = ["../../../../etc/hostname"]', "fonts.serif"),
    "font_absolute": ('[fonts.serif]\nfiles = ["/etc/hostname"]', "fonts.serif"),
    "files_string": ('[fonts.serif]\nfiles = "a.ttf"', "fonts.serif.files"),
    "labels_not_table": ('labels = "x"', "labels"),
    "label_unknown": ('[labels]\nsumary = "摘要："', "labels.sumary"),
    "label_number": ("[labels]\nfigures = 5", "labels.figures"),
    "padding_negative": ("[styles.summary-box]\npadding = -1", "styles.summary-box.padding"),
    "axis_colour_name": ('[styles.chart]\naxis_color = "grey"', "styles.chart.axis_color"),
}


def _layout(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "layout.toml").write_text(f'extends = "book"\n{body}\n', encoding="utf-8")
    return folder


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_layout_values_fail_with_the_dotted_key(tmp_path: Path, case: str) -> None:
    body, key = BAD[case]
    folder = _layout(tmp_path, body)
    with pytest.raises(LayoutError) as err:
        load_layout(folder)
    assert f"'{key}" in err.value.message and "layout.toml" in err.value.message
    args = ["build", str(SEED), "-o", str(tmp_path / "o"), "--format", "json"]
    res = CliRunner().invoke(main, [*args, "--layout", str(folder)])
    assert res.exit_code == 2 and "Traceback" not in res.output, res.output
    assert not (tmp_path / "o" / "compendium.json").exists()


def test_a_file_that_is_not_a_font_is_refused(tmp_path: Path) -> None:
    (tmp_path / "fake.ttf").write_text("not a font at all", encoding="utf-8")
    with pytest.raises(LayoutError, match="is not a TrueType/OpenType font"):
        checks.font_file(tmp_path, "fake.ttf", "fonts.serif", tmp_path / "layout.toml")
    real = next(p for p in fonts_dir().iterdir() if p.suffix.lower() in (".ttf", ".otf"))
    assert checks.font_file(fonts_dir(), real.name, "fonts.serif", tmp_path) == real.resolve()


def test_the_built_in_layouts_still_load() -> None:
    for name in ("book", "gongwen", "brief"):
        assert load_layout(name).name

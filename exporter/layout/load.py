"""Load and validate layouts: `layouts/<name>/layout.toml` plus `templates/*.j2`.

A layout may `extends = "book"` (a built-in name or a path relative to its folder) and
override only what differs; tables are merged key by key. Every key is checked, so a typo
fails with the file and the dotted key instead of being silently ignored.
"""

from __future__ import annotations

import sys
from dataclasses import fields
from pathlib import Path
from typing import Any

from exporter.errors import LayoutError
from exporter.layout import checks
from exporter.layout.model import FontRole, Grid, HeaderFooter, Labels, Layout, PageSpec, Style
from exporter.resources import fonts_dir, layouts_dir

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# Chinese type sizes (字号) in points.
SIZE_NAMES = {
    "初号": 42,
    "小初": 36,
    "一号": 26,
    "小一": 24,
    "二号": 22,
    "小二": 18,
    "三号": 16,
    "小三": 15,
    "四号": 14,
    "小四": 12,
    "五号": 10.5,
    "小五": 9,
    "六号": 7.5,
    "小六": 6.5,
}
PAPER_MM = {
    "A4": (210.0, 297.0),
    "A5": (148.0, 210.0),
    "B5": (176.0, 250.0),
    "16K": (185.0, 260.0),
    "LETTER": (215.9, 279.4),
}
TOP_KEYS = {
    "name",
    "description",
    "extends",
    "parts",
    "group_by",
    "case_parts",
    "embed_fonts",
    "page",
    "header_footer",
    "fonts",
    "styles",
    "labels",
}
PART_NAMES = {
    "cover",
    "preface",
    "toc",
    "overview",
    "chapters",
    "index_regions",
    "index_keywords",
    "sources",
}
CASE_PARTS = {"source_line", "summary", "figures", "practices", "body", "lessons"}
GROUPINGS = {"theme", "region", "source"}
ALIGNS = {"justify", "left", "center", "right"}
FOOTER_ALIGNS = {"center", "outer", "inner", "left", "right"}
# Style keys as written in TOML -> dataclass field.
STYLE_KEYS = {
    "font": "font",
    "size": "size_pt",
    "leading": "leading_pt",
    "bold": "bold",
    "italic": "italic",
    "color": "color",
    "align": "align",
    "first_line_chars": "first_line_chars",
    "left_chars": "left_chars",
    "space_before": "space_before_pt",
    "space_after": "space_after_pt",
    "keep_with_next": "keep_with_next",
    "page_break_before": "page_break_before",
    "background": "background",
    "border": "border",
    "letter_spacing": "letter_spacing_pt",
    "padding": "padding_em",
    "label_color": "label_color",
    "axis_color": "axis_color",
}
COLOUR_KEYS = ("color", "background", "border", "label_color", "axis_color")
REQUIRED_STYLES = {"body", "heading-1", "heading-2", "heading-3", "heading-4", "header", "footer"}


def is_builtin_name(value: str) -> bool:
    """Whether `value` names a built-in layout (a bare name, no path separator)."""
    bare = "/" not in value and "\\" not in value and value not in (".", "..")
    return bare and (layouts_dir() / value / "layout.toml").is_file()


def resolve_layout_dir(name_or_path: str | Path | None) -> Path:
    """A layout folder from a layout.toml path, a folder holding one, or a built-in name.
    A bare built-in name wins over a folder of that name without a layout.toml (say an
    earlier `-o gongwen`)."""
    value = str(name_or_path or "book")
    path = Path(value)
    if path.is_file():
        return path.parent
    if (path / "layout.toml").is_file():
        return path
    if is_builtin_name(value):
        return layouts_dir() / value
    if path.is_dir():
        return path  # loading reports the missing layout.toml with the folder
    known = ", ".join(sorted(p.name for p in layouts_dir().iterdir() if p.is_dir()))
    raise LayoutError(f"no layout named {value!r} (built-in: {known}; or give a folder path)")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise LayoutError("layout.toml not found", str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise LayoutError(f"invalid TOML: {exc}", str(path)) from None


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _load_raw(folder: Path, seen: tuple[Path, ...] = ()) -> tuple[dict[str, Any], list[Path]]:
    """The merged TOML data and the chain of folders (parent first) it came from."""
    folder = folder.resolve()
    if folder in seen:
        raise LayoutError("layout extends itself (cycle)", str(folder / "layout.toml"))
    path = folder / "layout.toml"
    data = _read_toml(path)
    _check_keys(data, TOP_KEYS, "", path)
    parent = data.get("extends")
    if parent is None:
        return data, [folder]
    if not isinstance(parent, str):
        raise LayoutError("key 'extends': expected a layout name or folder path", str(path))
    rel = folder / parent
    parent_dir = rel if (rel / "layout.toml").is_file() else resolve_layout_dir(parent)
    base, chain = _load_raw(parent_dir, (*seen, folder))
    merged = _merge(base, {k: v for k, v in data.items() if k != "extends"})
    return merged, [*chain, folder]


def _check_keys(table: dict[str, Any], allowed: set[str], prefix: str, path: Path) -> None:
    for key in checks.table(table, prefix or "(top level)", path):
        if key not in allowed:
            expected = ", ".join(sorted(allowed))
            raise LayoutError(
                f"unknown key '{prefix}{key}' (expected one of: {expected})", str(path)
            )


def _number(value: Any, key: str, path: Path, *, sizes: bool = False) -> float:
    if sizes and isinstance(value, str) and value in SIZE_NAMES:
        return float(SIZE_NAMES[value])
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        want = "a size in pt or a Chinese size name (五号, 三号 …)" if sizes else "a number ≥ 0"
        raise LayoutError(f"key '{key}': expected {want}, got {value!r}", str(path))
    return checks.finite(float(value), key, path, positive=sizes)


def _choice(value: Any, allowed: set[str], key: str, path: Path) -> str:
    if value not in allowed:
        raise LayoutError(
            f"key '{key}': expected one of {sorted(allowed)}, got {value!r}", str(path)
        )
    return str(value)


def _page(raw: dict[str, Any], path: Path) -> PageSpec:
    """`[page]`: a paper name or sizes, margins, mirror and grid, each checked; the
    margins must leave a type area."""
    allowed = {f.name for f in fields(PageSpec)} | {"size", "grid"}
    _check_keys(raw, allowed, "page.", path)
    page = PageSpec()
    size = raw.get("size")
    if size is not None:
        if str(size).upper() not in PAPER_MM:
            raise LayoutError(
                f"key 'page.size': expected one of {sorted(PAPER_MM)}, got {size!r}", str(path)
            )
        page.width_mm, page.height_mm = PAPER_MM[str(size).upper()]
    for f in fields(PageSpec):
        if f.name in raw and f.name not in ("grid", "mirror"):
            setattr(page, f.name, _number(raw[f.name], f"page.{f.name}", path))
    page.mirror = checks.boolean(raw.get("mirror", page.mirror), "page.mirror", path)
    checks.paper(page.width_mm, page.height_mm, path)
    if "grid" in raw:
        grid = raw["grid"]
        _check_keys(grid, {"lines", "chars"}, "page.grid.", path)
        page.grid = Grid(
            checks.whole(grid.get("lines"), "page.grid.lines", path),
            checks.whole(grid.get("chars"), "page.grid.chars", path),
        )
    if page.text_width_mm <= 20 or page.text_height_mm <= 20:
        raise LayoutError("key 'page': margins leave no room for text", str(path))
    return page


def _fonts(raw: dict[str, Any], path: Path) -> dict[str, FontRole]:
    """`[fonts.ROLE]`: font files that must be fonts inside the fonts folder, and the
    Word family names."""
    out: dict[str, FontRole] = {}
    folder = fonts_dir()
    for role, spec in raw.items():
        _check_keys(
            spec,
            {"files", "bold_files", "docx_family", "docx_latin", "docx_alt"},
            f"fonts.{role}.",
            path,
        )
        key = f"fonts.{role}"
        files = checks.str_list(spec.get("files"), f"{key}.files", path)
        bold = checks.str_list(spec.get("bold_files", []), f"{key}.bold_files", path)
        if not files:
            raise LayoutError(f"key '{key}.files': expected a list of font files", str(path))
        for name in [*files, *bold]:
            checks.font_file(folder, name, key, path)
        family = checks.text(spec.get("docx_family", ""), f"{key}.docx_family", path)
        latin = checks.text(spec.get("docx_latin", ""), f"{key}.docx_latin", path)
        alt = checks.text(spec.get("docx_alt", ""), f"{key}.docx_alt", path)
        out[role] = FontRole(role, files, bold, family, latin, alt)
    return out


def _style(role: str, raw: dict[str, Any], fonts: dict[str, FontRole], path: Path) -> Style:
    """`[styles.ROLE]`: each key of STYLE_KEYS checked by its kind (flag, font role,
    alignment, colour, size or number); the leading may not be below the size."""
    _check_keys(raw, set(STYLE_KEYS), f"styles.{role}.", path)
    style = Style(role)
    for key, attr in STYLE_KEYS.items():
        if key not in raw:
            continue
        value = raw[key]
        dotted = f"styles.{role}.{key}"
        if attr in ("bold", "italic", "keep_with_next", "page_break_before"):
            value = checks.boolean(value, dotted, path)
        elif attr == "font":
            value = _choice(value, set(fonts), dotted, path)
        elif attr == "align":
            value = _choice(value, ALIGNS, dotted, path)
        elif attr in COLOUR_KEYS:
            if not (isinstance(value, str) and len(value) == 7 and value.startswith("#")):
                raise LayoutError(f"key '{dotted}': expected a colour like '#RRGGBB'", str(path))
        else:
            value = _number(value, dotted, path, sizes=attr in ("size_pt", "leading_pt"))
        setattr(style, attr, value)
    if style.leading_pt < style.size_pt:
        raise LayoutError(f"key 'styles.{role}.leading': smaller than the size", str(path))
    return style


def _header_footer(raw: dict[str, Any], path: Path) -> HeaderFooter:
    hf = HeaderFooter()
    for key in ("header", "header_rule"):
        if key in raw:
            setattr(hf, key, checks.boolean(raw[key], f"header_footer.{key}", path))
    for key in ("footer", "footer_align"):
        if key in raw:
            setattr(hf, key, checks.text(raw[key], f"header_footer.{key}", path))
    if raw.get("footer_offset_mm") is not None:
        key = "header_footer.footer_offset_mm"
        hf.footer_offset_mm = _number(raw["footer_offset_mm"], key, path)
    return hf


def _labels(raw: dict[str, Any], path: Path) -> Labels:
    """`[labels]`: each key one of Labels' fields, each value a string (may be empty)."""
    _check_keys(raw, {f.name for f in fields(Labels)}, "labels.", path)
    labels = Labels()
    for key, value in raw.items():
        setattr(labels, key, checks.text(value, f"labels.{key}", path))
    return labels


def _templates(chain: list[Path]) -> dict[str, str]:
    out: dict[str, str] = {}
    for folder in chain:  # parent first, so a child's template overrides
        for t in sorted((folder / "templates").glob("*.j2")):
            out[t.stem] = t.read_text(encoding="utf-8")
    return out


def load_layout(name_or_path: str | Path | None = None) -> Layout:
    """Load a built-in layout by name or a layout folder, with its `extends` chain merged
    and every key validated (LayoutError names the file and the dotted key)."""
    folder = resolve_layout_dir(name_or_path)
    raw, chain = _load_raw(folder)
    path = folder / "layout.toml"
    fonts = _fonts(checks.table(raw.get("fonts", {}), "fonts", path), path)
    style_tables = checks.table(raw.get("styles", {}), "styles", path)
    styles = {role: _style(role, s, fonts, path) for role, s in style_tables.items()}
    missing = REQUIRED_STYLES - set(styles)
    if missing:
        raise LayoutError(f"key 'styles': missing roles {sorted(missing)}", str(path))
    hf_raw = raw.get("header_footer", {})
    _check_keys(hf_raw, {f.name for f in fields(HeaderFooter)}, "header_footer.", path)
    hf = _header_footer(hf_raw, path)
    _choice(hf.footer_align, FOOTER_ALIGNS, "header_footer.footer_align", path)
    parts = checks.str_list(raw.get("parts", []), "parts", path)
    for p in parts:
        _choice(p, PART_NAMES, "parts", path)
    case_parts = checks.str_list(raw.get("case_parts", list(CASE_PARTS)), "case_parts", path)
    for p in case_parts:
        _choice(p, CASE_PARTS, "case_parts", path)
    return Layout(
        name=checks.text(raw.get("name", folder.name), "name", path),
        description=checks.text(raw.get("description", ""), "description", path),
        path=folder,
        page=_page(raw.get("page", {}), path),
        fonts=fonts,
        styles=styles,
        parts=list(parts),
        group_by=_choice(raw.get("group_by", "theme"), GROUPINGS, "group_by", path),
        case_parts=list(case_parts),
        header_footer=hf,
        templates=_templates(chain),
        embed_fonts=checks.boolean(raw.get("embed_fonts", True), "embed_fonts", path),
        labels=_labels(checks.table(raw.get("labels", {}), "labels", path), path),
    )


def list_layouts(extra: Path | None = None) -> list[tuple[str, str, Path]]:
    """(name, description, folder) of the built-in layouts and those in `extra`."""
    out = []
    for base in [layouts_dir(), *([extra] if extra else [])]:
        for folder in sorted(p for p in base.iterdir() if (p / "layout.toml").is_file()):
            data = _read_toml(folder / "layout.toml")
            out.append(
                (str(data.get("name", folder.name)), str(data.get("description", "")), folder)
            )
    return out


def layout_files(name_or_path: str | Path | None) -> tuple[list[Path], list[Path]]:
    """What a layout is made of: the layout.toml and templates of every folder of its
    `extends` chain (parent first), and the font files it names."""
    raw, chain = _load_raw(resolve_layout_dir(name_or_path))
    own = [f for d in chain for f in [d / "layout.toml", *sorted((d / "templates").glob("*.j2"))]]
    names = [
        n
        for spec in raw.get("fonts", {}).values()
        if isinstance(spec, dict)
        for n in [*spec.get("files", []), *spec.get("bold_files", [])]
        if isinstance(n, str)
    ]
    return own, [fonts_dir() / n for n in dict.fromkeys(names)]

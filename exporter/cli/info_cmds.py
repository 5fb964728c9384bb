"""`exporter layouts` and `exporter fonts`: what the tool has to typeset with."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from exporter.cli import main


@main.command("layouts")
@click.argument("folder", required=False, type=click.Path(path_type=Path, file_okay=False))
def layouts_cmd(folder: Path | None) -> None:
    """List the built-in layouts (and those in FOLDER) with a description."""
    from exporter.layout.load import list_layouts

    for name, description, path in list_layouts(folder):
        click.echo(f"{name:10} {description}\n{'':10} {path}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--layout",
    envvar="EXPORTER_LAYOUT",
    default="book",
    show_default=True,
    help="Layout whose fonts to check.",
)
def fonts(paths: tuple[Path, ...], layout: str) -> None:
    """Show which font serves each role, and which input characters no font covers.

    \b
    Examples:
      exporter fonts
      exporter fonts --layout gongwen news/
    """
    from exporter.coverage import codepoints, missing_glyphs
    from exporter.fonts import role_chain
    from exporter.layout.load import load_layout
    from exporter.pipeline import read_inputs
    from exporter.resources import default_input_dir, fonts_dir

    lay = load_layout(layout)
    click.echo(f"layout {lay.name}; fonts from {fonts_dir()}")
    for name, role in lay.fonts.items():
        chain = role_chain(role)
        click.echo(
            f"{name:9} {chain[0].name} ({len(codepoints(chain[0])):,} characters)"
            f" + fallback {', '.join(p.name for p in chain[1:]) or 'none'};"
            f" Word name {role.docx_family or '-'}"
        )
    comp, _errors = read_inputs(list(paths) or [default_input_dir()])
    missing = missing_glyphs(comp, lay)
    for m in missing:
        click.echo(f"uncovered: {m.char} {m.codepoint} in {m.file} case {m.case} (role {m.role})")
    click.echo(f"{len({m.char for m in missing})} characters no font covers")
    sys.exit(1 if missing else 0)

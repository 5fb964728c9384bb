"""The `exporter` command line. Thin: parses options and calls the pure core.

Heavy modules (reportlab, python-docx, jieba) are imported inside commands so that
`exporter --help` stays fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from exporter import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="exporter")
def main() -> None:
    """Turn Chinese party-building news text into a typeset case compendium (案例汇编).

    \b
    Examples:
      exporter build                      # input/ -> build/compendium.pdf, .docx
      exporter inspect input/ --json      # the case model as JSON
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the case model as JSON on stdout.")
@click.option("--no-enrich", is_flag=True, help="Skip enrichment (summaries, regions, themes).")
def inspect(paths: tuple[Path, ...], as_json: bool, no_enrich: bool) -> None:
    """Read PATHS (files or folders; default input/) and show the cases found.

    \b
    Examples:
      exporter inspect input/000_1d95dd54681f5119.txt
      exporter inspect --json input/ > cases.json
    """
    from exporter.enrich import enrich
    from exporter.model import to_dict
    from exporter.readers import read_paths
    from exporter.resources import default_input_dir

    comp = read_paths(list(paths) or [default_input_dir()])
    if not no_enrich:
        enrich(comp)
    if as_json:
        json.dump(to_dict(comp), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        _print_table(comp)
    for src in comp.errors():
        click.echo(f"error: {src.path}: {src.error}", err=True)
    if comp.errors():
        sys.exit(1)


def _print_table(comp: object) -> None:
    from exporter.model import Compendium

    assert isinstance(comp, Compendium)
    warnings = {s.path: len(s.warnings) for s in comp.sources}
    for c in comp.cases:
        title = (c.title or "")[:30]
        byline = (c.byline or "")[:16]
        click.echo(
            f"{c.id:28} {c.kind:10} {len(c.paragraphs()):3}段 {title:32} {byline:18}"
            f" warn={warnings.get(c.source, 0)}"
        )
    click.echo(f"{len(comp.cases)} cases from {len(comp.sources)} files")

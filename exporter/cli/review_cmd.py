"""`exporter review`: the editors' review sheet (one row per case) for `build --edits`."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import click

from exporter.cli import main


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default="review.xlsx",
    show_default=True,
    help="The review sheet (.xlsx); an existing one is updated, its edits kept.",
)
@click.option("--layout", default="book", show_default=True, help="Layout (for its chapters).")
@click.option(
    "--group-by",
    type=click.Choice(["theme", "region", "source"]),
    default=None,
    help="Chapter grouping shown in 章节 (default: the layout's).",
)
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable report.")
def review(
    paths: tuple[Path, ...], output: Path, layout: str, group_by: str | None, as_json: bool
) -> None:
    """Write the review sheet of PATHS (default input/): one row per case, in book order.

    Editors change cells (title, summary, theme, region, practices, key figures, lessons,
    chapter, order, 收录 是/否, accepted 校对 fixes); `exporter build --edits FILE` applies
    them to every output. Run again after the inputs change: edited cells are kept, new
    cases appended, vanished ones marked.

    \b
    Exit codes: 0 ok, 1 some input failed, 2 usage error, 3 the sheet could not be written
    (or the file at -o is no review sheet: it is never overwritten).
    \b
    Examples:
      exporter review input/ -o review.xlsx
      exporter build input/ --edits review.xlsx --format pdf,docx,json
    """
    from exporter.editorial.make import review as run_review
    from exporter.resources import default_input_dir

    result = run_review(
        list(paths) or [default_input_dir()], output, group_by=group_by, layout=layout
    )
    if as_json:
        report = {"schema": "exporter.review-report/1", **asdict(result)}
        click.echo(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        for err in result.errors:
            click.echo(f"error: {err}", err=True)
        verb = "updated" if result.updated else "wrote"
        click.echo(
            f"{verb} {result.path}: {result.rows} rows ({result.cases} cases; "
            f"{result.added} new, {result.vanished} no longer in the inputs, "
            f"{result.kept_edits} edited cells kept)"
        )
    sys.exit(result.exit_code)

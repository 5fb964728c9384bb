"""`exporter build`: the main job, with a stage progress bar and a JSON report."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from exporter.cli import main
from exporter.textsafe import json_text, printable
from exporter.writers import registry


def _formats(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[str, ...]:
    items = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    bad = registry.unknown(items)
    if bad or not items:
        choices = ", ".join(registry.formats())
        raise click.BadParameter(f"{', '.join(bad) or value!r}: choose from {choices}")
    return items


class _FormatOption(click.Option):
    """`--format`, whose help lists the registered writers when it is shown (not when
    this module is imported), so a format registered later is listed too."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        self.help = f"Comma-separated output formats: {', '.join(registry.formats())}."
        return super().get_help_record(ctx)


class _StageBar:
    """Stage progress on a terminal; silent otherwise."""

    def __init__(self, enabled: bool, stages: int) -> None:
        self.bar = (
            click.progressbar(length=stages, label="building", file=sys.stderr) if enabled else None
        )
        if self.bar:
            self.bar.__enter__()

    def __call__(self, message: str) -> None:
        if self.bar:
            self.bar.label = message
            self.bar.update(1)

    def close(self) -> None:
        if self.bar:
            self.bar.__exit__(None, None, None)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default="build",
    envvar="EXPORTER_OUTPUT",
    show_default=True,
    help="Output folder.",
)
@click.option(
    "--format",
    "formats",
    default="pdf,docx",
    envvar="EXPORTER_FORMAT",
    callback=_formats,
    show_default=True,
    cls=_FormatOption,
)
@click.option(
    "--layout",
    envvar="EXPORTER_LAYOUT",
    default="book",
    show_default=True,
    help="Built-in layout name (book, gongwen, brief) or a layout folder.",
)
@click.option(
    "--group-by",
    type=click.Choice(["theme", "region", "source"]),
    default=None,
    help="Chapter grouping (default: the layout's).",
)
@click.option(
    "--title",
    envvar="EXPORTER_TITLE",
    default="基层党建案例汇编",
    show_default=True,
    help="Book title on the cover and in the metadata.",
)
@click.option("--subtitle", default="", help="Cover subtitle.")
@click.option("--editor", default="", help="Editor line on the cover.")
@click.option("--date", default="", help="Date line on the cover (e.g. 2026年11月).")
@click.option("--name", default="compendium", show_default=True, help="Output file name stem.")
@click.option(
    "--include-off-topic", is_flag=True, help="Also print cases not about party building."
)
@click.option(
    "--embed-fonts",
    type=click.Choice(["subset", "full", "none"]),
    default=None,
    help="DOCX fonts: subset (the layout's default: the characters used), full (whole "
    "faces: new text never shows boxes, some tens of MB), none (Office font names only).",
)
@click.option("--no-embed-fonts", is_flag=True, help="DOCX: same as --embed-fonts none.")
@click.option("--strict", is_flag=True, help="Fail (exit 1) on any input warning or error.")
@click.option(
    "--edits",
    type=click.Path(path_type=Path),
    default=None,
    help="Apply editors' corrections: a review sheet (exporter review) or TOML/JSON.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(0, 64),
    default=0,
    help="Run the PDF and DOCX writers in up to N parallel processes (default: one per core).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@click.option("-v", "--verbose", is_flag=True, help="Also print warnings, dropped lines, timings.")
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable build report.")
def build(
    paths: tuple[Path, ...],
    no_embed_fonts: bool,
    quiet: bool,
    verbose: bool,
    as_json: bool,
    **options: Any,
) -> None:
    """Build the compendium from PATHS (files or folders; default input/).

    \b
    Exit codes: 0 ok, 1 some input failed (the rest was built), 2 usage or layout error,
    3 an output could not be written.
    \b
    Examples:
      exporter build
      exporter build input/ -o out --format pdf,docx,json,md --layout gongwen
      exporter build a.txt b.md --group-by region --title "2026年基层党建案例选编" --json
    """
    from exporter.pipeline import BuildOptions
    from exporter.pipeline import build as run_build
    from exporter.resources import default_input_dir

    # The options are named as BuildOptions' and AssembleOptions' fields.
    if no_embed_fonts:
        options["embed_fonts"] = "none"
    opts = BuildOptions.from_flat(**options)
    bar = _StageBar(sys.stderr.isatty() and not quiet and not as_json, 2 + len(opts.formats))
    try:
        result = run_build(list(paths) or [default_input_dir()], opts, progress=bar)
    finally:
        bar.close()
    if as_json:
        click.echo(json_text(_report(result)))
    else:
        _print_result(result, quiet, verbose)
    sys.exit(result.exit_code)


def _report(result: Any) -> dict[str, Any]:
    data = asdict(result)
    data["schema"] = "exporter.build-report/1"
    data["ok"] = result.ok
    return data


def _print_result(result: Any, quiet: bool, verbose: bool) -> None:
    """Errors always; with `verbose` warnings, per-file counts and timings; unless
    `quiet` the outputs written and a one-line summary."""
    for err in result.errors:
        click.echo(f"error: {printable(err)}", err=True)
    if verbose:
        click.echo(f"layout: {result.layout}", err=True)
        for warning in result.warnings:
            click.echo(f"warning: {printable(warning)}", err=True)
        for f in result.files:
            click.echo(
                f"{printable(f.path)}: {f.cases} cases, {f.dropped} noise lines dropped", err=True
            )
        timings = ", ".join(f"{k} {v:.2f}s" for k, v in result.timings.items())
        click.echo(f"timings: {timings}", err=True)
    if quiet:
        return
    for out in result.outputs:
        pages = f", {out.pages} pages" if out.pages else ""
        click.echo(f"{printable(out.path)}  {out.bytes / 1024:,.0f} KiB{pages}")
    click.echo(
        f"{result.cases} cases; {len(result.errors)} errors; {len(result.warnings)} warnings"
    )

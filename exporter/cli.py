"""The `exporter` command line. Thin: parses options and calls the pure core.

Heavy modules (reportlab, python-docx, jieba) are imported inside commands so that
`exporter --help` stays fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from exporter import __version__

CONFIG_FILE = "exporter.toml"


def _config_defaults() -> dict[str, Any]:
    """Defaults from ./exporter.toml: a table per command, e.g. [build] layout = "gongwen"."""
    path = Path(CONFIG_FILE)
    if not path.is_file():
        return {}
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except tomllib.TOMLDecodeError as exc:
        raise click.UsageError(f"{path}: invalid TOML: {exc}") from None
    return {k: v for k, v in data.items() if isinstance(v, dict)}


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="exporter")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Turn Chinese party-building news text into a typeset case compendium (案例汇编).

    Defaults for any option can be set in ./exporter.toml (a table per command) or in
    environment variables (EXPORTER_LAYOUT, EXPORTER_OUTPUT, EXPORTER_FORMAT, EXPORTER_TITLE).

    \b
    Examples:
      exporter build                          # input/ -> build/compendium.pdf + .docx
      exporter build news/ -o out --layout gongwen --format pdf,docx,json
      exporter inspect --json input/ > cases.json
      exporter layouts
    """
    ctx.default_map = _config_defaults()


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
    """One row per case: id, kind, paragraphs, title (* = generated), byline, warnings in it."""
    from exporter.model import Compendium

    assert isinstance(comp, Compendium)
    by_source = {s.path: s.warnings for s in comp.sources}
    for c in comp.cases:
        title = ("*" if c.title_generated else "") + (c.title or "（无标题）")
        byline = (c.byline or "")[:16]
        span = c.span
        warns = [
            w
            for w in by_source.get(c.source, [])
            if span and w.line is not None and span.first_line <= w.line <= span.last_line
        ]
        click.echo(
            f"{c.id:28} {c.kind:10} {len(c.paragraphs()):3}段 {title[:30]:32} {byline:18}"
            f" warn={len(warns)}"
        )
    dropped = sum(len(s.dropped) for s in comp.sources)
    click.echo(f"{len(comp.cases)} cases from {len(comp.sources)} files; {dropped} lines dropped")


def _formats(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[str, ...]:
    from exporter.pipeline import FORMATS

    items = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    bad = [v for v in items if v not in FORMATS]
    if bad or not items:
        raise click.BadParameter(f"{', '.join(bad) or value!r}: choose from {', '.join(FORMATS)}")
    return items


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
    help="Comma-separated output formats: pdf, docx, json, md.",
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
@click.option("--no-embed-fonts", is_flag=True, help="DOCX: reference font names, embed nothing.")
@click.option("--strict", is_flag=True, help="Fail (exit 1) on any input warning or error.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Run the writers in up to N parallel processes.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@click.option("-v", "--verbose", is_flag=True, help="Also print warnings, dropped lines, timings.")
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable build report.")
def build(
    paths: tuple[Path, ...],
    output: Path,
    formats: tuple[str, ...],
    layout: str,
    group_by: str | None,
    title: str,
    subtitle: str,
    editor: str,
    date: str,
    name: str,
    include_off_topic: bool,
    no_embed_fonts: bool,
    strict: bool,
    jobs: int,
    quiet: bool,
    verbose: bool,
    as_json: bool,
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
    from exporter.assemble import AssembleOptions
    from exporter.pipeline import BuildOptions
    from exporter.pipeline import build as run_build
    from exporter.resources import default_input_dir

    opts = BuildOptions(
        output=output,
        formats=formats,
        layout=layout,
        name=name,
        strict=strict,
        jobs=jobs,
        embed_fonts=False if no_embed_fonts else None,
        assemble=AssembleOptions(
            title=title,
            subtitle=subtitle,
            editor=editor,
            date=date,
            group_by=group_by,
            include_off_topic=include_off_topic,
        ),
    )
    bar = _StageBar(sys.stderr.isatty() and not quiet and not as_json, 2 + len(formats))
    try:
        result = run_build(list(paths) or [default_input_dir()], opts, progress=bar)
    finally:
        bar.close()
    if as_json:
        click.echo(json.dumps(_report(result), ensure_ascii=False, indent=1))
    else:
        _print_result(result, quiet, verbose)
    sys.exit(result.exit_code)


def _report(result: Any) -> dict[str, Any]:
    data = asdict(result)
    data["schema"] = "exporter.build-report/1"
    data["ok"] = result.ok
    return data


def _print_result(result: Any, quiet: bool, verbose: bool) -> None:
    for err in result.errors:
        click.echo(f"error: {err}", err=True)
    if verbose:
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
        for f in result.files:
            click.echo(f"{f.path}: {f.cases} cases, {f.dropped} noise lines dropped", err=True)
        timings = ", ".join(f"{k} {v:.2f}s" for k, v in result.timings.items())
        click.echo(f"timings: {timings}", err=True)
    if quiet:
        return
    for out in result.outputs:
        pages = f", {out.pages} pages" if out.pages else ""
        click.echo(f"{out.path}  {out.bytes / 1024:,.0f} KiB{pages}")
    click.echo(
        f"{result.cases} cases; {len(result.errors)} errors; {len(result.warnings)} warnings"
    )


@main.command("layouts")
@click.argument("folder", required=False, type=click.Path(path_type=Path, file_okay=False))
def layouts_cmd(folder: Path | None) -> None:
    """List the built-in layouts (and those in FOLDER) with a description."""
    from exporter.layout.load import list_layouts

    for name, description, path in list_layouts(folder):
        click.echo(f"{name:10} {description}\n{'':10} {path}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors.")
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable report.")
def check(paths: tuple[Path, ...], strict: bool, as_json: bool) -> None:
    """Read and enrich only: report errors, warnings, dropped lines and anomalies.

    For content CI: exit 0 when every input reads cleanly, 1 on errors (or, with
    --strict, on warnings).

    \b
    Examples:
      exporter check input/
      exporter check --json --strict news/ > check.json
    """
    from exporter.enrich import enrich
    from exporter.pipeline import input_files
    from exporter.readers import read_paths
    from exporter.resources import default_input_dir

    files, folder_errors = input_files(list(paths) or [default_input_dir()], None)
    comp = enrich(read_paths(files))
    report = _check_report(comp, folder_errors)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        _print_check(report)
    failed = report["errors"] or (strict and report["warnings"])
    sys.exit(1 if failed else 0)


def _check_report(comp: Any, folder_errors: list[str]) -> dict[str, Any]:
    errors = folder_errors + [f"{s.path}: {s.error}" for s in comp.sources if s.error]
    warnings = [
        f"{s.path}:{w.line or ''}: {w.code}: {w.message}" for s in comp.sources for w in s.warnings
    ]
    dropped = [f"{s.path}:{d.line}: {d.reason}: {d.text}" for s in comp.sources for d in s.dropped]
    anomalies = [f"{c.id}: truncated ({c.truncation})" for c in comp.cases if c.truncated]
    anomalies += [f"{c.id}: off topic (left out of the book)" for c in comp.cases if not c.on_topic]
    anomalies += [f"{c.id}: no summary" for c in comp.cases if c.on_topic and not c.summary]
    return {
        "schema": "exporter.check-report/1",
        "files": len(comp.sources),
        "cases": len(comp.cases),
        "errors": errors,
        "warnings": warnings,
        "dropped": dropped,
        "anomalies": anomalies,
    }


def _print_check(report: dict[str, Any]) -> None:
    labels = {
        "errors": "error",
        "warnings": "warning",
        "dropped": "dropped",
        "anomalies": "anomaly",
    }
    for key, label in labels.items():
        for line in report[key]:
            click.echo(f"{label}: {line}", err=key == "errors")
    click.echo(
        f"{report['cases']} cases in {report['files']} files; {len(report['errors'])} "
        f"errors, {len(report['warnings'])} warnings, {len(report['dropped'])} dropped lines"
    )


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
    from exporter.coverage import missing_glyphs
    from exporter.fonts import coverage, role_chain
    from exporter.layout.load import load_layout
    from exporter.pipeline import input_files
    from exporter.readers import read_paths
    from exporter.resources import default_input_dir, fonts_dir

    lay = load_layout(layout)
    click.echo(f"layout {lay.name}; fonts from {fonts_dir()}")
    for name, role in lay.fonts.items():
        chain = role_chain(role)
        click.echo(
            f"{name:9} {chain[0].name} ({len(coverage(chain[0])):,} characters)"
            f" + fallback {', '.join(p.name for p in chain[1:]) or 'none'};"
            f" Word name {role.docx_family or '-'}"
        )
    files, _errors = input_files(list(paths) or [default_input_dir()], None)
    missing = missing_glyphs(read_paths(files), lay)
    for m in missing:
        click.echo(f"uncovered: {m.char} {m.codepoint} in {m.file} case {m.case} (role {m.role})")
    click.echo(f"{len({m.char for m in missing})} characters no font covers")
    sys.exit(1 if missing else 0)


@main.command()
@click.argument("jobs_file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Run up to N jobs in parallel processes.",
)
@click.option("--force", is_flag=True, help="Rebuild jobs even when nothing changed.")
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Run jobs on a Dask cluster (needs the exporter[dask] extra).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def batch(jobs_file: Path, jobs: int, force: bool, scheduler: str | None, as_json: bool) -> None:
    """Build many compendia from a jobs file (TOML; see README).

    One failing job does not stop the others; exit 1 if any job failed. Jobs whose inputs,
    layout, options and exporter version are unchanged are skipped.

    \b
    Examples:
      exporter batch jobs.toml --jobs 2
      exporter batch jobs.toml --scheduler tcp://127.0.0.1:8786 --json
    """
    from exporter.batch import load_jobs, run_batch

    specs = load_jobs(jobs_file)
    with _executor(scheduler, jobs) as pool:
        results = run_batch(specs, pool, force=force)
    if as_json:
        click.echo(
            json.dumps(
                {"schema": "exporter.batch-report/1", "jobs": [asdict(r) for r in results]},
                ensure_ascii=False,
                indent=1,
            )
        )
    else:
        for r in results:
            click.echo(f"{r.status:8} {r.name:24} {r.seconds:6.1f}s  {r.output}")
            for err in r.errors:
                click.echo(f"         error: {err}", err=True)
        counts = {s: sum(r.status == s for r in results) for s in ("ok", "skipped", "failed")}
        click.echo(", ".join(f"{n} {s}" for s, n in counts.items()))
    sys.exit(1 if any(r.status == "failed" for r in results) else 0)


@contextmanager
def _executor(scheduler: str | None, jobs: int) -> Iterator[Executor | None]:
    """The executor jobs run on, shut down (and a Dask client closed) afterwards."""
    if scheduler:
        try:
            from distributed import Client
        except ImportError:
            raise click.UsageError("--scheduler needs Dask: pip install 'exporter[dask]'") from None
        with Client(scheduler) as client:
            yield client.get_executor()
    elif jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            yield pool
    else:
        yield None

"""`exporter inspect` and `exporter check`: read (and enrich) only."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from exporter.cli import main
from exporter.textsafe import json_text, printable


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the case model as JSON on stdout.")
@click.option("--no-enrich", is_flag=True, help="Skip enrichment (summaries, regions, themes).")
@click.option(
    "--explain",
    is_flag=True,
    help="Per line its role and rule; per article the cue that opened it; per case its kind cues.",
)
def inspect(paths: tuple[Path, ...], as_json: bool, no_enrich: bool, explain: bool) -> None:
    """Read PATHS (files or folders; default input/) and show the cases found.

    \b
    Examples:
      exporter inspect input/000_1d95dd54681f5119.txt
      exporter inspect --json input/ > cases.json
      exporter inspect --explain input/000_1d95dd54681f5119.txt
    """
    if explain:
        sys.exit(_explain(list(paths)))
    from exporter.enrich import enrich
    from exporter.inputs import input_errors
    from exporter.model import to_dict
    from exporter.pipeline import read_inputs
    from exporter.resources import default_input_dir

    comp, folder_errors = read_inputs(list(paths) or [default_input_dir()])
    if not no_enrich:
        enrich(comp)
    if as_json:
        click.echo(json_text(to_dict(comp)))
    else:
        _print_table(comp)
    errors = input_errors(comp, folder_errors)
    for err in errors:
        click.echo(f"error: {printable(err)}", err=True)
    sys.exit(1 if errors else 0)


def _explain(paths: list[Path]) -> int:
    """Print the reader's reasons for each input file; 1 when a file could not be read."""
    from exporter.errors import InputError
    from exporter.readers import expand_paths
    from exporter.readers.explain import explain_file
    from exporter.resources import default_input_dir

    failed = 0
    for path in expand_paths(paths or [default_input_dir()]):
        try:
            text = list(explain_file(path))
        except (InputError, OSError) as exc:
            reason = exc.reason if isinstance(exc, InputError) else (exc.strerror or str(exc))
            click.echo(f"error: {path}: {reason}", err=True)
            failed = 1
            continue
        click.echo("\n".join(text))
    return failed


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
        paras = len(c.paragraphs())
        click.echo(
            f"{printable(c.id):28} {c.kind:10} {paras:3}段 {title[:30]:32} {byline:18}"
            f" warn={len(warns)}"
        )
    dropped = sum(len(s.dropped) for s in comp.sources)
    click.echo(f"{len(comp.cases)} cases from {len(comp.sources)} files; {dropped} lines dropped")


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
    from exporter.pipeline import read_inputs
    from exporter.resources import default_input_dir

    comp, folder_errors = read_inputs(list(paths) or [default_input_dir()])
    enrich(comp)
    report = _check_report(comp, folder_errors)
    if as_json:
        click.echo(json_text(report))
    else:
        _print_check(report)
    failed = report["errors"] or (strict and report["warnings"])
    sys.exit(1 if failed else 0)


def _check_report(comp: Any, folder_errors: list[str]) -> dict[str, Any]:
    from exporter.inputs import input_errors

    errors = input_errors(comp, folder_errors)
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
            click.echo(f"{label}: {printable(line)}", err=key == "errors")
    click.echo(
        f"{report['cases']} cases in {report['files']} files; {len(report['errors'])} "
        f"errors, {len(report['warnings'])} warnings, {len(report['dropped'])} dropped lines"
    )

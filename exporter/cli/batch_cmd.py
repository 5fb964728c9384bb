"""`exporter batch`: many compendia from one jobs file."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

import click

from exporter.cli import main
from exporter.textsafe import json_text, printable


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
            json_text({"schema": "exporter.batch-report/1", "jobs": [asdict(r) for r in results]})
        )
    else:
        for r in results:
            click.echo(
                f"{r.status:8} {printable(r.name):24} {r.seconds:6.1f}s  {printable(r.output)}"
            )
            for err in r.errors:
                click.echo(f"         error: {printable(err)}", err=True)
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
        from exporter.procs import worker_pool

        with worker_pool(jobs) as pool:
            yield pool
    else:
        yield None

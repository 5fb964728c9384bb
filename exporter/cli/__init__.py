"""The `exporter` command line. Thin: parses options and calls the pure core.

Heavy modules (reportlab, python-docx, jieba) are imported inside commands so that
`exporter --help` stays fast.
"""

from __future__ import annotations

import sys
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


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
EXIT_TERMINATED = 143  # 128 + SIGTERM


class _Main(click.Group):
    """The command group; Ctrl-C and SIGTERM end a command with 130 and 143 (not click's
    "Aborted!" and 1), after the command has stopped its workers and removed its
    temporary files."""

    def invoke(self, ctx: click.Context) -> Any:
        from exporter.procs import Terminated, check_terminated, sigterm_as_exception

        try:
            with sigterm_as_exception():
                try:
                    return super().invoke(ctx)
                finally:
                    check_terminated()  # a stop signal whose exception was swallowed still ends it
        except KeyboardInterrupt:
            click.echo("error: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except Terminated:
            click.echo("error: terminated", err=True)
            ctx.exit(EXIT_TERMINATED)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
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


# Commands live in their own modules; importing them registers them on `main`.
from exporter.cli import batch_cmd, build_cmd, info_cmds, read_cmds, review_cmd  # noqa: E402

__all__ = ["batch_cmd", "build_cmd", "info_cmds", "main", "read_cmds", "review_cmd"]

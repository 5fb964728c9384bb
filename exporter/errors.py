"""Error types. Each carries the file (and line) it is about so a batch can report it."""

from __future__ import annotations

import click


class ExporterError(click.ClickException):
    """Base of every error the tool reports to a user; exit code 1 unless overridden."""

    exit_code = 1

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = path or ""
        if path and line:
            where = f"{path}:{line}"
        super().__init__(f"{where}: {message}" if where else message)
        self.reason = message

    def format_message(self) -> str:
        from exporter.textsafe import printable

        return printable(self.message)  # a newline in a file name must not forge a line


class InputError(ExporterError):
    """An input file could not be read (missing, binary, undecodable, empty, noise only)."""


class LayoutError(ExporterError):
    """A layout file is invalid (unknown key, bad value, bad template)."""

    exit_code = 2


class FontError(ExporterError):
    """A font file is missing or unusable."""


class OutputError(ExporterError):
    """An output could not be written."""

    exit_code = 3


class UsageError(ExporterError):
    """The command or a jobs file asks for something invalid (exit 2, like a bad option)."""

    exit_code = 2

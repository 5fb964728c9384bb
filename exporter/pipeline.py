"""The build's public names, kept importable from here; the stages live in exporter.stages
(read, check, write, report, build)."""

from __future__ import annotations

from exporter.inputs import MAX_INPUT_BYTES, input_files
from exporter.stages.build import build
from exporter.stages.options import BuildOptions, Progress
from exporter.stages.read import read_and_enrich, read_inputs
from exporter.stages.report import BuildResult, FileReport, OutputInfo
from exporter.stages.write import write_one
from exporter.writers import registry

FORMATS = registry.formats()  # the built-in formats, for importers; the registry is the list

__all__ = [
    "FORMATS",
    "MAX_INPUT_BYTES",
    "BuildOptions",
    "BuildResult",
    "FileReport",
    "OutputInfo",
    "Progress",
    "build",
    "input_files",
    "read_and_enrich",
    "read_inputs",
    "write_one",
]

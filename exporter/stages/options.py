"""What a build is asked to do (the CLI, the Python API and batch jobs all fill this in)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from exporter.assemble import AssembleOptions

Progress = Callable[[str], None]  # told the name of each stage as it starts


@dataclass
class BuildOptions:
    output: Path = Path("build")
    formats: tuple[str, ...] = ("pdf", "docx")
    layout: str | Path | None = None
    name: str = "compendium"
    strict: bool = False
    jobs: int = 0  # writer processes; 0 = one per core
    embed_fonts: bool | str | None = None
    assemble: AssembleOptions = field(default_factory=AssembleOptions)
    edits: str | Path | None = None  # a review sheet or TOML/JSON corrections (exporter/editorial)

"""What a build is asked to do (the CLI, the Python API and batch jobs all fill this in)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

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

    @classmethod
    def from_flat(cls, **options: Any) -> BuildOptions:
        """Options as one flat set of keywords, as the CLI, the Python API and batch jobs
        give them: the assembly ones (title, subtitle, editor, date, group_by,
        include_off_topic …) go into AssembleOptions, the rest are this class's fields
        (an unknown keyword is a TypeError)."""
        asm_keys = {f.name for f in fields(AssembleOptions)}
        asm = AssembleOptions(**{k: v for k, v in options.items() if k in asm_keys})
        return cls(assemble=asm, **{k: v for k, v in options.items() if k not in asm_keys})

"""The reader's working unit: one input line with its role once the rules have run."""

from __future__ import annotations

from dataclasses import dataclass, field

from exporter.readers.bylines import Byline

# Roles a line can take. Rules assign them; the segmenter turns them into cases.
BLANK = "blank"
NOISE = "noise"
BYLINE = "byline"
HEAD = "head"  # title, kicker, subtitle, rubric or inner heading: decided in context
BODY = "body"


@dataclass
class Line:
    no: int  # 1-based line number in the decoded file
    raw: str  # the line as decoded (control characters removed)
    text: str  # the line with markup removed and outer whitespace stripped
    md_level: int = 0  # Markdown heading level (# = 1), 0 when not a Markdown heading
    md_bold_line: bool = False  # the whole line was **bold** in Markdown
    lead: str | None = None  # Markdown bold phrase that opens the line
    list_item: bool = False
    role: str = ""
    reason: str = ""  # which rule decided (noise reason for dropped lines)
    byline: Byline | None = None
    # Markup cut from the text that is still listed as dropped: (text, reason), e.g. a
    # Markdown link's address (`link_target`) or HTML tags of a web export (`html_tag`).
    cut: list[tuple[str, str]] = field(default_factory=list)

    @property
    def blank(self) -> bool:
        return not self.text

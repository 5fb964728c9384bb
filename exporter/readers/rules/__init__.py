"""Line-role rules: an ordered chain of small named rules, each testable on its own.

Every rule looks at one line (with its neighbours available through the context) and either
claims it, returning a (role, reason) pair, or passes with None. The first rule that claims a
line wins; a line no rule claims is body text. Roles that need the whole article (title versus
inner heading, unlabelled captions, roundup furniture) are decided later by the segmenter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter

from exporter.readers.lines import BLANK, BODY, Line
from exporter.readers.rules import byline_rule, chrome, headings, noise


@dataclass
class Context:
    lines: list[Line]
    markdown: bool = False
    counts: Counter[str] = field(default_factory=Counter)
    wrap_width: int = 0  # line length of hard-wrapped text, 0 when paragraphs are one line

    # Index walks, not slices: a slice copies the rest of the file on every call.
    def next_text(self, i: int) -> str:
        lines = self.lines
        for k in range(i + 1, len(lines)):
            if lines[k].text:
                return lines[k].text
        return ""

    def prev_line(self, i: int) -> Line | None:
        lines = self.lines
        for k in range(i - 1, -1, -1):
            if lines[k].text:
                return lines[k]
        return None

    def prev_text(self, i: int) -> str:
        line = self.prev_line(i)
        return line.text if line else ""


Rule = Callable[[Line, int, Context], "tuple[str, str] | None"]

# Order matters: noise first (a caption is never a heading), bylines before headings (a short
# name line looks like a heading), fragments of split paragraphs last among the heading rules.
RULES: list[tuple[str, Rule]] = [
    ("page_chrome", chrome.page_chrome),  # chrome.CHROME_RULES, in order
    ("page_jump", noise.page_jump),
    ("end_marker", noise.end_marker),
    ("original_title", noise.original_title),
    ("stray_number", noise.stray_number),
    ("page_number", noise.page_number),
    ("ornament", noise.ornament),
    ("photo_caption", noise.photo_caption),
    ("arrow_caption", noise.arrow_caption),
    ("image_caption", noise.image_caption),
    ("social_furniture", noise.social_furniture),
    ("photo_credit", noise.photo_credit),
    ("picture_source", noise.picture_source),
    ("author_note", noise.author_note),
    ("caption_with_credit", noise.caption_with_credit),
    ("caption_before_credit", noise.caption_before_credit),
    ("layout_credit", noise.layout_credit),
    ("distribution_list", noise.distribution_list),
    ("table_of_contents", noise.table_of_contents),
    ("byline", byline_rule.own_line_byline),
    ("running_header", noise.running_header),
    ("numbered_heading", headings.numbered),
    ("dash_heading", headings.dash),
    ("note_label", headings.note_label),
    ("markdown_heading", headings.markdown),
    ("headline_like", headings.headline_like),
]


def wrap_width(lines: list[Line]) -> int:
    """The width text was hard-wrapped at: most lines of 16+ characters share one length."""
    lengths = Counter(len(line.text) for line in lines if len(line.text) >= 16)
    total = sum(lengths.values())
    if total < 6:
        return 0
    width = max(lengths.items(), key=itemgetter(1))[0]  # the first most common, as most_common
    near = sum(n for length, n in lengths.items() if abs(length - width) <= 1)
    return width if near >= 0.4 * total else 0


# A line of more than SENTENCE_LINE characters that ends a sentence (`。` or `”`) is body
# text unless one of these claims it: a notice, a caption (`…。图为…`, or a caption above a
# credit). Every other rule needs a short line, a line start or an end it cannot have, so
# such lines skip them (most lines of a page; measured on the seeds, realdev and bulk).
SENTENCE_LINE = 40
SENTENCE_RULES: list[Rule] = [chrome.page_chrome, noise.photo_caption, noise.caption_before_credit]


def _rules_for(line: Line, rules: list[Rule]) -> list[Rule]:
    text = line.text
    if len(text) > SENTENCE_LINE and text[-1] in "。”" and not line.md_level:
        return SENTENCE_RULES
    return rules


def classify(ctx: Context) -> None:
    """Give every line a role, in place."""
    # Lines already decided (front matter, images) are not page text: a title repeated in
    # the clipper's metadata does not make it a running header.
    ctx.counts = Counter([line.text for line in ctx.lines if line.text and not line.role])
    ctx.wrap_width = wrap_width(ctx.lines)
    rules = [rule for _name, rule in RULES]
    for i, line in enumerate(ctx.lines):
        if not line.text:
            line.role, line.reason = BLANK, ""
            continue
        if line.role:  # already decided by the Markdown pass (images, rules)
            continue
        for rule in _rules_for(line, rules):
            found = rule(line, i, ctx)
            if found:
                line.role, line.reason = found
                break
        else:
            line.role, line.reason = BODY, "body"
    chrome.mark_link_lists(ctx.lines)

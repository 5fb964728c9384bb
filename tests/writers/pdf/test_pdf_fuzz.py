"""Any paragraph text builds, and every character comes out in the extracted text or in the
missing-glyph report."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdfminer.high_level import extract_text

from exporter.assemble.plan import Block, Book, BookMeta, Heading, Para, Part
from exporter.layout.load import load_layout
from exporter.writers.pdf import write_pdf

ALPHABET = (
    "党建工作推动基层治理社区服务群众𠮷㘎鿏喆😀"
    "，。、；：！？“”‘’（）《》【】——……·"
    "ABCxyz0123456789 .,;:!?()<>&\"'/-%"
)
LAYOUT = load_layout("book")


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=300), min_size=1, max_size=4))
def test_every_character_is_drawn_or_reported(tmp_path: Path, texts: list[str]) -> None:
    blocks: list[Block] = [Heading(2, "标题", "heading-2", anchor="a")]
    blocks += [Para(t, "body") for t in texts]
    out = tmp_path / "fuzz.pdf"
    result = write_pdf(Book(BookMeta("测试"), [Part("chapter", "章", blocks)]), LAYOUT, out)
    # pdfminer, not pdftotext: poppler drops a line-final "-" when it de-hyphenates.
    got = re.sub(r"\s+", "", extract_text(str(out)))
    reported = {m.char for m in result.missing_glyphs}
    for ch in set("".join(texts)) - set(" "):
        assert ch in got or ch in reported, ch

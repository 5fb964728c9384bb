"""Property: reading never crashes and never loses a character.

Every non-blank input character ends up in the model (title, subtitle, rubric, byline,
headings, paragraphs, roundup furniture) or in a dropped line. Characters are compared after
NFKC folding (half-width and full-width punctuation are the same mark) and with whitespace
ignored, as a multiset.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter.model import Case, SourceFile
from exporter.readers import read_text
from exporter.readers.header import BULLETS

PIECES = [
    "本报记者 张三",
    "●本报记者 李四 通讯员 王五",
    "本报讯(记者 赵六)",
    "策 划:甲乙 撰 稿:丙丁",
    "中共某某县委组织部申报",
    "（某某供稿）",
    "■本报记者 钱七 摄",
    "孙八 摄",
    "图①:",
    "(下转3版)",
    "①",
    "一、背景",
    "（一）",
    "——",
    "新城区：",
    "潮头观澜",
    "版式设计:某某",
    "## ",
    "**",
    "贵州省黔东南州",
    "6月27日,",
    "近年来,",
    "基层党组织",
    "推动",
    "。",
    ",",
    "“",
    "”",
    " ",
    "\n",
    "\n\n",
    "1,300",
    "AED",
    "&amp;",
    "\\*",
    "<br>",
    "◆",
    "▲",
    "原标题：",
    "编者按：",
    "中共某某县委组织部",
    "（某某党委）",
    "往期推荐",
    "文｜张三",
    "作者单位：某某局",
    "\u3000\u3000",
    "１２",
    "本报讯（记者 张三）",
    "某某县推行“积分制”。",
    "下一步，",
    # Real-world page shapes (own wording): front matter, chrome, captions, credits.
    "---\ntitle: 某某\ndate: 2024-01-02\n---\n",
    "<center>====</center>",
    "网址: https://example.org/a?b=1",
    "[详情](https://example.org/x)",
    "<!-- 备注 -->",
    "> [!NOTE]\n> 备注\n",
    "发布时间：2024-01-02 点击数：3 次",
    "首页 > 新闻 > 基层",
    "相关链接\n某地开展活动\n",
    "版权所有 某某网",
    "李  明摄（某某视觉）",
    "本报记者  王  伟《某某日报》（2025年01月02日第 3 版）",
    "——某某中学学生张三",
    "图为党员在社区服务。",
    "某某县推行“议事会”——\n",
    "文字：张三、李四",
    "2022-05-26 14:27",
]
TEXT = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=8),
    ),
    max_size=60,
).map("".join)


def _fold(s: str) -> Counter[str]:
    return Counter(ch for ch in unicodedata.normalize("NFKC", s) if not ch.isspace())


def _model_text(src: SourceFile, cases: list[Case]) -> str:
    parts: list[str] = [d.text for d in src.dropped]
    for c in cases:
        if not c.title_generated:
            parts.append(c.title or "")
        parts += [c.subtitle or "", c.rubric or "", c.byline or ""]
        for s in c.sections:
            parts.append(s.heading or "")
            parts += [p.text for p in s.paragraphs]
    for box in src.containers:
        parts += [box.title or "", box.subtitle or "", box.byline or ""]
        parts += [p.text for p in box.intro]
        for s in box.sections:
            parts.append(s.heading or "")
            parts += [p.text for p in s.paragraphs]
    return "\n".join(parts)


def _markup_free(text: str) -> str:
    # Entities and escapes are Markdown spelling of characters: compare what they spell.
    text = html.unescape(re.sub(r"<br\s*/?>", "", text, flags=re.I)).replace("\\", "")
    return text.replace("#", "").replace("*", "")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_reading_never_crashes_nor_loses_characters(text: str) -> None:
    src, cases = read_text(text, "prop.txt", markdown_file=False)
    have = _fold(_model_text(src, cases))
    want = _fold(text)
    # A bulletin item's glyph (◆, ●…) opening a headline is layout, not text.
    missing = Counter({k: v for k, v in (want - have).items() if k not in BULLETS})
    assert not missing, f"lost {dict(missing)}"
    assert src.cases == [c.id for c in cases]


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_markdown_reading_never_crashes_nor_loses_characters(text: str) -> None:
    src, cases = read_text(text, "prop.md", markdown_file=True)
    have = _fold(_markup_free(_model_text(src, cases)))
    want = _fold(_markup_free(text))
    missing = want - have
    # Markdown markers (#, *, list bullets, >, link syntax) are markup, not text.
    missing -= Counter(
        {
            "-": 10**6,
            "+": 10**6,
            ">": 10**6,
            "[": 10**6,
            "]": 10**6,
            "(": 10**6,
            ")": 10**6,
            "!": 10**6,
            "`": 10**6,
            "_": 10**6,
        }
    )
    # As in plain text, a bulletin item's glyph (◆, ●…) opening a headline is layout.
    kept = {k: v for k, v in missing.items() if not k.isdigit() and k != "." and k not in BULLETS}
    assert not kept, missing

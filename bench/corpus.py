#!/usr/bin/env python3
"""Deterministic benchmark corpus: the seed articles scaled to N distinct cases.

    python3 bench/corpus.py 1000 bench/out/corpus/n1000   # write the input files
    python3 bench/corpus.py 1000 DIR --check              # ... and count what the reader finds
    python3 bench/corpus.py --refresh-pool                # rebuild bench/pool.json from input/

The raw material is bench/pool.json: the on-topic articles of the seed files as the reader
cleaned them (title, byline, inner headings, repaired paragraphs). It is committed so the
corpus does not change when the reader changes; `--refresh-pool` rebuilds it.

Generated case i starts from pool article i mod len(pool) and varies it with a RNG seeded by
(seed, i): some paragraphs are swapped for paragraphs of other articles, one may be dropped,
and counts in the text are rescaled (years, dates and ordinals are kept, so the text stays
plausible news). Every body is then checked against all earlier ones with the assembler's
fingerprint (letters and digits only) and redrawn on a collision, so the deduplicator keeps
all N. Articles are written `--per-file` to a file, as plain text a newspaper page would give.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
POOL = HERE / "pool.json"
SEEDS = HERE.parent / "input"

_NONWORD = re.compile(r"[\W_]+")
# A count worth rescaling: digits not part of a year, a date, an ordinal or a decimal.
_NUMBER = re.compile(r"(?<![\d.第])(\d{1,6})(?![\d.]|月|日|年|周年|届|号|版|时|点|期|季度|批|次会)")
_SWAP_P = 0.3  # share of paragraphs taken from another article
_DROP_P = 0.15  # chance to drop one paragraph from a longer article
MAX_BYLINE = 24  # longer credit lines belong to roundups, not single articles
# Swapping paragraphs can thin out the party-building vocabulary until the on-topic enricher
# drops the case; variants must keep a margin above its thresholds (2 terms, 2 per 1000).
_PARTY = re.compile(r"党建|党组织|党支部|党总支|党工委|党委|党员|党群|组织部|党的|党课|三会一课")
_MIN_TERMS, _MIN_PER_1000 = 4, 4.0


@dataclass
class Article:
    title: str
    byline: str | None
    sections: list[tuple[str | None, list[str]]]  # (inner heading, paragraphs)

    def paragraphs(self) -> list[str]:
        return [p for _h, ps in self.sections for p in ps]


def fingerprint(paragraphs: list[str]) -> str:
    """The assembler's duplicate test: letters and digits of the body only."""
    bare = _NONWORD.sub("", "\n".join(paragraphs))
    return hashlib.sha1(bare.encode("utf-8")).hexdigest()


def refresh_pool(seeds: Path = SEEDS, pool: Path = POOL) -> int:
    """Harvest the on-topic, titled articles of the seed files through the reader."""
    from exporter import inspect

    comp = inspect([seeds])
    articles = []
    for case in comp.cases:
        if not case.on_topic or not case.title or len(case.paragraphs()) < 2:
            continue
        byline = case.byline if case.byline and len(case.byline) <= MAX_BYLINE else None
        sections = [
            [s.heading, [p.text for p in s.paragraphs]] for s in case.sections if s.paragraphs
        ]
        articles.append({"title": case.title, "byline": byline, "sections": sections})
    pool.write_text(
        json.dumps(
            {"source": "input/*.txt via exporter.inspect", "articles": articles},
            ensure_ascii=False,
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    return len(articles)


def load_pool(pool: Path = POOL) -> list[Article]:
    data = json.loads(pool.read_text(encoding="utf-8"))
    return [
        Article(a["title"], a["byline"], [(h, list(ps)) for h, ps in a["sections"]])
        for a in data["articles"]
    ]


def party_dense(paragraphs: list[str]) -> bool:
    text = "".join(paragraphs)
    n = len(_PARTY.findall(text))
    return n >= _MIN_TERMS and 1000 * n / max(len(text), 1) >= _MIN_PER_1000


def _rescale(text: str, rng: random.Random) -> str:
    factor = rng.uniform(0.55, 1.8)

    def one(m: re.Match[str]) -> str:
        value = int(m.group(1))
        if value < 3:  # "1个" "2项": small counts read oddly when scaled
            return m.group(1)
        return str(max(3, round(value * factor)))

    return _NUMBER.sub(one, text)


def _vary(base: Article, every: list[str], rng: random.Random) -> Article:
    sections: list[tuple[str | None, list[str]]] = []
    for heading, paras in base.sections:
        new = [
            rng.choice(every) if i and rng.random() < _SWAP_P else p for i, p in enumerate(paras)
        ]
        sections.append((heading, new))
    longest = max(sections, key=lambda s: len(s[1]))
    if len(longest[1]) > 3 and rng.random() < _DROP_P:
        del longest[1][rng.randrange(1, len(longest[1]))]
    sections = [(h, [_rescale(p, rng) for p in ps]) for h, ps in sections]
    return Article(_rescale(base.title, rng), base.byline, sections)


def generate(n: int, seed: int = 8, pool: list[Article] | None = None) -> Iterator[Article]:
    """N articles with pairwise distinct fingerprints, the same for the same (n, seed, pool)."""
    articles = pool if pool is not None else load_pool()
    every = [p for a in articles for p in a.paragraphs()]
    seen: set[str] = set()
    for i in range(n):
        base = articles[i % len(articles)]
        for attempt in range(1000):
            rng = random.Random(f"{seed}:{i}:{attempt}")
            art = base if i < len(articles) and attempt == 0 else _vary(base, every, rng)
            fp = fingerprint(art.paragraphs())
            if fp not in seen and (art is base or party_dense(art.paragraphs())):
                break
        else:
            raise RuntimeError(f"no distinct variant for case {i}")
        seen.add(fp)
        yield art


def render(article: Article) -> str:
    lines = [article.title, ""]
    # A dateline credit ("本报讯(记者 …)") runs into the first paragraph in print.
    inline = article.byline if article.byline and article.byline.startswith("本报讯") else ""
    if article.byline and not inline:
        lines += [article.byline, ""]
    for heading, paras in article.sections:
        if heading:
            lines += [heading, ""]
        for p in paras:
            lines += [inline + p, ""]
            inline = ""
    return "\n".join(lines)


def write_corpus(n: int, folder: Path, seed: int = 8, per_file: int = 1) -> list[Path]:
    """Write N generated articles as text files into `folder` (old bench files removed)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("case_*.txt"):
        old.unlink()
    files: list[Path] = []
    batch: list[str] = []
    for i, art in enumerate(generate(n, seed), 1):
        batch.append(render(art))
        if len(batch) == per_file or i == n:
            path = folder / f"case_{len(files):05d}.txt"
            path.write_text("\n\n".join(batch), encoding="utf-8")
            files.append(path)
            batch = []
    return files


def check(folder: Path) -> dict[str, int]:
    """What the reader and the assembler make of the folder (cases found, on-topic, kept)."""
    from exporter import inspect
    from exporter.assemble.grouping import select_cases

    comp = inspect([folder])
    kept, dupes = select_cases(comp.cases, include_off_topic=False)
    return {
        "files": len(comp.sources),
        "cases": len(comp.cases),
        "on_topic": sum(c.on_topic for c in comp.cases),
        "kept": len(kept),
        "duplicates": len(dupes),
        "errors": sum(1 for s in comp.sources if s.error),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("n", type=int, nargs="?", help="number of cases")
    ap.add_argument("folder", type=Path, nargs="?", help="where to write the .txt files")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--per-file", type=int, default=1, help="articles per input file")
    ap.add_argument("--check", action="store_true", help="read the folder back and count")
    ap.add_argument("--refresh-pool", action="store_true", help="rebuild bench/pool.json")
    a = ap.parse_args(argv)
    if a.refresh_pool:
        print(f"{refresh_pool()} articles -> {POOL}")
    if a.n is None or a.folder is None:
        return 0 if a.refresh_pool else ap.error("n and folder are required")
    files = write_corpus(a.n, a.folder, a.seed, a.per_file)
    print(f"{a.n} cases in {len(files)} files -> {a.folder}")
    if a.check:
        counts = check(a.folder)
        print(json.dumps(counts))
        return 0 if counts["kept"] == a.n else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

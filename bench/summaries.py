#!/usr/bin/env python3
"""Benchmark (not a test): our case summaries against the gold reference summaries.

Scores character ROUGE-L (F1 over letters and digits, the measure of
../shared/tools/score_cases.py) of Lead-1/2/3, a jieba TextRank sentence extract, the best single
sentence (an oracle bound) and our summaries, on every on-topic gold case; then times start-up
(imports) and the enrichment of all cases after start-up, loading the gazetteer and word list
included.

    python3 bench/summaries.py                 # cases from the reader (the real pipeline)
    python3 bench/summaries.py --gold-cases    # cases built from the gold line annotations
    python3 bench/summaries.py --gold-dir DIR --input-dir DIR   # another annotated set
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

_MD = re.compile(r"\*\*|__|(?<!\*)\*(?!\*)|`|^#+\s*", re.M)


def bare(text: str) -> str:
    text = unicodedata.normalize("NFKC", _MD.sub("", text or ""))
    return re.sub(r"[\W_]+", "", text)


def rouge_l(cand: str, ref: str) -> float:
    a, b = bare(cand), bare(ref)
    if not a or not b:
        return 0.0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    n = prev[-1]
    if n == 0:
        return 0.0
    p, r = n / len(a), n / len(b)
    return 2 * p * r / (p + r)


def textrank(sents: list[str], k: int = 2) -> str:
    """Sentence TextRank over jieba words (log-normalised overlap similarity)."""
    import jieba

    from exporter.cache import cache_dir

    jieba.setLogLevel(60)
    jieba.dt.tmp_dir = str(cache_dir())  # jieba's dictionary cache: the user cache folder
    words = [set(w for w in jieba.lcut(s) if len(w) > 1) for s in sents]
    n = len(sents)
    if n <= k:
        return "".join(sents)
    sim = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            if i != j and len(words[i]) > 1 and len(words[j]) > 1:
                common = len(words[i] & words[j])
                sim[i][j] = common / (math.log(len(words[i])) + math.log(len(words[j])))
    score = [1.0] * n
    for _ in range(50):
        new = []
        for i in range(n):
            acc = sum(sim[j][i] / (sum(sim[j]) or 1.0) * score[j] for j in range(n))
            new.append(0.15 + 0.85 * acc)
        score = new
    best = sorted(sorted(range(n), key=lambda i: -score[i])[:k])
    return "".join(sents[i] for i in best)


def load_gold(gold_dir: Path) -> list[dict]:
    out = []
    for path in sorted(gold_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            case["_file"] = data["file"]
        out.extend(data["cases"])
    return out


def matches(case, gc: dict) -> bool:
    paras = [p.text for p in case.paragraphs()]
    if not paras:
        return False
    first, last = bare(paras[0]), bare(paras[-1])
    ends = [(gc["body_first"], gc["body_last"])]
    if gc.get("file_order"):
        ends.append((gc["file_order"]["body_first"], gc["file_order"]["body_last"]))
    return any(first.startswith(bare(f)) and last.endswith(bare(x)) for f, x in ends)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold-dir", type=Path, default=SHARED / "gold")
    ap.add_argument("--input-dir", type=Path, default=SHARED / "seeds")
    ap.add_argument("--gold-cases", action="store_true", help="build cases from gold lines")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every summary")
    args = ap.parse_args()

    t0 = time.perf_counter()
    from exporter.enrich import enrich
    from exporter.enrich.gazetteer import gazetteer
    from exporter.enrich.segment import lexicon
    from exporter.enrich.text import sentences

    startup = time.perf_counter() - t0

    if args.gold_cases:
        from tests.enrich import goldcases

        comp = goldcases.compendium(args.gold_dir, args.input_dir)
    else:
        from exporter.readers import read_paths

        comp = read_paths([args.input_dir])
    t1 = time.perf_counter()
    gazetteer()
    lexicon()
    loading = time.perf_counter() - t1
    enrich(comp)
    elapsed = time.perf_counter() - t1

    systems = ["Lead-1", "Lead-2", "Lead-3", "TextRank-2", "Oracle-1", "ours"]
    scores: dict[str, list[float]] = {s: [] for s in systems}
    lengths: list[int] = []
    gold = [g for g in load_gold(args.gold_dir) if g["on_topic"] and g.get("summary")]
    missing = 0
    for gc in gold:
        pool = [c for c in comp.cases if Path(c.source).name == gc["_file"]]
        case = next((c for c in pool if matches(c, gc)), None)
        if case is None:
            missing += 1
            continue
        sents = [s for p in case.paragraphs() for s in sentences(p.text)]
        ref = gc["summary"]
        cands = {
            "Lead-1": "".join(sents[:1]),
            "Lead-2": "".join(sents[:2]),
            "Lead-3": "".join(sents[:3]),
            "TextRank-2": textrank(sents),
            "Oracle-1": max(sents, key=lambda s: rouge_l(s, ref)) if sents else "",
            "ours": case.summary or "",
        }
        for name, text in cands.items():
            scores[name].append(rouge_l(text, ref))
        lengths.append(len(case.summary or ""))
        if args.verbose:
            print(f"{gc['id']}  {scores['ours'][-1]:.2f}  {case.summary}\n    ref  {ref}")

    n = len(scores["ours"])
    print(f"on-topic gold cases scored: {n} (unmatched: {missing})")
    print("| system | ROUGE-L (char F1) |")
    print("| --- | --- |")
    for name in systems:
        mean = sum(scores[name]) / max(n, 1)
        label = name if name != "Oracle-1" else "Oracle-1 (best single sentence, bound)"
        print(f"| {label} | {mean:.3f} |")
    if lengths:
        print(
            f"our summary length: min {min(lengths)}, mean {sum(lengths) / len(lengths):.0f}, "
            f"max {max(lengths)} characters"
        )
    print(f"start-up (imports): {startup:.2f} s")
    print(
        f"enrich {len(comp.cases)} cases of {len(comp.sources)} files after start-up: "
        f"{elapsed:.2f} s (of which loading the gazetteer and word list {loading:.2f} s)"
    )


if __name__ == "__main__":
    main()

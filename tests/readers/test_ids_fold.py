"""The ids' fast NFKC equals unicodedata's on any text, including the marks it folds first
next to combining characters and symbols that decompose into letters."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from exporter.readers.ids import nfkc

# Folded marks, full-width letters and digits, combining accents, ℃ and ㈠ (symbols whose
# decomposition holds letters), plain Chinese.
_ALPHABET = "，：；！？（）％\u3000…ｅＡ１\u0301\u0308a℃㈠①中党支部。"


@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_fast_nfkc_equals_unicodedata(text: str) -> None:
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


def test_fast_nfkc_folds_full_width_marks() -> None:
    assert nfkc("覆盖率１００％，（全）") == "覆盖率100%,(全)"

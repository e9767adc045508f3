"""Comparing labels and headings as people type them: width, spaces, quotes and trailing colons do not count."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
# NFKC folds full-width forms (（）：，１２) to half-width; these are the marks it leaves alone.
_PUNCT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "〔": "[", "〕": "]", "．": ".", "、": "、"})


@lru_cache(maxsize=16384)  # labels repeat in every report; bounded, so memory stays flat over thousands of reports
def norm(text: str) -> str:
    """The comparison key of a label: NFKC, no white space, straight quotes, no trailing colon."""
    folded = unicodedata.normalize("NFKC", text).translate(_PUNCT)
    return _SPACES.sub("", folded).rstrip(":")


def similarity(a: str, b: str) -> float:
    """How alike two labels are, 0–1, after normalising both."""
    from difflib import SequenceMatcher  # here: a report whose labels are all as written does not need it (1.5 ms)

    return SequenceMatcher(None, norm(a), norm(b), autojunk=False).ratio()


def best_match(text: str, candidates: tuple[str, ...], threshold: float) -> tuple[str, float] | None:
    """The candidate most like ``text`` if it is at least ``threshold`` alike; exact (normalised) matches win."""
    key = norm(text)
    exact = next((candidate for candidate in candidates if norm(candidate) == key), None)
    if exact is not None:
        return exact, 1.0
    best: tuple[str, float] | None = None
    for candidate in candidates:
        score = similarity(text, candidate)
        if score >= threshold and (best is None or score > best[1]):
            best = (candidate, score)
    return best

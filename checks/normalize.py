"""Comparing labels and headings as people type them: width, spaces, quotes and trailing colons do not count."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from difflib import SequenceMatcher

_Function = TypeVar("_Function", bound=Callable[..., Any])


def cached_for_short_texts(length: int) -> Callable[[_Function], _Function]:
    """An LRU cache (4,096 results) for a function whose last argument is a text, used only when that text has at
    most ``length`` characters. Reports repeat their labels, cells and headings, so most calls are answered from it;
    a batch of thousands of reports, or one long hostile line, cannot make it hold more than a few hundred KB."""

    def decorate(function: _Function) -> _Function:
        cached = lru_cache(maxsize=4096)(function)

        @wraps(function)
        def call(*args: Any) -> Any:  # positional only: it runs for every cell of every report
            return cached(*args) if len(args[-1]) <= length else function(*args)

        return cast(_Function, call)

    return decorate


_SPACES = re.compile(r"\s+")
# NFKC folds full-width forms (（）：，１２) to half-width; these are the marks it leaves alone.
_PUNCT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "〔": "[", "〕": "]", "．": ".", "、": "、"})


@lru_cache(maxsize=16384)  # labels repeat in every report; bounded, so memory stays flat over thousands of reports
def norm(text: str) -> str:
    """The comparison key of a label: NFKC, no white space, straight quotes, no trailing colon."""
    folded = unicodedata.normalize("NFKC", text).translate(_PUNCT)
    return _SPACES.sub("", folded).rstrip(":")


def best_match(text: str, candidates: tuple[str, ...], threshold: float) -> tuple[str, float] | None:
    """The candidate most like ``text`` (difflib's ratio, 0–1, after normalising both) if it is at least
    ``threshold`` alike; exact (normalised) matches win, and the first of equals."""
    key = norm(text)
    exact = next((candidate for candidate in candidates if norm(candidate) == key), None)
    if exact is not None:
        return exact, 1.0
    best: tuple[str, float] | None = None
    for candidate in candidates:
        matcher = _matcher(norm(candidate))
        matcher.set_seq1(key)
        # difflib's cheap upper bounds first, as its get_close_matches does: most labels are far from most others.
        if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
            continue
        score = matcher.ratio()
        if score >= threshold and (best is None or score > best[1]):
            best = (candidate, score)
    return best


@lru_cache(maxsize=1024)  # the candidates are the format's labels and headings: a few hundred
def _matcher(candidate: str) -> SequenceMatcher[str]:
    """A matcher whose second sequence is ``candidate``: difflib indexes that one, so it is indexed once."""
    from difflib import SequenceMatcher  # here: a report whose labels are all as written does not need it (1.5 ms)

    return SequenceMatcher(None, "", candidate, autojunk=False)


def letters(text: str) -> str:
    """The comparison key of a heading: NFKC, without spaces, punctuation and symbols ("、" or "，" or nothing).
    Headings are compared by their words alone; labels keep their punctuation (``norm``)."""
    return _letters(text)


@lru_cache(maxsize=4096)
def _letters(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    return "".join(c for c in folded if unicodedata.category(c)[0] not in "PSZC")

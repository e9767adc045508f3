""" "Did you mean …?" for a mistyped command, option, rule code or configuration key."""

from __future__ import annotations

from collections.abc import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice most like ``word``, if any is close enough to be what was meant."""
    import difflib  # here: only a mistake needs it, and a run without one saves 1.5 ms

    close = difflib.get_close_matches(word, list(choices), n=1)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> tuple[str, str]:
    """A hint naming the choice most like a mistyped ``word`` (Chinese, English), or empty ones."""
    found = closest(word, choices)
    return (f"（是否应为 {found}？）", f" (did you mean {found}?)") if found else ("", "")

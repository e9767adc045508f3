"""Numbers as a report writes them, read within bounds: a figure of thousands of digits is a finding, never an
exception (Python refuses to make an int of over 4,300 digits from text) nor an infinite float."""

from __future__ import annotations

# Digits before the decimal point of a figure: up to 999 trillion, past any count or fee a report can mean, and
# within what a float holds exactly, so sums and JSON stay exact.
MAX_DIGITS = 15
MAX_DECIMALS = 15


def within_bounds(number: str) -> bool:
    """Whether a number written as ``[-+]digits[.digits]`` has at most ``MAX_DIGITS`` and ``MAX_DECIMALS``."""
    whole, _, fraction = number.lstrip("+-").partition(".")
    return len(whole) <= MAX_DIGITS and len(fraction) <= MAX_DECIMALS


def small_int(digits: str) -> int | None:
    """The value of decimal digits (ASCII or full-width), or None when there are more than ``MAX_DIGITS``."""
    return int(digits) if len(digits) <= MAX_DIGITS else None

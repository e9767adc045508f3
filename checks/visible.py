"""User-controlled text made safe to show: file names, report text quoted in a message, suppression codes.

Every reporter passes such text through ``visible`` before it reaches a terminal, a CI log or a file: a control
or invisible character (ESC and OSC sequences, a newline that would start a ``::error`` workflow command in a
GitHub log, U+202E reordering the line) is shown as ``⟨U+XXXX⟩`` instead of acting; a byte of a file name that
is not UTF-8 (Python hands it over as a lone surrogate, which no UTF-8 output can hold) is shown as ``⟨0xFF⟩``;
and text longer than a message needs is cut, so that output stays proportional to the report.
"""

from __future__ import annotations

import re

from checks.reading import INVISIBLE

# The invisible characters of I005, the line ends and tab (which reading never leaves inside a line, but a file
# name or a message can hold), and the surrogates (a lone one is what os.fsdecode makes of an undecodable byte).
_UNSAFE = re.compile(f"{INVISIBLE.pattern[:-1]}\t\n\r\ud800-\udfff]")
MAX_SHOWN = 1000  # characters of one shown text; a finding's message and a path are far shorter


def visible(text: str, limit: int = MAX_SHOWN) -> str:
    """``text`` with every unsafe character shown by its code, cut to ``limit`` characters (``shortened``)."""
    text = shortened(text, limit)
    return _UNSAFE.sub(_shown, text) if _UNSAFE.search(text) else text


def shortened(text: str, limit: int) -> str:
    """``text`` whole when it has at most ``limit`` characters, else its start and "…" in ``limit``: a value
    quoted in a message (a cell, a setting) is told by its start."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def visible_lines(text: str, limit: int = 20 * MAX_SHOWN) -> str:
    """Several lines (an internal error's traceback), each made visible, the line ends kept."""
    return "\n".join(visible(line, limit) for line in text[:limit].split("\n"))


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's escape of the byte code - 0xDC00
        return f"⟨0x{code - 0xDC00:02X}⟩"
    return f"⟨U+{code:04X}⟩"

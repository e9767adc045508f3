"""Output that never fails on the console's encoding.

A Chinese Windows console (or a pipe there) encodes in GBK, a CI runner or a cron job may run with ``ascii``:
text meant for a person is written in the console's own encoding with what it cannot show replaced (``?``), so a
finding is never lost to a ``UnicodeEncodeError``. Machine formats (JSON, SARIF) are always UTF-8 bytes, whatever
the console: they are read by programs, and replacing characters would change the data.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


def tolerate_unencodable() -> None:
    """Make stdout and stderr replace the characters their encoding cannot show instead of raising."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", "replace") == "strict":
            reconfigure(errors="replace")


@contextmanager
def output(path: Path | None, machine: bool) -> Iterator[TextIO]:
    """Where a report goes: ``path`` (always UTF-8), else stdout: UTF-8 bytes for a ``machine`` format, the
    console's encoding (characters it cannot show replaced) for text a person reads."""
    if path is not None:
        with path.open("w", encoding="utf-8", newline="\n") as file:
            yield file
        return
    buffer = getattr(sys.stdout, "buffer", None)
    if not machine or buffer is None or sys.stdout.encoding.lower().replace("-", "") == "utf8":
        yield sys.stdout
        return
    sys.stdout.flush()
    utf8 = io.TextIOWrapper(buffer, encoding="utf-8", newline="\n")
    try:
        yield utf8
        utf8.flush()
    finally:
        utf8.detach()  # stdout's own wrapper keeps the buffer


def discard_stdout() -> None:
    """After a ``BrokenPipeError`` (``zfxxgk-lint … | head``: the reader left early, not an error of ours), send
    what is left to the null device, so that the flush at exit cannot fail again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())

"""One line per finding, every one, without the quoted source line (``--format concise``, as in ruff): for
grep, editors' problem matchers and long runs read by a person."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from checks.engine import FileResult
from checks.reporters import Options, text


def write(results: Sequence[FileResult], out: TextIO, options: Options) -> None:
    text.write(results, out, options, concise=True)

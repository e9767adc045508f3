"""Shared test helpers: lint a report given as text, and the bundled examples and real reports (tests/data/)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from checks.engine import FileResult, lint_file
from checks.findings import Finding
from checks.rules import selected

# Hypothesis profiles (docs/robustness.md). "ci", the default, is the same examples on every run (derandomize) and
# fits the test suite's time budget; "long" (HYPOTHESIS_PROFILE=long) tries 20 times as many, new ones each run,
# and keeps any failure in .hypothesis/ to replay it first next time. A test asks for a share of the profile's
# examples (tests/test_robustness.py: ``budget``), so both profiles scale every test alike. No deadline: the
# time an example takes is a matter for the benchmark, and varies with the machine.
_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("ci", max_examples=100, derandomize=True, deadline=None, suppress_health_check=_SLOW)
settings.register_profile("long", max_examples=2000, deadline=None, suppress_health_check=_SLOW)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# Real reports and the SARIF schema, copied into the repository (tests/data/README.md says from where): a clone
# must run its tests with nothing beside it.
DATA = ROOT / "tests" / "data"
SEED = DATA / "seeds" / "000_d58e218e6b818927.txt"
CORPUS = DATA / "corpus"
REAL_REPORTS = DATA / "real-reports"
SARIF_SCHEMA = DATA / "vendor" / "sarif-schema-2.1.0.json"
CLEAN_TEXT = (EXAMPLES / "clean.txt").read_text(encoding="utf-8")


def copy_checkout(target: Path) -> None:
    """The checkout as git would commit it (tracked files, and new ones not ignored) copied into ``target``: what a
    clone of it would hold, uncommitted work included."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True,
        check=True,
    ).stdout.decode("utf-8")  # fmt: skip
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():  # --cached also lists files deleted from the work tree
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)


def to_pipe_layout(text: str) -> str:
    """The web-copy layout of a tab-separated report: `a | b |` rows, merged (empty) cells dropped."""
    out = []
    for line in text.split("\n"):
        if "\t" in line:
            line = " | ".join(cell for cell in line.split("\t") if cell) + " |"
        out.append(line)
    return "\n".join(out)


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first line containing ``needle`` (asserting there is exactly one)."""
    hits = [number for number, line in enumerate(text.split("\n"), start=1) if needle in line]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


Lint = Callable[..., FileResult]


@pytest.fixture
def lint(tmp_path: Path) -> Lint:
    def run(text: str | bytes, name: str = "report.txt", select: list[str] | None = None) -> FileResult:
        path = tmp_path / name
        if isinstance(text, str):
            path.write_text(text, encoding="utf-8")
        else:
            path.write_bytes(text)
        return lint_file(path, selected(select, None))

    return run


def codes(findings: tuple[Finding, ...]) -> list[str]:
    return [f.rule for f in findings]

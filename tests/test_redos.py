"""Hostile inputs, part ReDoS (issue 15): no regular expression or path pattern the linter applies to a file's text
costs more than linear time.

Two kinds of test. The static one collects every regex the package compiles — written in the source or built at
run time from the national format's wordings (``checks/rules/figures.py`` compiles dozens that way) — and has the
ReDoS analyser regexploit look for super-linear backtracking in each. The behavioural ones run each attack found
so far (a glob, 40,000 suppression comments, crafted long lines) through the linter within the bounds of
tests/bounded.py: they fail by a bound, not by a stopwatch of their own.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import warnings
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pytest
from bounded import bounded, linter

with warnings.catch_warnings():  # regexploit imports sre_parse, deprecated since Python 3.11
    warnings.simplefilter("ignore", DeprecationWarning)
    from regexploit import redos as regexploit
    from regexploit.ast.repeat import InfiniteRepeat
    from regexploit.ast.sequence import Sequence
    from regexploit.ast.sre import SreOpParser

from tests.conftest import CLEAN_TEXT, EXAMPLES, REAL_REPORTS, ROOT

# --- collecting the regexes ------------------------------------------------------------------------------------

# Run in a fresh interpreter, so that nothing is compiled before the spy is in place: ``re._compile`` (which every
# ``re.compile``, ``re.search``, ``re.split`` … goes through) is wrapped, and a pattern compiled on behalf of code
# in checks/ is recorded with the place that compiled it, then handed back wrapped too, so that the methods it is
# used with are recorded (``search`` and ``finditer`` try every start: a single repeat can cost quadratic time
# there, not in ``match``). Every module is imported, a configuration with path patterns is loaded, and the
# examples and real reports are linted in every format.
_COLLECTOR = r"""
import importlib, json, os, pkgutil, re, sys
from pathlib import Path

root, out, config_dir, *reports = sys.argv[1:]
package, re_folder = os.path.join(root, "checks"), os.path.dirname(re.__file__)
found = {}


class Recorded:
    __slots__ = ("_compiled", "_methods")

    def __init__(self, compiled, methods):
        self._compiled, self._methods = compiled, methods

    def __getattr__(self, name):
        if name in ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split"):
            self._methods.add(name)
        return getattr(self._compiled, name)


original = re._compile


def spy(pattern, flags):
    compiled = original(pattern, flags)
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename.startswith(re_folder):
        frame = frame.f_back
    if frame is None or not frame.f_code.co_filename.startswith(package) or isinstance(pattern, re.Pattern):
        return compiled
    where = f"{os.path.relpath(frame.f_code.co_filename, root)}:{frame.f_lineno}"
    entry = found.setdefault((compiled.pattern, compiled.flags), {"where": where, "methods": set()})
    return Recorded(compiled, entry["methods"])


re._compile = spy
sys.path[:0] = [root, os.path.join(root, "tests")]
import checks

for info in pkgutil.walk_packages(checks.__path__, "checks."):
    if info.name != "checks.__main__":
        importlib.import_module(info.name)
from checks.config import load_config
from checks.engine import lint_file
from checks.rules import selected

config = load_config(None, Path(config_dir), None, None, False)
config.for_path(Path(config_dir, "drafts", "a.txt"))
config.wants(Path(config_dir, "reports", "a.md"))
for report in reports:
    lint_file(Path(report), selected(None, None))
with open(out, "w", encoding="utf-8") as file:
    for (pattern, flags), entry in found.items():
        text = pattern.decode("latin-1") if isinstance(pattern, bytes) else pattern
        record = {"pattern": text, "bytes": isinstance(pattern, bytes), "flags": flags, **entry}
        record["methods"] = sorted(entry["methods"])
        file.write(json.dumps(record) + "\n")
"""


class Compiled(NamedTuple):
    pattern: str | bytes
    flags: int
    where: str  # file:line of the code that compiled it
    methods: tuple[str, ...]  # the Pattern methods it was used with while linting


def _reports(folder: Path) -> list[Path]:
    """The two examples in every format the linter reads, with suppression comments of every kind, and the real
    reports."""
    from checks.reading import read
    from checks.sources import parser_for
    from checks.writers import writer_for
    from tests.documents import html_page, word_document

    paths = []
    for example in ("clean", "faulty"):
        source = EXAMPLES / f"{example}.txt"
        text = source.read_text(encoding="utf-8")
        decoded, parse = read(source), parser_for(".txt")
        assert decoded.lines is not None and parse is not None
        model = parse(str(source), decoded.lines)
        for fmt in ("md", "yaml"):
            (folder / f"{example}.{fmt}").write_text(writer_for(fmt)(model), encoding="utf-8")
        (folder / f"{example}.html").write_text(html_page(text, site=True), encoding="utf-8")
        word_document(text, folder / f"{example}.docx")
        paths += [source, *(folder / f"{example}.{fmt}" for fmt in ("md", "yaml", "html", "docx"))]
    for fmt, form in (("txt", "# zfxxgk-lint: {}"), ("md", "<!-- zfxxgk-lint: {} -->")):
        comments = [form.format(body) for body in ("disable-next-line=A001, T 原文如此", "disable-file=Z9", "off=1")]
        (folder / f"suppressed.{fmt}").write_text("\n".join([*comments, CLEAN_TEXT]), encoding="utf-8")
        paths.append(folder / f"suppressed.{fmt}")
    return paths + sorted(REAL_REPORTS.glob("*.txt"))


@cache
def _collected(folder: Path) -> tuple[Compiled, ...]:
    config = folder / "config"
    config.mkdir()
    (config / ".zfxxgk-lint.yaml").write_text(
        "select: [R, T, A, X]\nseverity:\n  R007: warning\nper-file-ignores:\n  'drafts/**': [X]\n"
        "files: ['reports/**/*.md']\nexclude: ['*.bak', 'reports/[0-9]*']\n",
        encoding="utf-8",
    )
    out = folder / "patterns.jsonl"
    command = [sys.executable, "-c", _COLLECTOR, str(ROOT), str(out), str(config), *map(str, _reports(folder))]
    subprocess.run(command, check=True, cwd=folder)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return tuple(
        Compiled(
            r["pattern"].encode("latin-1") if r["bytes"] else r["pattern"], r["flags"], r["where"], tuple(r["methods"])
        )
        for r in records
    )


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Compiled, ...]:
    return _collected(tmp_path_factory.mktemp("redos"))


# --- analysing them ----------------------------------------------------------------------------------------------

# regexploit counts the unbounded repeats a run of one character can be split between ("starriness") and reports
# three or more (cubic) by default. Here two are already a failure: a line is up to megabytes long, so even a
# quadratic match is too slow. (This is regexploit's own search, started one repeat further.)
_STRICTER = 1
_SEARCHING = frozenset({"search", "finditer", "findall", "sub", "subn", "split"})

# Patterns regexploit cannot parse, by where they are compiled, with why they are safe: none so far.
CANNOT_PARSE: dict[str, str] = {}
# Patterns used with search whose one repeat regexploit takes to start anywhere in a run, which a lookbehind in
# front of it forbids (regexploit ignores lookbehinds): the run is read once, from its start.
GUARDED_BY_LOOKBEHIND = {
    # A count before its unit ("15件"): (?<![0-9…]) keeps the digits from being tried from the middle of a number.
    r"(?<![0-9０-９.．零〇一二两三四五六七八九十百千万])(?P<n>",
}


def _redos(pattern: str | bytes, flags: int, searched: bool) -> list[regexploit.Redos]:
    """regexploit's super-linear findings for ``pattern``, as matched, or as searched (every start tried): as if
    preceded by a lazy repeat of any character."""
    if searched and not (isinstance(pattern, str) and pattern.startswith("^")):
        pattern = b"[\\s\\S]*?(?:" + pattern + b")" if isinstance(pattern, bytes) else f"[\\s\\S]*?(?:{pattern})"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = SreOpParser().parse_sre(pattern, flags)
    sequence = parsed if isinstance(parsed, Sequence) else Sequence([parsed])
    found: list[regexploit.Redos] = []
    for branch in regexploit.expand_branches(sequence):
        for start, element in enumerate(branch.elements):
            character = element.overall_character_class() if isinstance(element, InfiniteRepeat) else None
            if character is None:
                continue
            for redos in regexploit.make_redos(branch, start, start + 1, character, element.starriness + _STRICTER):
                if redos not in found:
                    found.append(redos)
    return found


def _described(regex: Compiled, redos: regexploit.Redos, searched: bool) -> str:
    how = "searched" if searched else "matched"
    return f"{regex.where}: {regex.pattern!r}, {how}: attack {redos.example()}"


def test_the_collection_sees_runtime_built_patterns(compiled: tuple[Compiled, ...]) -> None:
    # A literal re.compile in the source is found by any scanner; these are built at run time from data.
    from checks.rules import figures

    sources = {regex.pattern for regex in compiled}
    assert figures._COUNT_AFTER in sources and figures._OTHER_PERIOD in sources
    assert sum(1 for regex in compiled if regex.where.startswith("checks/rules/figures.py")) >= 30
    # ... and the ones compiled at import, from every module.
    from checks.sources import markdown, text

    assert text._PIPE.pattern in sources and markdown._HEADING.pattern in sources
    assert len(compiled) >= 70


def test_no_regex_backtracks_super_linearly(compiled: tuple[Compiled, ...]) -> None:
    problems = []
    for regex in compiled:
        if regex.where in CANNOT_PARSE:
            continue
        # One not used while linting the examples may be searched elsewhere: it is analysed as searched.
        searched = (not regex.methods or not _SEARCHING.isdisjoint(regex.methods)) and not any(
            isinstance(regex.pattern, str) and regex.pattern.startswith(guarded) for guarded in GUARDED_BY_LOOKBEHIND
        )
        try:
            found = _redos(regex.pattern, regex.flags, False) + (
                _redos(regex.pattern, regex.flags, True) if searched else []
            )
        except re.error as error:  # regexploit parses with sre_parse: what re compiled, it reads
            problems.append(
                f"{regex.where}: regexploit cannot parse {regex.pattern!r} ({error}); list it in CANNOT_PARSE"
            )
            continue
        problems += [_described(regex, redos, searched) for redos in found[:1]]
    assert problems == []


def test_the_analysis_finds_what_was_fixed() -> None:
    # The patterns this issue replaced, as they were: the test above would have failed on each.
    for pattern, searched in (
        (r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$", False),  # a Markdown delimiter row
        (r"(?<![0-9])([0-9]{1,2})\s*(?:月份?)?\s*[-至到]\s*([0-9]{1,2})\s*月", False),  # 1-12月
        (r"[^/]*a[^/]*a[^/]*b", False),  # a glob "*a*a*b" as a regex
        (r"[0-9一二三]+\s*年来", True),  # "3年来", searched
    ):
        assert _redos(pattern, 0, searched), pattern


# --- the attacks -------------------------------------------------------------------------------------------------

_LONG = 5_000_000  # characters in one crafted line: the size bound of a report file is of this order


def _report_with(tmp_path: Path, name: str, line: str) -> Path:
    """The clean example with ``line`` added at its end."""
    path = tmp_path / name
    path.write_text(CLEAN_TEXT + "\n" + line + "\n", encoding="utf-8")
    return path


def test_a_glob_that_backtracks_as_a_regex(tmp_path: Path) -> None:
    # "*a*a…*b" translated to a regex tries every way of placing 15 stars in a name of sixty "a": it never ended.
    shutil.copy(EXAMPLES / "clean.txt", tmp_path / ("a" * 60 + ".txt"))
    deep = tmp_path.joinpath(*["a"] * 40)
    deep.mkdir(parents=True)
    shutil.copy(EXAMPLES / "clean.txt", deep / "b.txt")
    (tmp_path / ".zfxxgk-lint.yaml").write_text(
        'exclude:\n  - "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b"\n  - "**/a/**/a/**/a/**/a/**/a/**/a/**/a/**/c"\n'
        'per-file-ignores:\n  "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b/**": [A]\n',
        encoding="utf-8",
    )
    outcome = bounded(linter("check", "--format", "json", "."), cwd=tmp_path)
    assert outcome.problems() == []
    assert json.loads(outcome.stdout)["summary"]["files"] == 2  # both checked: neither pattern matches


def test_an_unreadable_glob_is_a_configuration_mistake(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(CLEAN_TEXT, encoding="utf-8")
    (tmp_path / ".zfxxgk-lint.yaml").write_text('exclude: ["[z-a]"]\n', encoding="utf-8")
    outcome = bounded(linter("check", "."), cwd=tmp_path)
    assert outcome.problems(statuses=(2,)) == []
    message = outcome.stderr.decode("utf-8")
    assert ".zfxxgk-lint.yaml:1:" in message and "exclude[0]" in message and "z-a" in message


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_forty_thousand_next_line_suppressions(tmp_path: Path, fmt: str) -> None:
    # Each comment looked for the line it covers from where it stands, through all the comments after it: 25 s.
    comment = "<!-- zfxxgk-lint: disable-next-line=A001 -->" if fmt == "md" else "# zfxxgk-lint: disable-next-line=A001"
    path = tmp_path / f"report.{fmt}"
    path.write_text("\n".join([comment] * 40_000) + "\n" + CLEAN_TEXT, encoding="utf-8")
    outcome = bounded(linter("check", path))
    assert outcome.problems() == []


# Lines that made a pattern backtrack (each in a .txt and a .md report), by the part of the linter that reads them.
LONG_LINES = {
    "heading": "一、a" + " " * _LONG + "b",
    "numbered item": "（一" + " " * _LONG + "b",
    "title": "2023年" + " " * _LONG + "政府信息公开工作年度报告",
    "delimiter row, spaces after the dashes": "---" + " " * _LONG + "x",
    "delimiter row, spaces before": " " * _LONG + "x",
    "delimiter row, many cells": "|" + "---|" * (_LONG // 4) + "x",
    "统计期限": "统计期限为2023年" + " " * _LONG + "x",
    "month span": "本年度新收政府信息公开申请15件，1" + " " * _LONG + "x",
    "numerals before 年来": "本年度新收政府信息公开申请15件，" + "1" * _LONG + "x",
}


@pytest.mark.parametrize("fmt", ["txt", "md"])
@pytest.mark.parametrize("name", LONG_LINES)
def test_a_crafted_long_line(tmp_path: Path, name: str, fmt: str) -> None:
    outcome = bounded(linter("check", _report_with(tmp_path, f"report.{fmt}", LONG_LINES[name])))
    assert outcome.problems() == []


@pytest.mark.parametrize(
    ("fmt", "line"),
    [
        ("txt", "# zfxxgk-lint: disable-file=A001 a" + " " * _LONG + "b"),
        ("md", "<!-- zfxxgk-lint: disable-file=A001 a" + " " * _LONG + "b -->"),
        ("md", "<!-- zfxxgk-lint:" + "-->" * (_LONG // 3) + "x"),
        ("txt", "# zfxxgk-lint: disable-file=" + "1," * (_LONG // 2) + "x"),
    ],
    ids=["reason with spaces, txt", "reason with spaces, md", "many comment ends", "many invalid codes"],
)
def test_a_crafted_suppression_comment(tmp_path: Path, fmt: str, line: str) -> None:
    outcome = bounded(linter("check", "--format", "json", _report_with(tmp_path, f"report.{fmt}", line)))
    assert outcome.problems() == []
    assert len(outcome.stdout) < 100_000  # an invalid code is named cut, not echoed megabytes long


def test_an_invalid_suppression_code_is_shown_visibly(tmp_path: Path) -> None:
    path = _report_with(tmp_path, "report.txt", "# zfxxgk-lint: disable-file=A\x1b[31m1")
    outcome = bounded(linter("check", path))
    assert outcome.problems() == []
    shown = outcome.stdout.decode("utf-8")
    assert "\x1b" not in shown and "A⟨U+001B⟩[31M1" in shown

"""Startup audit: a run imports what it uses and nothing else (issue 6), and compiles the schema once.

These tests compare sets of modules, never times: bench/bench.py measures time. Each run is a separate process
started as a user starts one (``python -m checks …``, .pyc files written and used), and reports the modules it
loaded in two ways. ``-X importtime`` shows who imported what, but it only logs the ``import`` statement: a
module loaded with ``importlib.import_module``, as parsers, reporters and writers are, is missing from it (its
own imports are not). So the process also writes ``sys.modules`` when it exits, which has them all.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from checks.engine import lint_file
from checks.model import Report
from checks.reading import read
from checks.rules import catalog
from checks.rules import schema as schema_rule
from checks.sources import parser_for
from checks.writers import writer_for
from tests.conftest import CLEAN_TEXT, EXAMPLES, ROOT

# Runs ``python -m checks ARGS`` (runpy, as ``-m`` does) after asking for sys.modules to be written at exit.
_DRIVER = """\
import atexit, os, runpy, sys
out = os.environ.pop("STARTUP_MODULES_FILE")
def dump():
    with open(out, "w", encoding="utf-8") as f:
        f.write("\\n".join(sorted(sys.modules)))
atexit.register(dump)
runpy.run_module("checks", run_name="__main__", alter_sys=True)
"""

# Standard modules that only a crash (traceback), a mistyped label or setting (difflib), or a rule's documentation
# (textwrap) needs, each 1–3 ms to import; dataclasses (with inspect, 7 ms) is not used at all: building a dataclass
# takes 0.7 ms, and the linter's records are NamedTuples (checks/model.py).
NOT_FOR_A_CLEAN_REPORT = ("dataclasses", "inspect", "traceback", "difflib", "textwrap")

# A clean report's run needs neither the other formats' parsers and reporters, nor the writers, nor the schema
# validator and the YAML parser (only data a source states directly needs those), nor the worker pool (one file).
NOT_FOR_TEXT = (
    "checks.reporters.json",
    "checks.reporters.github",
    "checks.reporters.sarif",
    "checks.sources.markdown",
    "checks.sources.yaml",
    "checks.sources.html",
    "checks.sources.word",
    "checks.sources.markup",
    "docx",
    "lxml",
    "checks.writers",
    "jsonschema",
    "jsonschema_rs",
    "ruamel",
    "_ruamel_yaml",
    "concurrent.futures",
    "datetime",  # checks.rules.schema imports it to check a date, which a .txt report does not state
    "importlib.resources",  # checks.resources finds the schemas without it
    "zipfile",
    "json",  # only the JSON and SARIF reporters, a schema read, or a setting or value shown quoted need it
    "shutil",  # argparse's help formatter asks it for the terminal's width: only a help or usage text needs that
    *NOT_FOR_A_CLEAN_REPORT,
)


@dataclass(frozen=True)
class Started:
    status: int
    stdout: str
    modules: frozenset[str]
    importtime: str  # the -X importtime tree, to show who imported a module that should not be there

    def having(self, *prefixes: str) -> list[str]:
        """The modules loaded that are one of ``prefixes`` or inside one of them."""
        return sorted(m for m in self.modules if any(m == p or m.startswith(p + ".") for p in prefixes))

    def importers(self, module: str) -> str:
        """The lines of the import tree that lead to ``module``: its own, then each less indented one after it
        (importtime prints a module after the modules it imported, so these are its importers)."""
        lines = self.importtime.splitlines()
        for index, line in enumerate(lines):
            if line.rsplit("|", 1)[-1].strip() == module:
                chain = [line]
                depth = _depth(line)
                for later in lines[index + 1 :]:
                    if _depth(later) < depth:
                        chain.append(later)
                        depth = _depth(later)
                return "\n".join(chain)
        return f"{module}: loaded by importlib.import_module (not in -X importtime)"


def _depth(line: str) -> int:
    name = line.rsplit("|", 1)[-1]
    return len(name) - len(name.lstrip())


def start(args: list[str], cwd: Path, tmp_path: Path) -> Started:
    out = tmp_path / "modules.list"  # not a report file name: a folder search must not read it
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as a user's run
    env["STARTUP_MODULES_FILE"] = str(out)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    env.pop("GITHUB_ACTIONS", None)  # the default output format: text
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", _DRIVER, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    timed = [line for line in done.stderr.splitlines() if line.startswith("import time:")]
    named = {line.rsplit("|", 1)[-1].strip() for line in timed[1:]}  # [0] is the header
    modules = frozenset(out.read_text(encoding="utf-8").split("\n")) | named
    return Started(done.returncode, done.stdout, modules, "\n".join(timed))


def assert_none(started: Started, prefixes: tuple[str, ...]) -> None:
    found = started.having(*prefixes)
    assert not found, "needless imports:\n\n" + "\n\n".join(started.importers(m) for m in found)


def parsed(path: Path) -> Report:
    """The Report model of a source file, as the engine parses it."""
    decoded = read(path)
    parser = parser_for(path.suffix)
    assert decoded.lines is not None and parser is not None
    return parser(str(path), decoded.lines)


def yaml_form(folder: Path, name: str = "report.yaml") -> Path:
    """examples/clean.txt in its YAML form (what ``zfxxgk-lint convert --to yaml`` writes)."""
    path = folder / name
    path.write_text(writer_for("yaml")(parsed(EXAMPLES / "clean.txt")), encoding="utf-8")
    return path


def test_version_imports_nothing_of_a_run(tmp_path: Path) -> None:
    started = start(["--version"], ROOT, tmp_path)
    assert started.status == 0
    assert started.stdout.startswith("zfxxgk-lint ")
    assert_none(
        started,
        (
            "checks.rules",
            "checks.engine",
            "checks.run",
            "checks.config",
            "checks.reporters",
            "checks.sources",
            "checks.writers",
            "checks.model",
            "jsonschema",
            "jsonschema_rs",
            "ruamel",
            "_ruamel_yaml",
        ),
    )


def test_a_clean_text_report_imports_only_what_it_uses(tmp_path: Path) -> None:
    # The report alone in a folder outside any repository, as in bench/bench.py: inside one, the cross-year rules
    # search the repository for last year's report, and read the heads of its .md and .yaml files (in this
    # checkout, docs/rules/X00*.md and a YAML test fixture name 2024), which needs their parsers.
    report = tmp_path / "report.txt"
    shutil.copyfile(EXAMPLES / "clean.txt", report)
    started = start(["check", str(report)], tmp_path, tmp_path)
    assert started.status == 0, started.stdout
    # What it uses is seen, so that the absence of the rest means something (importlib loads are counted).
    assert started.having("checks.sources.text", "checks.reporters.text") == [
        "checks.reporters.text",
        "checks.sources.text",
    ]
    assert_none(started, NOT_FOR_TEXT)


def test_a_valid_yaml_report_imports_its_parser_and_the_fast_validator_but_no_other_format(tmp_path: Path) -> None:
    report = yaml_form(tmp_path)
    started = start(["check", str(report)], tmp_path, tmp_path)
    assert started.status == 0, started.stdout
    # libyaml's parser (ruamel.yaml.clib) and jsonschema-rs: jsonschema only words the violations of an invalid one.
    assert {"checks.sources.yaml", "ruamel.yaml", "_ruamel_yaml", "jsonschema_rs"} <= started.modules
    assert_none(
        started,
        (
            "jsonschema",
            "referencing",
            "checks.writers",
            "checks.sources.markdown",
            "checks.sources.text",
            "checks.reporters.json",
            "checks.reporters.github",
            "checks.reporters.sarif",
            "concurrent.futures",
            "importlib.resources",  # checks.resources finds the schemas without it (and without zipfile)
            "zipfile",
            *NOT_FOR_A_CLEAN_REPORT,
        ),
    )


def test_a_yaml_report_that_breaks_the_schema_imports_jsonschema(tmp_path: Path) -> None:
    report = yaml_form(tmp_path)
    report.write_text(report.read_text(encoding="utf-8") + "年份: 2025\n", encoding="utf-8")  # an unknown key
    started = start(["check", str(report)], tmp_path, tmp_path)
    assert started.status == 1 and "S001" in started.stdout, started.stdout
    assert "jsonschema" in started.modules


def test_the_schema_is_compiled_once_per_process(tmp_path: Path) -> None:
    rules = list(catalog().values())
    schema_rule._gate.cache_clear()
    schema_rule._validators.cache_clear()
    for name in ("a.yaml", "b.yaml", "c.yaml"):
        assert lint_file(yaml_form(tmp_path, name), rules).crash is None
    gates = schema_rule._gate.cache_info()
    assert (gates.misses, gates.hits) == (1, 2)
    assert schema_rule._validators.cache_info().misses == 0  # valid reports: jsonschema is not even built
    for name in ("d.yaml", "e.yaml", "f.yaml"):
        path = yaml_form(tmp_path, name)
        path.write_text(path.read_text(encoding="utf-8") + "年份: 2025\n", encoding="utf-8")
        assert [f.rule for f in lint_file(path, rules).findings] == ["S001"]
    full = schema_rule._validators.cache_info()
    assert (full.misses, full.hits) == (1, 2)


def test_a_page_and_a_word_document_import_their_own_reader_only(tmp_path: Path) -> None:
    from tests.documents import html_page, word_document

    page, document = tmp_path / "report.html", tmp_path / "report.docx"
    page.write_text(html_page(CLEAN_TEXT), encoding="utf-8")
    word_document(CLEAN_TEXT, document)
    started = start(["check", str(page)], tmp_path, tmp_path)
    assert started.status == 0, started.stdout
    assert {"checks.sources.html", "checks.sources.markup"} <= started.modules
    assert_none(started, ("checks.sources.word", "docx", "jsonschema", "jsonschema_rs", "ruamel"))
    started = start(["check", str(document)], tmp_path, tmp_path)
    assert started.status == 0, started.stdout
    assert {"checks.sources.word", "lxml"} <= started.modules
    # python-docx is not needed to read a document (one pass over its XML with lxml, bounded: issue 15)
    assert_none(
        started, ("checks.sources.html", "checks.sources.markup", "docx", "jsonschema", "jsonschema_rs", "ruamel")
    )

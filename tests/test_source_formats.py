"""The source-format registry (checks/sources/formats.py) and everything that names the formats follows it: the
readers and writers, the command line, the folder scan and configuration, the pre-commit hooks, the docs."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
import yaml  # type: ignore[import-untyped, unused-ignore]  # comes with pre-commit (the test extra)

from checks import writers
from checks.config import Config
from checks.resources import load_schema
from checks.sources import formats, is_report_name, reads_by_head, unsupported
from checks.sources.comments import HASH, MARKUP

ROOT = Path(__file__).resolve().parent.parent
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
SUFFIXES = formats.READ_SUFFIXES
# File types a reports repository holds that are not reports in a format read here (or are a format's look-alike).
NOT_READ = (".doc", ".odt", ".json", ".csv", ".xlsx", ".wps", ".docm", ".rtf", ".toml", ".py", ".txt~", ".md5", "")


def test_the_registry_holds_each_format_once() -> None:
    names = [source.name for source in formats.FORMATS]
    assert names == ["txt", "md", "yaml", "html", "docx", "pdf"]
    assert SUFFIXES == (".txt", ".md", ".yaml", ".yml", ".html", ".htm", ".docx", ".pdf")
    assert all(suffix == suffix.lower() and suffix.startswith(".") for suffix in SUFFIXES)
    assert {source.name: source.comments for source in formats.FORMATS} == {
        "txt": HASH,
        "md": MARKUP,
        "yaml": HASH,
        "html": MARKUP,
        "docx": None,
        "pdf": None,
    }
    assert [s.name for s in formats.FORMATS if s.title_in_head] == ["txt", "md", "yaml"]


@pytest.mark.parametrize("source", formats.FORMATS, ids=lambda s: s.name)
def test_each_reader_exists_and_reads_its_format(source: formats.SourceFormat) -> None:
    module = importlib.import_module(source.reader)
    # A text format's reader parses decoded lines; a binary one (Word) reads the file itself.
    assert hasattr(module, "parse") or hasattr(module, "read_file")
    for suffix in source.suffixes:
        assert formats.MODULES[suffix] == source.reader
        assert formats.format_of(suffix.upper()) == source
        assert reads_by_head(suffix) == source.title_in_head


def test_the_writers_are_the_registrys() -> None:
    written = [source for source in formats.FORMATS if source.writer is not None]
    assert writers.FORMATS == formats.WRITE_FORMATS == tuple(source.name for source in written)
    assert {source.name: source.writer for source in written} == writers._MODULES
    assert {suffix: source.name for source in written for suffix in source.suffixes} == writers.SUFFIXES
    for source in written:
        assert source.writer is not None and hasattr(importlib.import_module(source.writer), "write")


def test_the_command_line_takes_the_registrys_formats(capsys: pytest.CaptureFixture[str]) -> None:
    from checks import cli

    assert cli.WRITE_FORMATS == formats.WRITE_FORMATS
    assert cli.main(["convert", "x.txt", "--to", "pdf"]) == 2
    err = capsys.readouterr().err
    assert all(f"'{name}'" in err for name in formats.WRITE_FORMATS)
    assert cli.main(["convert", "--help"]) == 0
    assert ", ".join(formats.WRITE_FORMATS) in capsys.readouterr().out


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_file_of_each_suffix_is_a_report(suffix: str, tmp_path: Path) -> None:
    for name in (f"示例县自然资源局2025{suffix}", f"report{suffix.upper()}"):
        assert is_report_name(name)
        assert Config().wants(tmp_path / name)


@pytest.mark.parametrize("suffix", NOT_READ)
def test_other_files_are_not(suffix: str, tmp_path: Path) -> None:
    assert not is_report_name(f"report{suffix}")
    assert not Config().wants(tmp_path / f"report{suffix}")
    assert "不支持" in unsupported(suffix).zh


def test_the_unsupported_message_lists_the_registrys_suffixes() -> None:
    message = unsupported(".xlsx")
    assert all(suffix in message.zh and suffix in message.en for suffix in SUFFIXES)
    assert "另存为" in unsupported(".doc").zh


def test_the_config_schema_names_exactly_the_registrys_suffixes() -> None:
    described = load_schema("config.schema.json")["properties"]["files"]["description"]
    assert tuple(re.findall(r"(?<![\w.])\.[a-z]+", described)) == SUFFIXES


# --- the pre-commit hooks --------------------------------------------------------------------------------------

# Names that are no report in any folder (formats.NOT_REPORTS, hidden files), and names that are.
NON_REPORT_NAMES = [
    *(f"{word}{ending}" for word in formats.NOT_REPORTS for ending in (".md", ".yaml", "-2.0.txt", ".en.md")),
    *(f"{word.lower()}.md" for word in formats.NOT_REPORTS),
    *(f"{word.upper()}.yml" for word in formats.NOT_REPORTS),
    ".zfxxgk-lint.yaml",
    ".pre-commit-config.yaml",
    ".gitlab-ci.yml",
    ".hidden.md",
]
REPORT_NAMES = [
    "2025年度报告.docx",
    "2025年度报告.PDF",
    "示例县自然资源局2025.md",
    "READMEs.md",  # a word is the whole of the name's start
    "LICENSED.txt",
    "README报告.md",
    "licence.md",
    "report.HTM",
    "a.readme.md",
]


def _hooks() -> list[dict[str, str]]:
    """The hooks that check (every format read); the fixing hook is held to the formats it writes below."""
    ids = [hook["id"] for hook in HOOKS]
    assert ids == ["zfxxgk-lint", "zfxxgk-schema", "zfxxgk-sections", "zfxxgk-arithmetic", "zfxxgk-fix"]
    return [hook for hook in HOOKS if hook["id"] != "zfxxgk-fix"]


def test_the_fixing_hook_takes_the_formats_fixes_write_and_excludes_what_the_others_do() -> None:
    from checks.writers.fixes import WRITABLE

    fixer = next(hook for hook in HOOKS if hook["id"] == "zfxxgk-fix")
    files = re.compile(fixer["files"])
    for suffix in SUFFIXES:
        assert bool(files.search(f"reports/报告{suffix.upper()}")) == (suffix in WRITABLE), suffix
    assert {hook["exclude"] for hook in HOOKS} == {fixer["exclude"]}
    assert "--fix" in fixer["entry"].split() and fixer["entry"].endswith(" --")


def _hooked(hook: dict[str, str], path: str) -> bool:
    """Whether pre-commit hands ``path`` to the hook: ``files`` searched, ``exclude`` not (as pre-commit does)."""
    return re.search(hook["files"], path) is not None and re.search(hook["exclude"], path) is None


@pytest.mark.parametrize("hook", _hooks(), ids=lambda h: h["id"])
def test_each_hooks_files_match_every_registry_suffix_and_nothing_else(hook: dict[str, str]) -> None:
    files = re.compile(hook["files"])
    for suffix in SUFFIXES:
        for name in (f"report{suffix}", f"reports/2025/报告{suffix.upper()}"):
            assert files.search(name), (hook["id"], name)
    for suffix in NOT_READ:
        for name in (f"report{suffix}", f"reports/report{suffix}", f"report{suffix}.bak"):
            assert not files.search(name), (hook["id"], name)


@pytest.mark.parametrize("hook", _hooks(), ids=lambda h: h["id"])
def test_each_hooks_exclude_agrees_with_is_report_name(hook: dict[str, str]) -> None:
    for name in NON_REPORT_NAMES + REPORT_NAMES:
        for folder in ("", "reports/", "docs/2025/"):
            assert _hooked(hook, folder + name) == is_report_name(name), (hook["id"], folder + name)


@pytest.mark.parametrize("hook", _hooks(), ids=lambda h: h["id"])
def test_each_hook_skips_hidden_folders_as_a_folder_run_does(hook: dict[str, str]) -> None:
    for path in (".github/report.md", ".gitlab/ci/report.yml", "reports/.drafts/2025.txt"):
        assert not _hooked(hook, path), (hook["id"], path)
    assert _hooked(hook, "reports/drafts.2025/report.txt")


# --- the docs ------------------------------------------------------------------------------------------------


def test_the_readme_lists_every_format_read() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"A folder is searched for report files \(([^;]+);", readme)
    assert listed is not None
    assert tuple(re.findall(r"`(\.[a-z]+)`", listed.group(1))) == SUFFIXES
    for source in formats.FORMATS:
        assert all(f"`{suffix}`" in readme for suffix in source.suffixes)


def test_the_suppression_docs_cover_every_format_with_comments() -> None:
    table = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8").split("## Inline suppression", 1)[1]
    for source in formats.FORMATS:
        row = " / ".join(f"`{suffix}`" for suffix in source.suffixes)
        assert (f"| {row} |" in table) == (source.comments is not None), source.name

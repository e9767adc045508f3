"""Hostile inputs (issue 15): files built to hang a CI run, take its memory, crash the linter or write into its log.

Each case runs the linter in a child process measured by ``tests/bounded.py``: at most 5 s and 500 MB, exit 0 or
1 (2 only for a usage error), no traceback, and output valid for its format. The Word and HTML readers' cases are
in ``tests/test_hostile_documents.py``, the regular-expression and glob cases in ``tests/test_redos.py``.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from bounded import Outcome, bounded, linter

from checks.engine import MAX_FINDINGS
from checks.reading import MAX_BYTES, MAX_LINES
from tests.conftest import CLEAN_TEXT, EXAMPLES
from tests.documents import html_page, word_document

FAULTY_TEXT = (EXAMPLES / "faulty.txt").read_text(encoding="utf-8")
CLEAN_LINES = CLEAN_TEXT.split("\n")


def strict_json(data: bytes) -> Any:
    """JSON as the standard defines it: UTF-8, and no NaN or Infinity (Python's json takes those by default)."""

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(data.decode("utf-8"), parse_constant=refuse)


def findings_of(outcome: Outcome) -> list[dict[str, Any]]:
    return [f for file in strict_json(outcome.stdout)["files"] for f in file["findings"]]


def checked(*args: str | os.PathLike[str], cwd: Path | None = None, statuses: tuple[int, ...] = (0, 1)) -> Outcome:
    outcome = bounded(linter(*args), **({"cwd": cwd} if cwd else {}))
    assert outcome.problems(statuses) == [], (outcome.problems(statuses), outcome.stderr[-2000:])
    return outcome


def with_t3_rows(rows: list[str]) -> str:
    """The clean report with ``rows`` added to 表三 after its 四、结转下年度继续办理 row."""
    index = next(i for i, line in enumerate(CLEAN_LINES) if line.startswith("四、结转下年度继续办理"))
    return "\n".join([*CLEAN_LINES[: index + 1], *rows, *CLEAN_LINES[index + 1 :]])


def with_cell(value: str) -> str:
    """The clean report with the 本年新收 总计 cell of 表三 written as ``value``."""
    index = next(i for i, line in enumerate(CLEAN_LINES) if line.startswith("一、本年新收政府信息公开申请数量"))
    cells = CLEAN_LINES[index].split("\t")
    cells[-1] = value
    return "\n".join([*CLEAN_LINES[:index], "\t".join(cells), *CLEAN_LINES[index + 1 :]])


# --- size: lines, cells, findings -----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".md", ".yaml", ".html"])
def test_millions_of_short_lines_are_one_i004(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"lines{suffix}"
    path.write_bytes(b"a\n" * (MAX_BYTES // 2 - 1))
    outcome = checked("check", "--format", "json", path)
    [finding] = findings_of(outcome)
    assert (finding["rule"], finding["expected"]) == ("I004", MAX_LINES)


@pytest.mark.parametrize(("suffix", "separator"), [(".txt", "\t"), (".md", "|"), (".txt", "|")])
def test_a_table_of_millions_of_cells_is_one_i004(tmp_path: Path, suffix: str, separator: str) -> None:
    path = tmp_path / f"cells{suffix}"
    path.write_text(with_t3_rows([separator.join(["1"] * 48)] * 49_000), encoding="utf-8")
    outcome = checked("check", "--format", "json", path)
    assert [f["rule"] for f in findings_of(outcome)] == ["I004"]
    path.write_text("|" * (MAX_BYTES - 10), encoding="utf-8")  # one line of cell edges only (.md lost its I004)
    outcome = checked("check", "--format", "json", path)
    assert [f["rule"] for f in findings_of(outcome)] == ["I004"]


def test_output_stays_proportional_to_a_report(tmp_path: Path) -> None:
    # 15,000 repeated rows, each its own T002: the first MAX_FINDINGS are listed, one I004 counts the rest.
    path = tmp_path / "rows.txt"
    row = next(line for line in CLEAN_LINES if line.startswith("四、结转下年度继续办理"))
    path.write_text(with_t3_rows([row] * 15_000), encoding="utf-8")
    outcome = checked("check", "--format", "json", path)
    found = findings_of(outcome)
    assert len(found) == MAX_FINDINGS + 1 and found[-1]["rule"] == "I004"
    assert len(outcome.stdout) < 1_000_000
    assert checked("check", "--format", "sarif", path).stdout.count(b'"ruleId"') == MAX_FINDINGS + 1


# --- numbers ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["9" * 5000, "9" * 400 + ".5", "1" + "0" * 16, "0." + "1" * 5000])
def test_a_huge_figure_in_a_cell_is_a_finding_and_the_json_stays_json(tmp_path: Path, value: str) -> None:
    path = tmp_path / "big.txt"
    path.write_text(with_cell(value), encoding="utf-8")
    found = findings_of(checked("check", "--format", "json", path))
    t004 = [f for f in found if f["rule"] == "T004"]
    assert len(t004) == 1 and "位数过多" in t004[0]["message"]
    assert len(t004[0]["message"]) < 1500  # the figure is quoted cut, not whole
    strict_json(checked("check", "--format", "sarif", path).stdout)


@pytest.mark.parametrize("value", ["9" * 5000, "1e999", ".inf", "-.inf", ".nan", "0x" + "f" * 5000, "9" * 400])
def test_a_huge_figure_in_a_yaml_report_is_no_crash(tmp_path: Path, value: str) -> None:
    from checks.sources.text import parse
    from checks.writers.yaml import write

    report = write(parse("clean.txt", tuple(CLEAN_LINES)))
    path = tmp_path / "big.yaml"
    first = "数据: [1, 0, 0, 0, 1"  # 表四's first row
    assert first in report
    path.write_text(report.replace(first, f"数据: [{value}, 0, 0, 0, 1", 1), encoding="utf-8")
    found = findings_of(checked("check", "--format", "json", path))
    assert found, "a figure no report can mean is a finding"
    strict_json(checked("check", "--format", "sarif", path).stdout)


def test_a_huge_figure_in_the_text_and_the_year_is_no_crash(tmp_path: Path) -> None:
    claim = "全年新收政府信息公开申请15件"
    assert claim in CLEAN_TEXT
    text = CLEAN_TEXT.replace(claim, "全年新收政府信息公开申请" + "9" * 5000 + "件")
    (tmp_path / "prose.txt").write_text(text, encoding="utf-8")
    checked("check", "--format", "json", tmp_path / "prose.txt")
    front = "---\n年度: " + "2" * 5000 + "\n---\n"
    (tmp_path / "front.md").write_text(front + CLEAN_TEXT, encoding="utf-8")
    checked("check", "--format", "json", tmp_path / "front.md")
    checked("convert", "--to", "yaml", tmp_path / "front.md")


def test_a_sentence_of_millions_of_spaces_costs_no_more_than_a_report(tmp_path: Path) -> None:
    # The regular-expression engine keeps state per character of a repeat: X001 reading figures in a "sentence"
    # of 4 million spaces took 600 MB. Sentences past MAX_SENTENCE characters are not read for figures.
    claim = "全年新收政府信息公开申请15件"
    path = tmp_path / "spaces.txt"
    path.write_text(CLEAN_TEXT.replace(claim, "全年新收" + " " * 4_000_000 + claim[4:]), encoding="utf-8")
    outcome = checked("check", path)
    assert outcome.megabytes < 200, outcome.megabytes


# --- names and output -------------------------------------------------------------------------------------------

HOSTILE_NAMES = [
    b"\xff\xfe-not-utf8.txt",  # a name that is not UTF-8
    b"a\n::error file=x.txt::pwned.txt",  # a newline, then a GitHub workflow command
    b"\x1b]0;pwned\x07\x1b[31mred.txt",  # an OSC title change and a colour
    b"\xe2\x80\xaeevil\xe2\x80\xactxt.txt",  # U+202E: the name reads backwards
]


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "names"
    folder.mkdir()
    for name in HOSTILE_NAMES:
        shutil.copy(EXAMPLES / "faulty.txt", os.path.join(os.fsencode(folder), name))
    return folder


@pytest.mark.skipif(sys.platform == "win32", reason="Windows file names are UTF-16 and cannot hold these bytes")
@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "github"])
def test_file_names_never_reach_the_output_raw(hostile_folder: Path, fmt: str) -> None:
    outcome = checked("check", "--format", fmt, hostile_folder)
    output = outcome.stdout.decode("utf-8")  # valid UTF-8, whatever the names' bytes
    assert "\x1b" not in output and "\u202e" not in output and "\udcff" not in output
    assert not any(line.startswith("::error file=x.txt") for line in output.split("\n")), output
    if fmt in ("json", "sarif"):
        strict_json(outcome.stdout)
    if fmt in ("text", "concise"):
        assert "⟨0xFF⟩⟨0xFE⟩-not-utf8.txt" in output and "⟨U+001B⟩]0;pwned" in output


def test_file_names_under_a_strict_utf8_console(hostile_folder: Path) -> None:
    outcome = bounded(linter("check", hostile_folder), env={"PYTHONIOENCODING": "utf-8:strict"})
    assert outcome.problems() == [], outcome.stderr[-2000:]
    assert b"\x1b" not in outcome.stdout


# --- files and paths --------------------------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_fifo_is_skipped_with_a_note_never_waited_for(tmp_path: Path) -> None:
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    outcome = checked("check", fifo, EXAMPLES / "clean.txt")
    assert "不是普通文件" in outcome.stderr.decode("utf-8")
    checked("check", "--previous", fifo, EXAMPLES / "clean.txt", statuses=(2,))
    checked("convert", "--to", "md", fifo, statuses=(2,))
    folder = tmp_path / "reports"  # in a folder run (and the search for last year's report): not a file at all
    folder.mkdir()
    os.mkfifo(folder / "2024年报告.txt")
    shutil.copy(EXAMPLES / "clean.txt", folder / "clean.txt")
    assert b"2024" not in checked("check", folder).stdout
    # Read past the command line's check (a file swapped for a pipe, last year's report): I001, never a wait.
    for suffix in (".txt", ".docx", ".html"):
        os.mkfifo(tmp_path / f"pipe{suffix}")
        script = "from pathlib import Path; from checks.sources import read_report; "
        script += f"print(read_report(Path({str(tmp_path / f'pipe{suffix}')!r}), 100).findings[0].rule)"
        outcome = bounded([sys.executable, "-c", script])
        assert outcome.problems() == [] and outcome.stdout.strip() == b"I001", outcome


def test_previous_naming_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    outcome = checked("check", "--previous", tmp_path, EXAMPLES / "clean.txt", statuses=(2,))
    assert "不是普通文件" in outcome.stderr.decode("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_folder_run_does_not_follow_links_out_of_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(EXAMPLES / "clean.txt", folder / "clean.txt")
    (folder / "passwd.txt").symlink_to(outside)
    (folder / "same.txt").symlink_to(folder / "clean.txt")  # inside the folder: linted
    output = checked("check", "--format", "json", folder).stdout
    paths = [file["path"] for file in strict_json(output)["files"]]
    assert sorted(Path(p).name for p in paths) == ["clean.txt", "same.txt"]
    assert b"root:x" not in output


def test_folders_nested_past_the_recursion_limit(tmp_path: Path) -> None:
    # Python 3.11's rglob and os.walk recurse once per level: 1,500 levels deep was a RecursionError, outside
    # any file's guard, in the folder run and in the repository-wide search for last year's report.
    (tmp_path / ".git").mkdir()
    folders = [tmp_path / "reports"]
    folders[0].mkdir()
    for _ in range(1500):
        folders.append(folders[-1] / "d")
        os.mkdir(folders[-1])
    last_year = folders[-1] / "2024年度报告.txt"
    last_year.write_text(CLEAN_TEXT.replace("2025", "2024"), encoding="utf-8")
    this_year = tmp_path / "reports" / "2025年度报告.txt"
    this_year.write_text(CLEAN_TEXT, encoding="utf-8")
    try:
        found = strict_json(checked("check", "--format", "json", tmp_path / "reports").stdout)["files"]
        assert len(found) == 2
        checked("check", this_year)
    finally:  # removed here, bottom up: pytest's own clean-up of old temporary folders recurses as deep
        last_year.unlink()
        for folder in reversed(folders[1:]):
            folder.rmdir()


def test_a_broken_sibling_never_changes_this_years_result(tmp_path: Path) -> None:
    (tmp_path / "2025年度报告.txt").write_text(CLEAN_TEXT, encoding="utf-8")
    alone = checked("check", "--format", "json", tmp_path / "2025年度报告.txt").stdout
    (tmp_path / "2024年度报告.docx").write_bytes(b"PK\x03\x04 not really a zip archive")
    (tmp_path / "2024年度报告.html").write_bytes(b"<html><![ " + b"\xff" * 100)
    (tmp_path / "2024年度报告.yaml").write_text("标题: [" * 5000, encoding="utf-8")
    beside = checked("check", "--format", "json", tmp_path / "2025年度报告.txt").stdout
    assert strict_json(beside) == strict_json(alone)


def test_the_search_for_last_years_report_is_bounded(tmp_path: Path) -> None:
    # A publication repository holding 300 pages of last year: a run on one report must not parse them all.
    (tmp_path / ".git").mkdir()
    pages = tmp_path / "reports" / "2024"
    pages.mkdir(parents=True)
    page = html_page(CLEAN_TEXT.replace("示例县", "别的县").replace("2025", "2024"), site=True)
    for number in range(300):
        (pages / f"{number:03}.html").write_text(page, encoding="utf-8")
    this_year = tmp_path / "reports" / "2025"
    this_year.mkdir()
    (this_year / "clean.txt").write_text(CLEAN_TEXT, encoding="utf-8")
    outcome = checked("check", this_year / "clean.txt")
    assert outcome.seconds < 2.5, outcome.seconds


# --- convert and init -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "target"),
    [
        ("<!-- zfxxgk-lint: disable-file=R,T,A,X,S -->", "md"),
        ("# zfxxgk-lint: disable-file=R,T,A,X,S", "yaml"),
    ],
)
def test_convert_never_turns_report_text_into_a_directive(tmp_path: Path, line: str, target: str) -> None:
    source = tmp_path / "faulty.md" if target == "yaml" else tmp_path / "faulty.txt"
    # Report text in the source's format (in .txt an HTML comment is text; in .md a "#" line is a heading).
    source.write_text(FAULTY_TEXT.rstrip("\n") + f"\n{line[2:] if target == 'yaml' else line}\n", encoding="utf-8")
    before = findings_of(checked("check", "--format", "json", source))
    converted = tmp_path / f"converted.{target}"
    checked("convert", "--to", target, "-o", converted, source, statuses=(0,))
    after = findings_of(checked("check", "--format", "json", converted))
    assert {f["rule"] for f in after} >= {f["rule"] for f in before if f["rule"][0] in "RTAX"}


def test_convert_and_init_on_sources_that_cannot_be_read(tmp_path: Path) -> None:
    checked("convert", "--to", "md", tmp_path / "missing.txt", statuses=(2,))
    garbage = tmp_path / "garbage.docx"
    garbage.write_bytes(os.urandom(4096))
    checked("convert", "--to", "md", garbage, statuses=(2,))
    document = tmp_path / "2024.docx"
    word_document(CLEAN_TEXT, document)
    checked("init", "--agency", "示例县人民政府", "--year", "2025", "--previous", garbage, statuses=(2,))


def test_init_leaves_no_partial_file_when_the_write_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checks.writers import support

    target = tmp_path / "2025.txt"

    def full_disk(descriptor: int) -> None:  # the data written, then the disk found full
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(support.os, "fsync", full_disk)
    with pytest.raises(OSError):
        support.write_file(target, CLEAN_TEXT, exclusive=True)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []  # neither the report nor the temporary file
    support.write_file(target, CLEAN_TEXT, exclusive=True)  # and a rerun is not blocked
    assert target.read_text(encoding="utf-8") == CLEAN_TEXT
    with pytest.raises(FileExistsError):
        support.write_file(target, "other", exclusive=True)
    assert target.read_text(encoding="utf-8") == CLEAN_TEXT


# --- configuration ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pyproject",
    [
        "[tool.zfxxgk-lint]\nselect = " + "[" * 50_000 + "]" * 50_000 + "\n",
        "[tool.zfxxgk-lint]\nstrict = " + "9" * 5000 + "\n",
    ],
    ids=["nested", "huge-integer"],
)
def test_a_hostile_pyproject_is_a_usage_error(tmp_path: Path, pyproject: str) -> None:
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    shutil.copy(EXAMPLES / "clean.txt", tmp_path / "clean.txt")
    outcome = checked("check", "clean.txt", cwd=tmp_path, statuses=(2,))
    assert "pyproject.toml" in outcome.stderr.decode("utf-8")


def test_a_huge_configuration_file_is_refused_unread(tmp_path: Path) -> None:
    config = tmp_path / ".zfxxgk-lint.yaml"
    with config.open("wb") as file:  # 1 GB, sparse: it costs the disk nothing
        file.truncate(1024**3)
    outcome = checked("check", EXAMPLES / "clean.txt", "--config", config, statuses=(2,))
    assert "过大" in outcome.stderr.decode("utf-8")


# --- a worker that dies -----------------------------------------------------------------------------------------


def test_a_worker_that_dies_takes_only_its_own_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    from checks import run
    from checks.config import load_config

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the deadly file is planted by patching the parent, which only forked workers inherit")
    for number in range(80):
        shutil.copy(EXAMPLES / "faulty.txt", tmp_path / f"r{number:02}.txt")
    real = run.lint_file

    def deadly(path: Path, *args: Any, **kwargs: Any) -> Any:
        if path.name in ("r13.txt", "r61.txt"):  # as a memory bomb's worker is killed: no result, no exception
            os._exit(9)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(run, "lint_file", deadly)
    config = load_config(None, tmp_path, None, None, False)
    results = run.run([tmp_path], config, parallel_min=2, workers=2)
    assert [Path(r.path).name for r in results] == [f"r{n:02}.txt" for n in range(80)]
    for result in results:
        codes = [f.rule for f in result.findings]
        if Path(result.path).name in ("r13.txt", "r61.txt"):
            assert codes == ["I004"] and "进程异常终止" in result.findings[0].message.zh
        else:
            assert "A001" in codes and result.crash is None

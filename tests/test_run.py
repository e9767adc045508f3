"""A run over many files: spread over worker processes with the results of a run in this process, in the same
order; a failure in one file leaves the others linted; a progress bar only on a terminal and only for long runs."""

from __future__ import annotations

import io
import re
import time
from concurrent import futures
from pathlib import Path
from typing import Any

import pytest

from checks.config import Config
from checks.engine import FileResult, lint_file
from checks.reporters import Options, text
from checks.rules import selected
from checks.run import PROGRESS_MIN, run, workers_for
from checks.sources import parser_for
from checks.writers import writer_for
from tests.conftest import CLEAN_TEXT, EXAMPLES


def _folder(root: Path, copies: int) -> Path:
    """``copies`` reports of various kinds: clean and faulty ones, other formats, last year's of some agencies
    (so the cross-year rules run), and files that cannot be read."""
    folder = root / "reports"
    folder.mkdir()
    parse = parser_for(".txt")
    assert parse is not None
    model = parse("clean.txt", tuple(CLEAN_TEXT.split("\n")))
    kinds = [
        ("txt", (EXAMPLES / "clean.txt").read_text(encoding="utf-8")),
        ("txt", (EXAMPLES / "faulty.txt").read_text(encoding="utf-8")),
        ("md", writer_for("md")(model)),
        ("yaml", writer_for("yaml")(model)),
        ("txt", ""),  # empty: I001
    ]
    for number in range(copies):
        suffix, body = kinds[number % len(kinds)]
        agency = f"示例县第{number}局"
        (folder / f"r{number:03}.{suffix}").write_text(body.replace("示例县自然资源局", agency), encoding="utf-8")
        if number % 7 == 0:  # last year's report of this agency, beside it
            last = CLEAN_TEXT.replace("2025", "2024").replace("示例县自然资源局", agency)
            (folder / f"r{number:03}-2024.txt").write_text(last, encoding="utf-8")
    return folder


def _key(results: list[FileResult]) -> list[tuple[str, tuple[Any, ...], tuple[str, ...], str | None]]:
    return [(r.path, r.findings, r.lines, r.crash) for r in results]


class _CountingPool(futures.ProcessPoolExecutor):
    created = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        type(self).created += 1
        super().__init__(*args, **kwargs)


def test_parallel_and_sequential_runs_give_the_same_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path, 80)
    monkeypatch.setattr(futures, "ProcessPoolExecutor", _CountingPool)  # only to see that a pool was used
    monkeypatch.setattr(_CountingPool, "created", 0)
    sequential = run([folder], Config(), parallel_min=10**9)
    assert _CountingPool.created == 0
    parallel = run([folder], Config(), parallel_min=2, workers=2)
    assert _CountingPool.created == 1
    assert len(parallel) == len(list(folder.iterdir())) > 80
    assert _key(parallel) == _key(sequential)
    assert [r.path for r in parallel] == sorted(str(p) for p in folder.iterdir())
    rules = {f.rule for r in parallel for f in r.findings}
    assert {"I001", "A001", "X002", "X004"} <= rules  # every kind of file was linted, cross-year rules too
    assert not any(r.crash for r in parallel)


def test_settings_reach_the_workers(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 20)
    config = Config(select=("A",), ignore=("A002",))
    parallel = run([folder], config, parallel_min=2, workers=2)
    assert _key(parallel) == _key(run([folder], config, parallel_min=10**9))
    assert {f.rule for r in parallel for f in r.findings} == {"A001", "A004"}


def test_small_runs_and_single_cores_stay_in_process() -> None:
    assert workers_for(10) == 1
    assert workers_for(1000, workers=1) == 1
    assert workers_for(1000, parallel_min=64, workers=2) == 2
    assert workers_for(3, parallel_min=2, workers=8) == 3


def test_results_keep_only_the_source_lines_their_findings_quote(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 10)
    results = run([folder], Config(), parallel_min=2, workers=2)
    full = [lint_file(Path(r.path), selected(None, None)) for r in results]
    assert [r.findings for r in results] == [r.findings for r in full]
    for kept, whole in zip(results, full, strict=True):
        quoted = {f.pos.line for f in kept.findings}
        assert kept.lines == () if not quoted else len(kept.lines) == len(whole.lines)
        assert all(line == "" for number, line in enumerate(kept.lines, start=1) if number not in quoted)
    out_kept, out_full = io.StringIO(), io.StringIO()
    text.write(results, out_kept, Options())
    text.write(full, out_full, Options())
    assert out_kept.getvalue() == out_full.getvalue()  # what a reader sees is the same


def test_lines_of_unused_suppressions_are_kept_too(tmp_path: Path) -> None:
    comment = "# zfxxgk-lint: disable-file=A004"  # the clean report has no A004 to suppress
    (tmp_path / "a.txt").write_text(f"{comment}\n{CLEAN_TEXT}", encoding="utf-8")
    [result] = run([tmp_path], Config())
    assert result.findings == () and [u.pos.line for u in result.unused] == [1]
    assert result.lines[0] == comment and not any(result.lines[1:])


def test_folder_runs_follow_the_configurations_files_and_exclude(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 10)
    (folder / "old").mkdir()
    archived = folder / "old" / "x.txt"
    archived.write_text(CLEAN_TEXT, encoding="utf-8")
    config = Config(exclude=("old",), root=tmp_path.resolve())
    linted = [Path(r.path) for r in run([folder], config, parallel_min=2, workers=2)]
    assert archived not in linted and len(linted) == len([p for p in folder.iterdir() if p.is_file()])
    assert [r.path for r in run([archived], config)] == [str(archived)]  # named on the command line: linted


def test_a_failing_file_leaves_the_others_linted_in_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import checks.sources.text

    folder = _folder(tmp_path, 70)
    files = sorted(folder.iterdir())
    doomed = tmp_path / "doomed.txt"
    doomed.write_text(CLEAN_TEXT, encoding="utf-8")
    read = checks.sources.text.read

    def broken(path: str, lines: tuple[str, ...]) -> Any:
        if path == str(doomed):
            raise RuntimeError("boom")
        return read(path, lines)

    # Workers are forked from this process, so they read with the broken reader too.
    monkeypatch.setattr(checks.sources.text, "read", broken)
    paths = [*files[:30], doomed, *files[30:]]
    results = run(paths, Config(), parallel_min=2, workers=2)
    assert [r.path for r in results] == [str(p) for p in paths]
    [crashed] = [r for r in results if r.crash]
    assert crashed.path == str(doomed) and "RuntimeError: boom" in (crashed.crash or "")
    assert _key([r for r in results if not r.crash]) == _key(run(files, Config(), parallel_min=10**9))


def test_a_file_gone_since_it_was_listed_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    gone = tmp_path / "gone.txt"  # named on the command line, or removed after the folder was listed
    [result] = run([gone], Config())
    assert result.crash is None
    [finding] = result.findings
    assert finding.rule == "I001" and "文件或文件夹不存在" in finding.message.zh


def test_a_crash_in_one_file_leaves_the_others_linted_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import checks.sources.markdown

    folder = _folder(tmp_path, 10)

    def broken(path: str, lines: tuple[str, ...]) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(checks.sources.markdown, "read", broken)
    results = run([folder], Config())
    crashed = [Path(r.path).suffix for r in results if r.crash]
    assert crashed == [".md", ".md"] and all("RuntimeError: boom" in (r.crash or "") for r in results if r.crash)
    assert sum(1 for r in results if r.findings) > 2  # the others were linted


_BAR = re.compile(r"\r检查中 / checking \S+ (\d+)/(\d+) +\d+%")


@pytest.mark.parametrize("parallel_min", [2, 10**9])
def test_progress_bar_on_stderr_for_long_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], parallel_min: int
) -> None:
    folder = _folder(tmp_path, PROGRESS_MIN)
    start = time.monotonic()
    results = run([folder], Config(select=("A",)), progress=True, parallel_min=parallel_min, workers=2)
    elapsed = time.monotonic() - start
    captured = capsys.readouterr()
    assert captured.out == ""
    draws = _BAR.findall(captured.err)
    assert draws and draws[-1] == (str(len(results)), str(len(results)))  # the last state drawn is "all done"
    assert len(draws) <= elapsed / 0.1 + 2  # at most ~10 redraws a second
    assert captured.err.endswith("\r\x1b[2K")  # and cleared at the end


def test_no_progress_bar_unless_asked_or_long(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path, PROGRESS_MIN)
    run([folder], Config(select=("A",)), progress=False, parallel_min=2, workers=2)
    assert capsys.readouterr().err == ""
    few = sorted(folder.iterdir())[: PROGRESS_MIN - 1]
    run(few, Config(select=("A",)), progress=True)
    assert capsys.readouterr().err == ""


def test_cli_shows_no_progress_when_stderr_is_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from checks.cli import main

    folder = _folder(tmp_path, PROGRESS_MIN)
    main(["check", str(folder), "--select", "A"])
    assert "checking" not in capsys.readouterr().err


def test_jobs_of_files_with_the_same_settings_share_one_copy_of_them(tmp_path: Path) -> None:
    # 10,000 files of a batch are held as jobs at once: each its own tuple of ~60 rule codes was most of the memory
    # a batch grew by per file.
    from checks.run import _job

    shared: dict[Any, Any] = {}
    first, second = (_job(tmp_path / name, Config(), None, shared) for name in ("a.txt", "b.txt"))
    assert first.codes and first.codes is second.codes
    assert first.severities is second.severities
    assert (first.path, second.path) == (str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))

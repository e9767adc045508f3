"""A run over the paths given: expand folders, lint every file with its settings, in order.

A long run is spread over all cores (worker processes, each given chunks of paths and the settings as rule
codes) and may show a progress bar on a terminal; its results are the same as those of a run in this process,
in the same order.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from checks.config import Config, FileSettings
from checks.engine import FileResult, expand, lint_file
from checks.findings import Finding, Message, Severity
from checks.model import Position
from checks.reading import MAX_BYTES
from checks.rules import catalog

# From this many files on, a run uses worker processes and may show progress. Measured on 2 cores: where workers
# are forked (Linux up to Python 3.13) the pool pays from ~16 files (64 files: 237 ms in process, 154 ms in two
# workers); where they are spawned (macOS, Windows, forkserver) each imports the package first (~100 ms), which
# a few dozen files do not repay. Below this a run ends before a progress bar would be worth seeing.
PARALLEL_MIN = 64
PROGRESS_MIN = 64
_CHUNK_MAX = 64  # files per task: enough to make the cost of a task small, few enough to keep the cores even
_TASKS_PER_WORKER = 8  # a shorter run is cut finer, so that no core waits long for the last one
_REDRAW = 0.1  # seconds between updates of the progress bar


class _Job(NamedTuple):
    """One file and its settings, as plain data a worker process can receive (rules by code)."""

    path: str  # not a Path: a run of 10,000 files holds every job at once, and a Path is three times the size
    codes: tuple[str, ...]
    severities: tuple[tuple[str, Severity], ...]
    previous: Path | None
    spec: str | None  # the key of the format the configuration chose for it: workers read their own report by it
    model: bool = False  # keep the report's model in the result, for a reporter that draws it


def run(
    paths: Sequence[Path],
    config: Config,
    previous: Path | None = None,
    progress: bool = False,
    *,
    parallel_min: int = PARALLEL_MIN,
    workers: int | None = None,
    model: bool = False,
) -> list[FileResult]:
    """Every report file under ``paths``, linted; results in the order of ``expand``.

    Folders are expanded (``expand``) and filtered by the configuration's ``files``/``exclude`` (``Config.wants``).
    ``progress``: the caller's output is a terminal, so a long run may show how far it is (on stderr).
    ``parallel_min``: from this many files on, use ``workers`` processes (default: the cores this process may
    use); fewer files, or a single core, are linted in this process.
    Each result keeps, of its decoded source, only the lines its findings point at (the text reporter quotes
    them), so that memory does not grow with the size of every file read; ``model``: and the report's parts and
    tables (``engine.drawn``), for a reporter that draws them (``--format html``).
    """
    shared: dict[Any, Any] = {}
    jobs = [_job(path, config, previous, shared, model) for path in _files(paths, config)]
    count = len(jobs)
    processes = workers_for(count, parallel_min, workers)
    bar = _Progress(count) if progress and count >= PROGRESS_MIN else None
    results: list[FileResult] = []
    try:
        if processes > 1:
            for result in _in_workers(jobs, processes):
                results.append(_registered(result))
                if bar:
                    bar.advance()
        for job in jobs[len(results) :]:  # all of them, or those a failed pool left
            results.append(_lint(job))
            if bar:
                bar.advance()
    finally:
        if bar:
            bar.clear()
    return results


def run_stdin(
    read: Callable[[int], bytes], shown: Path, config: Config, previous: Path | None = None, model: bool = False
) -> FileResult:
    """Standard input (``check -``), linted as the file ``shown`` (``--stdin-filename``: its format, its settings,
    last year's report beside it), read up to one byte past the size limit so that a huge input is I004."""
    import tempfile  # only here: reading standard input is rare

    data = read(MAX_BYTES + 1)
    name = shown.name if shown.name not in ("", ".", "..") else "stdin.txt"
    settings = config.for_path(shown)
    with tempfile.TemporaryDirectory(prefix="zfxxgk-lint-") as folder:
        # The parsers read files (Word documents are zip archives read by name): give them one, named as shown,
        # since the file name is part of the report (R006 reads the year in it).
        spooled = Path(folder, name)
        spooled.write_bytes(data)
        result = lint_copy(spooled, shown, settings, previous, model)
    return _quoted_only(result)


def lint_copy(
    copy: Path, shown: Path, settings: FileSettings, previous: Path | None = None, model: bool = False
) -> FileResult:
    """A copy of a file (standard input spooled, a repaired file) linted as the file ``shown`` it stands for, with
    that file's settings: results named by it, last year's report looked for beside it."""
    return lint_file(
        copy,
        settings.rules,
        previous=previous,
        severities=settings.severities,
        shown=shown,
        spec=settings.spec,
        model=model,
    )


def _files(paths: Sequence[Path], config: Config) -> Iterator[Path]:
    """The files to lint: those named, and those of the folders named that the configuration wants (its
    ``files`` and ``exclude``); a file named on the command line is linted whatever the configuration says."""
    for path in paths:
        if path.is_dir():
            yield from (file for file in expand([path]) if config.wants(file))
        else:
            yield path


def workers_for(count: int, parallel_min: int = PARALLEL_MIN, workers: int | None = None) -> int:
    """How many worker processes a run of ``count`` files uses; 1: it runs in this process."""
    available = _cores() if workers is None else workers
    return min(available, count) if count >= parallel_min and available > 1 and count > 1 else 1


def _job(path: Path, config: Config, previous: Path | None, shared: dict[Any, Any], model: bool = False) -> _Job:
    """A file's job. Files share a handful of settings: ``shared`` holds one copy of each, which every job that
    has it points to, so that 10,000 jobs do not hold 10,000 copies of the rule codes (memory flat in a batch)."""
    settings = config.for_path(path)
    codes = _one_copy(shared, tuple(r.code for r in settings.rules))
    severities = _one_copy(shared, tuple(settings.severities.items()))
    return _Job(str(path), codes, severities, previous, settings.spec, model)


_T = TypeVar("_T")


def _one_copy(shared: dict[Any, Any], value: _T) -> _T:
    found: _T = shared.setdefault(value, value)
    return found


def _lint(job: _Job) -> FileResult:
    rules = catalog()
    result = lint_file(
        Path(job.path),
        [rules[code] for code in job.codes],
        previous=job.previous,
        severities=dict(job.severities),
        spec=job.spec,
        model=job.model,
    )
    return _quoted_only(result)


def _registered(result: FileResult) -> FileResult:
    """A result from a worker, its report's specification replaced by this process's registered one: each model
    arrives with a copy of its own (some 10 KB), and a folder's reports share a handful."""
    report = result.report
    if report is None:
        return result
    from checks.specs import get

    return result._replace(report=report._replace(spec=get(report.spec.key) or report.spec))


def _lint_chunk(jobs: list[_Job]) -> list[FileResult]:
    """A worker's task; module-level so that it is found by name in the worker."""
    return [_lint(job) for job in jobs]


def _quoted_only(result: FileResult) -> FileResult:
    """The result with only the source lines its findings (and unused suppressions) point at; the others are
    empty, so positions still index them."""
    if not result.lines:
        return result
    places = (*(f.pos for f in result.findings), *(u.pos for u in result.unused))
    wanted = {pos.line - 1 for pos in places if 0 < pos.line <= len(result.lines)}
    if not wanted:
        return result._replace(lines=())
    lines = tuple(line if number in wanted else "" for number, line in enumerate(result.lines))
    return result._replace(lines=lines)


def _cores() -> int:
    """The cores this process may run on (a container or ``taskset`` may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _chunks(jobs: Sequence[_Job], workers: int) -> Iterator[list[_Job]]:
    size = max(1, min(_CHUNK_MAX, len(jobs) // (workers * _TASKS_PER_WORKER)))
    for start in range(0, len(jobs), size):
        yield list(jobs[start : start + size])


def _in_workers(jobs: Sequence[_Job], workers: int) -> Iterator[FileResult]:
    """Results in order, from ``workers`` processes. A pool that cannot start (a sandbox without processes) or a
    result that cannot be sent back ends the iteration early: the caller lints what is left in this process. A
    worker that dies (killed for memory or by a signal) takes only the file it was linting with it: the files
    after the last result are linted again one per task (``_one_by_one``), never in this process, where the same
    file would take the whole run with it."""
    from concurrent.futures import ProcessPoolExecutor  # only here: importing it costs a short run ~12 ms
    from concurrent.futures.process import BrokenProcessPool

    done = 0
    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            chunks: Iterable[list[FileResult]] = pool.map(_lint_chunk, _chunks(jobs, workers))
            for chunk in chunks:
                yield from chunk
                done += len(chunk)
        return
    except BrokenProcessPool:
        pass
    # OSError or NotImplementedError where processes cannot start, a PicklingError: the pool's own failures,
    # never a file's (lint_file catches those).
    except Exception:
        return
    yield from _one_by_one(jobs[done:], workers)


def _one_by_one(jobs: Sequence[_Job], workers: int) -> Iterator[FileResult]:
    """Results in order, each file its own task. When the pool breaks, the first file without a result is linted
    alone in a process of its own: if that dies too, the file is what kills it (an I004 for it); else another
    file running beside it was, and a new pool goes on from the next file. Each break moves on by one file."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    start = 0
    while start < len(jobs):
        try:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                futures = [pool.submit(_lint, job) for job in jobs[start:]]
                for future in futures:
                    yield future.result()
                    start += 1
        except BrokenProcessPool:
            yield _alone(jobs[start])
            start += 1


def _alone(job: _Job) -> FileResult:
    """A file linted in a process of its own; I004 when that process dies."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        with ProcessPoolExecutor(max_workers=1) as pool:
            return pool.submit(_lint, job).result()
    except BrokenProcessPool:
        message = Message(
            "检查本文件的进程异常终止（可能超出内存限制或被系统终止），未检查；其他文件不受影响",
            "the process checking this file died (out of memory, or killed by the system); not checked; "
            "the other files are not affected",
        )
        return FileResult(job.path, (Finding("I004", Position(1, 1), message, Severity.ERROR),))


class _Progress:
    """``检查中 / checking  1234/10000  12%`` on stderr, redrawn at most every ``_REDRAW`` seconds, then cleared."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.shown = 0.0
        self.drawn = False

    def advance(self) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self.shown >= _REDRAW or self.done == self.total:
            self.shown = now
            self._draw()

    def _draw(self) -> None:
        width = 30
        filled = width * self.done // self.total
        percent = 100 * self.done // self.total
        bar = "█" * filled + "░" * (width - filled)
        sys.stderr.write(f"\r检查中 / checking {bar} {self.done}/{self.total} {percent:3d}%")
        sys.stderr.flush()
        self.drawn = True

    def clear(self) -> None:
        if self.drawn:
            sys.stderr.write("\r\x1b[2K")  # shown only on a terminal, which understands "erase the line"
            sys.stderr.flush()

"""Benchmarks a newcomer can run: ``python bench/bench.py`` (inside the project's virtualenv).

1. whole-process time of ``zfxxgk-lint check`` on one report, all checks (median of repeated runs);
2. per-report time over many copies of the example in one call (a long run: spread over all cores), with the
   number of worker processes it used and the peak memory of the largest process.
Figures go in the README with the date and the machine. ``BENCH_COPIES`` sets the number of copies (2000).
"""

from __future__ import annotations

import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "examples" / "clean.txt"
LINT = [sys.executable, "-m", "checks", "check"]
# As a user's run: .pyc files written once and then used (a shell with PYTHONDONTWRITEBYTECODE=1 would otherwise
# make every run compile every module, and time the compiler).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(LINT + args, check=False, stdout=subprocess.DEVNULL, cwd=ROOT, env=ENV)
    return time.perf_counter() - start


def whole_process(runs: int = 21) -> float:
    # The report alone in a folder outside any repository: inside one, the cross-year rules also search the
    # repository for last year's report, which costs what that repository holds (this checkout: ~25 ms).
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / REPORT.name
        shutil.copy(REPORT, report)
        _run([str(report)])  # warm the file cache and .pyc files
        return statistics.median(_run([str(report)]) for _ in range(runs))


def per_report(copies: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        for number in range(copies):
            shutil.copy(REPORT, Path(folder) / f"report-{number:05}.txt")
        return _run([folder]) / copies


def _peak_mib() -> float:
    """The largest resident size any finished child process reached (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def main() -> None:
    sys.path.insert(0, str(ROOT))  # `python bench/bench.py` puts bench/, not the project, on the path
    from checks.run import workers_for

    copies = int(os.environ.get("BENCH_COPIES", "2000"))
    print(
        f"{time.strftime('%Y-%m-%d')} · {platform.python_implementation()} {platform.python_version()} · "
        f"{os.cpu_count()} cores · {platform.machine()}"
    )
    print(f"one report, whole process (median of 21): {whole_process() * 1000:.0f} ms")
    workers = workers_for(copies)
    print(f"{copies} reports in one call: {per_report(copies) * 1000:.2f} ms per report")
    print(f"  worker processes: {workers}" + (" (in-process run)" if workers == 1 else ""))
    print(f"  peak memory of the largest process: {_peak_mib():.0f} MiB")


if __name__ == "__main__":
    main()

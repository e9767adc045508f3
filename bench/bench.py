"""Benchmarks a newcomer can run: ``python bench/bench.py`` inside the project's virtualenv (POSIX only).

For a comparison with check-jsonschema, install it first: ``pip install -e '.[bench]'``. Without it, only this
project's figures are printed. At the defaults a run takes one to two minutes.

It measures, in one run on one machine, this project (``python -m checks check``, all checks) on
``examples/clean.txt`` and on its YAML form (made by ``zfxxgk-lint convert --to yaml``), and
``check-jsonschema --schemafile schemas/report.schema.json`` (the schema alone) on the YAML form:

1. the whole process for one report alone in a temporary folder: the median of ``BENCH_RUNS`` runs (21) of each
   command, the commands taking turns so that a change in the machine's load touches all of them alike, and a
   bare ``python -c pass`` among them, the floor of every figure and a gauge of the machine's speed in this run;
2. the time per report over ``BENCH_COPIES`` copies (2000) in one call: this project is given the folder (a long
   run spreads over all cores); check-jsonschema is given the file names, in as few calls as keep each command
   line under ``ARG_BYTES`` (as xargs would; 2000 names take one call), and the calls' times are added up;
3. the peak memory (largest resident size of the process or of any worker it waited for, from ``os.wait4``) of
   this project's run over ``BENCH_SMALL`` (200) and ``BENCH_COPIES`` reports.

Each run gets the environment less ``PYTHONDONTWRITEBYTECODE``, as a user's run: ``.pyc`` files are written once
and then used (a shell that sets it would make every run compile every module, and time the compiler). Nothing
here uses the network: check-jsonschema reads the schema from its local path.

Figures go in the README with the date and the machine, which the first lines print.
``BENCH_COPIES=200 BENCH_SMALL=20 BENCH_RUNS=5 python bench/bench.py`` is a quick run.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "examples" / "clean.txt"
SCHEMA = ROOT / "schemas" / "report.schema.json"
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
# Both tools are started the same way, as modules of this interpreter: the checkout's code, whatever PATH holds.
LINT = [sys.executable, "-m", "checks", "check"]
CJ = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMA)]
ARG_BYTES = 100_000  # file names per check-jsonschema call: far below any system's limit (Linux: 2 MiB)

# What issue 6 asks of the figures.
MAX_SHARE_OF_CJ = 0.5  # one report, whole process: at most half of check-jsonschema's time on the same report
MAX_MS_PER_REPORT = 5.0
MIN_SPEEDUP = 4.0  # many reports: at least this many times faster per report than check-jsonschema
MAX_MEMORY_GROWTH = 1.2  # peak memory at BENCH_COPIES reports within 20% of that at BENCH_SMALL


@dataclass(frozen=True)
class Run:
    seconds: float  # wall clock
    cpu: float  # user + system time of the process and of the children it waited for (its workers)
    peak_mib: float  # the largest resident size of the process or of any child it waited for
    status: int


def run(command: Sequence[str], cwd: Path) -> Run:
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # wait4, not getrusage(RUSAGE_CHILDREN): that one is the largest of every child this script ever had.
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait for it again
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)  # macOS: bytes; Linux: KiB
    return Run(seconds, usage.ru_utime + usage.ru_stime, peak, process.returncode)


def total(runs: Sequence[Run]) -> Run:
    """Several calls taken as one: times added up, the largest peak, the worst status."""
    return Run(
        sum(r.seconds for r in runs),
        sum(r.cpu for r in runs),
        max(r.peak_mib for r in runs),
        max(r.status for r in runs),
    )


def cj_available() -> bool:
    return importlib.util.find_spec("check_jsonschema") is not None


def version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def usable_cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def load() -> str:
    return " ".join(f"{figure:.2f}" for figure in os.getloadavg())


# --- the three measurements -----------------------------------------------------------------------------------


def copies(source: Path, folder: Path, count: int) -> list[str]:
    """``count`` copies of ``source`` in ``folder``; their names."""
    folder.mkdir()
    names = [f"report-{number:05}{source.suffix}" for number in range(count)]
    for name in names:
        shutil.copyfile(source, folder / name)
    return names


def cj_batches(names: Sequence[str]) -> list[list[str]]:
    """The file names cut into command lines of at most ARG_BYTES bytes of names."""
    batches: list[list[str]] = [[]]
    size = 0
    for name in names:
        length = len(os.fsencode(name)) + 1
        if batches[-1] and size + length > ARG_BYTES:
            batches.append([])
            size = 0
        batches[-1].append(name)
        size += length
    return batches


def whole_process(commands: dict[str, tuple[list[str], Path]], runs: int) -> dict[str, float]:
    """The median seconds of each command, the commands taking turns."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, cwd) in commands.items():
            times[name].append(run(command, cwd).seconds)
    return {name: statistics.median(values) for name, values in times.items()}


# --- printing -------------------------------------------------------------------------------------------------


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *rows]:
        cells = [
            cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        print("  " + "  ".join(cells).rstrip())


def verdict(holds: bool) -> str:
    return "holds" if holds else "DOES NOT HOLD"


def warn_status(name: str, result: Run) -> None:
    if result.status != 0:
        print(f"  !! {name} exited {result.status} (expected 0 for a clean report): its figure may mislead")


def main() -> None:
    sys.path.insert(0, str(ROOT))  # `python bench/bench.py` puts bench/, not the project, on the path
    from checks import __version__
    from checks.run import workers_for

    count = int(os.environ.get("BENCH_COPIES", "2000"))
    small = int(os.environ.get("BENCH_SMALL", "200"))
    runs = int(os.environ.get("BENCH_RUNS", "21"))
    with_cj = cj_available()

    print(
        f"{time.strftime('%Y-%m-%d')} · {platform.python_implementation()} {platform.python_version()} · "
        f"{platform.system()} {platform.machine()} · {cpu_model()} · {usable_cores()} usable cores "
        f"(of {os.cpu_count()})"
    )
    print(
        f"zfxxgk-lint {__version__} · jsonschema {version('jsonschema')} · jsonschema-rs {version('jsonschema-rs')} · "
        f"ruamel.yaml {version('ruamel.yaml')} · ruamel.yaml.clib {version('ruamel.yaml.clib')} · "
        f"check-jsonschema {version('check-jsonschema')}"
    )
    print(f"load average (1, 5, 15 min) at the start: {load()}")
    if not with_cj:
        print("check-jsonschema is not installed: `pip install -e '.[bench]'` adds it; this project's figures only.")

    with tempfile.TemporaryDirectory() as temporary:
        base = Path(temporary)
        # One report alone in a folder outside any repository: inside one, the cross-year rules also search the
        # repository for last year's report, which costs what that repository holds.
        alone = base / "alone"
        alone.mkdir()
        txt = alone / "report.txt"
        yaml = alone / "report.yaml"
        shutil.copyfile(REPORT, txt)
        subprocess.run(
            [sys.executable, "-m", "checks", "convert", str(txt), "--to", "yaml", "-o", str(yaml)],
            cwd=ROOT,
            env=ENV,
            check=True,
        )

        # 1. one report, whole process ------------------------------------------------------------------------
        commands = {
            "zfxxgk-lint, .txt, all checks": ([*LINT, str(txt)], ROOT),
            "zfxxgk-lint, .yaml, all checks": ([*LINT, str(yaml)], ROOT),
        }
        if with_cj:
            commands["check-jsonschema, .yaml, schema only"] = ([*CJ, yaml.name], alone)
        # The floor every command stands on, and a gauge of the machine's speed during this run.
        commands["python -c pass (a bare start)"] = ([sys.executable, "-c", "pass"], alone)
        for name, (command, cwd) in commands.items():  # untimed: writes .pyc files, fills the file cache
            warn_status(name, run(command, cwd))
        medians = whole_process(commands, runs)
        cj_one = medians.get("check-jsonschema, .yaml, schema only")
        print(f"\n1. one report ({yaml.stat().st_size:,} bytes as YAML), whole process, median of {runs} runs")
        table(
            ["command", "ms", "share of check-jsonschema's"],
            [
                [name, f"{seconds * 1000:.0f}", f"{seconds / cj_one:.2f}" if cj_one else "-"]
                for name, seconds in medians.items()
            ],
        )

        # 2. many reports in one call; 3. peak memory ---------------------------------------------------------
        print(f"\n2. {count:,} reports in one call (workers: processes this project uses; CPU: all its processes)")
        batch: dict[str, Run] = {}
        memory_small: dict[str, Run] = {}
        for suffix, source in ((".txt", txt), (".yaml", yaml)):
            folder = base / f"many{suffix}"
            names = copies(source, folder, count)
            batch[f"zfxxgk-lint, {suffix}"] = run([*LINT, str(folder)], ROOT)
            if suffix == ".yaml" and with_cj:
                calls = [run([*CJ, *names_], folder) for names_ in cj_batches(names)]
                batch[f"check-jsonschema, .yaml ({len(calls)} call{'s' if len(calls) > 1 else ''})"] = total(calls)
            small_folder = base / f"small{suffix}"
            copies(source, small_folder, small)
            memory_small[suffix] = run([*LINT, str(small_folder)], ROOT)
        cj_many = next((r for name, r in batch.items() if name.startswith("check-jsonschema")), None)
        rows = []
        for name, result in batch.items():
            workers = workers_for(count) if name.startswith("zfxxgk-lint") else 1
            speedup = f"{cj_many.seconds / result.seconds:.1f}" if cj_many else "-"
            rows.append(
                [
                    name,
                    f"{result.seconds * 1000 / count:.2f}",
                    f"{result.cpu * 1000 / count:.2f}",
                    str(workers),
                    f"{result.peak_mib:.0f}",
                    speedup,
                ]
            )
            warn_status(name, result)
        table(["command", "ms/report", "CPU ms/report", "workers", "peak MiB", "× check-jsonschema"], rows)

        print(f"\n3. peak memory of this project's run (largest process), {small:,} and {count:,} reports")
        growth: dict[str, float] = {}
        rows = []
        for suffix, result in memory_small.items():
            large = batch[f"zfxxgk-lint, {suffix}"]
            growth[suffix] = large.peak_mib / result.peak_mib
            rows.append([suffix, f"{result.peak_mib:.1f}", f"{large.peak_mib:.1f}", f"{growth[suffix]:.2f}"])
        table(["source", f"{small:,} MiB", f"{count:,} MiB", "ratio"], rows)

    print(f"\nload average at the end: {load()} (other work on the machine slows every figure above)")
    print("\nwhat must hold (issue 6)")
    targets: list[tuple[bool, str]] = []
    for suffix in (".txt", ".yaml"):
        seconds = medians[f"zfxxgk-lint, {suffix}, all checks"]
        ours = batch[f"zfxxgk-lint, {suffix}"]
        per_report = ours.seconds * 1000 / count
        if cj_one:
            share = f"{seconds * 1000:.0f} of {cj_one * 1000:.0f} ms"
            targets.append(
                (
                    seconds <= MAX_SHARE_OF_CJ * cj_one,
                    f"one {suffix} report: ≤ {MAX_SHARE_OF_CJ:.0%} of check-jsonschema's whole process ({share})",
                )
            )
        targets.append(
            (per_report <= MAX_MS_PER_REPORT, f"{count:,} {suffix} reports: ≤ {MAX_MS_PER_REPORT:g} ms per report")
        )
        if cj_many:
            speedup = cj_many.seconds / ours.seconds
            targets.append(
                (
                    speedup >= MIN_SPEEDUP,
                    f"{count:,} {suffix} reports: ≥ {MIN_SPEEDUP:g}× faster than check-jsonschema ({speedup:.1f}×)",
                )
            )
        targets.append(
            (
                growth[suffix] <= MAX_MEMORY_GROWTH,
                f"peak memory, {suffix}: at {count:,} reports within {MAX_MEMORY_GROWTH - 1:.0%} of {small:,} "
                f"({growth[suffix]:.2f})",
            )
        )
    for holds, text in targets:
        print(f"  {verdict(holds):>13}  {text}")


if __name__ == "__main__":
    main()

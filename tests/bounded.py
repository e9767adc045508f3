"""Run the linter in a child process with its cost measured: exit status, output, wall time and peak memory.

The hostile-input tests (docs/robustness.md) hold every input to the same promise: at most ``SECONDS`` and
``MEGABYTES`` on a two-core machine, exit 0 or 1 (2 only for a usage error), no traceback. Peak memory is the
largest resident set of any process of the run (worker processes included), read from ``getrusage`` by a small
wrapper process so that each run is measured alone. A run that goes far past either bound is stopped (a timeout,
an address-space cap), so that one regression fails its test instead of taking the machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
SECONDS = 5.0
MEGABYTES = 500
_STOP_AFTER = 30.0  # seconds: a hung run is stopped here and fails its test
_ADDRESS_SPACE = 4 * 1024**3  # bytes: a run asking for more is refused memory rather than allowed to take the machine

# The wrapper: start the command with the address-space cap, wait, and report status, time and the children's peak
# resident set (KiB on Linux) as one line of JSON on its own stderr's last line.
_WRAPPER = """
import json, resource, subprocess, sys, time
cap, stop, stdin_path, *cmd = sys.argv[1:]
def limit():
    resource.setrlimit(resource.RLIMIT_AS, (int(cap), int(cap)))
stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
start = time.monotonic()
try:
    done = subprocess.run(cmd, stdin=stdin, capture_output=True, timeout=float(stop), preexec_fn=limit)
    status, out, err = done.returncode, done.stdout, done.stderr
except subprocess.TimeoutExpired as expired:
    status, out, err = "timeout", expired.stdout or b"", expired.stderr or b""
seconds = time.monotonic() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
sys.stdout.buffer.write(out)
sys.stderr.buffer.write(err)
sys.stderr.write("\\n" + json.dumps({"status": status, "seconds": seconds, "peak_kib": peak}))
"""


class Outcome(NamedTuple):
    status: int | str  # the exit status, or "timeout"
    stdout: bytes
    stderr: bytes
    seconds: float
    megabytes: float

    def problems(self, statuses: tuple[int, ...] = (0, 1)) -> list[str]:
        """What breaks the promise, in words (empty when it holds)."""
        found = []
        if self.status not in statuses:
            found.append(f"exit status {self.status}, expected one of {statuses}")
        if self.seconds > SECONDS:
            found.append(f"took {self.seconds:.1f} s (bound {SECONDS} s)")
        if self.megabytes > MEGABYTES:
            found.append(f"peak memory {self.megabytes:.0f} MB (bound {MEGABYTES} MB)")
        if b"Traceback (most recent call last)" in self.stdout + self.stderr:
            found.append("a traceback was printed")
        return found


def linter(*args: str | os.PathLike[str]) -> list[str]:
    """The command line of the installed linter with ``args`` (the console script of this Python's environment)."""
    return [sys.executable, "-m", "checks", *map(os.fspath, args)]


def bounded(
    command: list[str],
    *,
    cwd: Path = ROOT,
    stdin: Path | None = None,
    env: dict[str, str] | None = None,
) -> Outcome:
    """Run ``command`` once, measured (see the module's docstring)."""
    wrapper = [sys.executable, "-c", _WRAPPER, str(_ADDRESS_SPACE), str(_STOP_AFTER), str(stdin or ""), *command]
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    done = subprocess.run(wrapper, cwd=cwd, env=environment, capture_output=True, check=False)
    stderr, _, report = done.stderr.rpartition(b"\n")
    measured = json.loads(report)
    return Outcome(measured["status"], done.stdout, stderr, measured["seconds"], measured["peak_kib"] / 1024)

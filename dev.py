#!/usr/bin/env python3
"""Developer entry point for zfxxgk-lint: ``python3 dev.py demo`` or ``python3 dev.py test [pytest args]``.

Standard library only, so it runs on a fresh machine that has nothing but Python 3.11+. Everything it installs
goes into ``.venv/`` beside this file; delete that folder to start over.

- ``demo``: install the linter (editable) and run it on ``examples/`` (one clean and one faulty report).
- ``test``: install the linter with its test tools, fill a local wheelhouse so the packaging, pre-commit and
  install tests can install offline, then run pytest. This is the one step that uses the network.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
import venv
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
# Inside .venv so that one `rm -rf .venv` resets everything, and it is already ignored by git.
WHEELHOUSE = VENV / "wheelhouse"
# Installed offline by the tests besides the linter's dependencies: the build backend (what an isolated
# `pip install .`, pre-commit's hook install, fetches first) and its helper for `pip install -e .` (`dev.py demo`
# in a fresh clone), and pip and pipx with theirs (the README's install commands: `pip install --user pipx`, then
# pipx, which brings its environments' pip up to date first).
TOOLS = ("hatchling", "editables", "pip", "pipx")
USAGE = "usage: python3 dev.py demo | python3 dev.py test [pytest args...]"


def step(message: str) -> None:
    print(f"dev.py: {message}", flush=True)


def venv_bin(name: str) -> Path:
    # venv puts executables in Scripts\ on Windows; keep the script usable there too.
    if os.name == "nt":
        return VENV / "Scripts" / f"{name}.exe"
    return VENV / "bin" / name


def run(args: Sequence[str | os.PathLike[str]], env: dict[str, str] | None = None) -> int:
    return subprocess.run([os.fspath(a) for a in args], cwd=ROOT, env=env, check=False).returncode


def must(args: Sequence[str | os.PathLike[str]]) -> None:
    status = run(args)
    if status != 0:
        cmd = " ".join(os.fspath(a) for a in args)
        step(f"failed (exit {status}): {cmd}")
        raise SystemExit(status or 1)


def ensure_venv() -> Path:
    python = venv_bin("python")
    if python.exists():
        return python
    step(f"creating virtual environment {VENV} with {sys.executable}")
    # with_pip: the venv gets its own pip, so nothing is installed into the system Python.
    venv.EnvBuilder(with_pip=True).create(VENV)
    return python


def pip_install(python: Path, target: str) -> None:
    step(f"installing {target} (editable) into .venv")
    must([python, "-m", "pip", "install", "-q", "-e", target])


def _wheel_name(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def wheelhouse_ready() -> bool:
    # Only the dependencies matter: the tests build zfxxgk-lint's own wheel from the checkout every time. A
    # dependency added to pyproject.toml since the wheelhouse was filled makes it stale.
    have = {_wheel_name(p.name.split("-")[0]) for p in WHEELHOUSE.glob("*.whl")} if WHEELHOUSE.is_dir() else set()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {*TOOLS, *(re.split(r"[<>=!~ \[;]", d, maxsplit=1)[0] for d in project["dependencies"])}
    return {_wheel_name(n) for n in wanted} <= have


def fill_wheelhouse(python: Path) -> None:
    if wheelhouse_ready():
        step(f"wheelhouse {WHEELHOUSE} already holds the build backend and every dependency; not downloading again")
        return
    WHEELHOUSE.mkdir(parents=True, exist_ok=True)
    step(f"downloading {', '.join(TOOLS)} into {WHEELHOUSE}")
    must([python, "-m", "pip", "download", "-q", "--only-binary=:all:", "-d", WHEELHOUSE, *TOOLS])
    step(f"building zfxxgk-lint and its dependencies as wheels into {WHEELHOUSE}")
    must([python, "-m", "pip", "wheel", "-q", "-w", WHEELHOUSE, "."])
    # Our own wheel would go stale as the code changes; the tests build a fresh one, so keep only the deps.
    for own in WHEELHOUSE.glob("zfxxgk_lint-*.whl"):
        own.unlink()


def demo() -> int:
    python = ensure_venv()
    pip_install(python, ".")
    step("running: zfxxgk-lint check examples/")
    status = run([venv_bin("zfxxgk-lint"), "check", "examples/"])
    if status in (0, 1):
        step(
            f"the linter exited {status}: examples/clean.txt passes and examples/faulty.txt is meant to fail, "
            "so the findings above are the demo working"
        )
        return 0
    step(f"the linter exited {status}: that is a usage or internal error, not findings")
    return status


def test(pytest_args: Sequence[str]) -> int:
    python = ensure_venv()
    pip_install(python, ".[test]")
    fill_wheelhouse(python)
    step("running pytest " + " ".join(pytest_args))
    env = dict(os.environ, ZFXXGK_WHEELHOUSE=str(WHEELHOUSE))
    return run([python, "-m", "pytest", *pytest_args], env=env)


def main(argv: Sequence[str]) -> int:
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(USAGE)
        print(__doc__)
        return 0 if argv else 2
    command, rest = argv[0], argv[1:]
    if command == "demo" and not rest:
        return demo()
    if command == "test":
        return test(rest)
    print(USAGE, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

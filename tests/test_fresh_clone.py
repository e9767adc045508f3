"""A clone with nothing beside it runs its tests: nothing the suite reads may live outside the repository.

The files of the working tree that git would commit (tracked, or new and not ignored) are copied into an empty
folder, with no ``shared/`` (or anything else) beside it, and a few test modules that read real reports, the seed
and the SARIF schema are run there with this checkout's Python. A test that reads ``../shared`` or any other path
outside the repository fails there, so this cannot come back unnoticed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_checkout

# Modules that read tests/data/ (seed, corpus, real reports, SARIF schema) and the examples; quick to run.
MODULES = ("tests/test_cli.py", "tests/test_reporters.py", "tests/test_text_parser.py", "tests/test_schema.py")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_clone_alone_passes_its_tests(tmp_path: Path) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (an sdist): there is no clone to make")
    clone = tmp_path / "alone" / "zfxxgk-lint"
    copy_checkout(clone)
    assert not (clone.parent / "shared").exists()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "ZFXXGK_"))}
    # The clone's own package, not this checkout's editable install: -m puts the working folder first on sys.path.
    where = subprocess.run(
        [sys.executable, "-c", "import checks; print(checks.__file__)"],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).resolve().is_relative_to(clone.resolve()), where
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *MODULES],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def test_the_readmes_first_command_works_in_a_clone_alone(tmp_path: Path) -> None:
    wheelhouse = os.environ.get("ZFXXGK_WHEELHOUSE")
    if not wheelhouse:
        pytest.skip("ZFXXGK_WHEELHOUSE is unset: run `python3 dev.py test`, which fills the offline wheelhouse")
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (an sdist): there is no clone to make")
    clone = tmp_path / "alone" / "zfxxgk-lint"
    copy_checkout(clone)
    # `python3 dev.py demo` as a newcomer types it, offline: what it installs comes from the wheelhouse.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "ZFXXGK_", "PIP_", "VIRTUAL_ENV"))}
    env.update(PIP_NO_INDEX="1", PIP_FIND_LINKS=wheelhouse, PIP_CONFIG_FILE=os.devnull, NO_COLOR="1")
    base = getattr(sys, "_base_executable", sys.executable)
    done = subprocess.run(
        [base, "dev.py", "demo"], cwd=clone, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-4000:]
    assert "examples/faulty.txt:" in output and "A001" in output and "the demo working" in output
    assert (clone / ".venv" / ("Scripts" if os.name == "nt" else "bin") / "zfxxgk-lint").exists()

"""Every command in the README and in docs/ is run, so that none of them fails when a reader types it.

Commands are the lines of the ``sh`` code blocks, and the ``run:`` steps and ``script:`` lines of the CI workflows
(``yaml`` blocks). The word after a block's language says where it belongs:
- ``sh`` alone: using the linter. Run in order in a folder holding the files the commands name (``SANDBOX``),
  with this checkout's ``zfxxgk-lint`` first on PATH.
- ``sh install``, and the ``pip install`` steps of the workflows: installing it. Run in a fresh environment,
  offline from the wheelhouse ``python3 dev.py test`` fills; the one liberty taken is the repository's address,
  which a reader replaces with their office's copy, and which here is a copy of this checkout.
- ``sh pre-commit`` and ``yaml pre-commit``: run by tests/test_precommit.py, in a repository using the hooks.
- ``sh dev``: the README's two commands. CI runs ``python3 dev.py test`` itself (``.ci/run``);
  tests/test_fresh_clone.py runs ``python3 dev.py demo`` in a clone with nothing beside it.
A command passes when it exits 0 or 1 (findings are the point of most of them) without a traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CLEAN_TEXT, EXAMPLES, ROOT, copy_checkout
from tests.documents import html_page, word_document
from tests.markdown_blocks import SHELLS, blocks, every_block, shell_commands, workflow_commands

# The address the docs give for the office's copy of zfxxgk-lint, with the release they pin.
REPOSITORY = "git+https://git.example.gov.cn/tools/zfxxgk-lint@v0.2.0"
ROLES = ("", "install", "pre-commit", "dev")
FAULTY_TEXT = (EXAMPLES / "faulty.txt").read_text(encoding="utf-8")


def commands(role: str) -> list[tuple[str, str]]:
    """(where, command) of every command of ``role``: "" for using, "install" for installing."""
    found: list[tuple[str, str]] = []
    for block in every_block():
        if block.language in SHELLS and block.role == role:
            found.extend((block.source, command) for command in shell_commands(block))
        elif block.language == "yaml" and block.role == "":
            for command in workflow_commands(block):
                installs = command.startswith(("pip ", "python3 -m pip ", "pipx "))
                if (role == "install") == installs:
                    found.append((block.source, command))
    return found


def test_every_shell_block_says_where_it_belongs() -> None:
    unknown = [b.source for b in every_block() if b.language in SHELLS and b.role not in ROLES]
    assert not unknown, f"shell blocks with an unknown role (one of {ROLES}): {unknown}"
    assert len(commands("")) >= 10 and commands("install")


# --- using it -----------------------------------------------------------------------------------------------------

# The files the README's and docs' commands name, as a reader would have them.
SANDBOX = {
    "2025年度报告.docx": lambda path: word_document(FAULTY_TEXT, path),
    "reports/示例县自然资源局2025.txt": lambda path: path.write_text(FAULTY_TEXT, encoding="utf-8"),
    "reports/示例县交通运输局2025.docx": lambda path: word_document(
        CLEAN_TEXT.replace("示例县自然资源局", "示例县交通运输局"), path
    ),
    "reports/示例县教育局2025.html": lambda path: path.write_text(
        html_page(CLEAN_TEXT.replace("示例县自然资源局", "示例县教育局"), site=True), encoding="utf-8"
    ),
}


def _environment(bin_first: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "PIP_", "PYTHON"))}
    env["PATH"] = f"{bin_first}{os.pathsep}{env.get('PATH', '')}"
    env["NO_COLOR"] = "1"
    return env


def _run(command: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8",
        errors="replace", timeout=600, check=False,
    )  # fmt: skip


def _sandbox(tmp_path: Path) -> Path:
    sandbox = tmp_path / "publication"
    shutil.copytree(EXAMPLES, sandbox / "examples")
    for name, make in SANDBOX.items():
        (sandbox / name).parent.mkdir(parents=True, exist_ok=True)
        make(sandbox / name)
    subprocess.run(["git", "init", "-q"], cwd=sandbox, check=True)  # a publication repository
    return sandbox


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_every_usage_command_runs(tmp_path: Path) -> None:
    sandbox = _sandbox(tmp_path)
    env = _environment(Path(sys.executable).parent)
    failures = []
    for where, command in commands(""):
        done = _run(command, sandbox, env)
        output = done.stdout + done.stderr
        if done.returncode not in (0, 1) or "Traceback" in output or "内部错误（" in output:
            failures.append(f"{where}: `{command}` exited {done.returncode}:\n{output[-2000:]}")
    assert not failures, "\n\n".join(failures)


# --- installing it --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def wheelhouse() -> Path:
    value = os.environ.get("ZFXXGK_WHEELHOUSE")
    if not value:
        pytest.skip("ZFXXGK_WHEELHOUSE is unset: run `python3 dev.py test`, which fills the offline wheelhouse")
    return Path(value)


def test_every_install_command_runs_and_installs_the_linter(wheelhouse: Path, tmp_path: Path) -> None:
    checkout = tmp_path / "zfxxgk-lint"
    copy_checkout(checkout)
    # A fresh environment standing for the reader's Python: its own site-packages, and a user site of its own
    # (`pip install --user`) instead of this machine's.
    environment = tmp_path / "python"
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", "--system-site-packages", str(environment)], check=True)
    bindir = environment / ("Scripts" if os.name == "nt" else "bin")
    env = _environment(bindir)
    user = tmp_path / "user"
    env.update(
        PYTHONUSERBASE=str(user),
        PIP_NO_INDEX="1",
        PIP_FIND_LINKS=str(wheelhouse),
        PIP_CONFIG_FILE=os.devnull,
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PIPX_HOME=str(tmp_path / "pipx"),
        PIPX_BIN_DIR=str(tmp_path / "pipx-bin"),
    )
    env["PATH"] = f"{tmp_path / 'pipx-bin'}{os.pathsep}{user / 'bin'}{os.pathsep}{env['PATH']}"
    failures = []
    ran = commands("install")
    for where, command in ran:
        done = _run(command.replace(REPOSITORY, checkout.as_uri()), tmp_path, env)
        if done.returncode != 0:
            failures.append(f"{where}: `{command}` exited {done.returncode}:\n{(done.stdout + done.stderr)[-2000:]}")
    assert not failures, "\n\n".join(failures)
    assert any(REPOSITORY in command for _, command in ran)  # the docs install from the office's copy
    # Both ways the docs install it give a working command: pipx's, and the workflow's pip into the environment.
    for program in (tmp_path / "pipx-bin" / "zfxxgk-lint", bindir / "zfxxgk-lint"):
        done = _run(f"'{program}' check '{EXAMPLES / 'clean.txt'}'", tmp_path, env)
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_output_the_readme_shows_is_what_the_linter_prints(tmp_path: Path) -> None:
    [shown] = [b for b in blocks(ROOT / "README.md") if b.language == "text"]
    sandbox = _sandbox(tmp_path)
    done = _run("zfxxgk-lint check 2025年度报告.docx", sandbox, _environment(Path(sys.executable).parent))
    printed = done.stdout.split("\n")
    missing = [line for line in shown.lines if line not in printed]
    assert not missing, f"README.md shows lines the linter does not print:\n{missing}\n\nit prints:\n{done.stdout}"

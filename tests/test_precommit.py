"""The hooks in .pre-commit-hooks.yaml, run by the real pre-commit program on a real `git commit`.

pre-commit installs a hook repository from a git commit with `pip install .` into its own virtualenv, exactly as a
user's machine would. The checkout may hold uncommitted work, so the tests commit a snapshot of it into a
temporary repository and point pre-commit there. Installs are offline, from ``ZFXXGK_WHEELHOUSE``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml  # type: ignore[import-untyped, unused-ignore]  # comes with pre-commit (the test extra)

from checks import __version__
from checks.cli import main
from checks.reading import read
from checks.sources import parser_for
from checks.writers import writer_for
from tests.conftest import copy_checkout
from tests.documents import html_page, word_document
from tests.markdown_blocks import readme_block, shell_commands

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = Path(sys.executable).parent / ("pre-commit.exe" if os.name == "nt" else "pre-commit")
# What the text reporter prints for each finding: "reports/faulty.txt:12:5: A003 …".
FINDING = re.compile(r"faulty\.txt:\d+:\d+: [A-Z]\d{3}")


@dataclass(frozen=True)
class HookRepo:
    path: Path
    rev: str
    env: dict[str, str]


def git(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"git {' '.join(args)} failed:\n{done.stdout}{done.stderr}"
    return done.stdout


def init_repo(path: Path, env: dict[str, str]) -> None:
    path.mkdir(parents=True, exist_ok=True)
    git(["init", "-q"], path, env)
    # Local settings only: the tests must not depend on (or change) the user's git configuration.
    git(["config", "user.name", "zfxxgk-lint tests"], path, env)
    git(["config", "user.email", "tests@example.invalid"], path, env)
    git(["config", "commit.gpgsign", "false"], path, env)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HookRepo]:
    wheelhouse = os.environ.get("ZFXXGK_WHEELHOUSE")
    if not wheelhouse:
        pytest.skip("ZFXXGK_WHEELHOUSE is unset: run `python3 dev.py test`, which fills the offline wheelhouse")
    if not PRE_COMMIT.exists():
        pytest.skip(f"pre-commit is not installed beside {sys.executable}: install the test extra")
    base = tmp_path_factory.mktemp("precommit")
    empty_gitconfig = base / "gitconfig"
    empty_gitconfig.write_text("", encoding="utf-8")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT", "PIP_"))},
        # A user's global core.hooksPath or commit signing would make pre-commit refuse or git prompt.
        "GIT_CONFIG_GLOBAL": str(empty_gitconfig),
        "GIT_CONFIG_NOSYSTEM": "1",
        # One cache for the whole module, so the hook environment is installed once and shared by every test.
        "PRE_COMMIT_HOME": str(base / "cache"),
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": wheelhouse,
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        # virtualenv (pre-commit's env maker) would otherwise try to refresh its seed wheels over the network.
        "VIRTUALENV_NO_PERIODIC_UPDATE": "1",
    }

    # A snapshot of the checkout as git would see it after `git add -A`: tracked plus untracked-not-ignored.
    snapshot = base / "hookrepo"
    init_repo(snapshot, env)
    copy_checkout(snapshot)
    git(["add", "-A"], snapshot, env)
    git(["commit", "-q", "-m", "snapshot of the checkout for the pre-commit tests"], snapshot, env)
    rev = git(["rev-parse", "HEAD"], snapshot, env).strip()
    yield HookRepo(snapshot, rev, env)


def user_repo(path: Path, hook: HookRepo, hook_id: str, reports: dict[str, str]) -> None:
    """A repository whose .pre-commit-config.yaml uses ``hook_id`` and which has ``reports`` (name → example) staged."""
    init_repo(path, hook.env)
    (path / ".pre-commit-config.yaml").write_text(
        f"repos:\n"
        f"  - repo: {hook.path.as_posix()}\n"
        f"    rev: {hook.rev}\n"
        f"    hooks:\n"
        f"      - id: {hook_id}\n"
        f"        files: ^reports/\n",
        encoding="utf-8",
    )
    for name, example in reports.items():
        (path / "reports").mkdir(exist_ok=True)
        shutil.copy(ROOT / "examples" / example, path / "reports" / name)
    pre_commit(["install"], path, hook.env, expect=0)
    git(["add", "-A"], path, hook.env)


def pre_commit(args: list[str], cwd: Path, env: dict[str, str], expect: int | None = None) -> str:
    done = subprocess.run(
        [str(PRE_COMMIT), *args], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", check=False
    )
    output = done.stdout + done.stderr
    if expect is not None:
        assert done.returncode == expect, f"pre-commit {' '.join(args)} exited {done.returncode}:\n{output}"
    return output


def commit(path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "commit", "-m", "add report"], cwd=path, env=env, capture_output=True, text=True,
        encoding="utf-8", check=False,
    )  # fmt: skip


def test_commit_of_a_faulty_report_is_rejected_with_file_line_and_code(hook_repo: HookRepo, tmp_path: Path) -> None:
    user_repo(tmp_path, hook_repo, "zfxxgk-lint", {"faulty.txt": "faulty.txt"})
    done = commit(tmp_path, hook_repo.env)
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert FINDING.search(output), f"expected 'faulty.txt:LINE:COL: CODE' in the hook output:\n{output}"
    # The commit really was refused, not just noisy.
    assert subprocess.run(["git", "rev-parse", "-q", "--verify", "HEAD"], cwd=tmp_path, check=False).returncode != 0


def test_a_committed_file_named_like_an_option_is_linted_as_a_file(hook_repo: HookRepo, tmp_path: Path) -> None:
    # pre-commit appends the file names to the hook's entry: without its "--", a file named "--config=off.yaml"
    # (a configuration that turns every rule off, committed beside a faulty report) would be read as the option.
    init_repo(tmp_path, hook_repo.env)
    (tmp_path / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo.path.as_posix()}\n    rev: {hook_repo.rev}\n"
        "    hooks:\n      - id: zfxxgk-lint\n",
        encoding="utf-8",
    )
    (tmp_path / "--config=off.yaml").write_text("ignore: [I, S, R, T, A, X]\n", encoding="utf-8")
    shutil.copy(ROOT / "examples" / "faulty.txt", tmp_path / "faulty.txt")
    pre_commit(["install"], tmp_path, hook_repo.env, expect=0)
    git(["add", "-A"], tmp_path, hook_repo.env)
    done = commit(tmp_path, hook_repo.env)
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert re.search(r"faulty\.txt:\d+:\d+: A00\d", output), output
    assert re.search(r"--config=off\.yaml:\d+:\d+: I006", output), output  # linted as the file it is


def test_commit_of_a_clean_report_succeeds(hook_repo: HookRepo, tmp_path: Path) -> None:
    user_repo(tmp_path, hook_repo, "zfxxgk-lint", {"clean.txt": "clean.txt"})
    done = commit(tmp_path, hook_repo.env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "reports/clean.txt" in git(["show", "--name-only", "--format=", "HEAD"], tmp_path, hook_repo.env)


def test_the_fixing_hook_blocks_repairs_and_then_lets_the_commit_through(hook_repo: HookRepo, tmp_path: Path) -> None:
    user_repo(tmp_path, hook_repo, "zfxxgk-fix", {"clean.txt": "clean.txt"})
    report = tmp_path / "reports" / "clean.txt"
    clean = report.read_text(encoding="utf-8")
    report.write_text(clean.replace("5.属于三类内部事务信息", "5.属于三类内容事务信息"), encoding="utf-8")
    git(["add", "-A"], tmp_path, hook_repo.env)
    done = commit(tmp_path, hook_repo.env)
    assert done.returncode != 0, done.stdout + done.stderr  # the hook changed the file: the commit stops
    assert "files were modified by this hook" in done.stdout + done.stderr
    assert report.read_text(encoding="utf-8") == clean  # repaired, and nothing else touched
    git(["add", "-A"], tmp_path, hook_repo.env)
    again = commit(tmp_path, hook_repo.env)
    assert again.returncode == 0, again.stdout + again.stderr


def test_arithmetic_hook_names_an_arithmetic_rule(hook_repo: HookRepo, tmp_path: Path) -> None:
    user_repo(tmp_path, hook_repo, "zfxxgk-arithmetic", {"faulty.txt": "faulty.txt"})
    output = pre_commit(
        ["run", "zfxxgk-arithmetic", "--files", "reports/faulty.txt"], tmp_path, hook_repo.env, expect=1
    )
    assert re.search(r"faulty\.txt:\d+:\d+: A00\d", output), output


def test_hooks_check_every_format_and_skip_a_readme(hook_repo: HookRepo, tmp_path: Path) -> None:
    user_repo(tmp_path, hook_repo, "zfxxgk-lint", {})
    source = ROOT / "examples" / "faulty.txt"
    decoded = read(source)
    parse = parser_for(".txt")
    assert decoded.lines is not None and parse is not None
    model = parse(str(source), decoded.lines)
    reports = tmp_path / "reports"
    reports.mkdir()
    for fmt in ("md", "yaml"):
        (reports / f"faulty.{fmt}").write_text(writer_for(fmt)(model), encoding="utf-8")
    text = source.read_text(encoding="utf-8")
    (reports / "faulty.html").write_text(html_page(text, site=True), encoding="utf-8")
    word_document(text, reports / "faulty.docx")
    (reports / "README.md").write_text("# 报告目录\n\n本目录存放各单位的年度报告。\n", encoding="utf-8")
    git(["add", "-A"], tmp_path, hook_repo.env)
    output = pre_commit(["run", "zfxxgk-lint", "--all-files"], tmp_path, hook_repo.env, expect=1)
    for fmt in ("md", "yaml", "html"):
        assert re.search(rf"reports/faulty\.{fmt}:\d+:\d+: A001 ", output), output
    assert re.search(r"reports/faulty\.docx:第 2 个表格第 \d+ 行第 \d+ 格: A001 ", output), output
    assert "README" not in output, output


def test_the_readmes_snippet_pasted_blocks_faulty_and_unfinished_reports(hook_repo: HookRepo, tmp_path: Path) -> None:
    snippet = "\n".join(readme_block("yaml", "pre-commit").lines)
    config = yaml.safe_load(snippet)
    [repo] = config["repos"]
    # Only `repo:` is changed, as the README says; `rev:` is the release tag, as the office's copy has it.
    assert repo["rev"] == f"v{__version__}"
    git(["tag", "-f", repo["rev"]], hook_repo.path, hook_repo.env)
    init_repo(tmp_path, hook_repo.env)
    (tmp_path / ".pre-commit-config.yaml").write_text(
        snippet.replace(repo["repo"], hook_repo.path.as_posix()), encoding="utf-8"
    )
    reports = tmp_path / "reports"
    reports.mkdir()
    for command in shell_commands(readme_block("sh", "pre-commit")):
        args = command.split()
        assert args[0] == "pre-commit", command
        pre_commit(args[1:], tmp_path, hook_repo.env, expect=0)  # an empty repository passes

    def attempt(name: str, text: str) -> tuple[int, str]:
        (reports / name).write_text(text, encoding="utf-8")
        git(["add", "-A"], tmp_path, hook_repo.env)
        done = commit(tmp_path, hook_repo.env)
        if done.returncode != 0:
            git(["rm", "-q", "--cached", f"reports/{name}"], tmp_path, hook_repo.env)
            (reports / name).unlink()
        return done.returncode, done.stdout + done.stderr

    status, output = attempt("faulty.txt", (ROOT / "examples" / "faulty.txt").read_text(encoding="utf-8"))
    assert status != 0 and FINDING.search(output), output
    skeleton = tmp_path / "skeleton.txt"
    assert main(["init", "--agency", "示例县自然资源局", "--year", "2026", "-o", str(skeleton)]) == 0
    status, output = attempt("skeleton.txt", skeleton.read_text(encoding="utf-8"))
    assert status != 0 and "R011" in output, output  # an unfinished report does not pass the gate
    # Warnings do not block, but they are shown (verbose: true), not hidden behind "Passed".
    clean = (ROOT / "examples" / "clean.txt").read_text(encoding="utf-8")
    fee = next(line for line in clean.split("\n") if "信息处理费" in line)
    status, output = attempt("no-fee.txt", clean.replace(fee, "无。"))
    assert status == 0 and "R009" in output, output


def test_one_run_over_many_reports_prints_one_summary(hook_repo: HookRepo, tmp_path: Path) -> None:
    user_repo(tmp_path, hook_repo, "zfxxgk-lint", {f"r{n:02d}.txt": "faulty.txt" for n in range(52)})
    output = pre_commit(["run", "zfxxgk-lint", "--all-files"], tmp_path, hook_repo.env, expect=1)
    assert output.count("检查的文件") == 1 and re.search(r"检查的文件\s+52", output), output

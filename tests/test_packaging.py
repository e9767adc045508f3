"""The distribution as users get it: hook manifest, console scripts and README in step; the built wheel works alone.

The wheel tests install offline from the wheelhouse that ``python3 dev.py test`` fills and names in
``ZFXXGK_WHEELHOUSE``; without it they skip, since fetching from an index is not a test's business.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped, unused-ignore]  # comes with pre-commit (the test extra)

ROOT = Path(__file__).resolve().parent.parent
CODE = re.compile(r"[A-Z]\d{3}")
# A row of the README's rule table: "| A003 | what it finds | error |".
RULE_ROW = re.compile(r"^\|\s*([A-Z]\d{3})\s*\|", re.MULTILINE)


def hooks() -> list[dict[str, Any]]:
    loaded = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(loaded, list) and loaded, ".pre-commit-hooks.yaml must be a non-empty list of hooks"
    return loaded


def console_scripts() -> dict[str, str]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        scripts: dict[str, str] = tomllib.load(f)["project"]["scripts"]
    return scripts


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def readme_codes() -> set[str]:
    return set(RULE_ROW.findall(readme()))


def selected(entry: str) -> list[str]:
    """The comma-separated codes after ``--select`` (either ``--select X`` or ``--select=X``) in a hook entry."""
    args = entry.split()
    codes: list[str] = []
    for i, arg in enumerate(args):
        if arg == "--select" and i + 1 < len(args):
            codes += args[i + 1].split(",")
        elif arg.startswith("--select="):
            codes += arg.removeprefix("--select=").split(",")
    return [c.strip() for c in codes if c.strip()]


# --- (a) manifest, scripts and README in step ----------------------------------------------------------------


def test_every_hook_id_is_documented_in_the_readme() -> None:
    text = readme()
    missing = [h["id"] for h in hooks() if h["id"] not in text]
    assert not missing, f"hook ids not mentioned in README.md: {missing}"


def test_every_hook_entry_runs_a_declared_console_script() -> None:
    scripts = console_scripts()
    for hook in hooks():
        program = hook["entry"].split()[0]
        assert program in scripts, (
            f"hook {hook['id']} runs {program!r}, not a [project.scripts] entry {sorted(scripts)}"
        )
        # pre-commit installs the repo into its own virtualenv with pip; only language: python gets that.
        assert hook["language"] == "python", f"hook {hook['id']} must be language: python"


def test_every_selected_code_exists_in_the_readme_rule_table() -> None:
    codes = readme_codes()
    assert codes, "README.md has no rule table rows like '| A001 | … |'"
    # A whole family may be selected before its first rule ships (the CLI accepts it, so the hook needs no edit
    # when the rules arrive), but the README must at least name a code of that family, e.g. as planned.
    documented_families = {code[0] for code in CODE.findall(readme())}
    for hook in hooks():
        for item in selected(hook["entry"]):
            if CODE.fullmatch(item):
                assert item in codes, f"hook {hook['id']} selects {item}, which is not in README's rule table"
            elif len(item) == 1:
                assert item in documented_families, f"hook {hook['id']} selects family {item!r}, unknown to README"
            else:
                # A longer prefix (T00) selects a range; it must select some rule in the table.
                assert any(c.startswith(item) for c in codes), f"hook {hook['id']} selects {item!r}: matches no rule"


# --- (c) schemas are found from the checkout (editable install) ----------------------------------------------


def test_load_schema_finds_the_report_schema() -> None:
    from checks.resources import load_schema

    schema = load_schema("report.schema.json")
    assert isinstance(schema, dict)
    assert "$schema" in schema


def test_missing_schema_names_both_places() -> None:
    from checks.resources import schema_text

    with pytest.raises(FileNotFoundError, match=r"installed package.*source checkout"):
        schema_text("no-such.schema.json")


# --- (b) the wheel, installed alone in a clean virtualenv -----------------------------------------------------


@pytest.fixture(scope="module")
def wheelhouse() -> Path:
    value = os.environ.get("ZFXXGK_WHEELHOUSE")
    if not value:
        pytest.skip("ZFXXGK_WHEELHOUSE is unset: run `python3 dev.py test`, which fills the offline wheelhouse")
    path = Path(value)
    if not path.is_dir():
        pytest.fail(f"ZFXXGK_WHEELHOUSE={value} is not a directory")
    return path


def run(args: list[str | os.PathLike[str]], cwd: Path) -> subprocess.CompletedProcess[str]:
    # No PYTHONPATH: the installed wheel alone must be enough, not a checkout leaking in through the environment.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [os.fspath(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", check=False
    )


def test_built_wheel_works_in_a_clean_venv(wheelhouse: Path, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    # Build isolation on purpose: hatchling must come from the wheelhouse, as it would for pre-commit's install.
    built = run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-index", "--find-links", wheelhouse,
         "-w", dist, "."],
        cwd=ROOT,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = dist.glob("zfxxgk_lint-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    assert "checks/schemas/report.schema.json" in names, sorted(names)
    assert "checks/cli.py" in names

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    installed = run(
        [bindir / "python", "-m", "pip", "install", "-q", "--no-index", "--find-links", wheelhouse, wheel],
        cwd=tmp_path,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr

    # Away from the checkout, so the schemas can only come from inside the installed wheel.
    work = tmp_path / "work"
    work.mkdir()
    for name in ("clean.txt", "faulty.txt"):
        shutil.copy(ROOT / "examples" / name, work / name)
    lint = bindir / "zfxxgk-lint"

    clean = run([lint, "check", "clean.txt"], cwd=work)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    faulty = run([lint, "check", "faulty.txt"], cwd=work)
    assert faulty.returncode == 1, faulty.stdout + faulty.stderr
    assert "faulty.txt" in faulty.stdout + faulty.stderr


def test_the_readme_rule_table_gives_each_rules_default_severity() -> None:
    from checks.rules import catalog

    rows = re.findall(r"^\|\s*([A-Z]\d{3})\s*\|.*\|\s*(error|warning)\s*\|$", readme(), re.MULTILINE)
    assert {code for code, _ in rows} == set(catalog())
    assert {code: severity for code, severity in rows} == {code: r.severity.value for code, r in catalog().items()}

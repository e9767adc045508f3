"""Configuration: found by walking up, validated with the place of every mistake, applied per file, with the
command line on top. Fixture files live in tests/fixtures/config/{pass,fail}/ (see its README)."""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from jsonschema.validators import validator_for

from checks.cli import main
from checks.config import KEYWORDS, Config, ConfigError, _validate, discover, load_config
from checks.findings import Severity
from checks.resources import load_schema
from checks.sources.yaml import load
from tests.conftest import EXAMPLES

FIXTURES = Path(__file__).parent / "fixtures" / "config"
PASS = sorted((FIXTURES / "pass").iterdir())
FAIL = sorted((FIXTURES / "fail").iterdir())
FAULTY = EXAMPLES / "faulty.txt"
# What examples/faulty.txt gives with every rule and the catalog's severities (see tests/test_cli.py).
FAULTY_RULES = {"R004", "R006", "R009", "T004", "T006", "T007", "A001", "A002", "A004", "X001"}


def _config(folder: Path, text: str, name: str = ".zfxxgk-lint.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _findings(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, list[dict[str, Any]]]]:
    """The exit status and the findings by file name of a run with ``--format json``."""
    status = main(["check", "--format", "json", *args])
    out = capsys.readouterr().out
    files = json.loads(out)["files"] if out else []
    return status, {Path(f["path"]).name: f["findings"] for f in files}


def _severities(findings: list[dict[str, Any]]) -> dict[str, str]:
    return {f["rule"]: f["severity"] for f in findings}


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with the faulty example in it."""
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(FAULTY, work / "faulty.txt")
    monkeypatch.chdir(work)
    return work


# --- the schema ----------------------------------------------------------------------------------------------


def _subschemas(schema: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for key in ("properties", "$defs"):
        for sub in schema.get(key, {}).values():
            yield sub
            yield from _subschemas(sub)


def test_schema_is_valid_against_its_metaschema() -> None:
    schema = load_schema("config.schema.json")
    validator_for(schema).check_schema(schema)
    assert schema["additionalProperties"] is False


def test_every_setting_and_definition_is_documented_in_chinese() -> None:
    schema = load_schema("config.schema.json")
    found = list(_subschemas(schema))
    assert len(found) >= 11
    for sub in [schema, *found]:
        for word in ("title", "description"):
            assert any("\u4e00" <= ch <= "\u9fff" for ch in sub.get(word, "")), (sub, word)


def test_schema_uses_only_the_keywords_the_loader_checks() -> None:
    def keywords(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                yield key
                if key in ("properties", "$defs"):
                    for sub in value.values():
                        yield from keywords(sub)
                elif key in ("items", "additionalProperties", "propertyNames"):
                    yield from keywords(value)

    assert set(keywords(load_schema("config.schema.json"))) <= KEYWORDS


def _settings(path: Path) -> Any:
    """The settings a fixture holds, or None when it cannot be read as data at all."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            return None
        return data.get("tool", {}).get("zfxxgk-lint")
    loaded = load(tuple(text.split("\n")))
    return None if loaded.findings else ({} if loaded.document is None else loaded.document)


@pytest.mark.parametrize(
    "path", [p for p in PASS + FAIL if _settings(p) is not None], ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_the_loaders_schema_check_agrees_with_jsonschema(path: Path) -> None:
    settings = _settings(path)
    schema = load_schema("config.schema.json")
    ours = list(_validate(schema, schema, settings, ()))
    assert (not ours) == Draft202012Validator(schema).is_valid(settings), ours


# --- fixtures ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", PASS, ids=lambda p: p.name)
def test_valid_configuration_loads(path: Path, isolated: Path) -> None:
    config = load_config(path, isolated, None, None, False)
    assert config.source == path
    assert main(["check", "--config", str(path), "faulty.txt"]) in (0, 1)


@pytest.mark.parametrize("path", FAIL, ids=lambda p: p.name)
def test_mistake_exits_2_naming_the_file_and_place(
    path: Path, isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = path.read_text(encoding="utf-8").split("\n")[0].removeprefix("# expect: ")
    assert main(["check", "--config", str(path), "faulty.txt"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert expected in captured.err
    assert " / " in captured.err  # Chinese, then English


def test_full_fixture_is_read_as_written(isolated: Path) -> None:
    config = load_config(FIXTURES / "pass" / "full.yaml", isolated, None, None, False)
    assert config.select == ("I", "S", "R", "T", "A", "X")
    assert config.ignore == ("X004",)
    assert config.severity == {"R007": "error", "X": "warning", "X005": "off", "R011": "off"}
    assert config.per_file_ignores == (("drafts/**", ("R", "X")), ("*.md", ("R011",)))
    assert config.strict is True
    assert config.root == (FIXTURES / "pass").resolve()


def test_pyproject_fixture_is_read_as_written(isolated: Path) -> None:
    config = load_config(FIXTURES / "pass" / "pyproject.toml", isolated, None, None, False)
    assert config.select == ("R", "T", "A")
    assert config.severity == {"R007": "error", "A": "warning"}
    assert config.files == ("reports/**/*.txt",)


# --- discovery -----------------------------------------------------------------------------------------------


def test_found_by_walking_up_from_the_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    found = _config(tmp_path / "repo", "ignore: [R]\n")
    deep = tmp_path / "repo" / "reports" / "2025"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    config = load_config(None, Path.cwd(), None, None, False)
    assert config.source == found and config.ignore == ("R",)


def test_the_nearest_configuration_wins(tmp_path: Path) -> None:
    _config(tmp_path, "ignore: [R]\n")
    near = _config(tmp_path / "sub", "ignore: [T]\n", ".zfxxgk-lint.yml")
    config = load_config(None, tmp_path / "sub", None, None, False)
    assert config.source == near and config.ignore == ("T",)


def test_pyproject_without_the_table_is_skipped(tmp_path: Path) -> None:
    far = _config(tmp_path, "ignore: [R]\n")
    _config(
        tmp_path / "sub",
        '[project]\nname = "zfxxgk-lint-reports"\n\n[tool.ruff]\nline-length = 100\n',
        "pyproject.toml",
    )
    _config(tmp_path / "other", "not toml at all = = =\n", "pyproject.toml")  # not ours: never parsed
    assert load_config(None, tmp_path / "sub", None, None, False).source == far
    assert load_config(None, tmp_path / "other", None, None, False).source == far


def test_pyproject_with_the_table_is_used(tmp_path: Path) -> None:
    _config(tmp_path, "ignore: [R]\n")
    near = _config(tmp_path / "sub", '[tool.zfxxgk-lint]\nignore = ["A"]\n', "pyproject.toml")
    config = load_config(None, tmp_path / "sub", None, None, False)
    assert config.source == near and config.ignore == ("A",)


def test_yaml_comes_before_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    _config(tmp_path, '[tool.zfxxgk-lint]\nignore = ["A"]\n', "pyproject.toml")
    yaml = _config(tmp_path, "ignore: [T]\n")
    assert discover(tmp_path) == (yaml, {"ignore": ["T"]})


def test_no_configuration_gives_the_command_line_alone(tmp_path: Path) -> None:
    config = load_config(None, tmp_path, ["A"], ["A004"], True)
    if config.source is None:  # a configuration above the temporary folder would be found, as it should
        assert (config.select, config.ignore, config.strict) == (("A",), ("A004",), True)


def test_explicit_config_is_used_instead_of_the_one_found(
    isolated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _config(isolated, "select: [A]\n")
    explicit = _config(tmp_path / "elsewhere", '[tool.zfxxgk-lint]\nselect = ["T"]\n', "settings.toml")
    _, found = _findings(capsys, "faulty.txt")
    assert {f["rule"][0] for f in found["faulty.txt"]} == {"A"}
    _, found = _findings(capsys, "--config", str(explicit), "faulty.txt")
    assert {f["rule"][0] for f in found["faulty.txt"]} == {"T"}


def test_explicit_config_that_is_missing_or_of_another_kind_exits_2(
    isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--config", "missing.yaml", "faulty.txt"]) == 2
    assert "missing.yaml" in capsys.readouterr().err
    (isolated / "settings.ini").write_text("[zfxxgk-lint]\n", encoding="utf-8")
    assert main(["check", "--config", "settings.ini", "faulty.txt"]) == 2
    assert "settings.ini" in capsys.readouterr().err


def test_discovered_mistake_exits_2_with_line_and_column(isolated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _config(isolated, "# reports\nselect: [A]\nseverity:\n  A001: warning\n  X9: error\n")
    assert main(["check", "faulty.txt"]) == 2
    err = capsys.readouterr().err
    assert ".zfxxgk-lint.yaml:5:3: 配置项「severity.X9」：没有规则「X9」" in err
    assert 'setting severity.X9: no rule "X9"' in err


def test_discovered_toml_mistake_names_the_key_path(isolated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _config(isolated, '[tool.zfxxgk-lint]\nstrict = true\nselect = "A"\n', "pyproject.toml")
    assert main(["check", "faulty.txt"]) == 2
    err = capsys.readouterr().err
    assert "pyproject.toml: 配置项「tool.zfxxgk-lint.select」：应为列表" in err


def test_every_mistake_is_reported_in_file_order(isolated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _config(isolated, "strict: 1\nselct: [A]\nignore: [Q]\n")
    assert main(["check", "faulty.txt"]) == 2
    lines = capsys.readouterr().err.strip().split("\n")
    assert [re.findall(r"\.zfxxgk-lint\.yaml:(\d+):", line) for line in lines] == [["1"], ["2"], ["3"]]


# --- what the settings do ------------------------------------------------------------------------------------


def test_select_and_ignore_from_the_file(isolated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _config(isolated, "select: [A, T]\nignore: [T00]\n")
    _, found = _findings(capsys, "faulty.txt")
    assert {f["rule"] for f in found["faulty.txt"]} == {"A001", "A002", "A004"}


def test_severity_off_is_not_run_and_warning_becomes_error(isolated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _config(isolated, "severity:\n  R009: error\n  T: 'off'\n  A: warning\n  A004: error\n")
    _, found = _findings(capsys, "faulty.txt")
    severities = _severities(found["faulty.txt"])
    assert not any(code.startswith("T") for code in severities)
    assert severities["R009"] == "error"  # a warning by default
    assert severities["X001"] == "warning"  # untouched
    assert (severities["A001"], severities["A002"], severities["A004"]) == ("warning", "warning", "error")


def test_only_warnings_left_exit_0_unless_strict(isolated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = _config(isolated, "severity:\n  R: warning\n  T: warning\n  A: warning\n")
    status, found = _findings(capsys, "faulty.txt")
    assert status == 0 and found["faulty.txt"]
    config.write_text(config.read_text(encoding="utf-8") + "strict: true\n", encoding="utf-8")
    assert _findings(capsys, "faulty.txt")[0] == 1


def test_per_file_ignores(isolated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _config(isolated, "per-file-ignores:\n  'drafts/**': [T, A001]\n  '*-old.txt': [R]\n")
    (isolated / "drafts" / "2025").mkdir(parents=True)
    shutil.copy(FAULTY, isolated / "drafts" / "2025" / "draft.txt")
    shutil.copy(FAULTY, isolated / "report-old.txt")
    _, found = _findings(capsys, ".")
    everything = {f["rule"] for f in found["faulty.txt"]}
    assert everything == FAULTY_RULES
    assert {f["rule"] for f in found["draft.txt"]} == {c for c in everything if c[0] != "T" and c != "A001"}
    assert {f["rule"] for f in found["report-old.txt"]} == {c for c in everything if c[0] != "R"}


def test_per_file_patterns_are_relative_to_the_configuration_file(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    _config(
        root, "per-file-ignores:\n  drafts/: [T]\n  'reports/202[0-3]/*.txt': [A]\n  '**/草稿*': [X]\n  /top: [R]\n"
    )
    config = load_config(None, root / "reports", None, None, False)

    def skipped(path: Path) -> set[str]:
        ran = {r.code for r in config.for_path(path).rules}
        return {family for family in "RTAX" if not any(code.startswith(family) for code in ran)}

    assert skipped(root / "drafts" / "a" / "b.txt") == {"T"}  # a folder's pattern covers what is inside it
    assert skipped(root / "x" / "drafts" / "b.txt") == {"T"}  # no "/": at any depth
    assert skipped(root / "reports" / "2021" / "r.txt") == {"A"}
    assert skipped(root / "reports" / "2021" / "sub" / "r.txt") == set()  # "*" stays within one folder
    assert skipped(root / "reports" / "2025" / "r.txt") == set()
    assert skipped(root / "x" / "y" / "草稿1.md") == {"X"}
    assert skipped(root / "top" / "r.txt") == {"R"}
    assert skipped(root / "x" / "top" / "r.txt") == set()  # "/top": only at the top
    assert skipped(tmp_path / "outside" / "drafts" / "b.txt") == set()  # outside the configuration's folder


def test_wants_files_and_exclude(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    _config(root, "files: ['reports/**/*.txt', '*.md']\nexclude: [reports/archive, '*.bak.md']\n")
    config = load_config(None, root, None, None, False)
    assert config.wants(root / "reports" / "2025" / "a.txt")
    assert config.wants(root / "reports" / "a.txt")  # "**/" may stand for no folder
    assert config.wants(root / "notes" / "a.md")
    assert not config.wants(root / "reports" / "a.yaml")  # not in files
    assert not config.wants(root / "reports" / "archive" / "2019" / "a.txt")
    assert not config.wants(root / "notes" / "a.bak.md")
    assert config.wants(tmp_path / "elsewhere" / "a.yaml")  # outside: the suffix decides
    assert not config.wants(tmp_path / "elsewhere" / "a.xlsx")


def test_wants_without_files_takes_every_report_file(tmp_path: Path) -> None:
    _config(tmp_path, "exclude: [old]\n")
    config = load_config(None, tmp_path, None, None, False)
    assert [config.wants(tmp_path / name) for name in ("a.txt", "a.md", "a.yaml", "a.YML", "a.xlsx", "old/a.txt")] == [
        True,
        True,
        True,
        True,
        False,
        False,
    ]
    assert Config().wants(Path("a.md")) and Config().wants(Path("a.HTM")) and not Config().wants(Path("a.xlsx"))


# Path patterns as the module docstring of checks/config.py describes them: (pattern, path, folders, matches).
GLOBS = [
    ("*.md", "a.md", False, True),
    ("*.md", "x/y/a.md", False, True),  # no "/": a name at any depth
    ("*.md", "a.md.txt", False, False),
    ("reports/*.txt", "reports/a.txt", False, True),
    ("reports/*.txt", "reports/2025/a.txt", False, False),  # "*" stays within one folder
    ("reports/**/*.txt", "reports/a.txt", False, True),  # "**/" may be no folder
    ("reports/**/*.txt", "reports/x/y/a.txt", False, True),
    ("reports/**", "reports/x/y/a.txt", False, True),
    ("a**b", "a/x/b", False, True),  # "**" alone crosses folders too
    ("/top", "top/a.txt", True, True),
    ("/top", "x/top/a.txt", True, False),  # a leading "/" anchors
    ("drafts/", "x/drafts/a.txt", True, True),  # a trailing one does not
    ("drafts", "drafts.txt", True, False),
    ("r?.txt", "r1.txt", False, True),
    ("r?.txt", "r12.txt", False, False),
    ("a?b", "a/b", False, False),  # "?" is never "/"
    ("202[0-3]/*", "2021/a.txt", False, True),
    ("202[0-3]/*", "2024/a.txt", False, False),
    ("[!a]*.txt", "b.txt", False, True),
    ("[!a]*.txt", "a.txt", False, False),
    ("[]]x", "]x", False, True),  # a "]" first in a class is one of its characters
    ("a[b", "a[b", False, True),  # an unclosed "[" is itself
    ("./reports/*.txt", "reports/a.txt", False, True),
    ("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", "a" * 60 + ".txt", True, False),  # the glob attack: linear, no match
    ("*a*a*a*b", "x/aaab", True, True),
    ("草稿*", "x/草稿1.md", False, True),
    ("A*.txt", "a1.txt", False, False),  # case-sensitive
]


@pytest.mark.parametrize(("pattern", "path", "folders", "expected"), GLOBS)
def test_path_patterns(pattern: str, path: str, folders: bool, expected: bool) -> None:
    from checks.globs import matches

    assert matches(pattern, path, folders) is expected


def test_a_folder_pattern_matches_every_folder_on_the_way(tmp_path: Path) -> None:
    from checks.globs import matches

    deep = "/".join(["a"] * 300) + "/b.txt"
    assert matches("a", deep, True) and matches("a/a/a", deep, True) and not matches("a/b", deep, True)
    assert not matches("a", deep, False) and matches("**/b.txt", deep, False)


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ('exclude: ["[z-a]"]\n', ":1:11: 配置项「exclude[0]」：路径模式无效：字符范围「z-a」的起止颠倒", "range z-a"),
        ('files: [ok, "x/[9-0]*"]\n', ":1:13: 配置项「files[1]」", "range 9-0 is reversed"),
        ("per-file-ignores:\n  'a/[z-a]': [A]\n", ':2:3: 配置项「per-file-ignores."a/[z-a]"」', "invalid pattern"),
        (f"exclude: ['{'x' * 300}']\n", "路径模式过长（300 个字符，最多 256 个）", "too long (300"),
        (f"exclude: [{', '.join(['a'] * 201)}]\n", "路径模式过多（201 个，最多 200 个）", "too many patterns"),
    ],
    ids=["reversed range", "in files", "a per-file-ignores key", "too long", "too many"],
)
def test_a_path_pattern_that_cannot_be_used_is_a_configuration_mistake(
    tmp_path: Path, text: str, where: str, message: str
) -> None:
    path = _config(tmp_path, text)
    with pytest.raises(ConfigError) as raised:
        load_config(path, tmp_path, None, None, False)
    assert where in str(raised.value) and message in str(raised.value)


def test_an_unreadable_pattern_is_exit_2_without_a_traceback(
    isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _config(isolated, 'exclude: ["[z-a]"]\n')
    assert main(["check", "."]) == 2
    err = capsys.readouterr().err
    assert "字符范围「z-a」的起止颠倒" in err and "Traceback" not in err


# --- the command line on top ---------------------------------------------------------------------------------


def test_command_line_select_replaces_the_files(isolated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _config(isolated, "select: [R]\nignore: [A001]\n")
    _, found = _findings(capsys, "--select", "A", "faulty.txt")
    assert {f["rule"] for f in found["faulty.txt"]} == {"A002", "A004"}  # the file's ignore still applies


def test_command_line_ignore_adds_to_the_files(isolated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _config(isolated, "ignore: [R, X]\n")
    _, found = _findings(capsys, "--ignore", "T", "faulty.txt")
    assert {f["rule"][0] for f in found["faulty.txt"]} == {"A"}


def test_command_line_strict_or_the_files(isolated: Path) -> None:
    _config(isolated, "strict: false\n")
    assert load_config(None, isolated, None, None, True).strict is True
    assert load_config(None, isolated, None, None, False).strict is False


def test_settings_are_shared_between_files_with_the_same_ignores(tmp_path: Path) -> None:
    config = Config(severity={"A": "warning", "A003": "off"})
    first = config.for_path(tmp_path / "a.txt")
    assert config.for_path(tmp_path / "b.txt") is first
    assert "A003" not in {r.code for r in first.rules}
    assert first.severities == {"A001": Severity.WARNING, "A002": Severity.WARNING, "A004": Severity.WARNING}


def test_config_error_is_an_exception_with_both_languages(tmp_path: Path) -> None:
    path = _config(tmp_path, "ignore: [Z]\n")
    with pytest.raises(ConfigError, match=r"没有规则「Z」 / setting ignore\[0\]: no rule \"Z\""):
        load_config(path, tmp_path, None, None, False)


def test_configuration_is_found_upwards_from_the_file_not_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from checks.cli import main

    repo = tmp_path / "repo"
    (repo / "reports").mkdir(parents=True)
    (repo / ".zfxxgk-lint.yaml").write_text("ignore: [R009]\n", encoding="utf-8")
    report = repo / "reports" / "r.txt"
    report.write_text((EXAMPLES / "faulty.txt").read_text(encoding="utf-8"), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    main(["check", str(report)])
    out = capsys.readouterr().out
    assert " A001 " in out and " R009 " not in out

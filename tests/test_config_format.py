"""The configuration chooses a specification: ``format`` for every file, ``per-file-format`` by path (the last
matching pattern wins), validated against the registry (checks/config.py, schemas/config.schema.json)."""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from checks.cli import main
from checks.config import Config, ConfigError, _validate, load_config
from checks.resources import load_schema
from checks.specs import names


def _load(folder: Path, text: str, name: str = ".zfxxgk-lint.yaml") -> Config:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return load_config(None, folder, None, None, False)


def _error(folder: Path, text: str, name: str = ".zfxxgk-lint.yaml") -> str:
    with pytest.raises(ConfigError) as raised:
        _load(folder, text, name)
    return str(raised.value)


def test_without_a_format_no_specification_is_chosen(tmp_path: Path) -> None:
    config = _load(tmp_path, "ignore: [X004]\n")
    assert config.format is None and config.per_file_format == ()
    assert config.for_path(tmp_path / "a.txt").spec is None
    assert Config().for_path(tmp_path / "a.txt").spec is None


def test_format_applies_to_every_file(tmp_path: Path) -> None:
    config = _load(tmp_path, "format: shandong-2021\n")
    assert config.format == "shandong-2021"
    for path in (tmp_path / "a.txt", tmp_path / "deep" / "b.md", tmp_path.parent / "outside.txt"):
        assert config.for_path(path).spec == "shandong-2021"


def test_per_file_format_by_path_the_last_match_winning(tmp_path: Path) -> None:
    config = _load(
        tmp_path,
        "format: shandong-2021\n"
        "per-file-format:\n"
        '  "archive/**": national-2019\n'
        '  "archive/2021/*.txt": national-2021\n'
        '  "*.yaml": national-2021\n',
    )
    assert config.per_file_format == (
        ("archive/**", "national-2019"),
        ("archive/2021/*.txt", "national-2021"),
        ("*.yaml", "national-2021"),
    )
    spec = {name: config.for_path(tmp_path / name).spec for name in ("a.txt", "archive/2020/a.txt")}
    assert spec == {"a.txt": "shandong-2021", "archive/2020/a.txt": "national-2019"}
    assert config.for_path(tmp_path / "archive" / "2021" / "a.txt").spec == "national-2021"
    assert config.for_path(tmp_path / "archive" / "2020" / "a.yaml").spec == "national-2021"  # later than archive/**
    assert config.for_path(tmp_path / "archive" / "2021" / "sub" / "a.md").spec == "national-2019"
    assert config.for_path(tmp_path.parent / "archive" / "a.txt").spec == "shandong-2021"  # outside: no pattern


def test_per_file_format_without_format_leaves_the_rest_unchosen(tmp_path: Path) -> None:
    config = _load(tmp_path, 'per-file-format: {"old/": national-2019}\n')
    assert config.for_path(tmp_path / "old" / "a.txt").spec == "national-2019"
    assert config.for_path(tmp_path / "new" / "a.txt").spec is None


def test_the_settings_of_files_sharing_a_specification_are_shared(tmp_path: Path) -> None:
    config = _load(tmp_path, 'per-file-format: {"old/**": national-2019}\n')
    old = config.for_path(tmp_path / "old" / "a.txt")
    assert config.for_path(tmp_path / "old" / "b.txt") is old
    assert config.for_path(tmp_path / "new.txt") is not old and old.rules == config.for_path(tmp_path / "n.txt").rules


def test_pyproject_takes_them_too(tmp_path: Path) -> None:
    config = _load(
        tmp_path,
        '[tool.zfxxgk-lint]\nformat = "national-2019"\n\n'
        '[tool.zfxxgk-lint.per-file-format]\n"new/**" = "national-2021"\n',
        "pyproject.toml",
    )
    assert config.for_path(tmp_path / "a.txt").spec == "national-2019"
    assert config.for_path(tmp_path / "new" / "a.txt").spec == "national-2021"


@pytest.mark.parametrize("key", names())
def test_every_registered_specification_is_accepted(tmp_path: Path, key: str) -> None:
    assert _load(tmp_path, f"format: {key}\nper-file-format: {{a: {key}}}\n").format == key


def test_an_unknown_format_names_the_known_ones_and_the_likeliest(tmp_path: Path) -> None:
    message = _error(tmp_path, "format: shandong\n")
    assert ".zfxxgk-lint.yaml:1:9" in message
    assert "没有格式「shandong」（是否应为 shandong-2021？）" in message
    assert all(key in message for key in names())
    assert 'no format "shandong" (did you mean shandong-2021?)' in message


def test_an_unknown_format_in_per_file_format_is_placed_at_its_value(tmp_path: Path) -> None:
    message = _error(tmp_path, 'per-file-format:\n  "a/**": national-2021\n  "b/**": nationl-2019\n')
    assert ".zfxxgk-lint.yaml:3:11" in message and 'per-file-format."b/**"' in message
    assert "是否应为 national-2019" in message


def test_an_unknown_format_in_pyproject(tmp_path: Path) -> None:
    message = _error(tmp_path, '[tool.zfxxgk-lint]\nformat = "national-2022"\n', "pyproject.toml")
    assert "tool.zfxxgk-lint.format" in message and "没有格式「national-2022」" in message


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("format: 2021\n", "应为文字"),
        ("format: ''\n", "不能为空"),
        ("format: [national-2021]\n", "应为文字"),
        ("per-file-format: [a]\n", "应为映射"),
        ('per-file-format: {"a/**": [national-2021]}\n', "应为文字"),
        ('per-file-format: {"[z-a]": national-2021}\n', "路径模式无效"),
    ],
)
def test_a_wrongly_written_format_is_a_mistake(tmp_path: Path, text: str, said: str) -> None:
    assert said in _error(tmp_path, text)


def test_a_hostile_format_name_is_shown_cut(tmp_path: Path) -> None:
    message = _error(tmp_path, f"format: {'x' * 50_000}\n")
    assert len(message) < 1000 and "没有格式" in message


def test_the_schema_check_agrees_with_jsonschema_and_suggests_the_registry() -> None:
    schema = load_schema("config.schema.json")
    assert schema["$defs"]["format"]["examples"] == list(names())
    for settings in (
        {"format": "national-2021"},
        {"format": "anything"},  # known or not is the registry's to say, after the schema
        {"format": 1},
        {"per-file-format": {"a": "national-2019"}},
        {"per-file-format": {"a": 2}},
        {"per-file-format": ["a"]},
    ):
        ours = list(_validate(schema, schema, settings, ()))
        assert (not ours) == Draft202012Validator(schema).is_valid(settings), settings


def test_an_unknown_format_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".zfxxgk-lint.yaml").write_text("format: national\n", encoding="utf-8")
    report = tmp_path / "a.txt"
    report.write_text("text\n", encoding="utf-8")
    assert main(["check", str(report)]) == 2
    assert "没有格式「national」" in capsys.readouterr().err


def test_show_settings_names_the_files_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".zfxxgk-lint.yaml").write_text('per-file-format: {"old/**": national-2019}\n', encoding="utf-8")
    (tmp_path / "old").mkdir()
    report = tmp_path / "old" / "a.txt"
    report.write_text("text\n", encoding="utf-8")
    assert main(["check", "--show-settings", str(report)]) == 0
    assert "format（所依据的格式规范）：national-2019" in capsys.readouterr().out
    assert main(["check", "--show-settings", "--lang", "en", str(tmp_path)]) == 0
    assert "format (the specification): none chosen" in capsys.readouterr().out

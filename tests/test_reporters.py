"""The output formats as CI tools and people read them: SARIF, GitHub annotations, and the text summary."""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from checks.cli import main
from checks.engine import FileResult
from checks.findings import Finding, Message, Severity
from checks.model import Position, Report
from checks.reporters import Options, github
from checks.rules import catalog
from tests.conftest import EXAMPLES, ROOT, SARIF_SCHEMA, SEED

ANSI = re.compile(r"\x1b\[[0-9;]*m")
ANNOTATION = re.compile(
    r"^::(?P<level>error|warning) file=(?P<file>[^,:]+),line=(?P<line>\d+),col=(?P<col>\d+)"
    r"(?:,endLine=\d+)?,title=(?P<code>[A-Z]\d{3}) [^:]+::(?P<message>.+)$"
)


@pytest.fixture(autouse=True)
def _in_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    # Paths in SARIF and GitHub output are relative to the working directory: make it the checkout, as in CI,
    # and keep the environment of whoever runs the tests (a CI job, NO_COLOR) out of the output.
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


def run_json(capsys: pytest.CaptureFixture[str], argv: list[str], status: int) -> Any:
    assert main(argv) == status
    return json.loads(capsys.readouterr().out)


def sarif_errors(log: Any) -> list[str]:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    assert validator_class is jsonschema.Draft7Validator  # the SARIF 2.1.0 schema is draft-07
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]


def boom(report: Report) -> Iterable[Finding]:
    raise RuntimeError("boom")


# SARIF


def test_sarif_of_a_folder_run_validates_against_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    log = run_json(capsys, ["check", "--format", "sarif", "examples"], 1)
    assert sarif_errors(log) == []
    assert log["version"] == "2.1.0" and "$schema" in log and len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "zfxxgk-lint" and driver["version"] and driver["informationUri"].startswith("https://")
    assert run["invocations"] == [{"executionSuccessful": True}]
    uris = {a["location"]["uri"] for a in run["artifacts"]}
    assert uris == {"examples/clean.txt", "examples/faulty.txt"}


def test_sarif_rules_are_the_whole_catalog_and_results_point_at_them(capsys: pytest.CaptureFixture[str]) -> None:
    log = run_json(capsys, ["check", "--format", "sarif", str(EXAMPLES / "faulty.txt")], 1)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(catalog())
    for descriptor in rules:
        rule = catalog()[descriptor["id"]]
        assert descriptor["name"] and descriptor["shortDescription"]["text"] == rule.title_zh
        assert "错误示例" in descriptor["help"]["text"] and "Failing" not in descriptor["help"]["text"]
        assert descriptor["defaultConfiguration"]["level"] == rule.severity.value
        assert descriptor["helpUri"].endswith(f"/docs/rules/{rule.code}.md")
    assert len({r["name"] for r in rules}) == len(rules)
    assert run["results"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning")
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "examples/faulty.txt"
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert location["region"]["startLine"] >= 1 and location["region"]["startColumn"] >= 1
    assert {r["level"] for r in run["results"]} == {"error", "warning"}


def test_sarif_carries_related_locations_and_the_compared_values(capsys: pytest.CaptureFixture[str]) -> None:
    log = run_json(capsys, ["check", "--format", "sarif", str(EXAMPLES / "faulty.txt")], 1)
    a001 = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "A001")
    assert a001["properties"] == {"expected": 7, "actual": 6, "table": "t3", "row": "disclosed", "col": "total"}
    # The cell most likely wrong: 「（一）予以公开」行「自然人」列, on the same line as the row's total.
    related = a001["relatedLocations"]
    assert len(related) == 1
    region = related[0]["physicalLocation"]["region"]
    assert region["startLine"] == a001["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert region["startColumn"] < a001["locations"][0]["physicalLocation"]["region"]["startColumn"]
    assert "表三" in a001["message"]["text"]
    x001 = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "X001")
    assert x001["level"] == "warning" and x001["relatedLocations"]


def test_sarif_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    log = run_json(capsys, ["check", "--format", "sarif", "--lang", "en", str(EXAMPLES / "faulty.txt")], 1)
    assert sarif_errors(log) == []
    run = log["runs"][0]
    assert run["language"] == "en-US"
    for descriptor in run["tool"]["driver"]["rules"]:
        assert descriptor["shortDescription"]["text"] == catalog()[descriptor["id"]].title_en
        assert "Failing" in descriptor["help"]["text"] and "错误示例" not in descriptor["help"]["text"]
    a004 = next(r for r in run["results"] if r["ruleId"] == "A004")
    assert "Table 4" in a004["message"]["text"]


def test_sarif_reports_an_internal_error_as_a_notification(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(catalog(), "A001", catalog()["A001"]._replace(check=boom))
    log = run_json(capsys, ["check", "--format", "sarif", str(EXAMPLES / "faulty.txt")], 2)
    assert sarif_errors(log) == []
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert (
        "zfxxgk-lint 的缺陷" in notification["message"]["text"]
        and "RuntimeError: boom" in notification["message"]["text"]
    )
    assert notification["exception"] == {"kind": "RuntimeError", "message": "boom"}
    location = notification["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == "examples/faulty.txt"
    assert log["runs"][0]["results"] == []


def test_sarif_path_outside_the_working_directory_is_an_absolute_file_uri(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "报告 2024.txt"
    report.write_text((EXAMPLES / "faulty.txt").read_text(encoding="utf-8"), encoding="utf-8")
    log = run_json(capsys, ["check", "--format", "sarif", str(report)], 1)
    assert sarif_errors(log) == []
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == report.as_uri() and "uriBaseId" not in location


# GitHub Actions


def test_github_annotations_carry_file_line_column_and_code(capsys: pytest.CaptureFixture[str]) -> None:
    summary = run_json(capsys, ["check", "--format", "json", "examples"], 1)["summary"]
    assert main(["check", "--format", "github", "examples"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == f"共检查 2 个文件：{summary['errors']} 个错误，{summary['warnings']} 个警告"
    assert len(lines) - 1 == summary["errors"] + summary["warnings"]
    annotations = [ANNOTATION.match(line) for line in lines[:-1]]
    assert annotations and all(annotations), [line for line in lines[:-1] if not ANNOTATION.match(line)]
    found = {(m["level"], m["file"], int(m["line"]), int(m["col"]), m["code"]) for m in annotations if m}
    assert ("error", "examples/faulty.txt", 51, 32, "A001") in found
    assert ("warning", "examples/faulty.txt", 92, 1, "R009") in found
    assert all(m["file"] == "examples/faulty.txt" for m in annotations if m)
    a001 = next(line for line in lines if "title=A001 " in line)
    assert "title=A001 表三行合计不等于各申请人之和::表三「（一）予以公开」行的总计应为 7" in a001


def test_github_escapes_messages_and_properties() -> None:
    finding = Finding(
        "A001",
        Position(3, 5),
        Message("第一行 100%\r\n第二行: a, b", "line one 100%\nline two"),
        severity=Severity.ERROR,
        end_line=4,
    )
    out = io.StringIO()
    github.write([FileResult("reports/a,b:c.txt", (finding,))], out, Options())
    first, summary = out.getvalue().splitlines()
    assert first == (
        "::error file=reports/a%2Cb%3Ac.txt,line=3,col=5,endLine=4,title=A001 表三行合计不等于各申请人之和"
        "::第一行 100%25%0D%0A第二行: a, b"
    )
    assert summary == "共检查 1 个文件：1 个错误，0 个警告"
    assert github.escape_property("R006 years disagree: title, metadata") == "R006 years disagree%3A title%2C metadata"


def test_github_reports_an_internal_error_as_a_bug() -> None:
    out = io.StringIO()
    crash = "Traceback (most recent call last):\n  File x\nRuntimeError: boom 50%\n"
    github.write([FileResult("examples/clean.txt", (), (), crash)], out, Options(lang="en"))
    first, summary = out.getvalue().splitlines()
    assert first.startswith("::error file=examples/clean.txt,title=zfxxgk-lint internal error::internal error (a bug")
    assert first.endswith("%0ARuntimeError: boom 50%25")
    assert summary == "1 file(s) checked: 0 error(s), 0 warning(s), 1 internal error(s)"


def test_github_actions_environment_selects_the_github_format(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main([str(EXAMPLES / "faulty.txt")]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert all(ANNOTATION.match(line) for line in lines[:-1]) and len(lines) > 1
    assert main(["--format", "text", str(EXAMPLES / "faulty.txt")]) == 1  # an explicit choice still wins
    assert not capsys.readouterr().out.startswith("::")


# Text


def test_color_always_adds_ansi_codes_around_the_same_text(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--color", "always", "examples"])
    colored = capsys.readouterr().out
    main(["check", "--color", "never", "examples"])
    plain = capsys.readouterr().out
    assert "\x1b[" in colored and "\x1b[" not in plain
    assert ANSI.sub("", colored) == plain
    assert "\x1b[1;31mA001\x1b[0m" in colored and "\x1b[1;33mR009\x1b[0m" in colored  # error red, warning yellow


def test_color_auto_follows_the_terminal_and_no_color(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    faulty = str(EXAMPLES / "faulty.txt")
    main(["check", faulty])  # captured output is not a terminal
    assert "\x1b[" not in capsys.readouterr().out
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    main(["check", faulty])
    assert "\x1b[" in capsys.readouterr().out
    monkeypatch.setenv("NO_COLOR", "1")
    main(["check", faulty])
    assert "\x1b[" not in capsys.readouterr().out
    main(["check", "--color", "always", faulty])  # an explicit choice overrides NO_COLOR
    assert "\x1b[" in capsys.readouterr().out


def test_folder_run_ends_with_a_summary_table(capsys: pytest.CaptureFixture[str]) -> None:
    summary = run_json(capsys, ["check", "--format", "json", "examples"], 1)["summary"]
    assert main(["check", "examples"]) == 1
    out = capsys.readouterr().out
    table = out[out.index("\n汇总\n") :]
    expected = [("检查的文件", 2), ("有错误的文件", 1), ("错误", summary["errors"]), ("警告", summary["warnings"])]
    for label, number in [*expected, ("内部错误", 0)]:
        assert re.search(rf"^  {label} +{number}$", table, re.MULTILINE), (label, table)
    rows = re.findall(r"^  ([A-Z]\d{3}) +(\d+)  (.+)$", table, re.MULTILINE)
    assert {code: int(count) for code, count, _ in rows} == summary["by_rule"]
    assert rows == sorted(rows, key=lambda row: (-int(row[1]), row[0]))  # the most frequent first, then by code
    assert all(title == catalog()[code].title_zh for code, _, title in rows)
    assert "共检查" not in out


def test_summary_table_puts_the_most_frequent_rule_first(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(SEED), "examples/faulty.txt"])
    rows = re.findall(r"^  ([A-Z]\d{3}) +(\d+)  (.+)$", capsys.readouterr().out, re.MULTILINE)
    assert rows[0][:2] == ("T003", "25")  # the seed's 25 ragged rows
    assert rows == sorted(rows, key=lambda row: (-int(row[1]), row[0]))


def test_summary_table_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--lang", "en", "examples"]) == 1
    out = capsys.readouterr().out
    assert re.search(r"^  files checked +2$", out, re.MULTILINE)
    assert re.search(r"^  files with errors +1$", out, re.MULTILINE)
    assert re.search(r"^  A004 +1  table 4 group: ", out, re.MULTILINE)


def test_single_file_keeps_the_summary_line(capsys: pytest.CaptureFixture[str]) -> None:
    summary = run_json(capsys, ["check", "--format", "json", str(EXAMPLES / "faulty.txt")], 1)["summary"]
    assert main(["check", str(EXAMPLES / "faulty.txt")]) == 1
    out = capsys.readouterr().out
    closing = f"\n共检查 1 个文件：{summary['errors']} 个错误，{summary['warnings']} 个警告\n"
    # (then how many --fix would repair: 4 safe — R004, T004, T006, T007 — and 3 unsafe, the figures of A001–A004)
    assert out.endswith(
        closing + "其中 4 个问题可用 --fix 自动修复（另有 3 个可加 --unsafe-fixes 修复）；加 --diff 先查看修改内容\n"
    )
    assert "汇总" not in out
    assert main(["check", "--lang", "en", str(EXAMPLES / "clean.txt")]) == 0
    assert capsys.readouterr().out == "1 file(s) checked: 0 error(s), 0 warning(s)\n"

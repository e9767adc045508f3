"""The command line as a user and a CI job meet it: exit codes, formats, rule selection, documentation."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checks.cli import main
from checks.rules import catalog
from tests.conftest import CORPUS, EXAMPLES, ROOT, SEED, line_of


def test_seed_exits_1_with_t003_at_table3_rows(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SEED)]) == 1
    out = capsys.readouterr().out
    line = line_of(SEED.read_text(encoding="utf-8"), "一、本年新收政府信息公开申请数量")
    assert f"{SEED}:{line}:1: T003 " in out
    assert out.rstrip().endswith("1 个警告")  # R009: its part 六 says only 无


def test_clean_exits_0_and_check_may_be_omitted(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(EXAMPLES / "clean.txt")]) == 0
    assert "0 个错误" in capsys.readouterr().out


def test_text_output_quotes_the_source_line(capsys: pytest.CaptureFixture[str]) -> None:
    main([str(EXAMPLES / "faulty.txt")])
    out = capsys.readouterr().out
    assert re.search(r"faulty\.txt:\d+:\d+: A004 .*\n\s+\d+ \| 1⇥0⇥0⇥0⇥2", out)


def test_json_output_follows_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "json", str(EXAMPLES)]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["version"] == 1
    by_path = {Path(f["path"]).name: f["findings"] for f in document["files"]}
    assert by_path["clean.txt"] == []
    for finding in by_path["faulty.txt"]:
        assert {"rule", "severity", "line", "column", "message"} <= finding.keys()
        assert finding["line"] >= 1 and finding["column"] >= 1
    a001 = next(f for f in by_path["faulty.txt"] if f["rule"] == "A001")
    assert (a001["table"], a001["row"], a001["col"], a001["expected"], a001["actual"]) == (
        "t3",
        "disclosed",
        "total",
        7,
        6,
    )
    assert "表三" in a001["message"]  # Chinese stays readable, not \u-escaped
    assert document["summary"]["files"] == 2 and document["summary"]["files_with_errors"] == 1


def test_lang_en_switches_messages(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--lang", "en", str(EXAMPLES / "faulty.txt")])
    out = capsys.readouterr().out
    assert "Table 4" in out and "表四「" not in out
    assert "error(s)" in out


def test_select_and_ignore_take_codes_and_families(capsys: pytest.CaptureFixture[str]) -> None:
    faulty = str(EXAMPLES / "faulty.txt")
    main(["check", "--select", "A", faulty])
    assert set(re.findall(r": ([A-Z]\d{3}) ", capsys.readouterr().out)) == {"A001", "A002", "A004"}
    main(["check", "--ignore", "A,T", faulty])
    assert set(re.findall(r": ([A-Z]\d{3}) ", capsys.readouterr().out)) == {"R004", "R006", "R009", "X001"}


def test_strict_fails_on_warnings(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    text = (EXAMPLES / "clean.txt").read_text(encoding="utf-8").replace("六、其他需要报告的事项", "六、其他事项")
    report.write_text(text, encoding="utf-8")
    assert main(["check", str(report)]) == 0
    assert main(["check", "--strict", str(report)]) == 1


@pytest.mark.parametrize(
    "argv",
    [["check", "--select", "Z999", "x.txt"], ["check", "does-not-exist.txt"], ["check", "--format", "xml", "x"], []],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2


def test_rule_documentation_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "a003"]) == 0
    zh = capsys.readouterr().out
    assert zh.startswith("A003 (error)") and "结转下年度" in zh
    assert main(["rule", "A003", "--lang", "en"]) == 0
    assert "carried forward" in capsys.readouterr().out
    assert main(["rule", "X999"]) == 2


def test_every_rule_is_documented_in_both_languages() -> None:
    # What the rule finds and why, then a failing and a passing example, in each language.
    for rule in catalog().values():
        zh, separator, en = rule.doc.partition("\n---\n")
        assert separator and zh.strip() and en.strip(), rule.code
        assert "错误示例" in zh and "正确示例" in zh, rule.code
        assert "Failing" in en and "Passing" in en, rule.code


def test_folder_run_over_the_corpus_never_crashes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(CORPUS, tmp_path / "corpus")
    assert main(["check", "--format", "json", str(tmp_path / "corpus")]) == 1
    document = json.loads(capsys.readouterr().out)
    assert len(document["files"]) == len(list(CORPUS.glob("*.txt")))
    assert not any("internal_error" in f for f in document["files"])


def test_an_internal_error_is_reported_as_a_bug_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import checks.sources.text

    def broken(path: str, lines: tuple[str, ...]) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(checks.sources.text, "read", broken)  # the reader every .txt goes through
    assert main(["check", str(EXAMPLES / "clean.txt"), str(SEED)]) == 2
    out = capsys.readouterr().out
    assert out.count("内部错误（") == 2 and "RuntimeError: boom" in out


def test_output_cut_short_by_the_reader_is_not_a_crash(tmp_path: Path) -> None:
    # `zfxxgk-lint check reports/ | head`: the reader leaves early; that must not print a traceback.
    for number in range(300):
        shutil.copy(EXAMPLES / "faulty.txt", tmp_path / f"r{number}.txt")
    process = subprocess.Popen(
        [sys.executable, "-m", "checks", "check", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    error = process.stderr.read().decode()
    assert process.wait() == 1
    assert "Traceback" not in error and "Error" not in error, error

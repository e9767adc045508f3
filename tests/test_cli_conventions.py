"""What users of ruff, yamllint and check-jsonschema expect of a linter's command line, in Chinese first: argparse's
own lines, "did you mean", standard input, --quiet, --exit-zero, --output-file, --statistics, --show-settings,
concise output, a list of the rules, repeats grouped in the text output, and what happens when nothing is found."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from checks.cli import main
from checks.reporters.text import GROUP_SHOWN
from checks.rules import catalog
from tests.conftest import CLEAN_TEXT, EXAMPLES, ROOT, SEED, line_of

FAULTY = str(EXAMPLES / "faulty.txt")
Capture = pytest.CaptureFixture[str]


# --- argparse speaks Chinese, and suggests --------------------------------------------------------------------------


def test_argparse_usage_errors_and_help_are_chinese(capsys: Capture) -> None:
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert "用法：" in err and "错误：缺少必需的参数：PATH" in err and "usage:" not in err
    assert main(["check", "--bogus", FAULTY]) == 2
    assert "无法识别的参数：--bogus" in capsys.readouterr().err
    assert main(["check", "--format", "xml", FAULTY]) == 2
    assert "无效的选项 'xml'" in capsys.readouterr().err
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "命令" in out and "显示本帮助并退出" in out and "show this help" not in out
    assert main(["check", "--help"]) == 0
    assert "从标准输入读取" in capsys.readouterr().out


def test_lang_en_keeps_argparse_english(capsys: Capture) -> None:
    assert main(["check", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "usage:" in err and "the following arguments are required" in err


def test_a_mistyped_option_command_or_rule_code_gets_a_suggestion(capsys: Capture) -> None:
    assert main(["check", "--selct", "A", FAULTY]) == 2
    assert "--selct → --select" in capsys.readouterr().err
    assert main(["chek", FAULTY]) == 2
    assert "未知的命令「chek」（是否应为 check？）" in capsys.readouterr().err
    assert main(["check", "--select", "A01", FAULTY]) == 2
    assert "A01（是否应为 A001？）" in capsys.readouterr().err
    assert main(["rule", "A0003"]) == 2
    assert "没有规则 A0003（是否应为 A003？）" in capsys.readouterr().err


def test_a_path_named_like_a_command_is_still_a_path(
    tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("chek").write_text(CLEAN_TEXT, encoding="utf-8")  # an odd name, but it exists: it is checked
    assert main(["chek"]) == 1  # no suffix: I001 (a file type not read), not "did you mean check"
    assert "I001" in capsys.readouterr().out


# --- standard input -----------------------------------------------------------------------------------------------


def _stdin(*args: str, data: bytes, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checks", *args], input=data.decode("utf-8"), cwd=cwd, capture_output=True,
        text=True, encoding="utf-8", check=False,
    )  # fmt: skip


def test_standard_input_is_linted_as_the_named_file(tmp_path: Path) -> None:
    data = (EXAMPLES / "faulty.txt").read_bytes()
    done = _stdin("check", "--format", "json", "--stdin-filename", "reports/2025.txt", "-", data=data)
    assert done.returncode == 1, done.stderr
    [entry] = json.loads(done.stdout)["files"]
    assert entry["path"] == "reports/2025.txt" and {f["rule"] for f in entry["findings"]} >= {"A001", "A004"}
    assert _stdin("check", "-", data=CLEAN_TEXT.encode()).returncode == 0  # without a name: a .txt report
    # The name's format decides the parser, and its folder's configuration applies.
    (tmp_path / ".zfxxgk-lint.yaml").write_text("ignore: [A, T, R, X]\n", encoding="utf-8")
    done = _stdin("check", "--stdin-filename", str(tmp_path / "r.txt"), "-", data=data)
    assert done.returncode == 0, done.stdout


def test_standard_input_cannot_be_mixed_with_paths(capsys: Capture) -> None:
    assert main(["check", "-", FAULTY]) == 2
    assert "标准输入" in capsys.readouterr().err


# --- quiet, exit-zero, output file, statistics, concise, show-settings ----------------------------------------------


def test_quiet_prints_findings_only(capsys: Capture) -> None:
    assert main(["check", "--quiet", FAULTY]) == 1
    out = capsys.readouterr().out
    assert "A001" in out and "共检查" not in out
    assert main(["check", "-q", str(EXAMPLES / "clean.txt")]) == 0
    assert capsys.readouterr().out == ""


def test_exit_zero_keeps_the_findings_but_not_the_failure(capsys: Capture) -> None:
    assert main(["check", "--exit-zero", FAULTY]) == 0
    assert "A001" in capsys.readouterr().out
    assert main(["check", "--exit-zero", "missing.txt"]) == 2  # a usage error is still one


def test_output_file_takes_the_report_and_says_why_it_cannot(tmp_path: Path, capsys: Capture) -> None:
    out = tmp_path / "result.json"
    assert main(["check", "--format", "json", "-o", str(out), FAULTY]) == 1
    assert capsys.readouterr().out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["errors"] > 0
    assert main(["check", "-o", str(tmp_path / "no" / "such" / "folder" / "x.txt"), FAULTY]) == 2
    assert "无法写入" in capsys.readouterr().err  # and in Chinese: not "No such file or directory"
    assert main(["check", "-o", str(tmp_path), FAULTY]) == 2
    err = capsys.readouterr().err
    assert "无法写入" in err and "Errno" not in err and "directory" not in err


def test_statistics_counts_per_rule(capsys: Capture) -> None:
    assert main(["check", "--statistics", str(SEED)]) == 1
    out = capsys.readouterr().out
    assert re.search(r"T003\s+25\s+行的单元格数量不对", out) and re.search(r"R009\s+1\s", out)
    assert ":53:" not in out  # counts, not the findings
    assert main(["check", "--statistics", "--format", "json", str(SEED)]) == 2


def test_concise_is_one_line_per_finding_without_source(capsys: Capture) -> None:
    assert main(["check", "--format", "concise", str(SEED)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 25 + 1 + 1  # every T003 (not grouped), R009, the summary
    assert all(re.match(r"\S+:\d+:\d+: [A-Z]\d{3} ", line) for line in lines[:-1])


def test_show_settings_names_the_configuration_file_and_the_rules(tmp_path: Path, capsys: Capture) -> None:
    config = tmp_path / ".zfxxgk-lint.yaml"
    config.write_text("ignore: [X004]\nseverity:\n  R007: error\nstrict: true\n", encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text(CLEAN_TEXT, encoding="utf-8")
    assert main(["check", "--show-settings", str(report)]) == 0
    out = capsys.readouterr().out
    assert f"配置文件：{config.resolve()}" in out or f"配置文件：{config}" in out
    assert "R007 = 错误" in out and "strict（警告也视为失败）：是" in out
    assert "X004" not in out.split("运行的规则")[1].split("\n")[0]
    alone = tmp_path / "elsewhere"
    alone.mkdir()
    (alone / ".zfxxgk-lint.yaml").write_text("{}\n", encoding="utf-8")
    assert main(["check", "--show-settings", "--lang", "en", str(alone)]) == 0
    assert f"rules run ({len(catalog())})" in capsys.readouterr().out


def test_rule_all_lists_every_rule(capsys: Capture) -> None:
    assert main(["rule", "--all"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == list(catalog())
    assert "A003  错误  表三勾稽关系不成立" in lines
    assert main(["rule", "--all", "--format", "json", "--lang", "en"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert {e["code"] for e in entries} == set(catalog()) and all(e["documentation"] for e in entries)
    assert main(["rule"]) == 2


# --- repeats grouped in the text output ---------------------------------------------------------------------------


def test_seed_text_output_groups_its_25_ragged_rows(capsys: Capture) -> None:
    assert main(["check", str(SEED)]) == 1
    out = capsys.readouterr().out
    assert len(out.splitlines()) <= 15
    assert out.count(": T003 ") == GROUP_SHOWN
    assert f"表三另有 {25 - GROUP_SHOWN} 处同类问题（T003，第 56—77 行），加 --verbose 可逐条显示" in out
    assert ": R009 " in out  # a finding of another kind is still shown
    assert main(["check", "--verbose", str(SEED)]) == 1
    assert capsys.readouterr().out.count(": T003 ") == 25


def test_seed_json_keeps_every_t003_at_its_line(capsys: Capture) -> None:
    assert main(["check", "--format", "json", str(SEED)]) == 1
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    text = SEED.read_text(encoding="utf-8")
    lines = [f["line"] for f in findings if f["rule"] == "T003"]
    assert len(lines) == 25 and lines == sorted(set(lines))
    assert lines[0] == line_of(text, "一、本年新收政府信息公开申请数量") and lines[-1] == line_of(
        text, "四、结转下年度继续办理"
    )


def _ragged(count: int) -> str:
    """The clean report with ``count`` zero rows of 表三 one cell short (the last 0 lost in a copy)."""
    lines = CLEAN_TEXT.split("\n")
    zero_rows = [i for i, line in enumerate(lines) if line.endswith("\t0" * 7) and line.count("\t") == 9]
    for i in zero_rows[:count]:
        lines[i] = lines[i].removesuffix("\t0")
    assert len(zero_rows) >= count
    return "\n".join(lines)


@pytest.mark.parametrize("count", [GROUP_SHOWN + 1, GROUP_SHOWN + 2])
def test_repeats_are_counted_only_when_that_saves_lines(tmp_path: Path, capsys: Capture, count: int) -> None:
    report = tmp_path / "r.txt"
    report.write_text(_ragged(count), encoding="utf-8")
    assert main(["check", "--select", "T003", str(report)]) == 1
    out = capsys.readouterr().out
    if count == GROUP_SHOWN + 1:  # one more than shown: counting it on a line of its own would save nothing
        assert out.count(": T003 ") == count and "同类问题" not in out
    else:
        assert out.count(": T003 ") == GROUP_SHOWN and f"另有 {count - GROUP_SHOWN} 处同类问题" in out


# --- nothing to check, or not a report --------------------------------------------------------------------------------


def test_a_folder_without_reports_says_so_and_exits_0(tmp_path: Path, capsys: Capture) -> None:
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "没有找到报告文件" in captured.err and captured.out == ""
    assert main(["check", "--format", "json", str(tmp_path)]) == 0
    assert json.loads(capsys.readouterr().out)["files"] == []  # machine formats stay valid documents


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("使用说明.md", "# 使用说明\n\n本仓库存放各部门的年度报告。\n\n- 第一步：提交\n"),
        ("notes.txt", "todo: check the 2024 report\nremember to ask\n"),
        ("settings.yaml", "server:\n  port: 8080\nusers: [a, b]\n"),
    ],
)
def test_a_file_that_is_plainly_not_a_report_gets_one_finding(tmp_path: Path, name: str, content: str) -> None:
    from checks.engine import lint_file
    from checks.rules import selected

    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = lint_file(path, selected(None, None))
    assert [(f.rule, f.pos.line) for f in result.findings] == [("I006", 1)]


def test_a_report_that_lost_its_title_is_still_linted_as_a_report(tmp_path: Path) -> None:
    from checks.engine import lint_file
    from checks.rules import selected

    path = tmp_path / "r.txt"
    path.write_text(CLEAN_TEXT.split("\n", 1)[1], encoding="utf-8")
    assert [f.rule for f in lint_file(path, selected(None, None)).findings] == ["R005"]


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_an_old_word_file_is_told_how_to_save_as_docx(tmp_path: Path, suffix: str, capsys: Capture) -> None:
    path = tmp_path / f"报告{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0 old Word")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"I001 不支持「{suffix}」格式的文件" in out and "另存为" in out and "*.docx" in out


def test_a_file_that_cannot_be_opened_is_i001_in_chinese(tmp_path: Path, capsys: Capture) -> None:
    folder = tmp_path / "looks-like-a-report.txt"  # a folder named like a report, given as a file would be
    folder.mkdir()
    from checks.engine import lint_file
    from checks.rules import selected

    result = lint_file(folder, selected(None, None))
    assert result.crash is None
    [finding] = result.findings
    assert finding.rule == "I001" and "无法打开文件：这是一个文件夹" in finding.message.zh

"""Inline suppression in each format's comment syntax: exactly the targeted findings go, the comment is not report
text and moves nothing, and a suppression that does nothing is reported (checks/suppression.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checks.engine import FileResult, lint_file
from checks.findings import Finding, Message
from checks.model import Comment, Position
from checks.reading import read
from checks.rules import selected
from checks.sources import parser_for, text
from checks.sources.comments import line_comments
from checks.suppression import Suppression, is_comment, scan
from checks.writers import writer_for
from tests.conftest import CLEAN_TEXT, EXAMPLES

FAULTY_TEXT = (EXAMPLES / "faulty.txt").read_text(encoding="utf-8")
FORMATS = ("txt", "md", "yaml")
COMMENT = {"txt": "# zfxxgk-lint: {}", "md": "<!-- zfxxgk-lint: {} -->", "yaml": "# zfxxgk-lint: {}"}
T3_ROW_LABEL = "（一）予以公开"


def _source(tmp_path: Path, fmt: str, report: str) -> list[str]:
    """The lines of ``report`` (text) written in format ``fmt``: as is, or converted by the writers."""
    if fmt == "txt":
        return report.split("\n")
    source = tmp_path / "source.txt"
    source.write_text(report, encoding="utf-8")
    decoded = read(source)
    parse = parser_for(".txt")
    assert decoded.lines is not None and parse is not None
    return writer_for(fmt)(parse(str(source), decoded.lines)).split("\n")


def _lint(
    tmp_path: Path, fmt: str, lines: list[str], name: str = "report", rules: list[str] | None = None
) -> FileResult:
    path = tmp_path / f"{name}.{fmt}"
    path.write_text("\n".join(lines), encoding="utf-8")
    return lint_file(path, selected(rules, None))


def _with(lines: list[str], line: int, inserted: str) -> list[str]:
    """``lines`` with ``inserted`` placed before line ``line`` (1-based)."""
    return [*lines[: line - 1], inserted, *lines[line - 1 :]]


def _pair(
    tmp_path: Path, fmt: str, lines: list[str], line: int, directive: str, rules: list[str] | None = None
) -> tuple[FileResult, FileResult]:
    """The report with the suppression comment before ``line``, and with a blank line there instead."""
    commented = _lint(tmp_path, fmt, _with(lines, line, COMMENT[fmt].format(directive)), "commented", rules)
    blank = _lint(tmp_path, fmt, _with(lines, line, ""), "blank", rules)
    return commented, blank


def _first(findings: tuple[Finding, ...], rule: str) -> int:
    return next(f.pos.line for f in findings if f.rule == rule)


# --- next line and whole file, in each format ----------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_next_line_suppresses_exactly_that_lines_findings_of_the_codes(tmp_path: Path, fmt: str) -> None:
    lines = _source(tmp_path, fmt, FAULTY_TEXT)
    target = _first(_lint(tmp_path, fmt, lines).findings, "T004")
    commented, blank = _pair(tmp_path, fmt, lines, target, "disable-next-line=T004")
    on_target = [f for f in blank.findings if f.rule == "T004" and f.pos.line == target + 1]
    assert len(on_target) == 1  # 规章: / / /, one finding for the row
    assert commented.findings == tuple(f for f in blank.findings if f not in on_target)
    assert commented.unused == ()


@pytest.mark.parametrize("fmt", FORMATS)
def test_disable_file_suppresses_the_codes_everywhere(tmp_path: Path, fmt: str) -> None:
    lines = _source(tmp_path, fmt, FAULTY_TEXT)
    commented, blank = _pair(tmp_path, fmt, lines, 1, "disable-file=R009,A")
    assert {"R009", "A001", "A002", "A004"} <= {f.rule for f in blank.findings}
    assert commented.findings == tuple(f for f in blank.findings if f.rule != "R009" and f.rule[0] != "A")
    assert commented.unused == ()


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_prefix_suppresses_its_family_only(tmp_path: Path, fmt: str) -> None:
    lines = _source(tmp_path, fmt, FAULTY_TEXT)
    target = _first(_lint(tmp_path, fmt, lines).findings, "T004")
    commented, blank = _pair(tmp_path, fmt, lines, target, "disable-next-line=T")
    assert commented.findings == tuple(
        f for f in blank.findings if not (f.rule.startswith("T") and f.pos.line == target + 1)
    )
    if fmt == "yaml":  # S001 sits on the same cells and is not a T rule
        assert any(f.rule == "S001" and f.pos.line == target + 1 for f in commented.findings)


@pytest.mark.parametrize("fmt", FORMATS)
def test_unused_suppression_is_reported_with_its_line_and_codes(tmp_path: Path, fmt: str) -> None:
    lines = _source(tmp_path, fmt, FAULTY_TEXT)
    target = _first(_lint(tmp_path, fmt, lines).findings, "T004")
    commented, blank = _pair(tmp_path, fmt, lines, target, "disable-next-line=T004,A001")
    assert commented.findings == tuple(f for f in blank.findings if not (f.rule == "T004" and f.pos.line == target + 1))
    [unused] = commented.unused
    assert (unused.pos, unused.codes, unused.reason) == (Position(target, 1), ("A001",), "unused")
    assert f"第 {target + 1} 行没有 A001 的问题" in unused.message.zh
    assert f"no A001 finding on line {target + 1}" in unused.message.en


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_comment_is_not_report_text(tmp_path: Path, fmt: str) -> None:
    # At the top, the comment would otherwise be read as the title (R005); it creates no finding of its own.
    lines = _source(tmp_path, fmt, CLEAN_TEXT)
    commented, blank = _pair(tmp_path, fmt, lines, 1, "disable-next-line=R005")
    assert blank.findings == () and commented.findings == ()
    assert [(u.pos, u.codes, u.reason) for u in commented.unused] == [(Position(1, 1), ("R005",), "unused")]


def test_a_comment_inside_a_table_is_not_a_row(tmp_path: Path) -> None:
    for fmt in ("txt", "md"):
        fmt_lines = _source(tmp_path, fmt, CLEAN_TEXT)
        inside = next(number for number, line in enumerate(fmt_lines, start=1) if T3_ROW_LABEL in line)
        result = _lint(tmp_path, fmt, _with(fmt_lines, inside, COMMENT[fmt].format("disable-next-line=A001")))
        assert result.findings == (), fmt
        assert [u.codes for u in result.unused] == [("A001",)]


def test_the_text_parser_reads_a_comment_as_a_blank_line() -> None:
    lines = FAULTY_TEXT.split("\n")
    middle = lines.index("（二）依申请公开")
    commented = text.parse("r.txt", tuple(_with(lines, middle, "  # zfxxgk-lint: disable-file=R009")))
    blank = text.parse("r.txt", tuple(_with(lines, middle, "")))
    assert commented._replace(lines=(), comments=()) == blank._replace(lines=())
    assert not any("zfxxgk-lint" in p.text for p in commented.prose())


def test_only_the_formats_own_comment_syntax_is_a_comment() -> None:
    assert is_comment("# zfxxgk-lint: disable-file=R009", "txt")
    assert is_comment("<!-- zfxxgk-lint: disable-file=R009 -->", "md")
    assert not is_comment("# zfxxgk-lint: disable-file=R009", "md")  # a Markdown heading, which readers see
    assert not is_comment("<!-- zfxxgk-lint: disable-file=R009 -->", "txt")
    assert not is_comment("本报告由 zfxxgk-lint 检查。", "txt")


# --- what a suppression covers -------------------------------------------------------------------------------


def test_next_line_skips_blank_lines_and_other_suppression_comments(tmp_path: Path) -> None:
    lines = FAULTY_TEXT.split("\n")
    target = _first(_lint(tmp_path, "txt", lines).findings, "T004")
    stacked = [*lines[: target - 1], "# zfxxgk-lint: disable-next-line=T004", "", "# zfxxgk-lint: disable-next-line=T"]
    stacked += ["", *lines[target - 1 :]]
    result = _lint(tmp_path, "txt", stacked)
    assert not [f for f in result.findings if f.rule == "T004" and f.pos.line == target + 4]
    assert result.unused == ()


def test_a_finding_spanning_the_line_is_covered() -> None:
    suppression = Suppression(Position(9, 1), ("R012",), 12)
    spanning = Finding("R012", Position(10, 1), Message("", ""), end_line=14)
    assert suppression.covers(spanning)
    assert not suppression.covers(spanning._replace(end_line=11))
    assert not suppression.covers(Finding("R012", Position(13, 1), Message("", ""), end_line=14))


def test_nothing_after_the_comment(tmp_path: Path) -> None:
    result = _lint(tmp_path, "txt", [*FAULTY_TEXT.rstrip("\n").split("\n"), "", "# zfxxgk-lint: disable-next-line=R"])
    [unused] = result.unused
    assert unused.reason == "unused" and "之后没有内容" in unused.message.zh


def test_rules_that_did_not_run_are_not_unused(tmp_path: Path) -> None:
    lines = _with(FAULTY_TEXT.split("\n"), 1, "# zfxxgk-lint: disable-file=R009,X002")
    selected_only = _lint(tmp_path, "txt", lines, rules=["T"])
    assert selected_only.unused == ()  # R009 was not selected; X002 had no previous report to compare with
    everything = _lint(tmp_path, "txt", lines)
    assert everything.unused == () and "R009" not in {f.rule for f in everything.findings}


def test_reason_after_the_codes(tmp_path: Path) -> None:
    lines = _with(FAULTY_TEXT.split("\n"), 1, "# zfxxgk-lint: disable-file=r009, x001 原文如此，不作修改")
    result = _lint(tmp_path, "txt", lines)
    assert {"R009", "X001"}.isdisjoint(f.rule for f in result.findings) and result.unused == ()


def test_reading_findings_can_be_suppressed(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(("# zfxxgk-lint: disable-file=I002\n" + CLEAN_TEXT).encode("gb18030"))
    result = lint_file(path, selected(None, None))
    assert result.findings == () and result.unused == ()


def test_unreadable_yaml_runs_only_the_reading_rules(tmp_path: Path) -> None:
    lines = ["# zfxxgk-lint: disable-file=R009", "标题: [未闭合", "正文: []"]
    result = _lint(tmp_path, "yaml", lines)
    assert [f.rule for f in result.findings] == ["I003"]
    assert result.unused == ()  # R009 did not run: there was no report to run it on
    result = _lint(tmp_path, "yaml", ["# zfxxgk-lint: disable-file=I003,R009", *lines[1:]])
    assert result.findings == () and result.unused == ()


def test_front_matter_takes_yaml_comments(tmp_path: Path) -> None:
    body = _source(tmp_path, "md", CLEAN_TEXT)
    lines = ["---", "机关: 示例县自然资源局", "# zfxxgk-lint: disable-next-line=S001", "未知的键: 1", "---", *body]
    commented = _lint(tmp_path, "md", lines, "commented")
    blank = _lint(tmp_path, "md", [*lines[:2], "", *lines[3:]], "blank")
    assert [f.rule for f in blank.findings] == ["S001"]
    assert commented.findings == () and commented.unused == ()


# --- comments that cannot be used ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "comment", "reason", "codes", "zh"),
    [
        ("txt", "# zfxxgk-lint: disable-file=A999,R009", "unknown", ("A999",), "「A999」不是规则代码"),
        ("txt", "# zfxxgk-lint: disable=A001", "invalid", (), "无法识别的抑制注释"),
        ("txt", "# zfxxgk-lint: disable-next-line", "invalid", (), "无法识别的抑制注释"),
        ("txt", "# zfxxgk-lint: disable-file=A001 T004", "invalid", ("T004",), "须用逗号分隔"),
        ("yaml", "# zfxxgk-lint: disable-file=A01x", "invalid", ("A01X",), "「A01X」不是规则代码"),
        ("md", "<!-- zfxxgk-lint: enable-file=R009 -->", "invalid", (), "<!-- zfxxgk-lint: disable-next-line=A001 -->"),
        ("md", "# zfxxgk-lint: disable-file=R009", "invalid", (), "「# zfxxgk-lint: …」是标题"),
    ],
)
def test_a_comment_that_cannot_be_used_is_reported(
    tmp_path: Path, fmt: str, comment: str, reason: str, codes: tuple[str, ...], zh: str
) -> None:
    lines = _source(tmp_path, fmt, FAULTY_TEXT)
    result = _lint(tmp_path, fmt, _with(lines, 2, comment))
    [problem] = result.unused
    assert (problem.pos.line, problem.reason, problem.codes) == (2, reason, codes)
    assert zh in problem.message.zh and problem.message.en
    if reason == "unknown":  # the codes that name rules still work
        assert "R009" not in {f.rule for f in result.findings}


def test_scan_reports_in_line_order() -> None:
    lines = ("# zfxxgk-lint: disable-file=Q1", "text", "  # zfxxgk-lint: disable-next-line=A001", "row")
    suppressions, problems = scan(lines, "txt")
    assert suppressions == (Suppression(Position(3, 3), ("A001",), 4),)
    assert [(p.pos, p.reason) for p in problems] == [(Position(1, 1), "unknown")]


def test_reporters_show_unused_suppressions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from checks.cli import main

    report = tmp_path / "report.txt"
    report.write_text("# zfxxgk-lint: disable-file=A001\n" + CLEAN_TEXT, encoding="utf-8")
    assert main(["check", str(report)]) == 0
    assert f"{report}:1:1: 提示：" in capsys.readouterr().out
    main(["check", "--format", "json", str(report)])
    [entry] = json.loads(capsys.readouterr().out)["files"][0]["unused_suppressions"]
    assert (entry["line"], entry["codes"], entry["reason"]) == (1, ["A001"], "unused")
    main(["check", "--format", "github", str(report)])
    assert "::notice file=" in capsys.readouterr().out


def _applied_one_by_one(
    findings: list[Finding], suppressions: list[Suppression], ran: tuple[str, ...]
) -> tuple[list[Finding], list[tuple[Position, tuple[str, ...]]]]:
    """What ``apply`` must give, by trying every suppression on every finding (the quadratic way it once did)."""
    used: set[tuple[int, str]] = set()
    kept = []
    for finding in findings:
        hits = {
            (n, c)
            for n, s in enumerate(suppressions)
            if s.covers(finding)
            for c in s.codes
            if finding.rule.startswith(c)
        }
        used |= hits
        if not hits:
            kept.append(finding)
    idle = [
        (s.pos, tuple(c for c in s.codes if (n, c) not in used and any(r.startswith(c) for r in ran)))
        for n, s in enumerate(suppressions)
    ]
    return kept, [(pos, codes) for pos, codes in idle if codes]


def test_apply_looks_suppressions_up_as_trying_each_would() -> None:
    import random

    from checks.suppression import apply

    rnd = random.Random(15)
    rules = ("A001", "A002", "R009", "T004", "T006")
    codes = ("A", "A0", "A001", "A002", "R009", "T", "T00", "T004")
    for _ in range(300):
        suppressions = [
            Suppression(Position(rnd.randint(1, 30), 1), tuple(rnd.sample(codes, rnd.randint(1, 3))), target)
            for target in (rnd.choice([None, 0, *range(1, 30)]) for _ in range(rnd.randint(0, 6)))
        ]
        findings = [
            Finding(
                rnd.choice(rules), Position(line, 1), Message("", ""), end_line=rnd.choice([None, line - 1, line + 3])
            )
            for line in (rnd.randint(1, 30) for _ in range(rnd.randint(0, 12)))
        ]
        ran = tuple(rnd.sample(rules, 3))
        kept, unused = apply(findings, suppressions, ran)
        assert (kept, [(u.pos, u.codes) for u in unused]) == _applied_one_by_one(findings, suppressions, ran)


def test_next_line_targets_are_found_in_one_pass() -> None:
    comment = "<!-- zfxxgk-lint: disable-next-line=A001 -->"
    lines = (comment, "", comment, "text", comment, "  ", comment)
    suppressions, _ = scan(lines, "md")
    assert [s.target for s in suppressions] == [4, 4, 0, 0]


def test_a_code_that_is_not_one_is_shown_visibly_and_cut() -> None:
    _, [escape] = scan(("# zfxxgk-lint: disable-file=A\x1b]0;x\x07",), "txt")
    assert escape.reason == "invalid" and "\x1b" not in escape.message.zh + escape.message.en
    assert "⟨U+001B⟩" in escape.message.zh and escape.codes == ("A⟨U+001B⟩]0;X⟨U+0007⟩",)
    _, [long] = scan(("# zfxxgk-lint: disable-file=" + "Q" * 10_000,), "txt")
    assert len(long.message.en) < 300 and len(long.codes[0]) < 50
    _, [many] = scan(("# zfxxgk-lint: disable-file=" + ",".join(["A001"] * 101),), "txt")
    assert "过多" in many.message.zh and "too many codes" in many.message.en
    _, [several] = scan(("# zfxxgk-lint: disable-file=" + ",".join(f"Q{i}x" for i in range(9)),), "txt")
    assert "等 9 个代码" in several.message.zh and "and 4 more" in several.message.en and len(several.codes) == 5


# --- only the reader's comments suppress ----------------------------------------------------------------------


def _faulty_yaml_with_part_six(tmp_path: Path, written: list[str]) -> list[str]:
    """The faulty report in YAML with part 六's paragraph ``- 无。`` replaced by ``written``."""
    lines = _source(tmp_path, "yaml", FAULTY_TEXT)
    at = lines.index("      - 无。")
    return [*lines[:at], *written, *lines[at + 1 :]]


@pytest.mark.parametrize(
    "written",
    [
        ["      - |", "        无。", "        # zfxxgk-lint: disable-file=R009,A"],  # a block scalar's line
        ["      - >-", "        无。", "", "        # zfxxgk-lint: disable-file=R009,A"],
        ["      - '无。", "        # zfxxgk-lint: disable-file=R009,A'"],  # a quoted string's
        ['      - "无。', '        # zfxxgk-lint: disable-file=R009,A"'],
    ],
    ids=["literal", "folded", "single-quoted", "double-quoted"],
)
def test_a_yaml_text_line_that_looks_like_a_suppression_suppresses_nothing(tmp_path: Path, written: list[str]) -> None:
    result = _lint(tmp_path, "yaml", _faulty_yaml_with_part_six(tmp_path, written))
    assert {"R009", "A001", "A002", "A004"} <= {f.rule for f in result.findings}
    assert result.unused == ()  # not a comment at all: not even an unused one
    # The same line as a comment does suppress.
    as_comment = ["      - 无。", written[-1].strip("'\"")]
    commented = _lint(tmp_path, "yaml", _faulty_yaml_with_part_six(tmp_path, as_comment))
    assert not {"R009", "A001"} & {f.rule for f in commented.findings} and commented.unused == ()


def test_a_comment_after_a_yaml_value_is_no_suppression(tmp_path: Path) -> None:
    after = ["      - 无。  # zfxxgk-lint: disable-file=R009"]
    result = _lint(tmp_path, "yaml", _faulty_yaml_with_part_six(tmp_path, after))
    assert "R009" in {f.rule for f in result.findings} and result.unused == ()


def test_a_front_matter_block_scalar_line_that_looks_like_a_suppression_suppresses_nothing(tmp_path: Path) -> None:
    body = _source(tmp_path, "md", FAULTY_TEXT)
    front = ["---", "机关: |", "  示例县自然资源局", "  # zfxxgk-lint: disable-file=R009,A", "---"]
    result = _lint(tmp_path, "md", [*front, *body])
    assert {"R009", "A001"} <= {f.rule for f in result.findings}
    assert result.unused == ()  # nor is it the .txt form in a Markdown body (that is reported, above)
    front = ["---", "机关: 示例县自然资源局", "# zfxxgk-lint: disable-file=R009,A", "---"]
    commented = _lint(tmp_path, "md", [*front, *body])
    assert not {"R009", "A001"} & {f.rule for f in commented.findings} and commented.unused == ()


def test_scan_reads_the_comments_it_is_given_not_the_lines() -> None:
    lines = ("# zfxxgk-lint: disable-file=R009", "text", "# zfxxgk-lint: disable-next-line=A001", "row")
    assert scan(lines, "txt", ()) == ((), ())
    given = (Comment("zfxxgk-lint: disable-next-line=A001", Position(3, 1)),)
    assert scan(lines, "txt", given) == ((Suppression(Position(3, 1), ("A001",), 4),), ())
    assert scan(lines, "docx", given) == ((), ())  # a Word document has none


def test_next_line_skips_every_comment_line_of_the_reader() -> None:
    lines = ("# zfxxgk-lint: disable-next-line=A001", "# a note", "", "a: 1")
    suppressions, _ = scan(lines, "yaml")
    assert [s.target for s in suppressions] == [4]
    # In .txt a "#" line that is no directive is text, which the suppression then covers.
    suppressions, _ = scan(lines, "txt")
    assert [s.target for s in suppressions] == [2]


def test_line_comments_finds_whole_line_comments_of_a_syntax() -> None:
    lines = (
        "<!-- zfxxgk-lint: disable-file=R009 -->",
        "  <!-- 说明 -->  ",
        "<!-- a --> b -->",  # the comment ends at its first "-->": text follows it
        "text <!-- c -->",
        "<!-- not closed",
        "<!---->",
        "# zfxxgk-lint: disable-file=A",
        "\u3000# zfxxgk-lint : disable-file=T",
        "# 一、总体情况",
        "# zfxxgk-lint 检查通过",
    )
    assert [(c.text, c.pos) for c in line_comments(lines, "<!--")] == [
        ("zfxxgk-lint: disable-file=R009", Position(1, 1)),
        ("说明", Position(2, 3)),
        ("", Position(6, 1)),
    ]
    # Plain text has no comments of its own: only the linter's directives are.
    assert [(c.text, c.pos) for c in line_comments(lines, "#")] == [
        ("zfxxgk-lint: disable-file=A", Position(7, 1)),
        ("zfxxgk-lint : disable-file=T", Position(8, 2)),
    ]
    assert [c.pos.line for c in line_comments(lines, "<!--", within=range(1, 5))] == [2]
    assert line_comments(lines, "#", within=range(8, 100)) == ()


def test_line_comments_takes_linear_time() -> None:
    lines = ("<!--" + " -- " * 250_000 + "-- >",) * 4 + ("#" + " zfxxgk-lint" * 100_000,) * 4
    assert line_comments(lines, "<!--") == () and line_comments(lines, "#") == ()

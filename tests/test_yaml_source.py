"""YAML reports: the same model and findings as the .txt they were made from, positions of YAML nodes, and bad
YAML (syntax errors, alias bombs, deep nesting, huge values) as findings, never a crash; and the same data,
positions and findings whether libyaml's parser (ruamel.yaml.clib) or ruamel's pure-Python parser reads them.

Bad inputs live in tests/fixtures/bad/: ``fail.txt`` and ``pass.txt`` hold small cases as blocks (separated by a
line ``---``, ``#`` lines are comments), the larger ones are files of their own; huge ones are generated here.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedSeq

from checks.cli import main
from checks.engine import FileResult, lint_file
from checks.model import Position, Report
from checks.reading import decode
from checks.rules import catalog
from checks.sources import text, yaml
from checks.sources.tables import RawCell, to_cell
from checks.writers.yaml import modeline
from tests.conftest import CORPUS, EXAMPLES, SEED, Lint
from tests.test_robustness import _CHARS, _EDIT, SOURCES, budget, mutate

BAD = Path(__file__).parent / "fixtures" / "bad"
SCHEMA_COMMENT = modeline() + "\n"
REPORTS = [SEED, *sorted(CORPUS.glob("*.txt")), EXAMPLES / "clean.txt", EXAMPLES / "faulty.txt"]


def _lines(source: str) -> tuple[str, ...]:
    decoded = decode(source.encode("utf-8"))
    assert decoded.lines is not None
    return decoded.lines


def _text_report(path: Path) -> Report:
    return text.parse(str(path), _lines(path.read_text(encoding="utf-8")))


def to_yaml(report: Report) -> str:
    """A report's data form as a hand-written YAML report looks (docs/formats.md): cells as ``[0, 0, 0]``."""
    data = report.to_data()
    for name in ("表二", "表三", "表四"):
        for row in data.get(name, {}).get("行", []):
            for label, cells in row.items():
                flow = CommentedSeq(cells)
                flow.fa.set_flow_style()
                row[label] = flow
    writer = YAML()
    writer.width = 4096  # one paragraph a line, as written
    out = io.StringIO()
    out.write(SCHEMA_COMMENT)
    writer.dump(data, out)
    return out.getvalue()


CLEAN_YAML = to_yaml(_text_report(EXAMPLES / "clean.txt"))


def _parse(source: str) -> Report:
    return yaml.parse("r.yaml", _lines(source))


def _where(source: str, needle: str, nth: int = 0) -> Position:
    """The 1-based line and column of the ``nth`` occurrence of ``needle``."""
    start = -1
    for _ in range(nth + 1):
        start = source.index(needle, start + 1)
    before = source[:start]
    return Position(before.count("\n") + 1, start - (before.rfind("\n") + 1) + 1)


def _triples(result: FileResult, *, without: str = "") -> Counter[tuple[str, str | None, str | None]]:
    return Counter((f.rule, f.row, f.col) for f in result.findings if f.rule != without)


# --- the same report as the .txt --------------------------------------------------------------------------------


def test_clean_example_as_yaml_gives_no_finding(lint: Lint) -> None:
    assert CLEAN_YAML.startswith(SCHEMA_COMMENT)
    assert lint(CLEAN_YAML, name="clean.yaml").findings == ()


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_yaml_reads_back_the_model_of_the_txt(path: Path) -> None:
    report = _text_report(path)
    again = _parse(to_yaml(report))
    assert again.format == "yaml" and not again.unreadable and again.parse_findings == ()
    assert again.to_data() == report.to_data()
    assert (again.agency, again.year) == (report.agency, report.year)
    assert [s.part for s in again.sections] == [s.part for s in report.sections]
    assert (again.period and again.period.text.text) == (report.period and report.period.text.text)
    for key, table in report.tables.items():
        rows = again.tables[key].rows
        assert [r.key for r in rows] == [r.key for r in table.rows]
        assert [[(c.raw, c.value, c.problem) for c in r.cells] for r in rows] == [
            [(c.raw, c.value, c.problem) for c in r.cells] for r in table.rows
        ]
        assert [r.label and r.label.text for r in again.tables[key].unplaced] == [
            r.label and r.label.text for r in table.unplaced
        ]


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_yaml_gives_the_findings_of_the_txt(lint: Lint, path: Path) -> None:
    report = _text_report(path)
    as_yaml = lint(to_yaml(report), name=path.stem + ".yaml")
    as_text = lint(path.read_text(encoding="utf-8"), name=path.stem + ".txt")
    assert as_yaml.crash is None and as_text.crash is None
    # Besides: a cell holding no number is a string in YAML, which the schema forbids (by design): S001 there.
    assert _triples(as_yaml, without="S001") == _triples(as_text)
    no_number = {
        c.pos
        for t in _parse(to_yaml(report)).tables.values()
        for r in (*t.rows, *t.unplaced)
        for c in r.cells
        if c.value is None
    }
    assert {f.pos for f in as_yaml.findings if f.rule == "S001"} <= no_number


def test_faulty_example_s001_only_where_t004_fires(lint: Lint) -> None:
    result = lint(to_yaml(_text_report(EXAMPLES / "faulty.txt")), name="faulty.yaml")
    s001 = [f for f in result.findings if f.rule == "S001"]
    assert len(s001) == 3  # 规章: ["/", "/", "/"]
    cells = {pos for f in result.findings if f.rule in ("T004", "T005") for pos in (f.pos, *f.related)}
    assert all(f.pos in cells for f in s001)
    assert "表二 › 行 › 规章 › 第 1 个单元格" in s001[0].message.zh
    t004 = next(f for f in result.findings if f.rule == "T004" and f.pos == s001[0].pos)
    assert (s001[0].table, s001[0].row, s001[0].col) == ("t2", "rules", "made")
    assert (t004.table, t004.row, len(t004.related)) == ("t2", "rules", 2)  # the row's three "/" as one finding


# --- S001 at the YAML node ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "also"), [('"3"', set()), ('"/"', {"T004"})])
def test_string_in_a_count_is_s001_at_its_node(lint: Lint, written: str, also: set[str]) -> None:
    source = CLEAN_YAML.replace("规章: [0, 0, 0]", f"规章: [0, 0, {written}]")
    result = lint(source, name="r.yaml")
    at = _where(source, written)
    assert {f.rule for f in result.findings} == {"S001", *also}
    (s001,) = [f for f in result.findings if f.rule == "S001"]
    assert s001.pos == at
    assert s001.message.zh == f"表二 › 行 › 规章 › 第 3 个单元格：应为数字或空值，实际为 {written}"
    assert s001.message.en == f"表二 › 行 › 规章 › cell 3: expected a number or null, got {written}"
    assert all(f.pos == at for f in result.findings)


def test_unknown_key_is_s001_at_the_key(lint: Lint) -> None:
    source = CLEAN_YAML.replace("\n标题:", "\n标提:")
    findings = lint(source, name="r.yaml", select=["S"]).findings
    at = _where(source, "标提:")
    assert any(f.pos == at and "未知的键「标提」" in f.message.zh and "「标题」" in f.message.zh for f in findings)
    assert any("缺少「标题」" in f.message.zh for f in findings)


def test_an_unknown_key_inside_a_part_is_s001_at_the_key_not_its_value(lint: Lint) -> None:
    source = CLEAN_YAML.replace("- 标题: 一、总体情况\n", "- 标题: 一、总体情况\n  备注: 无\n", 1)
    (s001,) = lint(source, name="r.yaml", select=["S"]).findings
    assert s001.pos == _where(source, "备注:")
    assert s001.message.zh.endswith("未知的键「备注」（此处可用的键：标题、段落）")


def test_wrong_type_for_the_body_is_s001_and_no_crash(lint: Lint) -> None:
    source = (
        CLEAN_YAML.split("正文:")[0]
        + "正文:\n  标题: 一、总体情况\n  段落: []\n"
        + "表二:"
        + CLEAN_YAML.split("表二:")[1]
    )
    result = lint(source, name="r.yaml")
    assert result.crash is None
    s001 = [f for f in result.findings if f.rule == "S001"]
    assert [f.message.zh for f in s001] == ["正文：应为列表（“- ”项或 [ ]），实际为 键值映射"]
    assert s001[0].pos.line == _where(source, "正文:").line
    assert {f.rule for f in result.findings} >= {"R001"}  # no parts could be read


@pytest.mark.parametrize(
    "document",
    ["", "- 标题\n- 正文\n", "标题：示例县自然资源局2025年政府信息公开工作年度报告\n", "42\n", "正文: 7\n表二: [1]\n"],
)
def test_a_document_of_another_shape_is_s001_not_a_crash(lint: Lint, document: str) -> None:
    result = lint("# 只有注释\n" + document, name="r.yaml")
    assert result.crash is None
    assert "S001" in {f.rule for f in result.findings}


def test_full_width_colon_gets_a_hint(lint: Lint) -> None:
    findings = lint("标题：某局2025年政府信息公开工作年度报告\n", name="r.yaml", select=["S"]).findings
    assert any("半角" in f.message.zh for f in findings)


def test_metadata_is_read_and_checked(lint: Lint) -> None:
    head = "标题: 示例县自然资源局2025年政府信息公开工作年度报告\n"
    source = CLEAN_YAML.replace(head, head + "机关: 示例县自然资源局\n年度: 2024\n层级: 县级\n发布日期: 2026-01-15\n")
    report = _parse(source)
    assert report.metadata is not None
    assert report.metadata.year is not None and report.metadata.year.text == "2024"
    assert report.metadata.year.pos == _where(source, "2024\n")
    assert report.metadata.published is not None and report.metadata.published.text == "2026-01-15"
    result = lint(source, name="r.yaml")
    assert [(f.rule, f.pos) for f in result.findings] == [("R006", _where(source, "2024\n"))]
    bad = lint(source.replace("2026-01-15", "2026-1-15"), name="r.yaml", select=["S"]).findings
    assert [f.message.zh for f in bad] == ['发布日期：应写作 YYYY-MM-DD 形式的日期，实际为 "2026-1-15"']


# --- positions of other rules' findings ---------------------------------------------------------------------------


def test_altered_row_label_is_t006_at_its_key(lint: Lint) -> None:
    source = CLEAN_YAML.replace("5.属于三类内部事务信息", "5.属于三类内容事务信息")
    findings = lint(source, name="r.yaml").findings
    assert [(f.rule, f.pos) for f in findings] == [("T006", _where(source, "5.属于三类内容事务信息"))]


def test_wrong_total_is_a001_at_the_total_cell(lint: Lint) -> None:
    row = "（一）予以公开: [5, 1, 0, 0, 0, 0, 6]"
    source = CLEAN_YAML.replace(row, row.replace("6]", "7]"))
    findings = [f for f in lint(source, name="r.yaml").findings if f.rule == "A001"]
    assert [f.pos for f in findings] == [_where(source, "7]")]


def test_paragraph_positions_are_where_their_text_starts() -> None:
    source = CLEAN_YAML.replace(
        "- 本年度未收取信息处理费。本机关未发生其他需要报告的事项。",
        '- "本年度未收取信息处理费。本机关未发生其他需要报告的事项。"',
    )
    report = _parse(source)
    six = report.section(6)
    assert six is not None
    assert six.paragraphs[0].pos == _where(source, "本年度未收取信息处理费。")
    assert six.heading.pos == _where(source, "六、其他需要报告的事项")
    assert report.tables["t3"].pos == _where(source, "表三:")
    assert report.title is not None and report.title.pos == _where(source, "示例县自然资源局2025年")


def test_unrecognised_heading_stays_in_the_part_before() -> None:
    source = CLEAN_YAML.replace("- 标题: 五、存在的主要问题及改进情况", "- 标题: 五、今年的一些体会")
    report = _parse(source)
    assert [s.part for s in report.sections] == [1, 2, 3, 4, 6]
    four = report.section(4)
    assert four is not None and four.paragraphs[0].text == "五、今年的一些体会"


def test_positions_map_every_node_path() -> None:
    loaded = yaml.load(("a:", "  - x", "  - {b: [1, '2']}", "c: |", "  text"), first_line=10)
    assert loaded.findings == ()
    assert loaded.document == {"a": ["x", {"b": [1, "2"]}], "c": "text"}
    assert loaded.positions[("a",)] == Position(10, 1)  # a block list is placed at its key
    assert loaded.positions[("a", 0)] == Position(11, 5)
    assert loaded.positions[("a", 1, "b", 1)] == Position(12, 13)
    assert loaded.positions[("c",)] == Position(13, 4)
    assert loaded.nodes[("c",)].text == Position(14, 3)


def test_scalars_are_typed_as_yaml_1_2_and_cells_keep_their_text() -> None:
    loaded = yaml.load(("[yes, 0x1F, 1_000, 18.8710, 2026-01-15, ~, true, '7']",))
    assert loaded.document == ["yes", 31, 1000, 18.871, "2026-01-15", None, True, "7"]
    report = _parse(CLEAN_YAML.replace("行政事业性收费: [0]", "行政事业性收费: [18.8710]"))
    fee = report.tables["t2"].row("fees")
    assert fee is not None and (fee.cells[0].raw, fee.cells[0].value) == ("18.8710", 18.871)


# --- what cannot be read ------------------------------------------------------------------------------------------


def _blocks(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """(the last comment before the block, its lines) for each block of a fixture file."""
    out: list[tuple[str, tuple[str, ...]]] = []
    comment, lines = "", []
    for line in [*path.read_text(encoding="utf-8").split("\n"), "---"]:
        if line.strip() == "---":
            if lines:
                out.append((comment, tuple(lines)))
            comment, lines = "", []
        elif line.startswith("#"):
            comment = line
        elif line.strip():
            lines.append(line)
    return out


@pytest.mark.parametrize(("comment", "lines"), _blocks(BAD / "fail.txt"))
def test_bad_yaml_is_a_finding_at_its_line(comment: str, lines: tuple[str, ...]) -> None:
    match = re.match(r"# (I00\d) line (\d+):", comment)
    assert match, comment
    report = yaml.parse("r.yaml", lines)
    assert report.unreadable
    assert [(f.rule, f.pos.line) for f in report.parse_findings] == [(match.group(1), int(match.group(2)))]
    assert report.parse_findings[0].message.zh and report.parse_findings[0].message.en


@pytest.mark.parametrize(("comment", "lines"), _blocks(BAD / "pass.txt"))
def test_unusual_yaml_is_read(comment: str, lines: tuple[str, ...]) -> None:
    report = yaml.parse("r.yaml", lines)
    assert not report.unreadable and report.parse_findings == (), comment


def test_fixture_folder_keeps_the_fixture_layout() -> None:
    # tests/fixtures/README.md: every folder holds pass.txt and fail.txt; these are the YAML ones.
    assert _blocks(BAD / "pass.txt") and _blocks(BAD / "fail.txt")


def test_syntax_error_is_i003_at_the_parsers_line_and_column(lint: Lint) -> None:
    source = "标题: 示例\n正文:\n  - 标题: 一、总体情况\n    段落: [第一段, 第二段\n"
    findings = lint(source, name="r.yaml").findings
    assert [(f.rule, f.pos) for f in findings] == [("I003", Position(5, 1))]
    assert "方括号列表没有闭合" in findings[0].message.zh
    assert "expected ',' or ']'" in findings[0].message.en


def test_duplicate_key_is_i003_at_the_second_key(lint: Lint) -> None:
    source = CLEAN_YAML.replace("\n正文:", "\n标题: 又一个标题\n正文:")
    findings = lint(source, name="r.yaml").findings
    assert [(f.rule, f.pos) for f in findings] == [("I003", _where(source, "标题: 又一个标题"))]
    assert "重复的键「标题」（首次出现在第 2 行）" in findings[0].message.zh


def test_two_documents_are_i003(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "json", str(BAD / "two_documents.yaml")]) == 1
    out = capsys.readouterr().out
    assert '"rule": "I003"' in out and '"line": 4' in out


def test_alias_bomb_is_refused_before_it_expands(capsys: pytest.CaptureFixture[str]) -> None:
    lines = _lines((BAD / "alias_bomb.yaml").read_text(encoding="utf-8"))
    loaded = yaml.load(lines)
    assert loaded.document is None
    (finding,) = loaded.findings
    # Refused at the first alias whose expansion would pass MAX_NODES, a few levels in: nothing is expanded.
    assert (finding.rule, finding.expected) == ("I004", yaml.MAX_NODES)
    assert finding.pos.line <= 6 and "展开别名" in finding.message.zh
    assert main(["check", str(BAD / "alias_bomb.yaml")]) == 1
    assert "I004" in capsys.readouterr().out


def test_too_many_aliases_are_i004() -> None:
    lines = ("a: &x 0", *(f"k{i}: *x" for i in range(yaml.MAX_ALIASES + 1)))
    (finding,) = yaml.load(lines).findings
    assert (finding.rule, finding.pos.line) == ("I004", yaml.MAX_ALIASES + 2)


@pytest.mark.parametrize("style", ["flow", "block"])
def test_deep_nesting_is_i004_not_a_recursion_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], style: str
) -> None:
    if style == "flow":
        source = "正文: " + "[" * 1000 + "]" * 1000 + "\n"
    else:  # 400 levels: 1,000 would pass MAX_CHARS in indentation alone (also I004, but not the depth)
        source = "".join("  " * level + f"k{level}:\n" for level in range(400)) + "  " * 400 + "x\n"
    path = tmp_path / "deep.yaml"
    path.write_text(source, encoding="utf-8")
    assert main(["check", "--format", "json", str(path)]) == 1  # findings, not an internal error (2)
    out = capsys.readouterr().out
    assert '"rule": "I004"' in out and "RecursionError" not in out
    (finding,) = yaml.load(_lines(source)).findings
    assert finding.expected == yaml.MAX_DEPTH


def test_long_line_and_long_value_are_i004() -> None:
    (line,) = yaml.load(("标题: " + "字" * 200_000,)).findings
    assert (line.rule, line.pos, line.actual) == ("I004", Position(1, 1), 200_004)
    block = ("前言:", "  - |", *["    " + "字" * 1000] * 120)  # 120,000 characters over 120 short lines
    (value,) = yaml.load(block).findings
    assert (value.rule, value.pos, value.expected) == ("I004", Position(2, 5), yaml.MAX_SCALAR)
    paragraphs = ("前言:", *[f"  - {'字' * 99}"] * (yaml.MAX_CHARS // 100))  # 500 KB of short paragraphs
    (whole,) = yaml.load(paragraphs).findings
    assert (whole.rule, whole.pos, whole.expected) == ("I004", Position(1, 1), yaml.MAX_CHARS)


def test_front_matter_positions_are_offset(lint: Lint) -> None:
    loaded = yaml.load(("机关: 某局", "年度: [2025"), first_line=2)
    assert [(f.rule, f.pos) for f in loaded.findings] == [("I003", Position(3, 10))]  # lines 2–3 of the file
    good = yaml.load(("机关: 某局", "年度: 2025"), first_line=2)
    assert good.positions[("年度",)] == Position(3, 5)
    metadata = yaml.metadata_of(good.document, good.nodes)
    assert metadata is not None and metadata.agency is not None and metadata.agency.pos == Position(2, 5)


def test_unreadable_yaml_report_has_only_the_parse_finding() -> None:
    report = _parse("标题: [\n")
    assert report.unreadable and report.data is None and report.sections == ()
    assert [f.rule for f in report.parse_findings] == ["I003"]


# --- never a crash ------------------------------------------------------------------------------------------------

_YAML_PIECES = st.sampled_from(
    [
        *("标题", "正文", "表三", "行", "段落", ":", ": ", "- ", "\n", "  ", "[", "]", "{", "}", ",", "&a ", "*a"),
        *(
            "'",
            '"',
            "0",
            "12",
            "/",
            "#",
            "---\n",
            "|\n",
            "? ",
            "!!int ",
            "一、总体情况",
            "\t",
            "~",
            "5.属于三类内部事务信息",
        ),
    ]
)


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_YAML_PIECES, max_size=60).map("".join))
def test_random_yaml_never_crashes(source: str) -> None:
    report = yaml.parse("r.yaml", tuple(source.split("\n")))
    if not report.unreadable:
        from checks.rules import catalog

        for r in catalog().values():
            if r.check is not None:
                list(r.check(report))


def test_the_clean_yaml_cut_short_anywhere_never_crashes(lint: Lint) -> None:
    lines = CLEAN_YAML.split("\n")
    for index in range(0, len(lines), 7):
        cut = [*lines[:index], lines[index][: len(lines[index]) // 2], *lines[index + 1 :]]
        result = lint("\n".join(cut), name="r.yaml")
        assert result.crash is None, (index, result.crash)


# --- libyaml and ruamel read alike -------------------------------------------------------------------------------
# Where ruamel.yaml.clib is installed, libyaml's parser reads a document first and ruamel's pure-Python parser only
# what libyaml does not read cleanly (checks/sources/yaml.py). Whichever is installed, a document must give the same
# data, the same place for every node and the same findings.

needs_libyaml = pytest.mark.skipif(yaml.LIBYAML is None, reason="ruamel.yaml.clib is not installed")


@contextmanager
def _ruamel_only() -> Iterator[None]:
    """As where ruamel.yaml.clib is not installed."""
    saved, yaml.LIBYAML = yaml.LIBYAML, None
    try:
        yield
    finally:
        yaml.LIBYAML = saved


def _read_both(lines: tuple[str, ...], first_line: int = 1) -> yaml.Loaded:
    """The document as read with libyaml first, after asserting that ruamel alone reads it alike."""
    fast = yaml.load(lines, first_line)
    with _ruamel_only():
        pure = yaml.load(lines, first_line)
    assert pure.parser == "ruamel"
    # repr: a NaN read from ".nan" is not equal to itself.
    assert repr(fast.document) == repr(pure.document)
    assert fast.nodes == pure.nodes
    assert fast.findings == pure.findings
    return fast


def _yaml_fixtures() -> list[tuple[str, tuple[str, ...]]]:
    """Every YAML document the tests keep: the files, the blocks of bad/pass.txt and bad/fail.txt."""
    files = sorted(Path(__file__).parent.joinpath("fixtures").rglob("*.y*ml"))
    found = [(str(path.relative_to(Path(__file__).parent)), _lines(path.read_text(encoding="utf-8"))) for path in files]
    for name in ("pass.txt", "fail.txt"):
        found += [(f"bad/{name} {comment}", lines) for comment, lines in _blocks(BAD / name)]
    return found


YAML_FIXTURES = _yaml_fixtures()


@needs_libyaml
@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_libyaml_reads_a_report_as_ruamel_does(path: Path) -> None:
    loaded = _read_both(_lines(to_yaml(_text_report(path))))
    assert loaded.parser == "libyaml" and loaded.findings == ()  # the fast path is the one taken


@needs_libyaml
@pytest.mark.parametrize(("name", "lines"), YAML_FIXTURES, ids=[name for name, _ in YAML_FIXTURES])
def test_libyaml_reads_every_yaml_fixture_as_ruamel_does(name: str, lines: tuple[str, ...]) -> None:
    _read_both(lines)
    _read_both(lines, first_line=2)  # as front matter


@needs_libyaml
def test_fixtures_take_both_paths() -> None:
    parsers = Counter(yaml.load(lines).parser for _, lines in YAML_FIXTURES)
    assert parsers["libyaml"] >= 5 and parsers["ruamel"] >= 5, parsers


@needs_libyaml
@pytest.mark.parametrize(
    ("source", "parser"),
    [
        ("a: 1\nb: [x, y]\n", "libyaml"),
        ("%YAML 1.1\n---\n[yes, on, 0x1F, 010]\n", "libyaml"),  # typed by the document's YAML version
        ("a: 1\t\n", "ruamel"),  # a tab: libyaml reads it, ruamel stops (I003)
        ("a: x\x85y\n", "ruamel"),  # NEL ends a line for libyaml only (YAML 1.1)
        ("a: x\u2028y\n", "ruamel"),
        ("---\n# only a comment\n", "ruamel"),  # an empty document: placed apart by the two
        ("- \n- x\n", "ruamel"),  # an empty list item
        ("!!str &a x: 1\n", "ruamel"),  # placed at its tag by libyaml, at its anchor by ruamel
        ("a: !!map &m {b: 1}\n", "ruamel"),
        ("&a !!str x: 1\n", "ruamel"),  # alike here, but an event does not say which came first
        ("a:\nb: 2\n", "libyaml"),  # an empty value is placed at its key
        ("a: 1\na: 2\n", "ruamel"),  # any finding is ruamel's
        ("a: [1, 2\n", "ruamel"),
        ("a: *b\n", "ruamel"),
        ("a: 1\n---\nb: 2\n", "ruamel"),
    ],
)
def test_where_the_parsers_differ_ruamel_reads(source: str, parser: str) -> None:
    lines = tuple(source.split("\n"))
    assert _read_both(lines).parser == parser


@needs_libyaml
def test_the_bad_input_corpus_gives_the_same_findings_with_either_parser(tmp_path: Path) -> None:
    rules = list(catalog().values())
    files = [path for path in sorted(BAD.iterdir()) if path.name != "README.md"]
    assert len(files) >= 15
    for path in files:
        fast = lint_file(path, rules)
        with _ruamel_only():
            pure = lint_file(path, rules)
        assert fast.crash is None and pure.crash is None
        assert fast.findings == pure.findings, path.name


_YAML_SOURCES = {name: source for (name, fmt), source in SOURCES.items() if fmt == "yaml"}


@needs_libyaml
@budget(3.0)
@given(st.sampled_from(sorted(_YAML_SOURCES)), st.lists(_EDIT, min_size=1, max_size=8))
def test_edited_examples_are_read_alike(name: str, edits: list[tuple[str, int, int, str]]) -> None:
    _read_both(tuple(mutate(_YAML_SOURCES[name], edits).split("\n")))


@needs_libyaml
@budget(3.0)
@given(st.one_of(st.lists(_YAML_PIECES, max_size=60).map("".join), st.text(alphabet=_CHARS, max_size=200)))
def test_random_yaml_is_read_alike(source: str) -> None:
    _read_both(tuple(source.split("\n")))


# --- the reader's short cuts give what the long way gives ----------------------------------------------------


@pytest.mark.parametrize("written", ["0", "15", "007", "1234567890123"])
def test_a_count_in_a_cell_is_what_to_cell_makes_of_its_text(written: str) -> None:
    source = f"表二:\n  行:\n    - 规章: [{written}, 1, 2]\n"
    loaded = yaml.load(_lines(source))
    path = ("表二", "行", 0, "规章", 0)
    builder = yaml._Builder("r.yaml", _lines(source), loaded)
    assert builder.cell(path, int(written)) == to_cell(RawCell(written, loaded.nodes[path].pos))


# --- comments are the parse's (checks/yamlload.py) --------------------------------------------------------------

_COMMENTED = (
    "# yaml-language-server: $schema=report.schema.json",
    "# zfxxgk-lint: disable-file=R009",
    "正文:",
    "  - 标题: 六、其他需要报告的事项",
    "    段落:",
    "      - |",
    "        无。",
    "        # zfxxgk-lint: disable-file=A",
    "      - '无。",
    "        # zfxxgk-lint: disable-file=T'",
    "    # 注：以上为第六部分",
    "前言: [a,",
    "  # in a flow list",
    "  b]  # after a value",
    "# the end",
)


def test_comments_are_the_lines_of_their_own_the_parser_skips() -> None:
    from checks.yamlload import load as load_yaml

    for libyaml in (True, False):
        loaded = load_yaml(_COMMENTED, first_line=3, libyaml=libyaml)
        assert loaded.findings == ()
        assert [(c.text, c.pos) for c in loaded.comments] == [
            ("yaml-language-server: $schema=report.schema.json", Position(3, 1)),
            ("zfxxgk-lint: disable-file=R009", Position(4, 1)),
            ("注：以上为第六部分", Position(13, 5)),
            ("in a flow list", Position(15, 3)),
            ("the end", Position(17, 1)),
        ], libyaml
        # The block scalar's and the quoted string's "#" lines are their text.
        paragraphs = loaded.document["正文"][0]["段落"]
        assert paragraphs == ["无。\n# zfxxgk-lint: disable-file=A\n", "无。 # zfxxgk-lint: disable-file=T"]


def test_the_comments_before_a_syntax_error_are_kept_and_none_after() -> None:
    lines = ("# before", "a: [1,", "# inside the unclosed list", "b: 'open", "# in the open string")
    loaded = yaml.load(lines)
    assert [f.rule for f in loaded.findings] == ["I003"] and loaded.document is None
    assert [c.text for c in loaded.comments][:1] == ["before"]
    assert "in the open string" not in [c.text for c in loaded.comments]
    too_long = yaml.load(("# a comment", "a: " + "x" * (yaml.MAX_SCALAR + 1)))
    assert [f.rule for f in too_long.findings] == ["I004"] and too_long.comments == ()


def _same_comments(lines: tuple[str, ...]) -> None:
    from checks.yamlload import load as load_yaml

    fast, pure = load_yaml(lines), load_yaml(lines, libyaml=False)
    assert pure.parser == "ruamel"
    assert fast.comments == pure.comments, (fast.parser, lines)


@needs_libyaml
@pytest.mark.parametrize(("name", "lines"), YAML_FIXTURES, ids=[name for name, _ in YAML_FIXTURES])
def test_libyaml_and_ruamel_find_the_same_comments_in_every_fixture(name: str, lines: tuple[str, ...]) -> None:
    _same_comments(lines)


@needs_libyaml
@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_libyaml_and_ruamel_find_the_same_comments_in_a_report(path: Path) -> None:
    source = to_yaml(_text_report(path))
    # Comment lines of every kind between the report's lines, and "#" lines in block scalars and quoted strings.
    lines = [*source.rstrip("\n").split("\n"), "  # zfxxgk-lint: disable-file=R", "前言注: |", "  a"]
    lines += ["  # not a comment", "# one", "引: 'x", "  # no'", "# two"]
    _same_comments(tuple(lines))
    assert yaml.load(tuple(lines)).parser == "libyaml"  # the fast path, whose comments are found another way
    assert [c.text for c in yaml.load(tuple(lines)).comments][-3:] == ["zfxxgk-lint: disable-file=R", "one", "two"]


_COMMENT_PIECES = st.sampled_from(["# c\n", "  # c\n", "|\n", "|-\n", ">\n", "  x\n", "    # y\n", "'\n", '"\n'])


@needs_libyaml
@budget(3.0)
@given(st.lists(st.one_of(_YAML_PIECES, _COMMENT_PIECES), max_size=60).map("".join))
def test_random_yaml_has_the_same_comments_by_either_parser(source: str) -> None:
    _same_comments(tuple(source.split("\n")))


def test_the_markdown_front_matter_takes_the_loaders_comments() -> None:
    from checks.sources import markdown

    lines = ("---", "机关: |", "  示例县", "  # zfxxgk-lint: disable-file=R", "# a comment", "---", "正文")
    report = markdown.parse("r.md", lines)
    assert [(c.text, c.pos) for c in report.comments] == [("a comment", Position(5, 1))]


# --- the report by its specification ----------------------------------------------------------------------------


def test_the_report_carries_its_specification_comments_and_end() -> None:
    from checks.specs import default, get

    lines = _lines(CLEAN_YAML)
    report = yaml.parse("r.yaml", lines)
    assert report.spec == default() and report.comments[0].text.startswith("yaml-language-server")
    last = max(number for number, line in enumerate(lines, start=1) if line.strip())
    assert report.end.line == last and lines[last - 1][report.end.column - 1 :].strip()
    shandong = get("shandong-2021")
    assert shandong is not None and yaml.parse("r.yaml", lines, shandong).spec == shandong
    four = report.tables["t4"]
    assert [row.key for row in four.rows] == [default().rows["t4"][0].key] and four.rows[0].label is None
    assert four.end.line == four.rows[-1].pos.line


def test_rows_are_identified_by_the_reports_specification() -> None:
    from checks.specs import get

    old = get("national-2019")
    assert old is not None
    source = "表三:\n  行:\n    - （六）其他处理: [0, 0, 0, 0, 0, 0, 0]\n"
    by_2021 = yaml.parse("r.yaml", _lines(source))
    by_2019 = yaml.parse("r.yaml", _lines(source), old)
    assert [row.key for row in by_2019.tables["t3"].rows] == ["other"]
    assert "other" not in [row.key for row in by_2021.tables["t3"].rows]


def test_an_unreadable_document_keeps_its_comments_and_specification() -> None:
    from checks.specs import get

    old = get("national-2019")
    assert old is not None
    report = yaml.parse("r.yaml", ("# zfxxgk-lint: disable-file=I003", "标题: [未闭合"), old)
    assert report.unreadable and report.spec == old
    assert [c.text for c in report.comments] == ["zfxxgk-lint: disable-file=I003"]

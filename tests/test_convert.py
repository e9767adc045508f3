"""`zfxxgk-lint convert`: a report written back in another format keeps what the model holds, so its findings
are the ones of its source; the tables are written on the official grid with the labels as the report wrote them.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from checks.cli import main
from checks.engine import lint_file
from checks.findings import Finding
from checks.model import Report
from checks.reading import read
from checks.rules import selected
from checks.sources import parser_for
from checks.specs import national_2021 as nf
from checks.writers.grid import layout
from checks.writers.yaml import modeline
from tests.conftest import CLEAN_TEXT, CORPUS, EXAMPLES, SEED, to_pipe_layout

FAULTY_TEXT = (EXAMPLES / "faulty.txt").read_text(encoding="utf-8")
ALL_RULES = selected(None, None)


def _convert(source: Path, to: str, out: Path) -> str:
    assert main(["convert", str(source), "--to", to, "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def _findings(path: Path, lines: bool) -> list[tuple[object, ...]]:
    """What a finding says, and where when ``lines``: (rule, table, row, col, expected, actual[, line, column])."""
    result = lint_file(path, ALL_RULES)
    assert result.crash is None, result.crash

    def key(f: Finding) -> tuple[object, ...]:
        where = (f.pos.line, f.pos.column) if lines else ()
        return (f.rule, f.table or "", f.row or "", f.col or "", repr(f.expected), repr(f.actual), *where)

    return sorted(map(key, result.findings))


def _model(path: Path) -> Report:
    decoded = read(path)
    parser = parser_for(path.suffix)
    assert decoded.lines is not None and parser is not None
    return parser(str(path), decoded.lines)


@pytest.mark.parametrize("name", ["clean.txt", "faulty.txt"])
def test_txt_to_txt_gives_back_the_example_byte_for_byte(tmp_path: Path, name: str) -> None:
    source = EXAMPLES / name
    assert _convert(source, "txt", tmp_path / name) == source.read_text(encoding="utf-8")
    assert _findings(tmp_path / name, lines=True) == _findings(source, lines=True)


def test_convert_writes_to_stdout_without_linting(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(EXAMPLES / "faulty.txt"), "--to", "txt"]) == 0  # faulty: still exit 0
    assert capsys.readouterr().out == FAULTY_TEXT


def _swap_lines(a: str, b: str) -> Callable[[str], str]:
    def swap(text: str) -> str:
        lines = text.split("\n")
        i = next(n for n, line in enumerate(lines) if line.startswith(a))
        j = next(n for n, line in enumerate(lines) if line.startswith(b))
        lines[i], lines[j] = lines[j], lines[i]
        return "\n".join(lines)

    return swap


_NEW = "一、本年新收政府信息公开申请数量\t\t\t12\t2\t0\t0\t1\t0\t15"
_TOTAL = "\t（七）总计\t\t12\t1\t0\t0\t1\t0\t14"
MUTATIONS: dict[str, Callable[[str], str]] = {
    "t2-rows-swapped": _swap_lines("行政处罚\t", "行政强制\t"),
    "t3-rows-swapped": _swap_lines("二、上年结转", "四、结转下年度"),
    "t3-row-with-6-cells": lambda t: t.replace(_NEW, _NEW.rsplit("\t", 2)[0] + "\t15"),
    "t3-row-with-8-cells": lambda t: t.replace(_NEW, _NEW + "\t3"),
    "altered-header-label": lambda t: t.replace("\t商业企业\t", "\t商业单位\t"),
    "altered-row-label": lambda t: t.replace("5.属于三类内部事务信息", "5.属于三类内容事务信息"),
    "missing-header-label": lambda t: t.replace("\t自然人\t", "\t\t"),
    "missing-note": lambda t: t.replace(nf.T3_NOTE, ""),
    "unit-missing": lambda t: t.replace("本年收费金额（单位：万元）", "本年收费金额"),
    "slash-cell": lambda t: t.replace(_TOTAL, _TOTAL.replace("\t12\t", "\t/\t")),
    "blank-cell": lambda t: t.replace(_TOTAL, _TOTAL.replace("\t1\t0\t14", "\t\t0\t14")),
    "group-first-row-missing": lambda t: t.replace("\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n", ""),
    "unknown-row": lambda t: t.replace(_TOTAL, "\t\t（八）其他说明\t1\t1\t1\t1\t1\t1\t6\n" + _TOTAL),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_mutated_reports_survive_txt_to_txt_unchanged(tmp_path: Path, name: str) -> None:
    text = MUTATIONS[name](CLEAN_TEXT)
    assert text != CLEAN_TEXT
    source = tmp_path / "report.txt"
    source.write_text(text, encoding="utf-8")
    before = _findings(source, lines=True)
    assert before, "the mutation should be found"
    assert _convert(source, "txt", tmp_path / "out.txt") == text
    assert _findings(tmp_path / "out.txt", lines=True) == before


@pytest.mark.parametrize("rows", [("行政许可\t", "行政强制\t"), ("规章\t", "行政事业性收费\t")])
def test_a_row_moved_to_another_block_stays_out_of_order(tmp_path: Path, rows: tuple[str, str]) -> None:
    # The block headers go before the first row the official layout puts after them, so the layout around the
    # moved row changes, but the rows keep the order the report wrote them in: T002 still finds it.
    text = _swap_lines(*rows)(CLEAN_TEXT)
    source = tmp_path / "report.txt"
    source.write_text(text, encoding="utf-8")
    _convert(source, "txt", tmp_path / "out.txt")
    before = _findings(source, lines=False)
    assert "T002" in {f[0] for f in before}
    assert _findings(tmp_path / "out.txt", lines=False) == before
    order = [r.key for r in _model(tmp_path / "out.txt").tables["t2"].rows]
    assert order == [r.key for r in _model(source).tables["t2"].rows]


def test_removed_header_cell_is_left_empty_where_the_format_has_it(tmp_path: Path) -> None:
    # 信息内容 occurs four times in 表二: the written ones take the first slots, the missing one stays empty.
    text = CLEAN_TEXT.replace("信息内容\t本年收费金额", "本年收费金额")
    source = tmp_path / "report.txt"
    source.write_text(text, encoding="utf-8")
    out = _convert(source, "txt", tmp_path / "out.txt")
    assert out.count("信息内容\t") == 3 and "\n\t本年收费金额（单位：万元）\t\t\n" in out
    assert _findings(tmp_path / "out.txt", lines=False) == _findings(source, lines=False)


def test_text_the_format_does_not_have_is_kept_inside_the_table(tmp_path: Path) -> None:
    text = CLEAN_TEXT.replace("申请人情况\t\t\t\t\t\t\n", "申请人情况\t\t\t\t\t（单位：件）\t\n")
    source = tmp_path / "report.txt"
    source.write_text(text, encoding="utf-8")
    out = _convert(source, "txt", tmp_path / "out.txt")
    assert "\n（单位：件）\t\t\t\t\t\t\t\t\t\n" in out  # on a line of its own, right after the line it was on
    assert _findings(tmp_path / "out.txt", lines=False) == _findings(source, lines=False)
    t3 = _model(tmp_path / "out.txt").tables["t3"]
    assert [label.text for label in t3.labels] == [label.text for label in _model(source).tables["t3"].labels]


REAL_REPORTS = [SEED, *sorted(CORPUS.glob("*.txt"))]


@pytest.mark.parametrize("source", REAL_REPORTS, ids=lambda p: p.name[:24])
def test_real_reports_keep_their_findings_txt_to_txt(tmp_path: Path, source: Path) -> None:
    if not source.exists():
        pytest.skip(f"{source} is not available")
    out = tmp_path / source.name
    first = _convert(source, "txt", out)
    assert _findings(out, lines=False) == _findings(source, lines=False)
    assert _convert(out, "txt", tmp_path / "again.txt") == first  # a converted report converts to itself


def test_a_row_with_blank_first_cells_is_written_in_pipe_layout(tmp_path: Path) -> None:
    # A tab copy reads empty cells right after a row's labels as merged label cells, so those blanks would be lost.
    text = to_pipe_layout(CLEAN_TEXT).replace(
        "一、本年新收政府信息公开申请数量 | 12 | 2 |", "一、本年新收政府信息公开申请数量 |  |  |"
    )
    source = tmp_path / "report.txt"
    source.write_text(text, encoding="utf-8")
    row = _model(source).tables["t3"].row("new")
    assert row is not None and [c.raw for c in row.cells][:3] == ["", "", "0"]
    out = _convert(source, "txt", tmp_path / "out.txt")
    assert "| 一、本年新收政府信息公开申请数量 |  |  | 0 | 0 | 1 | 0 | 15 |" in out
    assert "第二十条第（一）项\t" in out  # the other tables keep the tab layout
    assert _findings(tmp_path / "out.txt", lines=False) == _findings(source, lines=False)


# --- Markdown ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["clean.txt", "faulty.txt"])
def test_markdown_has_headings_and_full_grid_tables(tmp_path: Path, name: str) -> None:
    out = _convert(EXAMPLES / name, "md", tmp_path / "report.md")
    lines = out.split("\n")
    assert lines[0] == "# 示例县自然资源局2025年政府信息公开工作年度报告"
    assert not out.startswith("---")  # a .txt source has no metadata: no front matter
    headings = [line[3:] for line in lines if line.startswith("## ")]
    assert headings[0] == nf.PARTS[0].heading and len(headings) == 6
    for key, first in (("t2", nf.T2_BLOCKS[0].marker), ("t3", "申请人情况"), ("t4", nf.T4_REVIEW)):
        width = layout(key).width
        start = next(i for i, line in enumerate(lines) if line.startswith("| ") and first in line)
        assert lines[start + 1] == "|" + " --- |" * width
        table = lines[start : lines.index("", start)]
        assert all(line.count("|") == width + 1 for line in table)
    assert "| 三、本年度办理结果 | （一）予以公开 | | " in out  # an empty cell is "| |" (markdownlint's MD060)


def test_markdown_writes_front_matter_only_for_metadata_and_escapes_pipes(tmp_path: Path) -> None:
    text = CLEAN_TEXT.replace("\t商业企业\t", "\t商业|企业\t")
    source = tmp_path / "report.txt"
    source.write_text(text, encoding="utf-8")
    from checks.model import Metadata, Position, Text
    from checks.writers import writer_for

    model = _model(source)
    assert "商业\\|企业" in writer_for("md")(model)
    meta = Metadata(agency=Text("示例县自然资源局", Position(2, 5)), year=Text("2025", Position(3, 5)))
    out = writer_for("md")(model._replace(metadata=meta))
    assert out.startswith("---\n机关: 示例县自然资源局\n年度: 2025\n---\n\n# ")


def test_markdown_reads_an_escaped_pipe_as_part_of_its_cell(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text(CLEAN_TEXT.replace("\t商业企业\t", "\t商业|企业\t"), encoding="utf-8")
    out = _convert(source, "md", tmp_path / "report.md")
    assert "| 商业\\|企业 |" in out
    [line] = [line for line in out.splitlines() if "企业" in line]
    [label] = [label for label in _model(tmp_path / "report.md").tables["t3"].labels if "企业" in label.text]
    assert (label.text, label.pos.column) == ("商业|企业", line.index("商业") + 1)
    assert _findings(tmp_path / "report.md", lines=False) == _findings(source, lines=False)


@pytest.mark.parametrize("name", ["clean.txt", "faulty.txt"])
def test_markdown_lints_like_its_source(tmp_path: Path, name: str) -> None:
    _convert(EXAMPLES / name, "md", tmp_path / "report.md")
    assert _findings(tmp_path / "report.md", lines=False) == _findings(EXAMPLES / name, lines=False)


# --- YAML ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["clean.txt", "faulty.txt"])
def test_yaml_is_the_data_form_with_schema_line_comments_and_flow_cells(tmp_path: Path, name: str) -> None:
    out = _convert(EXAMPLES / name, "yaml", tmp_path / "report.yaml")
    lines = out.split("\n")
    assert lines[0] == modeline()
    loaded = YAML(typ="safe", pure=True).load(io.StringIO(out))
    assert loaded == _model(EXAMPLES / name).to_data()
    assert "  # 列：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计\n  行:\n" in out
    assert "  # 列（规章、行政规范性文件）：本年制发件数、本年废止件数、现行有效件数\n" in out
    assert "    - 一、本年新收政府信息公开申请数量: [12, 2, 0, 0, 1, 0, 15]\n" in out
    assert "    - 数据: [1, 0, 0, 0, " in out
    assert "\n  - 标题: 一、总体情况\n    段落:\n      - （一）主动公开\n" in out


def test_yaml_quotes_what_yaml_would_read_as_something_else(tmp_path: Path) -> None:
    text = CLEAN_TEXT.replace(_TOTAL, "\t（七）总计\t\t/\t1\t0\t0\t\t0\t14").replace("行政强制\t0", "行政强制\t12件")
    text = text.replace("申请人情况\t\t\t\t\t\t\n", "申请人情况\t\t\t\t\t[注]\t\n")
    text = text.replace("（二）改进措施\n", "（二）改进措施\n\n2025\n\n- 一是：丰富形式\n")
    source = tmp_path / "report.txt"
    source.write_text(text, encoding="utf-8")
    out = _convert(source, "yaml", tmp_path / "report.yaml")
    loaded = YAML(typ="safe", pure=True).load(io.StringIO(out))
    assert loaded == _model(source).to_data()
    for quoted in ("'[注]'", "'2025'", "'- 一是：丰富形式'", "行政强制: [12件]"):
        assert quoted in out
    assert "（七）总计: [/, 1, 0, 0, null, 0, 14]" in out  # "/" stays text; a blank cell is null, read back blank


def test_yaml_reads_back_with_the_same_findings(tmp_path: Path) -> None:
    if not Path(__file__).parent.parent.joinpath("checks", "sources", "yaml.py").exists():
        pytest.skip("checks/sources/yaml.py (the .yaml reader) does not exist yet")
    for name in ("clean.txt", "faulty.txt"):
        _convert(EXAMPLES / name, "yaml", tmp_path / f"{name}.yaml")
        got = [f for f in _findings(tmp_path / f"{name}.yaml", lines=False) if f[0] != "S001"]
        assert got == _findings(EXAMPLES / name, lines=False)  # S001: a "/" cell is also a schema violation


@pytest.mark.parametrize("source", [EXAMPLES / "faulty.txt", *REAL_REPORTS], ids=lambda p: p.name[:24])
def test_yaml_back_to_txt_is_what_txt_to_txt_gives(tmp_path: Path, source: Path) -> None:
    # A YAML source has no layout: the tables go under their parts after the paragraphs, on the official grid.
    if not source.exists():
        pytest.skip(f"{source} is not available")
    if not Path(__file__).parent.parent.joinpath("checks", "sources", "yaml.py").exists():
        pytest.skip("checks/sources/yaml.py (the .yaml reader) does not exist yet")
    _convert(source, "yaml", tmp_path / "report.yaml")
    assert _convert(tmp_path / "report.yaml", "txt", tmp_path / "a.txt") == _convert(source, "txt", tmp_path / "b.txt")


def test_grid_holds_every_official_label() -> None:
    for key in ("t2", "t3", "t4"):
        assert set(layout(key).header_labels()) == set(nf.HEADER_LABELS[key])
        assert [line.row for line in layout(key).lines if line.row] == [spec.key for spec in nf.ROWS[key]]
    assert layout("t2").header_labels().count(nf.T2_HEADER) == len(nf.T2_BLOCKS)
    assert layout("t4").header_labels().count(nf.T4_OUTCOMES[0].label) == len(nf.T4_GROUPS)
    assert (layout("t2").width, layout("t3").width, layout("t4").width) == (4, 10, 15)  # as in examples/clean.txt


# --- Refusals ------------------------------------------------------------------------------------------------------


def test_convert_refuses_to_overwrite_its_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "report.txt"
    source.write_text(CLEAN_TEXT, encoding="utf-8")
    assert main(["convert", str(source), "--to", "txt", "-o", str(tmp_path / "." / "report.txt")]) == 2
    assert "不会覆盖源文件" in capsys.readouterr().err
    assert source.read_text(encoding="utf-8") == CLEAN_TEXT
    assert main(["convert", str(source), "--to", "md", "-o", str(source), "--lang", "en"]) == 2
    assert "will not overwrite" in capsys.readouterr().err


def test_cli_offers_the_formats_there_are_writers_for() -> None:
    from checks.cli import WRITE_FORMATS
    from checks.writers import FORMATS

    assert WRITE_FORMATS == FORMATS


def test_convert_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(EXAMPLES / "clean.txt"), "--to", "docx"]) == 2
    assert main(["convert", str(tmp_path / "missing.txt"), "--to", "md"]) == 2
    assert "找不到文件" in capsys.readouterr().err
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["convert", str(empty), "--to", "md", "--lang", "en"]) == 2
    assert "file is empty" in capsys.readouterr().err
    other = tmp_path / "report.xlsx"
    other.write_bytes(b"PK")
    assert main(["convert", str(other), "--to", "md"]) == 2
    assert "不支持「.xlsx」格式的文件" in capsys.readouterr().err
    damaged = tmp_path / "report.docx"
    damaged.write_bytes(b"PK")
    assert main(["convert", str(damaged), "--to", "md"]) == 2
    assert "不是可以读取的 Word 文档" in capsys.readouterr().err


def test_convert_makes_the_output_folders_and_refuses_a_suffix_of_another_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "reports" / "2025" / "report.md"
    assert main(["convert", str(EXAMPLES / "clean.txt"), "--to", "md", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# 示例县自然资源局2025年")
    capsys.readouterr()
    for name, target in (("out.md", "yaml"), ("out.yaml", "txt"), ("out.text", "txt")):
        assert main(["convert", str(EXAMPLES / "clean.txt"), "--to", target, "-o", str(tmp_path / name)]) == 2
        assert "后缀" in capsys.readouterr().err and not (tmp_path / name).exists()


def test_a_yaml_report_gets_its_schema_beside_it_and_a_relative_modeline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from checks.resources import schema_text

    (tmp_path / ".git").mkdir()
    first = tmp_path / "reports" / "2025.yaml"
    assert main(["convert", str(EXAMPLES / "clean.txt"), "--to", "yaml", "-o", str(first)]) == 0
    schema = tmp_path / "reports" / "report.schema.json"
    assert schema.read_text(encoding="utf-8") == schema_text("report.schema.json")
    assert f"已写入 {schema}" in capsys.readouterr().err
    assert first.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=report.schema.json\n")
    # A report in a folder below uses the same copy, by a relative path; nothing more is written.
    deeper = tmp_path / "reports" / "2026" / "b.yaml"
    assert main(["convert", str(EXAMPLES / "clean.txt"), "--to", "yaml", "-o", str(deeper)]) == 0
    assert deeper.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../report.schema.json\n")
    assert "已写入" not in capsys.readouterr().err and not (deeper.parent / "report.schema.json").exists()
    # `schema` refreshes a copy (after an upgrade) and writes to a folder or stdout.
    schema.write_text("{}", encoding="utf-8")
    assert main(["schema", "-o", str(tmp_path / "reports")]) == 0
    assert schema.read_text(encoding="utf-8") == schema_text("report.schema.json")
    capsys.readouterr()
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"]


MARKDOWNLINT = shutil.which("markdownlint-cli2")


@pytest.mark.skipif(
    MARKDOWNLINT is None, reason="markdownlint-cli2 is not installed (npm install -g markdownlint-cli2)"
)
def test_generated_markdown_passes_markdownlint(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    for name in ("clean.txt", "faulty.txt"):
        assert (
            main(["convert", str(EXAMPLES / name), "--to", "md", "-o", str(reports / name.replace(".txt", ".md"))]) == 0
        )
    assert main(["init", "--agency", "示例县自然资源局", "--year", "2027", "-o", str(reports / "2027.md")]) == 0
    assert (reports / ".markdownlint.yaml").is_file()  # MD013 off, and why
    assert MARKDOWNLINT is not None
    done = subprocess.run(
        [MARKDOWNLINT, "reports/*.md"], cwd=tmp_path, capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # Without the settings file, only the line length (MD013) is what markdownlint's defaults object to.
    (reports / ".markdownlint.yaml").unlink()
    done = subprocess.run(
        [MARKDOWNLINT, "reports/*.md"], cwd=tmp_path, capture_output=True, text=True, check=False, timeout=120
    )
    rules = set(re.findall(r" (MD\d{3})/", done.stdout + done.stderr))
    assert rules == {"MD013"}, done.stdout + done.stderr

"""The plain-text parser on the seed, the corpus and the bundled example, in every table layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.model import Position, Text
from checks.reading import decode
from checks.sources.text import parse, split_cells
from checks.specs import national_2021 as nf
from tests.conftest import CLEAN_TEXT, CORPUS, SEED, line_of, to_pipe_layout


def _parse(text: str):  # type: ignore[no-untyped-def]
    decoded = decode(text.encode("utf-8"))
    assert decoded.lines is not None
    return parse("r.txt", decoded.lines)


def test_seed_has_all_six_parts_and_three_tables() -> None:
    report = _parse(SEED.read_text(encoding="utf-8"))
    assert [s.part for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.agency == "焦虎镇" and report.year == 2025
    assert set(report.tables) == {"t2", "t3", "t4"}
    assert [r.key for r in report.tables["t3"].rows] == [spec.key for spec in nf.T3_ROWS]
    counts = {len(r.cells) for r in report.tables["t3"].rows}
    assert counts == {5, 6}  # the seed lost a merged cell in every row
    assert len(report.tables["t4"].rows[0].cells) == 15


@pytest.mark.parametrize("layout", ["tabs", "pipes"])
def test_clean_example_reads_every_cell_in_both_layouts(layout: str) -> None:
    text = CLEAN_TEXT if layout == "tabs" else to_pipe_layout(CLEAN_TEXT)
    report = _parse(text)
    t3 = report.tables["t3"]
    assert [len(r.cells) for r in t3.rows] == [7] * 25
    new = t3.row("new")
    assert new is not None and [c.value for c in new.cells] == [12, 2, 0, 0, 1, 0, 15]
    assert [len(r.cells) for r in report.tables["t2"].rows] == [3, 3, 1, 1, 1, 1]
    assert [c.value for c in report.tables["t4"].rows[0].cells][:5] == [1, 0, 0, 0, 1]


def test_positions_point_at_the_cell() -> None:
    report = _parse(CLEAN_TEXT)
    row = report.tables["t3"].row("carried_forward")
    assert row is not None and row.label is not None
    line = line_of(CLEAN_TEXT, "四、结转下年度继续办理\t")
    assert row.label.pos.line == line and row.label.pos.column == 1
    source = CLEAN_TEXT.split("\n")[line - 1]
    total = row.cells[-1]
    assert total.pos.line == line
    assert source[total.pos.column - 1 :].startswith(total.raw)


def test_split_cells_records_columns_for_tabs_and_pipes() -> None:
    assert [(c.text, c.pos.column) for c in split_cells("a\t\tbc\t1", 3)] == [("a", 1), ("", 3), ("bc", 4), ("1", 7)]
    assert [(c.text, c.pos.column) for c in split_cells("| 规章 | 0 |", 1)] == [("规章", 3), ("0", 8)]
    assert [(c.text, c.pos.column) for c in split_cells("规章 |", 1)] == [("规章", 1)]
    assert [c.text for c in split_cells("|", 1)] == [""]


def test_split_cells_makes_the_models_records_whole() -> None:
    # The reader makes its cells without their classes' constructors (speed): they must be the same records.
    cells = split_cells(" a\t\tb ", 2)
    assert cells == [Text("a", Position(2, 2)), Text("", Position(2, 4)), Text("b", Position(2, 5))]
    assert all(type(c) is Text and type(c.pos) is Position and c.pos.place is None and c.runs == () for c in cells)


def test_cells_keep_raw_text_and_tell_why_they_have_no_value() -> None:
    text = CLEAN_TEXT.replace("行政许可\t36", "行政许可\t36件").replace("行政处罚\t12", "行政处罚\t—")
    report = _parse(text.replace("行政强制\t0", "行政强制\t０"))
    rows = {r.key: r.cells[0] for r in report.tables["t2"].rows}
    assert (rows["licensing"].raw, rows["licensing"].value, rows["licensing"].problem) == ("36件", None, "not_a_number")
    assert (rows["penalty"].value, rows["penalty"].problem) == (None, "placeholder")
    assert (rows["enforcement"].raw, rows["enforcement"].value) == ("０", 0)  # full-width digits are numbers


def test_headings_with_spaces_and_half_width_punctuation_are_found() -> None:
    text = CLEAN_TEXT.replace("一、总体情况", "一 、 总体情况：").replace("三、收到和处理", "三.收到和处理")
    assert [s.part for s in _parse(text).sections] == [1, 2, 3, 4, 5, 6]


def test_table_row_labels_are_not_taken_for_headings() -> None:
    report = _parse(CLEAN_TEXT)
    heading_lines = [s.heading.pos.line for s in report.sections]
    assert line_of(CLEAN_TEXT, "四、结转下年度继续办理") not in heading_lines
    assert line_of(CLEAN_TEXT, "二、上年结转政府信息公开申请数量") not in heading_lines


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name[:2])
def test_corpus_reports_parse(path: Path) -> None:
    decoded = decode(path.read_bytes())
    assert decoded.lines is not None
    report = parse(str(path), decoded.lines)
    assert report.sections or path.name.startswith("20")  # 20 is a fragment with no part headings


def test_one_cell_per_line_copy_is_read_by_labels() -> None:
    path = CORPUS / "15-xixian-taipingzhen-2022-cites-2019-notice.txt"
    decoded = decode(path.read_bytes())
    assert decoded.lines is not None
    report = parse(str(path), decoded.lines)
    t3 = report.tables["t3"]
    assert [r.key for r in t3.rows][:5] == ["new", "carried_over", "disclosed", "partly_disclosed", "withheld_1"]
    assert all(len(r.cells) == 7 for r in t3.rows)
    assert [len(r.cells) for r in report.tables["t2"].rows] == [3, 3, 1, 1, 1, 1]

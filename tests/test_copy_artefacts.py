"""What a copy of a report adds, read through (reference §6.6): Markdown pasted into a .txt, a PDF's page footers
between table rows, ``|`` separator lines between cells copied one per line, a label cut by a page break, a
title split over two lines or wrapped by a crawler. The clean example copied each way gives no finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.engine import lint_file
from checks.findings import Severity
from checks.rules import selected
from tests.conftest import CLEAN_TEXT, Lint, to_pipe_layout
from tests.variants import WRITERS

TITLE = CLEAN_TEXT.split("\n", 1)[0]
T3_FIRST = "一、本年新收政府信息公开申请数量"


def one_cell_per_line(text: str, separator: str | None = None, end: str = "") -> str:
    """The layout of an HTML table copied cell by cell: each non-empty cell on a line of its own (merged cells
    vanish); ``separator`` lines between cells, or ``end`` after each cell."""
    out: list[str] = []
    for line in text.split("\n"):
        if "\t" not in line:
            out.append(line)
            continue
        for cell in (c for c in line.split("\t") if c):
            out.append(cell + end)
            if separator is not None:
                out.append(separator)
    return "\n".join(out)


def test_markdown_pasted_into_a_txt(tmp_path: Path) -> None:
    WRITERS["md"](CLEAN_TEXT, tmp_path / "source.md")
    pasted = tmp_path / "示例县自然资源局2025.txt"
    pasted.write_text((tmp_path / "source.md").read_text(encoding="utf-8").replace("## ", "### "), encoding="utf-8")
    assert lint_file(pasted, selected(None, None)).findings == ()


@pytest.mark.parametrize("footer", ["- 3 -", "— 12 —", "第 3 页", "第3页 共10页", "3/10"])
def test_page_footers_between_table_rows(lint: Lint, footer: str) -> None:
    lines = CLEAN_TEXT.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(T3_FIRST))
    for at in (start + 12, start + 6, start + 1, 12):
        lines.insert(at, footer)
    assert lint("\n".join(lines)).findings == ()


@pytest.mark.parametrize("separator", ["|", "||"])
def test_separator_lines_between_cells_copied_one_per_line(lint: Lint, separator: str) -> None:
    assert lint(one_cell_per_line(CLEAN_TEXT)).findings == ()  # the layout itself reads
    assert lint(one_cell_per_line(CLEAN_TEXT, separator=separator)).findings == ()


def test_a_lone_pipe_is_still_a_blank_cell_where_every_cell_ends_in_one(lint: Lint) -> None:
    # 某区统计局 2023: "0 |" cells, and "|" where a cell is blank; blank cells are reported, not dropped.
    text = one_cell_per_line(CLEAN_TEXT, end=" |").replace("\n0 |\n", "\n|\n", 1)
    assert "T004" in {f.rule for f in lint(text).findings}


@pytest.mark.parametrize("layout", ["tabs", "pipes", "one per line"])
def test_a_label_cut_by_a_page_break(lint: Lint, layout: str) -> None:
    cut = CLEAN_TEXT.replace("\t（四）无法提供\t", "\t（四）无\n- 7 -\n法提供\t", 1)
    assert cut != CLEAN_TEXT
    text = {"tabs": cut, "pipes": to_pipe_layout(cut), "one per line": one_cell_per_line(cut)}[layout]
    assert lint(text).findings == ()


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Split mid-phrase (西咸新区), in the common 年度 form: read whole, and only that form is a warning.
        ("示例县自然资源局2025年度政府\n信息公开工作年度报告", [("R005", Severity.WARNING)]),
        ("示例县自然资源局\n2025年政府信息公开工作年度报告", []),  # split after the agency
        ("标题：示例县自然资源局2025年政府信息公开工作年度报告-示例县人民政府", []),  # a crawler's wrapper
        ("# 示例县自然资源局2025年政府信息公开工作年度报告", []),  # Markdown's mark
    ],
)
def test_titles_as_copies_write_them(lint: Lint, title: str, expected: list[tuple[str, Severity]]) -> None:
    result = lint(CLEAN_TEXT.replace(TITLE, title, 1))
    assert [(f.rule, f.severity) for f in result.findings] == expected

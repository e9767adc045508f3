"""R014 (issue 21): a report published after its deadline under 条例 Art. 49, when its source says when."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.engine import lint_file
from checks.findings import Severity
from checks.rules import selected
from tests.conftest import CLEAN_TEXT
from tests.variants import FORMATS, WRITERS

TITLE, REST = CLEAN_TEXT.split("\n", 1)


def _r014(path: Path) -> list[tuple[str, str]]:
    result = lint_file(path, selected(["R014"], None))
    assert result.crash is None, result.crash
    assert all(f.severity is Severity.WARNING for f in result.findings)
    return [(f.expected, f.actual) for f in result.findings]


def _with_date(day: str, agency: str = "示例县自然资源局") -> str:
    return (TITLE + f"\n\n发布时间：{day}\n" + REST).replace("示例县自然资源局", agency)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("agency", "day", "found"),
    [
        ("示例县自然资源局", "2026-02-15", [("2026-01-31", "2026-02-15")]),  # a department: by 31 January
        ("示例县自然资源局", "2026年1月20日", []),
        ("示例县人民政府", "2026-02-15", []),  # the government's own report: by 31 March
        ("示例县人民政府", "2026/4/1", [("2026-03-31", "2026-04-01")]),
        ("示例县城关镇人民政府", "2026-04-01", []),  # a township: Art. 49 names county level and above
    ],
)
def test_r014_in_every_format(tmp_path: Path, fmt: str, agency: str, day: str, found: list[tuple[str, str]]) -> None:
    path = tmp_path / f"{agency}2025.{fmt}"
    WRITERS[fmt](_with_date(day, agency), path)
    assert _r014(path) == found


def test_r014_reads_the_date_a_yaml_report_or_front_matter_states(tmp_path: Path) -> None:
    WRITERS["yaml"](CLEAN_TEXT, tmp_path / "a.yaml")
    source = (tmp_path / "a.yaml").read_text(encoding="utf-8")
    stated = tmp_path / "示例县自然资源局2025.yaml"
    stated.write_text(source.replace("标题:", "发布日期: '2026-03-02'\n标题:", 1), encoding="utf-8")
    assert _r014(stated) == [("2026-01-31", "2026-03-02")]
    page = tmp_path / "示例县自然资源局2025.md"
    page.write_text("---\n发布日期: '2026-01-30'\n---\n\n" + CLEAN_TEXT, encoding="utf-8")
    assert _r014(page) == []


def test_no_date_or_an_impossible_one_is_not_checked(tmp_path: Path) -> None:
    for text in (CLEAN_TEXT, _with_date("2026-02-30")):
        path = tmp_path / "示例县自然资源局2025.txt"
        path.write_text(text, encoding="utf-8")
        assert _r014(path) == []

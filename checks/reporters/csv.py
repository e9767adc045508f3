"""``--format csv``: the figures to take away, one row per report, for a spreadsheet (issue 21).

Written as UTF-8 with a byte order mark, so that Excel opens the Chinese as such; a text cell that a spreadsheet
would read as a formula (``=``, ``+``, ``-``, ``@`` first: a file or an agency named so by anyone) is written with a
leading apostrophe, as spreadsheets themselves mark text. The figures are the reports' own (a cell that holds no
number is left empty), and two ratios evaluators compute from them: 实质公开率, (予以公开 + 部分公开) / 办理结果总计,
and 复议纠错率, 结果纠正 / (行政复议总计 − 尚未审结).
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TextIO

from checks.engine import FileResult
from checks.findings import Severity
from checks.model import Report
from checks.reporters import Options
from checks.rules import FAMILIES, names
from checks.visible import visible

Number = int | float
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
# The figures, by how a specification names their cells: (Chinese heading, English heading, getter).
Figure = Callable[[Report], Number | None]


def _cell(report: Report, table: str, row: str | None, column: str) -> Number | None:
    """The number in a cell of the report's table, by row and column key (None: not there, or not a number)."""
    found = report.tables.get(table)
    if found is None or row is None or not names.has_row(report.spec, table, row):
        return None
    written = found.row(row)
    keys = [column_spec.key for column_spec in names.row_spec(report.spec, table, row).columns]
    if written is None or column not in keys or len(written.cells) != len(keys):
        return None
    value = written.cells[keys.index(column)].value
    return value if isinstance(value, int | float) else None


def _t3(row: Callable[[Report], str]) -> Figure:
    return lambda report: _cell(report, "t3", row(report), report.spec.t3_total_column)


def _t4(group: int, outcome: str) -> Figure:
    def figure(report: Report) -> Number | None:
        spec = report.spec
        return _cell(report, "t4", spec.t4_row.key, f"{spec.t4_groups[group].key}.{outcome}")

    return figure


_NEW = _t3(lambda r: r.spec.t3_balance[0][0])
_CARRIED_OVER = _t3(lambda r: r.spec.t3_carried_over)
_DISCLOSED = _t3(lambda r: r.spec.t3_outcome_rows[0])
_PARTLY = _t3(lambda r: r.spec.t3_outcome_rows[1])
_RESULTS = _t3(lambda r: r.spec.t3_results_total)
_FORWARD = _t3(lambda r: r.spec.t3_carried_forward)
_REVIEWS, _CORRECTED, _PENDING = _t4(0, "total"), _t4(0, "corrected"), _t4(0, "pending")


def _suits(report: Report) -> Number | None:
    direct, after = _t4(1, "total")(report), _t4(2, "total")(report)
    return None if direct is None or after is None else direct + after


def _ratio(part: Number | None, whole: Number | None) -> str:
    return "" if part is None or not whole else f"{100 * part / whole:.1f}%"


def _disclosure_rate(report: Report) -> str:
    disclosed, partly = _DISCLOSED(report), _PARTLY(report)
    both = None if disclosed is None or partly is None else disclosed + partly
    return _ratio(both, _RESULTS(report))


def _correction_rate(report: Report) -> str:
    reviews, pending = _REVIEWS(report), _PENDING(report)
    decided = None if reviews is None or pending is None else reviews - pending
    return _ratio(_CORRECTED(report), decided)


FIGURES: tuple[tuple[str, str, Figure], ...] = (
    ("本年新收申请", "new requests", _NEW),
    ("上年结转申请", "carried over", _CARRIED_OVER),
    ("予以公开", "granted", _DISCLOSED),
    ("部分公开", "granted in part", _PARTLY),
    ("办理结果总计", "decided", _RESULTS),
    ("结转下年度", "carried forward", _FORWARD),
    ("行政复议", "reviews", _REVIEWS),
    ("复议结果纠正", "reviews corrected", _CORRECTED),
    ("行政诉讼", "lawsuits", _suits),
)


def _text(value: str) -> str:
    """A text cell made visible, and never a formula."""
    shown = visible(value)
    return f"'{shown}" if shown.startswith(_FORMULA) else shown


def _number(value: Number | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def write(results: Sequence[FileResult], out: TextIO, options: Options) -> None:
    en = options.lang == "en"
    heading = ["file", "agency", "year", "level", "format"] if en else ["文件", "机关", "年度", "层级", "格式"]
    heading += [name_en if en else name for name, name_en, _ in FIGURES]
    heading += ["disclosure rate", "review correction rate"] if en else ["实质公开率", "复议纠错率"]
    heading += ["errors", "warnings"] if en else ["错误", "警告"]
    heading += list(FAMILIES)
    out.write("\ufeff")  # Excel reads a CSV file as UTF-8 only with it
    table = csv.writer(out, lineterminator="\r\n")  # RFC 4180's line ends
    table.writerow(heading)
    for result in results:
        table.writerow(_row(result))


def _row(result: FileResult) -> list[str]:
    report = result.report
    severities = Counter(f.severity for f in result.findings)
    families = Counter(f.rule[:1] for f in result.findings)
    counts = [str(severities[Severity.ERROR]), str(severities[Severity.WARNING])]
    counts += [str(families[family]) for family in FAMILIES]
    if report is None:  # unreadable, or a crash: its findings still count
        return [_text(result.path), "", "", "", "", *[""] * (len(FIGURES) + 2), *counts]
    level = report.metadata.level.text if report.metadata is not None and report.metadata.level is not None else ""
    if not level and report.facts.township:
        level = "乡镇"
    described = [
        _text(result.path),
        _text(report.facts.agency or ""),
        _number(report.facts.year),
        _text(level),
        _text(report.spec.key),
    ]
    figures = [_number(figure(report)) for _, _, figure in FIGURES]
    return [*described, *figures, _disclosure_rate(report), _correction_rate(report), *counts]

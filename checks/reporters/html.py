"""``--format html``: one self-contained page for people, opened from disk or as a CI artifact.

Per file: its findings grouped by the part of the report they concern, the outline of the six parts with the
missing ones shown as gaps, and the three tables drawn on the official grid (``checks/writers/place.py``) with
each flagged cell marked and numbered after its finding; the cell most likely wrong shows the value that balances
the table. For several files, a summary table (sortable and filterable by a small inline script; without the
script it is all shown) and a bar chart of the findings per rule come first.

Nothing is fetched: the style, the script and the chart (SVG) are inline, links point inside the page. Every
text taken from a report (its path, labels, cells, the messages quoting them) is made visible
(``checks/visible.py``) and escaped, and the script reads only the page's own cells, so no text of a file is
ever inside it. The page draws the reports from their models, which the run keeps for this format alone
(``checks.reporters.MODEL``, ``FileResult.report``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from html import escape
from typing import NamedTuple, TextIO

from checks import __version__
from checks.engine import FileResult
from checks.findings import Finding, Severity
from checks.model import Position, Report, Row, Table
from checks.reporters import Options
from checks.reporters.summary import crash_text, rule_title, rules_by_count, summarize, summary_line
from checks.rules import FAMILIES, catalog
from checks.specs import Specification, default
from checks.visible import visible, visible_lines
from checks.writers.place import Grid, lay_out, merges

TABLES = ("t2", "t3", "t4")

# The value the arithmetic rules name for the cell most likely wrong: their message is the one place it is written.

_Key = tuple[int, int, object]  # a position as cells and findings are matched by: line, column, Word place


def _key(pos: Position) -> _Key:
    return (pos.line, pos.column, pos.place)


def _order(pos: Position) -> tuple[int, int]:
    return (pos.line, pos.column)


def _text(text: str) -> str:
    """Text from a report or a run, safe to put in the page: its control characters shown, then escaped."""
    return escape(visible(text))


class _Say:
    """The page's own words in the language asked for."""

    def __init__(self, lang: str) -> None:
        self.en = lang == "en"

    def __call__(self, zh: str, en: str) -> str:
        return en if self.en else zh

    def severity(self, severity: Severity | None) -> str:
        return self("警告", "warning") if severity is Severity.WARNING else self("错误", "error")

    def where(self, pos: Position) -> str:
        if pos.place is not None:
            return pos.place.text("en" if self.en else "zh")
        if pos.line <= 0:
            return ""
        return self(f"第 {pos.line} 行第 {pos.column} 列", f"line {pos.line}, column {pos.column}")

    def counts(self, errors: int, warnings: int) -> str:
        return self(f"{errors} 个错误，{warnings} 个警告", f"{errors} error(s), {warnings} warning(s)")

    def expected(self, value: str) -> str:
        return self(f"应为 {value}", f"expected {value}")


class _Mark(NamedTuple):
    """A finding's mark on a cell: its number on the page, its severity, and for the cell most likely wrong the
    value that balances the table."""

    number: int
    severity: Severity | None
    expected: str | None = None


class _Numbered(NamedTuple):
    number: int
    finding: Finding


class _Group(NamedTuple):
    part: int | None  # None: findings outside the six parts
    findings: tuple[_Numbered, ...]


def write(results: Sequence[FileResult], out: TextIO, options: Options) -> None:
    say = _Say(options.lang)
    out.write("<!DOCTYPE html>\n")
    out.write(f'<html lang="{say("zh-CN", "en")}">\n<head>\n<meta charset="utf-8">\n')
    out.write('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
    out.write(f'<meta name="generator" content="zfxxgk-lint {escape(__version__)}">\n')
    title = say("政府信息公开工作年度报告检查结果", "Annual disclosure report check results")
    out.write(f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n")
    total = escape(summary_line(summarize(results), options.lang))
    out.write(f'<header>\n<h1>{title}</h1>\n<p class="total">{total}</p>\n')
    out.write(f'<p class="legend">{_legend(say)}</p>\n</header>\n<main>\n')
    if len(results) > 1:
        out.write(_summary(results, say))
    for index, result in enumerate(results, start=1):
        out.write(_file(index, result, say))
    out.write(f"</main>\n<script>{_SCRIPT}</script>\n</body>\n</html>\n")


def _legend(say: _Say) -> str:
    return say(
        '表格中 <span class="mark error">[n]</span> 标出第 n 个问题所在的单元格（错误为红色实线框，警告为黄色虚线框）；'
        "双线框并写有「应为 …」的，是最可能填错的单元格及使全表勾稽关系成立的数。",
        'In the tables, <span class="mark error">[n]</span> marks the cell of finding n (errors framed in red, '
        'warnings dashed in yellow); a cell with a double frame and "expected …" is the one most likely wrong, '
        "with the value that balances the table.",
    )


# The summary of a folder ------------------------------------------------------------------------------------------


def _families(results: Sequence[FileResult]) -> list[str]:
    seen = {f.rule[:1] for r in results for f in r.findings}
    return [family for family in FAMILIES if family in seen] + sorted(seen - set(FAMILIES))


def _summary(results: Sequence[FileResult], say: _Say) -> str:
    families = _families(results)
    heads = [say("文件", "file"), say("错误", "errors"), say("警告", "warnings"), *families]
    parts = ['<section id="summary">\n', f"<h2>{say('汇总', 'Summary')}</h2>\n"]
    parts.append(
        f'<p class="filter" id="filter" hidden><label>{say("筛选文件：", "Filter files: ")}'
        f'<input type="search" id="filter-text" placeholder="{say("文件名中的文字", "text in the file name")}">'
        "</label></p>\n"
    )
    parts.append(f'<table id="files" class="summary">\n<caption>{say("各文件的问题数", "Findings per file")}')
    parts.append(f'<span class="hint">{say("（点击表头排序）", " (click a heading to sort)")}</span></caption>\n')
    parts.append("<thead><tr>" + "".join(f'<th scope="col">{h}</th>' for h in heads) + "</tr></thead>\n<tbody>\n")
    totals: Counter[str] = Counter()
    for index, result in enumerate(results, start=1):
        counts = _counts(result)
        totals.update(counts)
        crash = f' <span class="crash-tag">{say("内部错误", "internal error")}</span>' if result.crash else ""
        cells = [f'<th scope="row"><a href="#file-{index}">{_text(result.path)}</a>{crash}</th>']
        for name in ("error", "warning", *families):
            number = counts[name]
            tone = f' class="{name}"' if number and name in ("error", "warning") else ""
            cells.append(f'<td data-value="{number}"{tone}>{number}</td>')
        parts.append(f"<tr>{''.join(cells)}</tr>\n")
    parts.append("</tbody>\n<tfoot><tr>" + f'<th scope="row">{say("合计", "total")}</th>')
    parts.append("".join(f"<td>{totals[name]}</td>" for name in ("error", "warning", *families)) + "</tr></tfoot>\n")
    parts.append("</table>\n")
    parts.append(_chart(results, say))
    parts.append("</section>\n")
    return "".join(parts)


def _counts(result: FileResult) -> Counter[str]:
    counts: Counter[str] = Counter()
    for f in result.findings:
        counts["warning" if f.severity is Severity.WARNING else "error"] += 1
        counts[f.rule[:1]] += 1
    return counts


_BAR = 22  # pixels per bar of the chart
_BAR_MAX = 420  # the longest bar


def _chart(results: Sequence[FileResult], say: _Say) -> str:
    """Findings per rule, the most frequent first, as an inline SVG bar chart."""
    counts = rules_by_count(summarize(results))
    heading = say("各规则的问题数", "Findings per rule")
    if not counts:
        return f"<h3>{heading}</h3>\n<p>{say('未发现问题。', 'No findings.')}</p>\n"
    rules = catalog()
    most = counts[0][1]
    height = _BAR * len(counts) + 8
    lang = "en" if say.en else "zh"
    bars = []
    for row, (code, number) in enumerate(counts):
        y = row * _BAR + 4
        width = max(2, round(_BAR_MAX * number / most))
        found = rules.get(code)
        tone = "warning" if found is not None and found.severity is Severity.WARNING else "error"
        title = _text(rule_title(code, lang))
        bars.append(
            f"<g><title>{_text(code)} {title}: {number}</title>"
            f'<text x="0" y="{y + 15}" class="code">{_text(code)}</text>'
            f'<rect x="56" y="{y + 2}" width="{width}" height="{_BAR - 6}" class="{tone}"></rect>'
            f'<text x="{62 + width}" y="{y + 15}">{number}　{title}</text></g>'
        )
    return (
        f'<h3 id="chart-title">{heading}</h3>\n'
        f'<svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 1100 {height}" '
        f'width="1100" height="{height}">{"".join(bars)}</svg>\n'
    )


# One file ------------------------------------------------------------------------------------------------------


def _file(index: int, result: FileResult, say: _Say) -> str:
    report = result.report
    spec = report.spec if report is not None else default()
    counts = _counts(result)
    parts = [f'<section class="file" id="file-{index}">\n<h2>{_text(result.path)}</h2>\n']
    about = say.counts(counts["error"], counts["warning"])
    if report is not None:
        about += say(f"；按{spec.name}格式检查", f"; checked against {spec.name}")
    parts.append(f'<p class="counts">{_text(about)}</p>\n')
    if result.crash:
        parts.append(
            f'<div class="crash"><p><strong>{escape(crash_text("en" if say.en else "zh"))}</strong></p>'
            f"<pre>{escape(visible_lines(result.crash.rstrip()))}</pre></div>\n"
        )
    # Not drawn: what could not be read, and what is no report at all (I006: its parts and tables would all be gaps).
    drawn = report is not None and not report.unreadable and not any(f.rule == "I006" for f in result.findings)
    if not drawn:
        unread = say(
            "未能读取报告的结构，以下只列出问题。", "The report could not be read as one: only its findings are listed."
        )
        parts.append(f'<p class="note">{unread}</p>\n')
    groups = _groups(result.findings, report)
    tables, cell_ids = "", dict[_Key, str]()
    if report is not None and drawn:
        tables, cell_ids = _tables(index, report, _marks(groups), say)
        parts.append(_outline(report, groups, say))
    parts.append(_findings(index, groups, spec, cell_ids, say))
    parts.append(tables)
    parts.append(_unused(result, say))
    parts.append("</section>\n")
    return "".join(parts)


def _part_of(f: Finding, report: Report | None, spec: Specification) -> int | None:
    """The part a finding concerns: a missing part's own, the part hosting its table, else the part its position
    falls in; None for what lies outside the six parts (the title, the preamble, the file itself)."""
    if f.rule == "R001":
        number = next((p.number for p in spec.parts if p.heading == f.expected), None)
        if number is not None:
            return number
    if f.table is not None and f.table in spec.table_part:
        return spec.table_part[f.table]
    if report is None or f.pos.line <= 0:
        return None
    at = _order(f.pos)
    for key, table in report.tables.items():
        if _order(table.pos) <= at and f.pos.line <= table.end.line and key in spec.table_part:
            return spec.table_part[key]
    for section in report.sections:
        if _order(section.heading.pos) <= at and f.pos.line <= section.end.line:
            return section.part
    return None


def _groups(findings: Sequence[Finding], report: Report | None) -> list[_Group]:
    """The findings by part, in the parts' order and then those outside them, numbered down the page."""
    spec = report.spec if report is not None else default()
    by_part: dict[int | None, list[Finding]] = {}
    for f in findings:
        by_part.setdefault(_part_of(f, report, spec), []).append(f)
    order = [p.number for p in spec.parts if p.number in by_part] + ([None] if None in by_part else [])
    groups: list[_Group] = []
    number = 0
    for part in order:
        numbered = []
        for f in by_part[part]:
            number += 1
            numbered.append(_Numbered(number, f))
        groups.append(_Group(part, tuple(numbered)))
    return groups


def _culprit(f: Finding) -> str | None:
    """The balancing value of the cell most likely wrong (``related[0]``), when the finding names one: what the
    finding's repair writes there (an unsafe one: it changes a figure, ``--unsafe-fixes``)."""
    if not f.related or f.fix is None or f.fix.safe:
        return None
    return next((edit.text for edit in f.fix.edits if edit.start == f.related[0]), None)


def _marks(groups: Sequence[_Group]) -> dict[_Key, list[_Mark]]:
    """Every place a finding points at (its position, the places it names), with the finding's mark."""
    marks: dict[_Key, list[_Mark]] = {}
    for group in groups:
        for number, f in group.findings:
            value = _culprit(f)
            marks.setdefault(_key(f.pos), []).append(_Mark(number, f.severity))
            for index, pos in enumerate(f.related):
                mark = _Mark(number, f.severity, value if index == 0 else None)
                marks.setdefault(_key(pos), []).append(mark)
    return marks


def _outline(report: Report, groups: Sequence[_Group], say: _Say) -> str:
    """The six parts in the official order, each as the report wrote its heading, a missing one as a gap."""
    spec = report.spec
    numbers = {group.part: [n for n, _ in group.findings] for group in groups}
    items = []
    for part in spec.parts:
        written = [s for s in report.sections if s.part == part.number]
        found = numbers.get(part.number, [])
        refs = _refs(found, say)
        official = _text(part.en if say.en else part.heading)
        if not written:
            items.append(f'<li class="gap"><span class="gap-tag">{say("缺少", "missing")}</span> {official}{refs}</li>')
            continue
        for section in written:
            where = _text(section.heading.pos.en if say.en else section.heading.pos.zh)
            items.append(
                f'<li class="present">{_text(section.heading.text)} <span class="pos">{where}</span>{refs}</li>'
            )
    return f'<h3>{say("报告结构", "Outline")}</h3>\n<ol class="outline">\n' + "\n".join(items) + "\n</ol>\n"


def _refs(numbers: Sequence[int], say: _Say) -> str:
    if not numbers:
        return ""
    return f' <span class="refs">{say(f"（{len(numbers)} 个问题）", f" ({len(numbers)} finding(s))")}</span>'


def _part_heading(part: int | None, spec: Specification, say: _Say) -> str:
    if part is None:
        return say("其他（不属于六个部分的问题）", "Other (outside the six parts)")
    official = spec.part(part)
    return _text(official.en if say.en else official.heading)


def _findings(index: int, groups: Sequence[_Group], spec: Specification, cell_ids: dict[_Key, str], say: _Say) -> str:
    parts = [f"<h3>{say('问题（按部分）', 'Findings by part')}</h3>\n"]
    if not groups:
        parts.append(f'<p class="clean">{say("未发现问题。", "No findings.")}</p>\n')
    lang = "en" if say.en else "zh"
    for group in groups:
        parts.append(f'<h4>{_part_heading(group.part, spec, say)}</h4>\n<ul class="findings">\n')
        for number, f in group.findings:
            tone = "warning" if f.severity is Severity.WARNING else "error"
            where = _text(say.where(f.pos))
            cell = next((cell_ids[k] for k in map(_key, (f.pos, *f.related)) if k in cell_ids), None)
            link = f' <a class="to-cell" href="#{cell}">{say("见表中标记", "see the table")}</a>' if cell else ""
            parts.append(
                f'<li class="finding {tone}" id="f-{index}-{number}"><span class="no">{number}</span> '
                f'<span class="sev">{say.severity(f.severity)}</span> <code class="rule">{_text(f.rule)}</code> '
                f'<span class="pos">{where}</span> <span class="msg">{_text(f.message.text(lang))}</span>{link}</li>\n'
            )
        parts.append("</ul>\n")
    return "".join(parts)


def _unused(result: FileResult, say: _Say) -> str:
    if not result.unused:
        return ""
    lang = "en" if say.en else "zh"
    items = "".join(
        f'<li><span class="pos">{_text(say.where(u.pos))}</span> {_text(u.message.text(lang))}</li>\n'
        for u in result.unused
    )
    return f'<h3>{say("提示", "Notes")}</h3>\n<ul class="notes">\n{items}</ul>\n'


# The tables ------------------------------------------------------------------------------------------------------


class _Cell(NamedTuple):
    """A cell of a drawn table: its text, whether it holds a row's value, and the place it was written."""

    text: str
    data: bool
    key: _Key | None


def _tables(index: int, report: Report, marks: dict[_Key, list[_Mark]], say: _Say) -> tuple[str, dict[_Key, str]]:
    spec = report.spec
    parts = [f"<h3>{say('表格', 'Tables')}</h3>\n"]
    ids: dict[_Key, str] = {}
    for key in TABLES:
        zh, en = spec.table_names.get(key, (key, key))
        name = _text(en if say.en else zh)
        table = report.tables.get(key)
        if table is None:
            parts.append(
                f'<h4>{name}</h4>\n<p class="gap">{say("报告中没有此表。", "The report has no such table.")}</p>\n'
            )
            continue
        parts.append('<div class="scroll">')
        grid = lay_out(table, spec)
        parts.append(_table(f"{index}-{key}", name, _cells(table, grid), grid, marks, ids, say))
        parts.append("</div>\n")
    return "".join(parts), ids


def _cells(table: Table, grid: Grid) -> list[list[_Cell]]:
    """The table on the official grid, each cell with the place it was written (to find its findings by), padded
    to one width."""
    rows: Iterator[Row] = iter(sorted((*table.rows, *table.unplaced), key=lambda r: _order(r.pos)))
    lines: list[list[_Cell]] = []
    for texts, span in zip(grid.lines, grid.values, strict=True):
        line = [_Cell(text, False, None) for text in texts]
        if span is not None:
            row = next(rows)
            for offset, cell in enumerate(row.cells):
                line[span[0] + offset] = _Cell(line[span[0] + offset].text, True, _key(cell.pos))
            if row.label is not None:
                for column in range(span[0] - 1, -1, -1):
                    if line[column].text == row.label.text:
                        line[column] = line[column]._replace(key=_key(row.label.pos))
                        break
        lines.append(line)
    _place_labels(lines, table)
    width = max(grid.width, *(len(line) for line in lines))
    return [line + [_Cell("", False, None)] * (width - len(line)) for line in lines]


def _place_labels(lines: list[list[_Cell]], table: Table) -> None:
    """Header labels get the place they were written at: the first cell of their text not yet given one."""
    for label in table.labels:
        for line in lines:
            column = next(
                (j for j, c in enumerate(line) if not c.data and c.key is None and c.text == label.text), None
            )
            if column is not None and label.text:
                line[column] = line[column]._replace(key=_key(label.pos))
                break


def _spans(grid: Grid) -> dict[tuple[int, int], tuple[int, int]]:
    """(rowspan, colspan) of each cell that starts a merged one, (0, 0) for one another covers: the official
    attachment's merges (``writers.place.merges``), as the Word writer draws them."""
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for m in merges(grid):
        if m.down > 1 or m.across > 1:
            spans[(m.line, m.column)] = (m.down, m.across)
            spans.update(((m.line + a, m.column + b), (0, 0)) for a in range(m.down) for b in range(m.across) if a or b)
    return spans


def _table(
    prefix: str,
    name: str,
    lines: list[list[_Cell]],
    grid: Grid,
    marks: dict[_Key, list[_Mark]],
    ids: dict[_Key, str],
    say: _Say,
) -> str:
    spans = _spans(grid)
    # A column in which no cell begins (every line merges it into a cell on its left) is dropped: HTML's table
    # model has no such column, and the merged cells are as wide without it.
    width = len(lines[0]) if lines else 0
    dropped = {j for j in range(width) if all(spans.get((i, j), (1, 1))[0] == 0 for i in range(len(lines)))}
    out = [f'<table class="report"><caption>{name}</caption>\n<tbody>\n']
    for i, line in enumerate(lines):
        out.append("<tr>")
        for j, cell in enumerate(line):
            down, across = spans.get((i, j), (1, 1))
            if not down:
                continue
            across -= sum(1 for column in range(j, j + across) if column in dropped)
            attributes = (f' rowspan="{down}"' if down > 1 else "") + (f' colspan="{across}"' if across > 1 else "")
            out.append(_cell(prefix, i, j, cell, attributes, marks, ids, say))
        out.append("</tr>\n")
    out.append("</tbody></table>")
    return "".join(out)


def _cell(
    prefix: str,
    i: int,
    j: int,
    cell: _Cell,
    attributes: str,
    marks: dict[_Key, list[_Mark]],
    ids: dict[_Key, str],
    say: _Say,
) -> str:
    tag = "td" if cell.data or not cell.text else "th"
    found = marks.get(cell.key, []) if cell.key is not None else []
    classes = ["value"] if cell.data else []
    content = _text(cell.text)
    if found:
        identifier = f"cell-{prefix}-{i}-{j}"
        assert cell.key is not None
        ids.setdefault(cell.key, identifier)
        attributes += f' id="{identifier}"'
        errors = any(m.severity is not Severity.WARNING for m in found)
        classes += ["flag", "error" if errors else "warning"]
        file_index = prefix.split("-", 1)[0]
        content += "".join(
            f'<a class="mark {"warning" if m.severity is Severity.WARNING else "error"}" '
            f'href="#f-{file_index}-{m.number}">[{m.number}]</a>'
            for m in sorted({m.number: m for m in found}.values())  # a finding once, though it names the cell twice
        )
        expected = next((m.expected for m in found if m.expected is not None), None)
        if expected is not None:
            classes.append("culprit")
            tip = say("最可能出错的单元格", "the cell most likely wrong")
            content += f'<span class="should" title="{tip}">{_text(say.expected(expected))}</span>'
    if cell.data and not cell.text:
        classes.append("blank")
    if tag == "th":
        attributes += ' scope="row"' if j == 0 else ""
    css = f' class="{" ".join(classes)}"' if classes else ""
    return f"<{tag}{attributes}{css}>{content}</{tag}>"


_CSS = """
:root { color-scheme: light; --error: #b3261e; --error-bg: #fde7e4; --warning: #8a5a00; --warning-line: #d39e00;
  --warning-bg: #fff4cc; --rule: #8c8c8c; --muted: #555; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei",
  sans-serif; margin: 0 auto; max-width: 1400px; padding: 1rem 1.5rem 3rem; line-height: 1.55; color: #111;
  background: #fff; }
h1 { font-size: 1.6rem; margin: .5rem 0; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #333; padding-bottom: .2rem; margin-top: 2.5rem;
  word-break: break-all; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
.total { font-size: 1.1rem; font-weight: bold; }
.legend, .hint, .pos, .counts, .refs { color: var(--muted); }
.legend { font-size: .9rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; }
table.report { font-size: .85rem; margin: .3rem 0 1rem; }
table.report caption, table.summary caption { text-align: left; font-weight: bold; padding: .2rem 0; }
table.report caption { font-size: 1rem; margin-top: .6rem; }
table.report th, table.report td { border: 1px solid var(--rule); padding: .25rem .45rem; vertical-align: middle; }
table.report th { background: #f3f3f3; font-weight: normal; text-align: left; min-width: 4em; }
table.report td.value { text-align: right; min-width: 2.8em; font-variant-numeric: tabular-nums; }
table.report td.blank { background: repeating-linear-gradient(45deg, #fff, #fff 4px, #eee 4px, #eee 8px); }
.flag.error { background: var(--error-bg); box-shadow: inset 0 0 0 2px var(--error); }
.flag.warning { background: var(--warning-bg); outline: 2px dashed var(--warning-line); outline-offset: -3px; }
table.report .culprit { border: 4px double var(--error); }
.mark { font-size: .75em; vertical-align: super; text-decoration: none; margin-left: .15em; font-weight: bold; }
.mark.error { color: var(--error); }
.mark.warning { color: var(--warning); }
.should { display: block; color: var(--error); font-weight: bold; white-space: nowrap; font-size: .9em; }
.findings, .notes { list-style: none; padding: 0; margin: 0; }
.finding { padding: .3rem .6rem; border-left: 5px solid; margin: .3rem 0; }
.finding.error { border-color: var(--error); background: #fff7f6; }
.finding.warning { border-color: var(--warning-line); background: #fffbeb; }
.finding .no { display: inline-block; min-width: 1.8em; font-weight: bold; }
.finding.error .sev { color: var(--error); font-weight: bold; }
.finding.warning .sev { color: var(--warning); font-weight: bold; }
.finding:target { outline: 2px solid #1a56db; }
.rule { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-weight: bold; }
.to-cell { font-size: .85em; margin-left: .4em; }
.outline { padding-left: 1.2rem; }
.outline li { margin: .2rem 0; padding: .15rem .5rem; }
.outline .gap { border: 2px dashed var(--error); color: var(--error); background: var(--error-bg); list-style: none;
  margin-left: -1.2rem; }
.gap-tag, .crash-tag { font-weight: bold; border: 1px solid currentColor; padding: 0 .3em; border-radius: 3px; }
.crash-tag { color: var(--error); font-size: .8em; margin-left: .3em; }
p.gap { color: var(--error); border: 2px dashed var(--error); padding: .3rem .6rem; display: inline-block; }
.crash { border: 2px solid var(--error); background: var(--error-bg); padding: .2rem .8rem; }
.crash pre { white-space: pre-wrap; word-break: break-all; font-size: .8rem; }
.note { font-style: italic; }
.clean { color: #1e6b32; font-weight: bold; }
table.summary { font-size: .9rem; margin: .5rem 0 1rem; }
table.summary th, table.summary td { border: 1px solid var(--rule); padding: .25rem .6rem; }
table.summary thead th { background: #e9eef5; }
table.summary tbody th { text-align: left; font-weight: normal; word-break: break-all; }
table.summary td { text-align: right; font-variant-numeric: tabular-nums; }
table.summary td.error { color: var(--error); font-weight: bold; }
table.summary td.warning { color: var(--warning); font-weight: bold; }
table.summary tfoot { font-weight: bold; border-top: 2px solid #333; }
table.summary th button { font: inherit; font-weight: bold; border: 0; background: none; cursor: pointer; padding: 0; }
table.summary th[aria-sort=ascending] button::after { content: " ▲"; }
table.summary th[aria-sort=descending] button::after { content: " ▼"; }
.filter input { font: inherit; padding: .2rem .4rem; min-width: 20em; }
svg.chart { max-width: 100%; height: auto; font-size: 13px; }
svg.chart rect.error { fill: var(--error); }
svg.chart rect.warning { fill: var(--warning-line); }
svg.chart text { fill: #111; }
svg.chart .code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-weight: bold; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .filter, .to-cell, .hint { display: none !important; }
  section.file { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  table.report { font-size: 7.5pt; }
  table.report th, table.report td { padding: .1rem .2rem; }
  tr, .finding, .outline li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .scroll { overflow: visible; }
}
"""

# Sorting and filtering of the summary table. It reads the page's own cells and holds no text of any report.
_SCRIPT = """
(function () {
  "use strict";
  var table = document.getElementById("files");
  if (!table) { return; }
  var body = table.tBodies[0];
  var filter = document.getElementById("filter");
  var text = document.getElementById("filter-text");
  filter.hidden = false;
  text.addEventListener("input", function () {
    var wanted = text.value.trim().toLowerCase();
    Array.prototype.forEach.call(body.rows, function (row) {
      row.hidden = wanted !== "" && row.cells[0].textContent.toLowerCase().indexOf(wanted) < 0;
    });
  });
  function value(row, index) {
    var cell = row.cells[index];
    var number = cell.getAttribute("data-value");
    return number === null ? cell.textContent : Number(number);
  }
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (head, index) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = head.textContent;
    head.textContent = "";
    head.appendChild(button);
    button.addEventListener("click", function () {
      var now = head.getAttribute("aria-sort");  // a first click sorts names A to Z, counts the largest first
      var ascending = now ? now !== "ascending" : index === 0;
      Array.prototype.forEach.call(heads, function (other) { other.removeAttribute("aria-sort"); });
      head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = value(a, index), y = value(b, index);
        return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
}());
"""

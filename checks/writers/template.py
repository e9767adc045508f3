"""A new report's skeleton as a Report model (``zfxxgk-lint init``), written by the same writers as ``convert``.

Everything the author must still write is a bracketed placeholder that R011 reports, so an unfinished skeleton
cannot pass; the tables hold every official label and 0 in every cell. With last year's report, 表三's
上年结转 and 表二's 现行有效件数 start from last year's figures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import count
from typing import NamedTuple

from checks import national_format as nf
from checks.findings import Message
from checks.model import Cell, Metadata, Position, Report, Row, Section, Table, Text
from checks.writers.grid import layout

_NUMERALS = "一二三四五六七八九十"
PREAMBLE = (
    "本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（{notice}）编制，"
    "所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
)
_TOPIC = "【此处填写本年度{topic}工作情况】"
_PROBLEMS = ("（一）存在的主要问题", "【此处填写本年度政府信息公开工作存在的主要问题】")
_IMPROVEMENTS = ("（二）改进情况", "【此处填写针对上述问题的改进措施和下一步工作安排】")
_FEE = f"【此处填写本年度{nf.INFO_FEE}收取情况，如“{nf.INFO_FEE_EXAMPLE}”】"
# Last year's 四、结转… is this year's 二、上年结转…; until the author records what became of those requests they
# are still pending, so 四 starts from the same figures and the 勾稽 note (一 + 二 = （七）总计 + 四) holds.
_CARRY = ("t3", "carried_forward", "carried_over")
_IN_FORCE = "in_force"
_Place = Callable[[], Position]


class Carried(NamedTuple):
    """What was (or could not be) taken over from last year's report, for the author to check."""

    done: tuple[Message, ...]
    skipped: tuple[Message, ...]
    notes: tuple[Message, ...] = ()


def skeleton(agency: str, year: int, source_format: str, previous: Report | None = None) -> tuple[Report, Carried]:
    lines = count(1)

    def text(value: str) -> Text:
        return Text(value, Position(next(lines), 1))

    title = text(nf.TITLE_FORM.format(agency=agency, year=year))
    preamble = (text(PREAMBLE.format(notice=nf.NAME, year=year)),)
    carried, figures = _carried(previous)
    sections: list[Section] = []
    tables: dict[str, Table] = {}
    for part in nf.PARTS:
        heading = text(part.heading)
        paragraphs = tuple(text(p) for p in _paragraphs(part.number))
        for key, number in nf.TABLE_PART.items():
            if number == part.number:
                tables[key] = _table(key, lambda: Position(next(lines), 1), figures)
        sections.append(Section(part.number, heading, paragraphs, next(lines)))
    metadata = Metadata(agency=Text(agency, title.pos), year=Text(str(year), title.pos))
    report = Report(
        f"skeleton.{source_format}",
        source_format,
        title,
        agency,
        year,
        tuple(sections),
        tables,
        preamble=preamble,
        metadata=metadata,
    )
    return report, carried


def _paragraphs(part: int) -> Iterator[str]:
    if part == 1:
        for numeral, topic in zip(_NUMERALS, nf.OVERVIEW_TOPICS, strict=False):
            yield f"（{numeral}）{topic.name}"
            yield _TOPIC.format(topic=topic.name)
    elif part == 5:
        yield from (*_PROBLEMS, *_IMPROVEMENTS)
    elif part == 6:
        yield _FEE


def _table(key: str, place: _Place, carried: dict[tuple[str, str], tuple[int, ...]]) -> Table:
    start = place()
    labels = tuple(Text(label, place()) for label in layout(key).header_labels())
    rows = []
    for spec in nf.ROWS[key]:
        pos = place()
        values = list(carried.get((key, spec.key), (0,) * len(spec.columns)))
        cells = tuple(Cell(str(v), v, None, Position(pos.line, 2 + i)) for i, v in enumerate(values))
        rows.append(Row(spec.key, Text(spec.label, pos) if spec.label else None, cells, pos))
    return Table(key, start, place().line, labels, tuple(rows))


def _numbers(row: Row | None, columns: int) -> tuple[int, ...] | None:
    """A row's counts, when it has the right number of cells and each holds a whole non-negative number."""
    if row is None or len(row.cells) != columns:
        return None
    values = tuple(c.value for c in row.cells)
    if not all(isinstance(v, int) and v >= 0 for v in values):
        return None
    return tuple(int(v) for v in values if v is not None)


def _carried(previous: Report | None) -> tuple[Carried, dict[tuple[str, str], tuple[int, ...]]]:
    """Figures taken from last year's report: (table, row) -> this year's cells; and what was or was not taken."""
    out: dict[tuple[str, str], tuple[int, ...]] = {}
    done: list[Message] = []
    skipped: list[Message] = []
    notes: list[Message] = []
    if previous is None:
        return Carried((), (), ()), out
    labels = {spec.key: spec.label for spec in nf.T3_ROWS}
    table, source, target = _CARRY
    t3 = previous.tables.get(table)
    values = _numbers(t3.row(source) if t3 else None, len(nf.T3_COLUMNS))
    what = Message(
        f"表三「{labels[target]}」← 上一年度「{labels[source]}」",
        f"table 3 {labels[target]} <- last year's {labels[source]}",
    )
    if values is None:
        skipped.append(what)
    else:
        out[(table, target)] = out[(table, source)] = values
        figures = Message("、".join(map(str, values)), ", ".join(map(str, values)))
        done.append(Message(f"{what.zh}：{figures.zh}", f"{what.en}: {figures.en}"))
        notes.append(
            Message(
                f"表三「{labels[source]}」暂填同样的数字（{figures.zh}），以使勾稽关系成立，请按实际办理结果修改",
                f"table 3 {labels[source]} starts from the same figures ({figures.en}) so that the 勾稽 note holds; "
                "update it with the outcomes",
            )
        )
    t2 = previous.tables.get("t2")
    for spec in nf.T2_ROWS:
        index = next((i for i, c in enumerate(spec.columns) if c.key == _IN_FORCE), None)
        if index is None:
            continue
        column = spec.columns[index].label
        what = Message(f"表二「{spec.label}」{column}", f"table 2 {spec.label} {column}")
        values = _numbers(t2.row(spec.key) if t2 else None, len(spec.columns))
        if values is None:
            skipped.append(what)
            continue
        cells = [0] * len(spec.columns)
        cells[index] = values[index]
        out[("t2", spec.key)] = tuple(cells)
        done.append(Message(f"{what.zh}：{values[index]}", f"{what.en}: {values[index]}"))
    return Carried(tuple(done), tuple(skipped), tuple(notes)), out

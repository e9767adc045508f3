"""A new report's skeleton as a Report model (``zfxxgk-lint init``), written by the same writers as ``convert``.

Everything the author must still write is a bracketed placeholder that R011 reports, so an unfinished skeleton
cannot pass; the tables hold every official label and 0 in every cell. With last year's report, 表三's
上年结转 and 表二's 现行有效件数 start from last year's figures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import count
from typing import NamedTuple

from checks.findings import Message
from checks.model import Cell, Metadata, Position, Report, Row, Section, Table, Text
from checks.specs import Specification, default
from checks.writers.grid import layout

PREAMBLE = (
    "本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（{notice}）编制，"
    "所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
)
_TOPIC = "【此处填写本年度{topic}工作情况】"
_PROBLEMS = ("（一）存在的主要问题", "【此处填写本年度政府信息公开工作存在的主要问题】")
_IMPROVEMENTS = ("（二）改进情况", "【此处填写针对上述问题的改进措施和下一步工作安排】")
_FEE = "【此处填写本年度{fee}收取情况，如“{example}”】"
_ITEM = "【此处填写{item}】"
_Place = Callable[[], Position]


class Carried(NamedTuple):
    """What was (or could not be) taken over from last year's report, for the author to check."""

    done: tuple[Message, ...]
    skipped: tuple[Message, ...]
    notes: tuple[Message, ...] = ()


def skeleton(
    agency: str, year: int, source_format: str, previous: Report | None = None, spec: Specification | None = None
) -> tuple[Report, Carried]:
    """The skeleton of a report for ``year`` in ``spec`` (by default the national format in force), with last
    year's figures where they carry over."""
    spec = spec or default()
    lines = count(1)

    def text(value: str) -> Text:
        return Text(value, Position(next(lines), 1))

    def place() -> Position:
        return Position(next(lines), 1)

    title = text(spec.title_form.format(agency=agency, year=year))
    preamble = (text(PREAMBLE.format(notice=spec.name, year=year)),)
    carried, figures = _carried(spec, previous)
    sections: list[Section] = []
    tables: dict[str, Table] = {}
    for part in spec.parts:
        heading = text(part.heading)
        paragraphs = tuple(text(p) for p in _paragraphs(spec, part.number))
        for key, number in spec.table_part.items():
            if number == part.number:
                tables[key] = _table(spec, key, place, figures)
        sections.append(Section(part.number, heading, paragraphs, place()))
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
        spec=spec,
    )
    return report, carried


def _paragraphs(spec: Specification, part: int) -> Iterator[str]:
    if part == 1:
        for numeral, topic in zip(spec.numerals, spec.overview_topics, strict=False):
            yield f"（{numeral}）{topic.name}"
            yield _TOPIC.format(topic=topic.name)
    elif part == 5:
        yield from (*_PROBLEMS, *_IMPROVEMENTS)
    elif part == 6:
        # The items a format names besides the fee (a province's own), each with its placeholder, then the fee.
        for numeral, item in zip(spec.numerals, spec.part_six_items, strict=False):
            yield f"（{numeral}）{item}"
            yield _ITEM.format(item=item)
        yield _FEE.format(fee=spec.info_fee, example=spec.info_fee_example)


def _table(spec: Specification, key: str, place: _Place, carried: dict[tuple[str, str], tuple[int, ...]]) -> Table:
    start = place()
    labels = tuple(Text(label, place()) for label in layout(key, spec).header_labels())
    rows = []
    for official in spec.rows[key]:
        pos = place()
        values = list(carried.get((key, official.key), (0,) * len(official.columns)))
        cells = tuple(Cell(str(v), v, None, Position(pos.line, 2 + i)) for i, v in enumerate(values))
        rows.append(Row(official.key, Text(official.label, pos) if official.label else None, cells, pos))
    return Table(key, start, place(), labels, tuple(rows))


def _numbers(row: Row | None, columns: int) -> tuple[int, ...] | None:
    """A row's counts, when it has the right number of cells and each holds a whole non-negative number."""
    if row is None or len(row.cells) != columns:
        return None
    values = tuple(c.value for c in row.cells)
    if not all(isinstance(v, int) and v >= 0 for v in values):
        return None
    return tuple(int(v) for v in values if v is not None)


def _carried(spec: Specification, previous: Report | None) -> tuple[Carried, dict[tuple[str, str], tuple[int, ...]]]:
    """Figures taken from last year's report (read by its own specification, which may be another format's):
    (table, row) -> this year's cells; and what was or was not taken."""
    out: dict[tuple[str, str], tuple[int, ...]] = {}
    done: list[Message] = []
    skipped: list[Message] = []
    notes: list[Message] = []
    if previous is None:
        return Carried((), (), ()), out
    before = previous.spec
    labels = {row.key: row.label for row in spec.t3_rows}
    # Last year's 四、结转… is this year's 二、上年结转…; until the author records what became of those requests they
    # are still pending, so 四 starts from the same figures and the 勾稽 note (一 + 二 = （七）总计 + 四) holds.
    source, target = before.t3_carried_forward, spec.t3_carried_over
    forward = spec.t3_carried_forward
    last_label = next(row.label for row in before.t3_rows if row.key == source)
    t3 = previous.tables.get("t3")
    same_columns = [c.key for c in before.t3_columns] == [c.key for c in spec.t3_columns]
    values = _numbers(t3.row(source) if t3 and same_columns else None, len(spec.t3_columns))
    what = Message(
        f"表三「{labels[target]}」← 上一年度「{last_label}」",
        f"table 3 {labels[target]} <- last year's {last_label}",
    )
    if values is None:
        skipped.append(what)
    else:
        out[("t3", target)] = out[("t3", forward)] = values
        figures = Message("、".join(map(str, values)), ", ".join(map(str, values)))
        done.append(Message(f"{what.zh}：{figures.zh}", f"{what.en}: {figures.en}"))
        notes.append(
            Message(
                f"表三「{labels[forward]}」暂填同样的数字（{figures.zh}），以使勾稽关系成立，请按实际办理结果修改",
                f"table 3 {labels[forward]} starts from the same figures ({figures.en}) so that the 勾稽 note holds; "
                "update it with the outcomes",
            )
        )
    t2 = previous.tables.get("t2")
    earlier = {row.key: row for row in before.t2_rows}
    for row in spec.t2_rows:
        if row.key not in spec.t2_document_rows:
            continue
        # A document row's last column is the number in force (t2_document_rows); last year's row must count
        # documents in force too (the 2019 表二 counts those published).
        column = row.columns[-1].label
        what = Message(f"表二「{row.label}」{column}", f"table 2 {row.label} {column}")
        last = earlier.get(row.key) if row.key in before.t2_document_rows else None
        values = _numbers(t2.row(row.key) if t2 and last else None, len(last.columns) if last else 0)
        if values is None:
            skipped.append(what)
            continue
        cells = [0] * len(row.columns)
        cells[-1] = values[-1]
        out[("t2", row.key)] = tuple(cells)
        done.append(Message(f"{what.zh}：{values[-1]}", f"{what.en}: {values[-1]}"))
    return Carried(tuple(done), tuple(skipped), tuple(notes)), out

"""How rules name and read the official parts, tables, rows and columns (names in the official wording and its
English gloss)."""

from __future__ import annotations

from collections.abc import Iterable

from checks import national_format as nf
from checks.findings import Message
from checks.model import Report, Row, Table, Text
from checks.normalize import norm

_PARTS = {part.number: part for part in nf.PARTS}
_SPECS = {table: {spec.key: spec for spec in rows} for table, rows in nf.ROWS.items()}


def table(key: str) -> Message:
    zh, en = nf.TABLE_NAMES[key]
    return Message(zh, en)


def row(table_key: str, row_key: str) -> Message:
    spec = _SPECS[table_key][row_key]
    return Message(spec.label or nf.TABLE_NAMES[table_key][0], spec.en)


def spec(table_key: str, row_key: str) -> nf.RowSpec:
    return _SPECS[table_key][row_key]


def number(value: float) -> str:
    """A value as a message shows it: 3, not 3.0; a fee keeps its decimals."""
    return str(int(value)) if float(value).is_integer() else str(value)


def part(number: int) -> nf.Part:
    """One of the six parts, by its number in the official order."""
    return _PARTS[number]


def values(row: Row | None, width: int) -> list[int | float] | None:
    """The row's numbers when every cell is placed and holds one, a blank cell read as 0 (reports leave zeros
    blank: reference §6.3; T004 says so once a table); otherwise nothing can be checked (T003/T004)."""
    if row is None or len(row.cells) != width:
        return None
    numbers: list[int | float] = []
    for cell in row.cells:
        if cell.value is not None:
            numbers.append(cell.value)
        elif cell.problem == "blank":
            numbers.append(0)
        else:
            return None
    return numbers


def neighbours(numbers: Iterable[int]) -> list[list[int]]:
    """Ascending ``numbers`` in runs of neighbours ([1, 2, 4] -> [[1, 2], [4]]): things missing side by side (rows
    of a block, parts after a cut) are one deviation, so one finding."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and runs[-1][-1] == number - 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return runs


def written(raw: str) -> str:
    """A cell's text as a message quotes it: 空 for a blank one."""
    return raw or "空"


def superseded_labels(table: Table) -> list[tuple[Text, str]]:
    """The labels of a 表二 in the 2019 layout, each with the 2019 label it starts with (R010)."""
    if table.key != "t2":
        return []
    labels = [*table.labels, *(row.label for row in table.unplaced if row.label is not None)]
    found = []
    for label in labels:
        key = norm(label.text)
        if key.startswith(_SUPERSEDED):  # one C-level test a label: every rule that reads tables asks
            found.append((label, next(old for old in nf.SUPERSEDED_T2_LABELS if key.startswith(norm(old)))))
    return found


_SUPERSEDED = tuple(map(norm, nf.SUPERSEDED_T2_LABELS))


def checked_tables(report: Report) -> list[tuple[str, Table]]:
    """The tables the shape and wording rules (T002–T007) check: a 表二 in the 2019 layout is R010's, once, not
    a finding for each of its columns and rows."""
    return [(key, t) for key, t in report.tables.items() if not superseded_labels(t)]

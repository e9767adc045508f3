"""How rules name and read the parts, tables, rows and columns of a report's specification (names in its official
wording and their English gloss). Every function takes the specification first: a report is checked against its
own (``Report.spec``), and what is looked up in one is indexed once per specification."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from checks.findings import Message
from checks.model import Row
from checks.specs import Part, RowSpec, Specification


@cache
def _rows(spec: Specification) -> dict[str, dict[str, RowSpec]]:
    return {table: {row.key: row for row in rows} for table, rows in spec.rows.items()}


def table(spec: Specification, key: str) -> Message:
    zh, en = spec.table_names[key]
    return Message(zh, en)


def row(spec: Specification, table_key: str, row_key: str) -> Message:
    found = _rows(spec)[table_key][row_key]
    return Message(found.label or spec.table_names[table_key][0], found.en)


def row_spec(spec: Specification, table_key: str, row_key: str) -> RowSpec:
    return _rows(spec)[table_key][row_key]


def has_row(spec: Specification, table_key: str, row_key: str) -> bool:
    """Whether the specification's table has the row (another format's report may name rows it lacks)."""
    return row_key in _rows(spec).get(table_key, {})


def number(value: float) -> str:
    """A value as a message shows it: 3, not 3.0; a fee keeps its decimals."""
    return str(int(value)) if float(value).is_integer() else str(value)


def part(spec: Specification, number: int) -> Part:
    """One of the parts, by its number in the official order."""
    return spec.part(number)


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

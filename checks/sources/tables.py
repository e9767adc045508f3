"""From cells as a source wrote them to the three tables of the model, for every source format.

A source hands over *units*: a unit is one row of a grid (a tab- or pipe-separated line), or the whole table
when cells come one per line and row ends are unknown. Rows are identified by their label text, never by their
position, and their value cells are counted, not guessed into columns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from checks import labels
from checks.model import Cell, Position, Row, Table, Text
from checks.normalize import cached_for_short_texts, norm
from checks.numbers import within_bounds
from checks.sources.blocks import Covered
from checks.specs import RowSpec, Specification

# A cell as a source wrote it is a piece of text (stripped) and where it starts: the blocks' own pieces.
RawCell = Text


_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")
# Numbers as people write them in a cell, with units, in Arabic or Chinese numerals: values, if not numbers.
_VALUE_LIKE = re.compile(r"(?:[-+−]?[\d,，.]+|[零〇一二两三四五六七八九十百千万]+)(?:件|个|条|项|次|份|万元|元)?")
PLACEHOLDERS = frozenset({"/", "-", "—", "——", "–", "无", "×", "x", "X", "N/A", "n/a", "空"})


# A report's few hundred cells repeat a few dozen texts ("0", the labels): each is read once.
_CACHED_LENGTH = 64


@cached_for_short_texts(_CACHED_LENGTH)
def is_value_text(text: str) -> bool:
    """Whether a cell holds a value (a number, blank, a placeholder, "12件") rather than a label."""
    key = norm(text)
    if not key or key in PLACEHOLDERS or _VALUE_LIKE.fullmatch(key):
        return True
    return len(key) <= 8 and not any(_is_cjk(char) for char in key)


def _is_cjk(char: str) -> bool:
    # Not a regex: compiling the class [\u3400-\u9fff] takes 2.5 ms of every run's start-up.
    return "\u3400" <= char <= "\u9fff"


def to_cell(raw: RawCell) -> Cell:
    value, problem = _reading(raw.text)
    return Cell(raw.text, value, problem, raw.pos)


@cached_for_short_texts(_CACHED_LENGTH)
def _reading(text: str) -> tuple[int | float | None, str | None]:
    """A cell text's value, or why it has none."""
    key = norm(text)
    if not key:
        return None, "blank"
    if _NUMBER.fullmatch(key):
        if not within_bounds(key):
            return None, "too_long"
        return (float(key) if "." in key else int(key)), None
    return None, "placeholder" if key in PLACEHOLDERS else "not_a_number"


def identify_row(spec: Specification, table: str, label: str) -> str | None:
    """The key of the official row a written label names, exactly or as a mistyped copy; None for anything else.

    The same identification ``build_table`` makes, for sources that state which text is a row label (YAML).
    """
    return labels.vocabulary(spec, table).row_key(label)


def unlabelled_row(spec: Specification, table: str) -> RowSpec | None:
    """The row of a table that has no label of its own (表四's one data row), if it is such a table."""
    rows = spec.rows[table]
    return rows[0] if len(rows) == 1 and not rows[0].label else None


def _merge_split_labels(known: frozenset[str], cells: Sequence[RawCell]) -> list[RawCell]:
    """Join label cells a copy split in two ("商业" / "企业", "(三)" / "不予公开") when together they are official."""
    merged: list[RawCell] = []
    for cell in cells:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.text
            and cell.text
            and not is_value_text(prev.text)
            and not is_value_text(cell.text)
            and norm(prev.text) not in known
            and norm(cell.text) not in known
            and norm(prev.text + cell.text) in known
        ):
            merged[-1] = RawCell(prev.text + cell.text, prev.pos)
        else:
            merged.append(cell)
    return merged


def _trim(values: list[RawCell], want: int, tabs: bool, merges: bool = False) -> list[RawCell]:
    """Drop the empty cells merged regions leave: after the labels (tab copies only), and past the last column.

    A tab copy's row with no value at all but cells for every column is a row of zeros left blank (reference
    §6.3): its cells are kept, as blanks. ``merges``: the row is a document's, which says which cells a merged
    one covers (``Covered``); an empty cell after the labels that is not one is a value left blank (the first
    columns of a row that fills only 总计), unless the row has more cells than its columns without it (a label
    column the document did not merge)."""
    start = 0
    if merges:
        while start < len(values) and not values[start].text:
            if not isinstance(values[start], Covered) and len(values) - start <= want:
                break
            start += 1
    elif tabs and (len(values) < want or any(value.text for value in values)):
        while start < len(values) and not values[start].text:
            start += 1
    end = len(values)
    while end - start > want and not values[end - 1].text:
        end -= 1
    return values[start:end]


class _OpenRow(NamedTuple):
    """A row being read: its values are gathered until the next label."""

    label: RawCell
    key: str | None
    values: list[RawCell]


def build_table(
    spec: Specification,
    table: str,
    units: Sequence[Sequence[RawCell]],
    start: Position,
    end: Position,
    *,
    tabs: bool,
    merges: bool = False,
) -> Table:
    """Identify rows by label and collect their value cells; a row ends at the next label or with its unit.

    ``tabs``: empty cells right after the labels stand for merged label cells (Word's tab copies keep them), so
    they are not values; ``merges``: the cells come from a document that says which cells are covered (``_trim``).
    """
    vocabulary = labels.vocabulary(spec, table)
    expected = {row.key: len(row.columns) for row in spec.rows[table]}
    # A table whose one row has no label (表四): its values follow its last header label.
    unlabelled = unlabelled_row(spec, table)
    found_labels: list[Text] = []
    rows: list[Row] = []
    unplaced: list[Row] = []
    label_free_values: list[RawCell] = []  # 表四's data row has no label: its values follow the last label

    def close(row: _OpenRow | None) -> None:
        if row is None:
            return
        values = _trim(row.values, expected.get(row.key or "", 0), tabs, merges)
        built = Row(row.key or "", Text(row.label.text, row.label.pos), tuple(map(to_cell, values)), row.label.pos)
        (rows if row.key else unplaced).append(built)

    for unit in units:
        cells = _merge_split_labels(vocabulary.known, unit)
        is_value = [is_value_text(cell.text) for cell in cells]
        current: _OpenRow | None = None
        for index, cell in enumerate(cells):
            if is_value[index]:
                if current is not None:
                    current.values.append(cell)
                else:
                    label_free_values.append(cell)
                continue
            key = vocabulary.rows.get(norm(cell.text))
            official = None if key else vocabulary.official(cell.text)
            if official is not None and key is None:
                key = vocabulary.rows.get(norm(official))
            followed_by_value = index + 1 < len(cells) and is_value[index + 1] and bool(cells[index + 1].text)
            label_free_values.clear()
            if key is not None or (official is None and followed_by_value and unlabelled is None):
                close(current)
                current = _OpenRow(cell, key, [])
            else:
                found_labels.append(Text(cell.text, cell.pos))
        close(current)
        if unlabelled is None and current is None and any(c.text for c in label_free_values):
            # A line of numbers without a label of its own: a row the format does not have. Its figures must be
            # reported (T002), never dropped; only 表四's data row has no label.
            values = _trim(label_free_values, 0, tabs=True)
            unplaced.append(Row("", None, tuple(map(to_cell, values)), values[0].pos))
            label_free_values.clear()

    if unlabelled is not None:
        values = _trim(label_free_values, len(unlabelled.columns), tabs, merges)
        if values:
            rows.append(Row(unlabelled.key, None, tuple(map(to_cell, values)), values[0].pos))
    return Table(table, start, end, tuple(found_labels), tuple(rows), tuple(unplaced))

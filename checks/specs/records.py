"""The records a format specification is written in: parts, table columns and rows, blocks of 表二, topics."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple


class Part(NamedTuple):
    number: int
    heading: str  # official heading, numeral included
    en: str
    # Wordings seen in compliant published reports (reference §6.1), the 条例's own among them: accepted, with a
    # warning that names the official wording. Differences of punctuation only are not findings at all.
    variants: tuple[str, ...] = ()
    # Wordings a variant of the format accepts as its own: read as this part, without a finding.
    accepted: tuple[str, ...] = ()


class Column(NamedTuple):
    key: str
    label: str  # the official column label, for messages and wording checks
    en: str
    signed: bool = False  # a change (2019's 本年增/减) may be negative; a count may not


class RowSpec(NamedTuple):
    key: str
    label: str  # the row's own label as printed in its label cell
    en: str
    columns: tuple[Column, ...]
    group: str | None = None  # the merged group label the row sits under, if any
    fee: bool = False  # an amount of money: a decimal, not a count
    optional: bool = False  # a row that copies of the format add (a province's): read when there, never required


class Item(NamedTuple):
    """A block of 表二: the item of 条例 Art. 20 it reports on, and its rows."""

    marker: str  # the block's first line, e.g. 第二十条第（一）项
    rows: tuple[RowSpec, ...]


class Topic(NamedTuple):
    name: str
    en: str
    keywords: tuple[str, ...]  # any of these in 总体情况 (sub-item or prose) counts as covering the topic


class Change(NamedTuple):
    """A specification written as its differences from another (``base``, a registry key): a provincial variant,
    or a format that differs from the one beside it. ``accepted_headings``: per part number, headings read as that
    part without a finding; ``part_six_items``: sub-items of part 六 the variant names; ``fields``: any other field
    of the specification, replaced as given."""

    key: str
    base: str
    accepted_headings: Mapping[int, tuple[str, ...]] = MappingProxyType({})
    part_six_items: tuple[str, ...] = ()
    fields: Mapping[str, Any] = MappingProxyType({})

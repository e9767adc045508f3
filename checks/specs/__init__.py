"""Format specifications: what a report must look like, as one value a report carries (``Report.spec``).

A specification holds everything the linter knows about a format: its parts and their accepted headings, its
tables (rows, columns, header labels, the sums they imply), title forms, topic words, and the signals of the format
it replaced. Parsers, rules, writers and messages read the report's specification, never a module's constants, and
whatever is derived from one (a vocabulary, a grid, the arithmetic constraints) is cached per specification.

The registry holds the national format of 2021 (``national-2021``, 国办公开办函〔2021〕30号), the one it replaced
(``national-2019``, 国办公开办函〔2019〕60号) and provincial variants, each written as its differences from a base
(``Change``, made by ``changed``): a province that accepts more headings is one entry of data. Which one a report
is checked against is chosen per report (``checks/facts.py``, ``checked_report``): the configuration's ``format``
(or ``per-file-format``), else the national one, then the format the report itself is written in, told by its
tables and year.

A specification is immutable and compares (and hashes) by its name, so it can key caches and cross to worker
processes by value.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType
from typing import NamedTuple

from checks.specs.records import Change, Column, Item, Part, RowSpec, Topic

__all__ = ["Change", "Column", "Item", "Part", "RowSpec", "Specification", "Topic", "changed", "get", "names"]


class Specification(NamedTuple):
    """One format, as data (the fields are those of ``checks/specs/national_2021.py``, lower-cased)."""

    key: str  # the registry's name: national-2021, national-2019, a variant's own
    name: str  # the notice that sets the format, as messages cite it: 国办公开办函〔2021〕30号
    first_year: int | None  # the first and last report years it is the format of (None: open)
    last_year: int | None
    successor: str | None  # the key of the format that replaced it, for reports after ``last_year``
    predecessor: str | None  # the key of the format it replaced: a report written in that one is read by it
    parts: tuple[Part, ...]
    numerals: str
    table_part: Mapping[str, int]
    table_names: Mapping[str, tuple[str, str]]
    t2_header: str
    t2_marker_prefix: str
    t2_unit: str | None
    t2_blocks: tuple[Item, ...]
    t2_rows: tuple[RowSpec, ...]
    t2_document_rows: tuple[str, ...]
    t3_note: str
    t3_note_keyword: str
    t3_applicants: str
    t3_legal_persons: str
    t3_columns: tuple[Column, ...]
    t3_total_column: str
    t3_rows: tuple[RowSpec, ...]
    t3_groups: tuple[str, ...]
    t3_outcome_rows: tuple[str, ...]
    t3_results_total: str
    t3_carried_over: str
    t3_carried_forward: str
    t3_balance: tuple[tuple[str, str], tuple[str, str]]
    t4_review: str
    t4_litigation: str
    t4_outcomes: tuple[Column, ...]
    t4_groups: tuple[Column, ...]
    t4_columns: tuple[Column, ...]
    t4_row: RowSpec
    rows: Mapping[str, tuple[RowSpec, ...]]
    header_labels: Mapping[str, tuple[str, ...]]
    label_synonyms: tuple[tuple[str, str], ...]
    label_variants: Mapping[str, tuple[str, ...]]
    label_fuzzy: float
    header_fuzzy: float
    note_fuzzy: float
    amendment_words: tuple[str, ...]
    t2_unit_word: str | None
    title_form: str
    title_variants: tuple[str, ...]
    title_anchors: tuple[str, ...]
    report_mention: str
    overview_topics: tuple[Topic, ...]
    problem_words: tuple[str, ...]
    improvement_words: tuple[str, ...]
    nothing_to_report: tuple[str, ...]
    part_six_items: tuple[str, ...]
    info_fee: str
    info_fee_words: tuple[str, ...]
    info_fee_example: str
    government_suffix: str
    accountability_words: tuple[str, ...]
    accountability_example: str
    deadlines: tuple[tuple[int, int], tuple[int, int]]
    published_words: tuple[str, ...]
    superseded_notice: str | None
    superseded_t2_labels: tuple[str, ...]
    t3_other_group: str | None
    template_leftovers: tuple[tuple[str, str, str, bool], ...]
    township: str
    township_none_rows: tuple[str, ...]
    township_level: str
    rule_makers: str

    # By name: two specifications are the same format when the registry calls them the same (the tuples of dicts
    # they hold could not be hashed, and comparing every label would cost a cache lookup its point).
    def __eq__(self, other: object) -> bool:
        return isinstance(other, Specification) and other.key == self.key

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return f"Specification({self.key!r})"

    def applies_to(self, year: int | None) -> bool:
        """Whether this is the format of reports for ``year`` (an unknown year: yes)."""
        if year is None:
            return True
        return (self.first_year is None or year >= self.first_year) and (
            self.last_year is None or year <= self.last_year
        )

    def part(self, number: int) -> Part:
        return self.parts[number - 1]


def from_module(module: ModuleType) -> Specification:
    """The specification a data module writes as upper-case constants (``KEY``, ``PARTS``, …)."""
    return Specification(**{field: getattr(module, field.upper()) for field in Specification._fields})


_REGISTRY: dict[str, Specification] = {}


def register(spec: Specification) -> Specification:
    """Add a specification to the registry (a second one of the same key replaces the first)."""
    _REGISTRY[spec.key] = spec
    return spec


def changed(base: Specification, change: Change) -> Specification:
    """``base`` with ``change`` made: its headings accepted, its sub-items of part 六 added, its fields replaced."""
    parts = tuple(
        part._replace(
            variants=tuple(v for v in part.variants if v not in accepted),
            accepted=(*part.accepted, *accepted),
        )
        if (accepted := change.accepted_headings.get(part.number))
        else part
        for part in base.parts
    )
    items = (*base.part_six_items, *change.part_six_items)
    return base._replace(key=change.key, parts=parts, part_six_items=items, **change.fields)


def get(key: str) -> Specification | None:
    _load()
    return _REGISTRY.get(key)


def names() -> tuple[str, ...]:
    """The keys of every registered specification, the national ones first."""
    _load()
    return tuple(_REGISTRY)


def default() -> Specification:
    """The national format in force: what a report is read by until it says otherwise."""
    _load()
    return _REGISTRY[NATIONAL]


NATIONAL = "national-2021"


def _load() -> None:
    if not _REGISTRY:
        from checks.specs import national_2019, national_2021, provincial

        register(from_module(national_2021))
        for change in (national_2019.CHANGE, *provincial.VARIANTS):
            register(changed(_REGISTRY[change.base], change))

"""YAML reports (docs/formats.md): the report's data form, every node with its line and column.

The file is loaded by the bounded YAML loader (``checks/yamlload.py``: limits, libyaml or ruamel, positions,
comments), and the model is then built from that data the way the text parser builds it from the same report
(rows identified by their labels, cells read from their text), by the report's specification, so a YAML report
gives the same findings as its ``.txt``. Its comments are the loader's: a ``#`` line inside a block scalar is
paragraph text, never a suppression comment.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from checks import labels, yamlload
from checks.model import KEYS, METADATA_KEYS, Cell, Metadata, Position, Report, Row, Section, Table, Text, table_keys
from checks.numbers import MAX_DIGITS
from checks.sources.headings import find_heading, find_period, parse_title
from checks.sources.tables import RawCell, to_cell, unlabelled_row
from checks.specs import Specification, default
from checks.yamlload import (
    MAX_ALIASES,
    MAX_CHARS,
    MAX_DEPTH,
    MAX_NODES,
    MAX_SCALAR,
    Loaded,
    Node,
    NodePath,
    source_data,
)

# The loader's names its callers read here, as before it was a module of its own (the tests, by these names).
__all__ = ["LIBYAML", "MAX_ALIASES", "MAX_CHARS", "MAX_DEPTH", "MAX_NODES", "MAX_SCALAR", "Loaded", "Node"]
__all__ += ["NodePath", "load", "metadata_of", "parse", "source_data"]

# The loader's parser switch for this source's ``load``: None reads every document with ruamel's parser alone, as
# where ruamel.yaml.clib is not installed (tests/test_yaml_source.py sets it so to compare the two parsers).
LIBYAML: Any = yamlload.LIBYAML


def load(lines: tuple[str, ...], first_line: int = 1) -> Loaded:
    """The loader's ``load`` (``checks/yamlload.py``), by the parser ``LIBYAML`` says."""
    return yamlload.load(lines, first_line, libyaml=LIBYAML is not None)


# --- the model -----------------------------------------------------------------------------------------------


def parse(path: str, lines: tuple[str, ...], spec: Specification | None = None) -> Report:
    """The report a YAML source's lines hold, read by ``spec`` (by default the national format in force)."""
    spec = spec or default()
    loaded = load(lines)
    if loaded.findings:
        return Report(
            path,
            "yaml",
            None,
            None,
            None,
            (),
            {},
            lines,
            parse_findings=loaded.findings,
            unreadable=True,
            spec=spec,
            comments=loaded.comments,
        )
    return _Builder(path, lines, loaded, spec).report()


def metadata_of(document: Any, nodes: Mapping[NodePath, Node]) -> Metadata | None:
    """The metadata keys of a YAML mapping (a YAML report's top level, or Markdown front matter), as written."""
    if not isinstance(document, dict):
        return None
    fields: dict[str, Text] = {}
    for name, key in METADATA_KEYS.items():
        value = document.get(key)
        node = nodes.get((key,))
        if node is not None and value is not None and not isinstance(value, dict | list):
            fields[name] = Text(node.source if node.source is not None else str(value), node.text)
    return Metadata(**fields) if fields else None


# Which part a heading is: every report has the same six headings, and find_heading compares a heading with each
# official one (difflib), 0.6 ms a report, more than half of building its model. It is a pure function of the
# specification (which hashes by its key) and the text: a bounded cache gives the same answers.
_part_of = lru_cache(maxsize=1024)(find_heading)


class _Part:
    """A part of 正文 while it is gathered."""

    __slots__ = ("end_line", "heading", "paragraphs", "part")

    def __init__(self, part: int, heading: Text, paragraphs: list[Text], end_line: int) -> None:
        self.part = part
        self.heading = heading
        self.paragraphs = paragraphs
        self.end_line = end_line


class _Builder:
    """The Report a ``.txt`` of the same report gives; whatever does not have the expected shape is left out
    (S001 says what is wrong with it)."""

    def __init__(self, path: str, lines: tuple[str, ...], loaded: Loaded, spec: Specification | None = None) -> None:
        self.path = path
        self.lines = lines
        self.loaded = loaded
        self.spec = spec or default()
        self.nodes = loaded.nodes
        document = loaded.document
        self.top: dict[str, Any] = document if isinstance(document, dict) else {}

    def report(self) -> Report:
        title, agency, year = self.title()
        preamble = self.texts((KEYS.preamble,))
        parts, more = self.parts()
        keys = table_keys(self.spec).items()
        tables = {key: table for key, table in ((key, self.table(key, zh)) for key, zh in keys) if table}
        sections = [
            Section(part.part, part.heading, tuple(part.paragraphs), self.line_start(part.end_line)) for part in parts
        ]
        report = Report(
            self.path,
            "yaml",
            title,
            agency,
            year,
            tuple(sections),
            tables,
            self.lines,
            (*preamble, *more),
            metadata=metadata_of(self.loaded.document, self.nodes),
            data=source_data("report", self.loaded),
            spec=self.spec,
            comments=self.loaded.comments,
            end=self.last_text(),
        )
        return report._replace(period=find_period(report.prose()))

    def line_start(self, line: int) -> Position:
        """Where the text of a line starts (a part's or a table's last line: what is missing there is placed so)."""
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return Position(line, len(text) - len(text.lstrip()) + 1)

    def last_text(self) -> Position:
        """Where the text of the last scalar with any starts: what comes after the report is placed there."""
        written = (node.text for node in self.nodes.values() if node.source is not None and node.source.strip())
        return max(written, default=Position(1, 1))

    def pos(self, path: NodePath) -> Position:
        """Where a node is written; a node inside an alias has no place of its own: the nearest one that has."""
        for end in range(len(path), -1, -1):
            node = self.nodes.get(path[:end])
            if node is not None:
                return node.pos
        return Position(1, 1)

    def text(self, path: NodePath, value: Any) -> Text | None:
        """A scalar as a Text at where its text starts; None for a list, a mapping, null or blank text."""
        if value is None or isinstance(value, dict | list | bool):
            return None
        node = self.nodes.get(path)
        written = value if isinstance(value, str) else (node.source if node and node.source else str(value))
        stripped = written.strip()
        if not stripped:
            return None
        if node is None:
            return Text(stripped, self.pos(path))
        lead = written[: len(written) - len(written.lstrip())]
        column = node.text.column + (len(lead) if "\n" not in lead else 0)
        return Text(stripped, Position(node.text.line, column))

    def texts(self, path: NodePath) -> list[Text]:
        """The Texts of a list of strings (or of one string)."""
        value = self.value(path)
        if not isinstance(value, list):
            value = [value]
            paths: list[NodePath] = [path]
        else:
            paths = [(*path, index) for index in range(len(value))]
        return [text for item_path, item in zip(paths, value, strict=True) if (text := self.text(item_path, item))]

    def value(self, path: NodePath) -> Any:
        node: Any = self.loaded.document
        for step in path:
            if isinstance(node, dict) and isinstance(step, str):
                node = node.get(step)
            elif isinstance(node, list) and isinstance(step, int) and step < len(node):
                node = node[step]
            else:
                return None
        return node

    def title(self) -> tuple[Text | None, str | None, int | None]:
        written = self.text((KEYS.title,), self.top.get(KEYS.title))
        if written is None:
            return None, None, None
        title, agency, year, _ = parse_title(self.spec, (written,))
        return title or written, agency, year

    def parts(self) -> tuple[list[_Part], list[Text]]:
        """The parts of 正文, and paragraphs before the first part. An item whose heading is not a part's is
        kept as paragraphs of the part before it, as the text parser keeps a line that is not a heading."""
        body = self.top.get(KEYS.sections)
        parts: list[_Part] = []
        before: list[Text] = []
        if not isinstance(body, list):
            return parts, before
        for index, item in enumerate(body):
            path: NodePath = (KEYS.sections, index)
            if isinstance(item, dict):
                heading = self.text((*path, KEYS.heading), item.get(KEYS.heading))
                paragraphs = self.texts((*path, KEYS.paragraphs)) if KEYS.paragraphs in item else []
            else:
                heading, paragraphs = self.text(path, item), []
            node = self.nodes.get(path)
            end_line = node.end_line if node else self.pos(path).line
            number = _part_of(self.spec, heading.text) if heading else None
            if number is not None and heading is not None:
                parts.append(_Part(number, heading, paragraphs, end_line))
                continue
            loose = ([heading] if heading else []) + paragraphs
            if parts:
                parts[-1].paragraphs.extend(loose)
                parts[-1].end_line = max(parts[-1].end_line, end_line)
            else:
                before.extend(loose)
        return parts, before

    def table(self, key: str, name: str) -> Table | None:
        value = self.top.get(name)
        node = self.nodes.get((name,))
        if not isinstance(value, dict) or node is None:
            return None  # no table (T001), or not one (S001)
        header = tuple(self.texts((name, KEYS.header)))
        rows: list[Row] = []
        unplaced: list[Row] = []
        # A table whose one row has no label of its own (表四) takes each item's cells as that row's, whatever
        # key they are written under (the data form writes 数据).
        unlabelled = unlabelled_row(self.spec, key)
        vocabulary = labels.vocabulary(self.spec, key)
        items = value.get(KEYS.rows)
        for index, item in enumerate(items if isinstance(items, list) else []):
            path: NodePath = (name, KEYS.rows, index)
            entries = list(item.items()) if isinstance(item, dict) else [(item, None)]
            for label, cells in entries:
                if isinstance(label, dict | list) or label is None:
                    continue
                cells_path: NodePath = (*path, label) if isinstance(item, dict) else path
                label_node = self.nodes.get(cells_path)
                label_pos = label_node.key if label_node and label_node.key else self.pos(path)
                built = self.cells(cells_path, cells) if isinstance(item, dict) else ()
                if unlabelled is not None:
                    rows.append(Row(unlabelled.key, None, built, label_pos))
                    continue
                row_key = vocabulary.row_key(str(label))
                row = Row(row_key or "", Text(str(label), label_pos), built, label_pos)
                (rows if row_key else unplaced).append(row)
        pos = node.key or node.pos
        return Table(key, pos, self.line_start(node.end_line), header, tuple(rows), tuple(unplaced))

    def cells(self, path: NodePath, value: Any) -> tuple[Cell, ...]:
        if isinstance(value, dict):
            return ()
        if not isinstance(value, list):
            return (self.cell(path, value),)
        return tuple(self.cell((*path, index), item) for index, item in enumerate(value))

    def cell(self, path: NodePath, value: Any) -> Cell:
        """A cell read from its text as the text parser reads it: 15 → 15, "/" → a placeholder, "" → blank."""
        node = self.nodes.get(path)
        pos = node.pos if node is not None else self.pos(path)
        source = node.source if node is not None else None
        if type(value) is int and source and source.isdigit() and source.isascii() and len(source) <= MAX_DIGITS:
            # A count written in ASCII digits, as nearly every cell is: what to_cell makes of its text, directly.
            return Cell(source, value, None, pos)
        if value is None:
            return to_cell(RawCell("", pos))
        if isinstance(value, list):
            return Cell("[…]", None, "not_a_number", pos)
        if isinstance(value, dict):
            return Cell("{…}", None, "not_a_number", pos)
        if isinstance(value, str):
            return to_cell(RawCell(value.strip(), pos))
        if isinstance(value, int | float) and not isinstance(value, bool) and source:
            # The number as written, so that "18.8710" keeps its decimals; else as Python writes it (0x1F → 31).
            cell = to_cell(RawCell(source.strip(), pos))
            if cell.value is not None:
                return cell
        return to_cell(RawCell(source.strip() if isinstance(value, bool) and source else str(value), pos))

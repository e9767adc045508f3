"""The bounded YAML loader: one YAML document as plain data, every node with its line and column, its comments,
and what could not be read as findings (I003 syntax, I004 limits). The YAML source (checks/sources/yaml.py), the
front matter of a Markdown report (checks/sources/markdown.py) and the configuration (checks/config.py) read YAML
with it, so each of them is bounded alike and placed alike.

The text is read in one pass over a YAML event stream, which builds plain JSON-like data (dict, list, str, int,
float, bool, None) and records where each node is written. Reading events instead of composing a node tree lets
every limit be checked before the work it bounds is done: an alias is refused when its expansion would pass
MAX_NODES (an alias bomb is never expanded), nesting is refused at MAX_DEPTH, and nothing recurses. Aliases share
the anchored value rather than copying it.

The events come from libyaml's parser (ruamel.yaml.clib) where that extension is installed: twenty times as fast as
ruamel's pure-Python parser (0.5 ms instead of 9 ms for a report), with the same events and marks (lines and
columns in characters). Its messages differ, and so may the point where it stops, so a document it does not read
to the end without a finding is read again by the pure-Python parser: what is said about a bad document, and
where, does not depend on which parser is installed (tests/test_yaml_source.py compares the two).

Comments are the parse's, never a guess from the lines: a ``#`` line inside a block scalar (``段落: |``) or a
quoted string is text. Only comments on lines of their own are kept (a directive is written so: checks/
suppression.py). ruamel's scanner says what it skipped as comments, up to where it stopped; libyaml's parser says
nothing of comments, so for a document it reads cleanly a ``#`` line is a comment unless it lies within a scalar
that spans lines (the only place a ``#`` line can be text), which its events mark. The two agree (tested).
"""

from __future__ import annotations

import bisect
import contextlib
import importlib
import math
import re
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from typing import Any, NamedTuple

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scanner import RoundTripScanner, Scanner

from checks.findings import Finding, Message
from checks.model import Comment, Position, SourceData
from checks.numbers import MAX_DIGITS
from checks.reading import over_limit

# A report is 10–50 KB: about 500 nodes, 5 levels deep, no aliases, paragraphs of a few hundred characters. The
# limits leave a margin of 10–20 times and keep the worst case to about a second: ruamel's pure-Python scanner
# takes about 0.5 µs a character and 40 µs a node, so the 5 MB a text report may have would take many seconds.
MAX_ALIASES = 100
MAX_DEPTH = 20  # a report needs 5 (表三 › 行 › item › row › cells)
MAX_SCALAR = 100_000  # characters in one scalar, and in one line
MAX_NODES = 10_000  # nodes, aliases expanded
MAX_CHARS = 500_000  # characters in the whole document

NodePath = tuple[str | int, ...]


def _libyaml() -> Any:
    """libyaml's event parser from ruamel.yaml.clib, or None where that extension is not installed (PyPy, a
    platform without a wheel). ruamel.yaml has already loaded it if it is there: asking again costs nothing."""
    try:
        return getattr(importlib.import_module("_ruamel_yaml"), "CParser", None)
    except ImportError:
        return None


LIBYAML: Any = _libyaml()  # None: every document is read by the pure-Python parser (``load(libyaml=False)`` too)


class Node(NamedTuple):
    """Where one node of a loaded document is written.

    ``pos`` is where the node starts (a quoted scalar's opening quote, a mapping's first key); a block list or
    mapping that starts on a later line than its key is placed at the key, which is what names it. ``text`` is
    where a scalar's text starts (after the quote; a block scalar's first line), so that an offset into the text
    is an offset into the line. ``source`` is a scalar's text as written, before it was typed ("0x1F", "18.8710").
    """

    pos: Position
    text: Position
    end_line: int
    key: Position | None  # a mapping value: where its key is written
    source: str | None


class Loaded(NamedTuple):
    """A YAML document as plain data, with the position of every node by its path (keys and list indexes).

    ``document`` is None when the text could not be loaded (then ``findings`` say why: I003 or I004) — or when
    it holds no document at all. ``parser`` is the parser whose events were read: "libyaml" or "ruamel".
    ``comments`` are the comments on lines of their own, in order: all of them, or those before the point where
    a document that could not be loaded stopped being read (none when it was refused unread: too large).
    """

    document: Any
    positions: dict[NodePath, Position]
    findings: tuple[Finding, ...]
    nodes: dict[NodePath, Node]
    parser: str = "ruamel"
    comments: tuple[Comment, ...] = ()


def source_data(schema: str, loaded: Loaded) -> SourceData:
    """A loaded document as the schema rule (S001) reads it: where each node is written, and each key."""
    keys = {path: node.key for path, node in loaded.nodes.items() if node.key is not None}
    return SourceData(schema, loaded.document, loaded.positions, keys)


def load(lines: Sequence[str], first_line: int = 1, *, libyaml: bool = True) -> Loaded:
    """Load one YAML document; ``lines[0]`` is line ``first_line`` of the file (front matter starts on line 2).
    ``libyaml``: read with libyaml's parser first where it is installed (False: with ruamel's alone)."""
    lines = tuple(lines)
    try:
        _check_size(lines, first_line - 1)
    except _Stop as stop:
        return Loaded(None, {}, (stop.finding,), {})
    reader = _read(lines, first_line - 1, libyaml and LIBYAML is not None)
    if reader.stopped is not None:
        return Loaded(None, {}, (reader.stopped,), {}, reader.parser, reader.comments)
    positions = {path: node.pos for path, node in reader.nodes.items()}
    return Loaded(reader.document, positions, (), reader.nodes, reader.parser, reader.comments)


def _read(lines: tuple[str, ...], offset: int, libyaml: bool) -> _Reader:
    """The document read to its end, or to where it stops (``_Reader.stopped``)."""
    text = "\n".join(lines)
    if libyaml and not _RUAMEL_ONLY.search(text):
        # Anything short of a clean read (a syntax error, a limit, a duplicate key, _Reread, or any other exception)
        # is read again from the start by ruamel's parser, whose findings the tests pin. That runs this module's
        # code on the same events, so a fault of its own is not hidden: it shows there.
        with contextlib.suppress(Exception):
            reader = _Reader(lines, offset, "libyaml")
            reader.take_all(_libyaml_events(text))
            reader.comments = _comments_outside(lines, reader.spans, offset)
            return reader
    reader = _Reader(lines, offset, "ruamel")
    try:
        reader.run_pure(text)
    except _Stop as stop:
        reader.stopped = stop.finding
    return reader


def _check_size(lines: tuple[str, ...], offset: int) -> None:
    """The limits on the text as a whole, checked before any parser reads it."""
    size = sum(map(len, lines)) + len(lines)
    if size > MAX_CHARS:
        zh = f"YAML 数据长达 {size:,} 个字符（上限 {MAX_CHARS:,}），未检查"
        en = f"YAML data of {size:,} characters (limit {MAX_CHARS:,}); not checked"
        raise _Stop(_i004(Position(1 + offset, 1), zh, en, MAX_CHARS, size))
    # A long line is refused before a scanner reads it character by character (seconds for megabytes).
    for index, line in enumerate(lines):
        if len(line) > MAX_SCALAR:
            number = index + 1 + offset
            zh = f"第 {number} 行长达 {len(line):,} 个字符（上限 {MAX_SCALAR:,}），未检查"
            en = f"line {number} has {len(line):,} characters (limit {MAX_SCALAR:,}); not checked"
            raise _Stop(_i004(Position(number, 1), zh, en, MAX_SCALAR, len(line)))


def _libyaml_events(text: str) -> Iterator[Event]:
    """libyaml's events for ``text``; it raises (ruamel's ScannerError, ParserError…) where the text is not YAML."""
    events: Iterator[Event] = iter(LIBYAML(text).get_event, None)  # None after the stream's end
    return events


# Characters the parsers read differently. libyaml takes a tab after a value or between flow items, where ruamel
# stops (I003, with its hint that YAML indents with spaces); libyaml ends a line at NEL, LS and PS (YAML 1.1), ruamel
# does not (1.2), so the lines after them differ. A text with one of them is left to ruamel; a report has none.
_RUAMEL_ONLY = re.compile("[\t\x85\u2028\u2029]")


@cache
def _resolver(version: tuple[int, int] | None) -> VersionedResolver:
    return VersionedResolver(version)


def _plain_value(version: tuple[int, int] | None, text: str) -> Any:
    """A plain scalar's value: its text resolved to a tag as a %YAML version (None: 1.2) does, then typed."""
    return _typed(str(_resolver(version).resolve(ScalarNode, text, (True, False))), text)


# The same short text resolves alike in every document of a YAML version, and reports repeat their numbers: a
# look-up costs less than the resolver. Only short texts, so that what is kept stays small whatever is read; the
# values are immutable (None, bool, int, float, str), so sharing them is safe.
_SHORT = 24
_short_plain_value = lru_cache(maxsize=4096)(_plain_value)


# --- reading events ------------------------------------------------------------------------------------------


class _Stop(Exception):
    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message.en)
        self.finding = finding


class _Reread(Exception):
    """What libyaml read is not used: the document is read again by ruamel's parser."""


class _Anchor(NamedTuple):
    """What an anchor (``&name``) stands for, for its aliases (``*name``)."""

    value: Any
    size: int  # nodes, aliases expanded
    height: int  # levels of collections
    source: str | None  # a scalar's text, so that it can serve as a key


class _Frame:
    """An open collection (or the stream, which holds the document) while its events are read."""

    __slots__ = (
        "anchor",
        "container",
        "deepest",
        "depth",
        "first",
        "flow",
        "key",
        "key_at",
        "key_pos",
        "last_line",
        "path",
        "pos",
    )
    container: dict[str, Any] | list[Any] | None  # None: the stream, which holds the document
    path: NodePath
    pos: Position
    key_pos: Position | None
    anchor: str | None
    depth: int
    first: int  # the node count when it opened
    flow: bool
    deepest: int
    last_line: int
    key: str | None  # a mapping's key that waits for its value
    key_at: Position | None

    def __init__(
        self,
        container: dict[str, Any] | list[Any] | None,
        path: NodePath,
        pos: Position,
        key_pos: Position | None,
        anchor: str | None,
        depth: int,
        first: int,
        flow: bool,
        deepest: int = 0,
        last_line: int = 0,
    ) -> None:
        self.container = container
        self.path = path
        self.pos = pos
        self.key_pos = key_pos
        self.anchor = anchor
        self.depth = depth
        self.first = first
        self.flow = flow
        self.deepest = deepest
        self.last_line = last_line
        self.key = None
        self.key_at = None


_CORE = "tag:yaml.org,2002:"
_COMPLEX_KEY = ("键只能是文字，不能是列表或映射", "a key must be a scalar, not a list or mapping")
_TRUE = frozenset({"true", "yes", "on", "y"})  # yes/on/y only resolve to bool under %YAML 1.1


class _Scanner(Scanner):
    """ruamel's plain scanner, which skips comments where its round-trip scanner collects them: the same events,
    and a report is read in three quarters of the time (the events of 6 KB: 9 ms instead of 13 ms). It looks less
    far ahead, so of two syntax errors a few tokens apart it may report the other one (nearly always the earlier).

    It keeps the round-trip scanner's reading of a tag's URI escapes (``!x%25zz`` stays as written): its own
    decodes them and the tag decodes them again, which raises ValueError on an escaped "%". It does not keep the
    BEL ("\\a") the round-trip scanner puts into a folded scalar (``>``) at each fold, to write the fold back:
    that character reached paragraph text. It notes where it skipped comments.
    """

    scan_uri_escapes = RoundTripScanner.scan_uri_escapes

    def scan_to_next_token(self) -> None:
        # Whatever the scanner skips between tokens is blanks, line breaks and comments (a "#" after a blank, to
        # the end of the line): a "#" there starts a comment. Its own code skips it; the stretch is noted, in the
        # loader's ``skipped`` (``_Reader.run_pure`` sets it), to be read once the document is.
        reader: Any = self.reader
        start = reader.pointer
        super().scan_to_next_token()
        if reader.buffer.find("#", start, reader.pointer) >= 0:
            self.loader.skipped.append((start, reader.pointer))


class _Reader:
    def __init__(self, lines: tuple[str, ...], offset: int, parser: str) -> None:
        self.lines = lines
        self.parser = parser
        self.libyaml = parser == "libyaml"
        self.offset = offset
        self.document: Any = None
        self.nodes: dict[NodePath, Node] = {}
        self.anchors: dict[str, _Anchor] = {}
        self.stack = [_Frame(None, (), Position(1 + offset, 1), None, None, 0, 0, False)]
        self.total = 0
        self.aliases = 0
        self.documents = 0
        self.version: tuple[int, int] | None = None  # the document's %YAML version; None: 1.2
        # The scalars that span lines, as (start line, column, end line, column) of their marks (0-based, in the
        # text): the only places a "#" line can be text, for the comments of a document libyaml read.
        self.spans: list[tuple[int, int, int, int]] = []
        self.comments: tuple[Comment, ...] = ()
        self.stopped: Finding | None = None  # why the document could not be read to its end

    def take_all(self, events: Iterator[Event]) -> None:
        # The events of a report are nearly all scalars and collections: those go straight to their method (by
        # exact class); anything else, or a subclass, through ``take``.
        scalar, open_, close, take = self.scalar, self.open, self.close, self.take
        for event in events:
            if type(event) is ScalarEvent:
                scalar(event)
            elif type(event) is MappingStartEvent or type(event) is SequenceStartEvent:
                open_(event)
            elif type(event) is MappingEndEvent or type(event) is SequenceEndEvent:
                close(event)
            else:
                take(event)

    def run_pure(self, text: str) -> None:
        """Read ``text`` with ruamel's pure-Python parser; its errors become I003 at its marks."""
        yaml: Any = YAML(typ="safe", pure=True)  # its scanner finds ``skipped`` on it
        yaml.Scanner = _Scanner
        skipped: list[tuple[int, int]] = []  # (start, end) in the text of each stretch skipped that holds a "#"
        yaml.skipped = skipped
        try:
            with contextlib.closing(yaml.parse(text)) as events:
                self.take_all(events)
        except MarkedYAMLError as error:
            raise _Stop(self.syntax_error(error)) from None
        except ReaderError as error:
            before = text[: error.position]
            pos = self.at_index(before.count("\n"), len(before) - before.rfind("\n") - 1)
            message = _i003(pos, f"不允许的字符（{error.character!r}）", f"{error.reason}: {error.character!r}")
            raise _Stop(message) from None
        except YAMLError as error:
            raise _Stop(_i003(self.at_index(0, 0), "无法读取", str(error).strip())) from None
        finally:
            # What it skipped as comments before it stopped, if it did: a directive above a syntax error still
            # counts, and nothing after it is taken for a comment.
            self.comments = _skipped_comments(self.lines, text, skipped, self.offset)

    # Positions -------------------------------------------------------------------------------------------------

    def at_index(self, line: int, column: int) -> Position:
        return Position(line + 1 + self.offset, column + 1)

    def at(self, mark: Any) -> Position:
        return Position(mark.line + 1 + self.offset, mark.column + 1)

    def text_start(self, event: ScalarEvent, pos: Position) -> Position:
        """Where a scalar's text starts; ``pos``, where the scalar does, for a plain one."""
        mark = event.start_mark
        if event.style in ('"', "'"):
            return self.at_index(mark.line, mark.column + 1)
        if event.style in ("|", ">"):
            for index in range(mark.line + 1, min(event.end_mark.line + 1, len(self.lines))):
                line = self.lines[index]
                if line.strip():
                    return self.at_index(index, len(line) - len(line.lstrip()))
        return pos

    # Events ----------------------------------------------------------------------------------------------------

    def take(self, event: Event) -> None:
        if isinstance(event, ScalarEvent):
            self.scalar(event)
        elif isinstance(event, CollectionStartEvent):
            self.open(event)
        elif isinstance(event, SequenceEndEvent | MappingEndEvent):
            self.close(event)
        elif isinstance(event, AliasEvent):
            self.alias(event)
        elif isinstance(event, DocumentStartEvent):
            self.version = event.version
            self.documents += 1
            if self.documents > 1:
                raise _Stop(
                    _i003(
                        self.at(event.start_mark),
                        "文件中有第二个 YAML 文档（“---”）：一份报告只能是一个文档",
                        'a second YAML document ("---"): a report is one document',
                    )
                )
        elif isinstance(event, DocumentEndEvent) and event.explicit and self.parser == "libyaml":
            raise _Reread  # after "...", ruamel may start a document (an I003 here) where libyaml does not

    def count(self, nodes: int, event: Event, alias: str | None = None) -> None:
        self.total += nodes
        if self.total > MAX_NODES:
            raise self.too_many(event, alias)

    def too_many(self, event: Event, alias: str | None = None) -> _Stop:
        zh = f"展开别名「*{alias}」后" if alias else ""
        en = f" once alias *{alias} is expanded" if alias else ""
        return _Stop(
            _i004(
                self.at(event.start_mark),
                f"{zh}数据超过 {MAX_NODES:,} 个节点，未检查",
                f"more than {MAX_NODES:,} nodes{en}; not checked",
                MAX_NODES,
            )
        )

    # scalar, open and close run for nearly every event (a report has about 500): they read each attribute once,
    # and count nodes and make positions inline rather than through ``count`` and ``at``.

    def scalar(self, event: ScalarEvent) -> None:
        written: str = event.value
        if len(written) > MAX_SCALAR:
            raise _Stop(
                _i004(
                    self.at(event.start_mark),
                    f"单个值长达 {len(written):,} 个字符（上限 {MAX_SCALAR:,}），未检查",
                    f"a value of {len(written):,} characters (limit {MAX_SCALAR:,}); not checked",
                    MAX_SCALAR,
                    len(written),
                )
            )
        self.total += 1
        if self.total > MAX_NODES:
            raise self.too_many(event)
        frame = self.stack[-1]
        container = frame.container
        key_pos = frame.key_at
        is_key = key_pos is None and isinstance(container, dict)
        style = event.style
        empty = written == "" and not style  # an empty plain scalar: libyaml's style "", ruamel's None
        if self.libyaml and (
            (empty and key_pos is None)
            or (event.anchor is not None and event.tag is not None)
            or (container is None and style in ("|", ">"))
        ):
            # Where the parsers read a node differently, ruamel's reading is kept (the tests pin it). An empty
            # scalar has no place of its own: they mark the next token, a comment for ruamel, what follows it for
            # libyaml (a mapping's value is placed at its key, below; an empty document, list item or key is not).
            # A node written "!tag &anchor" is placed at its tag by libyaml and at its anchor by ruamel. A block
            # scalar that is the whole document may have lines at column 1: text for ruamel, "#…" a comment for
            # libyaml. None of them is in a report.
            raise _Reread
        start, end = event.start_mark, event.end_mark
        if end.line > start.line:
            self.spans.append((start.line, start.column, end.line, end.column))
        offset = self.offset
        pos = Position(start.line + 1 + offset, start.column + 1)
        # A block scalar ends at the start of the next line: its last line is the one before.
        end_line = (end.line if end.column == 0 and end.line > start.line else end.line + 1) + offset
        if is_key:
            if frame.last_line < end_line:
                frame.last_line = end_line
            self.take_key(frame, written, pos)
            if event.anchor is not None:
                self.anchors[event.anchor] = _Anchor(written, 1, 0, written)
            return
        value = self.typed(event)
        text = self.text_start(event, pos) if style else pos
        if empty and key_pos is not None:
            # An empty value has no place of its own (a parser marks the next token): it is where its key is.
            pos = text = key_pos
            end_line = key_pos.line
        if frame.last_line < end_line:
            frame.last_line = end_line
        path = self.put(value)
        self.nodes[path] = Node(pos, text, end_line, key_pos, written)
        if event.anchor is not None:
            self.anchors[event.anchor] = _Anchor(value, 1, 0, written)

    def take_key(self, frame: _Frame, key: str, pos: Position) -> None:
        assert isinstance(frame.container, dict)
        if key in frame.container:
            first = self.nodes.get((*frame.path, key))
            where_zh = f"（首次出现在第 {first.key.line} 行）" if first and first.key else ""
            where_en = f" (first at line {first.key.line})" if first and first.key else ""
            raise _Stop(_i003(pos, f"重复的键「{key}」{where_zh}", f'duplicate key "{key}"{where_en}'))
        frame.key = key
        frame.key_at = pos

    def put(self, value: Any) -> NodePath:
        """Place a value in the open collection; its path."""
        frame = self.stack[-1]
        container = frame.container
        if container is None:
            self.document = value
            return ()
        if isinstance(container, dict):
            key = frame.key
            assert key is not None
            container[key] = value
            frame.key = frame.key_at = None
            return (*frame.path, key)
        container.append(value)
        return (*frame.path, len(container) - 1)

    def open(self, event: CollectionStartEvent) -> None:
        if self.libyaml and event.anchor is not None and event.tag is not None:
            raise _Reread  # placed at its tag by libyaml, at its anchor by ruamel (see scalar)
        frame = self.stack[-1]
        start = event.start_mark
        pos = Position(start.line + 1 + self.offset, start.column + 1)
        key_pos = frame.key_at
        if key_pos is None and isinstance(frame.container, dict):
            raise _Stop(_i003(pos, *_COMPLEX_KEY))
        self.total += 1
        if self.total > MAX_NODES:
            raise self.too_many(event)
        depth = frame.depth + 1
        if depth > MAX_DEPTH:
            raise _Stop(
                _i004(
                    pos,
                    f"嵌套超过 {MAX_DEPTH} 层，未检查",
                    f"nested more than {MAX_DEPTH} levels deep; not checked",
                    MAX_DEPTH,
                )
            )
        flow = bool(event.flow_style)
        if key_pos is not None and not flow and pos.line > key_pos.line:
            pos = key_pos
        container: dict[str, Any] | list[Any] = {} if isinstance(event, MappingStartEvent) else []
        path = self.put(container)
        self.stack.append(_Frame(container, path, pos, key_pos, event.anchor, depth, self.total, flow, depth, pos.line))

    def close(self, event: Event) -> None:
        stack = self.stack
        frame = stack.pop()
        end_line = frame.last_line
        if frame.flow:
            end_line = max(end_line, event.end_mark.line + 1 + self.offset)
        self.nodes[frame.path] = Node(frame.pos, frame.pos, end_line, frame.key_pos, None)
        parent = stack[-1]
        if parent.last_line < end_line:
            parent.last_line = end_line
        if parent.deepest < frame.deepest:
            parent.deepest = frame.deepest
        if frame.anchor is not None:
            size = self.total - frame.first + 1
            self.anchors[frame.anchor] = _Anchor(frame.container, size, frame.deepest - frame.depth + 1, None)

    def alias(self, event: AliasEvent) -> None:
        pos = self.at(event.start_mark)
        anchor = self.anchors.get(event.anchor)
        if anchor is None:
            name = event.anchor
            if any(frame.anchor == name for frame in self.stack):
                zh, en = f"别名「*{name}」引用了包含它自己的锚点「&{name}」", f"alias *{name} refers to itself"
            else:
                zh, en = f"别名「*{name}」之前没有对应的锚点「&{name}」", f"undefined alias *{name}"
            raise _Stop(_i003(pos, zh, en))
        self.aliases += 1
        if self.aliases > MAX_ALIASES:
            raise _Stop(
                _i004(
                    pos,
                    f"别名（*）超过 {MAX_ALIASES} 个，未检查（报告不需要别名）",
                    f"more than {MAX_ALIASES} aliases (*); not checked (a report needs none)",
                    MAX_ALIASES,
                )
            )
        frame = self.stack[-1]
        if isinstance(frame.container, dict) and frame.key_at is None:
            if anchor.source is None:
                raise _Stop(_i003(pos, *_COMPLEX_KEY))
            self.count(1, event)
            self.take_key(frame, anchor.source, pos)
            return
        self.count(anchor.size, event, event.anchor)
        depth = frame.depth + anchor.height
        if depth > MAX_DEPTH:
            raise _Stop(
                _i004(
                    pos,
                    f"展开别名「*{event.anchor}」后嵌套超过 {MAX_DEPTH} 层，未检查",
                    f"nested more than {MAX_DEPTH} levels deep once alias *{event.anchor} is expanded; not checked",
                    MAX_DEPTH,
                )
            )
        frame.deepest = max(frame.deepest, depth)
        key_pos = frame.key_at
        frame.last_line = max(frame.last_line, pos.line)
        path = self.put(anchor.value)
        self.nodes[path] = Node(pos, pos, pos.line, key_pos, anchor.source)

    # Values ----------------------------------------------------------------------------------------------------

    def typed(self, event: ScalarEvent) -> Any:
        """A scalar as JSON-like data: resolved as YAML does (1.2 unless the file says %YAML 1.1)."""
        text: str = event.value
        tag = event.tag
        if tag is not None:
            return _typed(str(tag), text)
        if not event.implicit[0]:  # quoted or block: always a string
            return text
        if len(text) <= _SHORT:
            return _short_plain_value(self.version, text)
        return _plain_value(self.version, text)

    def syntax_error(self, error: MarkedYAMLError) -> Finding:
        mark = error.problem_mark or error.context_mark
        pos = self.at(mark) if mark is not None else self.at_index(0, 0)
        problem = " ".join(str(part) for part in (error.context, error.problem) if part) or str(error).strip()
        return _i003(pos, _hint(problem), problem)


# --- comments ------------------------------------------------------------------------------------------------

# Where ruamel's scanner ends a comment: a line break of any YAML version (it reads NEL, LS and PS so in 1.2 too).
_COMMENT_END = re.compile("[\r\x85\u2028\u2029]")


def _comment(lines: tuple[str, ...], index: int, column: int, offset: int) -> Comment | None:
    """The comment whose "#" is at ``column`` of ``lines[index]`` (0-based), if it is alone on its line."""
    line = lines[index]
    if line[:column].strip(" \t"):
        return None  # after a value ("key: 1  # …"): not a line of its own
    end = _COMMENT_END.search(line, column)
    text = line[column + 1 : end.start() if end else len(line)]
    return Comment(text.strip(), Position(index + 1 + offset, column + 1))


def _skipped_comments(
    lines: tuple[str, ...], text: str, skipped: list[tuple[int, int]], offset: int
) -> tuple[Comment, ...]:
    """The comments in the stretches of ``text`` (``lines`` joined) ruamel's scanner skipped: in each, a "#"
    starts a comment that runs to the end of its line, and a "#" on a later line starts another."""
    if not skipped:
        return ()
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    found: list[Comment] = []
    for start, end in skipped:
        at = text.find("#", start, end)
        while at >= 0:
            index = bisect.bisect_right(starts, at) - 1
            comment = _comment(lines, index, at - starts[index], offset)
            if comment is not None:
                found.append(comment)
            line_end = text.find("\n", at, end)
            at = text.find("#", line_end, end) if line_end >= 0 else -1
    return tuple(found)


def _comments_outside(
    lines: tuple[str, ...], spans: list[tuple[int, int, int, int]], offset: int
) -> tuple[Comment, ...]:
    """The comments of a document read to its end: every line whose first character but spaces is "#", unless it
    lies inside a scalar that spans lines (``spans``, in document order, none inside another). One pass over both."""
    found: list[Comment] = []
    at = 0
    for index, line in enumerate(lines):
        column = len(line) - len(line.lstrip(" "))
        if not line.startswith("#", column):
            continue
        here = (index, column)
        while at < len(spans) and (spans[at][2], spans[at][3]) <= here:
            at += 1
        if at < len(spans) and (spans[at][0], spans[at][1]) < here:
            continue  # a line of a block scalar or a quoted string
        comment = _comment(lines, index, column, offset)
        if comment is not None:
            found.append(comment)
    return tuple(found)


# --- values ----------------------------------------------------------------------------------------------------


def _typed(tag: str, text: str) -> Any:
    """A scalar's text as JSON-like data by its tag; a text its tag's type cannot read stays text."""
    kind = tag[len(_CORE) :] if tag.startswith(_CORE) else "str"
    try:
        if kind == "null":
            return None
        if kind == "bool":
            return text.lower() in _TRUE
        if kind == "int":
            return _to_int(text)
        if kind == "float":
            return _to_float(text)
    except ValueError:
        return text
    return text  # str, and timestamps: a date stays as written, the schema checks its form


def _to_int(text: str) -> int:
    if len(text) > MAX_DIGITS + 3:  # sign and base prefix: no figure of a report; stays text (a finding)
        raise ValueError(text)
    if text.isdigit() and text.isascii():  # a count, as nearly every cell is
        return int(text)
    digits = text.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    digits = digits.lstrip("+-")
    for prefix, base in (("0x", 16), ("0o", 8), ("0b", 2)):
        if digits.lower().startswith(prefix):
            return sign * int(digits[2:], base)
    return sign * int(digits)


def _to_float(text: str) -> float:
    lowered = text.lower().replace("_", "")
    if lowered in (".inf", "+.inf"):
        return math.inf
    if lowered == "-.inf":
        return -math.inf
    if lowered == ".nan":
        return math.nan
    return float(lowered)


# ruamel's problem texts for the mistakes people make by hand, explained.
_HINTS = (
    ("'\\t'", "含有制表符：YAML 的缩进只能用空格"),
    ("mapping values are not allowed", "此处不能出现“键: 值”：值中含有未加引号的“: ”，或缩进不对"),
    ("could not find expected ':'", "缺少“:”，或上一行的引号、括号没有闭合"),
    ("expected <block end>", "缩进不一致：同一层的键或“- ”项须对齐"),
    ("unexpected end of stream", "引号或括号没有闭合"),
    ("found unexpected end", "引号或括号没有闭合"),
    ("expected ',' or ']'", "方括号列表没有闭合，或项之间缺少逗号"),
    ("expected ',' or '}'", "花括号映射没有闭合，或项之间缺少逗号"),
    ("found character '@'", "“@”和“`”不能作为值的开头，请给值加引号"),
    ("found character '`'", "“@”和“`”不能作为值的开头，请给值加引号"),
    ("<stream end>", "文件意外结束：括号或引号没有闭合"),
    ("expected the node content", "此处缺少值"),
)


def _hint(problem: str) -> str:
    for needle, zh in _HINTS:
        if needle in problem:
            return f"{zh}（{problem}）"
    return problem


def _i003(pos: Position, zh: str, en: str) -> Finding:
    return Finding("I003", pos, Message(f"YAML 语法错误：{zh}", f"YAML syntax error: {en}"))


def _i004(pos: Position, zh: str, en: str, limit: int, actual: int | None = None) -> Finding:
    return over_limit(zh, en, limit, actual, at=pos)

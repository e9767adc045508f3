"""Family S: data a source states directly (a YAML report, Markdown front matter) against the report schema.

Each violation is reported at the node it concerns, and named in the document's own words (its keys, row labels
and part headings), not as a JSON path.

jsonschema finds the violations and its errors become the messages. It is also the heaviest import of a run (~50 ms,
a quarter of a one-file run), so a document is first given to jsonschema-rs (~12 ms to import, 0.01 ms to validate a
report), and only one that it does not find valid — one with a violation, the rare case on a commit — is given to
jsonschema. jsonschema-rs must therefore never pass a document that jsonschema would fail: where it judged otherwise
(a "date" format that allows the year 0) it is given jsonschema's own check, and tests/test_schema_gate.py holds the
two to the same verdict on every example and on generated mutations. (It fails an infinite or NaN number, which
jsonschema passes: the safe way round, since jsonschema then judges.)
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from checks import labels
from checks.findings import Finding, Message, Severity
from checks.model import KEYS, Position, Report, SourceData, table_keys
from checks.normalize import best_match
from checks.rules import names, rule
from checks.specs import Specification
from checks.visible import shortened

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError
    from jsonschema.protocols import Validator

NodePath = tuple[str | int, ...]
SCHEMA_FILE = "report.schema.json"


@cache
def _schemas() -> dict[str, dict[str, Any]]:
    """``report``: the whole schema; ``metadata``: its ``$defs/metadata`` alone, with no other keys allowed."""
    from checks.resources import load_schema

    schema = load_schema(SCHEMA_FILE)
    metadata = {
        "$schema": schema["$schema"],
        "$defs": schema["$defs"],
        "$ref": "#/$defs/metadata",
        "unevaluatedProperties": False,
    }
    return {"report": schema, "metadata": metadata}


@cache
def _validators() -> dict[str, Validator]:
    """jsonschema's validators, which find the violations: built when a document has one."""
    # Imported here: jsonschema is the heaviest import of a run, and only data that breaks the schema needs it.
    from jsonschema import Draft202012Validator

    checker = Draft202012Validator.FORMAT_CHECKER
    return {name: Draft202012Validator(schema, format_checker=checker) for name, schema in _schemas().items()}


@cache
def _gate(name: str) -> Callable[[Any], bool] | None:
    """jsonschema-rs's verdict, valid or not, for the schema ``name``; None where it is not installed. Built for the
    schema a document needs (a YAML report: ``report``; Markdown front matter: ``metadata``), when it needs it."""
    try:
        import jsonschema_rs
    except ImportError:  # a platform without its wheel: jsonschema judges every document
        return None
    validator = jsonschema_rs.Draft202012Validator(_schemas()[name], formats={"date": _is_date}, validate_formats=True)
    return validator.is_valid


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def _is_date(value: Any) -> bool:
    """jsonschema's "date" format (its FORMAT_CHECKER), for jsonschema-rs: YYYY-MM-DD in ASCII digits, a real day of
    a year from 1 on. jsonschema-rs's own takes the year 0 ("0000-01-01"), which Python's dates do not have."""
    if not isinstance(value, str):
        return True
    if not _DATE.fullmatch(value):
        return False
    from datetime import date  # here: only a document with a date needs it (~2 ms to import)

    try:
        return bool(date.fromisoformat(value))
    except ValueError:
        return False


def _passes(name: str, document: Any) -> bool:
    """Whether jsonschema-rs finds the document valid; False where it is missing or cannot take the document."""
    gate = _gate(name)
    if gate is None:
        return False
    try:
        return gate(document)
    except Exception:  # a value it cannot convert (none is known): jsonschema, which takes any, judges
        return False


def _schema(name: str) -> Mapping[str, Any]:
    return _schemas()[name]


@rule("S001", Severity.ERROR, "报告数据不符合 JSON Schema", "report data violates the JSON Schema")
def schema_violations(report: Report) -> Iterator[Finding]:
    """
    YAML 报告的数据、Markdown 文件头（front matter）中的元数据须符合 schemas/report.schema.json：
    键名是规定的中文键（标题、机关、年度、层级、发布日期、前言、正文、表二、表三、表四，部分中的“标题”“段落”，
    表格中的“表头”“行”），不能有未知的键；类型正确：年度是整数，发布日期写作 YYYY-MM-DD，段落是文字，
    每个单元格是数字，空白单元格写 null。没有数字的单元格（“/”、“12件”、加了引号的 "12" 或 ""）不符合 schema，
    表格规则（T004）再说明应填什么；写作 null 的空白单元格不提示本规则，由 T004 每张表提示一次。问题报告在 YAML
    中对应的行和列。数据不符合 schema，无法按格式读取和核对，是错误。纯文本（.txt）报告没有这样的数据，不适用本规则。
    错误示例：`规章: [0, 0, "/"]`；`年度: 2025年`；把“标题”写成“标提”；`正文:` 下写成键值映射而不是列表。
    正确示例：`规章: [0, 0, 0]`；`年度: 2025`；`标题: 示例县自然资源局2025年政府信息公开工作年度报告`；
    `正文:` 下每个部分写作 `- 标题: 一、总体情况` 和 `段落: […]`。
    ---
    The data a YAML report states, and the metadata of a Markdown report's front matter, must satisfy
    schemas/report.schema.json: only the Chinese keys it defines (no unknown key), the right types (年度 an
    integer, 发布日期 YYYY-MM-DD, paragraphs text, every cell a number, or null for a blank one). A cell without a
    number ("/", "12件", a quoted "12" or "") breaks the schema; the table rules (T004) say what it should hold.
    A blank cell written null is no S001: T004 reports the table's blanks once. Each problem is
    reported at its line and column in the YAML. Plain-text (.txt) reports state no such data.
    Failing: `规章: [0, 0, "/"]`; `年度: 2025年`; a key `标提` for `标题`; a mapping under `正文:`.
    Passing: `规章: [0, 0, 0]`; `年度: 2025`; `标题: …`; `正文:` as a list of `- 标题: …` / `段落: […]` items.
    """
    data = report.data
    if data is None or _passes(data.schema, data.document):
        return
    validator = _validators()[data.schema]
    findings: list[tuple[NodePath, Finding]] = []
    for error in validator.iter_errors(data.document):
        findings.extend(_findings(report.spec, error, data, _schema(data.schema)))
    findings.sort(key=lambda item: (item[1].pos.line, item[1].pos.column, [str(step) for step in item[0]]))
    seen: set[tuple[Position, str]] = set()
    for _, finding in findings:
        # A date that breaks both "pattern" and "format" is one problem.
        if (finding.pos, finding.message.zh) not in seen:
            seen.add((finding.pos, finding.message.zh))
            yield finding


def _findings(
    spec: Specification, error: ValidationError, data: SourceData, schema: Mapping[str, Any]
) -> Iterator[tuple[NodePath, Finding]]:
    path: NodePath = tuple(error.absolute_path)
    kind = error.validator
    if kind in ("unevaluatedProperties", "additionalProperties") and isinstance(error.instance, dict):
        allowed = _allowed_keys(error.schema, schema)
        for key in error.instance:
            if key not in allowed:
                yield _finding(spec, data, (*path, key), *_unknown_key(key, allowed), at_key=True)
        return
    if kind == "required" and isinstance(error.instance, dict) and isinstance(error.validator_value, list):
        for key in error.validator_value:
            if key not in error.instance and repr(key) in error.message:
                yield _finding(spec, data, path, f"缺少「{key}」", f'"{key}" is missing')
        return
    yield _finding(spec, data, path, *_problem(error))


def _finding(
    spec: Specification, data: SourceData, path: NodePath, zh: str, en: str, at_key: bool = False
) -> tuple[NodePath, Finding]:
    """The finding for the node at ``path``, placed at the node (``at_key``: at its key, when the source says)."""
    place_zh, place_en = _place(data.document, path)
    table, row, col = _cell_of(spec, data.document, path)
    pos = data.keys.get(path) if at_key else None
    return path, Finding(
        "S001",
        pos or _position(data.positions, path),
        Message(f"{place_zh}：{zh}", f"{place_en}: {en}"),
        actual="/".join(map(str, path)),
        table=table,
        row=row,
        col=col,
    )


def _position(positions: Mapping[NodePath, Position], path: NodePath) -> Position:
    """Where the innermost node on the path that has a place is written."""
    for end in range(len(path), -1, -1):
        pos = positions.get(path[:end])
        if pos is not None:
            return pos
    return Position(1, 1)


# --- naming places and problems in the document's words ------------------------------------------------------

_TYPES = {
    "string": ("文字", "text"),
    "number": ("数字", "a number"),
    "integer": ("整数", "a whole number"),
    "array": ("列表（“- ”项或 [ ]）", "a list"),
    "object": ("键值映射（“键: 值”）", "a mapping"),
    "null": ("空值", "null"),
    "boolean": ("是非值", "true or false"),
}
_ITEMS = {  # how an item of a list under this key is called
    KEYS.rows: ("第 {n} 行", "row {n}"),
    KEYS.paragraphs: ("第 {n} 段", "paragraph {n}"),
    KEYS.preamble: ("第 {n} 段", "paragraph {n}"),
    KEYS.header: ("第 {n} 个表头", "header {n}"),
    KEYS.sections: ("第 {n} 部分", "part {n}"),
}


@cache
def _tables(spec: Specification) -> dict[str, str]:
    """The table key of each table name the data form uses (表二 -> t2), as the report's specification names them."""
    return {zh: key for key, zh in table_keys(spec).items()}


def _is_cell(path: NodePath, index: int) -> bool:
    """Whether ``path[index]`` is the index of a cell: 表X › 行 › n › label › here."""
    return (
        index >= 3
        and isinstance(path[index], int)
        and isinstance(path[index - 1], str)
        and isinstance(path[index - 2], int)
        and path[index - 3] == KEYS.rows
    )


def _place(document: Any, path: NodePath) -> tuple[str, str]:
    """``表三 › 行 › 一、本年新收政府信息公开申请数量 › 第 3 个单元格``, and its English."""
    zh: list[str] = []
    en: list[str] = []
    node = document
    for index, step in enumerate(path):
        parent = path[index - 1] if index else None
        item = node[step] if isinstance(node, list) and isinstance(step, int) and step < len(node) else None
        if isinstance(step, str):
            zh.append(step)
            en.append(step)
        elif _is_cell(path, index):
            zh.append(f"第 {step + 1} 个单元格")
            en.append(f"cell {step + 1}")
        elif parent == KEYS.rows and index + 1 < len(path):
            pass  # the row's label, which comes next, names it
        elif parent == KEYS.sections and isinstance(item, dict) and isinstance(item.get(KEYS.heading), str):
            zh.append(f"「{item[KEYS.heading]}」")
            en.append(f"part {step + 1} ({item[KEYS.heading]})")
        else:
            item_zh, item_en = _ITEMS.get(parent, ("第 {n} 项", "item {n}")) if isinstance(parent, str) else _GENERIC
            zh.append(item_zh.format(n=step + 1))
            en.append(item_en.format(n=step + 1))
        node = _step(node, step)
    if not zh:
        return "文档", "the document"
    return " › ".join(zh), " › ".join(en)


_GENERIC = ("第 {n} 项", "item {n}")
_SHOWN = 40  # characters of a value a message quotes


def _step(node: Any, step: str | int) -> Any:
    if isinstance(node, dict) and isinstance(step, str):
        return node.get(step)
    if isinstance(node, list) and isinstance(step, int) and step < len(node):
        return node[step]
    return None


def _cell_of(spec: Specification, document: Any, path: NodePath) -> tuple[str | None, str | None, str | None]:
    """The table, row and column keys of a place in a table, as far as they are known."""
    table = _tables(spec).get(path[0]) if path and isinstance(path[0], str) else None
    if table is None or len(path) < 4 or path[1] != KEYS.rows or not isinstance(path[3], str):
        return table, None, None
    official = spec.rows[table]
    # A table of one unlabelled row (表四) names it by position; other rows as the YAML source identified them.
    unlabelled = len(official) == 1 and not official[0].label
    row = official[0].key if unlabelled else labels.vocabulary(spec, table).row_key(path[3])
    if row is None or len(path) < 5 or not isinstance(path[4], int):
        return table, row, None
    columns = names.row_spec(spec, table, row).columns
    cells = _step(_step(_step(_step(document, path[0]), path[1]), path[2]), path[3])
    placed = isinstance(cells, list) and len(cells) == len(columns)
    return table, row, columns[path[4]].key if placed else None


def _shown(value: Any) -> tuple[str, str]:
    """A value as a message shows it."""
    if value is None:
        return "空值", "null"
    if isinstance(value, bool):
        return ("true", "true") if value else ("false", "false")
    if isinstance(value, dict):
        return "键值映射", "a mapping"
    if isinstance(value, list):
        return "列表", "a list"
    import json  # here: only a finding that quotes a value needs it

    text = shortened(json.dumps(value, ensure_ascii=False), _SHOWN)
    return text, text


def _type_names(expected: Any) -> tuple[str, str]:
    kinds = expected if isinstance(expected, list) else [expected]
    zh = "或".join(_TYPES.get(kind, (kind, kind))[0] for kind in kinds)
    en = " or ".join(_TYPES.get(kind, (kind, kind))[1] for kind in kinds)
    return zh, en


def _problem(error: ValidationError) -> tuple[str, str]:
    kind, expected, value = error.validator, error.validator_value, error.instance
    shown_zh, shown_en = _shown(value)
    if kind == "type":
        zh, en = _type_names(expected)
        hint_zh = hint_en = ""
        if expected in ("object", ["object"]) and isinstance(value, str) and "：" in value:
            hint_zh = "（“键: 值”的冒号须是半角“:”，其后加空格）"
            hint_en = ' (a key and its value are separated by an ASCII ":" and a space, not "：")'
        return f"应为{zh}，实际为 {shown_zh}{hint_zh}", f"expected {en}, got {shown_en}{hint_en}"
    if kind == "enum" and isinstance(expected, list):
        options = [str(option) for option in expected]
        return (
            f"应为 {'、'.join(options)} 之一，实际为 {shown_zh}",
            f"expected one of {', '.join(options)}, got {shown_en}",
        )
    if kind in ("pattern", "format"):
        return f"应写作 YYYY-MM-DD 形式的日期，实际为 {shown_zh}", f"expected a date as YYYY-MM-DD, got {shown_en}"
    if kind == "minimum":
        return f"应不小于 {expected}，实际为 {shown_zh}", f"expected at least {expected}, got {shown_en}"
    if kind == "maximum":
        return f"应不大于 {expected}，实际为 {shown_zh}", f"expected at most {expected}, got {shown_en}"
    if kind == "minLength":
        return "不能为空", "must not be empty"
    if kind in ("minProperties", "maxProperties"):
        return (
            "每行应写作“行标签: [数字, …]”，只有一个键",
            'each row is written "label: [number, …]", with exactly one key',
        )
    return error.message, error.message


def _unknown_key(key: str, allowed: tuple[str, ...]) -> tuple[str, str]:
    near = best_match(key, allowed, 0.5) if allowed else None
    suggestion_zh = f"，是否应为「{near[0]}」？" if near else ""
    suggestion_en = f'; did you mean "{near[0]}"?' if near else ""
    return (
        f"未知的键「{key}」{suggestion_zh}（此处可用的键：{'、'.join(allowed)}）",
        f'unknown key "{key}"{suggestion_en} (keys allowed here: {", ".join(allowed)})',
    )


def _allowed_keys(subschema: Any, root: Mapping[str, Any]) -> tuple[str, ...]:
    """The property names a (sub)schema declares, through ``allOf`` and local ``$ref``s, in schema order."""
    keys: dict[str, None] = {}
    pending = deque([subschema])
    seen: set[int] = set()
    while pending:
        current = pending.popleft()
        if not isinstance(current, dict) or id(current) in seen:
            continue
        seen.add(id(current))
        keys.update(dict.fromkeys(current.get("properties", {})))
        pending.extend(current.get("allOf", []))
        ref = current.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/"):
            target: Any = root
            for part in ref[2:].split("/"):
                target = target.get(part) if isinstance(target, dict) else None
            pending.append(target)
    return tuple(keys)

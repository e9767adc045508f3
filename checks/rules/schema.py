"""Family S: the model's JSON form against ``schemas/report.schema.json``, each violation at its source position."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from checks.findings import Finding, Message, Severity
from checks.model import Position, Report
from checks.rules import rule

if TYPE_CHECKING:
    from jsonschema.protocols import Validator


@cache
def _validator() -> Validator:
    # Imported here: jsonschema is the heaviest import of a run, and only this rule needs it.
    from jsonschema import Draft202012Validator

    from checks.resources import load_schema

    schema = load_schema("report.schema.json")
    return Draft202012Validator(schema)


def _position(instance: Any, path: Any) -> Position:
    """The position of the innermost object on the path that records one."""
    pos = Position(1, 1)
    node = instance
    for step in [*path, None]:
        if isinstance(node, dict) and isinstance(node.get("line"), int) and isinstance(node.get("column"), int):
            pos = Position(max(node["line"], 1), max(node["column"], 1))
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    return pos


# Sources that state the model's data directly (YAML, written by hand) can break the schema. A model the text
# parser builds from typed values satisfies it by construction — the tests prove it over the seed, the corpus and
# the examples — so validating it again would only cost the import and ~15 ms a report.
DATA_FORMATS = frozenset({"yaml"})


@rule("S001", Severity.ERROR, "报告数据不符合 JSON Schema", "report data violates the JSON Schema")
def schema_violations(report: Report) -> Iterator[Finding]:
    """
    报告数据（从 txt/md/yaml 读出的模型）须符合 schemas/report.schema.json：字段齐全、类型正确（件数是数字，
    不是文字）。YAML 源文件最常触发本规则。
    错误示例：YAML 中 `value: "12"`（字符串）。正确示例：`value: 12`。
    ---
    The report's data must satisfy schemas/report.schema.json: required fields present, types right (a count is
    a number, not a string). YAML sources trigger it most. Failing: `value: "12"`. Passing: `value: 12`.
    """
    if report.format not in DATA_FORMATS:
        return
    data = report.to_data()
    for error in sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        where = "/".join(str(p) for p in error.absolute_path) or "(根)"
        yield Finding(
            "S001",
            _position(data, error.absolute_path),
            Message(
                f"数据不符合 JSON Schema：{where}：{error.message}", f"schema violation at {where}: {error.message}"
            ),
            actual=where,
        )

"""The report schema: valid itself, documented in Chinese, satisfied by the data form of every parsed report except
at cells that hold no number, and S001 located at the offending node and named in the document's words."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from jsonschema.validators import validator_for

from checks.model import KEYS, Position, Report, SourceData
from checks.reading import decode
from checks.resources import load_schema
from checks.rules.schema import schema_violations
from checks.sources import text, yaml
from tests.conftest import CLEAN_TEXT, CORPUS, EXAMPLES, SEED

SCHEMAS = sorted((Path(__file__).resolve().parent.parent / "schemas").glob("*.json"))
REPORTS = [SEED, EXAMPLES / "clean.txt", EXAMPLES / "faulty.txt", *sorted(CORPUS.glob("*.txt"))]


def _lines(source: str) -> tuple[str, ...]:
    decoded = decode(source.encode("utf-8"))
    assert decoded.lines is not None
    return decoded.lines


def _report(source: str) -> Report:
    return text.parse("r.txt", _lines(source))


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_schema_is_valid_against_its_metaschema(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    validator_for(schema).check_schema(schema)


def _subschemas(schema: dict[str, Any], where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    for name, sub in schema.get("properties", {}).items():
        yield f"{where}/properties/{name}", sub
        yield from _subschemas(sub, f"{where}/properties/{name}")
    for name, sub in schema.get("$defs", {}).items():
        yield f"{where}/$defs/{name}", sub
        yield from _subschemas(sub, f"{where}/$defs/{name}")
    if isinstance(schema.get("items"), dict):
        yield from _subschemas(schema["items"], f"{where}/items")


def test_every_property_and_definition_is_documented_in_chinese() -> None:
    schema = load_schema("report.schema.json")
    found = list(_subschemas(schema))
    assert len(found) >= 20
    for where, sub in [("#", schema), *found]:
        for word in ("title", "description"):
            assert any("\u4e00" <= ch <= "\u9fff" for ch in sub.get(word, "")), (where, word)


def _is_cell(path: tuple[Any, ...]) -> bool:
    return len(path) == 5 and path[0] in ("表二", "表三", "表四") and path[1] == KEYS.rows and isinstance(path[4], int)


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_parsed_reports_satisfy_the_schema_except_at_cells_without_a_number(path: Path) -> None:
    validator = Draft202012Validator(load_schema("report.schema.json"))
    data = _report(path.read_text(encoding="utf-8")).to_data()
    for error in validator.iter_errors(data):
        where = tuple(error.absolute_path)
        assert _is_cell(where) and isinstance(error.instance, str), (path.name, where, error.message)


def test_cells_without_a_number_break_the_schema() -> None:
    data = _report((EXAMPLES / "faulty.txt").read_text(encoding="utf-8")).to_data()
    errors = list(Draft202012Validator(load_schema("report.schema.json")).iter_errors(data))
    assert [(tuple(e.absolute_path), e.instance) for e in errors] == [
        (("表二", "行", 0, "规章", index), "/") for index in range(3)
    ]


def _yaml_report(source: str) -> Report:
    return yaml.parse("r.yaml", _lines(source))


def test_violation_is_reported_at_the_cell_in_the_documents_words() -> None:
    source = (
        "标题: 示例县自然资源局2025年政府信息公开工作年度报告\n"
        "正文: []\n"
        "表三:\n"
        "  表头: []\n"
        "  行:\n"
        '    - 一、本年新收政府信息公开申请数量: [12, 2, "/", 0, 1, 0, 15]\n'
    )
    findings = list(schema_violations(_yaml_report(source)))
    column = source.split("\n")[5].index('"/"') + 1
    assert [(f.rule, f.pos) for f in findings] == [("S001", Position(6, column))]
    place = "表三 › 行 › 一、本年新收政府信息公开申请数量 › 第 3 个单元格"
    assert findings[0].message.zh == f'{place}：应为数字或空值，实际为 "/"'
    assert (findings[0].table, findings[0].row, findings[0].col) == ("t3", "new", "research")  # 科研机构


def test_text_reports_state_no_data_to_check() -> None:
    report = _report(CLEAN_TEXT)
    assert report.data is None
    assert list(schema_violations(report)) == []


def _metadata(document: dict[str, Any]) -> list[str]:
    positions = {(key,): Position(index + 2, 1) for index, key in enumerate(document)}
    report = Report("r.md", "md", None, None, None, (), {}, data=SourceData("metadata", document, positions))
    return [f"{f.pos.line}:{f.message.zh}" for f in schema_violations(report)]


def test_front_matter_is_checked_against_the_metadata_alone() -> None:
    assert _metadata({"机关": "示例县自然资源局", "年度": 2025, "层级": "县级", "发布日期": "2026-01-15"}) == []
    assert _metadata({}) == []
    assert _metadata({"机关": "示例县自然资源局", "标题": "某报告"}) == [
        "3:标题：未知的键「标题」（此处可用的键：机关、年度、层级、格式、发布日期）"
    ]
    assert _metadata({"年度": "2025年", "发布日期": "2026-02-30"}) == [
        '2:年度：应为整数，实际为 "2025年"',
        '3:发布日期：应写作 YYYY-MM-DD 形式的日期，实际为 "2026-02-30"',
    ]


def test_the_report_schema_takes_the_metadata_keys_too() -> None:
    document = {"标题": None, "正文": [], "机关": "某局", "年度": 2025, "层级": "乡镇", "发布日期": "2026-01-15"}
    assert list(Draft202012Validator(load_schema("report.schema.json")).iter_errors(document)) == []

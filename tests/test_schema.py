"""The report schema: valid itself, satisfied by every parsed report, and S001 located at the offending cell."""

from __future__ import annotations

import dataclasses

from jsonschema import Draft202012Validator

from checks.model import Cell, Report
from checks.reading import decode
from checks.resources import load_schema
from checks.rules.schema import schema_violations
from checks.sources.text import parse
from tests.conftest import CLEAN_TEXT, CORPUS, EXAMPLES, SEED


def _report(text: str) -> Report:
    decoded = decode(text.encode("utf-8"))
    assert decoded.lines is not None
    return parse("r.txt", decoded.lines)


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(load_schema("report.schema.json"))


def test_parsed_reports_satisfy_the_schema() -> None:
    # Why S001 can skip text sources: whatever the text parser builds is schema-valid.
    validator = Draft202012Validator(load_schema("report.schema.json"))
    for path in [SEED, EXAMPLES / "clean.txt", EXAMPLES / "faulty.txt", *sorted(CORPUS.glob("*.txt"))]:
        errors = list(validator.iter_errors(_report(path.read_text(encoding="utf-8")).to_data()))
        assert errors == [], (path, errors[:1])


def test_violation_is_reported_at_the_cell() -> None:
    report = _report(CLEAN_TEXT)
    t3 = report.tables["t3"]
    row = t3.rows[0]
    bad = dataclasses.replace(row.cells[2], problem="blank")  # a value with a reason for having none
    rows = (dataclasses.replace(row, cells=(*row.cells[:2], bad, *row.cells[3:])), *t3.rows[1:])
    broken = dataclasses.replace(
        report, format="yaml", tables={**report.tables, "t3": dataclasses.replace(t3, rows=rows)}
    )
    findings = list(schema_violations(broken))
    assert [f.rule for f in findings] == ["S001"]
    assert findings[0].pos == bad.pos
    assert isinstance(bad, Cell)
    assert list(schema_violations(dataclasses.replace(broken, format="txt"))) == []

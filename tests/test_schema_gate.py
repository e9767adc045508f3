"""S001's fast gate: jsonschema-rs never passes a document that jsonschema fails (checks/rules/schema.py).

jsonschema-rs alone decides only that a document is valid; jsonschema finds and words the violations of any other.
A document that jsonschema-rs passed and jsonschema fails would hide an S001, so the two are held to the same verdict,
for the whole report schema and for the front-matter metadata alone, on every YAML document the repository holds
(the examples in each source format, the test fixtures, the YAML in the docs) and on generated ones: the examples
edited as text, and their data edited as data (values of every type put anywhere, keys dropped and added).
"""

from __future__ import annotations

import copy
import math
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.model import KEYS, METADATA_KEYS, table_keys
from checks.reading import decode
from checks.rules import schema as schema_rule
from checks.sources import markdown, text, yaml
from checks.specs import default
from tests.conftest import CORPUS, EXAMPLES, ROOT, SEED
from tests.test_robustness import _EDIT, SOURCES, budget, mutate
from tests.test_yaml_source import BAD, _blocks

pytest.importorskip("jsonschema_rs")

SCHEMAS = ("report", "metadata")
REPORTS = [SEED, *sorted(CORPUS.glob("*.txt")), EXAMPLES / "clean.txt", EXAMPLES / "faulty.txt"]


def verdicts(document: Any) -> dict[str, bool]:
    """Whether each schema holds for the document (jsonschema's verdict), asserting that jsonschema-rs's is the same.

    Where a number is infinite or NaN they may differ the safe way only: no JSON number is, so jsonschema-rs fails
    the document, and jsonschema, which then judges it, takes the value as a number.
    """
    out: dict[str, bool] = {}
    for name in SCHEMAS:
        fast = schema_rule._passes(name, document)
        full = schema_rule._validators()[name].is_valid(document)
        assert not (fast and not full), (name, "jsonschema-rs passes what jsonschema fails", document)
        assert fast == full or _not_finite(document), (name, "jsonschema passes what jsonschema-rs fails", document)
        out[name] = full
    return out


def _not_finite(node: Any) -> bool:
    if isinstance(node, float):
        return not math.isfinite(node)
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
    return any(_not_finite(child) for child in children)


def _lines(source: str) -> tuple[str, ...]:
    decoded = decode(source.encode("utf-8"))
    assert decoded.lines is not None
    return decoded.lines


def _repository_documents() -> dict[str, Any]:
    """Every YAML document in the repository, and the data form of every report the tests read, by a name."""
    found: dict[str, Any] = {}
    for path in REPORTS:
        report = text.parse(str(path), _lines(path.read_text(encoding="utf-8")))
        found[f"{path.name} as data"] = report.to_data()
    for (name, fmt), source in SOURCES.items():  # the examples as `zfxxgk-lint convert` writes them
        if fmt == "yaml":
            found[f"{name}.yaml"] = yaml.load(_lines(source)).document
        elif fmt == "md":
            data = markdown.parse(f"{name}.md", _lines(source)).data
            if data is not None:
                found[f"{name}.md front matter"] = data.document
    for path in sorted((ROOT / "tests" / "fixtures").rglob("*.y*ml")):
        found[str(path.relative_to(ROOT))] = yaml.load(_lines(path.read_text(encoding="utf-8"))).document
    for index, (_, lines) in enumerate(_blocks(BAD / "pass.txt")):  # unusual YAML that is read
        found[f"tests/fixtures/bad/pass.txt block {index + 1}"] = yaml.load(lines).document
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        blocks = re.findall(r"```ya?ml\n(.*?)```", path.read_text(encoding="utf-8"), re.DOTALL)
        for index, block in enumerate(blocks):
            found[f"{path.relative_to(ROOT)} block {index + 1}"] = yaml.load(_lines(block)).document
    return found


DOCUMENTS = _repository_documents()


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_both_validators_judge_every_document_of_the_repository_alike(name: str) -> None:
    verdicts(DOCUMENTS[name])


def test_the_repository_has_documents_of_both_verdicts() -> None:
    # Else agreement would mean little: the examples hold valid reports, faulty.txt's "/" cells break the schema.
    reports = [verdicts(document)["report"] for document in DOCUMENTS.values()]
    assert len(reports) >= 15 and True in reports and False in reports


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2026-01-15", True),
        ("2024-02-29", True),
        ("2026-02-29", False),
        ("0000-01-01", False),  # jsonschema-rs's own "date" takes the year 0; jsonschema's does not
        ("2026-1-15", False),
        ("２０２６-01-15", False),
        ("2026-01-15\n", False),
        (20260115, False),
    ],
)
def test_publication_dates_are_judged_as_jsonschema_judges_them(value: Any, valid: bool) -> None:
    assert verdicts({METADATA_KEYS["published"]: value})["metadata"] is valid
    report = copy.deepcopy(DOCUMENTS["clean.yaml"])
    report[METADATA_KEYS["published"]] = value
    assert verdicts(report)["report"] is valid


@pytest.mark.parametrize(
    "cell", [0, 15, 18.871, -1, 1e300, math.inf, -math.inf, 2**70, True, None, "12", "/", [], {}, math.nan]
)
def test_any_cell_value_is_judged_alike(cell: Any) -> None:
    document = copy.deepcopy(DOCUMENTS["clean.yaml"])
    row = document[table_keys(default())["t3"]][KEYS.rows][0]
    label = next(iter(row))
    row[label][2] = cell
    number = isinstance(cell, int | float) and not isinstance(cell, bool)
    assert verdicts(document)["report"] is (number or cell is None)  # null: a blank cell (T004's)


# --- generated documents ------------------------------------------------------------------------------------------

_YAML = {name: source for (name, fmt), source in SOURCES.items() if fmt == "yaml"}


@budget(2.0)
@given(st.sampled_from(sorted(_YAML)), st.lists(_EDIT, min_size=1, max_size=8))
def test_edited_examples_are_judged_alike(name: str, edits: list[tuple[str, int, int, str]]) -> None:
    loaded = yaml.load(tuple(mutate(_YAML[name], edits).split("\n")))
    verdicts(loaded.document)


_SCHEMA_KEYS = sorted(
    {*METADATA_KEYS.values(), *table_keys(default()).values(), KEYS.title, KEYS.sections, KEYS.heading, KEYS.paragraphs}
    | {KEYS.preamble, KEYS.header, KEYS.rows}
)
_STRINGS = st.one_of(
    st.sampled_from(["", "一、总体情况", "县级", "乡镇", "2026-01-15", "0000-01-01", "2026-02-30", "12", "/", " "]),
    st.text(max_size=8),
)
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([2007, 2008, 2025, 2100, 2101, 2025.0, 2025.5]),
    st.floats(),  # NaN and infinities too
    _STRINGS,
)
_KEYS = st.one_of(st.sampled_from(_SCHEMA_KEYS), st.text(max_size=4))
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_KEYS, inner, max_size=4)),
    max_leaves=8,
)


def _containers(node: Any) -> list[Any]:
    """Every dict and list in a document, itself first."""
    found = [node] if isinstance(node, dict | list) else []
    for child in node.values() if isinstance(node, dict) else node if isinstance(node, list) else []:
        found += _containers(child)
    return found


# An edit: (which container, which item of it, what to do, a value, a key).
_DATA_EDIT = st.tuples(
    st.integers(min_value=0),
    st.integers(min_value=0),
    st.sampled_from(["replace", "delete", "add"]),
    _VALUES,
    _KEYS,
)


def edit_data(document: Any, edits: list[tuple[int, int, str, Any, str]]) -> Any:
    """A copy of ``document`` after each edit; positions are taken modulo the current sizes."""
    document = copy.deepcopy(document)
    for where, item, kind, value, key in edits:
        container = _containers(document)[where % len(_containers(document))]
        if isinstance(container, dict):
            keys = list(container)
            if kind == "add" or not keys:
                container[key] = value
            elif kind == "delete":
                del container[keys[item % len(keys)]]
            else:
                container[keys[item % len(keys)]] = value
        elif kind == "add" or not container:
            container.insert(item % (len(container) + 1), value)
        elif kind == "delete":
            del container[item % len(container)]
        else:
            container[item % len(container)] = value
    return document


@budget(3.0)
@given(
    st.sampled_from([name for name in sorted(DOCUMENTS) if isinstance(DOCUMENTS[name], dict)]),
    st.lists(_DATA_EDIT, min_size=1, max_size=6),
)
def test_documents_edited_as_data_are_judged_alike(name: str, edits: list[tuple[int, int, str, Any, str]]) -> None:
    verdicts(edit_data(DOCUMENTS[name], edits))


@budget(1.0)
@given(st.dictionaries(st.one_of(st.sampled_from(sorted(METADATA_KEYS.values())), _KEYS), _SCALARS, max_size=5))
def test_front_matter_of_any_values_is_judged_alike(document: dict[str, Any]) -> None:
    verdicts(document)


def test_a_valid_document_is_never_given_to_jsonschema(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise AssertionError("jsonschema was asked about a valid document")

    monkeypatch.setattr(schema_rule, "_validators", refuse)
    report = yaml.parse("clean.yaml", _lines(_YAML["clean"]))
    assert list(schema_rule.schema_violations(report)) == []


def test_without_jsonschema_rs_jsonschema_judges_every_document(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema_rule, "_gate", lambda name: None)
    faulty = yaml.parse("faulty.yaml", _lines(_YAML["faulty"]))
    assert [f.rule for f in schema_rule.schema_violations(faulty)] == ["S001"] * 3
    assert list(schema_rule.schema_violations(yaml.parse("clean.yaml", _lines(_YAML["clean"])))) == []


def test_the_gate_is_compiled_once_per_process() -> None:
    schema_rule._gate.cache_clear()
    for _ in range(3):
        schema_rule._passes("report", DOCUMENTS["clean.yaml"])
    info = schema_rule._gate.cache_info()
    assert (info.misses, info.hits) == (1, 2)
    assert info.currsize == 1  # only the schema asked for: a report's, not front matter's

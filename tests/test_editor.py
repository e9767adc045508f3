"""Editors check our YAML reports offline, against the schema copy beside them: shown with the real server.

A ``.yaml`` report starts with ``# yaml-language-server: $schema=report.schema.json`` (or ``../report.schema.json``:
the path from the report to a copy of schemas/report.schema.json placed beside the reports). yaml-language-server,
the server behind VS Code's YAML extension and the YAML support of most other editors, reads that modeline. These
tests start it (tests/lsp.py), open reports as an editor does and read the diagnostics it publishes, so what they
prove is what a user sees: a wrong cell underlined on its line, with no network (every fetch would go to a local
proxy that records and refuses it, tests/lsp.py: ProxyTrap).

Skipped when the server is not installed (``npm install -g yaml-language-server``). One server per module, several
documents in one session: the whole module takes a few seconds.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from checks.sources import read_report
from checks.writers import writer_for
from tests.conftest import EXAMPLES, ROOT, line_of
from tests.lsp import LspClient, ProxyTrap, default_settings

SERVER = shutil.which("yaml-language-server")
if SERVER is None:
    pytest.skip(
        "yaml-language-server not installed (npm install -g yaml-language-server): "
        "the editor tests need the real server",
        allow_module_level=True,
    )

SCHEMA = ROOT / "schemas" / "report.schema.json"
OLD_MODELINE = "# yaml-language-server: $schema=https://zfxxgk-lint.example/schemas/report.schema.json"
# The faulty copy changes one cell of 表二: 行政处罚's 12 becomes "12件", a string where the schema's
# $defs/cell demands a number (its description names "12件" as what must not be written).
GOOD_ROW = "- 行政处罚: [12]"
BAD_ROW = "- 行政处罚: [12件]"
BAD_CELL = "12件"
# What the server says about a value of the wrong type: the message of its JSON Schema validator for "type".
TYPE_MESSAGE = "Incorrect type. Expected one of number, null."  # null: a blank cell
ERROR = 1  # LSP DiagnosticSeverity.Error

Diagnostic = dict[str, Any]


def modeline(schema_ref: str) -> str:
    return f"# yaml-language-server: $schema={schema_ref}"


def report_body() -> str:
    """The clean example as `convert --to yaml` writes it, without its first line (the modeline)."""
    loaded = read_report(EXAMPLES / "clean.txt", 5_000_000)
    assert loaded is not None and loaded.report is not None, "examples/clean.txt did not read"
    text = writer_for("yaml")(loaded.report)
    first, _, body = text.partition("\n")
    assert first.startswith("# yaml-language-server: $schema="), first
    return body


def schema_valid(text: str) -> bool:
    """What the schema says, decided without the editor: the expected outcome for each document."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    document = YAML(typ="safe").load(text)
    return jsonschema.Draft202012Validator(schema).is_valid(document)


@dataclass
class Workspace:
    root: Path
    clean: Path
    faulty: Path
    nested_faulty: Path  # in a subfolder, naming ../report.schema.json
    bad_line: int  # 1-based line of the faulty cell in faulty and nested_faulty (same body, same first line count)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    root = tmp_path_factory.mktemp("editor")
    shutil.copyfile(SCHEMA, root / "report.schema.json")
    body = report_body()
    assert body.count(GOOD_ROW) == 1, "the clean example changed: pick another cell"
    faulty_body = body.replace(GOOD_ROW, BAD_ROW)
    clean = root / "clean.yaml"
    clean.write_text(modeline("report.schema.json") + "\n" + body, encoding="utf-8")
    faulty = root / "faulty.yaml"
    faulty.write_text(modeline("report.schema.json") + "\n" + faulty_body, encoding="utf-8")
    (root / "2025").mkdir()
    nested_faulty = root / "2025" / "faulty.yaml"
    nested_faulty.write_text(modeline("../report.schema.json") + "\n" + faulty_body, encoding="utf-8")
    # The expected outcomes, independently of the editor: the clean report is valid, the faulty one is not.
    assert schema_valid(clean.read_text(encoding="utf-8"))
    assert not schema_valid(faulty.read_text(encoding="utf-8"))
    return Workspace(root, clean, faulty, nested_faulty, line_of(faulty.read_text(encoding="utf-8"), BAD_ROW))


@dataclass
class Session:
    client: LspClient
    trap: ProxyTrap


@pytest.fixture(scope="module")
def session(workspace: Workspace) -> Iterator[Session]:
    assert SERVER is not None
    with ProxyTrap() as trap, LspClient([SERVER, "--stdio"], workspace.root, default_settings(trap.url)) as client:
        yield Session(client, trap)


def check(session: Session, path: Path) -> tuple[str, list[Diagnostic]]:
    """Open a report, prove the server applied the schema to it, and return its settled diagnostics.

    Hovering over the first key (标题, line 1 after the modeline) must show that key's title from the schema and
    name the local copy as its source: only then is an empty diagnostics list evidence, not a premature
    publication from before the schema was loaded. No fetch may have gone to the network meanwhile.
    """
    before = session.trap.seen()
    uri = session.client.open(path)
    hover = session.client.hover(uri, 1, 0)
    assert "报告标题" in hover, f"the schema was not applied to {path.name}: hover says {hover!r}"
    schema_uri = (path.parent / modeline_target(path)).resolve().as_uri()
    assert schema_uri in hover, hover
    diagnostics = session.client.diagnostics(uri, quiet=0.5)
    assert session.trap.seen() == before, f"the server tried the network: {session.trap.seen()[len(before) :]}"
    return uri, diagnostics


def modeline_target(path: Path) -> str:
    first = path.read_text(encoding="utf-8").partition("\n")[0]
    return first.partition("$schema=")[2]


def flagged_cell(diagnostics: list[Diagnostic], line: int) -> list[Diagnostic]:
    """Diagnostics from the schema that start on the 1-based ``line`` (LSP lines are 0-based)."""
    return [
        d
        for d in diagnostics
        if d["range"]["start"]["line"] == line - 1
        and d.get("severity") == ERROR
        and str(d.get("source", "")).startswith("yaml-schema")
        and d["message"] == TYPE_MESSAGE
    ]


def test_clean_report_has_no_errors(session: Session, workspace: Workspace) -> None:
    uri, diagnostics = check(session, workspace.clean)
    errors = [d for d in diagnostics if d.get("severity", ERROR) == ERROR]
    assert errors == [], errors
    # The same document, edited into the faulty one, does get flagged: this session validates it with the schema.
    published = session.client.change(uri, workspace.faulty.read_text(encoding="utf-8"), version=2)
    changed = session.client.diagnostics(uri, quiet=0.5, after=published)
    assert flagged_cell(changed, workspace.bad_line), changed


def test_faulty_cell_is_flagged_on_its_line(session: Session, workspace: Workspace) -> None:
    _, diagnostics = check(session, workspace.faulty)
    hits = flagged_cell(diagnostics, workspace.bad_line)
    assert hits, diagnostics
    # The range is the wrong cell itself, so the editor underlines "12件", not the whole row.
    line = workspace.faulty.read_text(encoding="utf-8").split("\n")[workspace.bad_line - 1]
    start, end = hits[0]["range"]["start"]["character"], hits[0]["range"]["end"]["character"]
    assert line[start:end] == BAD_CELL, (line, start, end)
    # The only complaint is that cell: the rest of the report is as valid as the clean one.
    assert len(diagnostics) == 1, diagnostics


def test_relative_schema_path_resolves_against_the_report_folder(session: Session, workspace: Workspace) -> None:
    _, diagnostics = check(session, workspace.nested_faulty)
    assert flagged_cell(diagnostics, workspace.bad_line), diagnostics


def test_old_url_modeline_does_not_validate_offline(workspace: Workspace, tmp_path: Path) -> None:
    """Why the modeline became relative: the old URL never resolves, so the editor checks nothing.

    A session of its own (the proxy trap then shows which fetches this document caused), the proxy refusing at
    once instead of a DNS lookup: deterministic and fast, no network needed.
    """
    old = tmp_path / "old.yaml"
    old.write_text(OLD_MODELINE + "\n" + workspace.faulty.read_text(encoding="utf-8").partition("\n")[2], "utf-8")
    assert SERVER is not None
    with ProxyTrap() as trap, LspClient([SERVER, "--stdio"], tmp_path, default_settings(trap.url)) as client:
        uri = client.open(old)
        diagnostics = client.diagnostics(uri, quiet=0.5)
        seen = trap.seen()
    assert "CONNECT zfxxgk-lint.example:443 HTTP/1.1" in seen, seen
    assert any("Unable to load schema from 'https://zfxxgk-lint.example/" in d["message"] for d in diagnostics), (
        diagnostics
    )
    # The faulty cell goes unnoticed: without its schema the server only checks YAML syntax.
    assert not flagged_cell(diagnostics, workspace.bad_line), diagnostics

"""The architecture docs/architecture.md describes, kept true: modules import each other without cycles, only the
specification registry reads the format's data modules, names of records do not collide, and the recipes name
files that exist."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "checks"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _imported_at_load(path: Path) -> set[str]:
    """The package's modules a module imports when it is loaded: top-level imports, not those inside functions
    (imported when first needed) or under ``if TYPE_CHECKING`` (for the type checker only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("checks"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("checks"))
    return found & MODULES.keys()


def test_no_import_cycles() -> None:
    graph = {name: _imported_at_load(path) - {name} for name, path in MODULES.items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target] if target in path else [name, target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_only_the_registry_reads_the_formats_data() -> None:
    """Parsers, rules and writers read the report's specification (``report.spec``), never a data module."""
    data = {name for name in MODULES if name.startswith("checks.specs.") and name != "checks.specs.records"}
    readers = []
    for name, path in MODULES.items():
        if name.startswith("checks.specs"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):  # lazy imports too
            if isinstance(node, ast.ImportFrom) and node.module:
                imported = {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
                readers.extend(f"{name} imports {module}" for module in sorted(imported & data))
    assert readers == []


def test_record_names_do_not_collide() -> None:
    """A class name is defined once in the package: three ``Block``s or two ``Loaded``s are three meanings."""
    defined: dict[str, list[str]] = {}
    for name, path in MODULES.items():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                defined.setdefault(node.name, []).append(name)
    assert {name: where for name, where in defined.items() if len(where) > 1} == {}


def test_the_architecture_recipes_name_files_that_exist() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:checks|tests|schemas|docs|bench)/[\w/.-]+\.(?:py|md|json|yaml))`", text))
    assert named, "the recipes name the files to touch"
    assert sorted(path for path in named if not (ROOT / path).exists()) == []


def test_the_schemas_name_exactly_the_registered_formats() -> None:
    """The 格式 a report states, and the format a configuration chooses, are keys of the registry (checks/specs)."""
    import json

    from checks.specs import names

    report = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    assert report["$defs"]["metadata"]["properties"]["格式"]["enum"] == list(names())
    config = json.loads((ROOT / "schemas" / "config.schema.json").read_text(encoding="utf-8"))
    assert config["$defs"]["format"]["examples"] == list(names())

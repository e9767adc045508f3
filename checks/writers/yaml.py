"""YAML: the report's data form (``Report.to_data()``), block style, each row's cells as a flow list."""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter

from checks.model import KEYS, Report, table_keys
from checks.specs import Specification, default

# The schema file editors check a YAML report against, found by the modeline relative to the report (editors
# resolve it offline): `convert` and `init` put a copy beside the reports (checks/writers/support.py).
SCHEMA_FILE = "report.schema.json"


def modeline(schema: str = SCHEMA_FILE) -> str:
    """The comment yaml-language-server (VS Code's YAML extension and others) reads the schema's path from."""
    return f"# yaml-language-server: $schema={schema}"


def write(report: Report, schema: str = SCHEMA_FILE) -> str:
    """The report as YAML; ``schema``: the path from the report's folder to its schema (``../report.schema.json``)."""
    data = CommentedMap(report.to_data())
    for key, zh in table_keys(report.spec).items():
        if zh in data:
            data[zh] = _table(report.spec, key, data[zh])
    return modeline(schema) + "\n" + dump(data)


def dump(data: Any) -> str:
    """YAML text of ``data``: Chinese kept readable; strings YAML would read as something else are quoted."""
    yaml = YAML()
    yaml.allow_unicode = True
    yaml.width = 4096  # a long paragraph stays on one line instead of being folded
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(type(None), _null)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _null(representer: RoundTripRepresenter, _: None) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def _table(spec: Specification, key: str, table: dict[str, Any]) -> CommentedMap:
    out = CommentedMap(table)
    rows = []
    for row in table[KEYS.rows]:
        ((label, cells),) = row.items()
        flow = CommentedSeq(cells)
        flow.fa.set_flow_style()
        rows.append(CommentedMap([(label, flow)]))
    out[KEYS.rows] = rows
    out.yaml_set_comment_before_after_key(KEYS.rows, before="\n".join(column_comments(key, spec)), indent=2)
    return out


def column_comments(key: str, spec: Specification | None = None) -> list[str]:
    """What each row's cells are, in order: one line per set of columns the table's rows share (in ``spec``, by
    default the national format in force)."""
    sets: dict[tuple[str, ...], list[str]] = {}
    for row in (spec or default()).rows[key]:
        sets.setdefault(tuple(c.label for c in row.columns), []).append(row.label)
    if len(sets) == 1:
        return ["列：" + "、".join(next(iter(sets)))]
    return [f"列（{'、'.join(rows)}）：" + "、".join(columns) for columns, rows in sets.items()]

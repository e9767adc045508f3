"""Find the JSON Schemas that ship with zfxxgk-lint, installed or in a checkout.

``schemas/`` sits at the top of the repository, outside the package, so editors and other tools can point at it.
A wheel carries it inside the package as ``checks/schemas/`` (see ``force-include`` in pyproject.toml), because an
installed pre-commit hook has no checkout to read from. An editable install or a plain checkout has only the
top-level folder, so both places are tried, the installed one first. (An editable install also leaves a copy
under site-packages/checks/schemas/, but it is never read: this module's own folder is the checkout's package.)

Both places are found from this module's file, not with ``importlib.resources``, whose import (with zipfile and
its readers) costs more than the rest of reading a schema. The package is only ever installed as files on disk
(a wheel unpacked by pip); a package imported from a zip archive would have no schemas here, and the error below
says where they were looked for.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent
# The installed wheel's checks/schemas/, beside checks/__init__.py.
_INSTALLED_SCHEMAS = _PACKAGE / "schemas"
# A checkout's top-level schemas/ folder, for editable installs and running from source.
_CHECKOUT_SCHEMAS = _PACKAGE.parent / "schemas"


def schema_text(name: str) -> str:
    """Return the text of the schema file ``name`` (e.g. ``report.schema.json``)."""
    installed = _INSTALLED_SCHEMAS / name
    if installed.is_file():
        return installed.read_text(encoding="utf-8")
    in_checkout = _CHECKOUT_SCHEMAS / name
    if in_checkout.is_file():
        return in_checkout.read_text(encoding="utf-8")
    raise FileNotFoundError(
        f"schema {name!r} not found: looked in the installed package ({installed}) "
        f"and in the source checkout ({in_checkout}); reinstall zfxxgk-lint or restore schemas/{name}"
    )


@functools.cache
def load_schema(name: str) -> dict[str, Any]:
    """Return the parsed schema ``name``, read once per process (rules ask for it once per report).

    The dict is shared between callers: treat it as read-only.
    """
    import json  # here: a .txt or .docx run reads no schema

    loaded = json.loads(schema_text(name))
    if not isinstance(loaded, dict):
        raise ValueError(f"schema {name!r} is not a JSON object")
    return loaded

"""Files a written report needs beside it to work in the tools people open it with.

- ``report.schema.json`` for a YAML report: its first line, ``# yaml-language-server: $schema=…``, names the
  schema by a path relative to the report, so an editor (VS Code's YAML extension, any yaml-language-server
  client) checks the report while it is typed, offline.
- ``.markdownlint.yaml`` for a Markdown report: markdownlint's defaults want lines of at most 80 characters, but
  a Chinese paragraph must stay on one line (a line break inside it is shown as a space), and a table row of 表三
  is longer than that; this file turns that one rule off, and says why, for every Markdown file below it.

Each is looked for in the report's folder and the folders above it, up to the top of the repository (the folder
holding ``.git``); the nearest is used. When there is none, one is written in the report's folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from checks.findings import Message

MARKDOWNLINT_CONFIG = """\
# markdownlint settings for the reports in this folder and below (written by zfxxgk-lint convert/init).
# MD013 (line length): a Chinese paragraph is one line, since a line break inside it shows as a space,
# and a row of 表三 is longer than 80 characters; every other rule keeps markdownlint's default.
MD013: false
"""


class Support(NamedTuple):
    name: str
    content: Callable[[], str]
    purpose: Message  # what it is for, told when it is written


def _schema() -> str:
    from checks.resources import schema_text

    return schema_text("report.schema.json")


SCHEMA = Support(
    "report.schema.json",
    _schema,
    Message("编辑器据此离线检查 YAML 报告", "editors check the YAML reports against it, offline"),
)
MARKDOWNLINT = Support(
    ".markdownlint.yaml",
    lambda: MARKDOWNLINT_CONFIG,
    Message("markdownlint 据此检查 Markdown 报告", "markdownlint's settings for the Markdown reports"),
)
FOR_FORMAT = {"yaml": SCHEMA, "md": MARKDOWNLINT}


def nearest(report: Path, support: Support) -> Path | None:
    """The support file that applies to a report written at ``report``, if there is one already."""
    folder = report.absolute().parent
    for candidate in (folder, *folder.parents):
        if (candidate / support.name).is_file():
            return candidate / support.name
        if (candidate / ".git").exists():
            break
    return None


def provide(report: Path, support: Support) -> tuple[Path, bool]:
    """The support file for ``report``: the nearest one, else a new one in its folder (True: it was written)."""
    found = nearest(report, support)
    if found is not None:
        return found, False
    target = report.absolute().parent / support.name
    write_file(target, support.content(), exclusive=True)
    return target, True


def write_file(target: Path, text: str | bytes, *, exclusive: bool) -> None:
    """Write ``text`` (UTF-8, line ends as given; bytes as they are) to ``target`` all or nothing: into a temporary
    file beside it, then renamed into place, so that a full disk or a killed process never leaves a truncated
    report (nor a 0-byte one that a rerun of ``init`` would refuse to replace). ``exclusive``: fail with
    ``FileExistsError`` when ``target`` exists (a hard link puts the file in place only if the name is free)."""
    import tempfile

    folder = target.absolute().parent
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with open(handle, "wb") as file:
            file.write(text.encode("utf-8") if isinstance(text, str) else text)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; a report is as any file written
        if exclusive:
            _link(temporary, target)
        else:
            os.replace(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def relative(target: Path, start: Path) -> str:
    """``target`` as a ``/`` path relative to the folder ``start`` (what a modeline holds)."""
    return Path(os.path.relpath(target.absolute(), start.absolute())).as_posix()


def _link(temporary: str, target: Path) -> None:
    """Put ``temporary`` in place as ``target`` unless that exists; where the file system has no hard links,
    a check and a rename (not atomic against another writer, but never a partial file)."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError:
        if target.exists():
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
        os.replace(temporary, target)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

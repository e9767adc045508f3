"""The code blocks of the README and docs/: what the documentation tests run (tests/test_docs_commands.py and
the pre-commit snippet in tests/test_precommit.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import yaml  # type: ignore[import-untyped, unused-ignore]  # comes with pre-commit (the test extra)

ROOT = Path(__file__).resolve().parent.parent
SHELLS = ("sh", "shell", "bash", "console")
FENCE = re.compile(r"^(\s*)```(.*)$")


class Block(NamedTuple):
    source: str  # file:line, for messages
    language: str
    role: str
    lines: tuple[str, ...]


def documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def blocks(path: Path) -> list[Block]:
    found: list[Block] = []
    lines = path.read_text(encoding="utf-8").split("\n")
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        indent, info = opening.groups()
        words = info.split()
        body: list[str] = []
        index += 1
        while index < len(lines) and lines[index].strip() != "```":
            body.append(lines[index].removeprefix(indent))
            index += 1
        found.append(
            Block(f"{path.name}:{index - len(body)}", words[0] if words else "", " ".join(words[1:]), tuple(body))
        )
        index += 1
    return found


def every_block() -> list[Block]:
    return [block for path in documents() for block in blocks(path)]


def shell_commands(block: Block) -> list[str]:
    """The commands of a shell block: each line, without a trailing comment (``  # …``)."""
    commands = []
    for line in block.lines:
        command = re.sub(r"\s+#\s.*$", "", line).strip()
        if command and not command.startswith("#"):
            commands.append(command)
    return commands


def workflow_commands(block: Block) -> list[str]:
    """The shell lines of a CI workflow: GitHub's ``run:`` steps and GitLab's ``script:`` items."""
    try:
        document = yaml.safe_load("\n".join(block.lines))
    except yaml.YAMLError:
        return []
    commands: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "run" and isinstance(value, str):
                    commands.extend(line for line in value.split("\n") if line.strip())
                elif key == "script" and isinstance(value, list):
                    commands.extend(item for item in value if isinstance(item, str))
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(document)
    return [re.sub(r"\s+#\s.*$", "", command).strip() for command in commands]


def readme_block(language: str, role: str) -> Block:
    """The README's one block of ``language`` and ``role``."""
    [block] = [b for b in blocks(ROOT / "README.md") if (b.language, b.role) == (language, role)]
    return block

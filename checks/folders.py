"""Walking a folder tree: iteratively (a hostile repository can nest folders thousands deep, past the recursion
limit that ``Path.rglob`` and ``os.walk`` of Python 3.11 run into), never into a linked folder, in sorted order."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path


def files_under(root: Path, enter: Callable[[str], bool]) -> Iterator[Path]:
    """The files (and links to files) under ``root``, depth first, each folder's entries sorted by name — the
    order of ``sorted(root.rglob("*"))`` — entering only the folders whose name ``enter`` accepts. Folders that
    cannot be listed are passed over."""
    stack: list[Iterator[os.DirEntry[str]]] = [_sorted_entries(root)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        try:
            folder = entry.is_dir(follow_symlinks=False)
        except OSError:
            continue
        if folder:
            if enter(entry.name):
                stack.append(_sorted_entries(Path(entry.path)))
        else:
            yield Path(entry.path)


def _sorted_entries(folder: Path) -> Iterator[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            listed = sorted(entries, key=lambda entry: entry.name, reverse=True)
    except OSError:
        return
    # Each entry let go once given: a folder of 10,000 reports does not hold its listing while the caller keeps
    # what it makes of each.
    while listed:
        yield listed.pop()

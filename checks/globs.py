"""Path patterns of the configuration (``files``, ``exclude``, ``per-file-ignores``), matched in linear time.

The syntax is the one checks/config.py documents: ``*`` any characters but ``/``, ``**`` any characters (so any
number of folders; ``**/`` also none), ``?`` one character but ``/``, ``[abc]``/``[a-z]`` one of the characters
(``[!abc]`` none of them; never ``/``), anything else itself. A pattern without ``/`` (but for a trailing one) is a
name at any depth; one with ``/`` is anchored at the configuration file's folder.

Why not a regular expression, ours or a library's: a configuration file comes with the reports, and a hostile one
must not hang CI. Translated to Python's backtracking ``re`` engine, ``*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b`` takes
exponential time on a name of sixty ``a`` — pathspec's gitwildmatch compiles to such a regex (3.6 s on 28
characters, doubling with each one more); wcmatch's atomic groups make ``*`` safe but not ``**``
(``**/a/**/a/**/a/**/a/**/a/**/a/**/a/**/b`` takes 70 s on a path fifty folders deep). Here a pattern is a small
automaton whose set of live states is one integer, one bit a state (Shift-And, the bit-parallel form of Thompson's
construction): a path costs a few integer operations per character, whatever the pattern, and no state is ever
tried twice. A folder pattern (``exclude: [drafts]``) is tested on every folder of a path in the same one pass.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from checks.visible import visible

MAX_PATTERN = 256  # characters: real patterns have a few dozen; the matcher's cost grows with the length
MAX_PATTERNS = 200  # in one setting (files, exclude, per-file-ignores): each is matched against every file


class PatternError(ValueError):
    """A pattern that cannot be read; ``zh``/``en`` say why, for the configuration's problem report."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


class _Glob(NamedTuple):
    """A compiled pattern: the automaton's states are bits 0..n (bit i: the first i steps have matched); bit n
    is the match. Each mask is the set of states with that property."""

    final: int  # the accepting state's bit
    literal: dict[str, int]  # char -> states that step on exactly that char
    one: int  # states that step on any char but "/" (``?``)
    classes: tuple[tuple[int, frozenset[str], tuple[tuple[str, str], ...], bool], ...]  # state, chars, ranges, negated
    slash: int  # states that step on "/" (a literal "/", and the folder loop of ``**/`` leaving it)
    loop_any: int  # states that stay on any char (``**``, the folder loop of ``**/``)
    loop_name: int  # states that stay on any char but "/" (``*``)
    skip1: int  # states that may be passed without a char (``*``, ``**``, the entry of ``**/``)
    skip2: int  # states whose next two may be passed (``**/`` matching no folder)

    def steps(self, char: str) -> int:
        """The states that step forward on ``char``."""
        if char == "/":
            return self.slash
        found = self.literal.get(char, 0) | self.one
        for bit, chars, ranges, negated in self.classes:
            inside = char in chars or any(low <= char <= high for low, high in ranges)
            if inside != negated:
                found |= bit
        return found

    def closed(self, states: int) -> int:
        """``states`` with every state reachable from them without reading a char."""
        while True:
            wider = states | ((states & self.skip1) << 1) | ((states & self.skip2) << 2)
            if wider == states:
                return states
            states = wider


def matches(pattern: str, path: str, folders: bool = False) -> bool:
    """Whether ``path`` (relative, ``/`` between folders) matches ``pattern``; with ``folders``, also when one of
    the folders holding it does. A pattern must have passed ``check``."""
    glob = compile_pattern(pattern)
    states = glob.closed(1)
    for char in path:
        if folders and char == "/" and states & glob.final:
            return True  # the folder up to here matches
        stays = states & (glob.loop_any | (glob.loop_name if char != "/" else 0))
        states = glob.closed(((states & glob.steps(char)) << 1) | stays)
        if not states:
            return False
    return bool(states & glob.final)


def check(pattern: str) -> None:
    """Raise PatternError when ``pattern`` is too long or cannot be read."""
    if len(pattern) > MAX_PATTERN:
        raise PatternError(
            f"路径模式过长（{len(pattern)} 个字符，最多 {MAX_PATTERN} 个）",
            f"the pattern is too long ({len(pattern)} characters; at most {MAX_PATTERN})",
        )
    compile_pattern(pattern)


# --- compiling ---------------------------------------------------------------------------------------------------

# The pieces a pattern is made of, each one state of the automaton but "folders" (``**/``), which is two: its entry
# (pass it, or enter the loop) and the loop, left by a "/".
_FOLDERS, _ANY, _NAME = "**/", "**", "*"


@cache
def compile_pattern(pattern: str) -> _Glob:
    cleaned = pattern.strip()
    anchored = "/" in cleaned.rstrip("/")  # "drafts/" is a name at any depth; "/drafts" is at the top only
    cleaned = cleaned.removeprefix("./").strip("/")
    pieces = _pieces(cleaned)
    if not anchored:
        pieces.insert(0, _FOLDERS)
    return _automaton(_merged(pieces))


Piece = str | tuple[frozenset[str], tuple[tuple[str, str], ...], bool]  # a char or wildcard; or a [class]


def _pieces(pattern: str) -> list[Piece]:
    pieces: list[Piece] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            pieces.append(_FOLDERS)
            i += 3
        elif pattern.startswith("**", i):
            pieces.append(_ANY)
            i += 2
        elif pattern[i] == "[" and (end := _class_end(pattern, i)) is not None:
            pieces.append(_class(pattern[i + 1 : end]))
            i = end + 1
        else:
            pieces.append(pattern[i])  # "?" and "*" stand for themselves as wildcards; all else is literal
            i += 1
    return pieces


def _class_end(pattern: str, start: int) -> int | None:
    """Where the class opened at ``start`` closes: the first "]" after its first member (so "[]a]" holds "]");
    None when it does not, and the "[" is a plain character."""
    first = start + 2 if pattern.startswith("[!", start) else start + 1
    end = pattern.find("]", first + 1)
    return end if end != -1 else None


def _class(inside: str) -> tuple[frozenset[str], tuple[tuple[str, str], ...], bool]:
    negated = inside.startswith("!")
    members = inside[1:] if negated else inside
    chars: set[str] = set()
    ranges: list[tuple[str, str]] = []
    i = 0
    while i < len(members):
        if i + 2 < len(members) and members[i + 1] == "-":  # "a-z"; a "-" first or last is itself
            low, high = members[i], members[i + 2]
            if low > high:
                shown = f"{visible(low)}-{visible(high)}"  # a configuration's text may hold any character
                raise PatternError(
                    f"字符范围「{shown}」的起止颠倒（应如 a-z）",
                    f"the character range {shown} is reversed (write it like a-z)",
                )
            ranges.append((low, high))
            i += 3
        else:
            chars.add(members[i])
            i += 1
    chars.discard("/")  # a class stands for one character of a name
    return frozenset(chars), tuple(ranges), negated


def _merged(pieces: list[Piece]) -> list[Piece]:
    """Runs of wildcards written as one: ``**`` takes in a ``*`` or ``**/`` next to it, and ``**/**/`` is ``**/``.
    The same paths match, with fewer states to pass without a char."""
    out: list[Piece] = []
    for piece in pieces:
        if out and _is_wild(piece) and _is_wild(out[-1]):
            if _ANY in (piece, out[-1]):
                out[-1] = _ANY
                continue
            if piece == out[-1] == _FOLDERS:
                continue
        out.append(piece)
    return out


def _is_wild(piece: Piece) -> bool:
    return piece in (_ANY, _NAME, _FOLDERS)


def _automaton(pieces: list[Piece]) -> _Glob:
    literal: dict[str, int] = {}
    classes = []
    one = slash = loop_any = loop_name = skip1 = skip2 = 0
    state = 0
    for piece in pieces:
        bit = 1 << state
        if piece == _FOLDERS:  # entry: pass it (skip2) or enter the loop (skip1); the loop leaves on "/"
            skip1 |= bit
            skip2 |= bit
            loop_any |= bit << 1
            slash |= bit << 1
            state += 2
            continue
        if piece == _ANY:
            loop_any |= bit
            skip1 |= bit
        elif piece == _NAME:
            loop_name |= bit
            skip1 |= bit
        elif piece == "?":
            one |= bit
        elif piece == "/":
            slash |= bit
        elif isinstance(piece, str):
            literal[piece] = literal.get(piece, 0) | bit
        else:
            classes.append((bit, *piece))
        state += 1
    return _Glob(1 << state, literal, one, tuple(classes), slash, loop_any, loop_name, skip1, skip2)

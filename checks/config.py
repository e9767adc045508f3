"""Configuration: which rules run on which files, and at what severity.

The command line's --select/--ignore/--strict come on top of the configuration file: ``--select`` replaces the
file's ``select``, ``--ignore`` adds to its ``ignore``, and ``--strict`` or the file's ``strict`` makes warnings
fail. A mistake in either is a ConfigError: the run stops with exit 2 and says where the mistake is.

Where the file is: ``--config FILE`` names one (``.yaml``/``.yml``, or a ``.toml`` with a ``[tool.zfxxgk-lint]``
table). Otherwise the folders from the first path checked up to the filesystem root are searched, and in each one
``.zfxxgk-lint.yaml``, ``.zfxxgk-lint.yml`` and ``pyproject.toml`` are tried in that order; the first that holds
a configuration wins. A ``pyproject.toml`` without a ``[tool.zfxxgk-lint]`` table is not one: the search goes on.

What it holds (``schemas/config.schema.json`` is the reference, with a Chinese title and description for each
setting)::

    # .zfxxgk-lint.yaml                          # pyproject.toml
    select: [R, T, A]                            [tool.zfxxgk-lint]
    ignore: [X004]                               select = ["R", "T", "A"]
    severity:                                    ignore = ["X004"]
      R007: error                                strict = true
      X: warning                                 files = ["reports/**/*.txt"]
      R011: off                                  exclude = ["reports/archive"]
    per-file-ignores:                            [tool.zfxxgk-lint.severity]
      "drafts/**": [R, X]                        R007 = "error"
      "*.md": [R011]                             R011 = "off"
    files: ["reports/**/*.txt"]                  [tool.zfxxgk-lint.per-file-ignores]
    exclude: [reports/archive]                   "drafts/**" = ["R", "X"]
    strict: true                                 [tool.zfxxgk-lint.per-file-format]
    format: shandong-2021                        "archive/2020/**" = "national-2019"
    per-file-format:
      "archive/2020/**": national-2019

``format`` names the specification reports are checked against (a key of ``checks.specs.names()``:
``national-2021``, ``national-2019``, ``shandong-2021``…), ``per-file-format`` one for the files a pattern
matches (the last pattern that matches wins). Without either, a report is checked against the national format in
force, or the one it replaced if it is written in that (checks/facts.py). A key the registry does not hold is a
mistake, reported with the keys it does hold.

Path patterns (``per-file-ignores`` keys, ``files``, ``exclude``) are matched against the path relative to the
folder holding the configuration file, with ``/`` between folders: ``*`` is any characters but ``/``, ``**`` any
number of folders (also none), ``?`` one character but ``/``, ``[abc]`` or ``[a-c]`` one of the characters
(``[!abc]`` none of them; never ``/``). A pattern without ``/`` (but for a trailing one) matches a file or folder
name at any depth (``*.md`` is ``**/*.md``); one with ``/`` is anchored at the configuration file's folder
(``/drafts`` is only the top one). An ``exclude`` or ``per-file-ignores`` pattern that matches a folder applies
to everything inside it; a ``files`` pattern must match the file itself. A file outside the configuration file's
folder matches no pattern. Matching is case-sensitive, and takes time linear in the path whatever the pattern
(checks/globs.py). A pattern that cannot be read (``[z-a]``), is longer than 256 characters, or is one of more
than 200 in a setting is a mistake.

The file is checked against the schema by a small interpreter of the keywords the schema uses (``_validate``),
not by jsonschema: importing jsonschema alone would take most of the time budget of a one-file run.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from checks.findings import Severity
from checks.model import Position
from checks.oserrors import open_regular, reason
from checks.rules import Rule, catalog, selected, unknown_codes
from checks.sources.formats import READ_SUFFIXES
from checks.suggest import did_you_mean
from checks.visible import shortened

SCHEMA_FILE = "config.schema.json"
CANDIDATES = (".zfxxgk-lint.yaml", ".zfxxgk-lint.yml", "pyproject.toml")  # in each folder, in this order
TOOL_TABLE = ("tool", "zfxxgk-lint")  # where pyproject.toml holds the settings
OFF = "off"
MAX_PROBLEMS = 20  # a configuration with more mistakes than this is reported in part

KeyPath = tuple[str | int, ...]


class ConfigError(Exception):
    """A mistake in the configuration or the options; the message names the file and the place."""


class FileSettings(NamedTuple):
    """What applies to one file: the rules to run, the severities that differ from the catalog's, and the key of
    the specification the configuration chose for it (``format``, ``per-file-format``; None: none chosen)."""

    rules: list[Rule]
    severities: Mapping[str, Severity]
    spec: str | None = None  # the key of the format configured for the file (checks/specs), if any


class Config(NamedTuple):
    """The settings of a run: the configuration file's, with the command line's on top.

    ``severity`` maps codes or prefixes to ``error``/``warning``/``off``; ``per_file_ignores`` pairs a path
    pattern with the codes or prefixes not run on the files it matches; ``files``/``exclude`` choose the files a
    folder run checks (``wants``); ``format`` is the key of the specification reports are checked against, and
    ``per_file_format`` pairs a pattern with the key for the files it matches, the last that matches winning.
    Patterns are relative to ``root``, the configuration file's folder.
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    strict: bool = False
    source: Path | None = None  # the configuration file it was read from, if any
    severity: Mapping[str, str] = MappingProxyType({})
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    files: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    root: Path | None = None  # the configuration file's folder, resolved
    format: str | None = None
    per_file_format: tuple[tuple[str, str], ...] = ()

    def for_path(self, path: Path) -> FileSettings:
        """The rules to run on ``path``, their configured severities, and the specification chosen for it."""
        relative = self._relative(path)
        extra: tuple[str, ...] = ()
        spec = self.format
        if relative is not None:
            extra = tuple(
                code for pattern, codes in self.per_file_ignores if _matches(pattern, relative, True) for code in codes
            )
            # The last pattern that matches wins, as a later line of a configuration overrides an earlier one.
            spec = next(
                (key for pattern, key in reversed(self.per_file_format) if _matches(pattern, relative, True)), spec
            )
        # Cached: 10,000 files share a handful of settings.
        return _file_settings(self.select, self.ignore, tuple(self.severity.items()), extra, spec)

    def wants(self, path: Path) -> bool:
        """Whether a file found inside a folder given on the command line is to be checked.

        Without ``files``, every report file (in any format read: ``formats.READ_SUFFIXES``) is; ``exclude`` then takes
        some away. A file outside the configuration file's folder is judged by its suffix alone.
        """
        relative = self._relative(path)
        if relative is None or not self.files:
            chosen = path.suffix.lower() in READ_SUFFIXES
        else:
            chosen = any(_matches(pattern, relative, False) for pattern in self.files)
        return chosen and not (relative is not None and any(_matches(p, relative, True) for p in self.exclude))

    def _relative(self, path: Path) -> str | None:
        if self.root is None:
            return None
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:  # outside the configuration file's folder
            return None


@functools.cache
def _file_settings(
    select: tuple[str, ...] | None,
    ignore: tuple[str, ...],
    severity: tuple[tuple[str, str], ...],
    extra: tuple[str, ...],
    spec: str | None = None,
) -> FileSettings:
    """The settings of the rules a configuration's select, ignore and severity keep for a file whose per-file
    ignores are ``extra`` and whose specification is ``spec``; cached by those values (arguments, so that a
    Config, which holds a dict, need not be hashable)."""
    rules: list[Rule] = []
    severities: dict[str, Severity] = {}
    for rule in selected(select, (*ignore, *extra)):
        level = _level(severity, rule.code)
        if level == OFF:
            continue
        rules.append(rule)
        if level is not None:
            severities[rule.code] = Severity(level)
    return FileSettings(rules, severities, spec)


def _level(severity: tuple[tuple[str, str], ...], code: str) -> str | None:
    """The configured severity of a rule: its code's, else its longest configured prefix's."""
    matching = [(prefix, level) for prefix, level in severity if code.startswith(prefix)]
    return max(matching, key=lambda item: len(item[0]))[1] if matching else None


def load_config(
    explicit: Path | None, start: Path, select: Sequence[str] | None, ignore: Sequence[str] | None, strict: bool
) -> Config:
    """The configuration for a run started in ``start``, with the command line's options on top."""
    found = _read_explicit(explicit) if explicit is not None else discover(start)
    settings: dict[str, Any] = {}
    source: Path | None = None
    if found is not None:
        source, settings = found
    file_select = settings.get("select")
    severity: dict[str, str] = settings.get("severity", {})
    per_file: dict[str, list[str]] = settings.get("per-file-ignores", {})
    per_file_format: dict[str, str] = settings.get("per-file-format", {})
    return Config(
        select=tuple(select) if select is not None else (tuple(file_select) if file_select is not None else None),
        ignore=(*settings.get("ignore", ()), *(ignore or ())),
        strict=strict or bool(settings.get("strict", False)),
        source=source,
        severity=dict(severity),
        per_file_ignores=tuple((pattern, tuple(codes)) for pattern, codes in per_file.items()),
        files=tuple(settings.get("files", ())),
        exclude=tuple(settings.get("exclude", ())),
        root=source.resolve().parent if source is not None else None,
        format=settings.get("format"),
        per_file_format=tuple(per_file_format.items()),
    )


def discover(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The first configuration found from ``start`` up to the filesystem root, and its validated settings."""
    start = start.absolute()
    for folder in (start, *start.parents):
        for name in CANDIDATES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml":
                return candidate, _read_yaml(candidate)
            settings = _read_pyproject(candidate, required=False)
            if settings is not None:
                return candidate, settings
    return None


def _read_explicit(path: Path) -> tuple[Path, dict[str, Any]]:
    if not path.exists():
        raise ConfigError(f"找不到配置文件 {path} / no such configuration file: {path}")
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return path, _read_yaml(path)
    if suffix == ".toml":
        settings = _read_pyproject(path, required=True)
        assert settings is not None
        return path, settings
    raise ConfigError(
        f"{path}: 配置文件须为 .yaml、.yml 或含 [tool.zfxxgk-lint] 表的 .toml 文件 / "
        f"a configuration file must be .yaml, .yml, or a .toml file with a [tool.zfxxgk-lint] table"
    )


# A configuration is a few hundred bytes; a pyproject.toml rarely passes 20 KB. Read no more than this (and one
# byte, to know it is more), so that a huge file named like a configuration is a clear error, not a long wait.
MAX_CONFIG_BYTES = 1024 * 1024


def _text(path: Path) -> str:
    try:
        with open(open_regular(path), "rb") as file:  # a pipe named like a configuration is never waited for
            data = file.read(MAX_CONFIG_BYTES + 1)
        if len(data) > MAX_CONFIG_BYTES:
            raise ConfigError(
                f"{path}: 配置文件过大（超过 {MAX_CONFIG_BYTES:,} 字节）/ "
                f"the configuration file is too large (over {MAX_CONFIG_BYTES:,} bytes)"
            )
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ConfigError(
            f"{path}: 配置文件须为 UTF-8 编码（第 {error.start + 1} 个字节无法解码）/ "
            f"a configuration file must be UTF-8 (byte {error.start + 1} cannot be decoded)"
        ) from None
    except OSError as error:
        why = reason(error)
        raise ConfigError(f"{path}: 无法读取配置文件：{why.zh} / cannot read the configuration: {why.en}") from None


# --- reading -------------------------------------------------------------------------------------------------


def _read_yaml(path: Path) -> dict[str, Any]:
    from checks.yamlload import load

    lines = tuple(re.split(r"\r\n|\r|\n", _text(path)))
    loaded = load(lines)
    if loaded.findings:
        finding = loaded.findings[0]  # the loader stops at the first syntax error or limit
        where = f"{path}:{finding.pos.line}:{finding.pos.column}"
        raise ConfigError(f"{where}: {finding.message.zh} / {finding.message.en}")
    document = {} if loaded.document is None else loaded.document  # an empty file, or only comments

    def place(key_path: KeyPath, at_key: bool) -> Position | None:
        # The nearest node that is written down: a missing key's problem is at the mapping holding it.
        for end in range(len(key_path), -1, -1):
            node = loaded.nodes.get(key_path[:end])
            if node is not None:
                return node.key if at_key and end == len(key_path) and node.key is not None else node.pos
        return None

    _check(path, document, (), place)
    assert isinstance(document, dict)
    return document


def _read_pyproject(path: Path, required: bool) -> dict[str, Any] | None:
    """The ``[tool.zfxxgk-lint]`` table, validated; None when there is none and none is ``required``."""
    text = _text(path)
    if not required and TOOL_TABLE[1] not in text:
        return None  # the usual pyproject.toml: not even parsed (and a broken one is not ours to report)
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:  # its message ends with "(at line L, column C)"
        raise ConfigError(f"{path}: TOML 语法错误：{error} / TOML syntax error: {error}") from None
    # tomllib recurses once per level of nesting and makes ints of any length: what it cannot hold is refused too.
    except (RecursionError, ValueError, MemoryError) as error:
        why = "嵌套过深" if isinstance(error, RecursionError) else "数值过大"
        why_en = "nested too deeply" if isinstance(error, RecursionError) else "a number is too large"
        raise ConfigError(f"{path}: 无法读取 TOML：{why} / cannot read the TOML: {why_en}") from None
    table: Any = data
    for key in TOOL_TABLE:
        table = table.get(key) if isinstance(table, dict) else None
    if table is None:
        if required:
            raise ConfigError(f"{path}: 没有 [tool.zfxxgk-lint] 表 / no [tool.zfxxgk-lint] table")
        return None
    _check(path, table, TOOL_TABLE, None)
    assert isinstance(table, dict)
    return table


# --- checking ------------------------------------------------------------------------------------------------


class _Problem(NamedTuple):
    path: KeyPath  # inside the settings
    at_key: bool  # the problem is the key itself (unknown setting, a severity's code), not its value
    zh: str
    en: str


# Where a problem is written: (its key path, whether the key itself is wrong); None for TOML, which gives none.
Locate = Callable[[KeyPath, bool], Position | None] | None


def _check(path: Path, settings: Any, prefix: KeyPath, place: Locate) -> None:
    schema = _schema()
    problems = list(_validate(schema, schema, settings, ()))
    if isinstance(settings, dict):
        problems.extend(_unknown_codes(settings))
        problems.extend(_unknown_formats(settings))
        problems.extend(_bad_patterns(settings))
    if not problems:
        return
    located = []
    for problem in problems:
        pos = place(problem.path, problem.at_key) if place is not None else None
        located.append((pos or Position(0, 0), problem))
    located.sort(key=lambda item: (item[0].line, item[0].column))
    lines = []
    for pos, problem in located[:MAX_PROBLEMS]:
        where = f"{path}:{pos.line}:{pos.column}" if pos.line else str(path)
        name = _dotted((*prefix, *problem.path))
        if name:
            lines.append(f"{where}: 配置项「{name}」：{problem.zh} / setting {name}: {problem.en}")
        else:
            lines.append(f"{where}: {problem.zh} / {problem.en}")
    if len(located) > MAX_PROBLEMS:
        more = len(located) - MAX_PROBLEMS
        lines.append(f"……另有 {more} 处错误 / … and {more} more")
    raise ConfigError("\n".join(lines))


def _dotted(key_path: KeyPath) -> str:
    import json  # here: only a setting shown needs it

    out = ""
    for key in key_path:
        if isinstance(key, int):
            out += f"[{key}]"
        else:
            # A key can be a path pattern of any length (a too-long one is the problem reported): shown cut.
            name = key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(_shown(key, 60), ensure_ascii=False)
            out += f".{name}" if out else name
    return out


def _unknown_codes(settings: dict[str, Any]) -> Iterator[_Problem]:
    """Codes of the right form that name no rule; wrongly typed parts were reported by the schema."""

    form = re.compile(_schema()["$defs"]["code"]["pattern"])

    def unknown(code: Any) -> bool:
        return isinstance(code, str) and bool(form.search(code)) and bool(list(unknown_codes([code])))

    def check_list(values: Any, key_path: KeyPath) -> Iterator[_Problem]:
        if isinstance(values, list):
            for index, code in enumerate(values):
                if unknown(code):
                    yield _no_rule(code, (*key_path, index), False)

    for key in ("select", "ignore"):
        yield from check_list(settings.get(key), (key,))
    severity = settings.get("severity")
    if isinstance(severity, dict):
        for code in severity:
            if unknown(code):
                yield _no_rule(code, ("severity", code), True)
    per_file = settings.get("per-file-ignores")
    if isinstance(per_file, dict):
        for pattern, codes in per_file.items():
            yield from check_list(codes, ("per-file-ignores", pattern))


def _unknown_formats(settings: dict[str, Any]) -> Iterator[_Problem]:
    """Specification keys (``format``, ``per-file-format`` values) the registry does not hold; wrongly typed ones
    were reported by the schema. The message names the keys it holds, and the one most like what was written."""
    written: list[tuple[Any, KeyPath]] = [(settings["format"], ("format",))] if "format" in settings else []
    per_file = settings.get("per-file-format")
    if isinstance(per_file, dict):
        written += [(key, ("per-file-format", pattern)) for pattern, key in per_file.items()]
    if not written:
        return  # most configurations: the registry is not asked
    from checks.specs import names

    known = names()
    for key, key_path in written:
        if isinstance(key, str) and key and key not in known:
            # A key is a few words: one of any length (a hostile file's) is not compared with the known ones.
            zh, en = did_you_mean(key, known) if len(key) <= 64 else ("", "")
            shown = _shown(key)
            yield _Problem(
                key_path,
                False,
                f"没有格式「{shown}」{zh}；可用的格式：{'、'.join(known)}",
                f'no format "{shown}"{en}; the formats are: {", ".join(known)}',
            )


def _bad_patterns(settings: dict[str, Any]) -> Iterator[_Problem]:
    """Path patterns that cannot be read (``[z-a]``) or are too long, and settings with too many of them: every
    pattern is matched against every file of a run. Wrongly typed parts were reported by the schema."""
    keys = ("files", "exclude", "per-file-ignores", "per-file-format")
    if not any(key in settings for key in keys):
        return  # most configurations: checks.globs is not even imported
    from checks import globs

    for key in keys:
        values = settings.get(key)
        if isinstance(values, list):
            written = [(value, (key, index), False) for index, value in enumerate(values)]
        elif isinstance(values, dict):
            written = [(pattern, (key, pattern), True) for pattern in values]
        else:
            continue
        if len(written) > globs.MAX_PATTERNS:
            yield _Problem(
                (key,),
                False,
                f"路径模式过多（{len(written)} 个，最多 {globs.MAX_PATTERNS} 个）",
                f"too many patterns ({len(written)}; at most {globs.MAX_PATTERNS})",
            )
            continue
        for pattern, key_path, at_key in written:
            if not isinstance(pattern, str):
                continue
            try:
                globs.check(pattern)
            except globs.PatternError as error:
                yield _Problem(key_path, at_key, f"路径模式无效：{error.zh}", f"invalid pattern: {error.en}")


def _no_rule(code: str, key_path: KeyPath, at_key: bool) -> _Problem:
    zh, en = did_you_mean(code, list(catalog()))
    return _Problem(
        key_path,
        at_key,
        f"没有规则「{code}」{zh}",
        f'no rule "{code}"{en}',
    )


@functools.cache
def _schema() -> dict[str, Any]:
    from checks.resources import load_schema

    return load_schema(SCHEMA_FILE)


# The keywords _validate understands; annotations are read by people and editors, not checked.
ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "title", "description", "default", "examples"})
KEYWORDS = ANNOTATIONS | frozenset(
    {
        "$defs",
        "$ref",
        "type",
        "properties",
        "additionalProperties",
        "propertyNames",
        "items",
        "enum",
        "pattern",
        "minItems",
        "minLength",
    }
)
_TYPES = {
    "object": ("映射（键: 值）", "a mapping"),
    "array": ("列表", "a list"),
    "string": ("文字", "a string"),
    "boolean": ("布尔值（true 或 false）", "true or false"),
    "integer": ("整数", "an integer"),
}


def _is_type(value: Any, kind: str) -> bool:
    if kind == "object":
        return isinstance(value, dict)
    if kind == "array":
        return isinstance(value, list)
    if kind == "string":
        return isinstance(value, str)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    raise ValueError(f"config schema: type {kind!r} is not supported by checks.config._validate")


def _shown(value: Any, limit: int = 40) -> str:
    import json  # here: only a setting shown needs it

    return shortened(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False), limit)


def _validate(schema: Mapping[str, Any], root: Mapping[str, Any], value: Any, at: KeyPath) -> Iterator[_Problem]:
    """The problems of ``value`` against ``schema`` (the subset of Draft 2020-12 in KEYWORDS), in Chinese and
    English. A wrongly typed value is reported once, not also for what its type would have required."""
    unsupported = set(schema) - KEYWORDS
    if unsupported:
        raise ValueError(f"config schema: keywords {sorted(unsupported)} are not supported by _validate")
    if "$ref" in schema:
        reference: str = schema["$ref"]
        target: Any = root
        for step in reference.removeprefix("#/").split("/"):
            target = target[step]
        yield from _validate(target, root, value, at)
    kind = schema.get("type")
    if kind is not None and not _is_type(value, kind):
        zh, en = _TYPES[kind]
        yield _Problem(at, False, f"应为{zh}，而不是「{_shown(value)}」", f"must be {en}, not {_shown(value)}")
        return
    if "enum" in schema and value not in schema["enum"]:
        options = schema["enum"]
        yield _Problem(
            at,
            False,
            f"应为 {'、'.join(map(str, options))} 之一，而不是「{_shown(value)}」",
            f"must be one of {', '.join(map(str, options))}, not {_shown(value)}",
        )
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            yield _Problem(
                at,
                False,
                f"「{value}」不是规则代码或前缀（应如 A001、T00、A）",
                f'"{value}" is not a rule code or prefix (like A001, T00, A)',
            )
        if len(value) < schema.get("minLength", 0):
            yield _Problem(at, False, "不能为空", "must not be empty")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            yield _Problem(at, False, "不能为空列表", "must not be an empty list")
        if "items" in schema:
            for index, item in enumerate(value):
                yield from _validate(schema["items"], root, item, (*at, index))
    if isinstance(value, dict):
        yield from _validate_mapping(schema, root, value, at)


def _validate_mapping(
    schema: Mapping[str, Any], root: Mapping[str, Any], value: dict[str, Any], at: KeyPath
) -> Iterator[_Problem]:
    properties: Mapping[str, Any] = schema.get("properties", {})
    names = schema.get("propertyNames")
    extra = schema.get("additionalProperties", True)
    for key, item in value.items():
        if names is not None:
            for problem in _validate(names, root, key, (*at, key)):
                yield _Problem(problem.path, True, problem.zh, problem.en)
        if key in properties:
            yield from _validate(properties[key], root, item, (*at, key))
        elif extra is False:
            zh, en = did_you_mean(key, list(properties))
            known = ", ".join(properties)
            yield _Problem(
                (*at, key),
                True,
                f"未知的设置项「{key}」{zh}；可用的设置项：{known}",
                f'unknown setting "{key}"{en}; the settings are: {known}',
            )
        elif isinstance(extra, Mapping):
            yield from _validate(extra, root, item, (*at, key))


# --- path patterns -------------------------------------------------------------------------------------------


def _matches(pattern: str, relative: str, folders: bool) -> bool:
    """Whether ``relative`` (a path relative to the configuration file's folder) matches ``pattern``; with
    ``folders``, also when one of the folders holding it does. Not a regex: checks/globs.py says why."""
    from checks import globs  # here: a run without path patterns does not need it

    return globs.matches(pattern, relative, folders)


def describe(config: Config, path: Path, lang: str) -> str:
    """``check --show-settings``: the configuration file a run uses and what it makes of ``path``."""
    settings = config.for_path(path)
    en = lang == "en"
    yes_no = ("yes", "no") if en else ("是", "否")
    none = "(none)" if en else "（无）"
    levels = (
        {"error": "error", "warning": "warning", OFF: "off"}
        if en
        else {"error": "错误", "warning": "警告", OFF: "关闭"}
    )

    def listed(values: Sequence[str]) -> str:
        return ", ".join(values) if values else none

    rows = [
        (
            ("configuration file", "配置文件"),
            str(config.source) if config.source else ("none: the defaults" if en else "无（使用默认设置）"),
        ),
        (("path", "检查对象"), str(path)),
        (
            (f"rules run ({len(settings.rules)})", f"运行的规则（{len(settings.rules)} 条）"),
            listed([r.code for r in settings.rules]),
        ),
        (
            ("severities changed", "改变的严重程度"),
            listed([f"{code} = {levels[level]}" for code, level in config.severity.items()]),
        ),
        (("strict (warnings fail)", "strict（警告也视为失败）"), yes_no[0] if config.strict else yes_no[1]),
        (("files", "files（文件夹中检查的文件）"), listed(config.files)),
        (("exclude", "exclude（排除）"), listed(config.exclude)),
        (
            ("per-file-ignores", "per-file-ignores（按文件不运行的规则）"),
            listed([f"{pattern}: {', '.join(codes)}" for pattern, codes in config.per_file_ignores]),
        ),
        (
            ("format (the specification)", "format（所依据的格式规范）"),
            settings.spec
            or (
                "none chosen: the national format in force, or the one the report is written in"
                if en
                else "未指定：国家现行格式，报告按其所取代的格式编写时按该格式"
            ),
        ),
    ]
    return "\n".join(f"{label[0] if en else label[1]}{': ' if en else '：'}{value}" for label, value in rows)

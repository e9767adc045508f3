"""Command line: ``zfxxgk-lint [check] PATH…``, ``rule CODE``, ``convert SRC --to FORMAT``, ``annotate REPORT``,
``init --agency …``, ``schema``.

``main`` returns the exit status.

0: no error-level finding (or ``--exit-zero``); 1: error-level findings (warnings too with ``--strict``); 2: usage
error or an internal failure (which is a bug, and says so).

Every line a user reads is Chinese unless ``--lang en`` — argparse's own usage and error lines included
(``argparse_zh``) — and nothing printed can fail on the console's encoding (``console``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, overload

from checks import __version__
from checks.argparse_zh import chinese
from checks.console import discard_stdout, output, tolerate_unencodable
from checks.suggest import closest, did_you_mean

COMMANDS = ("check", "rule", "convert", "annotate", "init", "schema")
# checks.reporters.FORMATS, not imported to parse
REPORT_FORMATS = ("text", "concise", "json", "github", "sarif", "html", "csv")
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
STDIN = "-"

Say = Callable[[str, str], str]  # (Chinese, English) -> the one the user reads


def __getattr__(name: str) -> Any:
    # WRITE_FORMATS, the source formats ``convert --to`` and ``init`` write, is the registry's
    # (checks/sources/formats.py), looked up when asked for: importing the registry imports checks.sources, which
    # ``--version`` and ``rule`` do not need (tests/test_startup.py).
    if name == "WRITE_FORMATS":
        from checks.sources import formats

        return formats.WRITE_FORMATS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Formats(Sequence[str]):
    """argparse's choices of a source format option: the registry's (``__getattr__`` above), read only when
    argparse looks at them, to check a value given or to show them in a usage or help text."""

    def __init__(self, which: str) -> None:
        self.which = which

    def _names(self) -> tuple[str, ...]:
        names: tuple[str, ...] = __getattr__(self.which)
        return names

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        return self._names()[index]

    def __len__(self) -> int:
        return len(self._names())


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, reading the terminal's width only when it formats a text. argparse makes one for
    every option it adds (to check its metavar), and each would import ``shutil`` and ask the terminal (3 ms of a
    run that prints no help)."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=80)

    def format_help(self) -> str:
        import shutil

        # What HelpFormatter.__init__ derives from the width it is not given.
        self._width = shutil.get_terminal_size().columns - 2
        self._max_help_position = min(24, max(self._width - 20, self._indent_increment * 2))
        return super().format_help()


class _Parser(argparse.ArgumentParser):
    """argparse, with "did you mean" for a mistyped option (Python 3.11's argparse has none)."""

    def __init__(self, *args: Any, say: Say, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self.say = say

    def error(self, message: str) -> NoReturn:
        words = message.split("：" if "：" in message else ": ", 1)[-1].split()
        options = self.long_options()
        hints = [f"{w} → {found}" for w in words if w.startswith("--") and (found := closest(w, options))]
        if hints:
            message += self.say(f"（是否应为：{'；'.join(hints)}？）", f" (did you mean: {'; '.join(hints)}?)")
        super().error(message)

    def long_options(self) -> list[str]:
        """This parser's ``--options`` and its commands' (argparse reports a command's unknown option here)."""
        found: list[str] = []
        for action in self._actions:
            found.extend(o for o in action.option_strings if o.startswith("--"))
            if isinstance(action, argparse._SubParsersAction):
                for command in action.choices.values():
                    found.extend(command.long_options() if isinstance(command, _Parser) else ())
        return list(dict.fromkeys(found))


def _language(argv: Sequence[str]) -> str:
    """The ``--lang`` asked for, read before parsing, so that parsing itself (its errors, ``--help``) speaks it."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return "en" if argv[index + 1] == "en" else "zh"
        if arg.startswith("--lang="):
            return "en" if arg == "--lang=en" else "zh"
    return "zh"


def _codes(text: str) -> list[str]:
    return [code.strip().upper() for code in text.split(",") if code.strip()]


def _parser(lang: str, wanted: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; of the commands, only ``wanted`` (the one the line names) gets its options:
    argparse reads no other's, and each option costs its start-up (a help formatter, the terminal's width)."""

    def say(zh: str, en: str) -> str:
        return en if lang == "en" else zh

    parser = _Parser(
        prog="zfxxgk-lint",
        say=say,
        description=say(
            "政府信息公开工作年度报告检查工具。不写命令时即为 check：zfxxgk-lint 报告.docx",
            "Linter for annual government information disclosure reports; without a command, check is meant.",
        ),
        add_help=False,
    )
    _help(parser, say)
    parser.add_argument(
        "--version",
        action="version",
        version=f"zfxxgk-lint {__version__}",
        help=say("显示版本号并退出", "show the version"),
    )
    # prog given: else argparse formats a usage to make it (the subcommands' "zfxxgk-lint check", ...).
    commands = parser.add_subparsers(
        dest="command", required=True, title=say("命令", "commands"), metavar="COMMAND", prog=parser.prog
    )

    def command(name: str, zh: str, en: str, options: Callable[[argparse.ArgumentParser, Say], None]) -> None:
        sub: argparse.ArgumentParser = commands.add_parser(
            name, help=say(zh, en), description=say(zh, en), add_help=False, say=say
        )
        if name == wanted:
            _help(sub, say)
            sub.add_argument("--lang", choices=("zh", "en"), default="zh", help=say("消息语言", "message language"))
            options(sub, say)

    command("check", "检查报告文件或文件夹", "check report files or folders", _check_options)
    command(
        "rule", "显示规则说明，或用 --all 列出全部规则", "show a rule's documentation, or --all rules", _rule_options
    )
    command(
        "convert",
        "把报告从一种格式转换为另一种格式（可读取的格式均可转换；--to 为写出的格式）",
        "convert a report from one format to another (any format read; --to the one written)",
        _convert_options,
    )
    command(
        "annotate",
        "把检查结果作为批注写入报告的 Word 副本（源文件不变）",
        "write the findings as comments into a Word copy of the report (the source is left as it is)",
        _annotate_options,
    )
    command("init", "生成新报告的框架", "write a new report skeleton", _init_options)
    command(
        "schema",
        "写出 YAML 报告的 JSON Schema（report.schema.json），供编辑器离线检查",
        "write the YAML reports' JSON Schema (report.schema.json) for editors",
        _schema_options,
    )
    return parser


def _check_options(check: argparse.ArgumentParser, say: Say) -> None:
    check.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help=say("报告文件或文件夹；- 表示从标准输入读取", "report files or folders; - reads standard input"),
    )
    check.add_argument(
        "--format",
        choices=REPORT_FORMATS,
        default=None,
        help=say(
            "输出格式：text（默认，附原文行）、concise（每个问题一行）、json、github（GitHub Actions 中的默认）、"
            "sarif、html（在浏览器中查看的检查报告，表格中标出有问题的单元格）、csv（每份报告一行的主要数字，供表格软件）",
            "output format: text (default, with the source line), concise (a line each), json, github (the default "
            "on GitHub Actions), sarif, html (a page for a browser, the tables drawn with the flagged cells marked), "
            "csv (a row of key figures per report, for a spreadsheet)",
        ),
    )
    check.add_argument(
        "-o", "--output-file", type=Path, metavar="FILE", help=say("输出写入此文件（UTF-8）", "write the output here")
    )
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help=say("文字输出是否着色（auto：终端且未设 NO_COLOR）", "colour the text output (auto: a terminal)"),
    )
    check.add_argument(
        "--config", type=Path, metavar="FILE", help=say("配置文件（默认向上查找）", "configuration file")
    )
    check.add_argument(
        "--select",
        type=_codes,
        default=None,
        help=say("只运行这些规则（逗号分隔，可用前缀，如 A,T00）", "rules to run"),
    )
    check.add_argument(
        "--ignore", type=_codes, default=None, metavar="CODES", help=say("不运行这些规则", "rules to skip")
    )
    check.add_argument("--strict", action="store_true", help=say("警告也视为失败", "warnings fail too"))
    check.add_argument(
        "--fix",
        action="store_true",
        help=say(
            "自动修复有把握的问题（规定表述、勾稽说明和单位、以“0”代替占位符），写回文件（网页不改）",
            "repair what is sure (official wording, the note and unit, 0 for a placeholder) in the files",
        ),
    )
    check.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help=say("与 --fix 或 --diff 同用：也修改数字（如最可能填错的单元格）", "with --fix or --diff: figures too"),
    )
    check.add_argument(
        "--diff", action="store_true", help=say("只显示 --fix 会作的修改，不写文件", "show what --fix would change")
    )
    check.add_argument(
        "--exit-zero",
        action="store_true",
        help=say("发现问题也以 0 退出（内部错误和用法错误仍为 2）", "exit 0 even with findings"),
    )
    check.add_argument(
        "-q", "--quiet", action="store_true", help=say("只输出问题，不输出汇总和提示", "findings only, no summary")
    )
    check.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help=say("同一表格中重复的问题也逐条显示", "show every repeated finding of a table"),
    )
    check.add_argument(
        "--statistics", action="store_true", help=say("只输出各规则的问题数", "show counts per rule instead")
    )
    check.add_argument(
        "--show-settings",
        action="store_true",
        help=say("显示第一个路径所用的配置文件和设置，不检查", "show the configuration used for the first path"),
    )
    check.add_argument(
        "--previous",
        type=Path,
        metavar="FILE",
        help=say(
            "上一年度的报告（跨年度规则用；默认在同一文件夹、再在仓库中查找）", "last year's report (else searched for)"
        ),
    )
    check.add_argument(
        "--stdin-filename",
        type=Path,
        metavar="NAME",
        help=say(
            "从标准输入读取时报告的文件名（决定格式、配置和上一年度报告的查找）", "the file name of standard input"
        ),
    )


def _rule_options(rule: argparse.ArgumentParser, say: Say) -> None:
    rule.add_argument("code", nargs="?", type=str.upper, metavar="CODE", help=say("规则代码，如 A003", "e.g. A003"))
    rule.add_argument("--all", action="store_true", help=say("列出全部规则", "list every rule"))
    rule.add_argument("--format", choices=("text", "json"), default="text", help=say("输出格式", "output format"))


def _convert_options(convert: argparse.ArgumentParser, say: Say) -> None:
    convert.add_argument(
        "source", type=Path, metavar="SRC", help=say("要转换的报告（任何可检查的格式）", "the report to convert")
    )
    # A metavar of its own: without one, argparse reads the choices to make it, importing the registry.
    convert.add_argument(
        "--to",
        required=True,
        choices=_Formats("WRITE_FORMATS"),
        metavar="FORMAT",
        help=say("目标格式：%(choices)s", "target format: %(choices)s"),
    )
    convert.add_argument(
        "-o", "--output", type=Path, metavar="OUT", help=say("输出文件（默认标准输出）", "output file (else stdout)")
    )


def _annotate_options(annotate: argparse.ArgumentParser, say: Say) -> None:
    annotate.add_argument(
        "source", type=Path, metavar="REPORT", help=say("要检查的报告（任何可检查的格式）", "the report to check")
    )
    annotate.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT.docx",
        help=say(
            "输出的 Word 文档（默认为源文件旁的「…（检查意见）.docx」，不覆盖已有文件）",
            "the Word document written (else …（检查意见）.docx beside the source, never replacing a file)",
        ),
    )
    annotate.add_argument(
        "--config", type=Path, metavar="FILE", help=say("配置文件（默认向上查找）", "configuration file")
    )
    annotate.add_argument(
        "--previous",
        type=Path,
        metavar="FILE",
        help=say("上一年度的报告（默认像 check 一样查找）", "last year's report (else searched for)"),
    )


def _init_options(init: argparse.ArgumentParser, say: Say) -> None:
    init.add_argument("--agency", required=True, help=say("机关名称", "the agency's name"))
    init.add_argument("--year", required=True, type=int, help=say("报告年度", "the year reported on"))
    init.add_argument(
        "--previous",
        type=Path,
        metavar="FILE",
        help=say("上一年度的报告，用于沿用结转数（默认像 check 一样查找）", "last year's report (else searched for)"),
    )
    init.add_argument(
        "--format",
        choices=_Formats("WRITE_FORMATS"),
        metavar="FORMAT",
        help=say("格式：%(choices)s（默认按 OUT 的后缀，否则 txt）", "format: %(choices)s (else OUT's suffix)"),
    )
    init.add_argument(
        "-o", "--output", type=Path, metavar="OUT", help=say("输出文件（默认标准输出）", "output file (else stdout)")
    )


def _schema_options(schema: argparse.ArgumentParser, say: Say) -> None:
    schema.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help=say("输出文件或文件夹（默认标准输出）", "output file or folder (else stdout)"),
    )


def _help(parser: argparse.ArgumentParser, say: Say) -> None:
    parser.add_argument("-h", "--help", action="help", help=say("显示本帮助并退出", "show this help and exit"))


def main(argv: Sequence[str] | None = None) -> int:
    tolerate_unencodable()
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _language(args_list)
    first = args_list[0] if args_list else None
    if first is not None and first not in (*COMMANDS, "-h", "--help", "--version"):
        meant = closest(first, COMMANDS) if not first.startswith("-") and not Path(first).exists() else None
        if meant is not None:
            return _usage_error(
                f"未知的命令「{first}」（是否应为 {meant}？）",
                f'unknown command "{first}" (did you mean {meant}?)',
                lang,
            )
        args_list.insert(0, "check")  # `check` may be omitted
    with chinese(lang != "en"):
        try:
            args = _parser(lang, args_list[0] if args_list else None).parse_args(args_list)
        except SystemExit as exit_:  # argparse has printed the usage error, the help or the version
            return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    if args.command == "rule":
        return _rule(args)
    if args.command in ("convert", "init", "schema"):
        from checks.writers import commands

        return {"convert": commands.convert, "init": commands.init, "schema": commands.schema}[args.command](args)
    if args.command == "annotate":
        from checks.writers.annotate import annotate

        return annotate(args)
    return _check(args)


def _say(zh: str, en: str, lang: str) -> None:
    from checks.visible import visible_lines  # what we say may quote a path or a setting

    print(f"zfxxgk-lint: {visible_lines(en if lang == 'en' else zh)}", file=sys.stderr)


def _usage_error(zh: str, en: str, lang: str) -> int:
    _say(zh, en, lang)
    return EXIT_USAGE


def _rule(args: argparse.Namespace) -> int:
    from checks.docs import listing, text
    from checks.rules import catalog

    rules = catalog()
    if args.all:
        _print(listing(list(rules.values()), args.lang, args.format), args.format == "json")
        return EXIT_OK
    if args.code is None:
        return _usage_error(
            "请给出规则代码（如 A003），或用 --all 列出全部规则", "give a rule code, or --all", args.lang
        )
    found = rules.get(args.code)
    if found is None:
        zh, en = did_you_mean(args.code, rules)
        return _usage_error(f"没有规则 {args.code}{zh}", f"no rule {args.code}{en}", args.lang)
    json = args.format == "json"
    _print(listing([found], args.lang, "json") if json else text(found, args.lang), json)
    return EXIT_OK


def _print(text: str, machine: bool = False) -> None:
    try:
        with output(None, machine) as out:
            out.write(text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        discard_stdout()


def _print_diffs(changed: Sequence[Any]) -> None:
    from checks.visible import visible  # a diff quotes the report's text: tabs shown as the text output shows them

    # (split at "\n" only: a report line may hold U+2028, which must be shown, not taken for a line end)
    lines = [line for repair in changed for line in repair.diff().rstrip("\n").split("\n")]
    _print("\n".join(visible(line.replace("\t", "⇥"), len(line) + 1) for line in lines))


def _output_format(chosen: str | None) -> str:
    if chosen is not None:
        return chosen
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _use_color(choice: str, output_format: str, to_file: bool) -> bool:
    if output_format not in ("text", "concise") or choice == "never":
        return False
    if choice == "always":
        return True
    return not to_file and sys.stdout.isatty() and not os.environ.get("NO_COLOR")  # https://no-color.org


def _check(args: argparse.Namespace) -> int:
    from checks.config import ConfigError, load_config
    from checks.engine import has_errors
    from checks.oserrors import is_regular
    from checks.reporters import MACHINE, MODEL, Options, reporter
    from checks.rules import catalog, unknown_codes
    from checks.run import run, run_stdin

    lang: str = args.lang
    unknown = list(unknown_codes((args.select or []) + (args.ignore or [])))
    if unknown:
        hints = [f"{code}{did_you_mean(code, catalog())[0]}" for code in unknown]
        hints_en = [f"{code}{did_you_mean(code, catalog())[1]}" for code in unknown]
        return _usage_error(f"未知的规则代码：{'、'.join(hints)}", f"unknown rule codes: {', '.join(hints_en)}", lang)
    stdin = STDIN in (str(p) for p in args.paths)
    if stdin and len(args.paths) > 1:
        return _usage_error("「-」（标准输入）只能单独使用", '"-" (standard input) cannot be mixed with paths', lang)
    named = [] if stdin else list(args.paths)
    missing = [str(p) for p in [*named, *([args.previous] if args.previous else [])] if not p.exists()]
    if missing:
        return _usage_error(
            f"找不到文件或文件夹：{'、'.join(missing)}", f"no such file or folder: {', '.join(missing)}", lang
        )
    if args.previous is not None and not is_regular(args.previous):
        return _usage_error(
            f"--previous 须指定上年度报告文件：{args.previous} 不是普通文件",
            f"--previous names last year's report file: {args.previous} is not a regular file",
            lang,
        )
    # A pipe, a device or a socket named like a report would wait forever or never end: skipped, and said so.
    for odd in [p for p in named if not p.is_dir() and not is_regular(p)]:
        _say(
            f"提示：{odd} 不是普通文件（管道、设备或套接字），已跳过",
            f"note: {odd} is not a regular file: skipped",
            lang,
        )
        args.paths.remove(odd)
        named.remove(odd)
    output_format = _output_format(args.format)
    if args.statistics and output_format not in ("text", "concise"):
        return _usage_error(
            "--statistics 只用于 text 或 concise 格式（json 的 summary 已含各规则的问题数）",
            "--statistics is for the text and concise formats (json's summary has the counts)",
            lang,
        )
    shown = args.stdin_filename or Path("stdin.txt")
    try:
        # One configuration per run, found upwards from the first path (DESIGN: "walking up from the file").
        first = (shown if stdin else args.paths[0] if args.paths else Path.cwd()).resolve()
        config = load_config(
            args.config, first if first.is_dir() else first.parent, args.select, args.ignore, args.strict
        )
    except ConfigError as error:
        return _usage_error(str(error), str(error), lang)
    if args.show_settings:
        from checks.config import describe
        from checks.visible import visible_lines  # the settings quote the configuration's own text

        _print(visible_lines(describe(config, shown if stdin else (args.paths[0] if args.paths else first), lang)))
        return EXIT_OK
    if stdin and (args.fix or args.diff):
        return _usage_error(
            "--fix 和 --diff 须指定文件，不能用于标准输入", "--fix and --diff need files, not standard input", lang
        )
    model = output_format in MODEL
    if stdin:
        results = [run_stdin(sys.stdin.buffer.read, shown, config, args.previous, model)]
    else:
        results = run(args.paths, config, args.previous, progress=sys.stderr.isatty(), model=model)
    if args.fix or args.diff:
        from checks.writers.fixes import apply_repairs

        results, changed = apply_repairs(
            results, config, args.previous, unsafe=args.unsafe_fixes, write=not args.diff, model=model
        )
        if args.diff:
            _print_diffs(changed)
            return EXIT_FINDINGS if changed else EXIT_OK
        for repair in changed:
            count = len(repair.fixed)
            _say(f"已修复 {repair.path} 中的 {count} 个问题", f"fixed {count} finding(s) in {repair.path}", lang)
    if not results:  # as ruff does: say so, and it is not a failure
        from checks.sources.formats import READ_SUFFIXES

        _say(
            f"警告：所给路径下没有找到报告文件（{'、'.join(READ_SUFFIXES)}）",
            f"warning: no report files ({', '.join(READ_SUFFIXES)}) found under the paths given",
            lang,
        )
        if output_format not in MACHINE:
            return EXIT_OK
    to_file = args.output_file is not None
    options = Options(lang, _use_color(args.color, output_format, to_file), args.verbose, args.quiet, args.statistics)
    try:
        with output(args.output_file, output_format in MACHINE) as out:
            reporter(output_format)(results, out, options)
        sys.stdout.flush()
    except BrokenPipeError:  # `zfxxgk-lint … | head`: the reader left early, which is not an error of ours
        discard_stdout()
    except OSError as error:
        from checks.oserrors import reason

        why = reason(error)
        return _usage_error(
            f"无法写入 {args.output_file}：{why.zh}", f"cannot write {args.output_file}: {why.en}", lang
        )
    if any(r.crash for r in results):
        return EXIT_USAGE
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if any(has_errors(r, config.strict) for r in results) else EXIT_OK

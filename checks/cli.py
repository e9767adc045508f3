"""Command line: ``zfxxgk-lint [check] PATH…``, ``rule CODE``, ``convert SRC --to FORMAT``, ``init --agency …``.

``main`` returns the exit status.

0: no error-level finding; 1: error-level findings (warnings too with ``--strict``); 2: usage error or an
internal failure (which is a bug, and says so).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from checks import __version__

REPORT_FORMATS = ("text", "json", "github", "sarif")  # checks/reporters/, each imported only when chosen
COMMANDS = ("check", "rule", "convert", "init")
WRITE_FORMATS = ("txt", "md", "yaml")  # checks.writers.FORMATS, without importing the writers to parse options
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _codes(text: str) -> list[str]:
    return [code.strip().upper() for code in text.split(",") if code.strip()]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zfxxgk-lint",
        description="政府信息公开工作年度报告检查工具 / linter for annual government information disclosure reports",
    )
    parser.add_argument("--version", action="version", version=f"zfxxgk-lint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="检查报告文件或文件夹 / check report files or folders")
    check.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    check.add_argument(
        "--format",
        choices=REPORT_FORMATS,
        default=None,
        help="输出格式（GitHub Actions 中默认 github，否则 text）/ output format (github on GitHub Actions)",
    )
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="文字输出是否着色（auto：终端且未设 NO_COLOR）/ colour the text output",
    )
    check.add_argument(
        "--config", type=Path, metavar="FILE", help="配置文件（默认向上查找）/ configuration file (else found upwards)"
    )
    check.add_argument("--select", type=_codes, default=None, help="只运行这些规则（可用前缀，如 A,T00）/ rules to run")
    check.add_argument("--ignore", type=_codes, default=None, help="不运行这些规则 / rules to skip")
    check.add_argument("--lang", choices=("zh", "en"), default="zh", help="消息语言 / message language")
    check.add_argument("--strict", action="store_true", help="警告也视为失败 / warnings fail too")
    check.add_argument(
        "--previous",
        type=Path,
        metavar="FILE",
        help="上一年度的报告（跨年度规则用；默认在同一文件夹、再在仓库中查找）/ last year's report (else searched for)",
    )

    rule = commands.add_parser("rule", help="显示规则说明 / show a rule's documentation")
    rule.add_argument("code", type=str.upper)
    rule.add_argument("--lang", choices=("zh", "en"), default="zh")

    convert = commands.add_parser(
        "convert",
        help="把报告（txt、md、yaml、html、docx）转换为 txt、md 或 yaml / convert a report to txt, md or yaml",
    )
    convert.add_argument("source", type=Path, metavar="SRC", help="要转换的报告 / the report to convert")
    convert.add_argument("--to", required=True, choices=WRITE_FORMATS, help="目标格式 / target format")
    convert.add_argument("-o", "--output", type=Path, metavar="OUT", help="输出文件（默认标准输出）/ output file")
    convert.add_argument("--lang", choices=("zh", "en"), default="zh", help="消息语言 / message language")

    init = commands.add_parser("init", help="生成新报告的框架 / write a new report skeleton")
    init.add_argument("--agency", required=True, help="机关名称 / the agency's name")
    init.add_argument("--year", required=True, type=int, help="报告年度 / the year reported on")
    init.add_argument(
        "--previous", type=Path, metavar="FILE", help="上一年度的报告，用于沿用结转数 / last year's report"
    )
    init.add_argument("--format", choices=WRITE_FORMATS, help="格式（默认按 OUT 的后缀，否则 txt）/ format")
    init.add_argument("-o", "--output", type=Path, metavar="OUT", help="输出文件（默认标准输出）/ output file")
    init.add_argument("--lang", choices=("zh", "en"), default="zh", help="消息语言 / message language")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] not in COMMANDS and args_list[0] not in ("-h", "--help", "--version"):
        args_list.insert(0, "check")  # `check` may be omitted
    try:
        args = _parser().parse_args(args_list)
    except SystemExit as exit_:  # argparse has printed the usage error
        return int(exit_.code or 0)
    if args.command == "rule":
        return _rule(args.code, args.lang)
    if args.command in ("convert", "init"):
        from checks.writers import commands

        return commands.convert(args) if args.command == "convert" else commands.init(args)
    return _check(args)


def _usage_error(message: str) -> int:
    print(f"zfxxgk-lint: {message}", file=sys.stderr)
    return EXIT_USAGE


def _rule(code: str, lang: str) -> int:
    from checks.docs import text
    from checks.rules import catalog

    found = catalog().get(code)
    if found is None:
        return _usage_error(f"没有规则 {code} / no rule {code}")
    print(text(found, lang))
    return EXIT_OK


def _output_format(chosen: str | None) -> str:
    if chosen is not None:
        return chosen
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _use_color(choice: str, output_format: str) -> bool:
    if output_format != "text" or choice == "never":
        return False
    if choice == "always":
        return True
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")  # https://no-color.org: any non-empty value


def _check(args: argparse.Namespace) -> int:
    from checks.config import ConfigError, load_config
    from checks.engine import has_errors
    from checks.reporters import reporter
    from checks.rules import unknown_codes
    from checks.run import run

    unknown = list(unknown_codes((args.select or []) + (args.ignore or [])))
    if unknown:
        return _usage_error(f"未知的规则代码 / unknown rule codes: {', '.join(unknown)}")
    missing = [str(p) for p in [*args.paths, *([args.previous] if args.previous else [])] if not p.exists()]
    if missing:
        return _usage_error(f"找不到文件 / no such file: {', '.join(missing)}")
    try:
        # One configuration per run, found upwards from the first path (DESIGN: "walking up from the file").
        first = args.paths[0].resolve()
        config = load_config(
            args.config, first if first.is_dir() else first.parent, args.select, args.ignore, args.strict
        )
    except ConfigError as error:
        return _usage_error(str(error))
    output_format = _output_format(args.format)
    results = run(args.paths, config, args.previous, progress=sys.stderr.isatty())
    try:
        reporter(output_format)(results, sys.stdout, args.lang, _use_color(args.color, output_format))
        sys.stdout.flush()
    except BrokenPipeError:  # `zfxxgk-lint … | head`: the reader left early, which is not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the flush at exit cannot fail again
    if any(r.crash for r in results):
        return EXIT_USAGE
    return EXIT_FINDINGS if any(has_errors(r, config.strict) for r in results) else EXIT_OK

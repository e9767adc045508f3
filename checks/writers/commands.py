"""``zfxxgk-lint convert``, ``init`` and ``schema``: read or make a report model, write it with a writer.

None lints. Messages go to stderr, Chinese unless ``--lang en``; a usage problem or an unreadable source is
exit status 2, and no file is overwritten by surprise: convert never writes over its source, init never over
anything. A report written to a file gets what it needs beside it (``support``: the schema for a YAML report,
markdownlint's settings for a Markdown one), and the folders it goes into are made.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checks.console import discard_stdout
from checks.findings import Message
from checks.model import Report
from checks.oserrors import is_regular, reason
from checks.writers import BINARY, SUFFIXES, format_of, support, writer_for

EXIT_OK, EXIT_USAGE = 0, 2
MIN_YEAR, MAX_YEAR = 2008, 2100  # the 条例 took effect in 2008


def say(message: Message, lang: str) -> None:
    from checks.visible import visible_lines  # messages quote paths and report text

    print(f"zfxxgk-lint: {visible_lines(message.text(lang))}", file=sys.stderr)


def fail(message: Message, lang: str) -> int:
    say(message, lang)
    return EXIT_USAGE


def read_model(path: Path) -> Report | Message:
    """The model of a source file as the linter reads it (by the format it is written in, so that a 2019-format
    report is converted as one: checks/facts.py), or why it cannot be read."""
    from checks.facts import checked_report
    from checks.reading import MAX_BYTES
    from checks.sources import read_report, unsupported

    if not path.exists():
        return Message(f"找不到文件：{path}", f"no such file: {path}")
    if not is_regular(path):
        return Message(f"{path} 不是普通文件，无法读取", f"{path} is not a regular file; it cannot be read")
    try:
        loaded = read_report(path, MAX_BYTES)
        report = checked_report(loaded.build) if loaded is not None and loaded.build is not None else None
    except Exception:  # a bug of a reader: said as such, not as a traceback
        return Message(
            f"读取 {path} 时发生内部错误（这是 zfxxgk-lint 的缺陷，请报告）",
            f"an internal error occurred while reading {path} (a bug in zfxxgk-lint; please report it)",
        )
    if loaded is None:
        why = unsupported(path.suffix)
        return Message(f"{path}：{why.zh}", f"{path}: {why.en}")
    if report is None:
        reasons = "；".join(f.message.zh for f in loaded.findings)
        return Message(
            f"无法读取 {path}：{reasons}", f"cannot read {path}: " + "; ".join(f.message.en for f in loaded.findings)
        )
    if report.unreadable or report.parse_findings:
        # Converting what could be read would silently drop the rest (a broken front matter, a YAML error).
        found = report.parse_findings
        return Message(
            f"{path} 有无法读取的内容，请先修正：" + "；".join(f"{f.pos.zh} {f.message.zh}" for f in found),
            f"{path} has content that cannot be read; fix it first: "
            + "; ".join(f"{f.pos.en}: {f.message.en}" for f in found),
        )
    return report


def _suffix_problem(output: Path, target: str) -> Message | None:
    """A file named for one format must not be given another's content (``--to yaml -o 2025.md``)."""
    if format_of(output.suffix) == target:
        return None
    fitting = "、".join(s for s, f in SUFFIXES.items() if f == target)
    return Message(
        f"输出文件 {output} 的后缀与格式 {target} 不符，应为 {fitting}",
        f"the output file {output} does not end in {', '.join(s for s, f in SUFFIXES.items() if f == target)}, "
        f"as a {target} file should",
    )


def _render(report: Report, target: str, output: Path | None, lang: str) -> str | bytes:
    """The report in ``target``, with what it needs beside its file (told on stderr when written now)."""
    if output is None or target not in support.FOR_FORMAT:
        return writer_for(target)(report)
    needed = support.FOR_FORMAT[target]
    found, written = support.provide(output, needed)
    if written:
        say(Message(f"已写入 {found}（{needed.purpose.zh}）", f"wrote {found} ({needed.purpose.en})"), lang)
    if target == "yaml":
        from checks.writers.yaml import write

        return write(report, schema=support.relative(found, output.absolute().parent))
    return writer_for(target)(report)


def _write(text: str | bytes, output: Path | None, lang: str, *, exclusive: bool) -> int:
    if output is None:
        assert isinstance(text, str), "a binary format is written to a file only (_prepare)"
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:  # `… | head`: the reader left early, which is not an error of ours
            discard_stdout()
        return EXIT_OK
    try:
        support.write_file(output, text, exclusive=exclusive)
    except FileExistsError:
        return fail(Message(f"{output} 已存在，不覆盖", f"{output} exists; not overwriting it"), lang)
    except OSError as error:
        return fail(cannot_write(output, error), lang)
    return EXIT_OK


def cannot_write(output: Path, error: OSError) -> Message:
    why = reason(error)
    return Message(f"无法写入 {output}：{why.zh}", f"cannot write {output}: {why.en}")


def _prepare(output: Path | None, target: str, lang: str) -> int | None:
    """Check the output's name and make its folder; an exit status when that fails."""
    if output is None:
        if target in BINARY:
            return fail(
                Message(
                    f"{target} 格式须用 -o 指定输出文件（如 -o 2025年度报告.{target}）",
                    f"the {target} format is written to a file only: give -o (e.g. -o report.{target})",
                ),
                lang,
            )
        return None
    problem = _suffix_problem(output, target)
    if problem is not None:
        return fail(problem, lang)
    try:
        output.absolute().parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return fail(cannot_write(output, error), lang)
    return None


def convert(args: argparse.Namespace) -> int:
    source: Path = args.source
    output: Path | None = args.output
    if output is not None and (output.resolve() == source.resolve() or (output.exists() and output.samefile(source))):
        return fail(
            Message(
                f"不会覆盖源文件 {source}，请用 -o 指定另一个文件",
                f"will not overwrite the source {source}; give another -o",
            ),
            args.lang,
        )
    report = read_model(source)
    if isinstance(report, Message):
        return fail(report, args.lang)
    failed = _prepare(output, args.to, args.lang)
    if failed is not None:
        return failed
    try:
        text = _render(report, args.to, output, args.lang)
    except OSError as error:
        return fail(cannot_write(output or source, error), args.lang)
    return _write(text, output, args.lang, exclusive=False)


def init(args: argparse.Namespace) -> int:
    from checks.previous import find_last_year
    from checks.writers.template import skeleton

    lang: str = args.lang
    output: Path | None = args.output
    agency = args.agency.strip()
    if not agency:
        return fail(Message("--agency 不能为空", "--agency must not be empty"), lang)
    if not MIN_YEAR <= args.year <= MAX_YEAR:
        return fail(
            Message(
                f"年度 {args.year} 不在 {MIN_YEAR}–{MAX_YEAR} 之间", f"year {args.year} is not in {MIN_YEAR}–{MAX_YEAR}"
            ),
            lang,
        )
    target = args.format or (format_of(output.suffix) if output is not None else None) or "txt"
    if output is not None and output.exists():
        return fail(Message(f"{output} 已存在，不覆盖", f"{output} exists; not overwriting it"), lang)
    last_path: Path | None = args.previous
    if last_path is None:
        # As `check` looks for it: beside the new file (or in the working folder), then in the repository.
        last_path = find_last_year(output or Path.cwd() / f"{args.year}.{target}", agency, args.year)
        if last_path is not None:
            say(Message(f"找到上一年度的报告：{last_path}", f"found last year's report: {last_path}"), lang)
    previous: Report | None = None
    if last_path is not None:
        last = read_model(last_path)
        if isinstance(last, Message):
            return fail(last, lang)
        previous = last
        last_year = previous.facts.year
        if last_year is not None and last_year != args.year - 1:
            say(
                Message(
                    f"注意：{last_path} 是 {last_year} 年度的报告，不是 {args.year - 1} 年度",
                    f"note: {last_path} reports on {last_year}, not {args.year - 1}",
                ),
                lang,
            )
    failed = _prepare(output, target, lang)
    if failed is not None:
        return failed
    report, carried = skeleton(agency, args.year, target, previous)
    try:
        text = _render(report, target, output, lang)
    except OSError as error:
        return fail(cannot_write(output or Path(), error), lang)
    status = _write(text, output, lang, exclusive=True)
    if status == EXIT_OK and previous is not None:
        for message in carried.done:
            say(Message(f"已沿用上一年度数据：{message.zh}", f"carried over from last year: {message.en}"), lang)
        for message in carried.notes:
            say(message, lang)
        for message in carried.skipped:
            say(
                Message(
                    f"未能沿用（上一年度该行缺失或不是应有个数的非负整数）：{message.zh}",
                    f"not carried over (last year's row is missing or not all whole numbers): {message.en}",
                ),
                lang,
            )
    return status


def schema(args: argparse.Namespace) -> int:
    """The report schema, to stdout or to ``-o`` (a folder gets ``report.schema.json`` in it); an older copy is
    replaced, so running it again after an upgrade brings the editors' schema up to date."""
    content = support.SCHEMA.content()
    output: Path | None = args.output
    if output is None:
        return _write(content, None, args.lang, exclusive=False)
    if output.is_dir() or str(output).endswith(("/", "\\")):
        output = output / support.SCHEMA.name
    try:
        output.absolute().parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return fail(cannot_write(output, error), args.lang)
    status = _write(content, output, args.lang, exclusive=False)
    if status == EXIT_OK:
        say(Message(f"已写入 {output}（{support.SCHEMA.purpose.zh}）", f"wrote {output}"), args.lang)
    return status

"""``zfxxgk-lint convert`` and ``zfxxgk-lint init``: read or make a report model, write it with a writer.

Neither lints. Messages go to stderr, Chinese unless ``--lang en``; a usage problem or an unreadable source is
exit status 2, and no file is overwritten by surprise: convert never writes over its source, init never over
anything.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from checks.findings import Message
from checks.model import Report
from checks.writers import format_of, writer_for

EXIT_OK, EXIT_USAGE = 0, 2
MIN_YEAR, MAX_YEAR = 2008, 2100  # the 条例 took effect in 2008


def _say(message: Message, lang: str) -> None:
    print(f"zfxxgk-lint: {message.text(lang)}", file=sys.stderr)


def _fail(message: Message, lang: str) -> int:
    _say(message, lang)
    return EXIT_USAGE


def _read(path: Path) -> Report | Message:
    """The model of a source file as the linter reads it, or why it cannot be read."""
    from checks.reading import MAX_BYTES
    from checks.sources import read_report

    if not path.is_file():
        return Message(f"找不到文件：{path}", f"no such file: {path}")
    loaded = read_report(path, MAX_BYTES)
    if loaded is None:
        return Message(f"不支持的文件类型「{path.suffix}」：{path}", f'unsupported file type "{path.suffix}": {path}')
    report = loaded.report
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


def _write(text: str, output: Path | None, lang: str, *, exclusive: bool) -> int:
    if output is None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:  # `… | head`: the reader left early, which is not an error of ours
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    try:
        with output.open("x" if exclusive else "w", encoding="utf-8", newline="") as file:
            file.write(text)
    except FileExistsError:
        return _fail(Message(f"{output} 已存在，不覆盖", f"{output} exists; not overwriting it"), lang)
    except OSError as error:
        return _fail(Message(f"无法写入 {output}：{error.strerror}", f"cannot write {output}: {error.strerror}"), lang)
    return EXIT_OK


def convert(args: argparse.Namespace) -> int:
    source: Path = args.source
    output: Path | None = args.output
    if output is not None and (output.resolve() == source.resolve() or (output.exists() and output.samefile(source))):
        return _fail(
            Message(
                f"不会覆盖源文件 {source}，请用 -o 指定另一个文件",
                f"will not overwrite the source {source}; give another -o",
            ),
            args.lang,
        )
    report = _read(source)
    if isinstance(report, Message):
        return _fail(report, args.lang)
    return _write(writer_for(args.to)(report), output, args.lang, exclusive=False)


def init(args: argparse.Namespace) -> int:
    from checks.writers.template import skeleton

    lang: str = args.lang
    output: Path | None = args.output
    agency = args.agency.strip()
    if not agency:
        return _fail(Message("--agency 不能为空", "--agency must not be empty"), lang)
    if not MIN_YEAR <= args.year <= MAX_YEAR:
        return _fail(
            Message(
                f"年度 {args.year} 不在 {MIN_YEAR}–{MAX_YEAR} 之间", f"year {args.year} is not in {MIN_YEAR}–{MAX_YEAR}"
            ),
            lang,
        )
    target = args.format or (format_of(output.suffix) if output is not None else None) or "txt"
    if output is not None and output.exists():
        return _fail(Message(f"{output} 已存在，不覆盖", f"{output} exists; not overwriting it"), lang)
    previous: Report | None = None
    if args.previous is not None:
        last = _read(args.previous)
        if isinstance(last, Message):
            return _fail(last, lang)
        previous = last
        if previous.year is not None and previous.year != args.year - 1:
            _say(
                Message(
                    f"注意：{args.previous} 是 {previous.year} 年度的报告，不是 {args.year - 1} 年度",
                    f"note: {args.previous} reports on {previous.year}, not {args.year - 1}",
                ),
                lang,
            )
    report, carried = skeleton(agency, args.year, target, previous)
    status = _write(writer_for(target)(report), output, lang, exclusive=True)
    if status == EXIT_OK and previous is not None:
        for message in carried.done:
            _say(Message(f"已沿用上一年度数据：{message.zh}", f"carried over from last year: {message.en}"), lang)
        for message in carried.notes:
            _say(message, lang)
        for message in carried.skipped:
            _say(
                Message(
                    f"未能沿用（上一年度该行缺失或不是应有个数的非负整数）：{message.zh}",
                    f"not carried over (last year's row is missing or not all whole numbers): {message.en}",
                ),
                lang,
            )
    return status

"""``zfxxgk-lint annotate REPORT [-o OUT.docx]``: the report as a Word document with each finding as a comment (批注)
at the paragraph or cell it points at, for the staffer who writes the report in Word or WPS.

A ``.docx`` source is copied as it is, its formatting kept, and only comments are added (the source is never
written); a report in any other format is first laid out as a Word document on the official grid
(``checks/writers/word.py``). Findings at one paragraph or cell share one comment; one without a place of its own
(a part missing, a note about the whole file) goes to the nearest piece written before it, else to the title.
Without ``-o`` the copy is named after the source (``报告（检查意见）.docx``) and never replaces a file.
"""

from __future__ import annotations

import argparse
import bisect
import io
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checks.findings import Finding, Message, Severity
from checks.model import Place
from checks.oserrors import is_regular
from checks.writers.commands import EXIT_OK, cannot_write, fail, read_model, say
from checks.writers.word import Written, layout, xml_text

if TYPE_CHECKING:
    from docx.document import Document

AUTHOR, INITIALS = "zfxxgk-lint", "ZL"
SUFFIX = "（检查意见）"
_SEVERITY = {Severity.ERROR: Message("错误", "error"), Severity.WARNING: Message("警告", "warning")}


def default_output(source: Path) -> Path:
    """Where the annotated copy goes without ``-o``: beside the source, named after it."""
    return source.with_name(f"{source.stem}{SUFFIX}.docx")


def annotate(args: argparse.Namespace) -> int:
    from checks.config import ConfigError, load_config
    from checks.run import run
    from checks.writers import support

    lang: str = args.lang
    source: Path = args.source
    output: Path = args.output or default_output(source)
    if output.suffix.lower() != ".docx":
        return fail(Message(f"输出文件 {output} 的后缀应为 .docx", f"the output file {output} must end in .docx"), lang)
    if output.exists() and (output.resolve() == source.resolve() or output.samefile(source)):
        return fail(Message(f"不会覆盖源文件 {source}", f"will not overwrite the source {source}"), lang)
    if args.output is None and output.exists():
        return fail(
            Message(f"{output} 已存在，不覆盖；请用 -o 指定输出文件", f"{output} exists; not overwriting it (give -o)"),
            lang,
        )
    if args.previous is not None and not is_regular(args.previous):
        return fail(Message(f"找不到上一年度的报告：{args.previous}", f"no such file: {args.previous}"), lang)
    report = read_model(source)  # also what says why a file cannot be read
    if isinstance(report, Message):
        return fail(report, lang)
    try:
        config = load_config(args.config, source.resolve().parent, None, None, False)
    except ConfigError as error:
        return fail(Message(str(error), str(error)), lang)
    (result,) = run([source], config, args.previous, progress=False)
    if result.crash:
        return fail(
            Message(
                f"检查 {source} 时发生内部错误（这是 zfxxgk-lint 的缺陷，请报告）",
                f"an internal error occurred while checking {source} (a bug in zfxxgk-lint; please report it)",
            ),
            lang,
        )
    try:
        if report.format == "docx":
            document, anchor = _docx_anchors(source)
        else:
            written = layout(report)
            document, anchor = written.document, _source_anchors(written)
        comments = _add_comments(document, result.findings, anchor, lang)
        out = io.BytesIO()
        document.save(out)
    except Exception as error:  # python-docx wants a whole package (content types, relationships) to copy it
        return fail(
            Message(
                f"无法在 {source} 的副本中加批注（{type(error).__name__}）；请用 Word 或 WPS 打开后另存为 .docx 再试",
                f"cannot add comments to a copy of {source} ({type(error).__name__}); open it in Word or WPS, "
                "save it as .docx again and retry",
            ),
            lang,
        )
    try:
        output.absolute().parent.mkdir(parents=True, exist_ok=True)
        support.write_file(output, out.getvalue(), exclusive=args.output is None)
    except FileExistsError:
        return fail(Message(f"{output} 已存在，不覆盖", f"{output} exists; not overwriting it"), lang)
    except OSError as error:
        return fail(cannot_write(output, error), lang)
    say(
        Message(
            f"已写入 {output}：{comments} 条批注（{len(result.findings)} 个问题）",
            f"wrote {output}: {comments} comments ({len(result.findings)} findings)",
        ),
        lang,
    )
    return EXIT_OK


Anchor = Callable[[Finding], Any]  # where a finding's comment goes: the w:p or w:tc element


def _docx_anchors(source: Path) -> tuple[Document, Anchor]:
    """The source document (a copy in memory) and where in it each finding's place is, as the reader numbers the
    places (``checks/sources/word.py places``)."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE

    from checks.sources.numbering import Numbering
    from checks.sources.word import places

    document = docx.Document(str(source))
    try:
        numbering = document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING).element  # type: ignore[attr-defined]
    except KeyError:  # no lists: asking python-docx for its numbering part would add one
        numbering = None
    found = places(document.element.body, Numbering(numbering, document.styles.element))
    first = next(iter(found.values()), None)

    def anchor(finding: Finding) -> Any:
        place = finding.pos.place
        for candidate in _widening(place):
            if candidate in found:
                return found[candidate]
        return first

    return document, anchor


def _widening(place: Place | None) -> Iterable[Place]:
    """A place, then the row it is in, then its table's first row (a finding about a table), then the first
    paragraph (a finding about the whole file)."""
    if place is not None:
        yield place
        if place.table is not None:
            yield place._replace(cell=None)
            yield Place(table=place.table, row=1)
    yield Place(paragraph=1)


def _source_anchors(written: Written) -> Anchor:
    """A finding's position in the source -> the element holding the piece of the model at or before it."""
    keys = [(pos.line, pos.column) for pos, _ in written.anchors]
    elements = [element for _, element in written.anchors]

    def anchor(finding: Finding) -> Any:
        if not elements:
            return None
        index = bisect.bisect_right(keys, (finding.pos.line, finding.pos.column)) - 1
        return elements[max(index, 0)]

    return anchor


def _add_comments(document: Document, findings: Sequence[Finding], anchor: Anchor, lang: str) -> int:
    """One comment per paragraph or cell, listing the findings there in order; how many were added."""
    grouped: dict[int, tuple[Any, list[Finding]]] = {}
    for finding in findings:
        element = anchor(finding)
        if element is None:  # a document with no text at all
            element = document.add_paragraph()._p
        grouped.setdefault(id(element), (element, []))[1].append(finding)
    for element, found in grouped.values():
        runs = _runs(document, element)
        first, *rest = [xml_text(comment_text(f, lang)) for f in found]
        comment = document.add_comment(runs, text=first, author=AUTHOR, initials=INITIALS)
        for text in rest:
            comment.add_paragraph(text)
    return len(grouped)


def _runs(document: Document, element: Any) -> list[Any]:
    """The runs of the paragraph (or of a cell's first paragraph) a comment spans; a run added where there is none
    (an empty cell: a comment needs a run to hang on)."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    if element.tag == qn("w:tc"):
        paragraph = next(element.iter(qn("w:p")), None)
        element = paragraph if paragraph is not None else element.add_p()
    paragraph = Paragraph(element, document._body)
    return paragraph.runs or [paragraph.add_run("")]


def comment_text(finding: Finding, lang: str) -> str:
    """What a comment says of a finding: its rule and severity, the message, and the value expected when the
    message does not give it already."""
    severity = _SEVERITY[finding.severity or Severity.ERROR].text(lang)
    message = finding.message.text(lang)
    expected = _shown(finding.expected)
    if expected and expected not in message:
        message += f"（应为：{expected}）" if lang != "en" else f" (expected: {expected})"
    return f"{finding.rule}（{severity}）{message}" if lang != "en" else f"{finding.rule} ({severity}) {message}"


def _shown(value: Any) -> str:
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value) if isinstance(value, int | float | str) else ""

"""Family R (structure): the six parts, in order, once each, with their official headings and some content."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from checks.findings import Finding, Message, Severity, replacing
from checks.model import Report, Section
from checks.normalize import letters
from checks.rules import names, rule
from checks.specs import Specification


def _name(spec: Specification, part: int) -> str:
    return names.part(spec, part).heading


def _en(spec: Specification, part: int) -> str:
    return names.part(spec, part).en


@rule("R001", Severity.ERROR, "缺少必备部分", "a required part is missing")
def missing_part(report: Report) -> Iterator[Finding]:
    """
    年度报告必须包含六个部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；
    四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。《条例》第五十条
    规定了年度报告应当包括的内容，国家格式（国办公开办函〔2021〕30号）据此规定了这六个部分，缺少任何一部分，
    报告即不完整，是错误。部分以序号识别（“一、”“1、”“（一）”“第一部分”），标题措辞不同只是 R004 的警告。
    相连的几个部分都缺少的（如报告在第三部分后中断），合并为一条提示。
    错误示例：正文从“五、存在的主要问题及改进情况”直接结束，没有第六部分。
    正确示例：即使无其他事项，也写出“六、其他需要报告的事项”并说明“本年度未收取信息处理费”等。
    ---
    The report must have all six parts. Article 50 of the Regulations sets what an annual report contains, and
    the national format (国办公开办函〔2021〕30号) lays it out as these six parts: without one, the report is
    incomplete, an error. A part is known by its numeral ("一、", "1、", "（一）", "第一部分"); other wording is only
    R004's warning. Neighbouring missing parts (a report that stops after part 三) give one finding.
    Failing: the report ends after part 五. Passing: part 六 is present even when there is little to report.
    """
    spec = report.spec
    found = {section.part for section in report.sections}
    for numbers in names.neighbours(part.number for part in spec.parts if part.number not in found):
        run = [names.part(spec, number) for number in numbers]
        first, last = run[0], run[-1]
        following = [s for s in report.sections if s.part > last.number]
        # After the last part: its last text line, where a part missing there belongs (the report's last line of
        # text, or in a YAML report the last of its 正文, which its tables follow).
        pos = following[0].heading.pos if following else (report.sections[-1].end if report.sections else report.end)
        if len(run) == 1:
            message = Message(
                f"缺少第{first.number}部分「{first.heading}」",
                f'part {first.number} "{first.heading}" ({first.en}) is missing',
            )
        else:
            headings = "」「".join(part.heading for part in run)
            message = Message(
                f"缺少第{first.number}至第{last.number}部分（「{headings}」）",
                f"parts {first.number} to {last.number} are missing ({', '.join(part.en for part in run)})",
            )
        yield Finding("R001", pos, message, expected=first.heading)


@rule("R002", Severity.ERROR, "部分顺序错误", "parts out of order")
def parts_out_of_order(report: Report) -> Iterator[Finding]:
    """
    六个部分须按国家格式规定的顺序排列。
    部分顺序与国家格式不一致，读者和汇总时无法按部分对照，是错误。
    错误示例：“六、其他需要报告的事项”写在“五、存在的主要问题及改进情况”之前。
    正确示例：一、二、三、四、五、六依次排列。
    ---
    The six parts must come in the official order.
    Parts out of the format's order cannot be compared part by part: an error.
    Failing: part 六 before part 五. Passing: parts 一 to 六 in order.
    """
    spec = report.spec
    highest: Section | None = None
    for section in report.sections:
        if highest is not None and section.part < highest.part:
            this, that = section.part, highest.part
            yield Finding(
                "R002",
                section.heading.pos,
                Message(
                    f"「{_name(spec, this)}」应在「{_name(spec, that)}」之前（见{highest.heading.pos.zh}）",
                    f'"{_name(spec, this)}" ({_en(spec, this)}) must come before "{_name(spec, that)}" '
                    f"({_en(spec, that)}, {highest.heading.pos.en})",
                ),
            )
        elif highest is None or section.part > highest.part:
            highest = section


@rule("R003", Severity.ERROR, "部分重复出现", "a part appears twice")
def part_twice(report: Report) -> Iterator[Finding]:
    """
    每个部分只能出现一次。重复的标题往往是复制粘贴时多粘了一段，或总体情况里的小标题用了与部分标题相同的写法。
    同一部分出现两次，两处内容哪个为准无从判断，是错误。
    错误示例：两处“二、主动公开政府信息情况”。正确示例：每个部分标题只出现一次。
    ---
    Each part appears once. A repeated heading is usually a paste gone wrong.
    With a part written twice, neither can be taken as the report's: an error.
    Failing: "二、主动公开政府信息情况" twice. Passing: each heading once.
    """
    spec = report.spec
    first: dict[int, Section] = {}
    for section in report.sections:
        if section.part in first:
            yield Finding(
                "R003",
                section.heading.pos,
                Message(
                    f"「{_name(spec, section.part)}」重复出现（首次出现在{first[section.part].heading.pos.zh}）",
                    f'"{_name(spec, section.part)}" ({_en(spec, section.part)}) appears again '
                    f"(first at {first[section.part].heading.pos.en})",
                ),
            )
        else:
            first[section.part] = section


@rule("R004", Severity.WARNING, "部分标题与规定表述不一致", "part heading differs from the official wording")
def heading_wording(report: Report) -> Iterator[Finding]:
    """
    部分标题宜采用国家格式（国办公开办函〔2021〕30号）的表述和“一、”至“六、”的编号。《条例》第五十条规定的是
    年度报告应当包括的内容，标题措辞不同而内容齐全的，不影响报告的完整性，故为警告：写出规定的表述，便于读者
    和汇总核对。只有标点不同（“、”“，”、空格、句末冒号）的不提示；已知的常见写法（如“四、政府信息公开行政复议
    和行政诉讼情况”和《条例》原文“四、因政府信息公开工作被申请行政复议、提起行政诉讼情况”）注明为常见写法。
    部分由标题的编号确定，措辞只决定是否提示本规则。按地方格式核对的报告（配置文件的 format，如 shandong-2021），
    该格式认可的写法（山东省的“六、其他事项”）与规定表述同样对待，不提示。
    错误示例：“二、主动公开政府信息的情况”；“1、 总体情况”。
    正确示例：“二、主动公开政府信息情况”；“一、总体情况”。
    ---
    Part headings should use the wording of the national format and its numbering 一、 to 六、. Article 50 of the
    Regulations fixes what the report contains, not the words of its headings, so a different wording is a warning:
    the official one helps readers and whoever compiles the reports. Differences of punctuation only (、 or ，,
    spaces, a trailing colon) are not reported; known wordings (such as the Regulations' own for part 四) are named
    as such. The numeral decides which part a heading is; the wording only whether this rule speaks. A report
    checked against a provincial format (the configuration's format, e.g. shandong-2021) may use the headings that
    format accepts as its own (山东's "六、其他事项") without a finding.
    Failing: "二、主动公开政府信息的情况"; "1、 总体情况". Passing: "二、主动公开政府信息情况"; "一、总体情况".
    """
    for section in report.sections:
        part = names.part(report.spec, section.part)
        written = letters(section.heading.text)
        if written == letters(part.heading) or written in _letters(part.accepted):
            continue  # the official heading, or one the report's format accepts as its own
        variant = written in _letters(part.variants)
        yield Finding(
            "R004",
            section.heading.pos,
            Message(
                f"部分标题「{section.heading.text}」宜按规定写作「{part.heading}」"
                + ("（常见写法）" if variant else ""),
                f'heading "{section.heading.text}" should read "{part.heading}" ({part.en})'
                + (" (a known variant)" if variant else ""),
            ),
            expected=part.heading,
            actual=section.heading.text,
            fix=replacing(
                [(section.heading.pos, section.heading.text)],
                part.heading,
                Message(f"改为「{part.heading}」", f'write "{part.heading}"'),
            ),
        )


@cache
def _letters(headings: tuple[str, ...]) -> frozenset[str]:
    return frozenset(map(letters, headings))


@rule("R012", Severity.ERROR, "部分内容为空", "a part has no content")
def empty_part(report: Report) -> Iterator[Finding]:
    """
    每个部分都应有内容：文字或规定的表格。只有标题、下面什么都没有，通常是表格以图片形式粘贴而丢失。
    部分没有内容，报告即不完整，是错误。
    错误示例：“二、主动公开政府信息情况”下方紧接着“三、……”。正确示例：标题下有表二。
    ---
    Every part needs content: text or its table. A bare heading usually means the table was pasted as an image.
    A part without content leaves the report incomplete: an error.
    Failing: heading 二 directly followed by heading 三. Passing: heading 二 followed by table 2.
    """
    spec = report.spec
    for section in report.sections:
        # A part's table is its content wherever the source puts it (a YAML report lists tables after 正文).
        has_table = any(spec.table_part.get(key) == section.part for key in report.tables)
        if not section.paragraphs and not has_table:
            yield Finding(
                "R012",
                section.heading.pos,
                Message(
                    f"「{_name(spec, section.part)}」下没有任何内容",
                    f'"{_name(spec, section.part)}" ({_en(spec, section.part)}) has no content',
                ),
            )

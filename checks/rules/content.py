"""Family R (content): what the text must say — the title and its year, the 总体情况 topics, problems and
improvements, the 信息处理费, no superseded 2019 format, no template text left in. Reference §2, §2.6, §3, §4."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePath

from checks import national_format as nf
from checks.findings import Finding, Message, Severity
from checks.model import Position, Report, Section, Table
from checks.normalize import letters, norm
from checks.rules import names, rule

_YEAR_IN_NAME = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_NOTICE = re.compile(nf.SUPERSEDED_NOTICE)
_LEFTOVERS = tuple((re.compile(pattern), zh, en, unfinished) for pattern, zh, en, unfinished in nf.TEMPLATE_LEFTOVERS)


def _body(section: Section) -> str:
    return "".join(p.text for p in section.paragraphs)


def _heading(part: int) -> str:
    return names.part(part).heading


@rule("R005", Severity.ERROR, "报告标题缺失或不规范", 'title missing or not "{机关}{年度}年政府信息公开工作年度报告"')
def title_form(report: Report) -> Iterator[Finding]:
    """
    报告须有标题，并写明机关名称和年度，读者才能知道这是哪个机关、哪一年的报告；没有标题，或标题中没有机关名称
    或年度的，是错误。标题的通常写法是“{机关名称}{年度}年政府信息公开工作年度报告”。国办公开办函〔2021〕30号
    规定了报告的内容，没有规定标题的语序，所以写明了机关和年度的其他写法（“{年度}年度”“2023年上海市政府信息
    公开工作年度报告”“……年度报告（2023年度）”等）只给出警告。分两行书写的标题合并为一行读取；网页没有正文
    标题的，读取网页的标题。
    错误示例：没有标题；“2023年政府信息公开工作报告”（未写明机关名称）。
    正确示例：“昌图县七家子镇2023年政府信息公开工作年度报告”。
    ---
    The report needs a title naming the agency and the year, so that readers know whose report, for which year,
    it is: no title, or one without the agency or the year, is an error. The usual form is
    "{agency}{year}年政府信息公开工作年度报告". The 2021 notice fixes the report's content, not its title's word
    order, so other titles naming the agency and the year (…年度…, the year first, "（2023年度）" after it) are a
    warning. A title written over two lines is read as one; a page without a title in its text is read by its own.
    Failing: no title; "2023年政府信息公开工作报告" (no agency).
    Passing: "昌图县七家子镇2023年政府信息公开工作年度报告".
    """
    form = nf.TITLE_FORM.format(agency="{机关名称}", year="{年度}")
    if report.title is None:
        yield Finding(
            "R005",
            Position(1, 1),
            Message(f"缺少报告标题，应为「{form}」", f'the report has no title; it should read "{form}"'),
            expected=form,
        )
        return
    title = report.title
    if report.agency is None or report.year is None:
        missing = (
            "机关名称和年度"
            if report.agency is None and report.year is None
            else ("机关名称" if report.agency is None else "年度")
        )
        yield Finding(
            "R005",
            title.pos,
            Message(
                f"标题「{title.text}」未写明{missing}，应为「{form}」",
                f'the title "{title.text}" must name the agency and the year: "{form}"',
            ),
            expected=form,
            actual=title.text,
        )
        return
    expected = nf.TITLE_FORM.format(agency=report.agency, year=report.year)
    written = letters(title.text)
    if written == letters(expected):
        return
    variant = written in {letters(v.format(agency=report.agency, year=report.year)) for v in nf.TITLE_VARIANTS}
    yield Finding(
        "R005",
        title.pos,
        Message(
            f"标题「{title.text}」宜写作「{expected}」" + ("（常见写法）" if variant else ""),
            f'the title "{title.text}" usually reads "{expected}"' + (" (a common variant)" if variant else ""),
        ),
        severity=Severity.WARNING,
        expected=expected,
        actual=title.text,
    )


@rule("R006", Severity.ERROR, "年度前后不一致", "years disagree: title, metadata, 统计期限, file name")
def years_agree(report: Report) -> Iterator[Finding]:
    """
    标题中的年度、元数据（YAML 的“年度”、Markdown 文件头（front matter）的“年度”）、统计期限和文件名中的年份须一致。
    沿用上一年报告时忘记改年份是常见错误，
    例如某市2021年度报告写着“统计期限自2020年1月1日起至2020年12月31日止”。
    文件名常以发布日期或发布年份（报告年度的下一年）命名，这样的文件名不提示。年份不一致说明报告有误，因此本规则为
    错误。
    错误示例：标题“……2021年政府信息公开工作年度报告”，统计期限“2020年1月1日至2020年12月31日”。
    正确示例：统计期限“自2021年1月1日起至2021年12月31日止”。
    ---
    The year in the title, the metadata (年度 in YAML or Markdown front matter), the 统计期限 (reporting period)
    and the file name must agree. A report copied from
    last year's often keeps last year's period. A file named by its publication date or year (the year after the
    report's) is fine. Disagreeing years mean the report is wrong, so this is an error.
    Failing: a 2021 report whose period says 2020. Passing: 2021.
    """
    year = report.year
    period = report.period
    if period is not None:
        if year is None:
            year = period.start_year
        elif (period.start_year, period.end_year) != (year, year):
            yield Finding(
                "R006",
                period.text.pos,
                Message(
                    f"统计期限「{period.text.text}」与标题中的{year}年度不一致",
                    f'the reporting period "{period.text.text}" does not match the year {year} in the title',
                ),
                expected=year,
                actual=period.start_year if period.start_year != year else period.end_year,
            )
    declared = report.metadata.year if report.metadata else None
    if declared is not None and year is not None and declared.text != str(year):
        yield Finding(
            "R006",
            declared.pos,
            Message(
                f"元数据中的年度「{declared.text}」与标题中的{year}年度不一致",
                f'the metadata year "{declared.text}" does not match the year {year} in the title',
            ),
            expected=year,
            actual=declared.text,
        )
    name = PurePath(report.path).name
    named = sorted({int(y) for y in _YEAR_IN_NAME.findall(name)})
    # A name may hold other years too ("…2022-cites-2019-notice"), or the year it was published, the next one
    # ("2026-01-20.txt" for 2025, reference §6.4): only a name with neither is wrong.
    if year is not None and named and year not in named and year + 1 not in named:
        yield Finding(
            "R006",
            report.title.pos if report.title else Position(1, 1),
            Message(
                f"文件名「{name}」中的年份 {'、'.join(map(str, named))} 与报告年度 {year} 不一致",
                f'the file name "{name}" says {", ".join(map(str, named))}, but the report is for {year}',
            ),
            expected=year,
            actual=named[0],
        )


@rule("R007", Severity.WARNING, "总体情况缺少规定内容", "总体情况 lacks one of its five topics")
def overview_topics(report: Report) -> Iterator[Finding]:
    """
    国家格式要求“总体情况”主要包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五方面，
    通常写成（一）至（五）五个小标题，也可在正文中分别说明。未涉及的几方面合并为一条提示；是否涉及按关键词判断，
    写法各异，因此本规则为警告。
    错误示例：总体情况只写了“（一）主动公开情况（二）信息管理情况”。
    正确示例：（一）主动公开（二）依申请公开（三）政府信息管理（四）政府信息公开平台建设（五）监督保障。
    ---
    Part 一 (overview) must cover proactive disclosure, disclosure on request, information management,
    platforms, and oversight — usually as five sub-items （一）…（五）, or in the prose. The topics it does not
    cover give one finding; coverage is judged by keywords and wording varies, so this is a warning.
    Failing: an overview with only proactive disclosure and information management. Passing: all five.
    """
    section = report.section(1)
    if section is None or not section.paragraphs:
        return  # R001 / R012
    body = _body(section)
    missing = [topic for topic in nf.OVERVIEW_TOPICS if not any(word in body for word in topic.keywords)]
    if not missing:
        return
    # One finding for the part: the overview is organised otherwise, one deviation however many topics it skips.
    topics, topics_en = "」「".join(topic.name for topic in missing), ", ".join(topic.en for topic in missing)
    yield Finding(
        "R007",
        section.heading.pos,
        Message(
            f"「{_heading(1)}」未涉及「{topics}」（国家格式规定的五方面内容）",
            f'"{_heading(1)}" (overview) does not cover {topics_en} (of its five topics)',
        ),
        expected=missing[0].name,
        actual=len(missing),
    )


@rule("R008", Severity.WARNING, "未写明存在的问题及改进情况", "问题及改进 empty, 无, or lacks problems or improvements")
def problems_and_improvements(report: Report) -> Iterator[Finding]:
    """
    第五部分须既写存在的主要问题，也写改进情况。只写“无”，或只写问题、只写措施，属于国家格式所说的“敷衍塞责”。
    改进情况不一定用“改进”“措施”二字，写成“下一步……”“一是……二是……”并用“将”“进一步”“加大”“持续”等说明
    打算的，视为已写。国家格式对本部分内容有要求，但是否写得充分属于文字判断，因此本规则为警告。
    错误示例：“五、存在的主要问题及改进情况 无。”；只列了三条问题，没有改进措施。
    正确示例：“（一）存在的主要问题 一是……（二）改进措施 一是……”。
    ---
    Part 五 must state both the main problems and the improvements. "无" alone, or problems without measures
    (or the reverse), is what the format calls perfunctory. Improvements need not use the words 改进 or 措施:
    "下一步……" or "一是……二是……" with "将", "进一步", "加大", "持续" count. Whether the text says enough is a
    judgement of wording, so this is a warning.
    Failing: "无。"; three problems and no measures. Passing: problems, then measures.
    """
    section = report.section(5)
    if section is None or not section.paragraphs:
        return  # R001 / R012
    body = _body(section)
    heading = _heading(5)
    if norm(body).rstrip("。.") in nf.NOTHING_TO_REPORT:
        message = Message(
            f"「{heading}」只写了「{body}」：应说明存在的主要问题和改进情况",
            f'"{heading}" only says "{body}": state the main problems and the improvements',
        )
    elif not any(word in body for word in nf.PROBLEM_WORDS):
        message = Message(
            f"「{heading}」未写明存在的主要问题", f'"{heading}" does not state the main problems (only improvements)'
        )
    elif not any(word in body for word in nf.IMPROVEMENT_WORDS):
        message = Message(
            f"「{heading}」未写明改进情况或改进措施", f'"{heading}" states problems but no improvements or measures'
        )
    else:
        return
    yield Finding("R008", section.heading.pos, message)


@rule("R009", Severity.WARNING, "未说明信息处理费收取情况", "其他需要报告的事项 does not state the 信息处理费")
def information_fee(report: Report) -> Iterator[Finding]:
    """
    第六部分应说明本年度信息处理费的收取情况（收费依据为《政府信息公开信息处理费管理办法》，国办函〔2020〕109号），
    例如“本年度未收取信息处理费”“政府信息公开未发生收费情况”，或写明收取的金额（元）。信息处理费属于行政事业性
    收费，但表二“行政事业性收费”一栏是本机关全部行政事业性收费的合计，不能代替对信息处理费的说明。
    国家格式未对此作硬性规定，说明收费情况是各地报告的通行做法，因此本规则为警告。
    错误示例：“六、其他需要报告的事项 无。”。正确示例：“本年度未收取信息处理费。”
    ---
    Part 六 should state whether the information processing fee (信息处理费, charged under 国办函〔2020〕109号) was
    charged, e.g. "本年度未收取信息处理费" or "政府信息公开未发生收费情况", or the amount in yuan. The fee is a
    行政事业性收费, but table 2's 行政事业性收费 row totals every such fee of the agency, so it cannot replace the
    statement. The format does not require it in so many words; stating it is the common practice, so this is a
    warning. Failing: "无。". Passing: "本年度未收取信息处理费。".
    """
    section = report.section(6)
    if section is None or not section.paragraphs:
        return  # R001 / R012
    if any(word in _body(section) for word in nf.INFO_FEE_WORDS):
        return
    elsewhere = next((p for p in report.prose() if nf.INFO_FEE in p.text), None)
    where_zh = f"（{elsewhere.pos.zh}提到了{nf.INFO_FEE}，应在本部分说明）" if elsewhere else ""
    where_en = f" ({elsewhere.pos.en} mentions it; state it in this part)" if elsewhere else ""
    yield Finding(
        "R009",
        section.heading.pos,
        Message(
            f"「{_heading(6)}」未说明{nf.INFO_FEE}收取情况，如「{nf.INFO_FEE_EXAMPLE}」{where_zh}",
            f'"{_heading(6)}" does not say whether the information processing fee (信息处理费) was charged, '
            f'e.g. "{nf.INFO_FEE_EXAMPLE}"{where_en}',
        ),
        expected=nf.INFO_FEE_EXAMPLE,
    )


@rule(
    "R010",
    Severity.ERROR,
    "使用了已废止的2019年格式",
    "superseded 2019 format (tables, or cites 国办公开办函〔2019〕60号)",
)
def superseded_format(report: Report) -> Iterator[Finding]:
    """
    2021年度及以后的报告须使用国办公开办函〔2021〕30号修订后的格式。2019年格式（国办公开办函〔2019〕60号，
    “格式（试行）”）的表二有“本年新制作数量”“对外公开总数量”“其他对外管理服务事项”“第二十条第（九）项 政府集中
    采购”等，表三的“（六）其他处理”只有一行；新格式的统计口径已全部改变，数字无法按新格式核对，是错误，应按新格式
    的表二、表三重新统计填报，不能只改表头。
    表格已是新格式、仅引用了2019年通知作为编制依据的，是依据引用过时，为警告。2020年度及以前的报告使用2019年格式
    是正确的，本工具只按新格式核对表格，因此对其表二只给出一条“未作核对”的警告。旧格式的表二只由本规则提示一次，
    不再逐项提示 T002–T007。
    错误示例：表二列“本年新制作数量”（错误）；依据“国办公开办函〔2019〕60号”编制（警告）。
    正确示例：依据“国办公开办函〔2021〕30号”编制；表二列“本年制发件数、本年废止件数、现行有效件数”。
    ---
    Reports for 2021 and later must use the format revised by 国办公开办函〔2021〕30号. The 2019 trial format had
    other table 2 columns and rows (本年新制作数量, 其他对外管理服务事项, 第二十条第（九）项 政府集中采购…) and a single
    （六）其他处理 row in table 3; the 2021 format counts other things, so such tables cannot be checked: an error, to
    be fixed by filling in the 2021 tables anew, not by renaming headers. Citing the 2019 notice as the basis while
    using the 2021 tables is an outdated reference: a warning. A report for 2020 or before rightly uses the 2019
    format; this version checks only the 2021 tables, so its table 2 gives one warning that it was not checked.
    A 2019-format table 2 is reported by this rule once, not by T002–T007 for each column and row.
    Failing: a 本年新制作数量 column (error); "依据国办公开办函〔2019〕60号" (warning). Passing: the 2021 notice and
    columns.
    """
    year = report.year or (report.period.start_year if report.period else None)
    if year is not None and year < nf.SUPERSEDED_SINCE:
        yield from _unchecked_t2(report)
        return
    for text in report.prose():
        for match in _NOTICE.finditer(text.text):
            yield Finding(
                "R010",
                text.at(match.start()),
                Message(
                    f"编制依据「{match.group()}」已被修订，应依据{nf.NAME}编制",
                    f'cites "{match.group()}", since revised; the basis is {nf.NAME}',
                ),
                severity=Severity.WARNING,
                expected=nf.NAME,
                actual=match.group(),
            )
    if "t2" in report.tables:
        yield from _old_t2(report.tables["t2"])
    if "t3" in report.tables:
        yield from _old_t3(report.tables["t3"])


def _unchecked_t2(report: Report) -> Iterator[Finding]:
    """A report for a year before 2021 rightly uses the 2019 表二, which this version does not check: say so."""
    table = report.tables.get("t2")
    found = names.superseded_labels(table) if table is not None else []
    if found:
        yield Finding(
            "R010",
            found[0][0].pos,
            Message(
                f"表二为2019年格式（2020年度及以前的报告适用），本工具按{nf.NAME}的格式核对，表二未作核对",
                f"table 2 is in the 2019 format (right for 2020 and before); this version checks the format of "
                f"{nf.NAME}, so table 2 was not checked",
            ),
            severity=Severity.WARNING,
            table="t2",
        )


def _old_t2(table: Table) -> Iterator[Finding]:
    found = names.superseded_labels(table)
    if not found:
        return
    # One finding for the table: the old layout is one mistake, fixed by filling in the 2021 table anew (its
    # columns count other things, so renaming the headers would keep the wrong figures).
    olds = "、".join(dict.fromkeys(old for _, old in found))
    yield Finding(
        "R010",
        found[0][0].pos,
        Message(
            f"表二使用了已废止的2019年格式（{olds}），应按{nf.NAME}的表二重新统计填报（各栏统计口径不同，不能只改表头）",
            f"table 2 is in the superseded 2019 format ({olds}); fill in the table 2 of {nf.NAME} anew (its columns "
            "count other things, so renaming the headers is not enough)",
        ),
        table="t2",
        actual=olds,
    )


def _old_t3(table: Table) -> Iterator[Finding]:
    group = next((label for label in table.labels if norm(label.text) == norm(nf.T3_OTHER_GROUP)), None)
    sub_rows = [spec for spec in nf.T3_ROWS if spec.group == nf.T3_OTHER_GROUP]
    if group is None or any(table.row(spec.key) for spec in sub_rows):
        return
    rows = "、".join(spec.label for spec in sub_rows)
    yield Finding(
        "R010",
        group.pos,
        Message(
            f"表三「{nf.T3_OTHER_GROUP}」只有一行，是已废止的2019年格式；{nf.NAME}将其分为三行：{rows}",
            f'table 3 "{nf.T3_OTHER_GROUP}" is a single row, as in the superseded 2019 format; {nf.NAME} splits it '
            f"into three rows: {rows}",
        ),
        table="t3",
    )


@rule("R011", Severity.ERROR, "残留模板说明或占位符", "template guidance or placeholder text left in")
def template_leftovers(report: Report) -> Iterator[Finding]:
    """
    发布前须删除模板中的编写说明、提示语和占位符，否则读者看到的是未完成的报告。括号里的填写提示（如
    `zfxxgk-lint init` 生成的“【此处填写……】”）说明该处内容尚未填写，报告不完整，是错误；编写说明、提示语和
    “XX”“某某”之类的占位符只需删除或替换，是警告。
    错误示例：“【此处填写本年度主动公开工作情况】”（错误）；“该部分以表格形式报告。表格如下：”“XX局2025年……”
    “编写说明：……”（警告）。
    正确示例：写明实际情况；删去提示语，直接给出表格；用实际名称替换占位符。
    ---
    Template instructions, prompts and placeholders must be removed before publication. A bracketed instruction
    to fill something in (the "【此处填写……】" of the skeleton `zfxxgk-lint init` writes) means that content was
    never written, so the report is incomplete: an error. Guidance text, prompts and placeholders such as "XX"
    only need deleting or replacing: a warning.
    Failing: "【此处填写本年度主动公开工作情况】" (error); "该部分以表格形式报告。表格如下：", "XX局",
    "编写说明" (warnings). Passing: the real text.
    """
    for text in report.prose():
        for pattern, zh, en, unfinished in _LEFTOVERS:
            match = pattern.search(text.text)
            if match is None:
                continue
            left = match.group()
            if unfinished:
                message = Message(
                    f"「{left}」处的内容尚未填写，应写明实际情况后再发布", f'"{left}" has not been filled in yet'
                )
            else:
                message = Message(f"残留{zh}「{left}」，发布前应删除或替换", f'{en} left in: "{left}"')
            yield Finding(
                "R011",
                text.at(match.start()),
                message,
                severity=None if unfinished else Severity.WARNING,
                actual=left,
            )

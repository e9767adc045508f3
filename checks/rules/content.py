"""Family R (content): what the text must say — the title and its year, the 总体情况 topics, problems and
improvements, the 信息处理费, no superseded 2019 format, no template text left in. Reference §2, §2.6, §3, §4."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import PurePath

from checks import labels, specs
from checks.findings import Finding, Message, Severity
from checks.model import Report, Section, Text
from checks.normalize import letters, norm
from checks.rules import names, rule
from checks.specs import Specification

_YEAR_IN_NAME = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


@cache
def _notice(spec: Specification) -> re.Pattern[str] | None:
    """How a report cites the notice of the format ``spec`` replaced (None: it replaced none)."""
    return None if spec.superseded_notice is None else re.compile(spec.superseded_notice)


@cache
def _leftovers(spec: Specification) -> tuple[tuple[re.Pattern[str], str, str, bool], ...]:
    return tuple((re.compile(pattern), zh, en, unfinished) for pattern, zh, en, unfinished in spec.template_leftovers)


def _body(section: Section) -> str:
    return "".join(p.text for p in section.paragraphs)


def _heading(spec: Specification, part: int) -> str:
    return names.part(spec, part).heading


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
    spec = report.spec
    form = spec.title_form.format(agency="{机关名称}", year="{年度}")
    if report.title is None:
        yield Finding(
            "R005",
            report.start,
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
    expected = spec.title_form.format(agency=report.agency, year=report.year)
    written = letters(title.text)
    if written == letters(expected):
        return
    variant = written in {letters(v.format(agency=report.agency, year=report.year)) for v in spec.title_variants}
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
            report.title.pos if report.title else report.start,
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
    spec, body = report.spec, _body(section)
    missing = [topic for topic in spec.overview_topics if not any(word in body for word in topic.keywords)]
    if not missing:
        return
    # One finding for the part: the overview is organised otherwise, one deviation however many topics it skips.
    topics, topics_en = "」「".join(topic.name for topic in missing), ", ".join(topic.en for topic in missing)
    yield Finding(
        "R007",
        section.heading.pos,
        Message(
            f"「{_heading(spec, 1)}」未涉及「{topics}」（国家格式规定的五方面内容）",
            f'"{_heading(spec, 1)}" (overview) does not cover {topics_en} (of its five topics)',
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
    spec, body = report.spec, _body(section)
    heading = _heading(spec, 5)
    if norm(body).rstrip("。.") in spec.nothing_to_report:
        message = Message(
            f"「{heading}」只写了「{body}」：应说明存在的主要问题和改进情况",
            f'"{heading}" only says "{body}": state the main problems and the improvements',
        )
    elif not any(word in body for word in spec.problem_words):
        message = Message(
            f"「{heading}」未写明存在的主要问题", f'"{heading}" does not state the main problems (only improvements)'
        )
    elif not any(word in body for word in spec.improvement_words):
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
    spec = report.spec
    if any(word in _body(section) for word in spec.info_fee_words):
        return
    elsewhere = next((p for p in report.prose() if spec.info_fee in p.text), None)
    where_zh = f"（{elsewhere.pos.zh}提到了{spec.info_fee}，应在本部分说明）" if elsewhere else ""
    where_en = f" ({elsewhere.pos.en} mentions it; state it in this part)" if elsewhere else ""
    yield Finding(
        "R009",
        section.heading.pos,
        Message(
            f"「{_heading(spec, 6)}」未说明{spec.info_fee}收取情况，如「{spec.info_fee_example}」{where_zh}",
            f'"{_heading(spec, 6)}" does not say whether the information processing fee (信息处理费) was charged, '
            f'e.g. "{spec.info_fee_example}"{where_en}',
        ),
        expected=spec.info_fee_example,
    )


@rule(
    "R013",
    Severity.WARNING,
    "本级政府报告未说明工作考核、社会评议和责任追究情况",
    "a government's own report omits its 工作考核、社会评议和责任追究",
)
def government_accountability(report: Report) -> Iterator[Finding]:
    """
    《条例》第五十条规定，各级人民政府的政府信息公开工作年度报告还应当包括工作考核、社会评议和责任追究结果情况。
    标题中的机关是“……人民政府”本身（省、市、县、乡镇人民政府）的，报告中应写明这些情况，例如“将政府信息公开
    工作纳入绩效考核……未发生责任追究情况”；六个部分齐全而全文没有写到考核、评议或责任追究的，提示本规则（缺少
    部分时由 R001 提示，不再提示本规则）。人民政府办公室
    （办公厅）和政府部门的报告不适用。与其他应写内容（R007–R009）一样为警告。
    错误示例：“示例县人民政府2025年政府信息公开工作年度报告”全文未提及考核、评议、责任追究。
    正确示例：同一报告写有“将政务公开工作纳入年度考核……全年未发生因政府信息公开工作被责任追究的情况”。
    ---
    Article 50 of the Regulations: the annual report of a people's government (各级人民政府) also gives the results
    of its assessment, public appraisal and accountability (工作考核、社会评议和责任追究结果情况). When the agency in
    the title is a 人民政府 itself (a province's down to a township's), the report should say so, e.g. "将政府信息公开
    工作纳入绩效考核……未发生责任追究情况"; a report with its six parts naming none of 考核, 评议 and 责任追究
    anywhere gets this rule (with a part missing, R001 says so, and this rule nothing).
    The 办公室/办公厅 of a government and its departments are not meant. A warning, as the other contents asked for
    (R007–R009). Failing: "示例县人民政府2025年政府信息公开工作年度报告" without any of them. Passing: the same with
    "将政务公开工作纳入年度考核……全年未发生因政府信息公开工作被责任追究的情况".
    """
    spec, agency = report.spec, report.facts.agency
    if agency is None or not norm(agency).endswith(spec.government_suffix):
        return
    if {section.part for section in report.sections} != {part.number for part in spec.parts}:
        return  # a part is missing (R001), which may be where it was said
    if any(word in text.text for text in report.prose() for word in spec.accountability_words):
        return
    first = report.sections[0]
    yield Finding(
        "R013",
        first.heading.pos,
        Message(
            f"{agency}的报告未说明工作考核、社会评议和责任追究结果情况（《条例》第五十条），如「{spec.accountability_example}」",
            f"the report of {agency}, a people's government, does not give its 工作考核、社会评议和责任追究 "
            f'(Article 50 of the Regulations), e.g. "{spec.accountability_example}"',
        ),
        expected=spec.accountability_example,
    )


@rule(
    "R010",
    Severity.ERROR,
    "使用了已废止的2019年格式",
    "superseded 2019 format (tables, or cites 国办公开办函〔2019〕60号)",
)
def superseded_format(report: Report) -> Iterator[Finding]:
    """
    每一年度的报告须使用该年度适用的格式：2021年度及以后为国办公开办函〔2021〕30号修订后的格式，2020年度及以前为
    国办公开办函〔2019〕60号的格式（“格式（试行）”）。本工具按报告实际使用的格式读取和核对报告：表格为2019年格式的
    （表二有“本年新制作数量”“对外公开总数量”“其他对外管理服务事项”“第二十条第（九）项 政府集中采购”等，表三的
    “（六）其他处理”只有一行），按2019年格式核对其表格。
    2021年度及以后的报告使用2019年格式的，两种格式的统计口径不同，数字无法按该年度的格式汇总和核对，是错误；全文只
    提示一次，位置在第一处旧格式的表格标签，应按新格式的表二、表三重新统计填报，不能只改表头。其表格按2019年格式
    核对，不再因两种格式的差异逐项提示 T002–T007。表格已是新格式、仅引用了2019年通知作为编制依据的，是依据引用过时，
    为警告。2020年度及以前的报告使用2019年格式是正确的，不提示本规则。
    错误示例：2023年度报告的表二列“本年新制作数量”（错误）；2023年度报告依据“国办公开办函〔2019〕60号”编制（警告）。
    正确示例：依据“国办公开办函〔2021〕30号”编制，表二列“本年制发件数、本年废止件数、现行有效件数”；2020年度报告
    使用2019年格式。
    ---
    Each report uses the format of its year: from 2021 on the one revised by 国办公开办函〔2021〕30号, for 2020 and
    before the 2019 trial format (国办公开办函〔2019〕60号). The linter reads and checks a report by the format it is
    written in: tables in the 2019 format (a table 2 with 本年新制作数量, 对外公开总数量, 其他对外管理服务事项,
    第二十条第（九）项 政府集中采购…, a single （六）其他处理 row in table 3) are checked as 2019 tables.
    A report for 2021 or later in the 2019 format counts other things than its year's format asks for: an error,
    reported once for the report, at the first label of the old format, to be fixed by filling in the 2021 tables
    2 and 3 anew, not by renaming headers. Its tables are checked as 2019 tables, so T002–T007 do not report each
    difference between the formats. Citing the 2019 notice as the basis while using the 2021 tables is an
    outdated reference: a warning. A report for 2020 or before rightly uses the 2019 format and gets nothing.
    Failing: a 本年新制作数量 column in a report for 2023 (error); a report for 2023 "依据国办公开办函〔2019〕60号"
    (warning). Passing: the 2021 notice and columns; a report for 2020 in the 2019 format.
    """
    spec, year = report.spec, report.facts.year
    successor = specs.get(spec.successor) if spec.successor is not None else None
    if successor is not None and year is not None and spec.last_year is not None and year > spec.last_year:
        # One finding for the report: the old format is one mistake, fixed by filling in the new tables anew (their
        # columns count other things, so renaming the headers would keep the wrong figures). Its citing the old
        # notice is part of the same mistake.
        yield _superseded_tables(report, successor, year)
        return
    notice = _notice(spec)
    if notice is None or (year is not None and spec.first_year is not None and year < spec.first_year):
        return  # a report for a year before this format rightly cites the one it replaced
    for text in report.prose():
        for match in notice.finditer(text.text):
            yield Finding(
                "R010",
                text.at(match.start()),
                Message(
                    f"编制依据「{match.group()}」已被修订，应依据{spec.name}编制",
                    f'cites "{match.group()}", since revised; the basis is {spec.name}',
                ),
                severity=Severity.WARNING,
                expected=spec.name,
                actual=match.group(),
            )


_SHOWN_OLD = 3  # old-format labels a message names per table; the rest are counted


def _superseded_tables(report: Report, successor: Specification, year: int) -> Finding:
    """R010 for a report written in a format its year no longer uses: at the first label of the old format."""
    spec = report.spec
    found = _old_labels(report, successor)
    pos = found[0][1].pos if found else (report.title.pos if report.title else report.start)
    by_table: dict[str, list[str]] = {}
    for key, _, official in found:
        if official not in by_table.setdefault(key, []):
            by_table[key].append(official)
    shown = [(key, olds[:_SHOWN_OLD], len(olds) - _SHOWN_OLD) for key, olds in by_table.items()]
    olds_zh = "，".join(
        f"{spec.table_names[key][0]}「{'、'.join(olds)}」" + (f"等 {len(olds) + more} 项" if more > 0 else "")
        for key, olds, more in shown
    )
    olds_en = "; ".join(
        f"{spec.table_names[key][1].lower()}: {', '.join(olds)}" + (f" and {more} more" if more > 0 else "")
        for key, olds, more in shown
    )
    changed = [key for key in spec.rows if _old_only(spec, successor, key) != (frozenset(), frozenset())]
    tables_zh = "、".join(spec.table_names[key][0] for key in changed)
    tables_en = " and ".join(spec.table_names[key][1] for key in changed)
    return Finding(
        "R010",
        pos,
        Message(
            f"报告使用了已废止的格式（{spec.name}）"
            + (f"：{olds_zh}" if olds_zh else "")
            + f"；{year}年度的报告应使用{successor.name}规定的格式，按其{tables_zh}重新统计填报"
            "（各栏统计口径不同，不能只改表头）",
            f"the report is written in the superseded format of {spec.name}"
            + (f" ({olds_en})" if olds_en else "")
            + f"; reports for {year} use the format of {successor.name}: fill in its {tables_en} anew (their "
            "columns count other things, so renaming the headers is not enough)",
        ),
        table=found[0][0] if found else None,
        expected=successor.name,
        actual=olds_zh or spec.name,
    )


def _old_labels(report: Report, successor: Specification) -> list[tuple[str, Text, str]]:
    """The labels of the report's tables that only its (old) format has, in the order written: (table, the label
    as written, the official label it is)."""
    spec = report.spec
    found: list[tuple[str, Text, str]] = []
    for key, table in report.tables.items():
        if key not in spec.rows:
            continue
        rows, headers = _old_only(spec, successor, key)
        written = [(label, headers) for label in table.labels]
        written += [(r.label, rows) for r in (*table.rows, *table.unplaced) if r.label is not None]
        official = _official_by_key(spec, key)
        for label, olds in written:
            exact = labels.exact(spec, label.text)
            if exact in olds:
                found.append((key, label, official[exact]))
    return sorted(found, key=lambda item: (item[1].pos.line, item[1].pos.column))


@cache
def _official_by_key(spec: Specification, table: str) -> dict[str, str]:
    vocabulary = labels.vocabulary(spec, table)
    return {labels.exact(spec, label): label for label in vocabulary.labels}


@cache
def _old_only(spec: Specification, successor: Specification, table: str) -> tuple[frozenset[str], frozenset[str]]:
    """The official row labels and header labels of ``table`` in ``spec`` that ``successor`` does not have as such
    (by the keys under which labels are the same): what shows a table is written in the old format. A row of the
    old format may be a header of the new one (2019's single （六）其他处理 row is a group of three since 2021)."""

    def keys(of: Specification, kind: str) -> frozenset[str]:
        if table not in of.rows:
            return frozenset()
        texts = of.header_labels[table] if kind == "headers" else tuple(r.label for r in of.rows[table] if r.label)
        return frozenset(labels.exact(spec, text) for text in texts)

    return keys(spec, "rows") - keys(successor, "rows"), keys(spec, "headers") - keys(successor, "headers")


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
    leftovers = _leftovers(report.spec)
    for text in report.prose():
        for pattern, zh, en, unfinished in leftovers:
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

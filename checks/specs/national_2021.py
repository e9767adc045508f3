"""The national format of the annual report (国办公开办函〔2021〕30号) as data: the ``national-2021`` specification.

Each upper-case constant is a field of ``checks.specs.Specification`` (lower-cased); nothing outside
``checks/specs/`` reads this module: parsers, the schema, rules and messages read the report's specification, and
none of them spells a heading or label itself. The 2019 format and provincial variants are written beside it, as
their differences from it. Source: ../shared/reference/format-2021.md (sections 2.1–2.6).
"""

from __future__ import annotations

from checks.specs.records import Column, Item, Part, RowSpec, Topic

KEY = "national-2021"
NAME = "国办公开办函〔2021〕30号"
FIRST_YEAR, LAST_YEAR = 2021, None  # the report years it is the format of (signed 2021-09-26)
SUCCESSOR, PREDECESSOR = None, "national-2019"


PARTS: tuple[Part, ...] = (
    Part(1, "一、总体情况", "1. Overview", ("一、政府信息公开总体情况", "一、政府信息公开工作总体情况")),
    Part(
        2,
        "二、主动公开政府信息情况",
        "2. Proactive disclosure",
        ("二、政府信息主动公开情况", "二、行政机关主动公开政府信息情况"),
    ),
    Part(
        3,
        "三、收到和处理政府信息公开申请情况",
        "3. Requests received and handled",
        (
            "三、行政机关收到和处理政府信息公开申请情况",
            "三、收到和处理政府信息公开申请的情况",
            "三、依申请公开政府信息情况",
        ),
    ),
    Part(
        4,
        "四、政府信息公开行政复议、行政诉讼情况",
        "4. Administrative review and litigation",
        (
            "四、政府信息公开行政复议和行政诉讼情况",
            "四、政府信息公开行政复议及行政诉讼情况",
            "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况",
            "四、因政府信息公开工作被申请行政复议、提起行政诉讼的情况",
        ),
    ),
    Part(
        5,
        "五、存在的主要问题及改进情况",
        "5. Main problems and improvements",
        (
            "五、政府信息公开工作存在的主要问题及改进情况",
            "五、存在的主要问题及改进措施",
            "五、存在的主要问题和改进措施",
            "五、政府信息公开工作存在的主要问题及改进措施",
            "五、存在的主要问题及整改措施",
            "五、存在主要问题及改进情况",
            "五、存在问题及改进情况",
        ),
    ),
    Part(6, "六、其他需要报告的事项", "6. Other matters to report", ("六、其他事项",)),
)
# The numerals the parts are numbered with, in order (一、 … 六、): a heading is first identified by its numeral.
NUMERALS = "一二三四五六七八九十"

# Which part each table belongs under.
TABLE_PART = {"t2": 2, "t3": 3, "t4": 4}
TABLE_NAMES = {"t2": ("表二", "Table 2"), "t3": ("表三", "Table 3"), "t4": ("表四", "Table 4")}


# --- 表二: four blocks under 第二十条 -------------------------------------------------------------------------
_T2_DOCS = (
    Column("made", "本年制发件数", "issued this year"),
    Column("repealed", "本年废止件数", "repealed this year"),
    Column("in_force", "现行有效件数", "currently in force"),
)
_T2_DECISIONS = (Column("decisions", "本年处理决定数量", "decisions this year"),)
_T2_FEES = (Column("amount", "本年收费金额（单位：万元）", "fees collected (10,000 yuan)"),)


T2_HEADER = "信息内容"
T2_MARKER_PREFIX = "第二十条第"  # what every block marker starts with, however its item number is written
T2_UNIT = "（单位：万元）"
T2_BLOCKS: tuple[Item, ...] = (
    Item(
        "第二十条第（一）项",
        (
            RowSpec("rules", "规章", "rules (规章)", _T2_DOCS),
            RowSpec("normative", "行政规范性文件", "normative documents", _T2_DOCS),
        ),
    ),
    Item("第二十条第（五）项", (RowSpec("licensing", "行政许可", "administrative licensing", _T2_DECISIONS),)),
    Item(
        "第二十条第（六）项",
        (
            RowSpec("penalty", "行政处罚", "administrative penalties", _T2_DECISIONS),
            RowSpec("enforcement", "行政强制", "administrative enforcement", _T2_DECISIONS),
        ),
    ),
    Item("第二十条第（八）项", (RowSpec("fees", "行政事业性收费", "administrative fees", _T2_FEES, fee=True),)),
)
T2_ROWS: tuple[RowSpec, ...] = tuple(row for block in T2_BLOCKS for row in block.rows)
# The rows of documents (规章, 行政规范性文件): issued, repealed and in force, in that order (X003).
T2_DOCUMENT_ROWS: tuple[str, ...] = tuple(row.key for row in T2_ROWS if row.columns == _T2_DOCS)

# --- 表三: requests, 25 rows × 7 columns --------------------------------------------------------------------
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_NOTE_KEYWORD = "勾稽"  # a note altered beyond recognition still names the 勾稽 relation
T3_APPLICANTS = "申请人情况"
T3_LEGAL_PERSONS = "法人或其他组织"
T3_COLUMNS: tuple[Column, ...] = (
    Column("natural", "自然人", "natural persons"),
    Column("business", "商业企业", "businesses"),
    Column("research", "科研机构", "research institutions"),
    Column("nonprofit", "社会公益组织", "non-profit organisations"),
    Column("legal", "法律服务机构", "legal service providers"),
    Column("other", "其他", "other organisations"),
    Column("total", "总计", "total"),
)
T3_TOTAL_COLUMN = "total"

_RESULTS = "三、本年度办理结果"
_WITHHELD = "（三）不予公开"
_UNAVAILABLE = "（四）无法提供"
_NOT_PROCESSED = "（五）不予处理"
_OTHER = "（六）其他处理"


def _t3(key: str, label: str, en: str, group: str | None = None) -> RowSpec:
    return RowSpec(key, label, en, T3_COLUMNS, group)


T3_ROWS: tuple[RowSpec, ...] = (
    _t3("new", "一、本年新收政府信息公开申请数量", "I. new requests this year"),
    _t3("carried_over", "二、上年结转政府信息公开申请数量", "II. carried over from last year"),
    _t3("disclosed", "（一）予以公开", "III(1) disclosed", _RESULTS),
    _t3(
        "partly_disclosed",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "III(2) partly disclosed",
        _RESULTS,
    ),
    _t3("withheld_1", "1.属于国家秘密", "III(3)1 state secret", _WITHHELD),
    _t3("withheld_2", "2.其他法律行政法规禁止公开", "III(3)2 barred by other laws", _WITHHELD),
    _t3("withheld_3", "3.危及“三安全一稳定”", "III(3)3 endangers security or stability", _WITHHELD),
    _t3("withheld_4", "4.保护第三方合法权益", "III(3)4 third-party rights", _WITHHELD),
    _t3("withheld_5", "5.属于三类内部事务信息", "III(3)5 internal affairs", _WITHHELD),
    _t3("withheld_6", "6.属于四类过程性信息", "III(3)6 process information", _WITHHELD),
    _t3("withheld_7", "7.属于行政执法案卷", "III(3)7 enforcement files", _WITHHELD),
    _t3("withheld_8", "8.属于行政查询事项", "III(3)8 administrative inquiries", _WITHHELD),
    _t3("unavailable_1", "1.本机关不掌握相关政府信息", "III(4)1 not held", _UNAVAILABLE),
    _t3("unavailable_2", "2.没有现成信息需要另行制作", "III(4)2 would need to be created", _UNAVAILABLE),
    _t3("unavailable_3", "3.补正后申请内容仍不明确", "III(4)3 still unclear after correction", _UNAVAILABLE),
    _t3("not_processed_1", "1.信访举报投诉类申请", "III(5)1 petitions and complaints", _NOT_PROCESSED),
    _t3("not_processed_2", "2.重复申请", "III(5)2 repeated requests", _NOT_PROCESSED),
    _t3("not_processed_3", "3.要求提供公开出版物", "III(5)3 published material", _NOT_PROCESSED),
    _t3("not_processed_4", "4.无正当理由大量反复申请", "III(5)4 abusive repeated requests", _NOT_PROCESSED),
    _t3(
        "not_processed_5",
        "5.要求行政机关确认或重新出具已获取信息",
        "III(5)5 re-issue of held information",
        _NOT_PROCESSED,
    ),
    _t3(
        "other_1",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "III(6)1 not corrected in time",
        _OTHER,
    ),
    _t3(
        "other_2",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "III(6)2 fee not paid in time",
        _OTHER,
    ),
    _t3("other_3", "3.其他", "III(6)3 other", _OTHER),
    _t3("results_total", "（七）总计", "III(7) total", _RESULTS),
    _t3("carried_forward", "四、结转下年度继续办理", "IV. carried forward to next year", None),
)
T3_GROUPS: tuple[str, ...] = (_RESULTS, _WITHHELD, _UNAVAILABLE, _NOT_PROCESSED, _OTHER)
# The outcome rows whose sum is （七）总计, and the rows of the official 勾稽 note: 一 + 二 = （七）总计 + 四.
T3_OUTCOME_ROWS: tuple[str, ...] = tuple(r.key for r in T3_ROWS[2:-2])
T3_RESULTS_TOTAL = "results_total"
T3_CARRIED_OVER, T3_CARRIED_FORWARD = "carried_over", "carried_forward"  # what one year hands the next (X002)
T3_BALANCE = (("new", T3_CARRIED_OVER), (T3_RESULTS_TOTAL, T3_CARRIED_FORWARD))

# --- 表四: review and litigation, one row of 15 numbers ----------------------------------------------------
T4_REVIEW = "行政复议"
T4_LITIGATION = "行政诉讼"
T4_OUTCOMES: tuple[Column, ...] = (
    Column("upheld", "结果维持", "upheld"),
    Column("corrected", "结果纠正", "corrected"),
    Column("other", "其他结果", "other result"),
    Column("pending", "尚未审结", "pending"),
    Column("total", "总计", "total"),
)
T4_GROUPS: tuple[Column, ...] = (
    Column("review", T4_REVIEW, "administrative review"),
    Column("direct_suit", "未经复议直接起诉", "suits without prior review"),
    Column("suit_after_review", "复议后起诉", "suits after review"),
)
T4_COLUMNS: tuple[Column, ...] = tuple(
    Column(f"{g.key}.{o.key}", f"{g.label}·{o.label}", f"{g.en}: {o.en}") for g in T4_GROUPS for o in T4_OUTCOMES
)
T4_ROW = RowSpec("all", "", "review and litigation", T4_COLUMNS)

ROWS: dict[str, tuple[RowSpec, ...]] = {"t2": T2_ROWS, "t3": T3_ROWS, "t4": (T4_ROW,)}

# Every label a table shows outside its data rows: block markers, column headers, group labels, the 勾稽 note.
HEADER_LABELS: dict[str, tuple[str, ...]] = {
    "t2": (
        T2_HEADER,
        *(block.marker for block in T2_BLOCKS),
        *(column.label for column in _T2_DOCS + _T2_DECISIONS + _T2_FEES),
    ),
    "t3": (T3_NOTE, T3_APPLICANTS, T3_LEGAL_PERSONS, *(column.label for column in T3_COLUMNS), *T3_GROUPS),
    "t4": (T4_REVIEW, T4_LITIGATION, *(group.label for group in T4_GROUPS[1:]), *(o.label for o in T4_OUTCOMES)),
}

# --- How written labels may differ (reference §6.3) -----------------------------------------------------------
# Words the 条例 itself uses for an official label's word: the same label, silently ("法人或者其他组织").
LABEL_SYNONYMS: tuple[tuple[str, str], ...] = (("或者", "或"),)
# Labels compliant reports write for an official one, beyond punctuation and bracketed additions or omissions
# (which are found without a list): a warning that names the official wording.
LABEL_VARIANTS: dict[str, tuple[str, ...]] = {
    "行政规范性文件": ("规范性文件",),
    "本年收费金额（单位：万元）": ("本年收费金额（万元）", "本年收费金额（万元)", "收费金额（万元）"),
}
# How alike (difflib's ratio, 0–1) a written label must be to an official one to be read as a mistyped copy of it:
# a row label; a header label; the 勾稽 note (an altered note is a T006, below this it is not the note at all: T007).
LABEL_FUZZY, HEADER_FUZZY, NOTE_FUZZY = 0.6, 0.5, 0.7
# Words with which a report says documents were amended: "规章13件(含新制定5件,修改4件)" (reference §6.4, X003).
AMENDMENT_WORDS = ("修改", "修订", "修正")
# The unit of the fee, however a compliant header writes it ("（单位：万元）", "（万元）"): T007 asks for one.
T2_UNIT_WORD = "万元"

# --- The text: title, 总体情况 topics, parts 五 and 六 (reference §2, §2.6) --------------------------------------
TITLE_FORM = "{agency}{year}年政府信息公开工作年度报告"
# Titles of compliant published reports in other forms (reference §6.2): no rule of the notice fixes the title's
# word order, so these are a warning that names the usual form, as is any other title naming the agency and year.
TITLE_VARIANTS = (
    "{agency}{year}年度政府信息公开工作年度报告",
    "{year}年{agency}政府信息公开工作年度报告",
    "{year}年度{agency}政府信息公开工作年度报告",
    "{agency}政府信息公开工作{year}年度报告",
    "{agency}{year}政府信息公开工作年度报告",
    "{agency}政府信息公开工作年度报告（{year}年度）",
    "{agency}{year}年政府信息公开年度报告",
)
TITLE_ANCHORS = ("政府信息公开", "信息公开")  # what every title holds; the agency and year are found around it
# How a report names itself in its text, in simplified or traditional characters (a mirror site's copy): I006.
REPORT_MENTION = r"政府信息公[开開].{0,12}?年度[报報]告"


# 总体情况 "mainly covers" these five; reports word them freely, hence several keywords each.
OVERVIEW_TOPICS: tuple[Topic, ...] = (
    Topic("主动公开", "proactive disclosure", ("主动公开",)),
    Topic("依申请公开", "disclosure on request", ("依申请", "公开申请", "申请公开")),
    Topic("政府信息管理", "information management", ("管理", "保密审查", "公开属性")),
    Topic("政府信息公开平台建设", "disclosure platforms", ("平台", "网站", "门户", "专栏", "新媒体", "公众号")),
    Topic("监督保障", "oversight and safeguards", ("监督", "保障", "考核", "培训", "责任追究", "社会评议")),
)
# Part 五 must name problems and improvements; these words say which is which.
PROBLEM_WORDS = ("问题", "不足", "差距", "短板", "薄弱", "有待", "不够", "欠缺", "滞后", "不强", "不高")
# Improvements are also written as "一是…二是…" with "将", "进一步", "加大", "持续" and no word 改进 (reference §6.4).
IMPROVEMENT_WORDS = (
    "改进",
    "措施",
    "下一步",
    "整改",
    "今后",
    "计划",
    "拟",
    "进一步",
    "加大",
    "持续",
    "不断",
    "将继续",
    "将加强",
    "将着力",
    "将切实",
    "将全面",
    "将严格",
    "将深入",
    "将认真",
    "将积极",
)
# Sub-items of part 六 a format names besides the fee statement (a province's own, e.g. 山东): none nationally.
PART_SIX_ITEMS: tuple[str, ...] = ()
NOTHING_TO_REPORT = ("无", "暂无", "没有", "无相关情况", "本年度无", "不涉及")  # a whole part saying only this
INFO_FEE = "信息处理费"  # 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号); not 表二's 行政事业性收费
# A statement about charging in any words: "政府信息公开未发生收费情况", "本年度未收取任何费用" (reference §6.4).
INFO_FEE_WORDS = (INFO_FEE, "处理费", "收费", "收取", "费用")
INFO_FEE_EXAMPLE = "本年度未收取信息处理费"
# A 人民政府's own report (条例 Art. 50: 各级人民政府) also gives its 工作考核、社会评议和责任追究结果情况; an agency
# named so is one (a province's down to a township's), its 办公室/办公厅 and departments are not (R013).
GOVERNMENT_SUFFIX = "人民政府"
ACCOUNTABILITY_WORDS = ("考核", "评议", "责任追究", "追责", "问责")
ACCOUNTABILITY_EXAMPLE = "本年度将政府信息公开工作纳入绩效考核，开展社会评议，未发生责任追究情况"
# 条例 Art. 49: a 县级以上人民政府部门 publishes its report by 31 January, a 县级以上地方人民政府's own is published
# by 31 March (month, day of the year after the one reported on): (department, government). R014.
DEADLINES = ((1, 31), (3, 31))
# How a page or a copy of it states when it was published ("发布时间：2026-01-20"), besides a source's 发布日期 key.
PUBLISHED_WORDS = ("发布时间", "发布日期", "发文日期", "公开日期", "公开时间", "发布于")

# --- The superseded 2019 format (国办公开办函〔2019〕60号; reference §3) -----------------------------------------
SUPERSEDED_NOTICE = r"国办公开办函\s*[〔\[【(（]\s*2019\s*[〕\]】)）]\s*60\s*号|年度报告格式\s*[(（]\s*试行\s*[)）]"
# Labels only the 2019 format's 表二 has. Its columns count other things than the 2021 ones (本年新公开数量 is not
# 本年废止件数), so the table is filled in anew, never relabelled (R010).
SUPERSEDED_T2_LABELS: tuple[str, ...] = (
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "处理决定数量",
    "其他对外管理服务事项",
    "第二十条第（九）项",
    "政府集中采购",
    "采购项目数量",
    "采购总金额",
)
T3_OTHER_GROUP = _OTHER  # in 2019 a single row; since 2021 a group of three sub-rows

# --- Leftover template text (reference §4): pattern -> what it is, and whether the report is unfinished ------
# A placeholder to be filled in (【此处填写…】, the skeleton `init` writes) means a part's content was never
# written, so the report is incomplete; guidance text beside real content only needs deleting.
TEMPLATE_LEFTOVERS: tuple[tuple[str, str, str, bool], ...] = (
    (r"编写说明|填报说明|填写说明", "模板的编写说明", "the template's instructions", False),
    # Not "以表格形式列示如下": reports introduce their own tables so.
    (
        r"该部分以表格形式(?:报告|填报)|以表格形式(?:报告|填报)。表格如下",
        "模板的提示语",
        "the template's prompt",
        False,
    ),
    (
        r"[【\[［][^】\]］]{0,40}(?:填写|填报|请|此处|示例|删除|根据实际)[^】\]］]{0,40}[】\]］]"
        r"|[（(](?:此处|请在此|请填写|填写)[^）)]{0,40}[）)]",
        "括号里的填写提示",
        "a bracketed instruction",
        True,
    ),
    # ○ is also the zero of a year written in Chinese numerals ("二○○八年"): not next to another numeral.
    (
        r"(?<![A-Za-z])(?:[XxＸｘ]{2,}|×{2,}|(?<![〇○零一二三四五六七八九])○{2,}(?![〇○零一二三四五六七八九年])|某某)"
        r"(?![A-Za-z])",
        "未替换的占位符",
        "a placeholder",
        False,
    ),
)

# --- What an agency of a level cannot have (X005) ------------------------------------------------------------
# Townships and streets have no rule-making power (《立法法》: 规章 come from provinces and 设区的市).
TOWNSHIP = r"(?:乡|镇|街道|苏木)(?:人民政府|办事处|党委|政府)?$"
TOWNSHIP_NONE_ROWS = ("rules",)  # 表二 rows a township must report as 0
TOWNSHIP_LEVEL = "乡镇"  # the 层级 metadata value of a township or street office (docs/formats.md)
# Who may make 规章 (reference §6.5, 立法法 2015 第八十条、第八十二条; 2023: 第九十一条、第九十三条): the State
# Council's ministries and commissions (部门规章), and the people's governments of provinces, autonomous regions,
# municipalities, 设区的市 and 自治州 (地方政府规章). Every other agency's 规章 row is "/" in many reports.
RULE_MAKERS = r"^国务院|部$|(?:省|自治区|市|自治州)人民政府(?:办公厅|办公室)?$"

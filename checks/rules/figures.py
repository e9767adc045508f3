"""X001: figures the text states must agree with the tables.

A report says in words what its tables say in numbers ("全年新收政府信息公开申请15件"); when the two disagree, one
of them is wrong, and readers quote the words. A false alarm here teaches people to ignore the rule, so precision
comes before recall: a sentence is compared only when it unmistakably states one of the table's quantities. A count
of 留言, 咨询, 建议 or 备案, of requests received online or by one kind of applicant, of last year or of a quarter,
is never taken for one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Literal, NamedTuple

from checks.findings import Finding, Message, Severity
from checks.model import Cell, Position, Report, Text
from checks.numbers import small_int
from checks.rules import names, rule
from checks.specs import Specification

# --- how the text states a figure ---------------------------------------------------------------------------------
# A phrase is the words before a count ("新收政府信息公开申请" + "15件"), the words after it ("8份" + "政府信息公开
# 申请"), or a statement that there were none ("未收到政府信息公开申请"). The count itself is read by the shared
# regexes below. Every regex in this module is written as its source and compiled once, the first time it is needed
# (``_rx``): compiling them all costs more than checking a report, and most runs need only a few.

# A count: Arabic digits (full-width too) or a simple Chinese numeral. 条/人次/次 count other things (items of
# information, visits); 件次, 余件, 以上 and 左右 are not exact; 两个工作日/一个月 are durations. A bare 0
# ("结转下年度为0") needs no unit.
_NUM = r"(?P<n>[0-9０-９]+|[零〇一二两三四五六七八九十]{1,3})"
_UNIT = r"\s*(?P<unit>[件个份起宗])(?!次|以上|左右|余|多|月|工作日|日|小时|星期|周|季|年|人)"
_BOUNDARY = r"(?=\s*(?:[，,。；;、:：)）(（]|$))"
# What may stand between the words and the count ("申请数量为15件", "申请共计15件"): nothing naming another thing.
# (No alternative is a concatenation of others, so a long run of these cannot make the regex backtrack.)
_GAP = r"(?:[\s:：]|共计|合计|总计|累计|共|总数|总量|量|数|为|有|达|了|的)*"
_COUNT_AFTER = rf"{_GAP}{_NUM}(?:{_UNIT}|{_BOUNDARY})"
# A sentence without anything like a count ("15件", "0") states no figure: most sentences, found in one pass.
_ANY_COUNT = r"[0-9０-９零〇一二两三四五六七八九十]\s*[件个份起宗]|(?<![0-9０-９])[0０零](?![0-9０-９])"
# Never the tail of a longer number ("一百二十件").
_COUNT_BEFORE = rf"(?<![0-9０-９.．零〇一二两三四五六七八九十百千万]){_NUM}{_UNIT}"
# Words without a noun of their own ("上年结转" 1件) need the count to end its clause: "上年结转1件建议" is not read.
_CLAUSE_DONE = r"\s*(?:[，,。；;、:：)）(（]|$|均|全部|已|其中|中)"

# The only words allowed right before 申请: the request is a disclosure request. "行政许可申请", "补偿申请",
# "群众留言" and "依申请公开咨询" never match.
_QUAL = r"(?:政府信息公开|信息公开|依申请公开|公开)"
_RECEIVING = ("新收", "收到", "受理", "接到", "接收", "收悉")
_RECEIVE = rf"(?:{'|'.join(_RECEIVING)})(?:了|到)?(?:各类|各种)?"
# A receiving verb after these is an outcome ("不予受理") or a "none" statement, read by its own phrase.
_NEGATED = ("不予", "不", "未", "没", "无")
_NEGATION = r"(?:未曾|未有|没有|未|无)(?!经|论|法|须|需|关)"
# A "none" statement must end there: "未收到政府信息公开申请受理回执" is not about the number of requests.
_NONE_END = r"(?=\s*(?:[，,。；;、:：)）(（]|$|的?情况|也|且|亦))"
_LAST_YEAR = r"上一?年度?结转(?:至本年度?|到本年度?)?的?"
_NEXT_YEAR = r"下一?年度?"
_TO_NEXT_YEAR = rf"(?:结转|转入)(?:至|到)?{_NEXT_YEAR}(?:继续)?(?:办理|处理|答复)?的?"
_AND = r"\s*(?:[、和及与或]|以及)\s*(?:被|提起|申请)*"
_BOTH = rf"行政(?:复议|诉讼)(?:案件)?{_AND}行政(?:复议|诉讼)(?:案件)?(?:数量)?(?:各|均)(?:为|有)?"
# Outcome words that make a "no review" statement about something narrower ("未发生行政复议纠错").
_NARROWER = r"纠错|纠正|败诉|胜诉|撤销|违法|维持|结果|审结|驳回|率"
# "未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况": one statement for both, checked by each.
_NO_CASES = (
    rf"{_NEGATION}(?:发生|出现|收到|产生|接到|涉及|引发|引起|有)?过?"
    rf"(?:(?:因|由于|涉及|有关|关于|针对)(?:(?!{_NARROWER})[^，,。；;！？!?]){{0,30}}?"
    r"|(?:政府)?信息公开(?:工作)?(?:方面)?的?|依申请公开(?:方面)?的?)?"
    rf"(?:被|提起|申请)*行政(?:复议|诉讼)(?:案件)?(?:{_AND}行政(?:复议|诉讼))?"
    rf"(?![^，,。；;！？!?]{{0,30}}(?:{_NARROWER}))"
)

# --- whether a sentence is about this year's disclosure requests at all -------------------------------------------
_ABOUT_DISCLOSURE = r"信息公开|依申请|公开申请"
# A sentence naming other countable things is skipped by every phrase that does not itself say "disclosure request":
# "上年结转1件" next to 人大代表建议 may well be a 建议.
_OTHER_THINGS = r"建议|提案|信访|留言|咨询|投诉|举报|来信|来电|热线|工单|诉求|备案|许可|审批|政务服务"
# A sentence about another period states other figures: another year (checked separately), part of the year, a
# comparison, or several years together. "上年结转" is this year's carried-over figure, not last year's.
_OTHER_PERIOD = (
    r"季度|上半年|下半年|前三季|月份|每月|月均|平均|同比|环比|同期|以来|历年|历史|截至目前|去年|前年"
    r"|近\s*[0-9０-９一二三四五六七八九十两几]+\s*年|[0-9０-９一二三四五六七八九十两几]\s*年来"
    r"|上一?年度?(?!度?结转)|(?:较|比|与)上"
)  # "3年来" by its last numeral only: "[…]+年来", searched, would be tried from each numeral of a long run
_YEAR = r"(?<![0-9０-９])((?:19|20|１９|２０)[0-9０-９]{2})\s*年"
# (The spaces after 月份 inside its optional group: "\s*(?:月份?)?\s*" would split a run of spaces every way.)
_MONTH_SPAN = r"(?<![0-9０-９])([0-9０-９]{1,2})\s*(?:月份?\s*)?[-—–~～至到]\s*([0-9０-９]{1,2})\s*月"
_UNTIL_MONTH = r"截至\s*(?:[0-9０-９]{4}\s*年\s*)?([0-9０-９]{1,2})\s*月"
# Who a figure is about: the whole area ("全县各级行政机关共新收…815件") is not the agency's own table, unless a
# later word brings it back to the agency ("…区政府本级共受理206件"). The last of these before a figure decides.
_SCOPE = (
    r"(?P<region>全(?:省|市|区|县|州|盟|旗|乡|镇)|各级|各部门|各单位|各地|各乡镇|各街道)"
    r"|本级|本机关|本单位|本部门|本局|本委|本办|我局|我委|我办|我单位"
)
_SENTENCE_END = r"[。！？；;!?]"
# Characters of one sentence read for figures. A real report's longest sentences have a few hundred; the patterns
# are linear, but the regular-expression engine keeps state per character of a repeat, so a "sentence" of
# millions of spaces would cost hundreds of MB. No sentence a person wrote about the figures is this long.
MAX_SENTENCE = 2_000
_LOOK_BACK = 40  # characters before a figure in which its clause is searched for words that make it a part
_CLAUSE_END = r"[，,；;]"

# Words in the clause before a figure that make it a part of the quantity, not all of it.
_APPLICANTS = r"自然人|法人|企业|科研机构|公益组织|法律服务机构|其他组织|公民|律师|媒体|个人"
_CHANNELS = r"通过|经由|网上|网络|在线|线上|当面|现场|信函|邮寄|邮政|传真|邮件|来访|平台|窗口|热线"
_HANDLED = r"办结|答复|办理|处理|完成|审结|按时|逾期|延期|超期"
_OUTCOMES = r"维持|纠正|纠错|撤销|败诉|胜诉|审结|办结|结案|驳回|确认违法|终止|尚未|撤回"


class Context(NamedTuple):
    """Where a phrase that does not itself say "disclosure" is trusted: in ``part`` (the part about its quantity),
    or in a sentence that names 信息公开/依申请 — and never in a sentence that names other countable things."""

    part: int


TOPIC = Context(3)  # 收到和处理政府信息公开申请情况
CASES = Context(4)  # 政府信息公开行政复议、行政诉讼情况


class Phrase(NamedTuple):
    """One way of stating a quantity (regex sources; see ``after``, ``before`` and ``none``)."""

    form: Literal["after", "before", "none"]
    words: str  # "after": what comes before the count; "before": what comes after it; "none": the whole statement
    lead: str | None = None  # "before": what must come right before the count ("收到" 8份…)
    context: Context | None = None  # None: the words themselves say they are about disclosure requests
    alone: bool = False  # "after" words without a noun of their own: the count must end its clause
    not_after: tuple[str, ...] = ()  # the words must not follow these ("none": not anywhere before in the sentence)
    needs: str | None = None  # "none": the statement must name this
    cue: tuple[str, ...] = ()  # a sentence without any of these cannot hold the phrase (a fast pre-check)


def after(
    words: str,
    context: Context | None = None,
    alone: bool = False,
    not_after: tuple[str, ...] = (),
    cue: tuple[str, ...] = (),
) -> Phrase:
    """The words, then the count: "新收政府信息公开申请" 15件."""
    return Phrase("after", words, None, context, alone, not_after, cue=cue)


def before(words: str, context: Context | None = None, lead: str | None = None, cue: tuple[str, ...] = ()) -> Phrase:
    """The count, then the words: 6件 "予以公开"; ``lead`` must come right before the count: "收到" 8份 "…申请"."""
    return Phrase("before", words, lead and rf"{lead}(?:了|共|共计)?\s*$", context, not_after=_NEGATED, cue=cue)


def none(
    words: str,
    context: Context | None = None,
    needs: str | None = None,
    cue: tuple[str, ...] = ("未", "无", "没"),
    not_after: tuple[str, ...] = (),
) -> Phrase:
    """A statement that there were none: "未收到政府信息公开申请" is 0."""
    return Phrase("none", words, None, context, not_after=not_after, needs=needs, cue=cue)


CellRef = tuple[str, str, str]  # (table, row, column) keys
Cells = Callable[[Specification], tuple[CellRef, ...]]  # the cells of a quantity, as a specification names them


def _t3_total(row: Callable[[Specification], str]) -> Cells:
    """The 总计 cell of the 表三 row ``row`` picks out of a specification."""

    def cells(spec: Specification) -> tuple[CellRef, ...]:
        return (("t3", row(spec), spec.t3_total_column),)

    return cells


def _t4_totals(*groups: int) -> Cells:
    """The 总计 cells of 表四's groups ``groups`` (by number: 0 行政复议, then the two kinds of suit); 总计 is the
    last outcome of each group."""

    def cells(spec: Specification) -> tuple[CellRef, ...]:
        width = len(spec.t4_outcomes)
        return tuple(("t4", spec.t4_row.key, spec.t4_columns[(g + 1) * width - 1].key) for g in groups)

    return cells


class Quantity(NamedTuple):
    """A figure the tables hold: the sum of ``cells`` (the 总计 cells a specification names), and how text states
    it."""

    key: str
    zh: str
    en: tuple[str, str]  # one, several
    cells: Cells
    triggers: tuple[str, ...]  # a sentence without any of these cannot state the quantity (a fast pre-check)
    phrases: tuple[Phrase, ...]
    part_of: str  # in the clause before the figure: it counts a part ("通过网络收到申请10件")
    joined: str | None = None  # right before the phrase: a joint figure ("行政复议、行政诉讼共2件")


QUANTITIES: tuple[Quantity, ...] = (
    Quantity(
        "new",
        "本年新收政府信息公开申请",
        ("new request this year", "new requests this year"),
        _t3_total(lambda spec: spec.t3_balance[0][0]),  # 一、本年新收: the first term of the 勾稽 note
        ("申请", "新收"),
        (
            after(rf"{_RECEIVE}{_QUAL}申请", not_after=_NEGATED, cue=_RECEIVING),  # 新收政府信息公开申请15件
            before(rf"{_QUAL}申请", lead=_RECEIVE, cue=_RECEIVING),  # 共收到8份政府信息公开申请
            after(
                rf"{_RECEIVE}依申请公开(?:事项)?", alone=True, not_after=_NEGATED, cue=_RECEIVING
            ),  # 受理依申请公开11件
            # Whose requests "收到申请15件" counts only the context says.
            after(rf"{_RECEIVE}申请", TOPIC, not_after=_NEGATED, cue=_RECEIVING),
            before(r"申请(?!人|书|表|材料)", TOPIC, lead=_RECEIVE, cue=_RECEIVING),  # 收到8份申请
            after(r"新收", TOPIC, alone=True, not_after=_NEGATED, cue=("新收",)),  # 本年新收15件
            none(rf"{_NEGATION}(?:新收|收到|受理|接到|接收)?[过到]?(?:任何)?{_QUAL}申请{_NONE_END}"),
            none(rf"{_NEGATION}(?:新收|收到|受理|接到|接收)[过到]?(?:任何)?申请{_NONE_END}", TOPIC),
        ),
        f"{_CHANNELS}|{_APPLICANTS}|{_HANDLED}",
    ),
    Quantity(
        "carried_over",
        "上年结转政府信息公开申请",
        ("request carried over from last year", "requests carried over from last year"),
        _t3_total(lambda spec: spec.t3_carried_over),
        ("结转",),
        (
            after(rf"{_LAST_YEAR}{_QUAL}?申请"),  # 上年结转政府信息公开申请1件
            after(_LAST_YEAR, TOPIC, alone=True),  # 上年结转1件
            none(rf"{_NEGATION}上一?年度?结转|上一?年度?(?:无|没有)结转", TOPIC),  # 无上年结转
        ),
        # "已办结上年结转申请1件" counts those finished, which need not be all of them.
        f"{_APPLICANTS}|{_HANDLED}|已",
    ),
    Quantity(
        "carried_forward",
        "结转下年度继续办理的政府信息公开申请",
        ("request carried forward to next year", "requests carried forward to next year"),
        _t3_total(lambda spec: spec.t3_carried_forward),
        ("结转", "转入", "办结", "完毕"),
        (
            after(rf"{_TO_NEXT_YEAR}{_QUAL}?申请"),  # 结转下年度继续办理的申请2件
            after(_TO_NEXT_YEAR, TOPIC, alone=True),  # 结转下年度继续办理2件
            before(rf"(?:申请)?(?:需要?|将)?(?:结转|转入)(?:至|到)?{_NEXT_YEAR}", TOPIC),  # 2件结转下年度
            none(
                rf"(?:不存在|没有需要?|未有|没有|无需|无须|不需要?|无)(?:结转(?:至|到)?{_NEXT_YEAR}|{_NEXT_YEAR}结转)",
                TOPIC,
                cue=("不", "未", "无", "没"),
            ),  # 无下年度结转
            # 申请均已办结: none left for next year — unless the sentence is about those carried over from last
            # year ("上年结转的申请均已办结"). 答复 (replied) is not 办结 (closed).
            none(
                rf"(?:均|全部|都|一律)(?:已经?)?(?:按期|按时|依法|及时|在法定期限内)?(?:办结|办理完毕|处理完毕){_NONE_END}",
                TOPIC,
                cue=("办结", "完毕"),
                not_after=("上年结转", "上年度结转", "上一年度结转", "上一年结转"),
            ),
        ),
        _APPLICANTS,
    ),
    Quantity(
        "disclosed",
        "予以公开的政府信息公开申请",
        ("request granted in full (予以公开)", "requests granted in full (予以公开)"),
        _t3_total(lambda spec: spec.t3_outcome_rows[0]),  # （一）予以公开: the first outcome
        ("予以",),
        (
            # 部分公开 and 不予公开 are other rows of 表三; "予以部分公开" does not match 予以公开 at all.
            after(r"予以(?:全部)?公开的?(?:申请)?", TOPIC, alone=True, not_after=("部分", "不", "未")),  # 予以公开6件
            before(r"(?:申请)?(?:均|全部|已|依法)?予以(?:全部)?公开", TOPIC),  # 6件予以公开
        ),
        # "新收申请中予以公开5件": only the new ones; "自然人申请予以公开5件": one kind of applicant.
        f"{_APPLICANTS}|新收|结转",
    ),
    Quantity(
        "review",
        "政府信息公开行政复议",
        ("administrative review", "administrative reviews"),
        _t4_totals(0),
        ("复议",),
        (
            # A 司法局 handles many reviews that are not about disclosure: trusted only in part 四 or next to 信息公开.
            after(r"(?:被申请|被提起|申请|提起)?行政复议(?:案件|申请)?", CASES),  # 被申请行政复议1件
            after(_BOTH, CASES),  # 行政复议、行政诉讼各1件
            none(_NO_CASES, CASES, needs="复议"),
        ),
        _OUTCOMES,
        rf"行政诉讼(?:案件)?{_AND}$",
    ),
    Quantity(
        "suits",
        "政府信息公开行政诉讼",
        ("lawsuit", "lawsuits"),
        _t4_totals(1, 2),
        ("诉讼",),
        (
            after(r"(?:被提起|提起|被诉|被)?行政诉讼(?:案件)?", CASES),  # 被提起行政诉讼1件
            after(_BOTH, CASES),
            none(_NO_CASES, CASES, needs="诉讼"),
        ),
        # "复议后提起行政诉讼1件" is one of the two kinds of suit in 表四.
        f"{_OUTCOMES}|复议后|经复议|经行政复议|直接|未经",
        rf"行政复议(?:案件)?{_AND}$",
    ),
)


_TRIGGERS = "|".join(dict.fromkeys(word for q in QUANTITIES for word in q.triggers))
# Every trigger and cue word, to learn in one pass which of them a sentence has. (Where two overlap, as 接收 and 收到
# in 接收到, finding either is enough: both are cues of the same phrases.)
_WORDS = "|".join(
    sorted(
        {w for q in QUANTITIES for w in (*q.triggers, *(c for p in q.phrases for c in p.cue))},
        key=lambda w: -len(w),
    )
)


@cache
def _rx(source: str) -> re.Pattern[str]:
    """The compiled regex (each compiled once, when first needed)."""
    return re.compile(source)


# --- reading claims ------------------------------------------------------------------------------------------------
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _number(text: str) -> int | None:
    """The value of Arabic digits or of a simple Chinese numeral up to 九十九; None for anything else ("一二")."""
    if text[0] not in _DIGITS and text[0] != "十":
        return small_int(text)  # int() reads full-width digits too
    if len(text) == 1:
        return 10 if text == "十" else _DIGITS[text]
    tens, ten, ones = text.partition("十")
    if not ten or "十" in ones or len(tens) > 1 or len(ones) > 1:
        return None
    high = 1 if not tens else _DIGITS[tens]
    low = 0 if not ones else _DIGITS[ones]
    if (tens and high == 0) or (ones and low == 0):
        return None
    return high * 10 + low


class Claim(NamedTuple):
    """A figure the text states: ``phrase`` as written, ``pos`` at its number (at the phrase for a "none")."""

    quantity: Quantity
    value: int
    pos: Position
    phrase: str
    zero: bool


def _paragraphs(report: Report) -> Iterator[tuple[int | None, Text]]:
    for paragraph in report.preamble:
        yield None, paragraph
    for section in report.sections:
        for paragraph in section.paragraphs:
            yield section.part, paragraph


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for end in _rx(_SENTENCE_END).finditer(text):
        if end.start() > start:
            yield start, text[start : end.start()]
        start = end.end()
    if start < len(text):
        yield start, text[start:]


def _other_period(sentence: str, year: int | None) -> bool:
    if _rx(_OTHER_PERIOD).search(sentence):
        return True
    years = {int(y) for y in _rx(_YEAR).findall(sentence)}
    if (year is not None and years - {year}) or (year is None and len(years) > 1):
        return True
    if any((int(a), int(b)) != (1, 12) for a, b in _rx(_MONTH_SPAN).findall(sentence)):
        return True
    return any(int(month) != 12 for month in _rx(_UNTIL_MONTH).findall(sentence))


# A match of a phrase: where the phrase starts and ends, and its count (None: a "none" statement).
_Match = tuple[int, int, "re.Match[str] | None"]


def _matches(phrase: Phrase, sentence: str, counts: list[re.Match[str]]) -> Iterator[_Match]:
    words = _rx(phrase.words)
    if phrase.form == "none":
        for m in words.finditer(sentence):
            if (phrase.needs is None or phrase.needs in m.group()) and not any(
                word in sentence[: m.start()] for word in phrase.not_after
            ):
                yield m.start(), m.end(), None
    elif phrase.form == "after":
        for m in words.finditer(sentence):
            count = _rx(_COUNT_AFTER).match(sentence, m.end())
            if count is None or sentence.endswith(phrase.not_after, 0, m.start()):
                continue
            if not phrase.alone or _rx(_CLAUSE_DONE).match(sentence, count.end()):
                yield m.start(), count.end(), count
    else:
        for number in counts:
            tail = words.match(sentence, number.end())
            if tail is None:
                continue
            start = number.start()
            if phrase.lead is not None:
                lead = _rx(phrase.lead).search(sentence, max(0, start - 12), start)
                if lead is None or sentence.endswith(phrase.not_after, 0, lead.start()):
                    continue
                start = lead.start()
            yield start, tail.end(), number


def _sentence_claims(sentence: str, part: int | None, paragraph: Text, offset: int) -> list[Claim]:
    """The claims of one sentence of ``paragraph``, which starts at ``offset`` in it."""
    present = set(_rx(_WORDS).findall(sentence))
    live = [q for q in QUANTITIES if not present.isdisjoint(q.triggers)]
    if not live:
        return []
    countable = _rx(_ANY_COUNT).search(sentence) is not None
    other_things = _rx(_OTHER_THINGS).search(sentence) is not None
    about_disclosure = _rx(_ABOUT_DISCLOSURE).search(sentence) is not None
    counts: list[re.Match[str]] | None = None
    claims: list[Claim] = []
    for quantity in live:
        found: dict[int, Claim] = {}  # by offset: two phrases reading the same figure are one claim
        for phrase in quantity.phrases:
            context = phrase.context
            if (
                (phrase.cue and present.isdisjoint(phrase.cue))
                or (phrase.form != "none" and not countable)
                or (context and (other_things or (part != context.part and not about_disclosure)))
            ):
                continue
            if phrase.form == "before" and counts is None:
                counts = list(_rx(_COUNT_BEFORE).finditer(sentence))
            for start, end, count in _matches(phrase, sentence, counts or []):
                if count is None:
                    at, value = start, 0
                else:
                    at, number = count.start("n"), _number(count.group("n"))
                    if number is None or (count.group("unit") is None and number != 0):
                        continue
                    value = number
                # What qualifies a figure sits just before it: looking further would make a long sentence slow.
                before_ = sentence[max(0, start - _LOOK_BACK) : start]
                clause = before_[max((m.end() for m in _rx(_CLAUSE_END).finditer(before_)), default=0) :]
                if _rx(quantity.part_of).search(clause) or (quantity.joined and _rx(quantity.joined).search(before_)):
                    continue
                if _region_wide(sentence, start):
                    continue
                pos = paragraph.at(offset + at)
                found.setdefault(at, Claim(quantity, value, pos, sentence[start:end].strip(), count is None))
        # "未收到其他申请" next to a figure, or a "none" read into a sentence that states one: trust the figure.
        figures = [c for c in found.values() if not c.zero]
        claims.extend(figures or found.values())
    return sorted(claims, key=lambda c: c.pos.column)


def _region_wide(sentence: str, end: int) -> bool:
    """Whether the figure at ``end`` counts the whole area rather than the agency (the last scope word decides)."""
    last = None
    for match in _rx(_SCOPE).finditer(sentence, 0, end):
        last = match
    return last is not None and last.group("region") is not None


def claims(report: Report) -> Iterator[Claim]:
    """Every figure for a table quantity that the running text states, in order (one sentence at a time)."""
    year = report.facts.year
    for part, paragraph in _paragraphs(report):
        if not _rx(_TRIGGERS).search(paragraph.text):  # most paragraphs: nothing to read, and no need to split them
            continue
        if "\t" in paragraph.text:  # a row outside the tables (its cells joined by tabs), not prose
            continue
        for offset, sentence in _sentences(paragraph.text):
            if len(sentence) > MAX_SENTENCE:
                continue
            found = _sentence_claims(sentence, part, paragraph, offset)
            if found and not _other_period(sentence, year):
                yield from found


# --- comparing -----------------------------------------------------------------------------------------------------
@cache
def _column_index(spec: Specification, table_key: str, row_key: str) -> dict[str, int]:
    return {c.key: i for i, c in enumerate(names.row_spec(spec, table_key, row_key).columns)}


def _cell(report: Report, table_key: str, row_key: str, col: str) -> Cell | None:
    """The cell, when its row has the official number of cells (so the column is known) and it holds a number."""
    table = report.tables.get(table_key)
    row = table.row(row_key) if table else None
    if row is None:
        return None
    index = _column_index(report.spec, table_key, row_key)
    if len(row.cells) != len(index):
        return None
    cell = row.cells[index[col]]
    return cell if cell.value is not None else None


def _cells(report: Report, quantity: Quantity) -> list[Cell] | None:
    """The cells whose sum the quantity is, when every one of them holds a number (else the table rules report)."""
    cells: list[Cell] = []
    for ref in quantity.cells(report.spec):
        cell = _cell(report, *ref)
        if cell is None:
            return None
        cells.append(cell)
    return cells


def _label(spec: Specification, table_key: str, row_key: str, col: str) -> tuple[str, str]:
    """How a message names a 总计 cell: its row label in 表三, its group in 表四 (whose single row has no label)."""
    if table_key == "t3":
        label = names.row(spec, table_key, row_key).zh
        return label, label
    index = _column_index(spec, table_key, row_key)[col]
    group = spec.t4_groups[index // len(spec.t4_outcomes)]
    return group.label, f"{group.label} ({group.en})"


def _where(spec: Specification, quantity: Quantity, cells: list[Cell]) -> Message:
    refs = quantity.cells(spec)
    table_zh, table_en = spec.table_names[refs[0][0]]
    labels = [_label(spec, *ref) for ref in refs]
    at = cells[0].pos
    total = names.number(sum(c.value for c in cells if c.value is not None))
    if len(cells) == 1:
        zh, en = labels[0]
        return Message(
            f"{table_zh}「{zh}」总计为 {total}（{at.zh}）",
            f'{table_en.lower()} "{en}" total is {total} ({at.en})',
        )
    parts_zh = " 与".join(
        f"「{zh}」总计 {names.number(c.value or 0)}" for (zh, _), c in zip(labels, cells, strict=True)
    )
    parts_en = " + ".join(
        f'"{en}" total {names.number(c.value or 0)}' for (_, en), c in zip(labels, cells, strict=True)
    )
    return Message(
        f"{table_zh}{parts_zh} 之和为 {total}（{at.zh}）",
        f"{table_en.lower()} {parts_en} = {total} ({at.en})",
    )


def _said(claim: Claim) -> Message:
    quantity = claim.quantity
    if claim.zero:
        return Message(
            f"正文称“{claim.phrase}”（即{quantity.zh} 0 件）",
            f'the text says "{claim.phrase}" (no {quantity.en[1]})',
        )
    return Message(
        f"正文称{quantity.zh} {claim.value} 件",
        f"the text says {claim.value} {quantity.en[0] if claim.value == 1 else quantity.en[1]}",
    )


@rule("X001", Severity.WARNING, "正文数字与表格不一致", "a figure in the text disagrees with the table")
def text_figures(report: Report) -> Iterator[Finding]:
    """
    正文中写明的数字应与表格一致。读者往往只看正文，“全年新收政府信息公开申请12件”而表三写 15，必有一处错误。
    比较的说法：新收（收到、受理）政府信息公开申请 N 件、上年结转 N 件、结转下年度 N 件、予以公开 N 件（表三总计列），
    行政复议 N 件、行政诉讼 N 件（表四总计，行政诉讼为未经复议直接起诉与复议后起诉之和），以及“未收到政府信息公开
    申请”“无下年度结转”“申请均已办结”（即结转下年度为 0）“未发生……行政复议、行政诉讼”等表示 0 的说法。
    只比较在一句之内明确说的是同一数量的说法：留言、咨询、建议、备案、行政许可申请、按渠道或申请人分列的数字、
    其他年度或季度的数字，以及“全县”“全区”“各级”“各部门”等全地区的数字（其后写明“本级”“本机关”的除外）都不
    比较；“上年结转的申请均已办结”不比较；行政复议、行政诉讼只在第四部分或提到信息公开的句子中比较。
    新收申请数等于表三“新收 + 上年结转”的，视为写的是收到的申请总数，不报。
    超过 2,000 字的句子不作比较。
    错误示例：正文“全年新收政府信息公开申请12件”，表三“一、本年新收政府信息公开申请数量”总计 15。
    正确示例：正文“全年新收政府信息公开申请15件，上年结转1件，结转下年度继续办理2件”，与表三一致。
    ---
    A figure the running text states must agree with the tables: readers quote the text, so a text saying 12 new
    requests next to a table saying 15 is a mistake in one of them. Compared: new (received, accepted) disclosure
    requests, carried over from last year, carried forward to next year, granted in full (予以公开) — table 3's 总计
    column — and administrative reviews and lawsuits (table 4's totals; lawsuits are both kinds of suit), and
    statements that there were none ("未收到政府信息公开申请"; "申请均已办结", none carried forward, unless said
    of those carried over from last year). Only a sentence that plainly names the same quantity is compared:
    counts of 留言, 咨询, 建议, 备案 or licensing applications, figures by channel or applicant,
    figures for another year or part of the year, and figures for the whole area ("全县", "全区", "各级", "各部门",
    unless "本级" or "本机关" follows) are not. A "new requests" figure equal to new + carried over is
    taken as all requests handled and not reported. A sentence of over 2,000 characters is not compared.
    Failing: "全年新收政府信息公开申请12件" with table 3 row 一 total 15.
    Passing: "全年新收政府信息公开申请15件，上年结转1件，结转下年度继续办理2件" matching table 3.
    """
    tables: dict[str, list[Cell] | None] = {}
    for claim in claims(report):
        quantity = claim.quantity
        if quantity.key not in tables:
            tables[quantity.key] = _cells(report, quantity)
        cells = tables[quantity.key]
        if cells is None:
            continue
        expected = sum(c.value for c in cells if c.value is not None)
        accepted = {expected}
        if quantity.key == "new":  # some write the total received, new + carried over, as what they "收到"
            carried = _cell(report, "t3", report.spec.t3_carried_over, report.spec.t3_total_column)
            if carried is not None and carried.value is not None:
                accepted.add(expected + carried.value)
        if claim.value in accepted:
            continue
        table_key, row_key, col = quantity.cells(report.spec)[0]
        said, where = _said(claim), _where(report.spec, quantity, cells)
        yield Finding(
            "X001",
            claim.pos,
            Message(f"{said.zh}，但{where.zh}", f"{said.en}, but {where.en}"),
            expected=expected,
            actual=claim.value,
            table=table_key,
            row=row_key,
            col=col,
            related=tuple(c.pos for c in cells),
        )

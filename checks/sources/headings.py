"""Recognising the six part headings, the title and the 统计期限, shared by every text-like source format."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from checks import national_format as nf
from checks.model import Period, Position, Text
from checks.normalize import best_match
from checks.sources.tables import RawCell

_NUMERAL = re.compile(r"^\s*(?:#+\s*)?([一二三四五六七八九十]+)\s*[、.,，．]\s*(.+?)\s*[:：]?\s*$")
# A title line: an agency, a year, 信息公开 and 报告 in some order and state ("…公开 工作告年度报" is garbled).
_YEAR = r"(?:[1１][9９]|[2２][0０])\d{2}"  # full-width digits too: int() reads them
_TITLE = re.compile(rf"^(?P<agency>.*?)\s*(?P<year>{_YEAR})\s*年.*信息公开.*报")
_SENTENCE_ENDS = ("。", "：", ":", "；", ";", "，", ",")
_SENTENCE_WORDS = ("现将", "如下", "根据")
MAX_TITLE = 80
_DATE = r"\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_PERIOD = re.compile(
    r"(?:统计期限|统计时限|统计期间|统计时间|统计区间|统计周期)[^。；\d]{0,12}?"
    rf"(?P<span>(?P<start>{_YEAR}){_DATE}[^。；\d]{{0,8}}?(?:(?P<end>{_YEAR})\s*年\s*)?\d{{1,2}}\s*月\s*\d{{1,2}}\s*日止?)"
)
HEADING_SIMILARITY = 0.6  # "二、主动公开政府信息的情况" is an altered heading; "二、规范流程，提升…" is not one
MAX_HEADING = 40


@cache
def _titles() -> dict[str, int]:
    """Every official heading and known variant, without its numeral, and the part it heads."""
    return {heading.split("、", 1)[1]: part.number for part in nf.PARTS for heading in (part.heading, *part.variants)}


def find_heading(line: str) -> int | None:
    """The part a line is the heading of, or None. Headings are numbered (一、…六、) short lines."""
    match = _NUMERAL.match(line)
    if match is None or len(line.strip()) > MAX_HEADING or line.strip().endswith("。"):
        return None
    found = best_match(match.group(2), tuple(_titles()), HEADING_SIMILARITY)
    return _titles()[found[0]] if found else None


def parse_title(
    lines: tuple[str, ...], cells_of: list[list[RawCell]]
) -> tuple[Text | None, str | None, int | None, int]:
    """The report's title before the first heading, its agency and year, and how many lines it ends after.

    The official form is "{机关}{年度}年政府信息公开工作年度报告", but the title is kept however it is written
    ("…2023年政府信息公开 工作告年度报" in a garbled copy) so that R005 can say what it should be. Some pages break
    it after the agency name ("九原区政务服务局" / "2022年政府信息公开工作年度报告"), so an agency-less title line
    takes the line above it as its agency.
    """
    for index, line in enumerate(lines):
        stripped = line.strip()
        match = _TITLE.match(stripped)
        # "现将…情况报告如下：" and "…现公布…年度报告。" are sentences, not titles.
        if (
            match is None
            or len(stripped) > MAX_TITLE
            or stripped.endswith(_SENTENCE_ENDS)
            or any(word in stripped for word in _SENTENCE_WORDS)
        ):
            continue
        pos = cells_of[index][0].pos
        agency = match.group("agency").strip()
        if not agency:
            above = next((i for i in range(index - 1, -1, -1) if lines[i].strip()), None)
            if above is not None and len(lines[above].strip()) <= 30 and not lines[above].strip().endswith("。"):
                agency = lines[above].strip()
                stripped = agency + stripped
                pos = cells_of[above][0].pos
        return Text(stripped, pos), agency or None, int(match.group("year")), index + 1
    return None, None, None, 0


def find_period(prose: Iterable[Text]) -> Period | None:
    """The first 统计期限 statement: "自2025年1月1日起至2025年12月31日止", "为2024年1月1日至12月31日"."""
    for text in prose:
        match = _PERIOD.search(text.text)
        if match is not None:
            start = int(match.group("start"))
            end = int(match.group("end")) if match.group("end") else start
            column = text.pos.column + match.start("span")
            return Period(Text(match.group("span"), Position(text.pos.line, column)), start, end)
    return None

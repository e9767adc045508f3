"""Family X across years: this year's report against last year's of the same agency (see checks/previous.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import PurePath

from checks import national_format as nf
from checks.findings import Finding, Message, Severity
from checks.model import Position, Report, Text
from checks.normalize import norm
from checks.rules import cross_rule

NEAR_IDENTICAL = 0.9  # share of this year's wording found in last year's (法治蓝皮书 2017: reports 90% identical)
MIN_CHARS = 80  # shorter text ("本年度未收取信息处理费。") is rightly the same every year
_SHINGLE = 4  # characters per compared piece: long enough to carry wording, short enough to survive edits
_DIGITS = re.compile(r"\d+")


def _shingles(texts: Iterable[Text]) -> frozenset[str]:
    # Numbers and years are what a copied report does change, so they do not count as differences.
    key = _DIGITS.sub("", "".join(norm(t.text) for t in texts))
    if len(key) < MIN_CHARS:
        return frozenset()
    return frozenset(key[i : i + _SHINGLE] for i in range(len(key) - _SHINGLE + 1))


def _reused(this: frozenset[str], last: frozenset[str]) -> float:
    return len(this & last) / len(this) if this and last else 0.0


def _finding(pos: Position, what: Message, share: float, previous: Report) -> Finding:
    name = PurePath(previous.path).name
    percent = int(share * 100)
    return Finding(
        "X004",
        pos,
        Message(
            f"{what.zh}的文字 {percent}% 与上一年度报告「{name}」相同（内容雷同），应按本年度实际情况撰写",
            f'{percent}% of the wording of {what.en} is the same as last year\'s report "{name}" (内容雷同); '
            "write it for this year",
        ),
        expected=previous.path,
        actual=round(share, 3),
    )


@cross_rule(
    "X004", Severity.WARNING, "与上一年度报告内容雷同", "text nearly identical to last year's report (内容雷同)"
)
def same_as_last_year(report: Report, previous: Report) -> Iterator[Finding]:
    """
    国家格式把“内容雷同”列为被追责的问题之一。本规则把本年度报告的文字（不计数字和年份）与同一机关上一年度的
    报告比较：全文或某一部分有 90% 以上的文字相同即提示。上一年度的报告用 --previous 指定，或在同一文件夹中
    按标题中的机关名称和年度自动查找。过短的部分（如“本年度未收取信息处理费。”）不比较。
    错误示例：2025年报告的“五、存在的主要问题及改进情况”与2024年一字不差，只改了年份。
    正确示例：按本年度实际情况重新撰写问题和改进措施。
    ---
    The format names 内容雷同 (copied content) among the failures agencies are held accountable for. This rule
    compares the wording (numbers and years aside) with the same agency's report of the year before: the whole
    text or one part with 90% or more of its wording reused is reported. Last year's report is given with
    --previous or found in the same folder by the agency and year in its title. Short parts are not compared.
    Failing: part 五 of 2025 copied from 2024 with the years changed. Passing: part 五 written for 2025.
    """
    last = {section.part: section for section in previous.sections}
    whole = _reused(_shingles(report.prose()), _shingles(previous.prose()))
    if whole >= NEAR_IDENTICAL:
        pos = report.title.pos if report.title else Position(1, 1)
        yield _finding(pos, Message("全文", "the whole report"), whole, previous)
        return
    for section in report.sections:
        before = last.get(section.part)
        if before is None:
            continue
        share = _reused(_shingles(section.paragraphs), _shingles(before.paragraphs))
        if share >= NEAR_IDENTICAL:
            heading = next(p.heading for p in nf.PARTS if p.number == section.part)
            yield _finding(section.heading.pos, Message(f"「{heading}」", f'"{heading}"'), share, previous)

"""R014: a report published after its legal deadline (条例 Art. 49), when the source says when it was published."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from checks.findings import Finding, Message, Severity
from checks.model import Report, Text
from checks.normalize import norm
from checks.rules import rule

if TYPE_CHECKING:
    from datetime import date


@cache
def _date_pattern() -> re.Pattern[str]:
    """A date as a page or a front matter writes it: 2026-01-20, 2026/1/20, 2026.1.20, 2026年1月20日 (compiled, and
    datetime imported, only for a report that states one: most runs need neither)."""
    return re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def _date(text: str) -> date | None:
    import datetime

    found = _date_pattern().search(norm(text))
    if found is None:
        return None
    try:
        return datetime.date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:  # 2026-02-30
        return None


def published(report: Report) -> tuple[Text, date] | None:
    """When the report was published, as its source says: the 发布日期 it states (YAML, front matter), else a line
    of its text that starts with one of the words a page uses for it (发布时间：2026-01-20)."""
    stated = report.metadata.published if report.metadata is not None else None
    if stated is not None and (day := _date(stated.text)) is not None:
        return stated, day
    words = report.spec.published_words
    for text in report.prose():
        if text.text.lstrip().startswith(words) and (day := _date(text.text)) is not None:
            return text, day
    return None


@rule("R014", Severity.WARNING, "报告发布晚于法定期限", "published after the legal deadline")
def publication_deadline(report: Report) -> Iterator[Finding]:
    """
    《条例》第四十九条：县级以上人民政府部门应当在每年1月31日前向社会公布本行政机关上一年度的年度报告；县级以上
    地方人民政府的政府信息公开工作主管部门应当在每年3月31日前向社会公布本级政府上一年度的年度报告。2021年的通知
    对不按时发布的予以通报。报告写明发布日期的（YAML 或 Markdown 的“发布日期”，或网页上以“发布时间”“发布日期”
    开头的一行），晚于期限即提示：标题中的机关是“……人民政府”本身的，期限为次年3月31日，其他机关为次年1月31日；
    乡镇、街道不适用。未写明发布日期的不检查。发布日期只能说明页面上写的日期，故为警告。
    错误示例：2025年度报告，机关为某县自然资源局，发布日期 2026-02-15。正确示例：发布日期 2026-01-20。
    ---
    Article 49 of the Regulations: a department of a people's government at or above county level publishes its
    report on the year before by 31 January, and the report of a local people's government itself is published by
    31 March; the 2021 notice names those that publish late. When the source says when the report was published
    (the 发布日期 of a YAML report or Markdown front matter, or a line of a page that starts with 发布时间 or
    发布日期), a date past the deadline is reported: 31 March of the next year for a 人民政府 named in the title, 31
    January for any other agency; townships and street offices are not meant. Without a date nothing is checked.
    The date is only what the page says, so this is a warning.
    Failing: a 2025 report of a county's 自然资源局 published 2026-02-15. Passing: published 2026-01-20.
    """
    year, agency = report.facts.year, report.facts.agency
    found = published(report)
    if found is None or year is None or agency is None or report.facts.township:
        return
    text, day = found
    spec = report.spec
    government = norm(agency).endswith(spec.government_suffix)
    month, last_day = spec.deadlines[1] if government else spec.deadlines[0]
    deadline = day.replace(year=year + 1, month=month, day=last_day)
    if day <= deadline:
        return
    who = (
        Message("本级政府的年度报告", "a government's own report")
        if government
        else Message("县级以上人民政府部门的年度报告", "a government department's report")
    )
    yield Finding(
        "R014",
        text.pos,
        Message(
            f"报告发布于{day.year}年{day.month}月{day.day}日，晚于{who.zh}的法定发布期限{deadline.year}年{deadline.month}月"
            f"{deadline.day}日（《条例》第四十九条）",
            f"published on {day.isoformat()}, after the deadline for {who.en}, {deadline.isoformat()} (Article 49 of "
            "the Regulations)",
        ),
        expected=deadline.isoformat(),
        actual=day.isoformat(),
    )

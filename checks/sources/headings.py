"""Recognising the six part headings and the title, shared by every text-like source format."""

from __future__ import annotations

import re
from functools import cache

from checks import national_format as nf
from checks.model import Text
from checks.normalize import norm, similarity
from checks.sources.tables import RawCell

_NUMERAL = re.compile(r"^\s*(?:#+\s*)?([一二三四五六七八九十]+)\s*[、.,，．]\s*(.+?)\s*[:：]?\s*$")
_TITLE = re.compile(r"^(?P<agency>.*?)\s*(?P<year>(?:19|20)\d{2})\s*年度?\s*(?:政府)?信息公开.*报告")
HEADING_SIMILARITY = 0.6  # "二、主动公开政府信息的情况" is an altered heading; "二、规范流程，提升…" is not one
MAX_HEADING = 40


@cache
def _titles() -> tuple[tuple[int, str], ...]:
    """(part, heading text without its numeral) for every official heading and known variant."""
    out = []
    for part in nf.PARTS:
        for heading in (part.heading, *part.variants):
            out.append((part.number, heading.split("、", 1)[1]))
    return tuple(out)


def find_heading(line: str) -> int | None:
    """The part a line is the heading of, or None. Headings are numbered (一、…六、) short lines."""
    match = _NUMERAL.match(line)
    if match is None or len(line.strip()) > MAX_HEADING or line.strip().endswith("。"):
        return None
    rest = match.group(2)
    best: tuple[float, int] | None = None
    for part, title in _titles():
        score = 1.0 if norm(rest) == norm(title) else similarity(rest, title)
        if score >= HEADING_SIMILARITY and (best is None or score > best[0]):
            best = (score, part)
    return best[1] if best else None


def parse_title(lines: tuple[str, ...], cells_of: list[list[RawCell]]) -> tuple[Text | None, str | None, int | None]:
    """The report's title before the first heading: "{机关}{年度}年政府信息公开工作年度报告".

    Some pages break it after the agency name ("九原区政务服务局" / "2022年政府信息公开工作年度报告"), so an
    agency-less title line takes the line above it as its agency.
    """
    for index, line in enumerate(lines):
        stripped = line.strip()
        match = _TITLE.match(stripped)
        # A title ends with 报告; "现将…情况报告如下：" is the opening sentence, not a title.
        if match is None or not stripped.endswith("报告") or len(stripped) > 80:
            continue
        pos = cells_of[index][0].pos
        agency = match.group("agency").strip()
        if not agency:
            above = next((i for i in range(index - 1, -1, -1) if lines[i].strip()), None)
            if above is not None and len(lines[above].strip()) <= 30 and not lines[above].strip().endswith("。"):
                agency = lines[above].strip()
                stripped = agency + stripped
                pos = cells_of[above][0].pos
        return Text(stripped, pos), agency or None, int(match.group("year"))
    return None, None, None

"""Recognising the six part headings, the title and the 统计期限, shared by every text-like source format."""

from __future__ import annotations

import bisect
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from typing import NamedTuple

from checks.model import Period, Text
from checks.normalize import cached_for_short_texts, letters
from checks.specs import Specification

# A part heading's numeral, in the numbering styles real reports use (reference §6.1): 一、 一. （一） 1、 第一部分.
# Only the numeral is matched by a pattern (anchored, bounded); the rest of the line is read with str methods.
_NUMERAL = re.compile(
    r"[\s#]{0,8}(?:第(?P<ordinal>[一二三四五六七八九十]{1,2})部分\s{0,4}[、.．,，:：]?"
    r"|[（(](?P<paren>[一二三四五六七八九十]{1,2})[）)]"
    r"|(?P<han>[一二三四五六七八九十]{1,2})\s{0,4}[、.．,，]"
    r"|(?P<arabic>[1-9１-９])\s{0,4}[、.．](?![0-9０-９]))\s{0,8}"
)
STYLES = ("han", "paren", "ordinal", "arabic")  # the official style first
# A title line: an agency, a year, 信息公开 and 报告 in some order and state ("…公开 工作告年度报" is garbled).
_YEAR = r"(?:[1１][9９]|[2２][0０])\d{2}"  # full-width digits too: int() reads them
# A year in a title, with the 年 or 年度 after it; and "（2023年度）" after a title.
_YEAR_IN = re.compile(rf"(?P<year>{_YEAR})\s{{0,2}}(?:年度|年)?")
_YEAR_SUFFIX = re.compile(rf"\s{{0,2}}[（(]\s{{0,2}}{_YEAR}\s{{0,2}}年度?\s{{0,2}}[）)]")
# Field labels a crawled copy of a page puts before the title ("标题：…").
TITLE_LABELS = ("标题", "题目", "文章标题", "信息名称", "名称")
_SENTENCE_ENDS = ("。", "：", ":", "；", ";", "，", ",")
_SENTENCE_WORDS = ("现将", "如下", "根据")
MAX_TITLE = 80
_DATE = r"\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_PERIOD = re.compile(
    r"(?:统计期限|统计时限|统计期间|统计时间|统计区间|统计周期)[^。；\d]{0,12}?"
    rf"(?P<span>(?P<start>{_YEAR}){_DATE}[^。；\d]{{0,8}}?(?:(?P<end>{_YEAR})\s*年\s*)?\d{{1,2}}\s*月\s*\d{{1,2}}\s*日止?)"
)
HEADING_SIMILARITY = 0.6  # "二、主动公开政府信息的情况" is an altered heading; "二、规范流程，提升…" is not one
# A heading that holds the official words ("一、政府信息公开总体情况") is one too, unless they are a small part of it.
HEADING_CONTAINS, HEADING_PRECISION = 0.8, 0.3
MAX_HEADING = 40
# Where a heading ends and text on the same line begins ("六、其他需要报告的事项：无。").
_HEADING_ENDS = "：:。；;"
# Numbered lines whose wording is compared with the parts': a report has a few dozen; past this many only exact
# wordings count, so a file of a million numbered lines costs a bounded time.
MAX_JUDGED = 200


class Candidate(NamedTuple):
    """A numbered line that may be a part heading: its numeral says which part, its wording how sure that is."""

    line: int  # index of the line
    number: int  # the numeral's value (1 for 一、, （一）, 1、, 第一部分)
    style: str  # one of STYLES
    start: int  # column (0-based) where the numeral starts: the heading runs from here …
    end: int  # … to here, where text after it on the same line (if any) starts
    named: int | None  # the part whose official or known wording it is, punctuation aside
    alike: bool  # its wording is like that of the part its numeral names


@cache
def _wordings(spec: Specification) -> dict[int, tuple[str, ...]]:
    """Each part's official, accepted and known wordings, without the numeral, as comparison keys."""
    return {
        part.number: tuple(
            dict.fromkeys(letters(h.split("、", 1)[1]) for h in (part.heading, *part.accepted, *part.variants))
        )
        for part in spec.parts
    }


@cache
def _named(spec: Specification) -> dict[str, int]:
    return {key: number for number, keys in _wordings(spec).items() for key in keys}


@cache
def _prefixes(spec: Specification) -> frozenset[str]:
    """Every beginning of every known wording (to find where a heading with text after it ends)."""
    keys = _wordings(spec).values()
    return frozenset(key[:end] for wordings in keys for key in wordings for end in range(1, len(key) + 1))


def _number(spec: Specification, numeral: str) -> int:
    if numeral.isdigit():
        return int(unicodedata.normalize("NFKC", numeral))
    if len(numeral) == 1:
        return spec.numerals.index(numeral) + 1
    tens, ones = numeral[0], numeral[1]
    return 10 + spec.numerals.index(ones) + 1 if tens == "十" and ones != "十" else 99  # 十一…十九; no part's


def heading_candidate(spec: Specification, line: str, index: int = 0, judge: bool = True) -> Candidate | None:
    """The numbered line ``line`` as a possible part heading, or None. ``judge``: compare its wording with its
    part's (else only exact wordings count: MAX_JUDGED)."""
    found = _candidate(spec, judge, line)
    return found._replace(line=index) if found is not None and index else found


# Every report has the same few dozen numbered lines (the parts, 总体情况's items): each is judged once.
@cached_for_short_texts(200)
def _candidate(spec: Specification, judge: bool, line: str) -> Candidate | None:
    match = _NUMERAL.match(line)
    if match is None:
        return None
    style = next(name for name in STYLES if match.group(name))
    number = _number(spec, match.group(style))
    start = len(line) - len(line.lstrip(" \t#\u3000"))
    body = line[match.end() :].rstrip()
    length = _heading_length(spec, body)
    if length is None:
        return None
    key = letters(body[:length])
    wordings = _wordings(spec)
    named = _named(spec).get(key)
    alike = named == number or (named is None and judge and number in wordings and _alike(key, wordings[number]))
    return Candidate(0, number, style, start, match.end() + length, named, alike)


def _heading_length(spec: Specification, body: str) -> int | None:
    """How much of ``body`` (a line after its numeral) is the heading: a known wording it starts with (the rest is
    text on the heading's line), else up to the first full stop or colon; None when that is empty or too long."""
    read, known = "", None
    prefixes, named = _prefixes(spec), _named(spec)
    for position, char in enumerate(body[: MAX_HEADING * 2]):
        piece = letters(char)
        if not piece:
            continue
        read += piece
        if read not in prefixes:
            break
        # A known wording ends here if what follows is not more words ("一、总体情况及主要做法" is one heading).
        if read in named and not letters(body[position + 1 : position + 2]):
            known = position + 1
    if known is not None:
        return known
    cut = min((at for at in map(body.find, _HEADING_ENDS) if at >= 0), default=len(body))
    heading = body[:cut].rstrip()
    return len(heading) if 0 < len(heading) <= MAX_HEADING else None


def _alike(key: str, wordings: tuple[str, ...]) -> bool:
    """Whether a heading's wording is like one of a part's: mostly the same characters in the same order, or
    holding nearly all of the part's words (without being mostly other words)."""
    for wording in wordings:
        # The characters both share bound how many can match in order: most numbered lines (总体情况's items
        # "（一）主动公开") share too few with the part's wording to need difflib, or its import (1.5 ms).
        if not _close(sum((Counter(key) & Counter(wording)).values()), key, wording):
            continue
        from difflib import SequenceMatcher

        matcher = SequenceMatcher(None, key, wording, autojunk=False)
        if _close(sum(block.size for block in matcher.get_matching_blocks()), key, wording):
            return True
    return False


def _close(same: int, key: str, wording: str) -> bool:
    """Whether ``same`` characters matching in order make ``key`` a wording like ``wording``."""
    if 2 * same >= HEADING_SIMILARITY * (len(key) + len(wording)):
        return True
    return same >= HEADING_CONTAINS * len(wording) and same >= HEADING_PRECISION * len(key)


def find_heading(spec: Specification, line: str) -> int | None:
    """The part a line on its own heads (a YAML report's 正文 item): the one its wording names, else its
    numeral's when the wording is like that part's; None for a line that is not a part's heading."""
    found = heading_candidate(spec, line)
    if found is None:
        return None
    if found.named is not None:
        return found.named
    return found.number if found.alike and 1 <= found.number <= len(spec.parts) else None


def choose_parts(
    spec: Specification, candidates: list[Candidate], tables: dict[str, int]
) -> list[tuple[Candidate, int]]:
    """Which numbered lines head the six parts, and which part each heads, in line order.

    The numeral says which part a heading is (一、 heads part 1 however it is worded), unless the line is worded
    exactly as another part's heading (上海 numbers the parts after 总体情况 from 一 again). A line worded like its
    part's heading is a heading wherever it is, so a part written twice or out of order is still seen (R002,
    R003). A numbered line worded otherwise ("二、规范流程，提升依申请公开质效", an item of 总体情况) heads a part
    only when no other line does, in the numbering style of the report's other headings, in its place in the
    order, and, for parts 二 to 四, with its table below it (``tables``: the line each table starts at).
    """
    own = [c for c in candidates if c.alike and 1 <= c.number <= len(spec.parts)]
    styles = Counter(c.style for c in own)
    style = max(STYLES, key=lambda name: styles[name])
    # In the report's own numbering style; in another style only for a part no line of that style heads (an
    # item "（一）主动公开政府信息情况" inside 总体情况 is not part 二, nor part 一).
    in_style = {c.number for c in own if c.style == style}
    listed = _list_items(candidates, style)
    sure = [
        c
        for c in own
        if c.style == style or (c.number not in in_style and (c.named == c.number or c.line not in listed))
    ]
    sure += [c for c in candidates if c.named not in (None, c.number) and c.style == style]
    sure_lines = {c.line for c in sure}
    chosen = [(c, c.named if c.named is not None else c.number) for c in sure]
    table_lines = {spec.table_part[key]: line for key, line in tables.items()}
    table_parts = set(spec.table_part.values())
    # One pass over the candidates for each part no sure heading heads: a bounded cost whatever the file holds.
    for number in range(1, len(spec.parts) + 1):
        if any(part == number for _, part in chosen):
            continue
        after = max((c.line for c, part in chosen if part < number), default=-1)
        before = min((c.line for c, part in chosen if part > number), default=sys.maxsize)
        heads = sorted(c.line for c, _ in chosen)
        table = table_lines.get(number)
        for c in candidates:
            if c.number != number or c.style != style or c.line in sure_lines or not after < c.line < before:
                continue
            if number in table_parts:  # a part with a table: only with its table below it
                at = bisect.bisect_right(heads, c.line)
                if table is None or not c.line < table < (heads[at] if at < len(heads) else sys.maxsize):
                    continue
            chosen.append((c, number))
            break
    return sorted(chosen, key=lambda pair: pair[0].line)


def _list_items(candidates: list[Candidate], style: str) -> set[int]:
    """The lines of numbered items in another style than the report's headings that follow an item of their list
    with a lower number, since the last heading: "（三）政府信息管理情况" after "（一）" and "（二）" inside 总体情况 is
    an item there, not part 三 in another style (worded exactly as a part, it is still that part). One pass in
    line order."""
    listed: set[int] = set()
    lowest: dict[str, int] = {}  # style -> the lowest number seen since the last heading in the report's style
    for c in sorted(candidates, key=lambda c: c.line):
        if c.style == style:
            if c.alike or c.named is not None:
                lowest.clear()
            continue
        if lowest.get(c.style, c.number) < c.number:
            listed.add(c.line)
        lowest[c.style] = min(lowest.get(c.style, c.number), c.number)
    return listed


def parse_title(spec: Specification, texts: Sequence[Text | None]) -> tuple[Text | None, str | None, int | None, int]:
    """The report's title in the blocks before the first heading (``texts``: each block's text, None for a blank
    one), its agency and year, and how many blocks it ends after.

    The official form is "{机关}{年度}年政府信息公开工作年度报告", but the title is kept however it is written
    (reference §6.2: year first, "（2023年度）" after it, without 年 or 工作, or garbled) so that R005 can say what
    it should be. A title split over two lines, mid-phrase ("…办事处2023年度政府" / "信息公开工作年度报告") or after
    the agency ("九原区政务服务局" / "2022年政府信息公开工作年度报告"), is joined; a crawled page's "标题：…-{site}"
    line is read without its label and the site's name.
    """
    lines = [text.text.strip() if text is not None else "" for text in texts]
    for index, stripped in enumerate(lines):
        here = texts[index]
        if here is None or not _title_like(stripped):
            continue
        end = index + 1
        title = read_title(spec, stripped)
        below = index + 1 if index + 1 < len(lines) and _title_like(lines[index + 1]) else None
        if (title is None or title.agency is None) and below is not None:
            joined = read_title(spec, stripped + lines[below])
            if joined is not None and joined.agency is not None:
                title, end = joined, below + 1
        if title is None:
            continue
        text, agency = title.text, title.agency
        pos = here.at(title.start + len(here.text) - len(here.text.lstrip()))
        if agency is None:
            above = next((i for i in range(index - 1, -1, -1) if lines[i]), None)
            written = texts[above] if above is not None else None
            if written is not None and len(lines[above or 0]) <= 30 and _title_like(lines[above or 0]):
                agency = lines[above or 0]
                text, pos = agency + text, written.pos
        return Text(text, pos), agency, title.year, end
    return None, None, None, 0


def _title_like(text: str) -> bool:
    """A line that may be (part of) a title: short, and not a sentence ("现将…情况报告如下：")."""
    return (
        0 < len(text) <= MAX_TITLE
        and not text.endswith(_SENTENCE_ENDS)
        and not any(word in text for word in _SENTENCE_WORDS)
    )


class Title(NamedTuple):
    text: str  # the title, without a crawler's wrapper
    start: int  # where it starts in the line
    agency: str | None
    year: int | None


def read_title(spec: Specification, line: str) -> Title | None:
    """The title in a line, its agency and its year; None when the line is no title (one names 信息公开 and then
    报告, or 报 in a garbled one)."""
    if len(line) > 2 * MAX_TITLE:
        return None
    start, end = _core(line)
    core = line[start:end]
    anchor = next((at for at in map(core.find, spec.title_anchors) if at >= 0), -1)
    if anchor < 0 or "报" not in core[anchor:]:
        return None
    year = _YEAR_IN.search(core)
    if year is not None and year.start() < anchor:  # "{机关}2023年…", "2023年{机关}…"
        agency = core[: year.start()] + core[year.end() : anchor]
    else:  # "{机关}政府信息公开工作2022年度报告"
        agency = core[:anchor]
    return Title(core, start, agency.strip() or None, int(year.group("year")) if year else None)


def _core(line: str) -> tuple[int, int]:
    """Where the title is in a line: after a field label ("标题："), up to 报告 and a "（2023年度）" after it (a
    crawled page adds its site's name: "…年度报告-沭阳县发改局"), without Markdown's "#" before it."""
    start = len(line) - len(line.lstrip("# \u3000"))  # "# …" of Markdown pasted into text
    for label in TITLE_LABELS:
        if line.startswith(label, start) and line[start + len(label) : start + len(label) + 1] in ("：", ":"):
            rest = line[start + len(label) + 1 :]
            start = len(line) - len(rest.lstrip())
    end = line.rfind("报告")
    if end < start:
        return start, len(line)
    suffix = _YEAR_SUFFIX.match(line, end + 2)
    return start, suffix.end() if suffix else end + 2


def find_period(prose: Iterable[Text]) -> Period | None:
    """The first 统计期限 statement: "自2025年1月1日起至2025年12月31日止", "为2024年1月1日至12月31日"."""
    for text in prose:
        match = _PERIOD.search(text.text)
        if match is not None:
            start = int(match.group("start"))
            end = int(match.group("end")) if match.group("end") else start
            return Period(Text(match.group("span"), text.at(match.start("span"))), start, end)
    return None

"""Word's automatic numbering: the "一、" a heading shows although its text does not hold it.

A heading or list item numbered by Word (a numbered list, or a 标题 style with numbering) keeps its number in the
document's numbering definitions, not in its text: without them, a report whose "一、总体情况" is such a heading
would seem to lack every part. The number is worked out as Word does in the common cases: one counter per list and
level, starting at the level's start value, reset when a higher level moves on, written with the level's number
format into its text pattern ("%1、", "（%1）", "%1.%2").

python-docx reads and writes numbering definitions but does not work out the numbers, so this reads its XML.
"""

from __future__ import annotations

from typing import NamedTuple

from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

_DIGITS = "零一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
MAX_LEVELS = 9  # Word's lists have levels 0–8


def _chinese(n: int) -> str:
    """一 … 九十九 as Word's chineseCounting writes them (and plain digits past that)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, symbol in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L")):
        out, n = out + symbol * (n // value), n % value
    for value, symbol in ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        out, n = out + symbol * (n // value), n % value
    return out


def number(n: int, fmt: str) -> str:
    """``n`` in one of Word's number formats (``w:numFmt``); an unknown format as decimal."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting"):
        return _chinese(n)
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10]
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) - ord("0") + ord("０")) for d in str(n))
    if fmt in ("upperLetter", "lowerLetter"):
        return _letters(n) if fmt == "upperLetter" else _letters(n).lower()
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


class _Level(NamedTuple):
    start: int
    fmt: str
    text: str  # the pattern: "%1、"


def _val(element: BaseOxmlElement | None, child: str) -> str | None:
    found = element.find(qn(child)) if element is not None else None
    return found.get(qn("w:val")) if found is not None else None


def _levels(abstract: BaseOxmlElement) -> dict[int, _Level]:
    levels = {}
    for lvl in abstract.findall(qn("w:lvl")):
        start = _val(lvl, "w:start")
        levels[int(lvl.get(qn("w:ilvl"), "0"))] = _Level(
            int(start) if start and start.isdigit() else 1,
            _val(lvl, "w:numFmt") or "decimal",
            _val(lvl, "w:lvlText") or "",
        )
    return levels


class Numbering:
    """The numbers Word shows before paragraphs, worked out in document order (ask for each paragraph once)."""

    def __init__(self, document: Document) -> None:
        self.lists: dict[str, dict[int, _Level]] = {}  # numId -> its levels
        self.by_style: dict[str, tuple[str, int]] = {}  # style id -> (numId, level) its paragraphs are numbered by
        self.counters: dict[str, list[int]] = {}
        part = document.part
        numbering = part.numbering_part.element if _has_numbering(document) else None
        if numbering is not None:
            abstracts = {a.get(qn("w:abstractNumId")): _levels(a) for a in numbering.findall(qn("w:abstractNum"))}
            for num in numbering.findall(qn("w:num")):
                levels = dict(abstracts.get(_val(num, "w:abstractNumId"), {}))
                for override in num.findall(qn("w:lvlOverride")):
                    level = int(override.get(qn("w:ilvl"), "0"))
                    start = _val(override, "w:startOverride")
                    if level in levels and start and start.isdigit():
                        old = levels[level]
                        levels[level] = _Level(int(start), old.fmt, old.text)
                self.lists[num.get(qn("w:numId")) or ""] = levels
        for style in document.styles.element.findall(qn("w:style")):
            found = _num_pr(style.find(qn("w:pPr")))
            if found is not None:
                self.by_style[style.get(qn("w:styleId")) or ""] = found

    def label(self, paragraph: Paragraph) -> str:
        """The number Word shows before ``paragraph`` ("一、"), or ""."""
        properties = paragraph._p.pPr
        found = _num_pr(properties)
        if found is None and properties is not None and properties.pStyle is not None:
            found = self.by_style.get(properties.pStyle.val or "")
        if found is None:
            return ""
        num_id, level = found
        levels = self.lists.get(num_id)
        if not levels or level not in levels or num_id == "0":
            return ""
        counters = self.counters.setdefault(num_id, [0] * MAX_LEVELS)
        counters[level] = counters[level] + 1 if counters[level] else levels[level].start
        for deeper in range(level + 1, MAX_LEVELS):
            counters[deeper] = 0
        text = levels[level].text
        for shown in range(level, -1, -1):  # %10 does not exist: levels are 1–9
            value = counters[shown] or (levels[shown].start if shown in levels else 1)
            fmt = levels[shown].fmt if shown in levels else "decimal"
            text = text.replace(f"%{shown + 1}", number(value, fmt))
        return text


def _num_pr(properties: BaseOxmlElement | None) -> tuple[str, int] | None:
    """(numId, level) of a paragraph's or style's own numbering, if it has one."""
    num_pr = properties.find(qn("w:numPr")) if properties is not None else None
    if num_pr is None:
        return None
    num_id = _val(num_pr, "w:numId")
    level = _val(num_pr, "w:ilvl")
    if num_id is None:
        return None
    return num_id, int(level) if level and level.isdigit() and int(level) < MAX_LEVELS else 0


def _has_numbering(document: Document) -> bool:
    # python-docx's numbering_part makes an empty part when there is none: only look when the document has one.
    return any(rel.reltype.endswith("/numbering") for rel in document.part.rels.values())

"""Word's automatic numbering: the "一、" a heading shows although its text does not hold it.

A heading or list item numbered by Word (a numbered list, or a 标题 style with numbering) keeps its number in the
document's numbering definitions, not in its text: without them, a report whose "一、总体情况" is such a heading
would seem to lack every part. The number is worked out as Word does in the common cases: one counter per list and
level, starting at the level's start value, reset when a higher level moves on, written with the level's number
format into its text pattern ("%1、", "（%1）", "%1.%2").

This reads the numbering and styles parts' XML (python-docx reads and writes numbering definitions but does not
work out the numbers). What they state is bounded before it is used: a start value or level of thousands of
digits, a pattern of a megabyte, are read as Word's own limits allow.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from checks.sources.limits import bounded_int

_DIGITS = "零一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
MAX_LEVELS = 9  # Word's lists have levels 0–8
MAX_START = 32_767  # the largest start value Word lets a list have
MAX_PATTERN = 64  # characters of a level's text pattern: Word's are a few ("%1、", "%1.%2.%3")
MAX_LETTERS = 26 * 20  # past "TTTT…" (20 letters), a lettered number is written in digits
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def w(tag: str) -> str:
    """The lxml name of a WordprocessingML element or attribute ("p" → "{…/main}p")."""
    return _W + tag


def _chinese(n: int) -> str:
    """一 … 九十九 as Word's chineseCounting writes them (and plain digits past that)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if 0 < n <= MAX_LETTERS else str(n)


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


def _val(element: Any, child: str) -> str | None:
    found = element.find(w(child)) if element is not None else None
    return found.get(_VAL) if found is not None else None


def _levels(abstract: Any) -> dict[int, _Level]:
    levels = {}
    for lvl in abstract.findall(w("lvl")):
        level = _level(lvl.get(w("ilvl")))
        if level is not None:
            levels[level] = _Level(
                _start(_val(lvl, "start")) or 1,
                _val(lvl, "numFmt") or "decimal",
                (_val(lvl, "lvlText") or "")[:MAX_PATTERN],
            )
    return levels


class Numbering:
    """The numbers Word shows before paragraphs, worked out in document order (ask for each paragraph once).
    ``numbering`` and ``styles``: the root elements of the document's numbering and styles parts, if it has them."""

    def __init__(self, numbering: Any = None, styles: Any = None) -> None:
        self.lists: dict[str, dict[int, _Level]] = {}  # numId -> its levels
        self.by_style: dict[str, tuple[str, int]] = {}  # style id -> (numId, level) its paragraphs are numbered by
        self.counters: dict[str, list[int]] = {}
        if numbering is not None:
            abstracts = {a.get(w("abstractNumId")): _levels(a) for a in numbering.findall(w("abstractNum"))}
            for num in numbering.findall(w("num")):
                levels = dict(abstracts.get(_val(num, "abstractNumId"), {}))
                for override in num.findall(w("lvlOverride")):
                    level = _level(override.get(w("ilvl")))
                    start = _start(_val(override, "startOverride"))
                    if level in levels and start is not None:
                        old = levels[level]
                        levels[level] = _Level(start, old.fmt, old.text)
                self.lists[num.get(w("numId")) or ""] = levels
        for style in styles.findall(w("style")) if styles is not None else ():
            found = _num_pr(style.find(w("pPr")))
            if found is not None:
                self.by_style[style.get(w("styleId")) or ""] = found

    def label(self, paragraph: Any) -> str:
        """The number Word shows before ``paragraph`` (a ``w:p`` element): "一、", or ""."""
        properties = paragraph.find(w("pPr"))
        found = _num_pr(properties)
        if found is None and properties is not None:
            style = _val(properties, "pStyle")
            found = self.by_style.get(style or "") if style is not None else None
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


def _num_pr(properties: Any) -> tuple[str, int] | None:
    """(numId, level) of a paragraph's or style's own numbering, if it has one."""
    num_pr = properties.find(w("numPr")) if properties is not None else None
    if num_pr is None:
        return None
    num_id = _val(num_pr, "numId")
    if num_id is None:
        return None
    level = bounded_int(_val(num_pr, "ilvl"), 0, MAX_LEVELS)
    return num_id, level if level < MAX_LEVELS else 0


def _level(value: str | None) -> int | None:
    """A list level as a file states it (``w:ilvl``, absent: 0), or None for one Word does not have."""
    if value is None:
        return 0
    level = bounded_int(value, MAX_LEVELS, MAX_LEVELS) if value.strip().isascii() and value.strip().isdigit() else None
    return level if level is not None and level < MAX_LEVELS else None


def _start(value: str | None) -> int | None:
    """A start value written in digits only, at most MAX_START (thousands of digits are no number to convert)."""
    return bounded_int(value, 1, MAX_START) if value and value.isascii() and value.isdigit() else None


_VAL = w("val")

"""How a written table label compares with the official one it stands for (reference §6.3).

Compliant reports write labels with other punctuation ("1、" for "1.", 「」 for “”, "，" for "、"), in the 条例's
words ("或者" for "或"), with a bracketed addition or without the bracketed explanation ("现行有效件数（历史累计）",
"（二）部分公开"), or in a listed variant ("规范性文件"). Sources identify rows by the loose key; T006 decides by
``compare`` whether a label is the same, a variant (a warning) or altered (an error).
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache

from checks import national_format as nf
from checks.normalize import letters

# A bracketed insertion: not a list numeral ("（二）", "第（一）项"), whose words make the label's identity. The class
# excludes brackets, so the pattern is linear.
_INSERTION = re.compile(r"[（(](?![一二三四五六七八九十\d]{1,3}[)）])[^（()）]{1,60}[)）]")


class Likeness(Enum):
    SAME = "same"  # the official label, but for width, spaces, punctuation and the 条例's words
    VARIANT = "variant"  # a bracketed part added or left out, or a listed variant: a warning
    ALTERED = "altered"  # other words: an error


@lru_cache(maxsize=4096)
def exact(text: str) -> str:
    """The key under which a label is the official one: its words alone, in the 条例's wording."""
    key = letters(text)
    for written, official in nf.LABEL_SYNONYMS:
        key = key.replace(written, official)
    return key


@lru_cache(maxsize=4096)
def loose(text: str) -> str:
    """The key under which a label is a variant of the official one: without its bracketed insertions."""
    return exact(_INSERTION.sub("", text))


_VARIANTS = {exact(variant): official for official, variants in nf.LABEL_VARIANTS.items() for variant in variants}


def listed_variant(text: str) -> str | None:
    """The official label a listed variant stands for."""
    return _VARIANTS.get(exact(text))


def compare(written: str, official: str) -> Likeness:
    if exact(written) == exact(official):
        return Likeness.SAME
    if listed_variant(written) == official:
        return Likeness.VARIANT
    if loose(written) == loose(official):
        # Brackets added or left out, not rewritten: "只计这一情况" inside the bracket is altered wording.
        added, kept = _insertions(written), _insertions(official)
        if added <= kept or kept <= added:
            return Likeness.VARIANT
    return Likeness.ALTERED


def _insertions(text: str) -> frozenset[str]:
    return frozenset(map(exact, _INSERTION.findall(text)))

"""The one label matcher: which official label of a table a written one stands for, and how it differs from it.

Compliant reports write labels with other punctuation ("1、" for "1.", 「」 for “”, "，" for "、"), in the 条例's
words ("或者" for "或"), with a bracketed addition or without the bracketed explanation ("现行有效件数（历史累计）",
"（二）部分公开"), or in a listed variant ("规范性文件"); a copy mistypes some. Sources identify rows with
``Vocabulary.official``/``row_key``; wording rules and writers find the official header with ``header`` and decide
with ``compare`` whether a label is the same, a variant (a warning) or altered (an error). Everything here reads the
report's specification (its labels, variants, synonyms and thresholds) and is cached per specification.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import cache, lru_cache

from checks.normalize import best_match, letters, norm
from checks.specs import Specification, default

# A bracketed insertion: not a list numeral ("（二）", "第（一）项"), whose words make the label's identity. The class
# excludes brackets, so the pattern is linear.
_INSERTION = re.compile(r"[（(](?![一二三四五六七八九十\d]{1,3}[)）])[^（()）]{1,60}[)）]")


class Likeness(Enum):
    SAME = "same"  # the official label, but for width, spaces, punctuation and the 条例's words
    VARIANT = "variant"  # a bracketed part added or left out, or a listed variant: a warning
    ALTERED = "altered"  # other words: an error


@lru_cache(maxsize=4096)
def _letters_key(text: str, synonyms: tuple[tuple[str, str], ...]) -> str:
    key = letters(text)
    for written, official in synonyms:
        key = key.replace(written, official)
    return key


def exact(spec: Specification, text: str) -> str:
    """The key under which a label is the official one: its words alone, in the 条例's wording."""
    return _letters_key(text, spec.label_synonyms)


def loose(spec: Specification, text: str) -> str:
    """The key under which a label is a variant of the official one: without its bracketed insertions."""
    return _letters_key(_INSERTION.sub("", text), spec.label_synonyms)


@cache
def _variants(spec: Specification) -> dict[str, str]:
    return {exact(spec, v): official for official, variants in spec.label_variants.items() for v in variants}


def listed_variant(spec: Specification, text: str) -> str | None:
    """The official label a listed variant stands for."""
    return _variants(spec).get(exact(spec, text))


def compare(written: str, official: str, *, spec: Specification | None = None) -> Likeness:
    """How a written label differs from the official one it stands for, by ``spec``'s synonyms and variants (by
    default the national format's)."""
    spec = spec or default()
    if exact(spec, written) == exact(spec, official):
        return Likeness.SAME
    if listed_variant(spec, written) == official:
        return Likeness.VARIANT
    if loose(spec, written) == loose(spec, official):
        # Brackets added or left out, not rewritten: "只计这一情况" inside the bracket is altered wording.
        added, kept = _insertions(spec, written), _insertions(spec, official)
        if added <= kept or kept <= added:
            return Likeness.VARIANT
    return Likeness.ALTERED


def _insertions(spec: Specification, text: str) -> frozenset[str]:
    return frozenset(exact(spec, found) for found in _INSERTION.findall(text))


class Vocabulary:
    """The official labels of one table of one specification, and how written ones are matched to them."""

    def __init__(self, spec: Specification, table: str) -> None:
        self.spec = spec
        self.rows = {norm(row.label): row.key for row in spec.rows[table] if row.label}  # label -> row key
        self.headers = spec.header_labels[table]
        self.labels = tuple(row.label for row in spec.rows[table] if row.label) + self.headers  # rows first
        self.known = frozenset(map(norm, self.labels))
        shared: dict[str, str | None] = {}  # loose key -> its label, or None when two labels share it
        for label in self.labels:
            key = loose(spec, label)
            shared[key] = label if shared.get(key, label) == label else None
        self.forms = {key: label for key, label in shared.items() if label is not None}
        self.forms.update((exact(spec, label), label) for label in self.labels)  # an exact key wins over a loose one
        self.note = spec.t3_note if table == "t3" else None

    def official(self, text: str) -> str | None:
        """The official label ``text`` stands for: exactly, in another punctuation or a variant, or as a mistyped
        copy (at least ``spec.label_fuzzy`` alike)."""
        if norm(text) in self.known:
            return text
        spec = self.spec
        official = self.forms.get(exact(spec, text)) or self.forms.get(loose(spec, text))
        official = official or listed_variant(spec, text)
        if official is not None and norm(official) in self.known:
            return official
        match = best_match(text, self.labels, spec.label_fuzzy)
        return match[0] if match else None

    def row_key(self, text: str) -> str | None:
        """The key of the official row a written label names, exactly or as a mistyped copy; None otherwise."""
        key = self.rows.get(norm(text))
        if key is None:
            official = self.official(text)
            key = self.rows.get(norm(official)) if official is not None else None
        return key

    def is_note(self, text: str) -> bool:
        """Whether a header is the 勾稽 note, however altered (it still names the 勾稽 relation)."""
        if self.note is None:
            return False
        return self.spec.t3_note_keyword in text or best_match(text, (self.note,), self.spec.note_fuzzy) is not None

    def header(self, text: str, among: tuple[str, ...] | None = None) -> str | None:
        """The official header label (of ``among``, by default all of the table's) a written one stands for:
        exactly, as a variant, as the 勾稽 note, else the most alike (at least ``spec.header_fuzzy``)."""
        official = self.headers if among is None else among
        key, spec = norm(text), self.spec
        found = next((label for label in official if norm(label) == key), None)
        if found is not None:
            return found
        if self.note in official and self.is_note(text):
            return self.note
        written, variant = loose(spec, text), listed_variant(spec, text)
        found = next((label for label in official if loose(spec, label) == written or label == variant), None)
        if found is not None:
            return found
        match = best_match(text, tuple(label for label in official if label != self.note), spec.header_fuzzy)
        return match[0] if match else None


@cache
def vocabulary(spec: Specification, table: str) -> Vocabulary:
    return Vocabulary(spec, table)

"""The rule registry: every rule declares its code, default severity and documentation in one place.

A rule is a function from the Report model to findings; a cross-year rule (``cross_rule``) also gets last
year's report of the same agency and runs only when there is one. Its docstring is its user documentation
(Chinese first, then English after a line ``---``). The engine, not the rule, stamps the severity.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import NamedTuple

from checks.findings import Finding, Severity
from checks.model import Report

Check = Callable[[Report], Iterable[Finding]]
CrossCheck = Callable[[Report, Report], Iterable[Finding]]  # (this year's report, last year's)


class Rule(NamedTuple):
    code: str
    severity: Severity
    title_zh: str
    title_en: str
    check: Check | None  # None: the finding comes from reading or parsing (I001…), or the rule is cross-year
    docstring: str  # as written in the code, indented
    cross: CrossCheck | None = None

    @property
    def doc(self) -> str:
        """The rule's user documentation: Chinese, a line ``---``, then English."""
        import textwrap  # here: only `rule`, SARIF and the docs read it, and a check run saves 2 ms without it

        return textwrap.dedent(self.docstring).strip()


_REGISTRY: dict[str, Rule] = {}


def rule(code: str, severity: Severity, title_zh: str, title_en: str) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        _REGISTRY[code] = Rule(code, severity, title_zh, title_en, check, check.__doc__ or "")
        return check

    return register


def cross_rule(code: str, severity: Severity, title_zh: str, title_en: str) -> Callable[[CrossCheck], CrossCheck]:
    def register(cross: CrossCheck) -> CrossCheck:
        _REGISTRY[code] = Rule(code, severity, title_zh, title_en, None, cross.__doc__ or "", cross)
        return cross

    return register


def declare(code: str, severity: Severity, title_zh: str, title_en: str, doc: str) -> None:
    """A rule whose findings are made before there is a model (reading the file)."""
    _REGISTRY[code] = Rule(code, severity, title_zh, title_en, None, doc)


@cache
def catalog() -> dict[str, Rule]:
    """All rules by code, in catalog order."""
    from checks.rules import (  # noqa: F401  (they register)
        arithmetic,
        content,
        crossyear,
        figures,
        inputs,
        plausibility,
        publication,
        schema,
        sections,
        tables,
        wording,
    )

    return dict(sorted(_REGISTRY.items(), key=lambda item: (FAMILIES.index(item[0][0]), item[0])))


def selected(select: Iterable[str] | None, ignore: Iterable[str] | None) -> list[Rule]:
    """The rules a ``--select``/``--ignore`` pair keeps; a code prefix (``A``, ``T00``) names a family."""
    keep = tuple(select or ())
    drop = tuple(ignore or ())
    return [
        r
        for r in catalog().values()
        if (not keep or r.code.startswith(keep)) and not (drop and r.code.startswith(drop))
    ]


FAMILIES = "ISRTAX"  # the catalog's families, in its order; a family may have no rule in this version yet


def unknown_codes(codes: Iterable[str]) -> Iterator[str]:
    """Codes or prefixes that name no rule (a typo in ``--select`` must not silently select nothing)."""
    known = catalog()
    for code in codes:
        if code not in FAMILIES and not any(k.startswith(code) for k in known):
            yield code

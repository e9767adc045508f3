"""The documentation pages in docs/rules/ are what the rules' own documentation renders to (one source)."""

from __future__ import annotations

from checks.docs import pages
from tests.conftest import ROOT

RULE_PAGES = ROOT / "docs" / "rules"


def test_rule_pages_are_generated_from_the_rule_docs() -> None:
    expected = pages()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in RULE_PAGES.glob("*.md")}
    assert sorted(on_disk) == sorted(expected), "run: python -m checks.docs docs/rules"
    stale = [name for name, content in expected.items() if on_disk[name] != content]
    assert not stale, f"out of date: {stale}; run: python -m checks.docs docs/rules"


def test_a_page_holds_both_languages_and_the_examples() -> None:
    page = (RULE_PAGES / "A003.md").read_text(encoding="utf-8")
    assert page.startswith("# A003 表三勾稽关系不成立")
    assert "错误示例" in page and "## English" in page and "Failing" in page

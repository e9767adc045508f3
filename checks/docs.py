"""Rule documentation, from the one source each rule has (its docstring: Chinese, a line ``---``, English).

``zfxxgk-lint rule CODE`` prints it; ``python -m checks.docs [FOLDER]`` writes a Markdown page per rule and an
index (docs/rules/ in the repository; a test keeps those pages equal to what this module renders).
"""

from __future__ import annotations

import sys
from pathlib import Path

from checks.rules import Rule, catalog

_SEVERITY = {"error": "错误 error", "warning": "警告 warning"}


def _body(rule: Rule, lang: str) -> str:
    zh, _, en = rule.doc.partition("\n---\n")
    text = en if lang == "en" and en.strip() else zh
    return "\n".join(line.strip() for line in text.strip().splitlines())


def text(rule: Rule, lang: str) -> str:
    """The documentation as ``zfxxgk-lint rule CODE`` prints it."""
    title = rule.title_en if lang == "en" else rule.title_zh
    return f"{rule.code} ({rule.severity.value}) {title}\n\n{_body(rule, lang)}"


def listing(rules: list[Rule], lang: str, output_format: str) -> str:
    """``zfxxgk-lint rule --all``: a line per rule (code, default severity, title), or JSON with the docs too."""
    if output_format == "json":
        import json

        entries = [
            {
                "code": r.code,
                "severity": r.severity.value,
                "title": r.title_en if lang == "en" else r.title_zh,
                "documentation": _body(r, lang),
            }
            for r in rules
        ]
        return json.dumps(entries, ensure_ascii=False, indent=2)
    severity = {"error": "error  ", "warning": "warning"} if lang == "en" else {"error": "错误", "warning": "警告"}
    return "\n".join(
        f"{r.code}  {severity[r.severity.value]}  {r.title_en if lang == 'en' else r.title_zh}" for r in rules
    )


def page(rule: Rule) -> str:
    """A Markdown page with both languages."""
    return (
        f"# {rule.code} {rule.title_zh}\n\n"
        f"*{rule.title_en}* · 默认级别 default: {_SEVERITY[rule.severity.value]}\n\n"
        f"{_paragraphs(_body(rule, 'zh'))}\n\n"
        f"## English\n\n{_paragraphs(_body(rule, 'en'))}\n\n"
        f"`zfxxgk-lint rule {rule.code}` · `zfxxgk-lint rule {rule.code} --lang en`\n"
    )


def _paragraphs(body: str) -> str:
    # A docstring's lines are wrapped prose; Markdown needs a hard break to keep the examples on their own lines.
    return "  \n".join(body.splitlines())


def index() -> str:
    rows = "\n".join(
        f"| [{r.code}]({r.code}.md) | {r.title_zh} | {r.title_en} | {r.severity.value} |" for r in catalog().values()
    )
    return (
        "# 规则 Rules\n\n"
        "Generated from each rule's documentation by `python -m checks.docs docs/rules`; do not edit by hand.\n\n"
        "| code | 规则 | rule | default |\n|---|---|---|---|\n"
        f"{rows}\n"
    )


def pages() -> dict[str, str]:
    """File name → content of every page, the index included."""
    return {"README.md": index(), **{f"{code}.md": page(rule) for code, rule in catalog().items()}}


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else "docs/rules")
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in pages().items():
        (folder / name).write_text(content, encoding="utf-8")
    print(f"wrote {len(pages())} pages to {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Every single thing compliant published reports write differently (reference §6.1–6.4), applied alone to the clean
example, in every source format the linter reads: no error, and at most one finding (a warning naming the usual
form). The variants come from the format data (checks/national_format.py) and the label and text lists below, so a
variant added to the data is tested here without a new test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from checks.findings import Severity
from checks.specs import national_2021 as nf
from tests.conftest import CLEAN_TEXT
from tests.test_label_variants import SILENT, WARNED
from tests.variants import FORMATS, lint_as

TITLE = "示例县自然资源局2025年政府信息公开工作年度报告"
PROBLEMS = (
    "（一）存在的主要问题\n\n一是部分政策解读形式较为单一，图解、视频等解读方式运用不多；二是个别栏目信息更新不够及时。"
)
MEASURES = (
    "（二）改进措施\n\n一是丰富政策解读形式，重要政策文件同步推出图解解读；"
    "二是建立栏目更新责任清单，每月检查一次栏目更新情况。"
)
PART_SIX = "本年度未收取信息处理费。本机关未发生其他需要报告的事项。"
OVERVIEW = "全年新收政府信息公开申请15件"


def _replace(old: str, new: str) -> Callable[[str], str]:
    def apply(text: str) -> str:
        assert text.count(old) == 1, old
        return text.replace(old, new)

    return apply


def _heading(part: nf.Part, variant: str) -> Callable[[str], str]:
    return _replace(f"\n{part.heading}\n", f"\n{variant}\n")


VARIANTS: dict[str, Callable[[str], str]] = {
    # §6.1: every known wording of every part, and a heading line that carries its text.
    **{f"heading {v}": _heading(p, v) for p in nf.PARTS for v in p.variants},
    "heading with its text": _replace("六、其他需要报告的事项\n\n", "六、其他需要报告的事项："),
    # §6.2: every title form that names the agency and the year.
    **{
        f"title {form}": _replace(TITLE, form.format(agency="示例县自然资源局", year=2025))
        for form in nf.TITLE_VARIANTS
    },
    # §6.3: table labels.
    **{f"label {name}": _replace(*pair) for name, pair in {**SILENT, **WARNED}.items()},
    # Zeros left blank (the cells hold a full-width space, as copied pages hold &nbsp;, so every format keeps them).
    "blank for zero": lambda text: text.replace(
        "\t\t6.属于四类过程性信息\t0\t0\t0\t0\t0\t0\t0", "\t\t6.属于四类过程性信息" + "\t\u3000" * 7
    ),
    # §6.4: text.
    "fee: 未发生收费情况": _replace(PART_SIX, "政府信息公开未发生收费情况。"),
    "fee: 未收取任何费用": _replace(PART_SIX, "本年度未收取任何费用。"),
    "improvements as 一是…二是… with 将": _replace(
        f"{PROBLEMS}\n\n{MEASURES}",
        "本机关政府信息公开工作还存在栏目信息更新不够及时的问题。2026年，我局将一是进一步丰富政策解读形式，"
        "二是加大栏目更新检查力度，三是持续规范信息发布流程。",
    ),
    "a region-wide figure": _replace(OVERVIEW, f"全县各级行政机关共新收政府信息公开申请815件，本机关{OVERVIEW[2:]}"),
    "以表格形式列示": _replace(
        "二、主动公开政府信息情况\n\n", "二、主动公开政府信息情况\n\n主动公开政府信息情况以表格形式列示如下：\n\n"
    ),
    "a year in Chinese numerals": _replace(OVERVIEW, f"本机关自二○○八年起发布年度报告。{OVERVIEW}"),
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_compliant_variant_is_an_error_in_any_format(tmp_path: Path, fmt: str) -> None:
    wrong = {}
    for number, (name, apply) in enumerate(VARIANTS.items()):
        folder = tmp_path / str(number)
        folder.mkdir()
        result = lint_as(apply(CLEAN_TEXT), fmt, folder)
        findings = [(f.rule, f.severity.value, f.message.zh) for f in result.findings]
        if result.crash or len(findings) > 1 or any(f.severity is Severity.ERROR for f in result.findings):
            wrong[name] = result.crash or findings
    assert not wrong, wrong


def test_the_variants_cover_every_section_of_the_reference() -> None:
    kinds = {name.split(" ", 1)[0] for name in VARIANTS}
    assert {"heading", "title", "label", "fee:"} <= kinds
    assert sum(name.startswith("heading ") for name in VARIANTS) == sum(len(p.variants) for p in nf.PARTS) + 1

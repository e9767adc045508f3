"""Table labels and cells as compliant reports write them (reference §6.3): punctuation and the 条例's words give
nothing, the common variants one warning that names the official label, and nothing of it is an error, in every
source format. Altered words stay an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import labels
from checks.findings import Severity
from checks.labels import Likeness
from tests.conftest import CLEAN_TEXT, Lint, line_of
from tests.variants import FORMATS, lint_as

# (what the clean example writes, what a compliant report writes instead)
SILENT = {
    "1、 numbering": ("1.属于国家秘密", "1、属于国家秘密"),
    "「」 quotes": ("“三安全一稳定”", "「三安全一稳定」"),
    "， for 、": ("1.申请人无正当理由逾期不补正、行政机关", "1.申请人无正当理由逾期不补正，行政机关"),
    "法人或者": ("法人或其他组织", "法人或者其他组织"),
    "note wrapped": (
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t",
        "（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）\t",
    ),
}
WARNED = {
    "规范性文件": ("行政规范性文件\t2", "规范性文件\t2"),
    "（历史累计）": ("现行有效件数", "现行有效件数（历史累计）"),
    "本年(2025)": ("本年制发件数", "本年(2025)制发件数"),
    "（万元）": ("本年收费金额（单位：万元）", "本年收费金额（万元）"),
    "shortened （二）": ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开"),
}


def _apply(old: str, new: str) -> str:
    assert CLEAN_TEXT.count(old) == 1, old
    return CLEAN_TEXT.replace(old, new)


@pytest.mark.parametrize("name", SILENT)
def test_punctuation_and_the_statutes_words_give_nothing(lint: Lint, name: str) -> None:
    assert lint(_apply(*SILENT[name])).findings == ()


@pytest.mark.parametrize("name", WARNED)
def test_a_common_variant_is_one_warning_naming_the_official_label(lint: Lint, name: str) -> None:
    old, new = WARNED[name]
    mutated = _apply(old, new)
    result = lint(mutated)
    assert [(f.rule, f.severity, f.pos.line) for f in result.findings] == [
        ("T006", Severity.WARNING, line_of(mutated, new))
    ]
    assert result.findings[0].expected == old.removesuffix("\t2")


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_variant_gives_an_error_in_any_format(tmp_path: Path, fmt: str) -> None:
    for name, (old, new) in {**SILENT, **WARNED}.items():
        folder = tmp_path / name.replace("/", "_")
        folder.mkdir()
        result = lint_as(_apply(old, new), fmt, folder)
        errors = [(f.rule, f.message.zh) for f in result.findings if f.severity is Severity.ERROR]
        assert not errors, (name, errors)
        assert len(result.findings) <= 1, (name, result.findings)


@pytest.mark.parametrize(
    ("written", "official"),
    [
        (
            "（二）部分公开（区分处理的，只计这一情况，不计其他情形）",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        ),
        ("5.属于三类内容事务信息", "5.属于三类内部事务信息"),
        ("现行有效件", "现行有效件数"),
        ("（三）部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ],
)
def test_altered_words_are_still_altered(written: str, official: str) -> None:
    assert labels.compare(written, official) is Likeness.ALTERED


def test_an_altered_bracket_is_an_error(lint: Lint) -> None:
    mutated = _apply("只计这一情形", "只计这一情况")
    assert [(f.rule, f.severity) for f in lint(mutated).findings] == [("T006", Severity.ERROR)]


def test_fee_in_yuan_fractions_of_wan_is_no_finding(lint: Lint) -> None:
    # 12.5 元 is 0.00125 万元: the format fixes no decimal places.
    assert lint(_apply("行政事业性收费\t0", "行政事业性收费\t0.00125")).findings == ()

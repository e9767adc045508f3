"""Never a traceback: random text and random edits of a real report give findings, not crashes."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.engine import lint_file
from checks.rules import selected
from tests.conftest import CLEAN_TEXT

CLEAN_LINES = CLEAN_TEXT.split("\n")
SETTINGS = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


def _lint(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.txt"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        result = lint_file(path, selected(None, None))
        assert result.crash is None, result.crash


@SETTINGS
@given(
    st.text(
        alphabet=st.sampled_from("一二三四五六、（）()|\t\n 0123456789/—总计规章年报告政府信息公开情况勾稽"),
        max_size=400,
    )
)
def test_random_text_never_crashes(text: str) -> None:
    _lint(text)


@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=len(CLEAN_LINES) - 1),
            st.sampled_from(["delete", "duplicate", "blank", "cut", "tabs-to-pipes", "swap"]),
            st.integers(min_value=0, max_value=80),
        ),
        max_size=8,
    )
)
def test_random_edits_of_a_real_report_never_crash(edits: list[tuple[int, str, int]]) -> None:
    lines = list(CLEAN_LINES)
    for index, kind, amount in edits:
        index %= len(lines)
        if kind == "delete":
            del lines[index]
        elif kind == "duplicate":
            lines.insert(index, lines[index])
        elif kind == "blank":
            lines[index] = ""
        elif kind == "cut":
            lines[index] = lines[index][:amount]
        elif kind == "tabs-to-pipes":
            lines[index] = lines[index].replace("\t", " | ")
        else:
            other = amount % len(lines)
            lines[index], lines[other] = lines[other], lines[index]
        if not lines:
            lines = [""]
    _lint("\n".join(lines))
